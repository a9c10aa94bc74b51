// STS through the official pop-core client: GetCallerIdentity for each kind of caller, AssumeRole
// and each way it fails (tutorial steps 1-3), against the scenarios.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assumeRole, ossClient, rpcClient } from './sdk-clients.js';
import { rejection, useMockCloud } from './helpers.js';

const POST = { method: 'POST' };
const NO_PERMISSION = 'You are not authorized to do this action. You should be authorized by RAM.';

/** @typedef {import('./index.js').MockCloud} MockCloud */

/** @param {string} scenario @param {(cloud: () => MockCloud) => void} body */
function withScenario(scenario, body) {
  describe(scenario, () => {
    const cloud = useMockCloud(scenario);
    body(() => cloud);
  });
}

withScenario('happy-path', (cloud) => {
  const roleArn = () => `acs:ram::${cloud().credentials.A.uid}:role/admin-oss`;

  test('GetCallerIdentity names a RAM user, the root account and an assumed role', async () => {
    const { A, B } = cloud().credentials;
    const user = await rpcClient(cloud(), 'sts', B.users.alice).request('GetCallerIdentity', {}, POST);
    assert.equal(user.IdentityType, 'RAMUser');
    assert.equal(user.AccountId, B.uid);
    assert.equal(user.Arn, `acs:ram::${B.uid}:user/alice`);
    assert.match(user.UserId, /^\d{16}$/);
    assert.match(user.RequestId, /^[0-9A-F-]{36}$/);

    const root = await rpcClient(cloud(), 'sts', A.root).request('GetCallerIdentity', {}, POST);
    assert.deepEqual([root.IdentityType, root.Arn, root.AccountId], ['Account', `acs:ram::${A.uid}:root`, A.uid]);

    const sts = await assumeRole(cloud(), B.users.alice, roleArn());
    const assumed = await rpcClient(cloud(), 'sts', sts).request('GetCallerIdentity', {}, POST);
    assert.equal(assumed.IdentityType, 'AssumedRoleUser');
    assert.equal(assumed.AccountId, A.uid);
    assert.equal(assumed.Arn, `acs:sts::${A.uid}:assumed-role/admin-oss/mock-test`);
    assert.equal(assumed.PrincipalId, `${assumed.RoleId}:mock-test`);
  });

  test('AssumeRole issues STS credentials with the documented shape and expiry', async () => {
    const { B } = cloud().credentials;
    const answer = await rpcClient(cloud(), 'sts', B.users.alice).request(
      'AssumeRole', { RoleArn: roleArn(), RoleSessionName: 'alice@b', DurationSeconds: 900 }, POST);
    const c = answer.Credentials;
    assert.match(c.AccessKeyId, /^STS\./);
    assert.ok(c.AccessKeySecret.length >= 30);
    assert.ok(c.SecurityToken.length > 100);
    assert.match(c.Expiration, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Expiration = the second the mock answered + 900 s; the log has when the request arrived.
    const arrived = Date.parse(cloud().requests().filter((r) => r.action === 'AssumeRole').slice(-1)[0].time);
    const lifetime = Date.parse(c.Expiration) - arrived;
    assert.ok(lifetime > 899_000 && lifetime < 905_000, `expires ${lifetime} ms after the request`);
    assert.equal(answer.AssumedRoleUser.Arn, `${roleArn()}/alice@b`);
    assert.match(answer.AssumedRoleUser.AssumedRoleId, /^\d{19}:alice@b$/);
  });

  test('bob, with AliyunSTSAssumeRoleAccess, may assume the role as well', async () => {
    const sts = await assumeRole(cloud(), cloud().credentials.B.users.bob, roleArn());
    assert.match(sts.accessKeyId, /^STS\./);
  });

  test('root AccessKeys may not assume roles', async () => {
    const e = await rejection(assumeRole(cloud(), cloud().credentials.B.root, roleArn()));
    assert.equal(e.code, 'NoPermission');
    assert.equal(e.data.Message, 'Roles may not be assumed by root accounts.');
  });

  test('a wrong role name is EntityNotExist.Role (404); a wrong account UID too', async () => {
    const { A, B } = cloud().credentials;
    // bob's AliyunSTSAssumeRoleAccess allows any ARN, so the role's existence is what fails.
    const wrongName = await rejection(assumeRole(cloud(), B.users.bob, `acs:ram::${A.uid}:role/admin-os`));
    assert.equal(wrongName.code, 'EntityNotExist.Role');
    assert.equal(wrongName.entry.response.statusCode, 404);
    const wrongUid = await rejection(assumeRole(cloud(), B.users.bob, 'acs:ram::1111111111111111:role/admin-oss'));
    assert.equal(wrongUid.code, 'EntityNotExist.Role');
    // alice may assume only the one ARN: a wrong name is refused by her own policy first.
    const alice = await rejection(assumeRole(cloud(), B.users.alice, `acs:ram::${A.uid}:role/admin-os`));
    assert.equal(alice.code, 'NoPermission');
  });

  test('malformed parameters are InvalidParameter.*', async () => {
    const { B } = cloud().credentials;
    const arn = await rejection(assumeRole(cloud(), B.users.bob, 'admin-oss'));
    assert.equal(arn.code, 'InvalidParameter.RoleArn');
    const session = await rejection(assumeRole(cloud(), B.users.bob, roleArn(), { RoleSessionName: 'no spaces' }));
    assert.equal(session.code, 'InvalidParameter.RoleSessionName');
    const policy = await rejection(assumeRole(cloud(), B.users.bob, roleArn(), { Policy: '{"Version":"2"}' }));
    assert.equal(policy.code, 'InvalidParameter.PolicyGrammar');
    const duration = await rejection(assumeRole(cloud(), B.users.bob, roleArn(), { DurationSeconds: 7200 }));
    assert.equal(duration.code, 'InvalidParameter.DurationSeconds');
  });

  test('a session policy narrows what the STS credentials may do', async () => {
    const { B } = cloud().credentials;
    const Policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:ListObjects', Resource: '*' }] });
    const sts = await assumeRole(cloud(), B.users.alice, roleArn(), { Policy });
    const e = await rejection(ossClient(cloud(), sts).listBuckets());
    assert.equal(e.code, 'AccessDenied');
    const listed = await ossClient(cloud(), sts, { bucket: 'company-a-reports' }).list({});
    assert.equal(listed.objects.length, 5);
  });

  test('no AccessKey secret ever travels; the STS token only as SecurityToken / x-oss-security-token', async () => {
    const c = cloud();
    const sts = await assumeRole(c, c.credentials.B.users.alice, roleArn());
    await ossClient(c, sts).listBuckets();
    await rpcClient(c, 'sts', sts).request('GetCallerIdentity', {}, POST);
    const secrets = [c.credentials.B.users.alice.accessKeySecret, sts.accessKeySecret];
    let carriers = 0;
    for (const r of c.requests()) {
      const text = JSON.stringify(r);
      for (const s of secrets) assert.ok(!text.includes(s), `request ${r.seq} (${r.action}) carries a secret`);
      const where = [];
      if (r.body.includes(encodeURIComponent(sts.securityToken))) where.push('body:SecurityToken');
      if (r.headers['x-oss-security-token'] === sts.securityToken) where.push('header:x-oss-security-token');
      if (r.rawQuery.includes(encodeURIComponent(sts.securityToken))) where.push('query');
      const carries = text.includes(sts.securityToken.slice(0, 40));
      if (!carries) continue;
      carriers += 1;
      assert.deepEqual(where, [r.service === 'oss' ? 'header:x-oss-security-token' : 'body:SecurityToken'], `request ${r.seq}`);
    }
    assert.ok(carriers >= 2, `the token was seen in ${carriers} requests (ListBuckets and GetCallerIdentity send it)`);
  });
});

withScenario('user-lacks-assume-role', (cloud) => {
  test('AssumeRole answers NoPermission (403) with the documented message', async () => {
    const { A, B } = cloud().credentials;
    const e = await rejection(assumeRole(cloud(), B.users.alice, `acs:ram::${A.uid}:role/admin-oss`));
    assert.equal(e.code, 'NoPermission');
    assert.equal(e.data.Message, NO_PERMISSION);
    assert.equal(e.entry.response.statusCode, 403);
    assert.match(e.data.Recommend, /^https:\/\/api\.aliyun\.com\/troubleshoot\?q=NoPermission/);
    assert.equal(e.data.HostId, 'sts.aliyuncs.com');
  });
});

withScenario('trust-does-not-trust-b', (cloud) => {
  test('the caller is allowed, the trust policy is not: NoPermission', async () => {
    const { A, B } = cloud().credentials;
    const e = await rejection(assumeRole(cloud(), B.users.alice, `acs:ram::${A.uid}:role/admin-oss`));
    assert.equal(e.code, 'NoPermission');
    assert.equal(e.data.Message, NO_PERMISSION);
  });
});

withScenario('least-privilege', (cloud) => {
  const roleArn = () => `acs:ram::${cloud().credentials.A.uid}:role/admin-oss`;

  test('only alice is trusted, and only with the right ExternalId', async () => {
    const { B } = cloud().credentials;
    const sts = await assumeRole(cloud(), B.users.alice, roleArn(), { ExternalId: 'company-b-2024' });
    assert.match(sts.accessKeyId, /^STS\./);
    assert.equal((await rejection(assumeRole(cloud(), B.users.alice, roleArn()))).code, 'NoPermission');
    assert.equal((await rejection(assumeRole(cloud(), B.users.alice, roleArn(), { ExternalId: 'other-id' }))).code, 'NoPermission');
    assert.equal((await rejection(assumeRole(cloud(), B.users.bob, roleArn(), { ExternalId: 'company-b-2024' }))).code, 'NoPermission');
  });
});
