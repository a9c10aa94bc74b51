// The popup's parsed profiles across a browser restart: storage.session starts empty with the
// browser, and the service worker makes the entry again at start (background/parse-warmer.js), so
// the first open of the popup after a restart takes it instead of parsing 2,000 profiles. The
// profiles are saved through the extension's own store; the browser profile is kept on disk
// between the two launches.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { launchExtension } from './harness.js';
import { profilesIni } from '../lib/profiles.js';

const KEY = 'rolehop.parsedProfiles';
const userDataDir = mkdtempSync(join(tmpdir(), 'rolehop-restart-'));
after(() => rmSync(userDataDir, { recursive: true, force: true }));

/**
 * The cached parse in storage.session once it names the stored copy (polled: the worker writes it
 * in the background); its profile count and SHA-256.
 * @param {import('./harness.js').ExtensionBrowser} browser
 */
async function entryForStoredCopy(browser) {
  const until = Date.now() + 15_000;
  for (;;) {
    const found = await browser.worker.evaluate(async (key) => {
      const [session, sync] = await Promise.all([chrome.storage.session.get(key), chrome.storage.sync.get('rolehop.profiles.meta')]);
      const entry = /** @type {any} */ (session[key]);
      const meta = /** @type {any} */ (sync['rolehop.profiles.meta']);
      return entry && meta && entry.sha256 === meta.sha256 ? { sha256: entry.sha256, count: JSON.parse(entry.profiles).length } : null;
    }, KEY);
    if (found) return found;
    if (Date.now() > until) throw new Error('the service worker did not make the cached parse of the stored copy');
    await new Promise((resolve) => setTimeout(resolve, 50)); // polls a condition, bounded
  }
}

describe('the cached parse across a browser restart', () => {
  test('storage.session starts empty; the worker makes the entry at start; the first popup open takes it', async () => {
    const first = await launchExtension({ userDataDir });
    let saved;
    try {
      const page = await first.openPage('options/options.html');
      await page.evaluate(async (text) => {
        const store = await import(chrome.runtime.getURL('shared/profile-store.js'));
        await store.saveProfilesText(text);
      }, profilesIni(2000, { seed: 5 }));
      saved = await entryForStoredCopy(first);
      assert.equal(saved.count, 2000);
    } finally {
      await first.close();
    }

    const second = await launchExtension({ userDataDir });
    try {
      assert.deepEqual(await entryForStoredCopy(second), saved, 'made again at start, with no page open');
      const popup = await second.context.newPage();
      await popup.goto(second.url('popup/popup.html'));
      await popup.waitForFunction(() => performance.getEntriesByName('rolehop:popup-ready').length > 0);
      const cached = await popup.evaluate(() => /** @type {any} */ (performance.getEntriesByName('rolehop:parsed')[0])?.detail?.cached);
      assert.equal(cached, true);
      assert.equal(await popup.locator('#result-count').textContent(), '2000 profiles shown.');
      assert.deepEqual(second.errors, []);
    } finally {
      await second.close();
    }
  });
});
