// The verification checks end to end: the shipped dist/chromium in Chromium, credentials kept in
// storage.session, the service worker signing and sending real requests to the mock cloud
// (tests/mock-cloud, which verifies every signature with the official SDKs' code), and the core's
// diagnosis naming the broken tutorial step. Then the secrets: where they are, and where not.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startCloudBrowser, readPersistentStorage, evaluateInContentScript } from './cloud-browser.js';
import { assumeRole } from '../mock-cloud/sdk-clients.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './harness.js';

// The report carries message ids ({id, args}); the test reads them in words as the pages do
// (shared/i18n.js coreMessage over the shipped catalogs, formatted as chrome.i18n formats them).
const { formatMessage, coreMessage } = await import('../../extension/shared/i18n.js');
/** @type {Record<string, Record<string, any>>} */
const catalogs = Object.fromEntries(['en', 'zh_CN'].map((l) => [l, JSON.parse(readFileSync(join(DIST, '_locales', l, 'messages.json'), 'utf8'))]));
let wordsLocale = 'en';
Object.assign(globalThis, {
  chrome: { i18n: { getMessage: (/** @type {string} */ key, /** @type {string[]} */ subs) => (catalogs[wordsLocale][key] ? formatMessage(catalogs[wordsLocale][key], subs) : '') } },
});
/** A core message in words. @param {any} message @param {'en' | 'zh_CN'} [locale] */
function words(message, locale = 'en') {
  wordsLocale = locale;
  return coreMessage(message);
}

/** @typedef {import('./cloud-browser.js').CloudBrowser} CloudBrowser */

/** @type {CloudBrowser} */
let env;
/** Every secret and token this file ever hands the extension, for the leak checks at the end. */
const secretsUsed = new Set();
const tokensUsed = new Set();
/** Every request any scenario's mock logged. @type {any[]} */
const logged = [];

before(async () => {
  env = await startCloudBrowser('happy-path');
});
after(async () => {
  await env?.close();
});

/** Keeps what the current mock logged before it is replaced. */
function keepLog() {
  logged.push(...env.cloud().requests());
  env.cloud().clearRequests();
}

/** @param {string} scenario */
async function scenario(scenario) {
  keepLog();
  await env.useScenario(scenario);
}

/** @param {string} account @param {string} [user] the root key when absent */
function keysOf(account, user) {
  const c = env.cloud().credentials[account];
  const key = user ? c.users[user] : c.root;
  secretsUsed.add(key.accessKeySecret);
  return { accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret };
}

/** The happy path's inputs: B's user alice assumes A's admin-oss and lists company-a-reports. */
function inputs(extra = {}) {
  const a = env.cloud().credentials.A;
  const b = env.cloud().credentials.B;
  return { roleArn: `acs:ram::${a.uid}:role/admin-oss`, bucket: 'company-a-reports', accountB: b.uid, userB: 'alice', ...extra };
}

/** @param {{events: any[], last: any}} run */
function reportOf(run) {
  assert.equal(run.last?.event, 'checks.done', `the run ended with ${JSON.stringify(run.last)}`);
  return run.last.report;
}

/** @param {any} report @param {string} id */
function check(report, id) {
  const found = report.checks.find((/** @type {any} */ c) => c.id === id);
  assert.ok(found, `no check ${id} in ${report.checks.map((/** @type {any} */ c) => c.id).join(', ')}`);
  return found;
}

/** @param {any} report */
function statuses(report) {
  return Object.fromEntries(report.checks.map((/** @type {any} */ c) => [c.id, c.status]));
}

describe('credentials in storage.session', () => {
  test('are kept masked: pages get the kind and LTAI****abcd, never the secret', async () => {
    const keys = keysOf('B', 'alice');
    const status = await env.setCredentials('b', keys);
    assert.equal(status.b.kind, 'access-key');
    assert.equal(status.b.accessKeyId, `${keys.accessKeyId.slice(0, 4)}****${keys.accessKeyId.slice(-4)}`);
    assert.equal(status.a, null);
    assert.equal(status.storage, 'session');
    const text = JSON.stringify(await env.browser.sendMessage(env.page, { type: 'credentials.status' }));
    assert.ok(!text.includes(keys.accessKeySecret) && !text.includes(keys.accessKeyId), text);
  });

  test('live only in storage.session, at the TRUSTED_CONTEXTS level', async () => {
    const keys = keysOf('B', 'alice');
    await env.setCredentials('b', keys);
    const session = await env.page.evaluate(() => chrome.storage.session.get(null));
    assert.equal(/** @type {any} */ (session)['rolehop.credentials.b'].accessKeySecret, keys.accessKeySecret);
    assert.ok(!(await readPersistentStorage(env.page)).includes(keys.accessKeySecret));
  });

  test('STS credentials need their token and keep their expiration', async () => {
    const missing = await env.setCredentials('a', { accessKeyId: 'STS.NUgYrLnoC37mZZCNnAbez2', accessKeySecret: 'Fzb9ojzEqjDmWNHdHgWxhhCm' });
    assert.equal(missing.error.kind, 'invalid-credentials');
    assert.deepEqual(missing.error.problems.map((/** @type {any} */ p) => p.code), ['token-missing']);
    const token = 'CAIS8gF1q6Ft5B2yfSjIr5bSEtbQrLpP0qaZd0vfs2UXTtZ5nY7h0zz2IHxMeXhpAOEdtvQ2nG1T5v0YlqB6T55OSAmcNZIoVAxpXVjmMeT7oMWQweEurv/MQBqyaXPS2MvVfJ+KLrf0ceusbFbpjzJ6xaCAGxypQ12iN+/i6/clFKN1ODO1dj1bHtxbCxJ/ocsBTxvrOO2qLwThjxi7biMqmHIl0Tgmtf/mnZbGtkWG1w==';
    tokensUsed.add(token);
    secretsUsed.add('Fzb9ojzEqjDmWNHdHgWxhhCm');
    const stored = await env.setCredentials('a', {
      accessKeyId: 'STS.NUgYrLnoC37mZZCNnAbez2', accessKeySecret: 'Fzb9ojzEqjDmWNHdHgWxhhCm', securityToken: token, expiration: '2030-01-01T00:00:00Z',
    });
    assert.deepEqual({ ...stored.a, savedAt: 0 }, { kind: 'sts', accessKeyId: 'STS.****bez2', expiration: '2030-01-01T00:00:00Z', savedAt: 0 });
    assert.ok(!JSON.stringify(stored).includes(token));
  });

  test('bad input names every problem by field and stores nothing', async () => {
    await env.clearCredentials('all');
    const reply = await env.setCredentials('b', { accessKeyId: 'LTAI x', accessKeySecret: '', expiration: 'tomorrow' });
    assert.deepEqual(reply.error.problems.map((/** @type {any} */ p) => `${p.field}:${p.code}`), [
      'accessKeyId:id-shape', 'accessKeySecret:secret-missing', 'expiration:expiration-without-token',
    ]);
    const status = await env.browser.sendMessage(env.page, { type: 'credentials.status' });
    assert.equal(status.b, null);
    const side = await env.setCredentials(/** @type {any} */ ('c'), keysOf('B', 'alice'));
    assert.match(side.error.message, /side must be "a".*"b"/);
  });

  test('clear forgets one side, or both with one click', async () => {
    await env.setCredentials('a', keysOf('A'));
    await env.setCredentials('b', keysOf('B', 'alice'));
    let status = await env.clearCredentials('a');
    assert.equal(status.a, null);
    assert.notEqual(status.b, null);
    status = await env.clearCredentials('all');
    assert.deepEqual([status.a, status.b], [null, null]);
    assert.deepEqual(await env.page.evaluate(() => chrome.storage.session.get(null)).then((s) => Object.keys(s).filter((k) => k.startsWith('rolehop.credentials'))), []);
  });
});

describe('checks against the mock cloud', () => {
  test('the happy path: B\'s user assumes A\'s role, lists A\'s buckets and objects; every check passes', async () => {
    await scenario('happy-path');
    await env.setCredentials('b', keysOf('B', 'alice'));
    await env.setCredentials('a', keysOf('A', 'ram-admin'));
    const run = await env.runChecks(inputs());
    const report = reportOf(run);
    assert.deepEqual(statuses(report), {
      'a.role-exists': 'pass', 'a.trust-trusts-b': 'pass', 'a.role-oss-access': 'pass', 'b.identity': 'pass',
      'b.user-may-assume': 'pass', 'a.switch-values': 'pass', 'b.assume-role': 'pass', 'b.list-buckets': 'pass', 'b.list-objects': 'pass',
    }, JSON.stringify(report.checks.filter((/** @type {any} */ c) => c.status !== 'pass'), null, 1));
    assert.equal(report.verdict.status, 'pass');
    // Progress streamed before the end: at least one update with checks still pending.
    const progress = run.events.filter((e) => e.event === 'checks.progress');
    assert.ok(progress.some((e) => e.report.checks.some((/** @type {any} */ c) => c.status === 'pending')), 'no live progress');
    // Evidence: the request id and the server's Date of what was really sent.
    const assume = check(report, 'b.assume-role');
    assert.match(assume.evidence.requestId, /\S/);
    const sent = run.last.sent.find((/** @type {any} */ s) => s.id === 'b.AssumeRole');
    assert.equal(sent.host, 'sts.aliyuncs.com');
    assert.match(sent.serverDate, /GMT$/);
    assert.equal(sent.requestId, assume.evidence.requestId);
    // What the mock saw: alice's AccessKey for STS, the session token for OSS.
    const requests = env.cloud().requests();
    const listObjects = requests.find((r) => r.action === 'ListObjects' || r.action === 'ListObjectsV2');
    assert.ok(listObjects, `no ListObjects among ${requests.map((r) => r.action).join(', ')}`);
    assert.equal(listObjects.host, 'company-a-reports.oss-cn-hangzhou.aliyuncs.com');
    assert.match(String(listObjects.headers['x-oss-security-token']), /\S{20,}/);
    for (const session of env.cloud().state().sessions) tokensUsed.add(session.token ?? '');
    for (const s of env.cloud().world.sessions.values()) tokensUsed.add(s.token);
  });

  test('the one-shot checks.run message answers the same report', async () => {
    const reply = await env.browser.sendMessage(env.page, { type: 'checks.run', inputs: inputs() });
    assert.equal(reply.report.verdict.status, 'pass');
  });

  /**
   * @param {string} name
   * @param {{scenario?: string, b?: [string, string?], a?: [string, string?] | null, inputs?: object, before?: () => Promise<void> | void,
   *   check?: string, status: string, cause?: string, step: number | null, verdict: string, attempts?: number, fix?: RegExp,
   *   basis?: string, summary?: RegExp}} c
   *   `check`: the check that must carry the finding (default: any check with that status and cause); `fix`: what its fix must say;
   *   `basis`: what a refusal's diagnosis rests on; `summary`: what the finding must say
   */
  function failure(name, c) {
    test(name, async () => {
      await scenario(c.scenario ?? 'happy-path');
      await env.clearCredentials('all');
      await env.setCredentials('b', keysOf(...(c.b ?? ['B', 'alice'])));
      if (c.a) await env.setCredentials('a', keysOf(...c.a));
      await c.before?.();
      const report = reportOf(await env.runChecks(inputs(c.inputs)));
      const found = c.check
        ? check(report, c.check)
        : report.checks.find((/** @type {any} */ x) => x.status === c.status && x.cause === c.cause) ?? { checks: report.checks };
      assert.equal(found.status, c.status, JSON.stringify(found, null, 1));
      assert.equal(found.cause, c.cause, JSON.stringify(found, null, 1));
      if (c.step !== null) assert.equal(found.tutorialStep, c.step);
      if (c.status !== 'pass') {
        assert.match(found.fix?.text?.id ?? '', /^core_/, `a fix as a message: ${JSON.stringify(found.fix)}`);
        assert.match(words(found.fix.text, 'zh_CN'), /[\u4e00-\u9fff]/, `a fix in Chinese too: ${JSON.stringify(found.fix)}`);
      }
      if (c.attempts) assert.equal(found.evidence?.attempts, c.attempts, JSON.stringify(found.evidence));
      if (c.fix) assert.match(words(found.fix?.text), c.fix);
      if (c.basis) assert.equal(found.basis, c.basis, JSON.stringify(found, null, 1));
      if (c.summary) assert.match(words(found.summary), c.summary);
      assert.equal(report.verdict.status, c.verdict);
      if (c.verdict === 'fail') {
        assert.equal(report.verdict.firstBrokenStep, c.step);
        assert.equal(report.verdict.cause, c.cause);
      }
    });
  }

  failure('the role lacks the OSS policy: step 1', {
    scenario: 'role-lacks-oss-policy', check: 'b.list-buckets', status: 'fail', cause: 'role-lacks-oss-policy', step: 1, verdict: 'fail',
  });
  failure('the role lacks the OSS policy, seen from A\'s side too', {
    scenario: 'role-lacks-oss-policy', a: ['A', 'ram-admin'], check: 'a.role-oss-access', status: 'fail', cause: 'role-lacks-oss-policy', step: 1, verdict: 'fail',
  });
  failure('the user lacks the AssumeRole permission (A\'s trust is right, so it is B\'s side): step 2', {
    scenario: 'user-lacks-assume-role', a: ['A', 'ram-admin'], status: 'fail', cause: 'user-lacks-assume-role', step: 2, verdict: 'fail',
  });
  // Issue 14: the cloud's AccessDeniedDetail makes what was "step 2 or 1" exact.
  failure('the user lacks the AssumeRole permission, B\'s side only: exactly step 2, from the cloud\'s detail', {
    scenario: 'user-lacks-assume-role', check: 'b.assume-role', status: 'fail', cause: 'user-lacks-assume-role', step: 2, verdict: 'fail',
    basis: 'cloud-detail', summary: /AccountLevelIdentityBasedPolicy.*Allow B's credentials ram:DecodeDiagnosticMessage/,
  });
  failure('the trust policy does not trust B, B\'s side only: exactly step 1, from the cloud\'s detail', {
    scenario: 'trust-does-not-trust-b', check: 'b.assume-role', status: 'fail', cause: 'role-does-not-trust-b', step: 1, verdict: 'fail',
    basis: 'cloud-detail', summary: /AssumeRolePolicy/,
  });
  failure('the trust policy does not trust B, decoded when B\'s user may call ram:DecodeDiagnosticMessage', {
    scenario: 'trust-does-not-trust-b', check: 'b.assume-role', status: 'fail', cause: 'role-does-not-trust-b', step: 1, verdict: 'fail',
    before: () => {
      env.cloud().world.byLabel.B.users.get('alice')?.policies.push({ type: 'System', name: 'AliyunRAMFullAccess', attachDate: '', resourceGroupId: null });
    },
    basis: 'decoded', summary: /DecodeDiagnosticMessage decoded.*|Resource: acs:ram::1746205010153210:role\/admin-oss/,
  });
  failure('the role lacks the OSS policy, decoded with A\'s credentials: step 1, exact', {
    scenario: 'role-lacks-oss-policy', a: ['A', 'ram-admin'], check: 'b.list-objects', status: 'fail', cause: 'role-lacks-oss-policy', step: 1, verdict: 'fail',
    basis: 'decoded', summary: /Resource: acs:oss:\*:1746205010153210:company-a-reports/,
  });
  failure('an explicit Deny in B\'s user\'s policy: the Deny is named (step 2)', {
    before: () => {
      const policy = env.cloud().world.byLabel.B.policies.get('assume-admin-oss');
      assert.ok(policy);
      policy.versions[0].document = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] });
    },
    check: 'b.assume-role', status: 'fail', cause: 'user-policy-denies', step: 2, verdict: 'fail', basis: 'cloud-detail', fix: /never overrides a Deny/,
  });
  failure('a control policy of A\'s resource directory refuses OSS: who can change it is named', {
    before: () => {
      env.cloud().world.byLabel.A.controlPolicies.push(JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'oss:*', Resource: '*' }] }));
    },
    check: 'b.list-buckets', status: 'fail', cause: 'control-policy-denies', step: 1, verdict: 'fail', basis: 'cloud-detail', fix: /management account/,
  });
  failure('a bucket policy refuses the role: its own cause', {
    before: () => {
      const bucket = env.cloud().world.byLabel.A.buckets.get('company-a-reports');
      assert.ok(bucket);
      bucket.policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'oss:ListObjects', Principal: ['*'], Resource: '*' }] });
    },
    check: 'b.list-objects', status: 'fail', cause: 'bucket-policy-denies', step: 1, verdict: 'fail', basis: 'cloud-detail', fix: /Bucket Policy/,
  });
  // Every policy type and both deny kinds, diagnosed to the exact step from the mock's own words.
  failure('an explicit Deny in A\'s trust policy for B\'s user: the Deny is named (step 1)', {
    before: () => {
      const role = env.cloud().world.byLabel.A.roles.get('admin-oss');
      assert.ok(role);
      const trust = JSON.parse(role.trustPolicy);
      trust.Statement.push({ Effect: 'Deny', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${env.cloud().credentials.B.uid}:user/alice`] } });
      role.trustPolicy = JSON.stringify(trust);
    },
    check: 'b.assume-role', status: 'fail', cause: 'trust-policy-denies', step: 1, verdict: 'fail', basis: 'cloud-detail', summary: /AssumeRolePolicy, ExplicitDeny/,
  });
  failure('an explicit Deny in the role\'s own policies: the Deny is named (step 1)', {
    before: () => {
      const a = env.cloud().world.byLabel.A;
      const deny = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'oss:ListObjects', Resource: '*' }] });
      a.policies.set('deny-listing', { name: 'deny-listing', description: '', createDate: '', updateDate: '', defaultVersion: 'v1', versions: [{ id: 'v1', document: deny, createDate: '' }] });
      a.roles.get('admin-oss')?.policies.push({ type: 'Custom', name: 'deny-listing', attachDate: '', resourceGroupId: null });
    },
    check: 'b.list-objects', status: 'fail', cause: 'role-policy-denies', step: 1, verdict: 'fail', basis: 'cloud-detail',
    summary: /AccountLevelIdentityBasedPolicy, ExplicitDeny/, fix: /never overrides a Deny/,
  });
  failure('no control policy of A\'s resource directory allows OSS (FullAliyunAccess detached): implicit, who can change it is named', {
    before: () => {
      const a = env.cloud().world.byLabel.A;
      a.controlPolicies.push(JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['sts:*', 'ram:*'], Resource: '*' }] }));
      a.fullAliyunAccess = false;
    },
    check: 'b.list-buckets', status: 'fail', cause: 'control-policy-denies', step: 1, verdict: 'fail', basis: 'cloud-detail',
    summary: /ControlPolicy, ImplicitDeny/, fix: /management account/,
  });
  failure('a control policy of B\'s resource directory refuses AssumeRole: step 2, who can change it is named', {
    before: () => {
      env.cloud().world.byLabel.B.controlPolicies.push(JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] }));
    },
    check: 'b.assume-role', status: 'fail', cause: 'control-policy-denies', step: 2, verdict: 'fail', basis: 'cloud-detail',
    summary: /ControlPolicy, ExplicitDeny/, fix: /management account/,
  });
  failure('the role\'s OSS grant is scoped to a resource group without the bucket: step 1, grant at the account level or move the bucket', {
    scenario: 'resource-group-scoped', check: 'b.list-objects', status: 'fail', cause: 'resource-group-scope', step: 1, verdict: 'fail', basis: 'cloud-detail',
    summary: /ResourceGroupLevelIdentityBasedPolicy, ImplicitDeny.*Allow the role session's credentials ram:DecodeDiagnosticMessage/,
    fix: /at the account level .*or move bucket company-a-reports into the resource group/,
  });
  failure('the same, decoded when the role session may call ram:DecodeDiagnosticMessage', {
    scenario: 'resource-group-scoped',
    before: () => {
      env.cloud().world.byLabel.A.policies.set('decode', { name: 'decode', description: '', createDate: '', updateDate: '', defaultVersion: 'v1', versions: [{ id: 'v1', createDate: '', document: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'ram:DecodeDiagnosticMessage', Resource: '*' }] }) }] });
      env.cloud().world.byLabel.A.roles.get('admin-oss')?.policies.push({ type: 'Custom', name: 'decode', attachDate: '', resourceGroupId: null });
    },
    check: 'b.list-objects', status: 'fail', cause: 'resource-group-scope', step: 1, verdict: 'fail', basis: 'decoded',
    summary: /Resource: acs:oss:\*:1746205010153210:company-a-reports/,
  });
  failure('the same with A\'s credentials: RAM lists no group-scoped grant, the verdict still names the resource group', {
    scenario: 'resource-group-scoped', a: ['A', 'ram-admin'], check: 'b.list-objects', status: 'fail', cause: 'resource-group-scope', step: 1, verdict: 'fail',
    fix: /at the account level .*or move bucket company-a-reports into the resource group/,
  });
  failure('a Deny granted for the bucket\'s resource group: the Deny is named, with where to find it (step 1)', {
    before: () => {
      const a = env.cloud().world.byLabel.A;
      a.resourceGroups.set('rg-aek2reports', { id: 'rg-aek2reports', name: 'reports', displayName: 'Reports' });
      const bucket = a.buckets.get('company-a-reports');
      assert.ok(bucket);
      bucket.resourceGroupId = 'rg-aek2reports';
      const deny = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'oss:ListObjects', Resource: '*' }] });
      a.policies.set('deny-listing', { name: 'deny-listing', description: '', createDate: '', updateDate: '', defaultVersion: 'v1', versions: [{ id: 'v1', document: deny, createDate: '' }] });
      a.roles.get('admin-oss')?.policies.push({ type: 'Custom', name: 'deny-listing', attachDate: '', resourceGroupId: 'rg-aek2reports' });
    },
    check: 'b.list-objects', status: 'fail', cause: 'resource-group-scope', step: 1, verdict: 'fail', basis: 'cloud-detail',
    summary: /A Deny statement in a policy granted to .* at the level of the resource group that holds company-a-reports.*ResourceGroupLevelIdentityBasedPolicy, ExplicitDeny/,
    fix: /Resource Group > that group > Permissions.*never overrides a Deny/,
  });
  failure('B\'s AssumeRole grant scoped to a resource group: step 2, grant it at the account level (a role is in no group)', {
    before: () => {
      const b = env.cloud().world.byLabel.B;
      b.resourceGroups.set('rg-bbteam', { id: 'rg-bbteam', name: 'team', displayName: 'Team' });
      const grant = b.users.get('alice')?.policies[0];
      assert.ok(grant);
      grant.resourceGroupId = 'rg-bbteam';
    },
    check: 'b.assume-role', status: 'fail', cause: 'resource-group-scope', step: 2, verdict: 'fail', basis: 'cloud-detail',
    summary: /no resource group can cover sts:AssumeRole.*ResourceGroupLevelIdentityBasedPolicy, ImplicitDeny/, fix: /at the account level/,
  });
  test('a Deny in the session policy of B\'s own role session: step 3, said as the session policy', async () => {
    await scenario('happy-path');
    await env.clearCredentials('all');
    const a = env.cloud().credentials.A;
    const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:*', Resource: '*' }, { Effect: 'Deny', Action: 'oss:ListObjects', Resource: '*' }] });
    const sts = await assumeRole(env.cloud(), keysOf('B', 'alice'), `acs:ram::${a.uid}:role/admin-oss`, { Policy: policy });
    secretsUsed.add(sts.accessKeySecret);
    tokensUsed.add(sts.securityToken ?? '');
    await env.setCredentials('b', sts);
    const report = reportOf(await env.runChecks(inputs()));
    const objects = check(report, 'b.list-objects');
    assert.equal(objects.cause, 'session-policy-denies', JSON.stringify(objects));
    assert.equal(report.verdict.firstBrokenStep, 3);
    assert.match(words(objects.summary), /SessionPolicy, ExplicitDeny/);
  });
  test('the session policy of B\'s own role session refuses ListObjects: step 3, said as the session policy', async () => {
    await scenario('happy-path');
    await env.clearCredentials('all');
    const a = env.cloud().credentials.A;
    const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:ListBuckets', Resource: '*' }] });
    const sts = await assumeRole(env.cloud(), keysOf('B', 'alice'), `acs:ram::${a.uid}:role/admin-oss`, { Policy: policy });
    secretsUsed.add(sts.accessKeySecret);
    tokensUsed.add(sts.securityToken ?? '');
    await env.setCredentials('b', sts);
    const report = reportOf(await env.runChecks(inputs()));
    const objects = check(report, 'b.list-objects');
    assert.equal(objects.status, 'fail', JSON.stringify(objects));
    assert.equal(objects.cause, 'session-policy-denies');
    assert.equal(objects.basis, 'cloud-detail');
    assert.equal(report.verdict.firstBrokenStep, 3);
    assert.match(words(objects.summary), /given a session policy/);
    assert.match(words(objects.summary, 'zh_CN'), /会话策略/);
  });
  failure('a wrong account UID, seen with A\'s credentials (a user allowed any role): step 3', {
    b: ['B', 'bob'], a: ['A', 'ram-admin'], inputs: { roleArn: 'acs:ram::1746205010159999:role/admin-oss', userB: 'bob' },
    status: 'fail', cause: 'wrong-account', step: 3, verdict: 'fail',
  });
  failure('a wrong alias, seen with A\'s credentials: step 3', {
    a: ['A', 'ram-admin'], inputs: { roleArn: undefined, accountA: 'company-x', roleName: 'admin-oss' },
    check: 'a.switch-values', status: 'fail', cause: 'wrong-account', step: 3, verdict: 'fail',
  });
  failure('a wrong role name (a user allowed any role): step 3', {
    b: ['B', 'bob'], inputs: { roleArn: 'acs:ram::1746205010153210:role/admin-os', userB: 'bob' }, check: 'b.assume-role', status: 'fail', cause: 'role-not-found', step: 3, verdict: 'fail',
  });
  failure('a wrong UID typed as the account (a user allowed any role): step 3', {
    b: ['B', 'bob'], inputs: { roleArn: 'acs:ram::1746205010159999:role/admin-oss', userB: 'bob' }, check: 'b.assume-role', status: 'fail', cause: 'role-not-found', step: 3, verdict: 'fail',
  });
  // alice may assume ONLY acs:ram::<A>:role/admin-oss, so a wrong value gets NoPermission, not EntityNotExist.Role.
  const alicePolicy = { name: 'assume-admin-oss', document: { Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'acs:ram::1746205010153210:role/admin-oss' }] } };
  failure('a wrong account UID, the user allowed only the right role (its policy given): step 3, not 2', {
    inputs: { roleArn: 'acs:ram::1746205010159999:role/admin-oss', userPolicies: [alicePolicy] },
    check: 'b.assume-role', status: 'fail', cause: 'wrong-account', step: 3, verdict: 'fail', fix: /Use account 1746205010153210 and role admin-oss/,
  });
  failure('a wrong role name, the user allowed only the right role (its policy given): step 3, not 2', {
    inputs: { roleArn: 'acs:ram::1746205010153210:role/admin-os', userPolicies: [alicePolicy] },
    check: 'b.assume-role', status: 'fail', cause: 'wrong-role-name', step: 3, verdict: 'fail', fix: /Use account 1746205010153210 and role admin-oss/,
  });
  failure('a wrong account UID with A\'s credentials, the user allowed only the right role: step 3, not 2', {
    a: ['A', 'ram-admin'], inputs: { roleArn: 'acs:ram::1746205010159999:role/admin-oss' },
    check: 'b.assume-role', status: 'fail', cause: 'wrong-account', step: 3, verdict: 'fail', fix: /Use account 1746205010153210/,
  });
  failure('the trust policy does not trust B: step 1', {
    scenario: 'trust-does-not-trust-b', a: ['A', 'ram-admin'], check: 'a.trust-trusts-b', status: 'fail', cause: 'role-does-not-trust-b', step: 1, verdict: 'fail',
  });
  failure('root account keys are refused: step 2', {
    b: ['B'], check: 'b.identity', status: 'fail', cause: 'root-keys', step: 2, verdict: 'fail',
  });
  failure('20 minutes of clock skew is reported as such', {
    before: () => { env.cloud().setClock({ offsetMs: 20 * 60_000 }); },
    check: 'b.identity', status: 'could-not-check', cause: 'clock-skew', step: null, verdict: 'incomplete',
  });
  failure('throttling, then success: retried and passing', {
    before: () => { env.cloud().injectFault({ kind: 'throttling', action: 'ListBuckets', count: 1 }); },
    check: 'b.list-buckets', status: 'pass', step: null, verdict: 'pass', attempts: 2,
  });
  failure('a 500 on every try: could not check, server error', {
    before: () => { env.cloud().injectFault({ kind: 'internal-error', action: 'ListBuckets', count: 'always' }); },
    check: 'b.list-buckets', status: 'could-not-check', cause: 'server-error', step: null, verdict: 'incomplete', attempts: 3,
  });
  failure('a malformed XML body: could not check, malformed response', {
    before: () => { env.cloud().injectFault({ kind: 'malformed', action: 'ListObjects', count: 'always' }); },
    check: 'b.list-objects', status: 'could-not-check', cause: 'malformed-response', step: null, verdict: 'incomplete',
  });

  test('an expired STS token is reported as such', async () => {
    await scenario('happy-path');
    await env.clearCredentials('all');
    const a = env.cloud().credentials.A;
    const sts = await assumeRole(env.cloud(), keysOf('B', 'alice'), `acs:ram::${a.uid}:role/admin-oss`);
    secretsUsed.add(sts.accessKeySecret);
    tokensUsed.add(sts.securityToken ?? '');
    for (const session of env.cloud().world.sessions.values()) session.expiresMs = env.cloud().now() - 60_000;
    await env.setCredentials('b', sts);
    const report = reportOf(await env.runChecks(inputs()));
    const identity = check(report, 'b.identity');
    assert.equal(identity.status, 'could-not-check', JSON.stringify(identity));
    assert.equal(identity.cause, 'sts-token-expired');
    assert.equal(report.verdict.status, 'incomplete');
  });
});

describe('"Do it for me" against the mock cloud', () => {
  /** @param {'A' | 'B'} side */
  function setupInputs(side) {
    const c = env.cloud().credentials;
    return {
      side, accountA: { uid: c.A.uid }, accountB: { uid: c.B.uid }, roleName: 'admin-oss', trust: { kind: 'account' },
      permission: { kind: 'custom', buckets: ['company-a-reports'] }, userName: 'alice', assumePolicy: 'scoped', site: 'cn',
    };
  }

  /** @param {{events: any[], last: any}} run */
  function resultOf(run) {
    assert.equal(run.last?.event, 'setup.done', `the setup ended with ${JSON.stringify(run.last)}`);
    return run.last.result;
  }

  test('from an empty account A to a passing verification, each write previewed and confirmed', async () => {
    await scenario('empty-account-a');
    await env.clearCredentials('all');
    await env.setCredentials('a', keysOf('A'));
    await env.setCredentials('b', keysOf('B'));

    const runA = await env.runSetup(setupInputs('A'));
    const resultA = resultOf(runA);
    assert.equal(resultA.status, 'done', JSON.stringify(resultA, null, 1));
    const confirmsA = runA.events.filter((e) => e.event === 'setup.confirm');
    assert.deepEqual(confirmsA.map((e) => e.operation.action), ['CreateRole', 'CreatePolicy', 'AttachPolicyToRole']);
    assert.equal(resultA.changed, 3);
    // Each preview is the exact request with the key ID masked and no secret in it.
    const keyA = env.cloud().credentials.A.root;
    for (const confirm of confirmsA) {
      assert.equal(confirm.request.params.Action, confirm.operation.action);
      assert.equal(confirm.request.params.AccessKeyId, `${keyA.accessKeyId.slice(0, 4)}****${keyA.accessKeyId.slice(-4)}`);
      assert.equal(confirm.request.params.Signature, '****');
      const text = JSON.stringify(confirm);
      assert.ok(!text.includes(keyA.accessKeySecret) && !text.includes(keyA.accessKeyId), 'a preview showed a secret or a whole key ID');
    }
    // Reads were sent without asking; writes only after their confirmation.
    const sent = runA.events.filter((e) => e.event === 'setup.sent');
    assert.ok(sent.filter((e) => e.kind === 'read').length >= 3);
    assert.deepEqual(sent.filter((e) => e.kind === 'write').map((e) => e.outcome), ['ok', 'ok', 'ok']);

    const runB = await env.runSetup(setupInputs('B'), ['send-all']);
    const resultB = resultOf(runB);
    assert.equal(resultB.status, 'done', JSON.stringify(resultB, null, 1));
    assert.ok(resultB.changed >= 1);
    assert.equal(runB.events.filter((e) => e.event === 'setup.confirm').length, 1, '"send all" asks once');

    await env.setCredentials('b', keysOf('B', 'alice'));
    const report = reportOf(await env.runChecks(inputs()));
    assert.equal(report.verdict.status, 'pass', JSON.stringify(report.checks.filter((/** @type {any} */ c) => c.status !== 'pass'), null, 1));
  });

  test('a re-run changes nothing and asks nothing', async () => {
    await env.setCredentials('b', keysOf('B'));
    const before = JSON.stringify(env.cloud().state().accounts);
    env.cloud().clearRequests();
    for (const side of /** @type {const} */ (['A', 'B'])) {
      const run = await env.runSetup(setupInputs(side));
      const result = resultOf(run);
      assert.equal(result.status, 'done');
      assert.equal(result.changed, 0);
      assert.deepEqual(run.events.filter((e) => e.event === 'setup.confirm'), []);
      assert.ok(result.outcomes.every((/** @type {any} */ o) => ['skipped', 'checked', 'already-there'].includes(o.result)), JSON.stringify(result.outcomes));
    }
    assert.equal(JSON.stringify(env.cloud().state().accounts), before);
    const writes = env.cloud().requests().filter((r) => /^(Create|Update|Attach)/.test(String(r.action)));
    assert.deepEqual(writes, []);
  });

  test('stopping at a preview sends nothing more', async () => {
    await scenario('empty-account-a');
    await env.setCredentials('a', keysOf('A'));
    const run = await env.runSetup(setupInputs('A'), ['cancel']);
    assert.equal(resultOf(run).status, 'cancelled');
    assert.deepEqual(env.cloud().requests().filter((r) => /^(Create|Update|Attach)/.test(String(r.action))), []);
  });
});

describe('secrets after a full run', () => {
  test('no AccessKey secret or STS token in storage.local or storage.sync', async () => {
    // Make sure credentials (and the workbench's own progress) are present when looking.
    await env.setCredentials('b', keysOf('B', 'alice'));
    await env.setCredentials('a', keysOf('A'));
    const persistent = await readPersistentStorage(env.page);
    for (const secret of [...secretsUsed, ...tokensUsed].filter(Boolean)) {
      assert.ok(!persistent.includes(secret), `a secret or token is in persistent storage: ${secret.slice(0, 6)}…`);
    }
  });

  test('no AccessKey secret in any request the mock cloud received', () => {
    keepLog();
    assert.ok(logged.length > 50, `only ${logged.length} requests logged`);
    for (const request of logged) {
      const text = JSON.stringify([request.path, request.rawQuery, request.headers, request.body]);
      for (const secret of secretsUsed) {
        assert.ok(!text.includes(secret) && !text.includes(encodeURIComponent(secret)), `${request.action} to ${request.host} carried an AccessKey secret`);
      }
    }
  });

  test('STS tokens only as SecurityToken or x-oss-security-token, and only to *.aliyuncs.com', () => {
    const tokens = [...tokensUsed].filter(Boolean);
    assert.ok(tokens.length >= 2, 'the runs issued STS tokens');
    let seen = 0;
    for (const request of logged) {
      assert.match(request.host, /^[a-z0-9.-]+\.aliyuncs\.com$/);
      /** @type {Array<[string, string]>} */
      const places = [
        ['path', request.path],
        ...Object.entries(request.query).map(([n, v]) => /** @type {[string, string]} */ ([`query ${n}`, String(v)])),
        ...Object.entries(request.headers).map(([n, v]) => /** @type {[string, string]} */ ([`header ${n}`, String(v)])),
        ...(request.service === 'oss' ? [/** @type {[string, string]} */ (['body', request.body])] : [...new URLSearchParams(request.body)].map(([n, v]) => /** @type {[string, string]} */ ([`body ${n}`, v]))),
      ];
      for (const [where, value] of places) {
        if (!tokens.some((token) => value.includes(token))) continue;
        seen += 1;
        assert.ok(['query SecurityToken', 'body SecurityToken', 'header x-oss-security-token'].includes(where), `an STS token in ${where} of ${request.action}`);
      }
    }
    assert.ok(seen > 0, 'no STS token was ever sent: the check proved nothing');
  });

  test('no secret or token in anything the pages or the worker logged', () => {
    const logs = env.browser.errors.join('\n');
    for (const secret of [...secretsUsed, ...tokensUsed].filter(Boolean)) assert.ok(!logs.includes(secret), 'a secret reached a log');
  });

  test('content scripts can read neither storage.session nor credentials, nor open the run port', async () => {
    await env.setCredentials('b', keysOf('B', 'alice'));
    const tab = await env.browser.context.newPage();
    await tab.goto(env.switchRoleUrl);
    const session = await evaluateInContentScript(env.browser, tab,
      'chrome.storage.session.get(null).then((v) => ({value: JSON.stringify(v)}), (e) => ({refused: String(e && e.message || e)}))');
    assert.ok(session.refused || session.thrown, `storage.session answered a content script: ${JSON.stringify(session).slice(0, 80)}`);
    const status = await evaluateInContentScript(env.browser, tab, 'chrome.runtime.sendMessage({type: "credentials.status"})');
    assert.equal(status.error?.kind, 'not-allowed', JSON.stringify(status));
    const port = await evaluateInContentScript(env.browser, tab, `new Promise((resolve) => {
      const events = [];
      const port = chrome.runtime.connect({name: 'rolehop.run'});
      port.onMessage.addListener((e) => events.push(e));
      port.onDisconnect.addListener(() => resolve(events));
      port.postMessage({type: 'checks.run', inputs: {}});
    })`);
    assert.deepEqual(port.map((/** @type {any} */ e) => e.event === 'error' && e.error.kind), ['not-allowed']);
    await tab.close();
  });
});
