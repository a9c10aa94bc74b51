// The service worker's side of the RAM console helper panel, in Node with the shipped wasm core
// (dist/chromium/pkg): which addresses are which RAM console pages, which senders count as the RAM
// console (exact hosts only), the context for each page from the workbench's progress (read
// tolerantly), the trust policy verdicts, and both message types through the real router.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { DIST } from './harness.js';
import { ramPageOf } from '../../extension/background/ram-pages.js';
import { MAX_TRUST_POLICY, copyIdOf, createRamHelperServices, ramConsolePage, ramContext, readProgress, trustVerdict } from '../../extension/background/ram-helper.js';
import { createRouter } from '../../extension/background/router.js';
import { createRamPanelState, PANEL_KEY, PANEL_TABS_KEY } from '../../extension/background/ram-panel-state.js';
import { createFakeArea, LOCAL_QUOTAS } from '../lib/fake-storage.js';
import { loadWasmCore } from '../lib/wasm-core.js';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const A = '1746000000000001';
const B = '1999000000000002';
/** A content script's sender as Chromium reports it. @param {string} url @param {object} [extra] */
const sender = (url, extra = {}) => ({ id: ID, url, origin: new URL(url).origin, frameId: 0, tab: { id: 3, url }, ...extra });
const progressOf = (/** @type {Record<string, unknown>} */ inputs = {}, /** @type {Record<string, boolean>} */ done = {}, audience = 'a') =>
  readProgress({ audience, inputs: { accountAUid: A, accountBUid: B, roleName: 'admin-oss', userName: 'alice', ...inputs }, done });

/** @type {any} */
let core;
before(async () => {
  // The worker renders the core's messages with chrome.i18n: here the shipped English catalog,
  // formatted as Chrome formats it.
  const { formatMessage } = await import('../../extension/shared/i18n.js');
  const en = JSON.parse(readFileSync(join(DIST, '_locales', 'en', 'messages.json'), 'utf8'));
  Object.assign(globalThis, {
    chrome: { i18n: { getMessage: (/** @type {string} */ key, /** @type {string[]} */ subs) => (en[key] ? formatMessage(en[key], subs) : '') } },
  });
  const pkg = join(DIST, 'pkg');
  const { wasm } = await loadWasmCore(pkg);
  /** @param {string} name */
  const call = (name) => (/** @type {unknown} */ input) => JSON.parse(wasm[name](JSON.stringify(input)));
  core = { tutorialSteps: call('tutorialSteps'), policyLint: call('policyLint'), policySimulate: call('policySimulate') };
});

describe('RAM console pages by address', () => {
  const cases = /** @type {Array<[string, object]>} */ ([
    ['/', { kind: 'overview' }],
    ['/overview', { kind: 'overview' }],
    ['/roles', { kind: 'roles' }],
    ['/roles/', { kind: 'roles' }],
    ['/roles/create', { kind: 'role-create' }],
    ['/roles/detail?roleName=admin-oss', { kind: 'role-detail', roleName: 'admin-oss' }],
    ['/roles/detail?roleName=bad%20name', { kind: 'role-detail' }],
    ['/roles/admin-oss', { kind: 'role-detail', roleName: 'admin-oss' }],
    ['/roles/admin-oss/permissions', { kind: 'role-detail', roleName: 'admin-oss' }],
    ['/users', { kind: 'users' }],
    ['/users/create', { kind: 'user-create' }],
    ['/users/detail?userId=203456789012345678&activeTab=PermissionList', { kind: 'user-detail', userId: '203456789012345678' }],
    ['/users/alice', { kind: 'user-detail', userName: 'alice' }],
    ['/policies', { kind: 'policies' }],
    ['/policies/create', { kind: 'policies' }],
    ['/#/roles/detail?roleName=ci', { kind: 'role-detail', roleName: 'ci' }],
    ['/permissions', { kind: 'other' }],
    ['/roles/%E0%A4%A', { kind: 'other' }],
  ]);
  for (const [path, expected] of cases) {
    test(`${path} -> ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(ramPageOf(new URL(path, 'https://ram.console.aliyun.com')), expected);
    });
  }
});

describe('RAM console senders', () => {
  test('exactly the two RAM console hosts, top frame, https, default port', () => {
    assert.equal(ramConsolePage(sender('https://ram.console.aliyun.com/roles'))?.site, 'cn');
    assert.equal(ramConsolePage(sender('https://ram.console.alibabacloud.com/roles'))?.site, 'intl');
    for (const url of [
      'https://oss.console.aliyun.com/roles',
      'https://ram.console.aliyun.com.example.test/roles',
      'https://x.ram.console.aliyun.com/roles',
      'http://ram.console.aliyun.com/roles',
      'https://ram.console.aliyun.com:8443/roles',
      'https://signin.aliyun.com/switchRole.htm',
    ]) {
      assert.equal(ramConsolePage(sender(url)), null, url);
    }
    assert.equal(ramConsolePage(sender('https://ram.console.aliyun.com/roles', { frameId: 2 })), null);
    assert.equal(ramConsolePage(sender('https://ram.console.aliyun.com/roles', { origin: 'https://evil.example' })), null);
  });
});

describe('the panel\'s context', () => {
  const page = (/** @type {string} */ path) => ramPageOf(new URL(path, 'https://ram.console.aliyun.com'));

  test('nothing saved, junk saved, or no UIDs: no-progress', () => {
    assert.equal(ramContext(core, readProgress(undefined), page('/roles'), 'cn').state, 'no-progress');
    assert.equal(ramContext(core, readProgress('junk'), page('/roles'), 'cn').state, 'no-progress');
    assert.equal(ramContext(core, readProgress({ inputs: { accountAUid: 5, roleName: {} }, done: [] }), page('/roles'), 'cn').state, 'no-progress');
  });

  test('the workbench\'s last chain reaches the panel only in the shape the core gives', () => {
    const title = (/** @type {string} */ name) => ({ id: `core_chain_title_${name}`, args: {} });
    const chain = [
      { link: 'b-user', title: title('b_user'), step: 2, status: 'pass', check: 'b.identity' },
      { link: 'assume-grant', title: title('assume_grant'), step: 2, status: 'fail', check: 'b.user-may-assume', cause: { id: 'core_check_user_denies', args: { names: { id: 'core_check_list', args: { item: 'X', rest: { id: 'core_check_list_end', args: {} } } }, role: 'r' } }, fix: { id: 'core_check_grant_assume_fix', args: {} } },
      { link: 'role-trust', title: title('role_trust'), step: 1, status: 'not-checked' },
      { link: 'oss-permission', title: title('oss_permission'), step: 1, status: 'not-checked' },
      { link: 'bucket', title: title('bucket'), step: 4, status: 'not-checked' },
    ];
    const saved = { audience: 'a', inputs: { accountAUid: A, accountBUid: B, roleName: 'admin-oss', userName: 'alice' }, done: {} };
    assert.deepEqual(ramContext(core, readProgress({ ...saved, chain }), page('/roles'), 'cn').chain, chain);
    for (const broken of [chain.slice(1), [...chain].reverse(), chain.map((l) => ({ ...l, status: 'green' })), chain.map((l) => ({ ...l, step: 5 })),
      chain.map((l) => ({ ...l, title: { id: 'workbenchTitle' } })), chain.map((l) => ({ ...l, cause: 'text' })), 'junk']) {
      assert.equal(ramContext(core, readProgress({ ...saved, chain: broken }), page('/roles'), 'cn').chain, undefined, JSON.stringify(broken).slice(0, 80));
    }
  });

  test('values the core refuses: invalid-inputs with its path', () => {
    const context = ramContext(core, progressOf({ accountBUid: '12' }), page('/roles'), 'cn');
    assert.equal(context.state, 'invalid-inputs');
    assert.match(context.problem?.path ?? '', /^\$\.accountB/);
    // The core's message in the catalog's words, not its id.
    assert.equal(context.problem?.message, 'Account UID "12" has 2 digits: an account UID has 16.');
  });

  test('progress: the first step not done is next; done marks count only when true', () => {
    const context = ramContext(core, readProgress({ audience: 'a', inputs: { accountAUid: A, accountBUid: B, roleName: 'admin-oss' }, done: { 'a-create-role': true, 'a-attach-policy': 'yes' } }), page('/overview'), 'cn');
    assert.equal(context.progress?.done, 1);
    assert.equal(context.progress?.next?.id, 'a-attach-policy');
    assert.equal(context.step?.id, 'a-share-values');
  });

  test('role detail: the tutorial role gets the attachment check (chosen policy or the system one) and the trust check', () => {
    const context = ramContext(core, progressOf({ permissionKind: 'custom', buckets: 'reports' }), page('/roles/detail?roleName=ADMIN-OSS'), 'cn');
    assert.deepEqual(context.checks, [{ id: 'role-policy', subject: 'role', name: 'admin-oss', policies: ['admin-oss-oss-read', 'AliyunOSSReadOnlyAccess'] }]);
    assert.equal(context.trustCheck, true);
    // A trust policy is named after its role; the panel shows each document's title (a catalog message).
    assert.deepEqual(context.policies.map((p) => [p.type, p.name, p.title.id]), [
      ['Custom', 'admin-oss-oss-read', 'core_tutorial_title_policy_custom'],
      ['Trust', 'admin-oss', 'core_tutorial_title_policy_trust'],
    ]);
  });

  test('user detail by id: checked for the scoped or the system AssumeRole policy; another user by name is not', () => {
    const byId = ramContext(core, progressOf(), page('/users/detail?userId=2034&activeTab=PermissionList'), 'cn');
    assert.deepEqual(byId.checks, [{ id: 'user-policy', subject: 'user', policies: [`AssumeRole-admin-oss-${A}`, 'AliyunSTSAssumeRoleAccess'] }]);
    assert.equal(byId.step?.id, 'b-attach-policy');
    const other = ramContext(core, progressOf(), page('/users/bob'), 'cn');
    assert.deepEqual(other.checks, []);
    assert.deepEqual(other.otherSubject, { kind: 'user', name: 'bob', expected: 'alice' });
  });

  test('B\'s pages without B\'s user name: the core\'s error is shown, the rest still works', () => {
    const context = ramContext(core, progressOf({ userName: '' }), page('/users/create'), 'cn');
    assert.equal(context.state, 'ready');
    assert.match(context.problem?.path ?? '', /userName/);
    assert.equal(context.step, undefined);
  });
});

describe('trust policy verdicts', () => {
  const policy = (/** @type {string[]} */ principals) => JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: principals } }] }, null, 2);

  test('whole account B: trusts; another account: does not; a named user among two: partly', () => {
    assert.equal(trustVerdict(core, progressOf(), policy([`acs:ram::${B}:root`])).verdict, 'trusts');
    const other = trustVerdict(core, progressOf(), policy(['acs:ram::1888000000000003:root']));
    assert.equal(other.verdict, 'does-not-trust');
    assert.equal(other.account, B);
    const partly = trustVerdict(core, progressOf({ trustKind: 'principals', trustUsers: 'alice, bob', trustRoles: 'ci' }), policy([`acs:ram::${B}:user/alice`, `acs:ram::${B}:role/ci`]));
    assert.equal(partly.verdict, 'partly');
    assert.deepEqual(partly.principals.map((p) => [p.principal, p.allowed]), [
      [`acs:ram::${B}:user/alice`, true], [`acs:ram::${B}:user/bob`, false], [`acs:ram::${B}:role/ci`, true],
    ]);
  });

  test('no user name and account trust: any user of B must be trusted', () => {
    const verdict = trustVerdict(core, progressOf({ userName: '' }), policy([`acs:ram::${B}:user/alice`]));
    assert.equal(verdict.verdict, 'does-not-trust');
    assert.equal(verdict.principals[0].principal, `acs:ram::${B}:user/*`);
  });

  test('not a trust policy, or not JSON: invalid with the linter\'s error; no workbench values: no-tutorial', () => {
    const missing = trustVerdict(core, progressOf(), JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }));
    assert.equal(missing.verdict, 'invalid');
    assert.ok(missing.findings.some((f) => f.level === 'error'));
    assert.equal(trustVerdict(core, progressOf(), '{"Statement": [').verdict, 'invalid');
    assert.equal(trustVerdict(core, null, policy([`acs:ram::${B}:root`])).verdict, 'no-tutorial');
  });
});

describe('ramHelper.* through the router', () => {
  /** @type {(message: unknown, sender: object) => Promise<any>} */
  let route;
  before(() => {
    route = createRouter({
      core: Promise.resolve(core),
      extensionId: ID,
      extensionBase: `chrome-extension://${ID}/`,
      services: { ramHelper: createRamHelperServices({ loadProgress: async () => progressOf() }) },
    });
  });

  test('from the RAM console: answered', async () => {
    const answer = await route({ type: 'ramHelper.context', path: '/roles/detail?roleName=admin-oss' }, sender('https://ram.console.aliyun.com/roles'));
    assert.equal(answer.state, 'ready');
    assert.equal(answer.page.kind, 'role-detail');
    const trust = await route({ type: 'ramHelper.checkTrust', policy: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${B}:root`] } }] }) }, sender('https://ram.console.alibabacloud.com/'));
    assert.equal(trust.verdict, 'trusts');
  });

  test('from anywhere else: not-allowed; bad fields: invalid-message', async () => {
    for (const url of ['https://oss.console.aliyun.com/', 'https://ram.console.aliyun.com.example.test/', 'https://signin.aliyun.com/switchRole.htm']) {
      const answer = await route({ type: 'ramHelper.context', path: '/roles' }, sender(url));
      assert.equal(answer.error.kind, 'not-allowed', url);
    }
    const fromExtensionPage = await route({ type: 'ramHelper.context', path: '/roles' }, { id: ID, url: `chrome-extension://${ID}/popup/popup.html` });
    assert.equal(fromExtensionPage.error.kind, 'not-allowed');
    const ram = sender('https://ram.console.aliyun.com/roles');
    for (const message of [
      { type: 'ramHelper.context', path: '//evil.example/' },
      { type: 'ramHelper.context', path: 'roles' },
      { type: 'ramHelper.context', path: '/roles\\..' },
      { type: 'ramHelper.context', path: '/roles', page: 'x' },
      { type: 'ramHelper.checkTrust', policy: ' ' },
      { type: 'ramHelper.checkTrust', policy: 'x'.repeat(6_145) },
    ]) {
      assert.equal((await route(message, ram)).error.kind, 'invalid-message', JSON.stringify(message).slice(0, 60));
    }
  });

  test('trust policies are taken up to what RAM accepts (6,144 characters), no longer', async () => {
    const ram = sender('https://ram.console.aliyun.com/roles');
    const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${B}:root`] } }] });
    const largest = policy.replace('{', `{${' '.repeat(MAX_TRUST_POLICY - policy.length)}`);
    assert.equal(largest.length, 6144);
    assert.equal(MAX_TRUST_POLICY, 6144);
    assert.equal((await route({ type: 'ramHelper.checkTrust', policy: largest }, ram)).verdict, 'trusts');
    const longer = await route({ type: 'ramHelper.checkTrust', policy: ` ${largest}` }, ram);
    assert.equal(longer.error.kind, 'invalid-message');
    assert.match(longer.error.message, /is 6145 characters; RAM accepts trust policies of at most 6144/);
  });

  test('answers carry tutorial values only: no credential field names', async () => {
    const answer = await route({ type: 'ramHelper.context', path: '/users/alice' }, sender('https://ram.console.aliyun.com/'));
    assert.doesNotMatch(JSON.stringify(answer), /accessKey|securityToken|secret/i);
  });
});

describe('the panel state the worker keeps for the RAM console (ramHelper.panel, progress pushes)', () => {
  const local = createFakeArea(LOCAL_QUOTAS);
  const session = createFakeArea(LOCAL_QUOTAS);
  /** @type {Array<[number, unknown]>} */
  let pushed = [];
  /** Tabs whose content script is gone: sending to them fails as the browser's would. */
  const closedTabs = new Set([9]);
  const panelState = createRamPanelState({
    local,
    session,
    sendToTab: async (tabId, message) => {
      if (closedTabs.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
      pushed.push([tabId, message]);
    },
  });
  const router = createRouter({
    core: Promise.resolve(core),
    extensionId: ID,
    extensionBase: `chrome-extension://${ID}/`,
    services: { ramHelper: createRamHelperServices({ loadProgress: async () => progressOf(), panelState }) },
  });
  /** @type {(message: unknown, sender: object) => Promise<any>} */
  const route = (message, from) => router(message, from);
  /** @param {number} tabId */
  const ramTab = (tabId) => ({ ...sender('https://ram.console.aliyun.com/roles'), tab: { id: tabId } });

  test('collapsed is remembered and answered; only from the RAM console; only a boolean', async () => {
    assert.deepEqual(await route({ type: 'ramHelper.panel' }, ramTab(3)), { collapsed: false });
    assert.deepEqual(await route({ type: 'ramHelper.panel', collapsed: true }, ramTab(3)), { collapsed: true });
    assert.deepEqual(await route({ type: 'ramHelper.panel' }, ramTab(4)), { collapsed: true });
    assert.deepEqual(await local.get(PANEL_KEY), { [PANEL_KEY]: { collapsed: true } });
    assert.equal((await route({ type: 'ramHelper.panel', collapsed: 'yes' }, ramTab(3))).error.kind, 'invalid-message');
    assert.equal((await route({ type: 'ramHelper.panel', collapsed: false, extra: 1 }, ramTab(3))).error.kind, 'invalid-message');
    assert.equal((await route({ type: 'ramHelper.panel', collapsed: false }, sender('https://oss.console.aliyun.com/'))).error.kind, 'not-allowed');
    assert.deepEqual(await local.get(PANEL_KEY), { [PANEL_KEY]: { collapsed: true } }, 'refused messages change nothing');
  });

  test('a progress change is pushed to the tabs that showed the panel; a tab without it is forgotten', async () => {
    pushed = [];
    for (const tabId of [5, 9, 6, 5]) await route({ type: 'ramHelper.context', path: '/roles' }, ramTab(tabId));
    await waitUntil(async () => JSON.stringify((await session.get(PANEL_TABS_KEY))[PANEL_TABS_KEY]) === '[9,6,5]');
    await panelState.progressChanged();
    assert.deepEqual(pushed.sort(), [[5, { type: 'ramHelper.progressChanged' }], [6, { type: 'ramHelper.progressChanged' }]]);
    assert.deepEqual((await session.get(PANEL_TABS_KEY))[PANEL_TABS_KEY], [6, 5]);
  });
});

/** @param {() => Promise<boolean>} check */
async function waitUntil(check) {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
}
describe('ramHelper.copy through the router: only the page\'s own values, for the tab in front, not too often', () => {
  /** @type {(message: unknown, sender: object) => Promise<any>} */
  let route;
  /** @type {string[]} */
  let copied;
  let front = true;
  let clock = 1_000_000;
  let clipboardWorks = true;
  const ram = sender('https://ram.console.aliyun.com/roles/create');
  before(() => {
    route = createRouter({
      core: Promise.resolve(core),
      extensionId: ID,
      extensionBase: `chrome-extension://${ID}/`,
      services: {
        ramHelper: createRamHelperServices({
          loadProgress: async () => progressOf(),
          copyText: async (text) => {
            if (clipboardWorks) copied.push(text);
            return clipboardWorks;
          },
          isFront: async () => front,
          now: () => clock,
        }),
      },
    });
  });
  /** The copy ids the create-role page's context offers. */
  async function offered() {
    const context = await route({ type: 'ramHelper.context', path: '/roles/create' }, ram);
    return { values: context.step.values, policies: context.policies };
  }
  /** @param {string} copyId @param {string} [path] @param {object} [from] */
  const copy = (copyId, path = '/roles/create', from = ram) => {
    clock += 1000;
    return route({ type: 'ramHelper.copy', path, copyId }, from);
  };

  test('every copy button\'s id names its text; the worker copies exactly that text', async () => {
    copied = [];
    const { values, policies } = await offered();
    assert.ok(values.length >= 2 && policies.length >= 1);
    for (const v of values) assert.equal(v.copyId, copyIdOf('value', v.value));
    for (const p of policies) assert.equal(p.copyId, copyIdOf('policy', p.text));
    for (const v of values) assert.deepEqual(await copy(v.copyId), { copied: true });
    assert.deepEqual(await copy(policies[0].copyId), { copied: true });
    assert.deepEqual(copied, [...values.map((/** @type {{value: string}} */ v) => v.value), policies[0].text]);
  });

  test('an id the page\'s context does not offer (made up, or of another page) is not copied', async () => {
    copied = [];
    const users = await route({ type: 'ramHelper.context', path: '/users' }, ram);
    const userValue = users.step.values.find((/** @type {{value: string}} */ v) => v.value === 'alice');
    assert.deepEqual(await copy(userValue.copyId), { copied: false, reason: 'stale' });
    assert.deepEqual(await copy(copyIdOf('value', 'anything at all')), { copied: false, reason: 'stale' });
    assert.deepEqual(copied, []);
  });

  test('a background tab, two at once, more than 30 a minute, a refusing clipboard', async () => {
    copied = [];
    const [first] = (await offered()).values;
    front = false;
    assert.deepEqual(await copy(first.copyId), { copied: false, reason: 'not-front-tab' });
    front = true;
    const message = { type: 'ramHelper.copy', path: '/roles/create', copyId: first.copyId };
    clock += 60_000;
    assert.deepEqual(await Promise.all([route(message, ram), route(message, ram)]), [{ copied: true }, { copied: false, reason: 'busy' }]);
    for (let i = 1; i < 30; i += 1) assert.deepEqual(await route(message, ram), { copied: true }, `copy ${i + 1}`);
    assert.deepEqual(await route(message, ram), { copied: false, reason: 'too-often' });
    // Another tab has its own count; a minute later this one may copy again.
    assert.deepEqual(await route(message, { ...ram, tab: { id: 4, url: ram.url } }), { copied: true });
    clock += 60_000;
    clipboardWorks = false;
    assert.deepEqual(await route(message, ram), { copied: false, reason: 'unavailable' });
    clipboardWorks = true;
    assert.deepEqual(await route(message, ram), { copied: true });
    assert.equal(copied.length, 32);
  });

  test('bad ids and fields are invalid; other pages and extension pages may not ask', async () => {
    const [first] = (await offered()).values;
    for (const message of [
      { type: 'ramHelper.copy', path: '/roles/create', copyId: 'value-1234567' },
      { type: 'ramHelper.copy', path: '/roles/create', copyId: 'text-12345678' },
      { type: 'ramHelper.copy', path: '/roles/create', copyId: first.copyId, text: 'evil' },
      { type: 'ramHelper.copy', path: '//evil.example/', copyId: first.copyId },
      { type: 'ramHelper.copy', copyId: first.copyId },
    ]) {
      assert.equal((await route(message, ram)).error.kind, 'invalid-message', JSON.stringify(message));
    }
    for (const from of [sender('https://oss.console.aliyun.com/'), sender('https://ram.console.aliyun.com/', { frameId: 2 }), { id: ID, url: `chrome-extension://${ID}/popup/popup.html` }]) {
      assert.equal((await copy(first.copyId, '/roles/create', from)).error.kind, 'not-allowed', JSON.stringify(from));
    }
  });
});
