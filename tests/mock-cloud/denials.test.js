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
    role.policies.push({ type: 'Custom', name: 'deny-listing', attachDate: '' });
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
