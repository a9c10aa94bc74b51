// What the mock cloud says about its refusals (issue 14): every NoPermission and AccessDenied it
// makes carries the documented AccessDeniedDetail (camelCase JSON for RPC; XML with the EC code for
// OSS) with an encoded diagnostic message, which RAM DecodeDiagnosticMessage decodes for a caller
// of the refused principal's account that holds ram:DecodeDiagnosticMessage. Control policies, the
// session policy ("authorizer's policy") and bucket policies each say so in their own words.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assumeRole, ossClient, rpcClient } from './sdk-clients.js';
import { raw, rejection, useMockCloud, xmlText } from './helpers.js';

const POST = { method: 'POST' };

/** @typedef {import('./index.js').MockCloud} MockCloud */

/** The XML body of the last OSS request the mock answered (replayed as it was signed). @param {MockCloud} cloud */
async function lastOssBody(cloud) {
  const sent = cloud.requests().slice(-1)[0];
  const answer = await raw(cloud, `https://${sent.host}${sent.path}${sent.rawQuery ? `?${sent.rawQuery}` : ''}`, { headers: /** @type {any} */ (sent.headers) });
  return answer.body;
}

/** @param {MockCloud} cloud @param {any} credentials @param {string} encoded */
const decodeWith = (cloud, credentials, encoded) =>
  rpcClient(cloud, 'ram', credentials).request('DecodeDiagnosticMessage', { EncodedDiagnosticMessage: encoded }, POST);

describe('role-lacks-oss-policy', () => {
  const cloud = useMockCloud('role-lacks-oss-policy');
  const roleArn = () => `acs:ram::${cloud.credentials.A.uid}:role/admin-oss`;

  test('an RPC NoPermission carries the camelCase detail; its own account decodes it with the permission', async () => {
    const { A, B } = cloud.credentials;
    const e = await rejection(rpcClient(cloud, 'ram', B.users.alice).request('ListPoliciesForUser', { UserName: 'alice' }, POST));
    const detail = e.data.AccessDeniedDetail;
    assert.deepEqual({ ...detail, encodedDiagnosticInfo: typeof detail.encodedDiagnosticInfo }, {
      policyType: 'AccountLevelIdentityBasedPolicy', noPermissionType: 'ImplicitDeny', authAction: 'ram:ListPoliciesForUser',
      authPrincipalType: 'SubUser', authPrincipalOwnerId: B.uid, authPrincipalDisplayName: 'alice', encodedDiagnosticInfo: 'string',
    });
    // alice may not decode (a refusal with its own detail); B's root may; A may not decode B's.
    const refused = await rejection(decodeWith(cloud, B.users.alice, detail.encodedDiagnosticInfo));
    assert.equal(refused.data.Code, 'NoPermission');
    assert.equal(refused.data.AccessDeniedDetail.authAction, 'ram:DecodeDiagnosticMessage');
    const decoded = (await decodeWith(cloud, B.root, detail.encodedDiagnosticInfo)).DecodedDiagnosticMessage;
    assert.deepEqual(JSON.parse(JSON.stringify(decoded)), {
      ExplicitDeny: false, NoPermissionPolicyType: 'AccountLevelIdentityBasedPolicy', AuthAction: 'ram:ListPoliciesForUser',
      AuthResource: `acs:ram::${B.uid}:user/alice`,
      AuthPrincipal: { AuthPrincipalType: 'SubUser', AuthPrincipalOwnerId: B.uid, AuthPrincipalDisplayName: 'alice' },
    });
    const foreign = await rejection(decodeWith(cloud, A.users['ram-admin'], detail.encodedDiagnosticInfo));
    assert.equal(foreign.data.Code, 'InvalidParameter.EncodedDiagnosticMessage');
    const missing = await rejection(rpcClient(cloud, 'ram', B.root).request('DecodeDiagnosticMessage', {}, POST));
    assert.equal(missing.data.Code, 'MissingParameter');
  });

  test('an OSS AccessDenied (implicit) carries the XML detail; A decodes the session\'s refusal', async () => {
    const { A, B } = cloud.credentials;
    const sts = await assumeRole(cloud, B.users.alice, roleArn());
    const e = await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({}));
    assert.equal(e.code, 'AccessDenied');
    const body = await lastOssBody(cloud);
    assert.equal(xmlText(body, 'PolicyType'), 'AccountLevelIdentityBasedPolicy');
    assert.equal(xmlText(body, 'NoPermissionType'), 'ImplicitDeny');
    assert.equal(xmlText(body, 'AuthPrincipalType'), 'AssumedRoleUser');
    assert.equal(xmlText(body, 'AuthPrincipalOwnerId'), A.uid);
    assert.equal(xmlText(body, 'AuthAction'), 'oss:ListObjects');
    assert.equal(xmlText(body, 'EC'), null);
    const encoded = xmlText(body, 'EncodedDiagnosticMessage') ?? '';
    const decoded = (await decodeWith(cloud, A.users['ram-admin'], encoded)).DecodedDiagnosticMessage;
    assert.equal(decoded.AuthResource, `acs:oss:*:${A.uid}:company-a-reports`);
    assert.equal(decoded.AuthPrincipal.AuthPrincipalDisplayName, 'admin-oss:mock-test');
  });

  test('a Deny in A\'s control policy: ControlPolicy, ExplicitDeny', async () => {
    const { A, B } = cloud.credentials;
    const controls = cloud.world.byLabel.A.controlPolicies;
    controls.push(JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'oss:ListBuckets', Resource: '*' }] }));
    try {
      const sts = await assumeRole(cloud, B.users.alice, roleArn());
      await rejection(ossClient(cloud, sts).listBuckets());
      const body = await lastOssBody(cloud);
      assert.equal(xmlText(body, 'PolicyType'), 'ControlPolicy');
      assert.equal(xmlText(body, 'NoPermissionType'), 'ExplicitDeny');
      assert.equal(xmlText(body, 'Message'), 'Access denied by bucket policy.');
      assert.equal(xmlText(body, 'AuthPrincipalOwnerId'), A.uid);
    } finally {
      controls.length = 0;
    }
  });
});

describe('happy-path', () => {
  const cloud = useMockCloud('happy-path');
  const roleArn = () => `acs:ram::${cloud.credentials.A.uid}:role/admin-oss`;

  test('the session policy refuses: "Access denied by authorizer\'s policy." and SessionPolicy', async () => {
    const { B } = cloud.credentials;
    const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:ListBuckets', Resource: '*' }] });
    const sts = await assumeRole(cloud, B.users.alice, roleArn(), { Policy: policy });
    await ossClient(cloud, sts).listBuckets();
    await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({}));
    const body = await lastOssBody(cloud);
    assert.equal(xmlText(body, 'Message'), "Access denied by authorizer&apos;s policy.");
    assert.equal(xmlText(body, 'PolicyType'), 'SessionPolicy');
  });

  test('a Deny in the session policy: SessionPolicy, ExplicitDeny', async () => {
    const { B } = cloud.credentials;
    const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:*', Resource: '*' }, { Effect: 'Deny', Action: 'oss:ListObjects', Resource: '*' }] });
    const sts = await assumeRole(cloud, B.users.alice, roleArn(), { Policy: policy });
    await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({}));
    const body = await lastOssBody(cloud);
    assert.equal(xmlText(body, 'PolicyType'), 'SessionPolicy');
    assert.equal(xmlText(body, 'NoPermissionType'), 'ExplicitDeny');
  });

  test('no control policy allows OSS once FullAliyunAccess is detached: ControlPolicy, ImplicitDeny', async () => {
    const { B } = cloud.credentials;
    const a = cloud.world.byLabel.A;
    a.controlPolicies.push(JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['sts:*', 'ram:*'], Resource: '*' }] }));
    a.fullAliyunAccess = false;
    try {
      const sts = await assumeRole(cloud, B.users.alice, roleArn());
      await rejection(ossClient(cloud, sts).listBuckets());
      const body = await lastOssBody(cloud);
      assert.equal(xmlText(body, 'PolicyType'), 'ControlPolicy');
      assert.equal(xmlText(body, 'NoPermissionType'), 'ImplicitDeny');
      assert.equal(xmlText(body, 'EC'), null);
    } finally {
      a.fullAliyunAccess = true;
      a.controlPolicies.length = 0;
    }
  });

  test('a bucket policy\'s Deny: EC 0003-00000101 and no RAM detail', async () => {
    const { A, B } = cloud.credentials;
    const bucket = cloud.world.byLabel.A.buckets.get('company-a-reports');
    assert.ok(bucket);
    bucket.policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'oss:ListObjects', Principal: [`acs:ram::${A.uid}:role/admin-oss`], Resource: '*' }] });
    try {
      const sts = await assumeRole(cloud, B.users.alice, roleArn());
      await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({}));
      const body = await lastOssBody(cloud);
      assert.equal(xmlText(body, 'EC'), '0003-00000101');
      assert.equal(xmlText(body, 'AccessDeniedDetail'), null);
    } finally {
      bucket.policy = null;
    }
  });

  test('an explicit Deny in the role\'s own policies: EC 0003-00000201, ExplicitDeny', async () => {
    const { B } = cloud.credentials;
    const a = cloud.world.byLabel.A;
    const deny = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'oss:ListObjects', Resource: '*' }] });
    a.policies.set('deny-listing', { name: 'deny-listing', description: '', createDate: '', updateDate: '', defaultVersion: 'v1', versions: [{ id: 'v1', document: deny, createDate: '' }] });
    const role = a.roles.get('admin-oss');
    assert.ok(role);
    role.policies.push({ type: 'Custom', name: 'deny-listing', attachDate: '', resourceGroupId: null });
    try {
      const sts = await assumeRole(cloud, B.users.alice, roleArn());
      await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({}));
      const body = await lastOssBody(cloud);
      assert.equal(xmlText(body, 'EC'), '0003-00000201');
      assert.equal(xmlText(body, 'NoPermissionType'), 'ExplicitDeny');
      assert.equal(xmlText(body, 'PolicyType'), 'AccountLevelIdentityBasedPolicy');
    } finally {
      role.policies.pop();
      a.policies.delete('deny-listing');
    }
  });
});

describe('trust-does-not-trust-b', () => {
  const cloud = useMockCloud('trust-does-not-trust-b');

  test('AssumeRole refused by the trust policy: AssumeRolePolicy for B\'s user', async () => {
    const { A, B } = cloud.credentials;
    const e = await rejection(rpcClient(cloud, 'sts', B.users.alice).request('AssumeRole', { RoleArn: `acs:ram::${A.uid}:role/admin-oss`, RoleSessionName: 'mock-test' }, POST));
    assert.equal(e.data.AccessDeniedDetail.policyType, 'AssumeRolePolicy');
    assert.equal(e.data.AccessDeniedDetail.authPrincipalOwnerId, B.uid);
    assert.equal(e.data.AccessDeniedDetail.authAction, 'sts:AssumeRole');
  });
});

describe('resource-group-scoped', () => {
  const cloud = useMockCloud('resource-group-scoped');
  const roleArn = () => `acs:ram::${cloud.credentials.A.uid}:role/admin-oss`;

  test('a grant attached for a resource group that does not hold the bucket: ResourceGroupLevelIdentityBasedPolicy, implicit', async () => {
    const { A, B } = cloud.credentials;
    const sts = await assumeRole(cloud, B.users.alice, roleArn());
    // The account-level list-buckets grant lets it list; the group's read grant does not reach company-a-reports.
    const buckets = await ossClient(cloud, sts).listBuckets();
    assert.deepEqual(buckets.buckets.map((/** @type {any} */ b) => b.name).sort(), ['company-a-logs', 'company-a-reports']);
    await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({}));
    const body = await lastOssBody(cloud);
    assert.equal(xmlText(body, 'PolicyType'), 'ResourceGroupLevelIdentityBasedPolicy');
    assert.equal(xmlText(body, 'NoPermissionType'), 'ImplicitDeny');
    assert.equal(xmlText(body, 'AuthAction'), 'oss:ListObjects');
    assert.equal(xmlText(body, 'AuthPrincipalType'), 'AssumedRoleUser');
    assert.equal(xmlText(body, 'EC'), null);
    // Without ram:DecodeDiagnosticMessage the session cannot decode; A's RAM administrator can.
    const encoded = xmlText(body, 'EncodedDiagnosticMessage') ?? '';
    const refused = await rejection(decodeWith(cloud, sts, encoded));
    assert.equal(refused.data.Code, 'NoPermission');
    assert.equal(refused.data.AccessDeniedDetail.authAction, 'ram:DecodeDiagnosticMessage');
    const decoded = (await decodeWith(cloud, A.users['ram-admin'], encoded)).DecodedDiagnosticMessage;
    assert.deepEqual(JSON.parse(JSON.stringify(decoded)), {
      ExplicitDeny: false, NoPermissionPolicyType: 'ResourceGroupLevelIdentityBasedPolicy', AuthAction: 'oss:ListObjects',
      AuthResource: `acs:oss:*:${A.uid}:company-a-reports`,
      AuthPrincipal: { AuthPrincipalType: 'AssumedRoleUser', AuthPrincipalOwnerId: A.uid, AuthPrincipalDisplayName: 'admin-oss:mock-test' },
    });
  });

  test('the bucket in the group is covered; moving company-a-reports into it, or the grant to the account, ends the refusal', async () => {
    const { B } = cloud.credentials;
    const a = cloud.world.byLabel.A;
    const sts = await assumeRole(cloud, B.users.alice, roleArn());
    const logs = await ossClient(cloud, sts, { region: 'cn-shanghai', bucket: 'company-a-logs' }).list({});
    assert.ok(logs.objects.length > 0);
    const reports = a.buckets.get('company-a-reports');
    const grant = a.roles.get('admin-oss')?.policies.find((p) => p.name === 'AliyunOSSReadOnlyAccess');
    assert.ok(reports && grant);
    reports.resourceGroupId = 'rg-aek2analytics';
    try {
      await ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({});
    } finally {
      reports.resourceGroupId = null;
    }
    grant.resourceGroupId = null;
    try {
      await ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({});
    } finally {
      grant.resourceGroupId = 'rg-aek2analytics';
    }
  });

  test('RAM lists only the account-level attachment; OSS names the bucket\'s resource group', async () => {
    const { A } = cloud.credentials;
    const listed = await rpcClient(cloud, 'ram', A.users['ram-admin']).request('ListPoliciesForRole', { RoleName: 'admin-oss' }, POST);
    assert.deepEqual(listed.Policies.Policy.map((/** @type {any} */ p) => p.PolicyName), ['list-buckets']);
    const group = async (/** @type {string} */ bucket, /** @type {string} */ region) =>
      (await ossClient(cloud, A.root, { region, bucket }).getBucketInfo(bucket)).bucket.ResourceGroupId;
    assert.equal(await group('company-a-logs', 'cn-shanghai'), 'rg-aek2analytics');
    assert.equal(await group('company-a-reports', 'cn-hangzhou'), 'rg-default-id');
  });

  test('a Deny attached for the bucket\'s resource group: ResourceGroupLevelIdentityBasedPolicy, explicit, EC 0003-00000201', async () => {
    const { B } = cloud.credentials;
    const a = cloud.world.byLabel.A;
    const deny = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'oss:ListObjects', Resource: '*' }] });
    a.policies.set('deny-listing', { name: 'deny-listing', description: '', createDate: '', updateDate: '', defaultVersion: 'v1', versions: [{ id: 'v1', document: deny, createDate: '' }] });
    const role = a.roles.get('admin-oss');
    assert.ok(role);
    role.policies.push({ type: 'Custom', name: 'deny-listing', attachDate: '', resourceGroupId: 'rg-aek2analytics' });
    try {
      const sts = await assumeRole(cloud, B.users.alice, roleArn());
      await rejection(ossClient(cloud, sts, { region: 'cn-shanghai', bucket: 'company-a-logs' }).list({}));
      const body = await lastOssBody(cloud);
      assert.equal(xmlText(body, 'PolicyType'), 'ResourceGroupLevelIdentityBasedPolicy');
      assert.equal(xmlText(body, 'NoPermissionType'), 'ExplicitDeny');
      assert.equal(xmlText(body, 'EC'), '0003-00000201');
      // The same Deny does not reach a bucket outside the group (refused there for want of an Allow).
      await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({}));
      assert.equal(xmlText(await lastOssBody(cloud), 'NoPermissionType'), 'ImplicitDeny');
    } finally {
      role.policies.pop();
      a.policies.delete('deny-listing');
    }
  });

  test('B\'s AssumeRole grant attached for a resource group never covers a RAM role: the RPC detail says so', async () => {
    const { A, B } = cloud.credentials;
    const b = cloud.world.byLabel.B;
    b.resourceGroups.set('rg-bbteam', { id: 'rg-bbteam', name: 'team', displayName: 'Team' });
    const alice = b.users.get('alice');
    assert.ok(alice);
    alice.policies[0].resourceGroupId = 'rg-bbteam';
    try {
      const e = await rejection(rpcClient(cloud, 'sts', B.users.alice).request('AssumeRole', { RoleArn: roleArn(), RoleSessionName: 'mock-test' }, POST));
      assert.equal(e.data.Code, 'NoPermission');
      const detail = e.data.AccessDeniedDetail;
      assert.equal(detail.policyType, 'ResourceGroupLevelIdentityBasedPolicy');
      assert.equal(detail.noPermissionType, 'ImplicitDeny');
      assert.equal(detail.authAction, 'sts:AssumeRole');
      assert.equal(detail.authPrincipalDisplayName, 'alice');
      // B's root decodes it (B's user may not).
      const decoded = (await decodeWith(cloud, B.root, detail.encodedDiagnosticInfo)).DecodedDiagnosticMessage;
      assert.equal(decoded.NoPermissionPolicyType, 'ResourceGroupLevelIdentityBasedPolicy');
      assert.equal(decoded.AuthResource, `acs:ram::${A.uid}:role/admin-oss`);
      assert.equal((await rejection(decodeWith(cloud, B.users.alice, detail.encodedDiagnosticInfo))).data.Code, 'NoPermission');
    } finally {
      alice.policies[0].resourceGroupId = null;
      b.resourceGroups.delete('rg-bbteam');
    }
  });
});
