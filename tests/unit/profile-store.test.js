// The profile store and settings against an in-memory storage that enforces Chrome's sync
// quotas (tests/lib/fake-storage.js). The same module runs in the browser tests
// (tests/e2e/storage.test.js) against the real chrome.storage.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createProfileStore, META_KEY, MAX_ITEM_BYTES, ProfileStoreError } from '../../extension/shared/profile-store.js';
import { createSettingsStore, DEFAULT_SETTINGS, SETTINGS_KEY } from '../../extension/shared/settings.js';
import { createFakeArea, itemBytes, LOCAL_QUOTAS, SYNC_QUOTAS } from '../lib/fake-storage.js';
import { profilesIni } from '../lib/profiles.js';

function areas() {
  return { sync: createFakeArea(SYNC_QUOTAS), local: createFakeArea(LOCAL_QUOTAS) };
}

/** @param {ReturnType<typeof createFakeArea>} area */
const ours = (area) => area.keys().filter((k) => k.startsWith('rolehop.profiles.'));

/**
 * Fills `area` with filler items until fewer than `room` bytes are left.
 * @param {ReturnType<typeof createFakeArea>} area @param {number} room
 */
async function fill(area, room) {
  for (let i = 0; area.bytesInUse() < SYNC_QUOTAS.QUOTA_BYTES - room; i++) {
    const left = SYNC_QUOTAS.QUOTA_BYTES - room - area.bytesInUse();
    const key = `filler.${i}`;
    await area.set({ [key]: 'x'.repeat(Math.max(1, Math.min(8000, left - key.length - 2))) });
  }
}

describe('profile store', () => {
  test('2,000 profiles: compressed, chunked under every sync quota, loaded back identical', async () => {
    const { sync, local } = areas();
    const store = createProfileStore({ sync, local });
    const text = profilesIni(2000);
    const saved = await store.saveProfilesText(text);
    assert.equal(saved.area, 'sync');
    assert.equal(saved.fellBack, false);
    assert.ok(saved.bytes < text.length / 3, `compressed ${text.length} -> ${saved.bytes}`);
    assert.ok(sync.bytesInUse() <= SYNC_QUOTAS.QUOTA_BYTES);
    for (const [key, value] of sync.raw) assert.ok(itemBytes(key, value) <= MAX_ITEM_BYTES, key);
    assert.equal(ours(sync).length, saved.chunks + 1);
    assert.deepEqual(ours(local), []);
    const loaded = await store.loadProfilesText();
    assert.equal(loaded.text, text);
    assert.equal(loaded.area, 'sync');
  });

  test('nothing saved: empty text', async () => {
    const store = createProfileStore(areas());
    assert.deepEqual(await store.loadProfilesText(), { text: '', area: null, savedAt: null, sha256: null });
    assert.deepEqual(await store.locateProfiles(), { meta: null, items: {} });
  });

  test('a save and the next load report the same SHA-256; locating the copy names it before anything is decompressed', async () => {
    const { sync, local } = areas();
    const store = createProfileStore({ sync, local });
    const first = await store.saveProfilesText(profilesIni(30));
    const located = await store.locateProfiles();
    assert.equal(located.meta?.sha256, first.sha256);
    assert.match(first.sha256, /^[0-9a-f]{64}$/);
    assert.equal((await store.readProfilesText(located)).sha256, first.sha256);
    const second = await store.saveProfilesText(profilesIni(30, { seed: 9 }));
    assert.notEqual(second.sha256, first.sha256);
    assert.equal((await store.loadProfilesText()).sha256, second.sha256);
  });

  test('keys outside the store\'s prefix survive its sweeps (the popup\'s cached parse lives beside it)', async () => {
    const { sync, local } = areas();
    const store = createProfileStore({ sync, local });
    await local.set({ 'rolehop.parsedProfiles': { kept: true } });
    await store.saveProfilesText(profilesIni(10));
    await store.saveProfilesText(profilesIni(12));
    assert.deepEqual((await local.get('rolehop.parsedProfiles'))['rolehop.parsedProfiles'], { kept: true });
  });

  test('a new save replaces the old generation: only one copy remains; three write operations', async () => {
    const { sync, local } = areas();
    const store = createProfileStore({ sync, local });
    await store.saveProfilesText(profilesIni(50));
    const before = sync.writeCount();
    const saved = await store.saveProfilesText(profilesIni(60, { seed: 7 }));
    assert.equal(sync.writeCount() - before, 3, 'chunks, pointer, removal of the old generation');
    assert.equal(ours(sync).length, saved.chunks + 1);
    assert.equal((await store.loadProfilesText()).text, profilesIni(60, { seed: 7 }));
  });

  test('sync full: falls back to local with nothing lost, and moves back when sync has room', async () => {
    const { sync, local } = areas();
    const store = createProfileStore({ sync, local });
    await fill(sync, 1000);
    const text = profilesIni(2000);
    const saved = await store.saveProfilesText(text);
    assert.equal(saved.area, 'local');
    assert.equal(saved.fellBack, true);
    assert.equal(saved.reason?.code, 'sync-full');
    assert.match(saved.reason?.detail ?? '', /QUOTA_BYTES quota exceeded/);
    assert.deepEqual(ours(sync), [], 'no half-written chunks left in sync');
    assert.equal((await store.loadProfilesText()).text, text);

    await sync.remove(sync.keys().filter((k) => k.startsWith('filler.')));
    const back = await store.saveProfilesText(text);
    assert.equal(back.area, 'sync');
    assert.deepEqual(ours(local), [], 'the stale local copy is removed');
    const loaded = await store.loadProfilesText();
    assert.equal(loaded.text, text);
    assert.equal(loaded.area, 'sync');
  });

  test('old and new copies together do not fit but the new one alone does: ends in sync', async () => {
    const { sync, local } = areas();
    const store = createProfileStore({ sync, local });
    const first = await store.saveProfilesText(profilesIni(2000));
    await fill(sync, first.bytes + 3000); // room for one copy, not two
    const text = profilesIni(2000, { seed: 9 });
    const saved = await store.saveProfilesText(text);
    assert.equal(saved.area, 'sync');
    assert.deepEqual(ours(local), []);
    assert.equal((await store.loadProfilesText()).text, text);
  });

  test('storage.sync unavailable: local, with the reason', async () => {
    const { local } = areas();
    const store = createProfileStore({ sync: null, local });
    const saved = await store.saveProfilesText(profilesIni(10));
    assert.equal(saved.area, 'local');
    assert.equal(saved.reason?.code, 'sync-unavailable');
    assert.equal((await store.loadProfilesText()).text, profilesIni(10));
  });

  test('both areas refuse: the save rejects and the previous profiles are intact', async () => {
    const { sync, local } = areas();
    const store = createProfileStore({ sync, local });
    const text = profilesIni(30);
    await store.saveProfilesText(text);
    sync.failNextSet('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    local.failNextSet('IO error: disk full');
    await assert.rejects(store.saveProfilesText(profilesIni(40, { seed: 3 })), (error) => {
      assert.ok(error instanceof ProfileStoreError);
      assert.equal(error.code, 'save-failed');
      assert.match(error.message, /MAX_WRITE_OPERATIONS_PER_MINUTE.*disk full.*unchanged/s);
      return true;
    });
    const loaded = await store.loadProfilesText();
    assert.equal(loaded.text, text);
    assert.equal(loaded.area, 'sync');
  });

  test('pointer written last: a failed pointer write leaves the old generation current', async () => {
    const { sync, local } = areas();
    const store = createProfileStore({ sync, local });
    const text = profilesIni(30);
    await store.saveProfilesText(text);
    const realSet = sync.set;
    let calls = 0;
    sync.set = async (items) => {
      if (++calls === 2) throw new Error('simulated crash before the pointer');
      return realSet(items);
    };
    local.failNextSet('local broken too');
    await assert.rejects(store.saveProfilesText(profilesIni(40, { seed: 3 })));
    sync.set = realSet;
    assert.equal((await store.loadProfilesText()).text, text);
  });

  test('prefetched items (as the popup reads them early): same result and checks; a failed early read is read again', async () => {
    const { sync, local } = areas();
    const store = createProfileStore({ sync, local });
    const text = profilesIni(300);
    await store.saveProfilesText(text);
    const loaded = await store.loadProfilesText({ prefetched: { sync: sync.get(null), local: local.get(null) } });
    assert.deepEqual(loaded, await store.loadProfilesText());
    assert.equal(loaded.text, text);
    const failed = await store.loadProfilesText({ prefetched: { sync: Promise.reject(new Error('early read failed')), local: local.get(null) } });
    assert.equal(failed.text, text);

    const items = await sync.get(null);
    const meta = /** @type {{generation: string}} */ (items[META_KEY]);
    delete items[`rolehop.profiles.${meta.generation}.0`];
    await assert.rejects(
      store.loadProfilesText({ prefetched: { sync: Promise.resolve(items), local: local.get(null) } }),
      /incomplete: chunk 0 of \d+ is missing/,
    );
  });

  test('integrity: a missing chunk, a chunk from another save, a corrupt payload', async () => {
    const { sync, local } = areas();
    const store = createProfileStore({ sync, local });
    await store.saveProfilesText(profilesIni(400));
    const meta = /** @type {{generation: string}} */ (sync.raw.get(META_KEY));
    const key1 = `rolehop.profiles.${meta.generation}.1`;
    const original = /** @type {string} */ (sync.raw.get(key1));

    sync.raw.delete(key1);
    await assert.rejects(store.loadProfilesText(), /incomplete: chunk 1 of \d+ is missing/);

    sync.raw.set(key1, `${original.slice(0, -4)}AAAA`);
    await assert.rejects(store.loadProfilesText(), (e) => {
      assert.ok(e instanceof ProfileStoreError && e.code === 'integrity');
      assert.match(e.message, /fail the integrity check: expected \d+ bytes with SHA-256 [0-9a-f]{64}/);
      return true;
    });

    sync.raw.set(key1, original);
    assert.equal((await store.loadProfilesText()).text, profilesIni(400));
  });

  test('onProfilesChanged fires once per save, from either area', async () => {
    const { sync, local } = areas();
    const store = createProfileStore({ sync, local });
    let calls = 0;
    const stop = store.onProfilesChanged(() => calls++);
    await store.saveProfilesText('[profile a]\naccount = a\nrole_name = r\n');
    assert.ok(calls >= 1);
    stop();
    const seen = calls;
    await store.saveProfilesText('');
    assert.equal(calls, seen);
  });

  test('unicode text and the empty text round-trip', async () => {
    const store = createProfileStore(areas());
    for (const text of ['', '[profile 生产]\nnote = 先问运维 🚀\n']) {
      await store.saveProfilesText(text);
      assert.equal((await store.loadProfilesText()).text, text);
    }
  });
});

describe('settings', () => {
  test('defaults, partial saves merge, invalid values are dropped', async () => {
    const { sync, local } = areas();
    const settings = createSettingsStore({ sync, local });
    assert.deepEqual(await settings.loadSettings(), DEFAULT_SETTINGS);
    await settings.saveSettings({ autoSubmit: true });
    await settings.saveSettings({ language: 'zh_CN', defaultSite: /** @type {any} */ ('mars') });
    assert.deepEqual(await settings.loadSettings(), { defaultSite: 'cn', autoSubmit: true, language: 'zh_CN' });
    assert.deepEqual(sync.raw.get(SETTINGS_KEY), { defaultSite: 'cn', autoSubmit: true, language: 'zh_CN' });
  });

  test('auto-submit is on by default; settings stored before keep the choice they hold', async () => {
    const { sync, local } = areas();
    const settings = createSettingsStore({ sync, local });
    assert.equal((await settings.loadSettings()).autoSubmit, true, 'nothing stored: the default, on');
    // Stored by an earlier version, where the default was off: an explicit false stays false.
    await sync.set({ [SETTINGS_KEY]: { defaultSite: 'intl', autoSubmit: false, language: 'en' } });
    assert.deepEqual(await settings.loadSettings(), { defaultSite: 'intl', autoSubmit: false, language: 'en' });
    await settings.saveSettings({ language: 'zh_CN' });
    assert.equal((await settings.loadSettings()).autoSubmit, false, 'another setting saved later keeps it off');
    // Stored without the field (or with a value no version writes): the new default.
    await sync.set({ [SETTINGS_KEY]: { defaultSite: 'intl', language: 'en' } });
    assert.deepEqual(await settings.loadSettings(), { defaultSite: 'intl', autoSubmit: true, language: 'en' });
    await sync.set({ [SETTINGS_KEY]: { autoSubmit: 'no' } });
    assert.equal((await settings.loadSettings()).autoSubmit, true);
    // The same from the popup's early read.
    const prefetched = { sync: { [SETTINGS_KEY]: { autoSubmit: false } }, local: {} };
    assert.equal((await settings.loadSettings({ prefetched })).autoSubmit, false);
    assert.equal((await settings.loadSettings({ prefetched: { sync: {}, local: {} } })).autoSubmit, true);
  });

  test('sync full: local, and back to sync (the local copy removed)', async () => {
    const { sync, local } = areas();
    const settings = createSettingsStore({ sync, local });
    await fill(sync, 10);
    assert.equal((await settings.saveSettings({ defaultSite: 'intl' })).area, 'local');
    assert.equal((await settings.loadSettings()).defaultSite, 'intl');
    await sync.remove('filler.0');
    assert.equal((await settings.saveSettings({ autoSubmit: true })).area, 'sync');
    assert.equal(local.raw.has(SETTINGS_KEY), false);
    assert.deepEqual(await settings.loadSettings(), { defaultSite: 'intl', autoSubmit: true, language: 'auto' });
  });
});

describe('profile store: two pages saving at once', () => {
  test('a save that lands between another save’s chunks and pointer: the last pointer wins, complete', async () => {
    const { sync, local } = areas();
    const first = createProfileStore({ sync, local });
    const second = createProfileStore({ sync, local });
    const textX = profilesIni(40, { seed: 1 });
    const textY = profilesIni(40, { seed: 2 });
    const realSet = sync.set;
    let interleaved = false;
    // X writes its chunks; before X's pointer, Y saves completely (and sweeps X's chunks).
    sync.set = async (items) => {
      await realSet(items);
      if (!interleaved && !(META_KEY in items)) {
        interleaved = true;
        sync.set = realSet;
        await second.saveProfilesText(textY);
        sync.set = realSet;
      }
    };
    await first.saveProfilesText(textX);
    sync.set = realSet;
    const loaded = await first.loadProfilesText();
    assert.equal(loaded.text, textX, 'X wrote its pointer last');
    const meta = /** @type {{generation: string, chunks: number}} */ (sync.raw.get(META_KEY));
    assert.equal(ours(sync).length, meta.chunks + 1, 'no orphaned chunks of Y');
  });
});
