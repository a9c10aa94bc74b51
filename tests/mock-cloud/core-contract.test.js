// The core (the shipped wasm in extension/pkg, built by ./build.sh) against the mock cloud: every
// request it builds passes the mock's signature checks (the official SDKs' code), and it reads
// every answer of the mock as documented. Both sides were written from shared/reference/apis.md
// independently, so a disagreement here points at a bug in one of them.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { initSync, parseResponse, request } from '../../extension/pkg/rolehop_api.js';
import { raw, useMockCloud } from './helpers.js';

/** The English catalog: an apiError's hint is a message id with arguments. */
const EN = JSON.parse(readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8'));

const MINUTE = 60_000;

describe('the core against the mock cloud (happy-path scenario)', () => {
  const cloud = useMockCloud('happy-path');
  before(() => {
    initSync({ module: readFileSync(new URL('../../extension/pkg/rolehop_api_bg.wasm', import.meta.url)) });
  });
  let nonce = 0;

  /**
   * Builds `action` with the core, sends it unchanged, and returns the core's reading of the answer.
   * @param {string} action @param {object} credentials @param {object} [fields] @param {number} [skewMs]
   * @returns {Promise<any>}
   */
  async function call(action, credentials, fields = {}, skewMs = 0) {
    const time = new Date(Date.now() + skewMs).toISOString().replace(/\.\d+Z$/, 'Z');
    const built = JSON.parse(request(JSON.stringify({ action, credentials, time, nonce: `core-${process.pid}-${++nonce}`, ...fields })));
    assert.equal(built.error, undefined, JSON.stringify(built.error));
    const answer = await raw(cloud, built.url, { method: built.method, headers: built.headers, body: built.body ?? undefined });
    const headers = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k, String(v)]));
    const parsed = JSON.parse(parseResponse(JSON.stringify({ action, status: answer.status, headers, body: answer.body, stringToSign: built.signing.stringToSign })));
    assert.equal(parsed.error, undefined, `the core could not read the mock's ${action} answer: ${JSON.stringify(parsed.error)}`);
    return parsed;
  }

  test('B side: who am I, AssumeRole, then ListBuckets / ListObjects / ListObjectsV2 / GetBucketInfo with STS', async () => {
    const { A, B } = cloud.credentials;
    const me = await call('GetCallerIdentity', B.users.alice);
    assert.equal(me.result.identityType, 'RAMUser');
    const assumed = await call('AssumeRole', B.users.alice, { roleArn: `acs:ram::${A.uid}:role/admin-oss`, roleSessionName: 'core' });
    const { expiration, ...sts } = assumed.result.credentials;
    assert.match(expiration, /Z$/);
    const buckets = await call('ListBuckets', sts);
    assert.deepEqual(buckets.result.buckets.map((/** @type {any} */ b) => b.name), ['company-a-logs', 'company-a-reports']);
    const objects = await call('ListObjects', sts, { bucket: 'company-a-reports', prefix: '2025/', delimiter: '/' });
    assert.deepEqual(objects.result.contents.map((/** @type {any} */ o) => o.key), ['2025/q1.csv']);
    assert.deepEqual(objects.result.commonPrefixes, ['2025/plans/']);
    const v2 = await call('ListObjectsV2', sts, { bucket: 'company-a-reports', maxKeys: 2 });
    assert.equal(v2.result.isTruncated, true);
    const rest = await call('ListObjectsV2', sts, { bucket: 'company-a-reports', continuationToken: v2.result.nextContinuationToken });
    assert.equal(rest.result.contents.length, 3);
    const info = await call('GetBucketInfo', sts, { bucket: 'company-a-logs', region: 'cn-shanghai' });
    assert.equal(info.result.location, 'oss-cn-shanghai');
  });

  test('A side: GetRole, ListPoliciesForRole, GetPolicy, GetAccountAlias, and writes', async () => {
    const { A, B } = cloud.credentials;
    const role = await call('GetRole', A.root, { roleName: 'admin-oss' });
    assert.equal(role.result.role.arn, `acs:ram::${A.uid}:role/admin-oss`);
    const attached = await call('ListPoliciesForRole', A.root, { roleName: 'admin-oss' });
    assert.deepEqual(attached.result.policies.map((/** @type {any} */ p) => p.policyName), ['AliyunOSSReadOnlyAccess']);
    const policy = await call('GetPolicy', A.root, { policyType: 'System', policyName: 'AliyunOSSReadOnlyAccess' });
    assert.equal(policy.result.defaultPolicyVersion.isDefaultVersion, true);
    assert.equal((await call('GetAccountAlias', A.root)).result.accountAlias, 'company-a');
    const trust = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${B.uid}:root`] } }] });
    assert.equal((await call('CreateRole', A.root, { roleName: 'core-made', assumeRolePolicyDocument: trust })).result.role.roleName, 'core-made');
    assert.equal((await call('CreateRole', A.root, { roleName: 'core-made', assumeRolePolicyDocument: trust })).apiError.code, 'EntityAlreadyExists.Role');
    const doc = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:ListObjects', Resource: `acs:oss:*:${A.uid}:company-a-reports` }] });
    assert.equal((await call('CreatePolicy', A.root, { policyName: 'core-made-read', policyDocument: doc })).result.policy.defaultVersion, 'v1');
    const attach = await call('AttachPolicyToRole', A.root, { roleName: 'core-made', policyType: 'Custom', policyName: 'core-made-read' });
    assert.match(attach.result.requestId, /^[0-9A-F-]{36}$/);
    const listed = await call('ListPoliciesForRole', A.root, { roleName: 'core-made' });
    assert.deepEqual(listed.result.policies.map((/** @type {any} */ p) => [p.policyName, p.policyType]), [['core-made-read', 'Custom']]);
  });

  test('errors arrive diagnosed: wrong secret (identical strings to sign), skew with the server Date, NoPermission', async () => {
    const { A, B } = cloud.credentials;
    const rpc = await call('GetCallerIdentity', { ...B.users.alice, accessKeySecret: 'wrong' });
    assert.equal(rpc.apiError.code, 'SignatureDoesNotMatch');
    assert.equal(rpc.apiError.hint.id, 'core_api_diff_identical');
    assert.match(EN[rpc.apiError.hint.id].message, /identical/);
    const assumed = await call('AssumeRole', B.users.alice, { roleArn: `acs:ram::${A.uid}:role/admin-oss`, roleSessionName: 'core' });
    const { expiration, ...sts } = assumed.result.credentials;
    const oss = await call('ListBuckets', { ...sts, accessKeySecret: 'wrong' });
    assert.equal(oss.apiError.code, 'SignatureDoesNotMatch');
    assert.equal(oss.apiError.hint.id, 'core_api_diff_identical');
    const skewedRpc = await call('GetCallerIdentity', B.users.alice, {}, -20 * MINUTE);
    assert.equal(skewedRpc.apiError.code, 'InvalidTimeStamp.Expired');
    assert.ok(skewedRpc.apiError.serverDate, 'the Date header reaches the diagnosis');
    const skewedOss = await call('ListBuckets', sts, {}, -20 * MINUTE);
    assert.equal(skewedOss.apiError.code, 'RequestTimeTooSkewed');
    const denied = await call('ListPoliciesForUser', B.users.alice, { userName: 'alice' });
    assert.equal(denied.apiError.code, 'NoPermission');
    assert.equal(denied.apiError.status, 403);
  });

  test('a refusal\'s detail, RPC and OSS, and DecodeDiagnosticMessage built by the core (RAM\'s endpoint only)', async () => {
    const { A, B } = cloud.credentials;
    const denied = (await call('ListPoliciesForUser', B.users.alice, { userName: 'alice' })).apiError.accessDeniedDetail;
    assert.equal(denied.policyType, 'AccountLevelIdentityBasedPolicy');
    assert.equal(denied.noPermissionType, 'ImplicitDeny');
    assert.equal(denied.authPrincipalOwnerId, B.uid);
    // alice lacks ram:DecodeDiagnosticMessage: the refusal says so in its own detail.
    const refused = await call('DecodeDiagnosticMessage', B.users.alice, { encodedDiagnosticMessage: denied.encodedDiagnosticMessage });
    assert.equal(refused.apiError.accessDeniedDetail.authAction, 'ram:DecodeDiagnosticMessage');
    const decoded = await call('DecodeDiagnosticMessage', B.root, { encodedDiagnosticMessage: denied.encodedDiagnosticMessage });
    assert.deepEqual(decoded.result.decodedDiagnosticMessage, {
      policyType: 'AccountLevelIdentityBasedPolicy', noPermissionType: 'ImplicitDeny', authAction: 'ram:ListPoliciesForUser',
      authResource: `acs:ram::${B.uid}:user/alice`, authPrincipalType: 'SubUser', authPrincipalOwnerId: B.uid, authPrincipalDisplayName: 'alice',
    });
    // An OSS refusal: the XML detail with its EC code, as typed fields.
    const assumed = await call('AssumeRole', B.users.alice, { roleArn: `acs:ram::${A.uid}:role/admin-oss`, roleSessionName: 'core', policy: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'oss:ListBuckets', Resource: '*' }, { Effect: 'Allow', Action: 'oss:*', Resource: '*' }] }) });
    const { expiration, ...sts } = assumed.result.credentials;
    const oss = (await call('ListBuckets', sts)).apiError;
    assert.equal(oss.code, 'AccessDenied');
    assert.equal(oss.accessDeniedDetail.policyType, 'SessionPolicy');
    assert.equal(oss.accessDeniedDetail.noPermissionType, 'ExplicitDeny');
    assert.equal(oss.accessDeniedDetail.authPrincipalType, 'AssumedRoleUser');
    // The encoded message goes to ram.aliyuncs.com and nowhere else.
    const elsewhere = JSON.parse(request(JSON.stringify({ action: 'DecodeDiagnosticMessage', credentials: B.root, time: '2026-01-01T00:00:00Z', nonce: 'n-1',
      endpoint: 'sts.aliyuncs.com', encodedDiagnosticMessage: 'AQIB' })));
    assert.equal(elsewhere.error.path, '$.endpoint');
    assert.deepEqual(elsewhere.error.text, { id: 'core_api_endpoint_fixed', args: { action: 'DecodeDiagnosticMessage', host: 'ram.aliyuncs.com' } });
    assert.match(EN[elsewhere.error.text.id].message, /is sent only to \$host\$/);
  });
});
