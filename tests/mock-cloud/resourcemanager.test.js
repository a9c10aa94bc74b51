// Resource Management's policy attachments (resourcemanager.aliyuncs.com), driven with the official
// RPC client: a grant for a resource group, or for the whole account (ResourceGroupId = the
// account's UID), listed, and what it changes in OSS's answer.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assumeRole, ossClient, rpcClient } from './sdk-clients.js';
import { rejection, useMockCloud } from './helpers.js';

const POST = { method: 'POST' };

describe('resource-group-scoped', () => {
  const cloud = useMockCloud('resource-group-scoped');
  const rm = (/** @type {any} */ credentials) => rpcClient(cloud, 'resourcemanager', credentials);

  test('ListPolicyAttachments lists the role\'s grants with their scope', async () => {
    const { A } = cloud.credentials;
    const listed = await rm(A.root).request('ListPolicyAttachments', { PrincipalType: 'ServiceRole' }, POST);
    const grants = listed.PolicyAttachments.PolicyAttachment.map((/** @type {any} */ a) => `${a.PrincipalName} ${a.PolicyName} ${a.ResourceGroupId}`);
    assert.deepEqual(grants.sort(), [
      `admin-oss@role.company-a.onaliyun.com AliyunOSSReadOnlyAccess rg-aek2analytics`,
      `admin-oss@role.company-a.onaliyun.com list-buckets ${A.uid}`,
    ]);
    const inGroup = await rm(A.root).request('ListPolicyAttachments', { ResourceGroupId: 'rg-aek2analytics' }, POST);
    assert.equal(inGroup.TotalCount, 1);
  });

  test('AttachPolicy for the whole account ends the refusal; DetachPolicy brings it back', async () => {
    const { A, B } = cloud.credentials;
    const grant = { ResourceGroupId: A.uid, PolicyType: 'System', PolicyName: 'AliyunOSSReadOnlyAccess', PrincipalType: 'ServiceRole', PrincipalName: `admin-oss@role.${A.uid}.onaliyun.com` };
    const sts = await assumeRole(cloud, B.users.alice, `acs:ram::${A.uid}:role/admin-oss`);
    await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({}));
    await rm(A.root).request('AttachPolicy', grant, POST);
    try {
      const again = await rejection(rm(A.root).request('AttachPolicy', grant, POST));
      assert.equal(again.data.Code, 'EntityAlreadyExists.PolicyAttachment');
      const listed = await ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({});
      assert.ok(listed.objects.length > 0);
    } finally {
      await rm(A.root).request('DetachPolicy', grant, POST);
    }
    await rejection(ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({}));
  });

  test('AttachPolicy for a group that holds the bucket covers it; what is wrong is named', async () => {
    const { A, B } = cloud.credentials;
    const a = cloud.world.byLabel.A;
    a.resourceGroups.set('rg-aek2reports', { id: 'rg-aek2reports', name: 'reports', displayName: 'Reports' });
    const bucket = a.buckets.get('company-a-reports');
    assert.ok(bucket);
    bucket.resourceGroupId = 'rg-aek2reports';
    const grant = { ResourceGroupId: 'rg-aek2reports', PolicyType: 'System', PolicyName: 'AliyunOSSReadOnlyAccess', PrincipalType: 'ServiceRole', PrincipalName: 'admin-oss@role.company-a.onaliyun.com' };
    try {
      await rm(A.root).request('AttachPolicy', grant, POST);
      const sts = await assumeRole(cloud, B.users.alice, `acs:ram::${A.uid}:role/admin-oss`);
      assert.ok((await ossClient(cloud, sts, { bucket: 'company-a-reports' }).list({})).objects.length > 0);
      await rm(A.root).request('DetachPolicy', grant, POST);
      const code = async (/** @type {any} */ credentials, /** @type {object} */ params) =>
        (await rejection(rm(credentials).request('AttachPolicy', { ...grant, ...params }, POST))).data.Code;
      assert.equal(await code(A.root, { ResourceGroupId: 'rg-nowhere' }), 'EntityNotExists.ResourceGroup');
      assert.equal(await code(A.root, { PrincipalName: 'admin-oss@role.company-x.onaliyun.com' }), 'EntityNotExists.Principal');
      assert.equal(await code(A.root, { PrincipalType: 'IMSGroup' }), 'InvalidParameter.PrincipalType');
      assert.equal(await code(A.root, { PolicyName: 'NoSuchPolicy' }), 'EntityNotExist.Policy');
      // A's RAM administrator holds RAM permissions only, not Resource Management's.
      assert.equal(await code(A.users['ram-admin'], {}), 'NoPermission');
    } finally {
      bucket.resourceGroupId = null;
      a.resourceGroups.delete('rg-aek2reports');
    }
  });
});
