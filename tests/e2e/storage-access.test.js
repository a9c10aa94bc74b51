// Content scripts cannot touch storage (DESIGN decision 5), in the shipped dist/chromium: the
// service worker closes storage.local and storage.sync to them (setAccessLevel TRUSTED_CONTEXTS)
// when it starts. Code run in RoleHop's own isolated world on a console page, as a content script
// (or a compromised renderer running as one) would run it, can neither read nor write either
// area, and what RoleHop stored (profiles, settings) is unchanged afterwards. The RAM console
// panel, which used to keep its collapsed state in storage.local, gets it from the worker.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useFixtureServer } from './harness.js';
import { startConsoleFixtures } from '../fixtures/console/server.js';
import { controlPage, evaluateInContentWorld, loadProfiles, saveProfiles, waitForValue } from './content-helpers.js';

const PROFILES = '[profile acme-prod]\nrole_arn = acs:ram::1746000000000001:role/admin-oss\ndisplay_name = Acme production\n';

describe('storage is closed to content scripts (Chromium)', () => {
  /** @type {import('./harness.js').ExtensionBrowser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let control;
  /** @type {(url: string) => Promise<import('playwright-core').Page>} */
  let open;

  useFixtureServer(startConsoleFixtures, async (env) => {
    ({ browser, open } = env);
    control = await controlPage(browser);
    await saveProfiles(control, PROFILES);
    await control.evaluate(async (path) => {
      /** @type {typeof import('../../extension/shared/settings.js')} */
      const settings = await import(path);
      await settings.saveSettings({ autoSubmit: false });
    }, '/shared/settings.js');
  });

  /** Everything both areas hold, read from an extension page. */
  const stored = () => control.evaluate(async () => ({ sync: await chrome.storage.sync.get(null), local: await chrome.storage.local.get(null) }));

  test('in the content-script world on a console page, get, set, remove and clear of local and sync are refused; nothing changes', async () => {
    const before = await stored();
    assert.ok(Object.keys(before.sync).includes('rolehop.profiles.meta'), 'the profiles are in storage.sync');
    const page = await open('https://home.console.aliyun.com/');
    // The console's content script is there (the badge's isolated world) before anything is tried.
    const tried = await waitForValue(
      () => evaluateInContentWorld(page, browser.extensionId, `(async () => {
        const out = {};
        const attempt = async (name, call) => {
          try { await call(); out[name] = 'allowed'; } catch (e) { out[name] = e.message; }
        };
        for (const area of ['local', 'sync']) {
          await attempt(area + '.get', () => chrome.storage[area].get(null));
          await attempt(area + '.set', () => chrome.storage[area].set({ 'rolehop.settings': { defaultSite: 'cn', autoSubmit: true, language: 'auto' }, 'rolehop.profiles.meta': { evil: true } }));
          await attempt(area + '.remove', () => chrome.storage[area].remove(['rolehop.settings', 'rolehop.profiles.meta']));
          await attempt(area + '.clear', () => chrome.storage[area].clear());
        }
        return out;
      })()`),
      (r) => r !== null,
      { what: "RoleHop's isolated world on the console page" },
    );
    const refused = 'Access to storage is not allowed from this context.';
    assert.deepEqual(tried?.value, Object.fromEntries(
      ['local', 'sync'].flatMap((area) => ['get', 'set', 'remove', 'clear'].map((call) => [`${area}.${call}`, refused])),
    ));
    assert.deepEqual(await stored(), before, 'both areas are exactly as before');
    assert.equal(await loadProfiles(control), PROFILES);
    await page.close();
  });

  test('no console errors or uncaught errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
