// OSS through the official ali-oss client: ListBuckets, ListObjects (V1 and V2: prefix, delimiter,
// max-keys, paging), GetBucketInfo, presigned URLs, and each error (AccessDenied for the role
// without OSS policy, signature, skew, expired token, wrong endpoint, missing bucket).

import assert from 'node:assert/strict';
import { afterEach, before, describe, test } from 'node:test';
import { assumeRole, ossClient } from './sdk-clients.js';
import { raw, rejection, useMockCloud, xmlText } from './helpers.js';

const MINUTE = 60_000;

describe('OSS (happy-path scenario)', () => {
  const cloud = useMockCloud('happy-path');
  /** @type {import('./sdk-clients.js').Credentials} */
  let sts;
  before(async () => {
    sts = await assumeRole(cloud, cloud.credentials.B.users.alice, `acs:ram::${cloud.credentials.A.uid}:role/admin-oss`);
  });
  afterEach(() => {
    cloud.setClock({ offsetMs: 0 });
  });
  const reports = () => ossClient(cloud, sts, { bucket: 'company-a-reports' });

  test("the role's STS credentials list A's buckets (not B's), with region and owner", async () => {
    const answer = await ossClient(cloud, sts).listBuckets();
    assert.deepEqual(answer.buckets.map((/** @type {any} */ b) => [b.name, b.region]), [
      ['company-a-logs', 'oss-cn-shanghai'],
      ['company-a-reports', 'oss-cn-hangzhou'],
    ]);
    assert.equal(answer.owner.id, cloud.credentials.A.uid);
    assert.equal(answer.res.headers['x-oss-request-id'].length, 24);
    const own = await ossClient(cloud, cloud.credentials.B.root, { region: 'cn-beijing' }).listBuckets();
    assert.deepEqual(own.buckets.map((/** @type {any} */ b) => b.name), ['company-b-data']);
  });

  test('ListBuckets pages with prefix, marker and max-keys', async () => {
    const page = await ossClient(cloud, sts).listBuckets({ 'max-keys': 1 });
    assert.deepEqual(page.buckets.map((/** @type {any} */ b) => b.name), ['company-a-logs']);
    assert.equal(page.isTruncated, true);
    assert.equal(page.nextMarker, 'company-a-logs');
    const next = await ossClient(cloud, sts).listBuckets({ marker: page.nextMarker, 'max-keys': 1 });
    assert.deepEqual(next.buckets.map((/** @type {any} */ b) => b.name), ['company-a-reports']);
    assert.equal(next.isTruncated, false);
    const prefixed = await ossClient(cloud, sts).listBuckets({ prefix: 'company-a-r' });
    assert.deepEqual(prefixed.buckets.map((/** @type {any} */ b) => b.name), ['company-a-reports']);
  });

  test('ListObjects: prefix and delimiter give objects and common prefixes', async () => {
    const top = await reports().list({ delimiter: '/' });
    assert.deepEqual(top.objects.map((/** @type {any} */ o) => o.name), ['README.txt']);
    assert.deepEqual(top.prefixes, ['2024/', '2025/']);
    const y2025 = await reports().list({ prefix: '2025/', delimiter: '/' });
    assert.deepEqual(y2025.objects.map((/** @type {any} */ o) => [o.name, o.size]), [['2025/q1.csv', 512]]);
    assert.deepEqual(y2025.prefixes, ['2025/plans/']);
    assert.equal(y2025.objects[0].owner.id, cloud.credentials.A.uid);
    const all = await reports().list({});
    assert.equal(all.objects.length, 5);
  });

  test('ListObjects pages with max-keys and marker, a common prefix counting as one entry', async () => {
    const seen = [];
    let marker;
    for (let pages = 0; pages < 10; pages++) {
      /** @type {any} */
      const page = await reports().list({ delimiter: '/', 'max-keys': 1, ...(marker ? { marker } : {}) });
      seen.push(...page.objects.map((/** @type {any} */ o) => o.name), ...(page.prefixes ?? []));
      if (!page.isTruncated) break;
      marker = page.nextMarker;
    }
    assert.deepEqual(seen, ['2024/', '2025/', 'README.txt']);
  });

  test('ListObjectsV2 pages with continuation tokens', async () => {
    const first = await reports().listV2({ 'max-keys': 2 });
    assert.deepEqual(first.objects.map((/** @type {any} */ o) => o.name), ['2024/q1.csv', '2024/q2.csv']);
    assert.equal(first.keyCount, 2);
    assert.equal(first.isTruncated, true);
    const second = await reports().listV2({ 'max-keys': 10, 'continuation-token': first.nextContinuationToken });
    assert.deepEqual(second.objects.map((/** @type {any} */ o) => o.name), ['2025/plans/roadmap.pdf', '2025/q1.csv', 'README.txt']);
    assert.equal(second.isTruncated, false);
    assert.equal(second.objects[0].owner, null, 'no Owner without fetch-owner');
  });

  test('an out-of-range max-keys is InvalidArgument', async () => {
    const e = await rejection(reports().list({ 'max-keys': 1001 }));
    assert.equal(e.code, 'InvalidArgument');
    assert.equal(e.status, 400);
  });

  test('GetBucketInfo', async () => {
    const info = await reports().getBucketInfo('company-a-reports');
    assert.equal(info.bucket.Name, 'company-a-reports');
    assert.equal(info.bucket.Location, 'oss-cn-hangzhou');
    assert.equal(info.bucket.Owner.ID, cloud.credentials.A.uid);
  });

  test('a bucket addressed through the wrong region is AccessDenied naming its endpoint', async () => {
    const e = await rejection(ossClient(cloud, sts, { bucket: 'company-a-logs', region: 'cn-hangzhou' }).list({}));
    assert.equal(e.code, 'AccessDenied');
    assert.match(e.message, /must be addressed using the specified endpoint/);
    const answer = await raw(cloud, 'https://company-a-logs.oss-cn-hangzhou.aliyuncs.com/');
    assert.equal(xmlText(answer.body, 'Endpoint'), 'oss-cn-shanghai.aliyuncs.com');
  });

  test('a missing bucket is NoSuchBucket (404)', async () => {
    const e = await rejection(ossClient(cloud, sts, { bucket: 'no-such-bucket-here' }).list({}));
    assert.equal(e.code, 'NoSuchBucket');
    assert.equal(e.status, 404);
  });

  test("another account's bucket is AccessDenied without a bucket policy", async () => {
    const e = await rejection(ossClient(cloud, cloud.credentials.B.root, { bucket: 'company-a-reports' }).list({}));
    assert.equal(e.code, 'AccessDenied');
    assert.equal(e.message, 'You have no right to access this object because of bucket acl.');
  });

  test('a wrong secret is SignatureDoesNotMatch (403) with the StringToSign of what was sent', async () => {
    cloud.clearRequests();
    const e = await rejection(ossClient(cloud, { ...sts, accessKeySecret: 'wrong' }, { bucket: 'company-a-reports' }).list({ prefix: '2024/' }));
    assert.equal(e.code, 'SignatureDoesNotMatch');
    assert.equal(e.status, 403);
    const [sent] = cloud.requests();
    const answer = await raw(cloud, `https://${sent.host}${sent.path}?${sent.rawQuery}`, { headers: /** @type {any} */ (sent.headers) });
    const stringToSign = xmlText(answer.body, 'StringToSign');
    // OSS V1: VERB, Content-MD5, Content-Type, Date slot (x-oss-date), x-oss-* headers, resource;
    // the ordinary `prefix` parameter is not signed.
    const ossHeaders = Object.keys(sent.headers).filter((k) => k.startsWith('x-oss-')).sort()
      .map((k) => `${k}:${String(sent.headers[k]).trim()}`);
    const expected = ['GET', '', String(sent.headers['content-type'] ?? ''), String(sent.headers['x-oss-date']), ...ossHeaders, '/company-a-reports/'].join('\n');
    assert.equal(stringToSign?.replace(/&amp;/g, '&'), expected);
    assert.equal(xmlText(answer.body, 'OSSAccessKeyId'), sts.accessKeyId);
  });

  test('more than 15 minutes of skew is RequestTimeTooSkewed (403)', async () => {
    cloud.setClock({ offsetMs: 20 * MINUTE });
    const e = await rejection(ossClient(cloud, sts).listBuckets());
    assert.equal(e.code, 'RequestTimeTooSkewed');
    assert.equal(e.status, 403);
  });

  test('an expired STS token is SecurityTokenExpired', async () => {
    cloud.setClock({ offsetMs: -10 * MINUTE });
    const short = await assumeRole(cloud, cloud.credentials.B.users.alice, `acs:ram::${cloud.credentials.A.uid}:role/admin-oss`, { DurationSeconds: 900 });
    cloud.setClock({ offsetMs: 6 * MINUTE });
    const e = await rejection(ossClient(cloud, short).listBuckets());
    assert.equal(e.code, 'SecurityTokenExpired');
    assert.equal(e.status, 403);
  });

  test('an unknown AccessKey is InvalidAccessKeyId; anonymous ListBuckets is AccessDenied', async () => {
    const e = await rejection(ossClient(cloud, { accessKeyId: 'LTAI5tNoSuchKey000000000', accessKeySecret: 'x' }).listBuckets());
    assert.equal(e.code, 'InvalidAccessKeyId');
    const anonymous = await raw(cloud, 'https://oss-cn-hangzhou.aliyuncs.com/');
    assert.equal(anonymous.status, 403);
    assert.equal(xmlText(anonymous.body, 'Code'), 'AccessDenied');
    assert.equal(anonymous.headers['x-oss-request-id'], xmlText(anonymous.body, 'RequestId'));
    assert.equal(xmlText(anonymous.body, 'HostId'), 'oss-cn-hangzhou.aliyuncs.com');
    assert.ok(anonymous.headers.date);
  });

  test('presigned ListObjects URLs (with the STS token as security-token) work until they expire', async () => {
    const url = reports().signatureUrl('', { expires: 300 });
    assert.match(url, /security-token=/);
    const ok = await raw(cloud, url);
    assert.equal(ok.status, 200, ok.body);
    assert.equal(xmlText(ok.body, 'Name'), 'company-a-reports');
    cloud.setClock({ offsetMs: 10 * MINUTE });
    const expired = await raw(cloud, url);
    assert.equal(expired.status, 403);
    assert.equal(xmlText(expired.body, 'Message'), 'Request has expired.');
  });
});

describe('OSS (role-lacks-oss-policy scenario)', () => {
  const cloud = useMockCloud('role-lacks-oss-policy');

  test('AssumeRole works, then ListBuckets and ListObjects are AccessDenied (403)', async () => {
    const sts = await assumeRole(cloud, cloud.credentials.B.users.alice, `acs:ram::${cloud.credentials.A.uid}:role/admin-oss`);
    const buckets = await rejection(ossClient(cloud, sts).listBuckets());
    assert.equal(buckets.code, 'AccessDenied');
    assert.equal(buckets.status, 403);
    assert.equal(buckets.message, 'You are forbidden to list buckets.');
    const objects = await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({}));
    assert.equal(objects.code, 'AccessDenied');
    assert.equal(objects.message, 'You have no right to access this object because of bucket acl.');
  });
});

describe('OSS (least-privilege scenario)', () => {
  const cloud = useMockCloud('least-privilege');
  /** @type {import('./sdk-clients.js').Credentials} */
  let sts;
  before(async () => {
    sts = await assumeRole(cloud, cloud.credentials.B.users.alice, `acs:ram::${cloud.credentials.A.uid}:role/admin-oss`, { ExternalId: 'company-b-2024' });
  });

  test('the custom policy (default version v2) allows the 2024/ prefix only', async () => {
    const listed = await ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({ prefix: '2024/' });
    assert.deepEqual(listed.objects.map((/** @type {any} */ o) => o.name), ['2024/q1.csv', '2024/q2.csv']);
    const other = await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({ prefix: '2025/' }));
    assert.equal(other.code, 'AccessDenied');
    const whole = await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({}));
    assert.equal(whole.code, 'AccessDenied');
  });

  test('an explicit Deny wins', async () => {
    const e = await rejection(ossClient(cloud, sts, { bucket: 'company-a-logs', region: 'cn-shanghai' }).list({}));
    assert.equal(e.code, 'AccessDenied');
    assert.equal(e.message, 'Access denied by bucket policy.');
    assert.equal((await ossClient(cloud, sts).listBuckets()).buckets.length, 2);
  });
});
