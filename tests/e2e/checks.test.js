// The verification checks end to end: the shipped dist/chromium in Chromium, credentials kept in
// storage.session, the service worker signing and sending real requests to the mock cloud
// (tests/mock-cloud, which verifies every signature with the official SDKs' code), and the core's
// diagnosis naming the broken tutorial step. Then the secrets: where they are, and where not.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startCloudBrowser, readPersistentStorage } from './cloud-browser.js';
import { assumeRole } from '../mock-cloud/sdk-clients.js';

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
    assert.equal(session['rolehop.credentials.b'].accessKeySecret, keys.accessKeySecret);
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
