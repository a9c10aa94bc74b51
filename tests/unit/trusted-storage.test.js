// The tamper evidence of what RoleHop trusts in storage (extension/shared/trusted-storage.js), in
// Node with real WebCrypto and an in-memory IndexedDB (fake-indexeddb): adoption once, tags made
// and checked, the last good copy used whenever storage holds anything else, notices kept until
// the user decides, a key that never leaves the vault.

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonical, createTrustedStorage, indexedDbVault, TAG_FIELD, withoutTag } from '../../extension/shared/trusted-storage.js';

const GOOD = { defaultSite: 'cn', autoSubmit: false, language: 'auto' };
const EVIL = { defaultSite: 'cn', autoSubmit: true, language: 'auto' };

/** A trust over a fresh IndexedDB (or `idb`), storage open to content scripts unless `closed`. */
function setUp({ idb = new IDBFactory(), closed = false } = {}) {
  let clock = 1_000;
  const trust = createTrustedStorage({ vault: indexedDbVault(idb), storageClosed: async () => closed, now: () => clock });
  return { idb, trust, tick: () => (clock += 1_000) };
}

describe('trusted storage', () => {
  test('closed storage (Chromium): what is stored is used as it is, nothing checked', async () => {
    const { trust } = setUp({ closed: true });
    assert.deepEqual(await trust.open('settings', EVIL), { value: EVIL, state: 'unchecked' });
    assert.deepEqual(await trust.notices(), []);
  });

  test('first sight adopts what is stored, once; absence is adopted too', async () => {
    const { trust } = setUp();
    assert.deepEqual(await trust.open('settings', GOOD), { value: GOOD, state: 'adopted' });
    assert.deepEqual(await trust.open('settings', GOOD), { value: GOOD, state: 'ok' });
    assert.deepEqual(await trust.open('profiles', undefined), { value: null, state: 'adopted' });
    // Written later without a tag (a content script): not adopted; nothing (null) stays in use.
    assert.deepEqual(await trust.open('profiles', { generation: 'evil' }), { value: null, state: 'changed' });
  });

  test('an untagged change is never adopted: the last good copy is used, the change kept in a notice', async () => {
    const { trust, tick } = setUp();
    await trust.open('settings', GOOD);
    tick();
    assert.deepEqual(await trust.open('settings', EVIL), { value: GOOD, state: 'changed' });
    const [notice] = await trust.notices();
    assert.deepEqual(notice, { name: 'settings', changed: EVIL, good: GOOD, noticedAt: 2_000 });
    tick();
    await trust.open('settings', EVIL);
    assert.equal((await trust.notices())[0].noticedAt, 2_000, 'the same change keeps the time it was first noticed');
    // Deleted: also a change.
    assert.deepEqual(await trust.open('settings', undefined), { value: GOOD, state: 'changed' });
    assert.deepEqual((await trust.notices())[0].changed, null);
  });

  test('tagged writes: sealed, committed, then read back; another page\'s newer write is taken', async () => {
    const { trust, tick } = setUp();
    await trust.open('settings', GOOD);
    tick();
    const sealed = await trust.seal('settings', EVIL);
    assert.deepEqual(withoutTag(sealed), EVIL);
    assert.match(sealed[TAG_FIELD].mac, /^[A-Za-z0-9_-]{43}$/);
    // Read before the writer committed (another page's save in flight): valid and newer, taken.
    assert.deepEqual(await trust.open('settings', sealed), { value: EVIL, state: 'ok' });
    await trust.commit('settings', EVIL, { at: sealed[TAG_FIELD].at });
    assert.deepEqual(await trust.open('settings', sealed), { value: EVIL, state: 'ok' });
    assert.deepEqual(await trust.notices(), []);
  });

  test('a valid tag on a changed value, another browser\'s key, or an older tagged value (a replay): the good copy stands', async () => {
    const { idb, trust, tick } = setUp();
    await trust.open('settings', GOOD);
    tick();
    const old = await trust.seal('settings', { ...GOOD, language: 'en' });
    tick();
    const current = await trust.seal('settings', GOOD);
    await trust.commit('settings', GOOD, { at: current[TAG_FIELD].at });
    // The tag copied onto another value.
    assert.deepEqual(await trust.open('settings', { ...EVIL, [TAG_FIELD]: current[TAG_FIELD] }), { value: GOOD, state: 'changed' });
    // Made with another browser's key (another IndexedDB).
    const other = setUp().trust;
    assert.deepEqual(await trust.open('settings', await other.seal('settings', EVIL)), { value: GOOD, state: 'changed' });
    // An earlier value of ours, written back: not adopted, no notice for it.
    await trust.resolve('settings');
    assert.deepEqual(await trust.open('settings', old), { value: GOOD, state: 'ok' });
    assert.deepEqual(await trust.notices(), []);
    // The key persists in the vault: a new page (new vault over the same IndexedDB) checks the same tags.
    const again = createTrustedStorage({ vault: indexedDbVault(idb), storageClosed: async () => false });
    assert.deepEqual(await again.open('settings', current), { value: GOOD, state: 'ok' });
  });

  test('the key is a non-extractable HMAC key kept only in the vault', async () => {
    const vault = indexedDbVault(new IDBFactory());
    const key = await vault.key();
    assert.equal(key.extractable, false);
    assert.deepEqual(key.usages.sort(), ['sign', 'verify']);
    await assert.rejects(crypto.subtle.exportKey('raw', key));
    assert.equal(await vault.key(), key);
  });

  test('the profiles\' last good payload comes with the good copy; a changed copy\'s payload is kept with its notice', async () => {
    const { trust } = setUp();
    const meta = { generation: 'a1', chunks: 1, bytes: 4, sha256: 'aa', area: 'sync', savedAt: 5 };
    await trust.commit('profiles', meta, { at: 5, payload: 'QUJD' });
    assert.deepEqual(await trust.open('profiles', await trust.seal('profiles', meta, 5)), { value: meta, state: 'ok', payload: 'QUJD' });
    const changed = { ...meta, generation: 'e1', sha256: 'ee' };
    assert.deepEqual(await trust.open('profiles', changed), { value: meta, state: 'changed', payload: 'QUJD' });
    await trust.keepChangedPayload('profiles', changed, 'RVZJTA');
    await trust.keepChangedPayload('profiles', meta, 'WRONG');
    assert.equal((await trust.notices())[0].payload, 'RVZJTA');
    await trust.resolve('profiles');
    assert.deepEqual(await trust.notices(), []);
  });

  test('a reader taking another page\'s write keeps the payload that page stored with it', async () => {
    const { trust } = setUp();
    const meta = { generation: 'a1', chunks: 1, bytes: 4, sha256: 'aa', area: 'sync', savedAt: 5 };
    await trust.commit('profiles', meta, { at: 5, payload: 'QUJD' });
    await trust.commit('profiles', meta, { at: 5 }); // the worker's read of the same write, a moment later
    assert.equal((await trust.open('profiles', meta)).payload, 'QUJD');
    await trust.commit('profiles', { ...meta, generation: 'b2' }, { at: 4, payload: 'T0xE' });
    assert.equal((await trust.open('profiles', meta)).payload, 'QUJD', 'an older write does not replace the good copy');
  });

  test('canonical JSON ignores key order', () => {
    assert.equal(canonical({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }), canonical({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });
});
