// The service worker's own errors reach pages in the catalog's words: "Do it for me"
// (background/setup.js), the run port (background/run-port.js), the credentials store
// (background/credentials.js) and Open console (background/console.js) answer with `text: {id, args}` beside the English `message` kept
// for logs, and the workbench renders `text` with coreMessage in the page's language. In Node
// with a stand-in chrome (storage.session in memory, chrome.i18n from the shipped catalogs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** @param {string} locale */
const load = (locale) => JSON.parse(readFileSync(new URL(`../../extension/_locales/${locale}/messages.json`, import.meta.url), 'utf8'));
const catalogs = { en: load('en'), zh_CN: load('zh_CN') };
/** @type {'en' | 'zh_CN'} */
let language = 'en';
/** @type {Record<string, unknown>} */
let session = {};

const { formatMessage, coreMessage } = await import('../../extension/shared/i18n.js');
Object.assign(globalThis, {
  chrome: {
    i18n: {
      /** @param {string} key @param {string[]} [subs] */
      getMessage: (key, subs) => {
        const entry = catalogs[language][key];
        return entry ? formatMessage(entry, subs) : '';
      },
    },
    storage: {
      session: {
        get: async (/** @type {string} */ key) => (key in session ? { [key]: session[key] } : {}),
        set: async (/** @type {Record<string, unknown>} */ items) => { Object.assign(session, items); },
        remove: async (/** @type {string[]} */ keys) => { for (const key of keys) delete session[key]; },
      },
    },
  },
});
const { runSetup } = await import('../../extension/background/setup.js');
const { setCredentials, CREDENTIALS_KEYS } = await import('../../extension/background/credentials.js');
const { createRunPortListener, RUN_PORT_NAME } = await import('../../extension/background/run-port.js');
const { openConsole } = await import('../../extension/background/console.js');

/** A text in both languages. @param {any} message */
function inBoth(message) {
  language = 'en';
  const en = coreMessage(message);
  language = 'zh_CN';
  const zh = coreMessage(message);
  language = 'en';
  return { en, zh };
}

/** Fails unless `text` is a catalog message with an entry in both languages. @param {any} text */
function assertCatalogText(text) {
  assert.equal(typeof text?.id, 'string', `a catalog message, got ${JSON.stringify(text)}`);
  for (const catalog of Object.values(catalogs)) assert.ok(catalog[text.id], `${text.id} is in both catalogs`);
}

const hooks = { confirm: async () => /** @type {const} */ ('send') };
const STORED = { kind: 'access-key', accessKeyId: 'LTAI5tAaAdmin0000000000A1', accessKeySecret: 'AaAdminSecret00000000000000A1', savedAt: 0 };

/** A core that plans one read and, when `endless`, never stops asking for it. */
function fakeCore({ endless = false } = {}) {
  /** @type {any[]} */
  const seen = [];
  const core = {
    seen,
    setupPlan: () => ({ tasks: [], side: 'A', account: '1746205010153210' }),
    setupNext: (/** @type {any} */ input) => {
      seen.push(structuredClone(input.results));
      if (!endless && input.results.length > 0) return { status: 'failed', outcomes: [], changed: 0 };
      return { status: 'send', outcomes: [], changed: 0, next: { id: 'get-role', kind: 'read', action: 'GetRole', request: { action: 'GetRole' } } };
    },
    request: () => ({ method: 'POST', url: 'https://ram.aliyuncs.com/', headers: {}, body: 'Action=GetRole&AccessKeyId=LTAI5tAaAdmin0000000000A1' }),
    parseResponse: () => ({ result: { requestId: 'r' } }),
    checksRetry: () => ({ retry: false }),
  };
  return core;
}

test('Do it for me without a side says so in both languages', async () => {
  session = {};
  const answer = await runSetup(fakeCore(), { side: 'C' }, hooks);
  assert.equal(answer.error.kind, 'invalid-value');
  assertCatalogText(answer.error.text);
  const { en, zh } = inBoth(answer.error.text);
  assert.equal(en, 'Do it for me needs to know your side: company A or company B.');
  assert.equal(zh, '帮我完成需要知道您是哪一方：A 公司或 B 公司。');
});

test('Do it for me without that side\'s credentials names the side and what to do', async () => {
  session = { [CREDENTIALS_KEYS.b]: STORED };
  const answer = await runSetup(fakeCore(), { side: 'A' }, hooks);
  assert.equal(answer.error.kind, 'missing-credentials');
  assert.match(answer.error.message, /side A needs that side's credentials/, 'the English for logs stays');
  assertCatalogText(answer.error.text);
  const { en, zh } = inBoth(answer.error.text);
  assert.equal(en, 'Do it for me needs company A\'s credentials: enter them under Credentials for the checks first.');
  assert.equal(zh, '帮我完成需要 A 公司的凭证：请先在“用于检查的凭证”中填写。');
  session = { [CREDENTIALS_KEYS.a]: STORED };
  const forB = await runSetup(fakeCore(), { side: 'B' }, hooks);
  assert.match(inBoth(forB.error.text).zh, /^帮我完成需要 B 公司的凭证/);
});

test('a plan that never ends stops at its bound, in words', async () => {
  session = { [CREDENTIALS_KEYS.a]: STORED };
  const fetch = async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  const answer = await runSetup(fakeCore({ endless: true }), { side: 'A' }, { ...hooks, fetch });
  assert.equal(answer.error.kind, 'internal');
  assertCatalogText(answer.error.text);
  const { en, zh } = inBoth(answer.error.text);
  assert.match(en, /^Do it for me stopped after 48 requests without finishing/);
  assert.match(zh, /^帮我完成在 48 个请求后仍未结束/);
});

test('a request without an answer reaches the core with words it can pass on', async () => {
  session = { [CREDENTIALS_KEYS.a]: STORED };
  const core = fakeCore();
  const fetch = async () => { throw new TypeError('Failed to fetch'); };
  await runSetup(core, { side: 'A' }, { ...hooks, fetch });
  const error = core.seen[1][0].response.error;
  assert.equal(error.kind, 'transport-error');
  assertCatalogText(error.text);
  assert.equal(inBoth(error.text).zh, '服务端没有应答（TypeError: Failed to fetch）：请检查网络后再运行一次。');
});

test('a request the transport refuses to send reaches the core in words too', async () => {
  session = { [CREDENTIALS_KEYS.a]: STORED };
  const core = fakeCore();
  // A built request that would carry the secret: transport.js refuses it before any fetch.
  core.request = () => ({ method: 'POST', url: 'https://ram.aliyuncs.com/', headers: {}, body: `Secret=${STORED.accessKeySecret}` });
  await runSetup(core, { side: 'A' }, { ...hooks, fetch: async () => { throw new Error('never sent'); } });
  const error = core.seen[1][0].response.error;
  assert.equal(error.kind, 'refused');
  assertCatalogText(error.text);
  assert.match(inBoth(error.text).zh, /^RoleHop 没有发送此请求，因为它会违反凭证规则：/);
});

test('credentials the worker refuses come back with the first problem\'s words', async () => {
  session = {};
  const answer = /** @type {any} */ (await setCredentials('a', { accessKeyId: '', accessKeySecret: 'x' }));
  assert.equal(answer.error.kind, 'invalid-credentials');
  assert.deepEqual(answer.error.text, { id: 'workbenchCred_id_missing', args: {} });
  assertCatalogText(answer.error.text);
  const side = /** @type {any} */ (await setCredentials('c', {}));
  assert.deepEqual(side.error.text, { id: 'workbenchCred_side', args: {} });
});

/** A stand-in chrome.runtime.Port from the workbench. */
function workbenchPort() {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  /** @type {any[]} */
  const posted = [];
  /** @type {Array<(m: unknown) => unknown>} */
  const listeners = [];
  const port = {
    name: RUN_PORT_NAME,
    sender: { id: ID, url: `chrome-extension://${ID}/workbench/workbench.html`, tab: { url: `chrome-extension://${ID}/workbench/workbench.html` } },
    posted,
    postMessage: (/** @type {unknown} */ m) => posted.push(m),
    disconnect() {},
    onMessage: { addListener: (/** @type {(m: unknown) => unknown} */ f) => listeners.push(f) },
    onDisconnect: { addListener: () => {} },
    /** @param {unknown} m */
    receive: (m) => Promise.all(listeners.map((f) => f(m))),
  };
  return { port, ID };
}

test('the run port\'s errors are catalog messages', async () => {
  const { port, ID } = workbenchPort();
  // A core that never loads: the first run stays busy.
  const listen = createRunPortListener({ core: new Promise(() => {}), extensionId: ID, extensionBase: `chrome-extension://${ID}/` });
  listen(/** @type {any} */ (port));
  void port.receive({ type: 'checks.run', inputs: {} });
  await port.receive({ type: 'checks.run', inputs: {} });
  await port.receive({ type: 'setup.confirm', stepId: 'role', decision: 'send' });
  await port.receive({ type: 'no.such.type' });
  const errors = port.posted.filter((e) => e.event === 'error').map((e) => e.error);
  assert.deepEqual(errors.map((e) => e.kind), ['busy', 'invalid-message', 'invalid-message']);
  for (const error of errors) assertCatalogText(error.text);
  assert.equal(inBoth(errors[0].text).zh, '此页面已有一个运行正在进行：请等它结束。');
  assert.equal(inBoth(errors[1].text).en, 'No request is waiting for this answer: run Do it for me again.');
  assert.match(inBoth(errors[2].text).zh, /^页面发给 RoleHop 的消息无法使用（.+）：请重新加载页面。$/);
});

test('Open console\'s own refusals are catalog messages', async () => {
  const profile = { id: 'acme', displayName: 'Acme', site: 'cn', roleArn: 'acs:ram::1746205010153210:role/admin-oss', accountUid: '1746205010153210' };
  const malformed = /** @type {any} */ (await openConsole(/** @type {any} */ ({}), { profile: { ...profile, site: 'eu' }, readOnly: false }));
  assert.equal(malformed.error.kind, 'input');
  assertCatalogText(malformed.error.text);
  assert.match(inBoth(malformed.error.text).zh, /^打开控制台收到了无法使用的身份配置（message\.profile\.site must be cn or intl）/);
  // Firefox with containers turned off: its own words in parentheses, ours around them.
  session = { [CREDENTIALS_KEYS.b]: STORED };
  const api = { query: async () => { throw new Error('Contextual identities are currently disabled'); } };
  Object.assign(globalThis.chrome, { contextualIdentities: api });
  try {
    const off = /** @type {any} */ (await openConsole(/** @type {any} */ ({}), { profile, readOnly: false }));
    assert.equal(off.error.kind, 'containers');
    assertCatalogText(off.error.text);
    assert.equal(inBoth(off.error.text).zh, 'Firefox 的容器不可用（Contextual identities are currently disabled）：请在 Firefox 的设置中打开容器功能，然后重新打开控制台。');
  } finally {
    delete (/** @type {any} */ (globalThis.chrome)).contextualIdentities;
  }
});
