// Tamper evidence in the shipped dist/firefox, in real Firefox ESR (which has no setAccessLevel
// for storage.local and storage.sync, so content scripts can write them). Code run in RoleHop's
// content-script world on a console page, as a compromised renderer would run it, rewrites
// storage.sync: the profiles (same display name, another account; the old chunks removed) and
// the settings (auto-submit on, which the user had turned off); and storage.local: the workbench's values (B's account UID,
// which the RAM console panel tells A to trust). The worker, the popup and the options page keep
// using the last good copies (auto-submit stays off), the options page says what changed and
// when, in English (the Chinese texts exist), and Keep mine and Accept the changed copy both work,
// nothing lost.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { launchFirefoxExtension } from './firefox-harness.js';
import { waitInPage } from './firefox-page.js';
import { messageCatalog, msg } from './harness.js';
import { startConnectProxy } from '../lib/connect-proxy.js';
import { CONSOLE_HOSTS, SIGNIN_HOSTS, startConsoleFixtures } from '../fixtures/console/server.js';
import { switchRoleUrl } from './content-helpers.js';

const MINE = '[profile acme-prod]\nrole_arn = acs:ram::1746000000000001:role/admin-oss\ndisplay_name = Acme production\n';
const THEIRS = '[profile acme-prod]\nrole_arn = acs:ram::1999000000000009:role/admin-oss\ndisplay_name = Acme production\n';
const EN = messageCatalog('en');
const ZH = messageCatalog('zh_CN');

/** The profiles as the store lays them out: one chunk and a pointer, without a tag. @param {string} text */
function untaggedProfiles(text) {
  const payload = deflateRawSync(Buffer.from(text)).toString('base64');
  return {
    'rolehop.profiles.evil0001.0': payload,
    'rolehop.profiles.meta': {
      generation: 'evil0001', chunks: 1, bytes: payload.length, sha256: createHash('sha256').update(payload).digest('hex'),
      area: 'sync', savedAt: Date.now() + 60_000,
    },
  };
}

/** Page-side: wait for a condition (Marionette's sandbox; `page` is the page's window). Up to 18 s (Marionette allows 20):
 * the options page compiles the wasm core, slow on a loaded machine. */
const WAIT = `const waitFor = async (check, what) => {
  const until = Date.now() + 18000;
  for (;;) { const v = await check(); if (v) return v; if (Date.now() > until) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 50)); } };`;

describe('Firefox: what content scripts write to storage is never trusted', () => {
  /** @type {import('../lib/https-server.js').HttpsServer} */
  let server;
  /** @type {import('../lib/connect-proxy.js').ConnectProxy} */
  let proxy;
  /** @type {import('./firefox-harness.js').FirefoxExtension} */
  let firefox;
  let reopened = 0;

  before(async () => {
    server = await startConsoleFixtures();
    proxy = await startConnectProxy({ hosts: [...SIGNIN_HOSTS, ...CONSOLE_HOSTS], targetPort: server.port });
    firefox = await launchFirefoxExtension({ prefs: proxy.firefoxPrefs, acceptInsecureCerts: true });
  });
  after(async () => {
    await firefox?.close();
    await proxy?.close();
    await server?.close();
  });

  /** Opens the options page afresh and waits until it is ready (notices shown). */
  async function openOptions() {
    await firefox.openPage(`options/options.html?open=${++reopened}`);
    await firefox.evaluate(`${WAIT} await waitFor(() => page.document.body.dataset.ready === 'true', 'the options page');`);
  }

  /** What the options page shows: the editor, the auto-submit box, the notices. */
  const optionsState = () => firefox.evaluate(`const doc = page.document;
    return {
      text: doc.getElementById('ini').value,
      autoSubmit: doc.getElementById('setting-auto-submit').checked,
      shown: !doc.getElementById('trust-notices').hidden,
      notices: [...doc.querySelectorAll('.trust-notice:not([data-resolved])')].map((n) => ({
        item: n.dataset.item, what: n.querySelector('.what').textContent,
        changes: [...n.querySelectorAll('.changes li')].map((li) => li.textContent),
        accept: !n.querySelector('[data-choice="accept"]').disabled,
      })),
    };`);

  /** Clicks `choice` on the notice for `item` and returns its status text. @param {string} item @param {'keep' | 'accept'} choice */
  const decide = (item, choice) => firefox.evaluate(`${WAIT}
    const notice = page.document.querySelector('.trust-notice[data-item="' + args[0] + '"]');
    notice.querySelector('[data-choice="' + args[1] + '"]').click();
    const status = notice.querySelector('.status');
    await waitFor(() => status.dataset.result, 'the decision');
    return { result: status.dataset.result, text: status.textContent };`, item, choice);

  /** Runs `body` in RoleHop's content-script world on a console page. @param {string} body @param {...unknown} args */
  async function inConsoleContentScript(body, ...args) {
    await firefox.navigate(`https://home.console.aliyun.com/?uid=1746000000000001&nav=admin-oss/alice&n=${++reopened}`);
    await waitInPage(firefox, `return document.querySelector('[data-rolehop="identity-badge"]') ? true : null;`);
    return firefox.evaluateInContentScript(body, ...args);
  }

  /** The worker's switch.context answer for a switch recorded by RoleHop for this tab (asked from the Switch Role page's content script). */
  async function workerAutoSubmit() {
    await firefox.openPage('popup/popup.html');
    const marker = await firefox.evaluate(`const chrome = page.chrome;
      const tab = await chrome.tabs.getCurrent();
      const record = page.JSON.parse(args[0]);
      record.tabId = tab.id;
      record.createdAt = Date.now();
      await chrome.storage.session.set({ 'rolehop.pendingSwitches': new page.Array(record) });
      return record.marker;`,
    JSON.stringify({ marker: `m${reopened}`.padEnd(32, 'x'), parentAlias: 'other-alias', roleName: 'other-role', site: 'cn', profileId: 'acme-prod', displayName: 'Acme production' }));
    // The page itself is for another switch (no marker): nothing is taken by the page's own script.
    await firefox.navigate(switchRoleUrl({ fixture: 'en', parentAlias: 'acme-prod', roleName: 'admin-oss' }));
    await waitInPage(firefox, `return document.querySelector('[data-rolehop="switch-banner"]') ? true : null;`);
    return firefox.evaluateInContentScript(
      `return await browser.runtime.sendMessage({ type: 'switch.context', marker: args[0], parentAlias: 'other-alias', roleName: 'other-role' });`,
      marker,
    );
  }

  /** B's account UID in the RAM console panel's context (the worker's answer to the panel's content script). */
  async function panelAccountB() {
    await firefox.navigate(`https://ram.console.aliyun.com/roles/create?n=${++reopened}`);
    await waitInPage(firefox, `return document.querySelector('[data-rolehop="ram-helper"]') ? true : null;`);
    const context = await firefox.evaluateInContentScript(`return await browser.runtime.sendMessage({ type: 'ramHelper.context', path: '/roles/create' });`);
    return context.step?.values?.map((/** @type {{value: string}} */ v) => v.value).filter((/** @type {string} */ v) => /^\d{16}$/.test(v)) ?? context;
  }

  test('Firefox gives content scripts storage.sync (the reason for tags); the good profiles, settings and workbench values are saved from RoleHop\'s pages', async () => {
    await firefox.openPage('workbench/workbench.html');
    await firefox.evaluate(`${WAIT}
      await waitFor(() => page.document.body.dataset.ready === 'true', 'the workbench');
      const set = (id, value) => { const el = page.document.getElementById(id); el.value = value; el.dispatchEvent(new page.Event('input')); };
      set('input-accountAUid', '1746000000000001');
      set('input-accountBUid', '1999000000000002');
      set('input-userName', 'alice');
      await waitFor(async () => (await page.chrome.storage.local.get('rolehop.workbench'))['rolehop.workbench']?.inputs?.userName === 'alice', 'the saved values');`);
    assert.deepEqual(await panelAccountB(), ['1999000000000002']);
    await openOptions();
    const saved = await firefox.evaluate(`${WAIT}
      const doc = page.document;
      const editor = doc.getElementById('ini');
      editor.value = args[0];
      editor.dispatchEvent(new page.Event('input', { bubbles: true }));
      const save = doc.getElementById('save');
      await waitFor(() => !save.disabled, 'Save to be enabled');
      save.click();
      const status = doc.getElementById('save-status');
      await waitFor(() => status.dataset.area && status.dataset.result !== 'info', 'the save');
      return status.dataset.area;`, MINE);
    assert.equal(saved, 'sync');
    // The user turns auto-submit off (on by default): the good settings the attack below turns on again.
    const settingsSaved = await firefox.evaluate(`${WAIT}
      const doc = page.document;
      const box = doc.getElementById('setting-auto-submit');
      if (box.checked) box.click();
      const status = doc.getElementById('settings-status');
      await waitFor(() => status.dataset.result === 'pass', 'the settings saved');
      return (await page.chrome.storage.sync.get('rolehop.settings'))['rolehop.settings'].autoSubmit;`);
    assert.equal(settingsSaved, false);
    const seen = await inConsoleContentScript(`return { setAccessLevel: typeof browser.storage.sync.setAccessLevel, keys: Object.keys(await browser.storage.sync.get(null)) };`);
    assert.equal(seen.setAccessLevel, 'undefined');
    assert.ok(seen.keys.includes('rolehop.profiles.meta'), JSON.stringify(seen));
  });

  test('a content script rewrites the profiles, turns auto-submit on and changes B\'s account UID: the worker, the popup and the options page keep the good copies', async () => {
    const wrote = await inConsoleContentScript(`
      const all = await browser.storage.sync.get(null);
      await browser.storage.sync.remove(Object.keys(all).filter((k) => k.startsWith('rolehop.profiles.')));
      await browser.storage.sync.set(JSON.parse(args[0]));
      await browser.storage.sync.set({ 'rolehop.settings': { defaultSite: 'cn', autoSubmit: true, language: 'auto' } });
      const progress = (await browser.storage.local.get('rolehop.workbench'))['rolehop.workbench'];
      progress.inputs.accountBUid = '1666000000000006';
      await browser.storage.local.set({ 'rolehop.workbench': progress });
      return Object.keys(await browser.storage.sync.get(null)).sort();`, JSON.stringify(untaggedProfiles(THEIRS)));
    assert.deepEqual(wrote, ['rolehop.profiles.evil0001.0', 'rolehop.profiles.meta', 'rolehop.settings']);

    // The worker: the RAM console panel still gets B's good account UID.
    assert.deepEqual(await panelAccountB(), ['1999000000000002']);

    // The worker: auto-submit stays off for a switch RoleHop recorded.
    const context = await workerAutoSubmit();
    assert.deepEqual(context, { fromRoleHop: true, autoSubmit: false, profile: { id: 'acme-prod', displayName: 'Acme production' } });

    // The popup: the good account.
    await firefox.openPage('popup/popup.html');
    const rows = await firefox.evaluate(`${WAIT}
      await waitFor(() => page.performance.getEntriesByName('rolehop:popup-ready').length, 'the popup list');
      return [...page.document.querySelectorAll('#results [role="option"]')].map((el) => el.textContent);`);
    assert.equal(rows.length, 1);
    assert.match(rows[0], /1746000000000001/);
    assert.doesNotMatch(rows[0], /1999000000000009/);

    // The options page: the good text and settings, and what changed, in English.
    await openOptions();
    const state = await optionsState();
    assert.equal(state.text, MINE);
    assert.equal(state.autoSubmit, false);
    assert.equal(state.shown, true);
    const byItem = Object.fromEntries(state.notices.map((/** @type {any} */ n) => [n.item, n]));
    assert.deepEqual(Object.keys(byItem).sort(), ['profiles', 'settings', 'workbench']);
    assert.deepEqual(byItem.workbench.changes, [`${msg(EN, 'workbenchField_accountBUid')}: 1999000000000002 → 1666000000000006.`]);
    const noticed = /\(noticed (.+)\)/;
    assert.ok(byItem.profiles.what.startsWith(msg(EN, 'trustNoticeProfiles').split(' (noticed')[0]), byItem.profiles.what);
    assert.match(byItem.profiles.what, noticed);
    assert.deepEqual(byItem.profiles.changes, [
      'Profile acme-prod, account: 1746000000000001 → 1999000000000009.',
    ]);
    assert.deepEqual(byItem.settings.changes, ['Submit the Switch Role form automatically: Off → On.']);
    assert.equal(byItem.profiles.accept, true, 'the changed text was kept, so it can be accepted');
    // The Chinese texts exist (and are not the English ones).
    for (const key of ['trustNoticesHeading', 'trustNoticeProfiles', 'trustNoticeSettings', 'trustNoticeHint', 'trustKeepMine', 'trustAcceptChanged', 'trustProfileChanged']) {
      assert.ok(msg(ZH, key) && msg(ZH, key) !== msg(EN, key), key);
    }
  });

  test('Keep mine writes the good profiles and workbench values back, tagged; Accept the changed copy makes the changed settings the user\'s', async () => {
    assert.deepEqual(await decide('profiles', 'keep'), { result: 'pass', text: msg(EN, 'trustKept') });
    assert.deepEqual(await decide('settings', 'accept'), { result: 'pass', text: msg(EN, 'trustAccepted') });
    assert.deepEqual(await decide('workbench', 'keep'), { result: 'pass', text: msg(EN, 'trustKept') });
    let state = await optionsState();
    assert.equal(state.autoSubmit, true, 'the form shows the accepted settings');
    await openOptions();
    state = await optionsState();
    assert.deepEqual([state.text, state.autoSubmit, state.shown, state.notices], [MINE, true, false, []]);
    const stored = JSON.parse(await firefox.evaluate(`return JSON.stringify(await page.chrome.storage.sync.get(null));`));
    assert.equal(typeof stored['rolehop.profiles.meta'].rolehopTag?.mac, 'string', 'the pointer is tagged');
    assert.equal(stored['rolehop.settings'].autoSubmit, true);
    assert.equal(typeof stored['rolehop.settings'].rolehopTag?.mac, 'string', 'the settings are tagged');
    const local = JSON.parse(await firefox.evaluate(`return JSON.stringify(await page.chrome.storage.local.get('rolehop.workbench'));`));
    assert.equal(local['rolehop.workbench'].inputs.accountBUid, '1999000000000002', 'the good values are stored again');
    assert.equal((await workerAutoSubmit()).autoSubmit, true, 'the worker follows the accepted settings');
    assert.deepEqual(await panelAccountB(), ['1999000000000002']);
  });

  test('a second rewrite of the profiles, accepted: the changed text becomes the user\'s', async () => {
    await inConsoleContentScript(`await browser.storage.sync.set(JSON.parse(args[0])); return true;`, JSON.stringify(untaggedProfiles(THEIRS)));
    await openOptions();
    const before = await optionsState();
    assert.equal(before.text, MINE);
    assert.deepEqual(before.notices.map((/** @type {any} */ n) => n.item), ['profiles']);
    assert.deepEqual(await decide('profiles', 'accept'), { result: 'pass', text: msg(EN, 'trustAccepted') });
    await openOptions();
    const after = await optionsState();
    assert.deepEqual([after.text, after.notices], [THEIRS, []]);
  });

  test('identity.lookup in Firefox: a console page is answered about its own identity only (Firefox gives documentId)', async () => {
    // The profiles are now the accepted ones: acme-prod is account 1999000000000009.
    await firefox.navigate(`https://oss.console.aliyun.com/overview?uid=1999000000000009&nav=admin-oss/alice&n=${++reopened}`);
    await waitInPage(firefox, `return document.querySelector('[data-rolehop="identity-badge"]') ? true : null;`);
    /** @param {string} accountUid */
    const lookUp = (accountUid) => firefox.evaluateInContentScript(
      `return await browser.runtime.sendMessage({ type: 'identity.lookup', accountUid: args[0], roleName: 'admin-oss' });`, accountUid);
    assert.deepEqual(await lookUp('1999000000000009'), { profile: { id: 'acme-prod', displayName: 'Acme production' } });
    const other = await lookUp('1746000000000001');
    assert.equal(other?.error?.kind, 'not-allowed', JSON.stringify(other));
    assert.deepEqual(await lookUp('1999000000000009'), { profile: { id: 'acme-prod', displayName: 'Acme production' } });
  });
});
