// The profile store of the shipped extension on the real chrome.storage in Chromium: 2,000
// profiles through storage.sync (compressed, chunked under the real quotas), the fallback to
// storage.local when the real sync quota refuses the write (sync filled from the test first), a
// save that fails everywhere losing nothing, and the integrity check on inconsistent chunks.
// The code under test is the shipped extension/shared/profile-store.js, imported by an extension
// page of the unmodified dist/chromium.

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { launchExtension } from './harness.js';
import { profilesIni } from '../lib/profiles.js';

/** Chrome's storage.sync quotas (chrome.storage.sync.QUOTA_*), asserted against the browser's own. */
const QUOTA_BYTES = 102_400;
const QUOTA_BYTES_PER_ITEM = 8_192;
const MAX_ITEMS = 512;

/** @typedef {import('playwright-core').Page} Page */

describe('profile storage (real chrome.storage)', () => {
  /** @type {import('./harness.js').ExtensionBrowser} */
  let browser;
  /** @type {Page} */
  let page;
  const text2000 = profilesIni(2000);

  before(async () => {
    browser = await launchExtension();
    page = await browser.openPage('options/options.html');
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await page.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
  });

  /** @param {string} text */
  const save = (text) =>
    page.evaluate(async (t) => {
      const store = await import(chrome.runtime.getURL('shared/profile-store.js'));
      return store.saveProfilesText(t);
    }, text);

  /** Loads in a fresh module instance (a new page), as another page of the extension would. */
  async function loadFresh() {
    const other = await browser.openPage('options/options.html');
    try {
      return await other.evaluate(async () => {
        const store = await import(chrome.runtime.getURL('shared/profile-store.js'));
        return store.loadProfilesText().then(
          (/** @type {any} */ r) => ({ ok: true, ...r }),
          (/** @type {any} */ e) => ({ ok: false, code: e.code, message: e.message }),
        );
      });
    } finally {
      await other.close();
    }
  }

  /** @param {'sync' | 'local'} area @returns {Promise<Record<string, any>>} */
  const dump = (area) => page.evaluate((a) => chrome.storage[a].get(null), area);
  /** @param {Record<string, any>} items */
  const ours = (items) => Object.keys(items).filter((k) => k.startsWith('rolehop.profiles.')).sort();

  /** Fills storage.sync with filler items until fewer than `room` bytes are free. @param {number} room */
  async function fillSync(room) {
    return page.evaluate(async (/** @type {{room: number, quota: number}} */ { room, quota }) => {
      let i = 0;
      for (;;) {
        const used = await chrome.storage.sync.getBytesInUse(null);
        const left = quota - room - used;
        if (left <= 0) return used;
        const key = `test.filler.${i++}`;
        await chrome.storage.sync.set({ [key]: 'f'.repeat(Math.max(1, Math.min(8000, left - key.length - 2))) });
      }
    }, { room, quota: QUOTA_BYTES });
  }

  test("the browser's sync quotas are the ones the store is sized for", async () => {
    const quotas = await page.evaluate(() => ({
      bytes: chrome.storage.sync.QUOTA_BYTES,
      perItem: chrome.storage.sync.QUOTA_BYTES_PER_ITEM,
      items: chrome.storage.sync.MAX_ITEMS,
    }));
    assert.deepEqual(quotas, { bytes: QUOTA_BYTES, perItem: QUOTA_BYTES_PER_ITEM, items: MAX_ITEMS });
  });

  test('2,000 profiles survive save and load through storage.sync, compressed and under every quota', async () => {
    const saved = await save(text2000);
    assert.equal(saved.area, 'sync');
    assert.equal(saved.fellBack, false);
    assert.equal(saved.textBytes, Buffer.byteLength(text2000));

    const sync = await dump('sync');
    const meta = sync['rolehop.profiles.meta'];
    assert.equal(meta.area, 'sync');
    assert.equal(meta.chunks, saved.chunks);
    assert.deepEqual(ours(await dump('local')), [], 'nothing in storage.local');
    const chunkKeys = Array.from({ length: meta.chunks }, (_, n) => `rolehop.profiles.${meta.generation}.${n}`);
    assert.deepEqual(ours(sync), [...chunkKeys, 'rolehop.profiles.meta'].sort());
    for (const [key, value] of Object.entries(sync)) {
      const bytes = Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value));
      assert.ok(bytes <= 8000, `${key}: ${bytes} bytes`);
    }
    const inUse = await page.evaluate(() => chrome.storage.sync.getBytesInUse(null));
    assert.ok(inUse <= QUOTA_BYTES, `${inUse} bytes in storage.sync`);
    assert.ok(Object.keys(sync).length <= MAX_ITEMS);

    // Compressed: the stored payload is the deflate-raw of the text, decoded here independently.
    const payload = chunkKeys.map((k) => sync[k]).join('');
    assert.equal(payload.length, meta.bytes);
    assert.ok(payload.length * 4 < text2000.length, `${text2000.length} bytes of INI stored in ${payload.length}`);
    const inflated = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      return new Response(stream).text();
    }, payload);
    assert.equal(inflated, text2000);
    console.log(`# 2,000 profiles: ${text2000.length} bytes of INI -> ${payload.length} bytes in ${meta.chunks} sync items (${inUse} bytes in use)`);

    const loaded = await loadFresh();
    assert.equal(loaded.ok, true);
    assert.equal(loaded.area, 'sync');
    assert.equal(loaded.text, text2000);
    const parsed = await page.evaluate(async (t) => {
      const { loadCore } = await import(chrome.runtime.getURL('shared/core.js'));
      const core = await loadCore();
      const r = core.profileParse({ text: t });
      return { profiles: r.profiles.length, errors: r.errors.length };
    }, loaded.text);
    assert.deepEqual(parsed, { profiles: 2000, errors: 0 });
  });

  test('saving again replaces the generation: one copy, old chunks removed', async () => {
    await save(profilesIni(300));
    const first = (await dump('sync'))['rolehop.profiles.meta'];
    await save(profilesIni(300, { seed: 5 }));
    const sync = await dump('sync');
    const meta = sync['rolehop.profiles.meta'];
    assert.notEqual(meta.generation, first.generation);
    assert.equal(ours(sync).length, meta.chunks + 1);
    assert.ok(!ours(sync).some((k) => k.includes(`.${first.generation}.`)));
    assert.equal((await loadFresh()).text, profilesIni(300, { seed: 5 }));
  });

  test('a real sync quota error falls back to storage.local with nothing lost, and a later save moves back', async () => {
    const small = profilesIni(20, { seed: 11 });
    assert.equal((await save(small)).area, 'sync');
    await fillSync(2_000);

    const saved = await save(text2000);
    assert.equal(saved.area, 'local');
    assert.equal(saved.fellBack, true);
    assert.equal(saved.reason.code, 'sync-full');
    assert.match(saved.reason.detail, /quota/i, 'the browser’s own quota error');
    const sync = await dump('sync');
    assert.deepEqual(ours(sync), [], 'no partial or stale copy left in sync');
    assert.ok(Object.keys(sync).some((k) => k.startsWith('test.filler.')), 'other sync items untouched');
    const local = await dump('local');
    assert.equal(local['rolehop.profiles.meta'].area, 'local');
    let loaded = await loadFresh();
    assert.equal(loaded.area, 'local');
    assert.equal(loaded.text, text2000);

    // Room again: the next save goes back to sync and removes the stale local copy.
    await page.evaluate(async () => {
      const all = await chrome.storage.sync.get(null);
      await chrome.storage.sync.remove(Object.keys(all).filter((k) => k.startsWith('test.filler.')));
    });
    const back = await save(text2000);
    assert.equal(back.area, 'sync');
    assert.equal(back.fellBack, false);
    assert.deepEqual(ours(await dump('local')), []);
    loaded = await loadFresh();
    assert.equal(loaded.area, 'sync');
    assert.equal(loaded.text, text2000);
  });

  test('old and new copies do not fit in sync together: the save still ends in sync', async () => {
    // 2,000 profiles take more than half of storage.sync, so the new generation cannot be
    // written beside the old one; the store parks it in local, frees sync, and moves it back.
    await save(text2000);
    const next = profilesIni(2000, { seed: 77 });
    const saved = await save(next);
    assert.equal(saved.area, 'sync');
    assert.deepEqual(ours(await dump('local')), []);
    assert.equal((await loadFresh()).text, next);
  });

  test('a save that neither area accepts rejects and the previous profiles are intact', async () => {
    const small = profilesIni(20, { seed: 13 });
    await save(small);
    await fillSync(2_000);
    // About 4.5 million random CJK characters: incompressible enough to exceed storage.local's
    // 10 MB after compression and base64 (the real quota refuses it).
    const outcome = await page.evaluate(async () => {
      const random = new Uint16Array(4_500_000);
      for (let i = 0; i < random.length; i += 32_768) crypto.getRandomValues(random.subarray(i, i + 32_768));
      let huge = '';
      for (let i = 0; i < random.length; i += 65_536) {
        huge += String.fromCharCode(...Array.from(random.subarray(i, i + 65_536), (v) => 0x4e00 + (v % 20_000)));
      }
      const store = await import(chrome.runtime.getURL('shared/profile-store.js'));
      return store.saveProfilesText(huge).then(
        () => ({ rejected: false, code: '', message: '' }),
        (/** @type {any} */ e) => ({ rejected: true, code: e.code, message: e.message }),
      );
    });
    assert.equal(outcome.rejected, true);
    assert.equal(outcome.code, 'save-failed');
    assert.match(outcome.message, /storage\.sync: .*quota.*storage\.local: .*quota.*unchanged/is);
    const loaded = await loadFresh();
    assert.equal(loaded.area, 'sync');
    assert.equal(loaded.text, small);
    assert.deepEqual(ours(await dump('local')), [], 'no partial copy left in local');
  });

  test('inconsistent chunks fail the integrity check with a clear error, shown by the options page', async () => {
    await save(profilesIni(400));
    const meta = (await dump('sync'))['rolehop.profiles.meta'];
    assert.ok(meta.chunks >= 2);
    const key = `rolehop.profiles.${meta.generation}.1`;
    // A chunk from another save: same length, different content.
    await page.evaluate(async (k) => {
      const value = /** @type {string} */ ((await chrome.storage.sync.get(k))[k]);
      await chrome.storage.sync.set({ [k]: `${value.slice(0, -8)}AAAAAAAA` });
    }, key);
    const loaded = await loadFresh();
    assert.equal(loaded.ok, false);
    assert.equal(loaded.code, 'integrity');
    assert.match(loaded.message, /fail the integrity check: expected \d+ bytes with SHA-256 [0-9a-f]{64}, read \d+ bytes/);

    const options = await browser.openPage('options/options.html');
    const banner = options.locator('#load-error');
    await banner.waitFor();
    assert.match(await banner.innerText(), /integrity check/);
    await options.close();

    await page.evaluate((k) => chrome.storage.sync.remove(k), key);
    const missing = await loadFresh();
    assert.match(missing.message, /incomplete: chunk 1 of \d+ is missing/);
  });

  test('no console errors or uncaught errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
