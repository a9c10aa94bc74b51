// The RPC gateway's checks through the official pop-core client: signature, 15-minute timestamp
// window, nonce reuse, AccessKey and STS token errors, unknown actions, and the response headers.

import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { assumeRole, rpcClient } from './sdk-clients.js';
import { raw, rejection, useMockCloud } from './helpers.js';

const POST = { method: 'POST' };
const MINUTE = 60_000;

describe('RPC gateway (happy-path scenario)', () => {
  const cloud = useMockCloud('happy-path');
  afterEach(() => {
    cloud.setClock({ offsetMs: 0 });
  });
  const alice = () => cloud.credentials.B.users.alice;
  const roleArn = () => `acs:ram::${cloud.credentials.A.uid}:role/admin-oss`;

  test('a wrong secret is SignatureDoesNotMatch, with the server string to sign of what was sent', async () => {
    cloud.clearRequests();
    const e = await rejection(rpcClient(cloud, 'sts', { ...alice(), accessKeySecret: 'not-the-secret' }).request('GetCallerIdentity', {}, POST));
    assert.equal(e.code, 'SignatureDoesNotMatch');
    assert.equal(e.entry.response.statusCode, 400);
    const [sent] = cloud.requests();
    // pop-core posts `<canonical query>&Signature=...`; RPC V1 signs POST&%2F&<that, encoded again>.
    const canonical = sent.body.slice(0, sent.body.lastIndexOf('&Signature='));
    const expected = `POST&%2F&${encodeURIComponent(canonical)}`;
    assert.equal(e.data.Message, `Specified signature is not matched with our calculation. server string to sign is:${expected}`);
  });

  test('GET requests are verified too', async () => {
    const answer = await rpcClient(cloud, 'sts', alice()).request('GetCallerIdentity', {}, { method: 'GET' });
    assert.equal(answer.IdentityType, 'RAMUser');
  });

  test('more than 15 minutes of clock skew either way is InvalidTimeStamp.Expired; 14 minutes is fine', async () => {
    for (const offsetMs of [20 * MINUTE, -20 * MINUTE]) {
      cloud.setClock({ offsetMs });
      const e = await rejection(rpcClient(cloud, 'sts', alice()).request('GetCallerIdentity', {}, POST));
      assert.equal(e.code, 'InvalidTimeStamp.Expired', `offset ${offsetMs}`);
      assert.equal(e.data.Message, 'Specified time stamp or date value is expired.');
    }
    cloud.setClock({ offsetMs: 14 * MINUTE });
    assert.equal((await rpcClient(cloud, 'sts', alice()).request('GetCallerIdentity', {}, POST)).IdentityType, 'RAMUser');
  });

  test('a malformed Timestamp is InvalidTimeStamp.Format', async () => {
    const e = await rejection(rpcClient(cloud, 'sts', alice()).request('GetCallerIdentity', { Timestamp: '2024-01-01 00:00:00' }, POST));
    assert.equal(e.code, 'InvalidTimeStamp.Format');
  });

  test('a reused SignatureNonce is SignatureNonceUsed', async () => {
    const client = rpcClient(cloud, 'sts', alice());
    const nonce = { SignatureNonce: `reused-${process.pid}-${Date.now()}` };
    assert.equal((await client.request('GetCallerIdentity', nonce, POST)).IdentityType, 'RAMUser');
    const e = await rejection(client.request('GetCallerIdentity', nonce, POST));
    assert.equal(e.code, 'SignatureNonceUsed');
    assert.equal(e.data.Message, 'Specified signature nonce was used already.');
  });

  test('unknown and disabled AccessKeys', async () => {
    const unknown = await rejection(rpcClient(cloud, 'sts', { accessKeyId: 'LTAI5tNoSuchKey000000000', accessKeySecret: 'x' }).request('GetCallerIdentity', {}, POST));
    assert.equal(unknown.code, 'InvalidAccessKeyId.NotFound');
    assert.equal(unknown.entry.response.statusCode, 404);
    const bob = cloud.world.byLabel.B.users.get('bob');
    if (!bob) throw new Error('scenario has no bob');
    bob.accessKeys[0].status = 'Inactive';
    try {
      const inactive = await rejection(rpcClient(cloud, 'sts', cloud.credentials.B.users.bob).request('GetCallerIdentity', {}, POST));
      assert.equal(inactive.code, 'InvalidAccessKeyId.Inactive');
    } finally {
      bob.accessKeys[0].status = 'Active';
    }
  });

  test('an expired STS token is InvalidSecurityToken.Expired', async () => {
    // Issue a 15-minute token while the mock runs 10 minutes behind, then move it 6 minutes ahead:
    // the token has expired and the client's Timestamp is still within the 15-minute window.
    cloud.setClock({ offsetMs: -10 * MINUTE });
    const sts = await assumeRole(cloud, alice(), roleArn(), { DurationSeconds: 900 });
    assert.equal((await rpcClient(cloud, 'sts', sts).request('GetCallerIdentity', {}, POST)).IdentityType, 'AssumedRoleUser');
    cloud.setClock({ offsetMs: 6 * MINUTE });
    const e = await rejection(rpcClient(cloud, 'sts', sts).request('GetCallerIdentity', {}, POST));
    assert.equal(e.code, 'InvalidSecurityToken.Expired');
    assert.equal(e.data.Message, 'Specified SecurityToken is expired.');
  });

  test('STS AccessKeys without their token, with another token, or with garbage', async () => {
    const one = await assumeRole(cloud, alice(), roleArn());
    const two = await assumeRole(cloud, alice(), roleArn());
    const { securityToken, ...bare } = one;
    const missing = await rejection(rpcClient(cloud, 'sts', bare).request('GetCallerIdentity', {}, POST));
    assert.equal(missing.code, 'MissingSecurityToken');
    const swapped = await rejection(rpcClient(cloud, 'sts', { ...one, securityToken: two.securityToken }).request('GetCallerIdentity', {}, POST));
    assert.equal(swapped.code, 'InvalidSecurityToken.MismatchWithAccessKey');
    const garbage = await rejection(rpcClient(cloud, 'sts', { ...one, securityToken: 'CAISgarbage' }).request('GetCallerIdentity', {}, POST));
    assert.equal(garbage.code, 'InvalidSecurityToken.Malformed');
  });

  test('an action the service lacks is InvalidAction.NotFound (404); a wrong Version is InvalidVersion', async () => {
    const e = await rejection(rpcClient(cloud, 'sts', alice()).request('DescribeRegions', {}, POST));
    assert.equal(e.code, 'InvalidAction.NotFound');
    assert.equal(e.entry.response.statusCode, 404);
    const v = await rejection(rpcClient(cloud, 'sts', alice()).request('GetCallerIdentity', { Version: '2015-05-01' }, POST));
    assert.equal(v.code, 'InvalidVersion');
  });

  test('answers carry x-acs-request-id (= RequestId), a Date from the mock clock and the JSON error shape', async () => {
    const at = Date.parse('2031-05-06T07:08:09Z');
    cloud.setClock(at);
    const answer = await raw(cloud, 'https://sts.aliyuncs.com/?Action=GetCallerIdentity&Version=2015-04-01&Format=JSON');
    const body = JSON.parse(answer.body);
    assert.equal(answer.status, 400);
    assert.deepEqual(Object.keys(body), ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
    assert.equal(body.Code, 'MissingParameter');
    assert.equal(body.Message, 'The input parameter "AccessKeyId" that is mandatory for processing this request is not supplied.');
    assert.equal(answer.headers['x-acs-request-id'], body.RequestId);
    assert.match(String(answer.headers['content-type']), /^application\/json/);
    assert.equal(answer.headers['access-control-allow-origin'], undefined, 'no CORS headers');
    const date = Date.parse(String(answer.headers.date));
    assert.ok(date >= at && date < at + 10 * MINUTE, `Date ${answer.headers.date}`);
  });
});
