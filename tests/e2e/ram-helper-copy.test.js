// The RAM console panel's copy buttons (issue 10, item 4) in the shipped dist/chromium: the service
// worker copies the value it gave the panel (an offscreen document; background/clipboard.js), so a
// page that forbids the Clipboard API (`Permissions-Policy: clipboard-write=()`) and listens for
// copy events to read and replace what is copied (tests/fixtures/ram-console/copy-thief.js) sees no
// event and cannot change it; where the worker will not copy, the value is shown selected to copy
// with Ctrl+C, and the panel says so; the worker copies only the values of the asking page's context
// (by copy id), for the tab in front, one at a time; screenshots of both states.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DIST, fill, messageCatalog, msg, screenshotElement, useFixtureServer } from './harness.js';
import { startRamConsoleFixtures } from '../fixtures/ram-console/server.js';
import { controlPage, evaluateInContentWorld, trustedClick, waitForValue } from './content-helpers.js';
import { panelWhen, RAM_TUTORIAL } from './ram-panel-helpers.js';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./ram-panel-helpers.js').PanelSeen} PanelSeen */

const { B, RAM, BASE_INPUTS } = RAM_TUTORIAL;
/** The Create Role page of a page that forbids the Clipboard API and listens for copy events. */
const HOSTILE = `${RAM}/roles/create?clipboard=denied&thief=1`;
const COPY_EVENTS = ['beforecopy', 'copy', 'cut'];

/** What the hostile page recorded. @param {Page} page @returns {Promise<Array<{type: string, selection: string}>>} */
const pageEvents = (page) => page.evaluate(() => /** @type {any} */ (window).fixtureCopyEvents);
/** @param {Page} page */
const clipboardText = (page) => page.evaluate(() => navigator.clipboard.readText());

/**
 * The panel on the hostile Create Role page, with the workbench's values saved first.
 * @param {Page} control @param {(url: string) => Promise<Page>} open
 */
async function hostilePage(control, open) {
  await control.evaluate(async (inputs) => {
    await chrome.storage.local.set({ 'rolehop.workbench': { audience: 'a', inputs, done: {} } });
  }, BASE_INPUTS);
  const page = await open(HOSTILE);
  const panel = await panelWhen(page, (p) => p.section['data-step'] === 'a-create-role', 'the create-role step');
  return { page, panel };
}

/** @param {PanelSeen} panel @param {string} text */
const valueButton = (panel, text) => /** @type {{copy: number}} */ (panel.values.find((v) => v.text === text)).copy;

/**
 * Puts `text` on the clipboard from a page without the policy (so a copy that does not happen
 * cannot pass for one that did).
 * @param {(url: string) => Promise<Page>} open @param {string} text
 */
async function setClipboard(open, text) {
  const page = await open(`${RAM}/overview`);
  await page.bringToFront();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.close();
}

describe('RAM panel copy buttons: RoleHop copies, the page sees nothing', () => {
  /** @type {import('./harness.js').ExtensionBrowser} */
  let browser;
  /** @type {Page} */
  let control;
  /** @type {(url: string) => Promise<Page>} */
  let open;
  const en = messageCatalog('en', { resolvePlaceholders: true });

  useFixtureServer(startRamConsoleFixtures, async (env) => {
    ({ browser, open } = env);
    control = await controlPage(browser);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: RAM });
  });

  test('a page that forbids the Clipboard API and listens for copy: RoleHop\'s values on the clipboard, no copy event', async () => {
    const { page, panel } = await hostilePage(control, open);
    // The policy is in force: the page's own Clipboard API calls are refused.
    assert.equal(await page.evaluate(() => navigator.clipboard.writeText('x').then(() => 'written', (e) => e.name)), 'NotAllowedError');
    await setClipboard(open, 'before');
    await page.bringToFront();
    await trustedClick(page, valueButton(panel, B));
    const copied = await panelWhen(page, (p) => p.ui.elements.some((e) => e.attributes['data-copied'] === 'true'), 'the copied mark');
    assert.match(copied.text, /Copied/);
    assert.equal(await waitForValue(() => clipboardText(page), (t) => t !== 'before', { what: 'the clipboard after the click' }), B);
    // The trust policy document (long, several lines), the same way.
    await trustedClick(page, copied.policies[0].copy);
    const policy = await waitForValue(() => clipboardText(page), (t) => t.includes('"Statement"'), { what: 'the trust policy on the clipboard' });
    assert.deepEqual(JSON.parse(policy).Statement[0].Principal, { RAM: [`acs:ram::${B}:root`] });
    // Nothing happened in the page: no copy event, not even a selection it could read.
    assert.deepEqual(await pageEvents(page), []);
    assert.equal(copied.manual, null);
    await page.close();
  });

  test('where RoleHop may not copy (a click in a tab that is not in front): the value shown selected, Ctrl+C copies RoleHop\'s text', async () => {
    const { page, panel } = await hostilePage(control, open);
    await setClipboard(open, 'before');
    const front = await open(`${RAM}/overview`);
    await front.bringToFront();
    await trustedClick(page, valueButton(panel, B));
    const shown = await panelWhen(page, (p) => p.manual !== null, 'the value to copy by hand');
    const label = /** @type {{label: string}} */ (panel.values.find((v) => v.text === B)).label;
    assert.deepEqual(shown.manual, { what: label, text: B, note: fill(msg(en, 'ramHelperCopyManual'), label) });
    assert.ok(shown.ui.elements.some((e) => e.attributes['data-copied'] === 'false' && e.text === msg(en, 'ramHelperCopyFailed')));
    assert.equal(await clipboardText(front), 'before', 'the worker did not copy');
    // RoleHop fired no copy event (the page saw the selection, which is of a value it is shown anyway).
    assert.deepEqual((await pageEvents(page)).filter((e) => COPY_EVENTS.includes(e.type)), []);
    // The person's Ctrl+C: the page's listener sees it and plants its text, RoleHop's box answers it.
    await front.close();
    await page.bringToFront();
    await page.keyboard.press('Control+C');
    await waitForValue(() => clipboardText(page), (t) => t !== 'before', { what: 'the clipboard after Ctrl+C' });
    assert.equal(await clipboardText(page), B);
    assert.deepEqual((await pageEvents(page)).filter((e) => COPY_EVENTS.includes(e.type)).map((e) => e.type), ['beforecopy', 'copy']);
    await page.close();
  });

  test('the worker copies only what the asking page\'s context offers, for the tab in front, one at a time', async () => {
    const { page } = await hostilePage(control, open);
    await page.bringToFront();
    /** @param {Page} from @param {unknown} message */
    const send = async (from, message) =>
      (await evaluateInContentWorld(from, browser.extensionId, `chrome.runtime.sendMessage(${JSON.stringify(message)})`))?.value;
    const context = await send(page, { type: 'ramHelper.context', path: '/roles/create' });
    const bId = context.step.values.find((/** @type {{value: string}} */ v) => v.value === B).copyId;
    await setClipboard(open, 'before');
    await page.bringToFront();
    // A content-script world that sends messages itself (as a page that took it over could):
    // an id no context offers, and an id of another page's context, are not copied.
    assert.deepEqual(await send(page, { type: 'ramHelper.copy', path: '/roles/create', copyId: 'value-00000000' }), { copied: false, reason: 'stale' });
    const users = await send(page, { type: 'ramHelper.context', path: '/users' });
    const userId = users.step.values.find((/** @type {{value: string}} */ v) => v.value === 'alice').copyId;
    assert.deepEqual(await send(page, { type: 'ramHelper.copy', path: '/roles/create', copyId: userId }), { copied: false, reason: 'stale' });
    assert.equal(await clipboardText(page), 'before');
    // Two at once: one is copied, the other refused while the first is under way.
    const both = await evaluateInContentWorld(page, browser.extensionId, `Promise.all([1, 2].map(() =>
      chrome.runtime.sendMessage(${JSON.stringify({ type: 'ramHelper.copy', path: '/roles/create', copyId: bId })})))`);
    assert.deepEqual(both?.value, [{ copied: true }, { copied: false, reason: 'busy' }]);
    // The offscreen document's write reaches the system clipboard a moment after it answers.
    const copied = await waitForValue(() => clipboardText(page), (t) => t !== 'before', { what: 'the clipboard after the copy' });
    assert.equal(copied, B);
    for (const [message, kind] of /** @type {Array<[object, string]>} */ ([
      [{ type: 'ramHelper.copy', path: '/roles/create', copyId: 'anything' }, 'invalid-message'],
      [{ type: 'ramHelper.copy', path: '/roles/create', copyId: bId, text: 'evil' }, 'invalid-message'],
      [{ type: 'ramHelper.copy', path: 'https://evil.example/', copyId: bId }, 'invalid-message'],
      [{ type: 'ramHelper.copy', copyId: bId }, 'invalid-message'],
    ])) {
      assert.equal((await send(page, message))?.error?.kind, kind, JSON.stringify(message));
    }
    // Another console page, and an extension page, may not ask at all.
    const oss = await open('https://oss.console.aliyun.com/overview');
    await oss.waitForLoadState('load');
    assert.equal((await send(oss, { type: 'ramHelper.copy', path: '/roles/create', copyId: bId }))?.error?.kind, 'not-allowed');
    assert.equal((await browser.sendMessage(control, { type: 'ramHelper.copy', path: '/roles/create', copyId: bId })).error.kind, 'not-allowed');
    // A tab that is not in front may not copy.
    await oss.bringToFront();
    await oss.waitForTimeout(300);
    assert.deepEqual(await send(page, { type: 'ramHelper.copy', path: '/roles/create', copyId: bId }), { copied: false, reason: 'not-front-tab' });
    await oss.close();
    await page.close();
  });

  test('install-time warnings: copying through the extension adds only "Modify data you copy and paste"', async () => {
    // Chromium's own answer for the shipped manifest, and for it without the copy permissions.
    const shipped = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
    /** @param {string[]} permissions */
    const warnings = (permissions) => control.evaluate((text) => chrome.management.getPermissionWarningsByManifest(text), JSON.stringify({ ...shipped, permissions }));
    const without = await warnings(shipped.permissions.filter((/** @type {string} */ p) => p !== 'clipboardWrite' && p !== 'offscreen'));
    assert.deepEqual(await warnings(shipped.permissions.filter((/** @type {string} */ p) => p !== 'clipboardWrite')), without, 'offscreen adds no warning');
    assert.deepEqual(await warnings(shipped.permissions), [...without, 'Modify data you copy and paste']);
  });

  test('screenshots: copied and copy-by-hand, 380/800/1280 px, light and dark (English)', async () => {
    await screenshotStates(control, open, 'en');
  });
});

describe('RAM panel copy buttons in Chinese', () => {
  /** @type {Page} */
  let control;
  /** @type {(url: string) => Promise<Page>} */
  let open;
  const zh = messageCatalog('zh_CN', { resolvePlaceholders: true });

  useFixtureServer(startRamConsoleFixtures, async (env) => {
    open = env.open;
    control = await controlPage(env.browser);
    await env.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: RAM });
  }, { lang: 'zh-CN' });

  test('copy by hand: the sentence in Chinese', async () => {
    const { page, panel } = await hostilePage(control, open);
    const front = await open(`${RAM}/overview`);
    await front.bringToFront();
    await trustedClick(page, valueButton(panel, B));
    const shown = await panelWhen(page, (p) => p.manual !== null, 'the value to copy by hand');
    assert.equal(shown.manual?.note, fill(msg(zh, 'ramHelperCopyManual'), /** @type {string} */ (shown.manual?.what)));
    assert.match(shown.manual?.note ?? '', /^RoleHop 无法替您复制 .+。它已在此处选中：请按 Ctrl\+C（Mac 上按 ⌘C）复制。$/);
    await front.close();
    await page.close();
  });

  test('screenshots: copied and copy-by-hand, 380/800/1280 px, light and dark (Chinese)', async () => {
    await screenshotStates(control, open, 'zh');
  });
});

/**
 * Saves the panel in its copied and copy-by-hand states at three widths, light and dark, as
 * tests/.tmp/ram-copy-<state>-<lang>-<width>-<scheme>.png.
 * @param {Page} control @param {(url: string) => Promise<Page>} open @param {string} lang
 */
async function screenshotStates(control, open, lang) {
  for (const width of [380, 800, 1280]) {
    for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
      const { page, panel } = await hostilePage(control, open);
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.bringToFront();
      const host = page.locator('[data-rolehop="ram-helper"]');
      await trustedClick(page, valueButton(panel, B));
      await panelWhen(page, (p) => p.ui.elements.some((e) => e.attributes['data-copied'] === 'true'), 'the copied mark');
      await screenshotElement(host, `ram-copy-copied-${lang}-${width}-${colorScheme}.png`);
      const front = await open(`${RAM}/overview`);
      await front.bringToFront();
      await trustedClick(page, panel.policies[0].copy);
      await panelWhen(page, (p) => p.manual !== null, 'the policy to copy by hand');
      await front.close();
      await screenshotElement(host, `ram-copy-by-hand-${lang}-${width}-${colorScheme}.png`);
      await page.close();
    }
  }
}
