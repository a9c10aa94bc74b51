// RAM through the official pop-core client: reads, writes that really change the account, the
// EntityAlreadyExists / EntityNotExist errors, NoPermission, and the whole "do it for me" setup
// from an empty account A to a working AssumeRole + ListObjects.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assumeRole, ossClient, rpcClient } from './sdk-clients.js';
import { rejection, useMockCloud } from './helpers.js';

const POST = { method: 'POST' };

describe('RAM (happy-path scenario)', () => {
  const cloud = useMockCloud('happy-path');
  const ramA = () => rpcClient(cloud, 'ram', cloud.credentials.A.root);

  test('GetRole returns the role and its trust policy; a wrong name is EntityNotExist.Role (404)', async () => {
    const { Role } = await ramA().request('GetRole', { RoleName: 'admin-oss' }, POST);
    assert.equal(Role.Arn, `acs:ram::${cloud.credentials.A.uid}:role/admin-oss`);
    assert.deepEqual(JSON.parse(Role.AssumeRolePolicyDocument).Statement[0].Principal.RAM, [`acs:ram::${cloud.credentials.B.uid}:root`]);
    assert.equal(Role.MaxSessionDuration, 3600);
    const e = await rejection(ramA().request('GetRole', { RoleName: 'admin-os' }, POST));
    assert.equal(e.code, 'EntityNotExist.Role');
    assert.equal(e.entry.response.statusCode, 404);
    assert.equal(e.data.HostId, 'ram.aliyuncs.com');
  });

  test('ListPoliciesForRole / ListPoliciesForUser list the attachments', async () => {
    const role = await ramA().request('ListPoliciesForRole', { RoleName: 'admin-oss' }, POST);
    assert.deepEqual(role.Policies.Policy.map((/** @type {any} */ p) => [p.PolicyName, p.PolicyType]), [['AliyunOSSReadOnlyAccess', 'System']]);
    const user = await rpcClient(cloud, 'ram', cloud.credentials.B.root).request('ListPoliciesForUser', { UserName: 'alice' }, POST);
    assert.deepEqual(user.Policies.Policy.map((/** @type {any} */ p) => [p.PolicyName, p.PolicyType, p.DefaultVersion]), [['assume-admin-oss', 'Custom', 'v1']]);
  });

  test('a RAM user without RAM permissions gets NoPermission (403)', async () => {
    const e = await rejection(rpcClient(cloud, 'ram', cloud.credentials.B.users.alice).request('ListPoliciesForUser', { UserName: 'alice' }, POST));
    assert.equal(e.code, 'NoPermission');
    assert.equal(e.entry.response.statusCode, 403);
    assert.equal(e.data.Message, 'You are not authorized to do this action. You should be authorized by RAM.');
  });

  test("A's RAM administrator (AliyunRAMFullAccess) may read RAM; STS credentials of the role may not", async () => {
    const admin = rpcClient(cloud, 'ram', cloud.credentials.A.users['ram-admin']);
    assert.equal((await admin.request('GetAccountAlias', {}, POST)).AccountAlias, 'company-a');
    const sts = await assumeRole(cloud, cloud.credentials.B.users.alice, `acs:ram::${cloud.credentials.A.uid}:role/admin-oss`);
    const e = await rejection(rpcClient(cloud, 'ram', sts).request('GetRole', { RoleName: 'admin-oss' }, POST));
    assert.equal(e.code, 'NoPermission');
  });

  test('GetPolicy returns system and custom documents; unknown names are EntityNotExist.Policy', async () => {
    const system = await ramA().request('GetPolicy', { PolicyType: 'System', PolicyName: 'AliyunOSSReadOnlyAccess' }, POST);
    assert.equal(system.Policy.PolicyType, 'System');
    assert.deepEqual(JSON.parse(system.DefaultPolicyVersion.PolicyDocument).Statement[0].Action, ['oss:Get*', 'oss:List*']);
    assert.equal(system.DefaultPolicyVersion.IsDefaultVersion, true);
    const custom = await rpcClient(cloud, 'ram', cloud.credentials.B.root).request('GetPolicy', { PolicyType: 'Custom', PolicyName: 'assume-admin-oss' }, POST);
    assert.equal(JSON.parse(custom.DefaultPolicyVersion.PolicyDocument).Statement[0].Resource, `acs:ram::${cloud.credentials.A.uid}:role/admin-oss`);
    assert.equal(custom.Policy.AttachmentCount, 1);
    const e = await rejection(ramA().request('GetPolicy', { PolicyType: 'Custom', PolicyName: 'nope' }, POST));
    assert.equal(e.code, 'EntityNotExist.Policy');
  });

  test('CreateRole creates; creating it again is EntityAlreadyExists.Role (409); UpdateRole changes it', async () => {
    const trust = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${cloud.credentials.B.uid}:root`] } }] });
    const created = await ramA().request('CreateRole', { RoleName: 'auditor', AssumeRolePolicyDocument: trust, Description: 'audits' }, POST);
    assert.equal(created.Role.Arn, `acs:ram::${cloud.credentials.A.uid}:role/auditor`);
    assert.match(created.Role.RoleId, /^\d{19}$/);
    const again = await rejection(ramA().request('CreateRole', { RoleName: 'Auditor', AssumeRolePolicyDocument: trust }, POST));
    assert.equal(again.code, 'EntityAlreadyExists.Role');
    assert.equal(again.entry.response.statusCode, 409);
    const narrowed = trust.replace(':root', ':user/alice');
    const updated = await ramA().request('UpdateRole', { RoleName: 'auditor', NewAssumeRolePolicyDocument: narrowed, NewMaxSessionDuration: 7200 }, POST);
    assert.equal(updated.Role.AssumeRolePolicyDocument, narrowed);
    assert.equal(updated.Role.MaxSessionDuration, 7200);
    assert.equal(cloud.state().accounts.A.roles.find((/** @type {any} */ r) => r.name === 'auditor').trustPolicy, narrowed);
  });

  test('invalid names and documents are refused with InvalidParameter.* / MalformedPolicyDocument', async () => {
    const bad = await rejection(ramA().request('CreateRole', { RoleName: 'bad name', AssumeRolePolicyDocument: '{}' }, POST));
    assert.equal(bad.code, 'InvalidParameter.RoleName.InvalidChars');
    const doc = await rejection(ramA().request('CreatePolicy', { PolicyName: 'p1', PolicyDocument: '{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*"}]}' }, POST));
    assert.equal(doc.code, 'MalformedPolicyDocument');
    const missing = await rejection(ramA().request('CreateRole', { RoleName: 'x' }, POST));
    assert.equal(missing.code, 'MissingParameter');
  });

  test('attaching twice is EntityAlreadyExists.Role.Policy / .User.Policy; a missing user is EntityNotExist.User', async () => {
    const again = await rejection(ramA().request('AttachPolicyToRole', { RoleName: 'admin-oss', PolicyType: 'System', PolicyName: 'AliyunOSSReadOnlyAccess' }, POST));
    assert.equal(again.code, 'EntityAlreadyExists.Role.Policy');
    const ramB = rpcClient(cloud, 'ram', cloud.credentials.B.root);
    const user = await rejection(ramB.request('AttachPolicyToUser', { UserName: 'alice', PolicyType: 'Custom', PolicyName: 'assume-admin-oss' }, POST));
    assert.equal(user.code, 'EntityAlreadyExists.User.Policy');
    const nobody = await rejection(ramB.request('ListPoliciesForUser', { UserName: 'nobody' }, POST));
    assert.equal(nobody.code, 'EntityNotExist.User');
  });
});

describe('"do it for me" from the empty-account-a scenario', () => {
  const cloud = useMockCloud('empty-account-a');

  test('before: no role, AssumeRole fails', async () => {
    const { A, B } = cloud.credentials;
    const e = await rejection(assumeRole(cloud, B.users.alice, `acs:ram::${A.uid}:role/admin-oss`));
    assert.equal(e.code, 'NoPermission'); // alice has no AssumeRole permission yet either
    assert.deepEqual(cloud.state().accounts.A.roles, []);
  });

  test('the setup requests make AssumeRole and ListObjects work, and a re-run changes nothing', async () => {
    const { A, B } = cloud.credentials;
    const ramA = rpcClient(cloud, 'ram', A.root);
    const ramB = rpcClient(cloud, 'ram', B.root);
    const roleArn = `acs:ram::${A.uid}:role/admin-oss`;
    const trust = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${B.uid}:root`] } }] });
    const read = JSON.stringify({ Version: '1', Statement: [
      { Effect: 'Allow', Action: 'oss:ListBuckets', Resource: `acs:oss:*:${A.uid}:*` },
      { Effect: 'Allow', Action: ['oss:ListObjects', 'oss:GetObject'], Resource: [`acs:oss:*:${A.uid}:company-a-reports`, `acs:oss:*:${A.uid}:company-a-reports/*`] },
    ] });
    const assume = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }] });
    const steps = [
      () => ramA.request('CreateRole', { RoleName: 'admin-oss', AssumeRolePolicyDocument: trust }, POST),
      () => ramA.request('CreatePolicy', { PolicyName: 'company-b-reports-read', PolicyDocument: read }, POST),
      () => ramA.request('AttachPolicyToRole', { RoleName: 'admin-oss', PolicyType: 'Custom', PolicyName: 'company-b-reports-read' }, POST),
      () => ramB.request('CreateUser', { UserName: 'alice' }, POST),
      () => ramB.request('CreatePolicy', { PolicyName: 'assume-admin-oss', PolicyDocument: assume }, POST),
      () => ramB.request('AttachPolicyToUser', { UserName: 'alice', PolicyType: 'Custom', PolicyName: 'assume-admin-oss' }, POST),
    ];
    const first = [];
    for (const step of steps) first.push(await step().then(() => 'ok', (/** @type {any} */ e) => e.code));
    // alice exists already (with her AccessKey): CreateUser says so.
    assert.deepEqual(first, ['ok', 'ok', 'ok', 'EntityAlreadyExists.User', 'ok', 'ok']);
    const before = JSON.stringify(cloud.state().accounts);

    const sts = await assumeRole(cloud, B.users.alice, roleArn);
    const listed = await ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({ prefix: '2024/' });
    assert.deepEqual(listed.objects.map((/** @type {any} */ o) => o.name), ['2024/q1.csv', '2024/q2.csv']);
    assert.deepEqual((await ossClient(cloud, sts).listBuckets()).buckets.map((/** @type {any} */ b) => b.name), ['company-a-logs', 'company-a-reports']);
    const logs = await rejection(ossClient(cloud, sts, { bucket: 'company-a-logs', region: 'cn-shanghai' }).list({}));
    assert.equal(logs.code, 'AccessDenied');

    const rerun = [];
    for (const step of steps) rerun.push(await step().then(() => 'ok', (/** @type {any} */ e) => e.code));
    assert.deepEqual(rerun, [
      'EntityAlreadyExists.Role', 'EntityAlreadyExists.Policy', 'EntityAlreadyExists.Role.Policy',
      'EntityAlreadyExists.User', 'EntityAlreadyExists.Policy', 'EntityAlreadyExists.User.Policy',
    ]);
    assert.equal(JSON.stringify(cloud.state().accounts), before, 'the re-run changed the accounts');
  });

  test('CreateAccessKey gives a new user working keys', async () => {
    const ramB = rpcClient(cloud, 'ram', cloud.credentials.B.root);
    await ramB.request('CreateUser', { UserName: 'carol', DisplayName: 'Carol' }, POST);
    const { AccessKey } = await ramB.request('CreateAccessKey', { UserName: 'carol' }, POST);
    const me = await rpcClient(cloud, 'sts', { accessKeyId: AccessKey.AccessKeyId, accessKeySecret: AccessKey.AccessKeySecret }).request('GetCallerIdentity', {}, POST);
    assert.equal(me.Arn, `acs:ram::${cloud.credentials.B.uid}:user/carol`);
  });
});
