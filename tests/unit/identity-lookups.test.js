// identity.lookup answers a console page only about its own identity (background/identity-lookups.js):
// a document is bound to the first identity it asks about; per tab and per browser only a few
// different identities are answered in a ten-minute window; the state survives the worker being
// stopped (it lives in storage.session) and anything malformed there is ignored.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createFakeArea, LOCAL_QUOTAS } from '../lib/fake-storage.js';
import { createIdentityLookups, documentKeyOf, LIMITS, LOOKUPS_KEY, SWITCH_PAGE_KEY, SWITCH_PAGE_LIMITS } from '../../extension/background/identity-lookups.js';
import { consolePage } from '../../extension/background/content-pages.js';

/** @param {number} n */
const identity = (n) => `${String(1746000000000000 + n)}/admin-oss`;

function setUp() {
  let clock = 1_000_000;
  const area = createFakeArea(LOCAL_QUOTAS);
  const lookups = createIdentityLookups({ area, now: () => clock });
  return {
    area,
    lookups,
    /** @param {number} ms */
    advance: (ms) => {
      clock += ms;
    },
    /** @param {string} documentKey @param {number} tabId @param {number} n */
    ask: async (documentKey, tabId, n) => (await lookups.admit({ documentKey, tabId, identity: identity(n) })),
  };
}

describe('identity lookups: only the page\'s own identity', () => {
  test('a document is bound to its first identity; another is refused, the first still answered', async () => {
    const { ask } = setUp();
    assert.deepEqual(await ask('doc:A', 1, 1), { ok: true });
    const other = await ask('doc:A', 1, 2);
    assert.equal(other.ok, false);
    assert.equal(other.ok === false && other.reason, 'other-identity');
    assert.deepEqual(await ask('doc:A', 1, 1), { ok: true });
  });

  test('a tab gets at most LIMITS.perTab different identities per window (reloads are new documents); the same one again is free', async () => {
    const { ask, advance } = setUp();
    for (let n = 1; n <= LIMITS.perTab; n++) assert.deepEqual(await ask(`doc:${n}`, 1, n), { ok: true }, `identity ${n}`);
    const over = await ask('doc:next', 1, LIMITS.perTab + 1);
    assert.equal(over.ok === false && over.reason, 'tab-limit');
    assert.deepEqual(await ask('doc:reload', 1, 1), { ok: true }, 'a reload of an identity already seen');
    assert.deepEqual(await ask('doc:other-tab', 2, LIMITS.perTab + 1), { ok: true }, 'another tab has its own count');
    advance(LIMITS.windowMs);
    assert.deepEqual(await ask('doc:later', 1, LIMITS.perTab + 2), { ok: true }, 'after the window');
  });

  test('the whole browser gets at most LIMITS.perBrowser different identities per window (new tabs do not reset it)', async () => {
    const { ask } = setUp();
    for (let n = 1; n <= LIMITS.perBrowser; n++) assert.deepEqual(await ask(`doc:${n}`, 100 + n, n), { ok: true });
    const over = await ask('doc:more', 999, LIMITS.perBrowser + 1);
    assert.equal(over.ok === false && over.reason, 'browser-limit');
    assert.deepEqual(await ask('doc:again', 999, 3), { ok: true }, 'an identity already seen in another tab');
  });

  test('the binding survives the worker being stopped (storage.session); concurrent questions are decided one at a time', async () => {
    const { area, ask } = setUp();
    await Promise.all([ask('doc:A', 1, 1), ask('doc:A', 1, 2), ask('doc:A', 1, 3)]);
    const restarted = createIdentityLookups({ area, now: () => 1_000_000 });
    const answers = await Promise.all([1, 2, 3].map((n) => restarted.admit({ documentKey: 'doc:A', tabId: 1, identity: identity(n) })));
    assert.deepEqual(answers.map((a) => a.ok), [true, false, false]);
  });

  test('malformed stored state is ignored, not trusted', async () => {
    const { area, ask } = setUp();
    await area.set({ [LOOKUPS_KEY]: { documents: { 'doc:A': { identity: 7 } }, seen: [{ tabId: 'x' }, null] } });
    assert.deepEqual(await ask('doc:A', 1, 1), { ok: true });
    await area.set({ [LOOKUPS_KEY]: 'junk' });
    assert.deepEqual(await ask('doc:B', 1, 2), { ok: true });
  });

  test('the console page rule passes the browser\'s documentId on, when it has a document id\'s form', () => {
    const sender = { id: 'x', url: 'https://oss.console.aliyun.com/', origin: 'https://oss.console.aliyun.com', frameId: 0, tab: { id: 3 } };
    assert.equal(consolePage({ ...sender, documentId: '4F1E9C2A0B7D6E5F4F1E9C2A0B7D6E5F' })?.documentId, '4F1E9C2A0B7D6E5F4F1E9C2A0B7D6E5F');
    assert.equal(consolePage({ ...sender, documentId: 'a b' })?.documentId, undefined);
    assert.equal(consolePage(sender)?.documentId, undefined);
  });

  test('documents are told apart by documentId, else by tab and address without the fragment', () => {
    const url = new URL('https://oss.console.aliyun.com/overview?x=1#top');
    assert.equal(documentKeyOf({ tabId: 3, url, documentId: 'ABC' }), 'doc:ABC');
    assert.equal(documentKeyOf({ tabId: 3, url }), 'tab:3:https://oss.console.aliyun.com/overview?x=1');
  });
});

describe('the Switch Role page\'s budget: the same limits, no binding, its own item', () => {
  test('without a document key nothing is bound; the tab\'s limit still holds; kept under its own key', async () => {
    const area = createFakeArea(LOCAL_QUOTAS);
    const budget = createIdentityLookups({ area, now: () => 1_000_000, key: SWITCH_PAGE_KEY, limits: SWITCH_PAGE_LIMITS });
    for (let n = 0; n < SWITCH_PAGE_LIMITS.perTab; n++) assert.deepEqual(await budget.admit({ tabId: 1, identity: identity(n) }), { ok: true });
    const over = await budget.admit({ tabId: 1, identity: identity(99) });
    assert.equal(over.ok === false && over.reason, 'tab-limit');
    const stored = (await area.get([SWITCH_PAGE_KEY, LOOKUPS_KEY]));
    assert.deepEqual(Object.keys(stored), [SWITCH_PAGE_KEY]);
    assert.deepEqual(/** @type {any} */ (stored[SWITCH_PAGE_KEY]).documents, {});
  });
});
