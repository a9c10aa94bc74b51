// OSS endpoints: `oss-<region>.aliyuncs.com` (ListBuckets) and `<bucket>.oss-<region>.aliyuncs.com`
// (ListObjects, ListObjectsV2, GetBucketInfo, GetBucketLocation). Checks the date (15 minutes),
// the AccessKey and STS token, and the V1 signature (header or presigned URL) with ali-oss's own
// signing code, then authorises with the mock's evaluator.

import { readFileSync } from 'node:fs';
import { authorizeWhy, bucketPolicyDenies } from './authorize.js';
import { EC_BUCKET_POLICY, ossRefusalExtra } from './denials.js';
import { ApiError, ossError, ossErrorReply, ossReply, ossRequestId, xmlDocument } from './responses.js';
import { ossSignature } from './sdk-signing.js';
import { MAX_SKEW_MS } from './rpc.js';

/** @typedef {import('./world.js').World} World */
/** @typedef {import('./world.js').Caller} Caller */
/** @typedef {import('./world.js').Bucket} Bucket */
/** @typedef {import('./world.js').Account} Account */
/** @typedef {import('./responses.js').Reply} Reply */
/** @typedef {import('./responses.js').XmlNode} XmlNode */

/** What OSS names the default resource group of a bucket that is in no other (GetBucketInfo's ResourceGroupId). */
const DEFAULT_RESOURCE_GROUP = 'rg-default-id';

/** @type {Set<string>} */
const SUBRESOURCES = new Set(JSON.parse(readFileSync(new URL('./oss-subresources.json', import.meta.url), 'utf8')).names);

/**
 * The OSS endpoint `host` names: `{region, bucket}` (bucket null for the service endpoint), or null.
 * @param {string} host
 */
export function ossEndpointOf(host) {
  const m = /^(?:([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\.)?oss-([a-z0-9-]+?)(-internal)?\.aliyuncs\.com$/.exec(host);
  return m ? { bucket: m[1] ?? null, region: m[2] } : null;
}

/**
 * The operation a request asks for, or null.
 * @param {string | null} bucket @param {string} method @param {string} key @param {URLSearchParams} query
 */
export function ossOperationOf(bucket, method, key, query) {
  if (method !== 'GET' && method !== 'HEAD') return null;
  if (bucket === null) return key === '' ? 'ListBuckets' : null;
  if (key !== '') return null;
  if (query.has('bucketInfo')) return 'GetBucketInfo';
  if (query.has('location')) return 'GetBucketLocation';
  const signed = [...query.keys()].filter((k) => SUBRESOURCES.has(k) && k !== 'continuation-token' && k !== 'security-token');
  if (signed.length > 0) return null;
  return query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
}

/**
 * Who signed the request (null: anonymous), after the date, key, token and signature checks.
 * @param {World} world
 * @param {{method: string, headers: Record<string, string>, query: URLSearchParams, resource: string}} request
 * @param {number} now
 * @returns {Caller | null}
 */
function authenticate(world, { method, headers, query, resource }, now) {
  const authorization = headers.authorization;
  const presigned = query.has('OSSAccessKeyId') && query.has('Signature');
  if (authorization === undefined && !presigned) return null;
  if (authorization !== undefined && !authorization.startsWith('OSS ')) {
    throw ossError('InvalidArgument', 'Authorization header is invalid: the mock cloud checks OSS V1 signatures ("OSS <AccessKeyId>:<Signature>") only.', { ArgumentName: 'Authorization', ArgumentValue: authorization.split(' ')[0] ?? '' });
  }
  /** @type {string} */
  let accessKeyId;
  /** @type {string} */
  let provided;
  /** @type {string | undefined} */
  let dateSlot;
  let token;
  if (authorization !== undefined) {
    const m = /^OSS ([^:]+):(.+)$/.exec(authorization);
    if (!m) throw ossError('InvalidArgument', 'Authorization header is invalid.', { ArgumentName: 'Authorization', ArgumentValue: authorization });
    [, accessKeyId, provided] = m;
    const dateText = headers['x-oss-date'] ?? headers.date;
    const at = dateText === undefined ? NaN : Date.parse(dateText);
    if (Number.isNaN(at)) throw ossError('AccessDenied', 'OSS authentication requires a valid Date.');
    if (Math.abs(now - at) > MAX_SKEW_MS) {
      throw ossError('RequestTimeTooSkewed', undefined, {
        RequestTime: dateText ?? '',
        ServerTime: new Date(now).toISOString(),
        MaxAllowedSkewMilliseconds: String(MAX_SKEW_MS),
      });
    }
    dateSlot = headers['x-oss-date'] === undefined ? headers.date : undefined;
    token = headers['x-oss-security-token'];
  } else {
    accessKeyId = query.get('OSSAccessKeyId') ?? '';
    provided = query.get('Signature') ?? '';
    dateSlot = query.get('Expires') ?? '';
    const expires = Number(dateSlot);
    if (!/^\d+$/.test(dateSlot)) throw ossError('AccessDenied', 'Invalid argument Expires.');
    if (expires * 1000 < now) {
      throw ossError('AccessDenied', 'Request has expired.', { Expires: new Date(expires * 1000).toISOString(), ServerTime: new Date(now).toISOString() });
    }
    token = query.get('security-token') ?? undefined;
  }

  /** @type {Caller} */
  let caller;
  let secret;
  const session = world.sessions.get(accessKeyId);
  if (session) {
    if (token === undefined || token !== session.token) {
      throw ossError('InvalidSecurityToken', undefined, { OSSAccessKeyId: accessKeyId });
    }
    if (now >= session.expiresMs) throw ossError('SecurityTokenExpired', undefined, { OSSAccessKeyId: accessKeyId });
    caller = { kind: 'session', account: session.account, session };
    secret = session.secret;
  } else {
    const owner = world.keyOwner(accessKeyId);
    if (!owner) throw ossError('InvalidAccessKeyId', undefined, { OSSAccessKeyId: accessKeyId });
    if (owner.key.status !== 'Active') throw ossError('InvalidAccessKeyId', 'The OSS Access Key Id you provided is disabled.', { OSSAccessKeyId: accessKeyId });
    caller = owner.user ? { kind: 'user', account: owner.account, user: owner.user } : { kind: 'root', account: owner.account };
    secret = owner.key.secret;
  }

  /** @type {Record<string, string | null>} */
  const subresources = {};
  for (const [k, v] of query) if (SUBRESOURCES.has(k)) subresources[k] = v;
  // The signing headers as received; a presigned URL signs no Date header (Expires takes its slot).
  const signedHeaders = presigned && authorization === undefined
    ? Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'date' && k !== 'x-oss-date'))
    : headers;
  const expected = ossSignature({ method, resource, headers: signedHeaders, subresources, dateSlot }, secret);
  if (expected.signature !== provided) {
    throw ossError('SignatureDoesNotMatch', undefined, {
      StringToSign: expected.stringToSign,
      SignatureProvided: provided,
      StringToSignBytes: [...Buffer.from(expected.stringToSign, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join(' '),
      OSSAccessKeyId: accessKeyId,
    });
  }
  return caller;
}

/**
 * Throws AccessDenied unless `caller` may do `action` on `resource` (anonymous: public-read buckets
 * allow reads).
 * @param {World} world @param {Caller | null} caller @param {string} action @param {string} resource
 * @param {{context?: Record<string, string>, bucket?: Bucket, deniedMessage?: string}} [options]
 */
function requireOss(world, caller, action, resource, { context = {}, bucket, deniedMessage } = {}) {
  if (caller === null) {
    if (bucket && bucket.acl.startsWith('public-read')) return;
    throw ossError('AccessDenied', bucket ? undefined : 'Anonymous access is forbidden for this operation.');
  }
  // The bucket's own policy: its Deny refuses whatever RAM allows (no RAM detail, its own EC).
  if (bucket && bucketPolicyDenies(bucket.policy, caller, action, resource)) {
    throw ossError('AccessDenied', 'Access denied by bucket policy.', { EC: EC_BUCKET_POLICY });
  }
  const { decision, policyType } = authorizeWhy(world, caller, { action, resource, context });
  if (decision === 'Allow') return;
  const extra = ossRefusalExtra(world, caller, { action, resource, policyType, explicitDeny: decision === 'ExplicitDeny' });
  // OSS's words: the session policy is "the authorizer's policy"; any explicit Deny reads as
  // the bucket policy's, whichever policy held it (the detail tells which).
  const message = policyType === 'SessionPolicy'
    ? "Access denied by authorizer's policy."
    : decision === 'ExplicitDeny' ? 'Access denied by bucket policy.' : deniedMessage;
  throw ossError('AccessDenied', message, extra);
}

/** @param {Account} account @returns {XmlNode} */
const owner = (account) => ['Owner', [['ID', account.uid], ['DisplayName', account.uid]]];

/** @param {URLSearchParams} query @param {string} name @param {number} fallback */
function maxKeys(query, name, fallback) {
  const text = query.get(name);
  if (text === null || text === '') return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 1000) {
    throw ossError('InvalidArgument', `Argument ${name} must be an integer between 1 and 1000.`, { ArgumentName: name, ArgumentValue: text });
  }
  return n;
}

/** @param {World} world @param {Caller | null} caller @param {URLSearchParams} query @returns {string} */
function listBuckets(world, caller, query) {
  if (caller === null) throw ossError('AccessDenied', 'Anonymous access is forbidden for this operation.');
  const uid = caller.account.uid;
  requireOss(world, caller, 'oss:ListBuckets', `acs:oss:*:${uid}:*`, { deniedMessage: 'You are forbidden to list buckets.' });
  const prefix = query.get('prefix') ?? '';
  const marker = query.get('marker') ?? '';
  const max = maxKeys(query, 'max-keys', 100);
  const all = [...caller.account.buckets.values()]
    .filter((b) => b.name.startsWith(prefix) && b.name > marker)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const page = all.slice(0, max);
  const truncated = all.length > max;
  const paged = query.has('prefix') || query.has('marker') || query.has('max-keys');
  /** @type {XmlNode[]} */
  const children = [owner(caller.account)];
  if (paged) {
    children.push(['Prefix', prefix], ['Marker', marker], ['MaxKeys', max], ['IsTruncated', truncated]);
    if (truncated) children.push(['NextMarker', page[page.length - 1].name]);
  }
  children.push(['Buckets', page.map((b) => /** @type {XmlNode} */ (['Bucket', [
    ['Name', b.name],
    ['Location', `oss-${b.region}`],
    ['Region', b.region],
    ['CreationDate', b.creationDate],
    ['StorageClass', b.storageClass],
    ['ExtranetEndpoint', `oss-${b.region}.aliyuncs.com`],
    ['IntranetEndpoint', `oss-${b.region}-internal.aliyuncs.com`],
  ]]))]);
  return xmlDocument(['ListAllMyBucketsResult', children]);
}

/**
 * One page of a listing: objects and common prefixes after `after`, at most `max` entries.
 * @param {Bucket} bucket @param {string} prefix @param {string} delimiter @param {string} after @param {number} max
 */
function listPage(bucket, prefix, delimiter, after, max) {
  /** @type {import('./world.js').OssObject[]} */
  const objects = [];
  /** @type {string[]} */
  const prefixes = [];
  let last = '';
  let truncated = false;
  for (const o of bucket.objects) {
    if (!o.key.startsWith(prefix) || o.key <= after) continue;
    // A marker that is a common prefix (ends with the delimiter) covers every key below it.
    if (delimiter && after.endsWith(delimiter) && o.key.startsWith(after)) continue;
    const rest = o.key.slice(prefix.length);
    const cut = delimiter ? rest.indexOf(delimiter) : -1;
    const common = cut >= 0 ? prefix + rest.slice(0, cut + delimiter.length) : null;
    if (common !== null && common === prefixes[prefixes.length - 1]) continue;
    if (objects.length + prefixes.length === max) {
      truncated = true;
      break;
    }
    if (common !== null) {
      prefixes.push(common);
      last = common;
    } else {
      objects.push(o);
      last = o.key;
    }
  }
  return { objects, prefixes, truncated, last };
}

/**
 * @param {Bucket} bucket @param {Account} account @param {URLSearchParams} query @param {boolean} v2
 * @returns {string}
 */
function listObjects(bucket, account, query, v2) {
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const max = maxKeys(query, 'max-keys', 100);
  const token = query.get('continuation-token');
  let after = v2 ? query.get('start-after') ?? '' : query.get('marker') ?? '';
  if (v2 && token !== null) {
    after = Buffer.from(token, 'base64url').toString('utf8');
    if (Buffer.from(after, 'utf8').toString('base64url') !== token) {
      throw ossError('InvalidArgument', 'The continuation token provided is incorrect.', { ArgumentName: 'continuation-token', ArgumentValue: token });
    }
  }
  const page = listPage(bucket, prefix, delimiter, after, max);
  const withOwner = !v2 || query.get('fetch-owner') === 'true';
  /** @type {XmlNode[]} */
  const contents = page.objects.map((o) => ['Contents', [
    ['Key', o.key],
    ['LastModified', o.lastModified],
    ['ETag', o.etag],
    ['Type', 'Normal'],
    ['Size', o.size],
    ['StorageClass', o.storageClass],
    ...(withOwner ? [owner(account)] : []),
  ]]);
  /** @type {XmlNode[]} */
  const common = page.prefixes.map((p) => ['CommonPrefixes', [['Prefix', p]]]);
  /** @type {XmlNode[]} */
  const head = [['Name', bucket.name], ['Prefix', prefix]];
  if (v2) {
    if (query.has('start-after')) head.push(['StartAfter', query.get('start-after') ?? '']);
    if (token !== null) head.push(['ContinuationToken', token]);
    head.push(['MaxKeys', max], ['Delimiter', delimiter], ['IsTruncated', page.truncated]);
    if (page.truncated) head.push(['NextContinuationToken', Buffer.from(page.last, 'utf8').toString('base64url')]);
    head.push(['KeyCount', page.objects.length + page.prefixes.length]);
    return xmlDocument(['ListBucketResult', [...head, ...contents, ...common]]);
  }
  head.push(['Marker', after], ['MaxKeys', max], ['Delimiter', delimiter], ['IsTruncated', page.truncated]);
  if (page.truncated) head.push(['NextMarker', page.last]);
  return xmlDocument(['ListBucketResult', [...head, ...contents, ...common]]);
}

/** @param {Bucket} bucket @param {Account} account @returns {string} */
function bucketInfo(bucket, account) {
  return xmlDocument(['BucketInfo', [['Bucket', [
    ['AccessMonitor', 'Disabled'],
    ['CreationDate', bucket.creationDate],
    ['ExtranetEndpoint', `oss-${bucket.region}.aliyuncs.com`],
    ['IntranetEndpoint', `oss-${bucket.region}-internal.aliyuncs.com`],
    ['Location', `oss-${bucket.region}`],
    ['StorageClass', bucket.storageClass],
    ['TransferAcceleration', 'Disabled'],
    ['CrossRegionReplication', 'Disabled'],
    ['Name', bucket.name],
    ['Region', bucket.region],
    ['ResourceGroupId', bucket.resourceGroupId ?? DEFAULT_RESOURCE_GROUP],
    owner(account),
    ['AccessControlList', [['Grant', bucket.acl]]],
    ['Comment', ''],
  ]]]]);
}

/**
 * Answers one OSS request.
 * @param {{world: World, host: string, method: string, url: URL, headers: Record<string, string>, now: number}} request
 * @returns {Reply}
 */
export function handleOss({ world, host, method, url, headers, now }) {
  const requestId = ossRequestId();
  const date = new Date(now);
  try {
    const endpoint = ossEndpointOf(host);
    if (!endpoint) throw ossError('InvalidArgument', `The mock cloud does not know the OSS endpoint ${host}.`);
    const key = decodeURIComponent(url.pathname.slice(1));
    const operation = ossOperationOf(endpoint.bucket, method, key, url.searchParams);
    if (!operation) throw ossError('NotImplemented', `The mock cloud does not implement ${method} ${url.pathname}${url.search} on ${host}.`, {}, 501);
    const resource = endpoint.bucket === null ? '/' : `/${endpoint.bucket}/${key}`;
    // The bucket must exist before the signature is checked: its name is part of the resource.
    const found = endpoint.bucket === null ? null : world.bucket(endpoint.bucket);
    if (endpoint.bucket !== null && !found) throw ossError('NoSuchBucket', undefined, { BucketName: endpoint.bucket });
    const caller = authenticate(world, { method, headers, query: url.searchParams, resource }, now);
    if (operation === 'ListBuckets') return ossReply(200, listBuckets(world, caller, url.searchParams), requestId, date);
    if (!found) throw new Error('unreachable: a bucket operation without a bucket');
    const { bucket, account } = found;
    if (bucket.region !== endpoint.region) {
      throw ossError('AccessDenied', 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.', {
        Bucket: bucket.name,
        Endpoint: `oss-${bucket.region}.aliyuncs.com`,
      });
    }
    const arn = `acs:oss:*:${account.uid}:${bucket.name}`;
    if (operation === 'GetBucketInfo' || operation === 'GetBucketLocation') {
      requireOss(world, caller, `oss:${operation}`, arn, { bucket });
      const body = operation === 'GetBucketInfo' ? bucketInfo(bucket, account) : xmlDocument(['LocationConstraint', `oss-${bucket.region}`]);
      return ossReply(200, body, requestId, date);
    }
    const context = {
      'oss:prefix': url.searchParams.get('prefix') ?? '',
      'oss:delimiter': url.searchParams.get('delimiter') ?? '',
    };
    requireOss(world, caller, 'oss:ListObjects', arn, { context, bucket });
    return ossReply(200, listObjects(bucket, account, url.searchParams, operation === 'ListObjectsV2'), requestId, date);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return ossErrorReply(e, { requestId, host, date });
  }
}
