// Adapters that run the official Node SDKs' OWN signing code on a contract request and return
// their stage outputs under the contract's stage names. The SDKs are loaded from node_modules
// (package.json pins them); nothing of theirs is copied here. Every adaptation to an SDK's calling
// convention is explained where it is made.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const RPCClient = require('@alicloud/pop-core').RPCClient;
const OSS = require('ali-oss');
const signUtils = require('ali-oss/lib/common/signUtils');

// pop-core's signing helpers in lib/rpc.js (encode, normalize, canonicalize) are not exported, so
// RPCClient.request itself is driven: its HTTP call is intercepted (httpx.request) to read the
// signed query it would send, and its HMAC helper (kitx.sha1) is wrapped to record the string to
// sign it computed. Both modules are resolved from pop-core's own location, so these are the very
// objects lib/rpc.js calls.
const popRequire = createRequire(require.resolve('@alicloud/pop-core'));
const httpx = popRequire('httpx');
const kitx = popRequire('kitx');
const realSha1 = kitx.sha1;
let popCapture = null;
kitx.sha1 = (data, key, encoding) => {
  if (popCapture) popCapture.stringToSign = data;
  return realSha1(data, key, encoding);
};
class Intercepted extends Error {}
httpx.request = async (url, opts) => {
  popCapture.url = url;
  popCapture.data = opts.data;
  throw new Intercepted('request intercepted by the oracle');
};

/** The contract takes a JSON number or boolean as its JSON text (`5`, `true`). */
export const textOf = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

/** A header value as the server receives it: HTTP strips spaces and tabs around it (RFC 9110 OWS). */
const wire = (v) => textOf(v).replace(/^[ \t]+|[ \t]+$/g, '');

export async function rpc(req) {
  const params = Object.fromEntries(Object.entries(req.params).map(([k, v]) => [k, textOf(v)]));
  // Every common parameter is given explicitly: RPCClient merges the caller's parameters over its
  // own defaults (Format, Timestamp, SignatureNonce, ...), so the request's values are the ones
  // signed. formatAction/formatParams off: otherwise it upper-cases the first letter of names.
  const client = new RPCClient({
    endpoint: 'https://sts.aliyuncs.com',
    apiVersion: params.Version,
    accessKeyId: params.AccessKeyId,
    accessKeySecret: req.accessKeySecret,
    securityToken: params.SecurityToken,
  });
  popCapture = {};
  try {
    await client.request(params.Action, params, {
      method: req.method,
      formatAction: false,
      formatParams: false,
    });
    throw new Error('pop-core did not send its request through httpx');
  } catch (e) {
    if (!(e instanceof Intercepted)) throw e;
  }
  const capture = popCapture;
  popCapture = null;
  // GET: endpoint/?<canonical query>&Signature=<encoded>; POST: the same text as the form body.
  const query = req.method === 'POST' ? capture.data : capture.url.slice(capture.url.indexOf('?') + 1);
  const at = query.lastIndexOf('&Signature=');
  return {
    '@alicloud/pop-core': {
      canonicalQuery: query.slice(0, at),
      stringToSign: capture.stringToSign,
      signature: decodeURIComponent(query.slice(at + '&Signature='.length)),
    },
  };
}

/** ali-oss's resource path (`/`, `/bucket/`, `/bucket/key`), by its own Client method. */
function resourceOf(req) {
  return OSS.prototype._getResource.call(
    { options: { headerEncoding: 'utf-8' } },
    { bucket: req.bucket ?? undefined, object: req.key ?? undefined },
  );
}

/**
 * The sub-resource query parameters. ali-oss signs whatever sub-resources its callers (its own
 * API methods) pass and has no list of its own, so the official Python SDK's list is used
 * (oss2's ProviderAuth._subresource_key_set, written by gen_cases.py).
 */
function subresourcesOf(req, subresources) {
  const out = {};
  for (const [k, v] of Object.entries(req.query ?? {})) {
    if (subresources.has(k)) out[k] = v === null ? null : textOf(v);
  }
  return out;
}

export function ossHeader(req, subresources) {
  const headers = {};
  for (const [k, v] of Object.entries(req.headers ?? {})) headers[k] = wire(v);
  // ali-oss's client adds this header for STS credentials (createRequest) before signing.
  if (req.securityToken) headers['x-oss-security-token'] = req.securityToken;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  // ali-oss's client always sends x-oss-date (never Date) and buildCanonicalString fills the date
  // slot from its 4th argument or from x-oss-date. A request dated by Date alone passes that Date
  // as the 4th argument; with x-oss-date present, x-oss-date wins (as in oss2 and the core).
  const dateSlot = lower['x-oss-date'] === undefined ? lower.date : undefined;
  const resource = resourceOf(req);
  const parameters = subresourcesOf(req, subresources);
  const stringToSign = signUtils.buildCanonicalString(req.method, resource, { headers, parameters }, dateSlot);
  const authorization = signUtils.authorization(req.accessKeyId, req.accessKeySecret, stringToSign);
  return {
    'ali-oss': {
      canonicalizedResource: signUtils.buildCanonicalizedResource(resource, parameters),
      stringToSign,
      signature: signUtils.computeSignature(req.accessKeySecret, stringToSign),
      authorization,
    },
  };
}

/** The contract's endpoint: a host, optionally with a scheme (https by default). */
const endpointUrl = (e) => (e.includes('://') ? e : `https://${e}`);

// Option names of signatureUrl that a header must not shadow. V1 presigning signs only
// Content-MD5, Content-Type and x-oss-* headers, so no other header is passed.
const signedHeader = (name) => /^(content-md5|content-type|x-oss-)/i.test(name);

/**
 * ali-oss's Client#signatureUrl with a fixed clock (Date.now), so that now + options.expires is
 * the request's `expires`; its string to sign is recorded by wrapping signUtils.buildCanonicalString
 * (called through the module object). signatureUrl puts only sub-resources in the URL (it has no
 * way to add unsigned query parameters), so the request's ordinary query parameters, which are not
 * signed, are added to its URL's parameters for the comparison.
 */
export function ossPresign(req, now, subresources) {
  const client = new OSS({
    accessKeyId: req.accessKeyId,
    accessKeySecret: req.accessKeySecret,
    stsToken: req.securityToken ?? undefined,
    refreshSTSTokenInterval: 3600e3, // silences a console warning about refreshing STS tokens
    bucket: req.bucket ?? undefined,
    endpoint: endpointUrl(req.endpoint),
    cname: req.cname === true,
  });
  const options = { method: req.method, expires: req.expires - now, subResource: subresourcesOf(req, subresources) };
  for (const [k, v] of Object.entries(req.headers ?? {})) if (signedHeader(k)) options[k] = wire(v);
  const realNow = Date.now;
  const realBuild = signUtils.buildCanonicalString;
  let stringToSign;
  signUtils.buildCanonicalString = function (...args) {
    stringToSign = realBuild.apply(this, args);
    return stringToSign;
  };
  Date.now = () => now * 1000;
  let url;
  try {
    // strictObjectNameValidation off: the contract allows keys starting with '?'.
    url = client.signatureUrl(req.key ?? '', options, false);
  } finally {
    Date.now = realNow;
    signUtils.buildCanonicalString = realBuild;
  }
  const parsed = splitUrl(url);
  for (const [k, v] of Object.entries(req.query ?? {})) {
    if (!subresources.has(k)) parsed.query.push([k, v === null ? '' : textOf(v)]);
  }
  parsed.query.sort(comparePairs);
  return {
    'ali-oss': {
      stringToSign,
      signature: parsed.query.find(([k]) => k === 'Signature')?.[1],
      url: parsed,
    },
  };
}

/**
 * ali-oss's calculatePostSignature. It re-serialises the policy (JSON.stringify(JSON.parse(p)))
 * before signing, while the core signs the exact text it is given; the generated policies are in
 * that compact form already, which is asserted here so a comparison is never vacuous.
 */
export function postPolicy(req) {
  if (JSON.stringify(JSON.parse(req.policy)) !== req.policy) {
    throw new Error('generated policy is not in JSON.stringify form: fix gen_cases.py');
  }
  const client = new OSS({ accessKeyId: req.accessKeyId, accessKeySecret: req.accessKeySecret, region: 'oss-cn-hangzhou' });
  const out = client.calculatePostSignature(req.policy);
  return { 'ali-oss': { policy: out.policy, signature: out.Signature, accessKeyId: out.OSSAccessKeyId } };
}

const comparePairs = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/**
 * {scheme, host, decoded path, sorted decoded query pairs}, without URL normalisation (the WHATWG
 * URL parser would resolve `..` segments that belong to an object key). A bare `k` and `k=` both
 * decode to [k, ''] (ali-oss writes null sub-resources as `k=`, the core as `k`).
 */
export function splitUrl(url) {
  const [scheme, rest0] = url.split(/:\/\/(.*)/s);
  const slash = rest0.indexOf('/');
  const host = slash < 0 ? rest0 : rest0.slice(0, slash);
  const rest = slash < 0 ? '' : rest0.slice(slash + 1);
  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q + 1);
  const pairs = query === '' ? [] : query.split('&').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? [decodeURIComponent(part), ''] : [decodeURIComponent(part.slice(0, eq)), decodeURIComponent(part.slice(eq + 1))];
  });
  return { scheme, host, path: `/${decodeURIComponent(path)}`, query: pairs.sort(comparePairs) };
}
