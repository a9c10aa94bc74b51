// The popup as a screen, in the shipped extension: a dozen profiles at a popup's full height, group
// headings that are never cut, the keys behind the ? button (the same list as the README's),
// icon buttons with names in both languages, the Current mark, and the screen audit
// (tests/e2e/screens.js) of every state, with profiles, empty and switched, in English and
// Chinese. The popup is opened as a page in a tab, at the popup's width and height; the console
// tab it reads the identity from is a fixture page (tests/fixtures/console) on its real host.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { messageCatalog, msg, useFixtureServer } from './harness.js';
import { auditScreen } from './screens.js';
import { controlPage, saveProfiles, waitForValue } from './content-helpers.js';
import { startConsoleFixtures } from '../fixtures/console/server.js';
import { KEYS, OPEN_SHORTCUT } from '../../extension/popup/keys.js';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./harness.js').ExtensionBrowser} ExtensionBrowser */

const EN = messageCatalog('en');
const ZH = messageCatalog('zh_CN');
/** The popup's size: its body is 380 px wide, and a popup may be up to 600 px high. */
const POPUP = { width: 380, height: 600 };
const SWITCHED_CONSOLE = 'https://home.console.aliyun.com/?config=sts&uid=1746000000000001&nav=admin-oss/alice';

/**
 * `count` profiles, in `groups` groups (none: ungrouped), with colours and one international.
 * @param {number} count @param {string[]} [groups]
 */
function profilesText(count, groups = []) {
  const colours = ['#e8590c', 'teal', '#1971c2', '#2f9e44', '#9c36b5'];
  const lines = [];
  for (let i = 1; i <= count; i++) {
    const id = `team-${String(i).padStart(2, '0')}`;
    lines.push(`[profile ${id}]`, `account = 17460000000000${String(i).padStart(2, '0')}`, `role_name = ${i === 1 ? 'admin-oss' : `reader-${i}`}`);
    lines.push(`display_name = Team ${i} ${i % 3 === 0 ? 'production' : 'staging'}`);
    lines.push(`color = ${colours[i % colours.length]}`);
    if (groups.length) lines.push(`group = ${groups[(i - 1) % groups.length]}`);
    if (i === 4) lines.push('site = intl');
    lines.push('');
  }
  return lines.join('\n');
}

describe('the popup as a screen', () => {
  /** @type {ExtensionBrowser} */
  let browser;
  /** @type {Page} */
  let control;

  useFixtureServer(startConsoleFixtures, async (env) => {
    browser = env.browser;
    control = await controlPage(browser);
  });

  /** @param {'auto' | 'en' | 'zh_CN'} language */
  async function setLanguage(language) {
    await control.evaluate(async (value) => {
      const { saveSettings } = await import(chrome.runtime.getURL('shared/settings.js'));
      await saveSettings({ language: value });
    }, language);
  }

  /** Opens the popup in a tab at the popup's size and waits for its list (or empty state). */
  async function openPopup() {
    const page = await browser.context.newPage();
    await page.setViewportSize(POPUP);
    await page.goto(browser.url('popup/popup.html'));
    await ready(page);
    return page;
  }

  /** @param {Page} page */
  async function ready(page) {
    await page.waitForFunction(() => performance.getEntriesByName('rolehop:popup-ready').length > 0);
  }

  /** The options whose whole box is inside the list's visible box. @param {Page} page */
  function fullyVisibleOptions(page) {
    return page.evaluate(() => {
      const list = /** @type {HTMLElement} */ (document.getElementById('results')).getBoundingClientRect();
      return [...document.querySelectorAll('#results [role="option"]')]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.top >= list.top - 0.5 && r.bottom <= list.bottom + 0.5 && r.bottom <= innerHeight + 0.5).length;
    });
  }

  test('a dozen profiles show at the popup\'s height, and the page itself never scrolls', async () => {
    await saveProfiles(control, profilesText(30));
    const page = await openPopup();
    assert.ok((await fullyVisibleOptions(page)) >= 12, `fully visible: ${await fullyVisibleOptions(page)}`);
    const { scrollHeight, listScrolls } = await page.evaluate(() => ({
      scrollHeight: document.documentElement.scrollHeight,
      listScrolls: /** @type {HTMLElement} */ (document.getElementById('results')).scrollHeight > /** @type {HTMLElement} */ (document.getElementById('results')).clientHeight,
    }));
    assert.ok(scrollHeight <= POPUP.height, `the page is ${scrollHeight}px high`);
    assert.equal(listScrolls, true, 'the rest of the 30 scroll inside the list');
    await page.close();
  });

  test('a group heading is never cut: the group at the top keeps its heading in view', async () => {
    await saveProfiles(control, profilesText(18, ['Alpha', 'Beta', 'Gamma']));
    const page = await openPopup();
    const list = page.locator('#results');
    const sticky = page.locator('#results .sticky-heading');
    assert.equal(await sticky.isHidden(), true, 'at the top, the first heading itself is in view');
    /** Scrolls the list to `y` and returns what the sticky heading shows and where. @param {number} y */
    const at = async (y) => {
      await list.evaluate((el, top) => {
        el.scrollTop = top;
        el.dispatchEvent(new Event('scroll'));
      }, y);
      return page.evaluate(() => {
        const el = /** @type {HTMLElement} */ (document.querySelector('#results .sticky-heading'));
        const listTop = /** @type {HTMLElement} */ (document.getElementById('results')).getBoundingClientRect().top;
        const box = el.getBoundingClientRect();
        return el.hidden ? null : { text: el.textContent, top: Math.round(box.top - listTop), height: Math.round(box.height) };
      });
    };
    // Part of the Alpha heading scrolled away: the whole heading shows at the top.
    assert.deepEqual(await at(10), { text: 'Alpha', top: 0, height: 28 });
    // Well into Alpha's profiles (6 profiles of 40 px under a 28 px heading).
    assert.deepEqual(await at(150), { text: 'Alpha', top: 0, height: 28 });
    // Beta's heading (at 28 + 240 = 268) arriving pushes Alpha's up; past it, Beta's stays.
    const pushed = await at(255);
    assert.equal(pushed?.text, 'Alpha');
    assert.ok(pushed && pushed.top < 0, JSON.stringify(pushed));
    assert.deepEqual(await at(300), { text: 'Beta', top: 0, height: 28 });
    // The keyboard moves the active option below the sticky heading, never under it: down to the
    // last option, then back up into scrolled-away rows.
    await at(0);
    for (let i = 0; i < 17; i++) await page.locator('#search').press('ArrowDown');
    for (let i = 0; i < 10; i++) await page.locator('#search').press('ArrowUp');
    assert.ok((await list.evaluate((el) => el.scrollTop)) > 0, 'the list has scrolled');
    const covered = await page.evaluate(() => {
      const id = document.getElementById('search')?.getAttribute('aria-activedescendant');
      const option = /** @type {HTMLElement} */ (document.getElementById(id ?? '')).getBoundingClientRect();
      const el = /** @type {HTMLElement} */ (document.querySelector('#results .sticky-heading'));
      return !el.hidden && option.top < el.getBoundingClientRect().bottom - 0.5;
    });
    assert.equal(covered, false);
    await page.close();
  });

  for (const { locale, text } of [
    { locale: 'en', text: EN },
    { locale: 'zh_CN', text: ZH },
  ]) {
    test(`${locale}: icon buttons are SVG with names; the ? button shows the keys (the README's list), Esc hides them`, async () => {
      await setLanguage(/** @type {'en' | 'zh_CN'} */ (locale));
      await saveProfiles(control, profilesText(5));
      const page = await openPopup();
      for (const key of ['popupWorkbench', 'popupOptions', 'popupKeysHeading']) {
        const button = page.getByRole('button', { name: msg(text, key), exact: true });
        assert.equal(await button.count(), 1, key);
        assert.equal(await button.getAttribute('title'), msg(text, key));
        assert.equal(await button.locator('svg[aria-hidden="true"]').count(), 1, `${key} has an SVG icon`);
      }
      assert.doesNotMatch(await page.locator('header').innerText(), /[⚒⚙]/);

      const toggle = page.getByRole('button', { name: msg(text, 'popupKeysHeading') });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const panel = page.getByRole('region', { name: msg(text, 'popupKeysHeading') });
      await panel.waitFor();
      const rows = await panel.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => /** @type {HTMLElement} */ (c).innerText.trim())));
      // The open shortcut is the one the browser has now (none in a test profile: its row is left out).
      const shortcut = await page.evaluate(async () => (await chrome.commands.getAll()).find((c) => c.name === '_execute_action')?.shortcut ?? '');
      const expected = KEYS.filter((k) => shortcut || k.keys !== OPEN_SHORTCUT).map((k) => [k.keys === OPEN_SHORTCUT ? shortcut : k.keys, msg(text, k.action)]);
      assert.deepEqual(rows, expected);
      assert.ok(rows.length >= KEYS.length - 1);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      assert.equal(await toggle.evaluate((el) => el === document.activeElement), true, 'the focus goes back to the button');
      await page.close();
      await setLanguage('auto');
    });
  }

  /**
   * The three states of the popup, each audited at the three widths in light and dark.
   * @param {string} locale
   */
  async function auditStates(locale) {
    await setLanguage(/** @type {'en' | 'zh_CN'} */ (locale));
    const files = [];
    try {
      // With profiles: groups, colours, an international one, two recently used; then the keys open,
      // then About.
      await saveProfiles(control, profilesText(14, ['Acme', 'Globex']));
      await control.evaluate(() => chrome.storage.local.set({ 'rolehop.recent': { 'team-03': 2, 'team-01': 1 } }));
      const page = await openPopup();
      files.push(...(await auditScreen(page, `popup-profiles-${locale}`, { height: POPUP.height })));
      await page.locator('#keys-toggle').click();
      files.push(...(await auditScreen(page, `popup-keys-${locale}`, { height: POPUP.height })));
      await page.locator('#keys-toggle').click();
      // About RoleHop open: the core's version and the self-check's signatures.
      await page.locator('#about summary').click();
      await page.locator('#check-status[data-result="pass"]').waitFor({ timeout: 15_000 });
      files.push(...(await auditScreen(page, `popup-about-${locale}`, { height: POPUP.height })));

      // Switched: the tab in front is a console in a role one of the profiles names.
      const tab = await browser.context.newPage();
      await tab.goto(SWITCHED_CONSOLE);
      await tab.locator('#navAccount', { hasText: 'admin-oss/alice' }).waitFor();
      await page.reload();
      await ready(page);
      await page.locator('#exit:not([hidden])').waitFor();
      await page.locator('[role="option"][aria-current="true"]').first().waitFor();
      files.push(...(await auditScreen(page, `popup-switched-${locale}`, { height: POPUP.height })));
      await tab.close();
      await page.close();

      // Empty: no profiles yet.
      await saveProfiles(control, '');
      const empty = await openPopup();
      await empty.locator('#empty:not([hidden])').waitFor();
      files.push(...(await auditScreen(empty, `popup-empty-${locale}`, { height: POPUP.height })));
      await empty.close();
    } finally {
      await control.evaluate(() => chrome.storage.local.remove('rolehop.recent'));
      await setLanguage('auto');
    }
    return files;
  }

  test('screen audit in English: with profiles, the keys, About, switched, empty (380/800/1280 px, light and dark)', async () => {
    const files = await auditStates('en');
    assert.equal(files.length, 5 * 3 * 2);
  });

  test('screen audit in Chinese: with profiles, the keys, About, switched, empty (380/800/1280 px, light and dark)', async () => {
    const files = await auditStates('zh_CN');
    assert.equal(files.length, 5 * 3 * 2);
  });

  test('in a switched identity, the profile is marked Current (also for screen readers) and the way back is offered', async () => {
    await saveProfiles(control, profilesText(5));
    const page = await openPopup();
    assert.equal(await page.locator('[aria-current]').count(), 0);
    const tab = await browser.context.newPage();
    await tab.goto(SWITCHED_CONSOLE);
    await tab.locator('#navAccount', { hasText: 'admin-oss/alice' }).waitFor();
    await page.reload();
    await ready(page);
    const current = page.getByRole('option', { name: new RegExp(`Team 1 staging.*${msg(EN, 'popupCurrent')}`) });
    await current.waitFor();
    assert.equal(await current.getAttribute('aria-current'), 'true');
    assert.equal(await page.locator('[role="option"][aria-current="true"]').count(), 1);
    await page.getByRole('button', { name: msg(EN, 'popupBackToIdentity') }).waitFor();
    const identity = await waitForValue(() => page.locator('#identity-main').innerText(), (t) => t !== '', { what: 'the identity' });
    assert.equal(identity, 'admin-oss/alice');
    await tab.close();
    await page.close();
  });

  test('no console errors or uncaught errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
