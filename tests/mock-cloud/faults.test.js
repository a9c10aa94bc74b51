// Injected faults through the official clients (throttling, 500, slow, truncated bodies), their
// matching and counting, faults declared in a scenario, and the HTTPS control API.

import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { assumeRole, ossClient, rpcClient } from './sdk-clients.js';
import { raw, rejection, useMockCloud } from './helpers.js';

const POST = { method: 'POST' };

describe('faults (happy-path scenario)', () => {
  const cloud = useMockCloud('happy-path');
  afterEach(() => {
    cloud.clearFaults();
  });
  const alice = () => cloud.credentials.B.users.alice;
  const roleArn = () => `acs:ram::${cloud.credentials.A.uid}:role/admin-oss`;

  test('throttling the next 2 AssumeRole: Throttling.User (400) twice, then success', async () => {
    cloud.injectFault({ kind: 'throttling', action: 'AssumeRole', count: 2 });
    for (let i = 0; i < 2; i++) {
      const e = await rejection(assumeRole(cloud, alice(), roleArn()));
      assert.equal(e.code, 'Throttling.User');
      assert.equal(e.entry.response.statusCode, 400);
      assert.equal(e.data.Message, 'Request was denied due to user flow control.');
    }
    assert.match((await assumeRole(cloud, alice(), roleArn())).accessKeyId, /^STS\./);
    assert.deepEqual(cloud.faults(), []);
  });

  test('throttling with the 503 code, and only for the matching action', async () => {
    cloud.injectFault({ kind: 'throttling', code: 'Throttling', service: 'sts', action: 'AssumeRole' });
    // GetCallerIdentity does not match: it goes through and leaves the fault pending.
    assert.equal((await rpcClient(cloud, 'sts', alice()).request('GetCallerIdentity', {}, POST)).IdentityType, 'RAMUser');
    const e = await rejection(assumeRole(cloud, alice(), roleArn()));
    assert.equal(e.code, 'Throttling');
    assert.equal(e.entry.response.statusCode, 503);
  });

  test('OSS throttling is 503 ServiceUnavailable, then ListBuckets succeeds', async () => {
    const sts = await assumeRole(cloud, alice(), roleArn());
    cloud.injectFault({ kind: 'throttling', action: 'ListBuckets' });
    const e = await rejection(ossClient(cloud, sts).listBuckets());
    assert.equal(e.status, 503);
    assert.equal(e.code, 'ServiceUnavailable');
    assert.equal((await ossClient(cloud, sts).listBuckets()).buckets.length, 2);
  });

  test('a 500 InternalError on RPC and OSS', async () => {
    cloud.injectFault({ kind: 'internal-error', service: 'ram' });
    const rpc = await rejection(rpcClient(cloud, 'ram', cloud.credentials.A.root).request('GetRole', { RoleName: 'admin-oss' }, POST));
    assert.equal(rpc.code, 'InternalError');
    assert.equal(rpc.entry.response.statusCode, 500);
    const sts = await assumeRole(cloud, alice(), roleArn());
    cloud.injectFault({ kind: 'internal-error', host: '*.oss-cn-hangzhou.aliyuncs.com' });
    const oss = await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({}));
    assert.equal(oss.code, 'InternalError');
    assert.equal(oss.status, 500);
  });

  test('a custom error fault answers the given code and status', async () => {
    cloud.injectFault({ kind: 'error', action: 'GetCallerIdentity', code: 'ServiceUnavailable', status: 503 });
    const e = await rejection(rpcClient(cloud, 'sts', alice()).request('GetCallerIdentity', {}, POST));
    assert.equal(e.code, 'ServiceUnavailable');
    assert.equal(e.entry.response.statusCode, 503);
  });

  test('a slow response still answers, and the log says which request was slowed', async () => {
    cloud.clearRequests();
    cloud.injectFault({ kind: 'slow', action: 'GetCallerIdentity', delayMs: 300 });
    assert.equal((await rpcClient(cloud, 'sts', alice()).request('GetCallerIdentity', {}, POST)).IdentityType, 'RAMUser');
    assert.deepEqual(cloud.requests().map((r) => [r.action, r.fault, r.status]), [['GetCallerIdentity', 'slow', 200]]);
  });

  test('a truncated JSON body makes pop-core fail to parse', async () => {
    cloud.injectFault({ kind: 'malformed', action: 'GetCallerIdentity' });
    const e = await rejection(rpcClient(cloud, 'sts', alice()).request('GetCallerIdentity', {}, POST));
    // json-bigint (pop-core's parser) throws a plain {name: 'SyntaxError', message, at, text}.
    assert.equal(e.name, 'SyntaxError', `got ${JSON.stringify(e)}`);
  });

  test('a truncated XML body makes ali-oss fail to parse', async () => {
    const sts = await assumeRole(cloud, alice(), roleArn());
    cloud.injectFault({ kind: 'malformed', action: 'ListObjects', truncateAt: 120 });
    const e = await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({}));
    assert.match(String(e.message), /Unclosed|Unexpected end|Non-whitespace|unexpected/i);
  });

  test('"always" faults stay until cleared; bad specs are refused', async () => {
    cloud.injectFault({ kind: 'throttling', action: 'GetCallerIdentity', count: 'always' });
    for (let i = 0; i < 3; i++) {
      assert.equal((await rejection(rpcClient(cloud, 'sts', alice()).request('GetCallerIdentity', {}, POST))).code, 'Throttling.User');
    }
    assert.equal(cloud.faults().length, 1);
    cloud.clearFaults();
    assert.equal((await rpcClient(cloud, 'sts', alice()).request('GetCallerIdentity', {}, POST)).IdentityType, 'RAMUser');
    assert.throws(() => cloud.injectFault(/** @type {any} */ ({ kind: 'explode' })), /kind/);
    assert.throws(() => cloud.injectFault({ kind: 'throttling', count: 0 }), /count/);
  });

  test('the control API on https://mock-control.test/ injects faults, sets the clock and reads the log', async () => {
    const json = { 'content-type': 'application/json' };
    const added = await raw(cloud, 'https://mock-control.test/faults', { method: 'POST', headers: json, body: JSON.stringify({ kind: 'throttling', action: 'ListBuckets' }) });
    assert.equal(added.status, 200);
    assert.equal(JSON.parse((await raw(cloud, 'https://mock-control.test/faults')).body).length, 1);
    const sts = await assumeRole(cloud, alice(), roleArn());
    assert.equal((await rejection(ossClient(cloud, sts).listBuckets())).status, 503);

    const clock = await raw(cloud, 'https://mock-control.test/clock', { method: 'POST', headers: json, body: JSON.stringify({ offsetMs: 20 * 60_000 }) });
    assert.equal(JSON.parse(clock.body).offsetMs, 20 * 60_000);
    assert.equal((await rejection(ossClient(cloud, sts).listBuckets())).code, 'RequestTimeTooSkewed');
    await raw(cloud, 'https://mock-control.test/clock', { method: 'POST', headers: json, body: '{"offsetMs": 0}' });

    const log = JSON.parse((await raw(cloud, 'https://mock-control.test/requests')).body);
    assert.ok(log.some((/** @type {any} */ r) => r.action === 'ListBuckets' && r.fault === 'throttling' && r.status === 503));
    assert.ok(log.every((/** @type {any} */ r) => r.host !== 'mock-control.test'), 'control requests are not logged');
    const state = JSON.parse((await raw(cloud, 'https://mock-control.test/state')).body);
    assert.equal(state.accounts.A.alias, 'company-a');
    const missing = await raw(cloud, 'https://mock-control.test/nothing');
    assert.equal(missing.status, 404);
    const bad = await raw(cloud, 'https://mock-control.test/faults', { method: 'POST', headers: json, body: '{"kind":"nope"}' });
    assert.equal(bad.status, 400);
  });
});

describe('faults declared in a scenario', () => {
  const cloud = useMockCloud('throttled-then-ok');

  test('the first AssumeRole and ListBuckets are throttled, the retries succeed', async () => {
    const { A, B } = cloud.credentials;
    const arn = `acs:ram::${A.uid}:role/admin-oss`;
    assert.equal((await rejection(assumeRole(cloud, B.users.alice, arn))).code, 'Throttling.User');
    const sts = await assumeRole(cloud, B.users.alice, arn);
    assert.equal((await rejection(ossClient(cloud, sts).listBuckets())).status, 503);
    assert.equal((await ossClient(cloud, sts).listBuckets()).buckets.length, 2);
    const cut = await raw(cloud, 'https://company-a-reports.oss-cn-hangzhou.aliyuncs.com/?prefix=2024%2F');
    assert.equal(cut.status, 403, 'anonymous: the error answer is what gets truncated');
    assert.ok(cut.body.startsWith('<?xml') && !cut.body.includes('</Error>'), `not a whole XML document: ${cut.body}`);
  });
});

describe('a clock set by the scenario', () => {
  const cloud = useMockCloud('clock-skew-20min');

  test('runs 20 minutes ahead: every signed request is refused for its timestamp', async () => {
    assert.ok(cloud.now() - Date.now() >= 20 * 60_000 - 1000);
    const e = await rejection(rpcClient(cloud, 'sts', cloud.credentials.B.users.alice).request('GetCallerIdentity', {}, POST));
    assert.equal(e.code, 'InvalidTimeStamp.Expired');
    const answer = await raw(cloud, 'https://sts.aliyuncs.com/');
    assert.ok(Date.parse(String(answer.headers.date)) - Date.now() > 19 * 60_000, 'the Date header shows the skew');
  });
});
