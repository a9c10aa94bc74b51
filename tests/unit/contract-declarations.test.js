// The core's real answers (the wasm in extension/pkg, built by ./build.sh) against the contract's
// TypeScript declarations (extension/shared/contract.d.ts and the generated/core.d.ts it
// re-exports): each answer is written into a TypeScript file as an object literal of its declared
// type, and the compiler must accept it. A field the core writes but the declaration lacks (an
// excess property), a declared field the core does not write, or a value of another type fails
// here, naming the call. Where a declaration is generated from a Rust type whose JSON is written
// by hand (sign's answers, profileParse), this is what holds the two together.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { loadWasmCore } from '../lib/wasm-core.js';
import { RPC_VECTOR } from '../lib/vectors.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = `${ROOT}tests/.tmp/contract-declarations/`;

const A = '1746000000000001';
const B = '1999000000000002';
const TIME = '2024-01-02T03:04:05Z';
const KEYS = { accessKeyId: 'LTAI5tTestKeyId000000', accessKeySecret: 'test-secret-000000000000000000' };
const TUTORIAL = {
  audience: 'company-a',
  accountA: { uid: A, alias: 'acme' },
  accountB: { uid: B },
  roleName: 'admin-oss',
  trust: { kind: 'principals', users: ['alice'] },
  permission: { kind: 'custom', buckets: ['reports'], prefixes: ['team/2024/'] },
  assumePolicy: 'scoped',
  site: 'cn',
};
const PROFILES = '[profile prod]\naccount = acme\nrole_name = admin\ncolor = red\n\n[profile bad]\naccount = 12\nrole = x\n';
const CALLER = {
  RequestId: '04F0F334-1335-436C-A1D7-6C044FE73368',
  AccountId: B,
  Arn: `acs:ram::${B}:user/alice`,
  IdentityType: 'RAMUser',
  PrincipalId: '2000000000000001',
  UserId: '2000000000000001',
};

/** Every export of the core's wasm modules (extension/pkg). @type {Record<string, any>} */
let core;
before(async () => {
  ({ wasm: core } = await loadWasmCore(`${ROOT}extension/pkg`));
});

/** The wasm function `name` on `input` (JSON text both ways). @param {string} name @param {unknown} [input] @returns {any} */
function call(name, input) {
  const fn = /** @type {Record<string, (input?: string) => string>} */ (/** @type {unknown} */ (core))[name];
  return JSON.parse(input === undefined ? fn() : fn(JSON.stringify(input)));
}

/**
 * Every sample: a name, the declared type its answer must have, and the answer. Successes are
 * asserted to be successes, so that a sample never checks an error against a success's type.
 * @returns {Array<{name: string, type: string, answer: unknown}>}
 */
function samples() {
  /** @type {Array<{name: string, type: string, answer: unknown}>} */
  const out = [];
  /** @param {string} name @param {string} type @param {any} answer */
  const ok = (name, type, answer) => {
    assert.equal(answer.error, undefined, `${name}: ${JSON.stringify(answer.error)}`);
    out.push({ name, type, answer });
    return answer;
  };
  const failed = (/** @type {string} */ name, /** @type {any} */ answer) => {
    assert.ok(answer.error, `${name} was expected to fail`);
    out.push({ name, type: 'CoreErrorResult', answer });
  };

  ok('version', 'VersionInfo', call('version'));
  ok('selfCheck', 'SelfCheckResult', call('selfCheck'));
  ok('sign rpc', 'RpcSignature', call('sign', RPC_VECTOR.request));
  const oss = { method: 'GET', bucket: 'reports', key: 'a b.txt', ...KEYS, securityToken: 'token' };
  ok('sign oss', 'OssHeaderSignature', call('sign', { kind: 'oss', ...oss, headers: { Date: 'Tue, 02 Jan 2024 03:04:05 GMT' }, query: { acl: null } }));
  ok('sign oss-presign', 'OssPresignedUrl', call('sign', { kind: 'oss-presign', ...oss, expires: 1704165845, endpoint: 'oss-cn-hangzhou.aliyuncs.com' }));
  ok('sign post-policy', 'PostPolicySignature', call('sign', { kind: 'post-policy', policy: '{"expiration":"2024-01-02T03:04:05Z","conditions":[]}', ...KEYS }));
  failed('sign without kind', call('sign', { method: 'GET' }));

  ok('request AssumeRole', 'BuiltRequest', call('request', { action: 'AssumeRole', credentials: KEYS, time: TIME, nonce: 'n-1', roleArn: `acs:ram::${A}:role/admin-oss`, roleSessionName: 'session' }));
  ok('request ListObjects', 'BuiltRequest', call('request', { action: 'ListObjects', credentials: KEYS, time: TIME, bucket: 'reports', region: 'cn-hangzhou', prefix: 'team/' }));
  const identity = ok('parseResponse result', 'ParsedResponse', call('parseResponse', { action: 'GetCallerIdentity', status: 200, body: JSON.stringify(CALLER) }));
  const refused = { RequestId: CALLER.RequestId, HostId: 'sts.aliyuncs.com', Code: 'NoPermission', Message: 'You are not authorized to do this action.', Recommend: 'https://next.api.aliyun.com/troubleshoot' };
  ok('parseResponse apiError', 'ParsedResponse', call('parseResponse', { action: 'AssumeRole', status: 403, body: JSON.stringify(refused) }));
  failed('parseResponse unknown action', call('parseResponse', { action: 'Nope', status: 200, body: '' }));

  ok('profileParse', 'ProfileParseResult', call('profileParse', { text: PROFILES }));
  ok('profileSerialize', 'ProfileSerializeResult', call('profileSerialize', { profiles: [{ id: 'prod', account: 'acme', roleName: 'admin' }] }));
  const config = JSON.stringify({ current: 'ak', profiles: [{ name: 'ak', mode: 'AK', access_key_id: 'x', access_key_secret: 'y' }, { name: 'role', mode: 'RamRoleArn', ram_role_arn: `acs:ram::${A}:role/admin`, source_profile: 'ak' }] });
  ok('profileImport', 'ProfileImportResult', call('profileImport', { format: 'aliyun-cli', text: config }));
  ok('profileExport', 'ProfileExportResult', call('profileExport', { format: 'aliyun-cli', profiles: [{ id: 'prod', account: A, roleName: 'admin' }, { id: 'alias', account: 'acme', roleName: 'admin' }], sourceProfile: 'ak' }));
  ok('switchUrl', 'SwitchUrlResult', call('switchUrl', { profile: { account: 'acme', roleName: 'admin' }, marker: 'marker-0001' }));

  const lint = ok('policyLint', 'PolicyLintResult', call('policyLint', { policy: '{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObjcet","*"],"Resource":"*"}]}' }));
  assert.ok(lint.findings.length > 0, 'the sample policy has findings');

  const trust = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Principal: { RAM: [`acs:ram::${B}:root`] }, Action: 'sts:AssumeRole' }] });
  const identityPolicies = [{ name: 'reports', document: '{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:ListObjects","Resource":"*","Condition":{"StringLike":{"oss:Prefix":"a/*"}}}]}' }, { name: 'AliyunOSSReadOnlyAccess', type: 'System' }];
  const listing = { action: 'oss:ListObjects', resource: 'acs:oss:*:*:reports' };
  ok('policySimulate request', 'PolicySimulateResult', call('policySimulate', { identityPolicies, request: listing }));
  ok('policySimulate request decision', 'PolicySimulateResult', call('policySimulate', { identityPolicies, request: listing, detail: 'decision' }));
  ok('policySimulate requests', 'PolicySimulateResult', call('policySimulate', { trustPolicy: { name: 'trust policy', document: trust }, requests: [{ principal: `acs:ram::${B}:user/alice`, action: 'sts:AssumeRole', resource: `acs:ram::${A}:role/admin-oss` }] }));
  ok('policySimulate requests decision', 'PolicySimulateResult', call('policySimulate', { identityPolicies, requests: [listing], detail: 'decision' }));

  const inputs = { roleArn: `acs:ram::${A}:role/admin-oss`, bucket: 'reports', haveCredentialsB: true };
  ok('checksPlan', 'ChecksPlan', call('checksPlan', inputs));
  const next = ok('checksNext', 'ChecksNextResult', call('checksNext', { inputs, facts: {} }));
  const facts = { [next.next[0].id]: { ...identity, localTime: TIME, serverDate: 'Tue, 02 Jan 2024 03:04:05 GMT', httpStatus: 200, requestId: CALLER.RequestId } };
  ok('checksNext with a fact', 'ChecksNextResult', call('checksNext', { inputs, facts }));
  ok('checksDiagnose', 'CheckReport', call('checksDiagnose', { inputs, facts }));
  ok('checksRetry', 'RetryDecision', call('checksRetry', { action: 'AssumeRole', attempt: 1, outcome: { transportError: 'reset' } }));

  ok('tutorialSteps company-a', 'TutorialResult', call('tutorialSteps', TUTORIAL));
  ok('tutorialSteps b-user', 'TutorialResult', call('tutorialSteps', { ...TUTORIAL, audience: 'b-user', trust: { kind: 'account' }, permission: { kind: 'system' } }));
  ok('tutorialSteps draft', 'TutorialResult', call('tutorialSteps', { ...TUTORIAL, accountB: { uid: '' }, draft: true }));
  const plan = ok('setupPlan', 'SetupPlan', call('setupPlan', { ...TUTORIAL, side: 'A' }));
  const step = ok('setupNext', 'SetupNextResult', call('setupNext', { plan, results: [] }));
  const answer = call('parseResponse', { action: step.next.action, status: 200, body: JSON.stringify({ ...CALLER, AccountId: A }) });
  ok('setupNext after an answer', 'SetupNextResult', call('setupNext', { plan, results: [{ id: step.next.id, response: answer }] }));
  failed('tutorialSteps without roleName', call('tutorialSteps', { ...TUTORIAL, roleName: undefined }));
  return out;
}

/** The TypeScript file: one constant per sample, typed by the contract. @param {Array<{name: string, type: string, answer: unknown}>} list */
function source(list) {
  const types = [...new Set(list.map((s) => s.type))].sort();
  const lines = [`import type { ${types.join(', ')} } from '../../../extension/shared/contract';`, ''];
  list.forEach((s, i) => lines.push(`// ${s.name}`, `export const sample${i}: ${s.type} = ${JSON.stringify(s.answer, null, 2)};`, ''));
  return lines.join('\n');
}

test("the core's answers have exactly the declared types", () => {
  const list = samples();
  mkdirSync(OUT, { recursive: true });
  const file = `${OUT}samples.ts`;
  const text = source(list);
  writeFileSync(file, text);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    exactOptionalPropertyTypes: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts'],
    types: [],
  });
  const starts = list.map((_, i) => text.indexOf(`export const sample${i}:`));
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n  ');
    if (d.file?.fileName !== file || d.start === undefined) return `${d.file?.fileName ?? ''}: ${message}`;
    const index = starts.findLastIndex((start) => start <= /** @type {number} */ (d.start));
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${list[index].name} (${list[index].type}, ${file}:${line + 1}): ${message}`;
  });
  assert.deepEqual(problems, [], `answers of the core that its declarations do not describe:\n${problems.join('\n')}`);
});
