// The options page and the profile store of the shipped dist/firefox in real Firefox ESR:
// 2,000 profiles saved through the editor into Firefox's storage.sync (compressed, chunked under
// its quotas, the same 100 KB / 8 KB / 512 items as Chrome's), the popup listing and searching
// them, a fix from the error list and a save with errors, and the fallback to storage.local when
// Firefox's own sync quota refuses the write.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchFirefoxExtension } from './firefox-harness.js';
import { profilesIni } from '../lib/profiles.js';

/** Page-side helpers (run in Marionette's sandbox; `page` is the page's window). */
const WAIT = `const waitFor = async (check, what) => {
  const until = Date.now() + 15000;
  for (;;) { const v = await check(); if (v) return v; if (Date.now() > until) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 50)); } };`;

/** Puts `args[0]` in the editor, saves with the button, returns the save status. */
const SAVE_THROUGH_EDITOR = `${WAIT}
  const doc = page.document;
  await waitFor(() => doc.body.dataset.ready === 'true', 'the options page');
  const editor = doc.getElementById('ini');
  editor.value = args[0];
  editor.dispatchEvent(new page.Event('input', { bubbles: true }));
  const save = doc.getElementById('save');
  await waitFor(() => !save.disabled, 'Save to be enabled');
  save.click();
  const status = doc.getElementById('save-status');
  await waitFor(() => status.dataset.area && status.dataset.result !== 'info', 'the save');
  return { area: status.dataset.area, reason: status.dataset.reason ?? '', text: status.textContent };`;

/** @param {'sync' | 'local'} area */
const DUMP = (area) => `return JSON.stringify(await page.chrome.storage.${area}.get(null));`;

describe('Firefox: options page and profile storage', () => {
  /** @type {import('./firefox-harness.js').FirefoxExtension} */
  let firefox;
  const text = profilesIni(2000);

  before(async () => {
    firefox = await launchFirefoxExtension();
    await firefox.openPage('options/options.html');
  });
  after(async () => {
    await firefox?.close();
  });

  test('2,000 profiles saved from the editor land in storage.sync, compressed and chunked under its quotas', async () => {
    const status = await firefox.evaluate(SAVE_THROUGH_EDITOR, text);
    assert.equal(status.area, 'sync', status.text);
    const sync = JSON.parse(await firefox.evaluate(DUMP('sync')));
    const meta = sync['rolehop.profiles.meta'];
    assert.equal(meta.area, 'sync');
    let stored = 0;
    for (const [key, value] of Object.entries(sync)) {
      const bytes = Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value));
      assert.ok(bytes <= 8000, `${key}: ${bytes} bytes`);
      stored += bytes;
    }
    assert.ok(stored * 4 < text.length, `${text.length} bytes of INI in ${stored} bytes`);

    // A fresh page loads the same text back into the editor. (A distinct URL, so the harness
    // waits for the new document rather than finding the old one, which has the same URL.)
    await firefox.openPage('options/options.html?reopened=1');
    const loaded = await firefox.evaluate(`${WAIT}
      await waitFor(() => page.document.body.dataset.ready === 'true', 'the options page');
      return page.document.getElementById('ini').value;`);
    assert.equal(loaded, text);
  });

  test('the popup lists those 2,000 profiles from the parse the save left, and searches them', async () => {
    await firefox.openPage('popup/popup.html');
    const shown = await firefox.evaluate(`${WAIT}
      const doc = page.document;
      await waitFor(() => page.performance.getEntriesByName('rolehop:popup-ready').length, 'the popup list');
      const parsed = page.performance.getEntriesByName('rolehop:parsed')[0];
      const names = () => [...doc.querySelectorAll('#results [role="option"] .name')].map((el) => el.textContent);
      const all = { count: doc.getElementById('result-count').textContent, names: names(),
                    cached: JSON.parse(page.JSON.stringify(parsed.detail)).cached };
      const search = doc.getElementById('search');
      search.value = 'initech dev 5';
      search.dispatchEvent(new page.InputEvent('input', { bubbles: true, inputType: 'insertText', data: '5' }));
      return { ...all, found: { count: doc.getElementById('result-count').textContent, names: names() } };`);
    assert.equal(shown.cached, true, 'the options page left its parse for the popup');
    assert.equal(shown.count, 'Profiles shown: 2000');
    assert.ok(shown.names.length > 5 && shown.names.length < 100, `a virtual list: ${shown.names.length} rows in the DOM`);
    const found = Number(/^Profiles shown: (\d+)$/.exec(shown.found.count)?.[1]);
    assert.ok(found > 0 && found < 2000, shown.found.count);
    assert.match(shown.found.names[0], /^Initech dev 5\b/, shown.found.names.join(', '));
  });

  test('a fix applies as an edit, and a text with errors saves and comes back as typed', async () => {
    await firefox.openPage('options/options.html?step=fix');
    const typed = '[profile acme]\naccount = acme\nrolename = admin-oss\n\n[profile broken]\naccount = 12\nrole_name = ops\n';
    const result = await firefox.evaluate(`${WAIT}
      const doc = page.document;
      await waitFor(() => doc.body.dataset.ready === 'true', 'the options page');
      const editor = doc.getElementById('ini');
      editor.value = args[0];
      editor.dispatchEvent(new page.Event('input', { bubbles: true }));
      const fix = await waitFor(() => doc.querySelector('#editor-errors button.fix'), 'the fix button');
      fix.click();
      await waitFor(() => doc.querySelectorAll('#editor-errors li').length === 1, 'one error left');
      const save = doc.getElementById('save');
      await waitFor(() => !save.disabled, 'Save to be enabled');
      save.click();
      const status = doc.getElementById('save-status');
      await waitFor(() => status.dataset.area, 'the save');
      return { text: editor.value, skipped: status.dataset.skipped,
               preview: [...doc.querySelectorAll('#preview tr[data-profile-id]')].map((tr) => tr.dataset.profileId) };`, typed);
    const fixed = typed.replace('rolename', 'role_name');
    assert.deepEqual(result, { text: fixed, skipped: '1', preview: ['acme'] });
    await firefox.openPage('options/options.html?step=fix-reopened');
    const loaded = await firefox.evaluate(`${WAIT}
      await waitFor(() => page.document.body.dataset.ready === 'true', 'the options page');
      return page.document.getElementById('ini').value;`);
    assert.equal(loaded, fixed);
  });

  test("Firefox's sync quota error moves the profiles to storage.local, nothing lost", async () => {
    // A small set first, so that sync is full even once the old copy is removed.
    await firefox.openPage('options/options.html?step=small');
    assert.equal((await firefox.evaluate(SAVE_THROUGH_EDITOR, profilesIni(5, { seed: 3 }))).area, 'sync');
    // Items are built in the page's compartment (page.JSON) so Firefox's storage can read them.
    const filled = await firefox.evaluate(`let i = 0;
      for (;;) {
        const item = page.JSON.parse(JSON.stringify({ ['test.filler.' + i++]: 'f'.repeat(7990) }));
        try { await page.chrome.storage.sync.set(item); } catch (e) { return { items: i - 1, error: String(e) }; }
      }`);
    assert.match(filled.error, /quota/i, 'the browser refused a write for its quota');
    const next = profilesIni(2000, { seed: 8 });
    const status = await firefox.evaluate(SAVE_THROUGH_EDITOR, next);
    assert.deepEqual([status.area, status.reason], ['local', 'sync-full'], status.text);
    const local = JSON.parse(await firefox.evaluate(DUMP('local')));
    assert.equal(local['rolehop.profiles.meta'].area, 'local');
    const sync = JSON.parse(await firefox.evaluate(DUMP('sync')));
    assert.deepEqual(Object.keys(sync).filter((k) => k.startsWith('rolehop.profiles.')), []);

    await firefox.openPage('options/options.html?reopened=2');
    const loaded = await firefox.evaluate(`${WAIT}
      await waitFor(() => page.document.body.dataset.ready === 'true', 'the options page');
      return page.document.getElementById('ini').value;`);
    assert.equal(loaded, next);
  });
});
