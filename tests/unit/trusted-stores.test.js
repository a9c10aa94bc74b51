// The profile store and the settings with the tamper evidence on (storage open to content
// scripts, as in Firefox): a content script's rewrite of the pointer and chunks, or of the
// settings, in the fake storage is never used; the last good copies are, the payload of the good
// profiles comes from the vault when their chunks are gone, and the changed copies wait in
// notices with their text, so nothing is lost. Real WebCrypto, in-memory IndexedDB.

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createProfileStore, META_KEY } from '../../extension/shared/profile-store.js';
import { createSettingsStore, SETTINGS_KEY } from '../../extension/shared/settings.js';
import { createTrustedStorage, indexedDbVault } from '../../extension/shared/trusted-storage.js';
import { createProgressStore, WORKBENCH_PROGRESS_KEY } from '../../extension/shared/workbench-progress.js';
import { createFakeArea, LOCAL_QUOTAS, SYNC_QUOTAS } from '../lib/fake-storage.js';

const MINE = '[profile acme-prod]\naccount = 1746000000000001\nrole_name = admin-oss\ndisplay_name = Acme production\n';
const THEIRS = '[profile acme-prod]\naccount = 1999000000000009\nrole_name = admin-oss\ndisplay_name = Acme production\n';

function setUp({ closed = false } = {}) {
  const sync = createFakeArea(SYNC_QUOTAS);
  const local = createFakeArea(LOCAL_QUOTAS);
  const trust = createTrustedStorage({ vault: indexedDbVault(new IDBFactory()), storageClosed: async () => closed });
  return {
    sync,
    local,
    trust,
    profiles: createProfileStore({ sync, local, trust }),
    settings: createSettingsStore({ sync, local, trust }),
    /** What an untrusted writer (no trust) sees and does: the same layout, no tags. */
    attacker: { profiles: createProfileStore({ sync, local }), settings: createSettingsStore({ sync, local }) },
  };
}

describe('trusted profiles and settings where content scripts can write storage', () => {
  test('a rewritten pointer and chunks: the good text is used (from the vault), the changed text kept in a notice', async () => {
    const { sync, trust, profiles, attacker } = setUp();
    await profiles.saveProfilesText(MINE);
    assert.equal((await profiles.loadProfilesText()).text, MINE);
    // The attacker saves its own text the store's way: new chunks, new pointer, old chunks swept.
    await attacker.profiles.saveProfilesText(THEIRS);
    assert.equal(sync.keys().filter((k) => k.startsWith('rolehop.profiles.')).length, 2, 'only the changed copy is in storage now');
    const loaded = await profiles.loadProfilesText();
    assert.equal(loaded.text, MINE);
    const [notice] = await trust.notices();
    assert.equal(notice.name, 'profiles');
    assert.equal(/** @type {any} */ (notice.changed).sha256, /** @type {any} */ ((await sync.get(META_KEY))[META_KEY]).sha256);
    assert.equal(typeof notice.payload, 'string', 'the changed text is kept while its chunks were there');
    // Keep mine: save the good text again; the notice goes when the user decided.
    await profiles.saveProfilesText(loaded.text);
    await trust.resolve('profiles');
    assert.equal((await attacker.profiles.loadProfilesText()).text, MINE, 'storage holds the good copy again');
    assert.equal((await profiles.loadProfilesText()).text, MINE);
    assert.deepEqual(await trust.notices(), []);
  });

  test('changed chunks under the good pointer: the vault\'s payload stands in', async () => {
    const { sync, profiles } = setUp();
    await profiles.saveProfilesText(MINE);
    for (const key of sync.keys()) if (key !== META_KEY && key.startsWith('rolehop.profiles.')) await sync.set({ [key]: 'AAAA' });
    assert.equal((await profiles.loadProfilesText()).text, MINE);
  });

  test('profiles adopted on the first start of this version get their payload kept on the first read', async () => {
    const { sync, trust, profiles, attacker } = setUp();
    await attacker.profiles.saveProfilesText(MINE); // written by a version without tags
    assert.equal((await profiles.locateProfiles()).trust?.state, 'adopted');
    assert.equal((await profiles.loadProfilesText()).text, MINE);
    for (const key of sync.keys()) if (key !== META_KEY && key.startsWith('rolehop.profiles.')) await sync.remove(key);
    assert.equal((await profiles.loadProfilesText()).text, MINE, 'from the payload kept at the first read');
    assert.deepEqual(await trust.notices(), []);
  });

  test('auto-submit turned on by an untrusted write stays off; the change waits in a notice; accept makes it the user\'s', async () => {
    const { sync, trust, settings, attacker } = setUp();
    await settings.saveSettings({ autoSubmit: false });
    await attacker.settings.saveSettings({ autoSubmit: true });
    assert.equal(/** @type {any} */ ((await sync.get(SETTINGS_KEY))[SETTINGS_KEY]).autoSubmit, true);
    assert.equal((await settings.loadSettings()).autoSubmit, false);
    assert.equal((await settings.loadSettings({ prefetched: { sync: await sync.get(null), local: {} } })).autoSubmit, false);
    const [notice] = await trust.notices();
    assert.deepEqual(notice.changed, { defaultSite: 'cn', autoSubmit: true, language: 'auto' });
    // Accept the changed copy (the honest case: the user changed it in another browser).
    await settings.saveSettings(/** @type {any} */ (notice.changed));
    await trust.resolve('settings');
    assert.equal((await settings.loadSettings()).autoSubmit, true);
    assert.deepEqual(await trust.notices(), []);
  });

  test('the workbench\'s values: B\'s account UID changed by an untrusted write is not used; saves keep their order', async () => {
    const { local, trust } = setUp();
    const progress = createProgressStore({ local, trust });
    const mine = { audience: 'a', inputs: { accountAUid: '1746000000000001', accountBUid: '1999000000000002' }, done: {} };
    for (let i = 0; i < 5; i++) void progress.save({ ...mine, done: { [`step-${i}`]: true } });
    await progress.save(mine);
    assert.deepEqual(await progress.load(), mine, 'the last save wins');
    await local.set({ [WORKBENCH_PROGRESS_KEY]: { ...mine, inputs: { ...mine.inputs, accountBUid: '1666000000000006' } } });
    assert.deepEqual(await progress.load(), mine);
    const [notice] = await trust.notices();
    assert.equal(notice.name, 'workbench');
    assert.equal(/** @type {any} */ (notice.changed).inputs.accountBUid, '1666000000000006');
  });

  test('storage closed to content scripts: what is stored is used as it is', async () => {
    const { settings, attacker } = setUp({ closed: true });
    await settings.saveSettings({ autoSubmit: false });
    await attacker.settings.saveSettings({ autoSubmit: true }); // e.g. sync from another browser
    assert.equal((await settings.loadSettings()).autoSubmit, true);
  });
});
