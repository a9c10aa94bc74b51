// The popup's profile list in the shipped extension: search, keyboard, groups, most-recent order,
// switching (current tab, new tabs, both sites), "back to my identity", the current identity, the
// empty state, and the language setting. Profiles are seeded through the extension's own storage
// module (shared/profile-store.js, imported in an extension page), never a test-only path.
// signin.aliyun.com, signin.alibabacloud.com and a console host are mapped to a local HTTPS server
// that records every request it gets.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import { messageCatalog, msg, screenshot, useFixtureServer, DIST } from './harness.js';
import { consolePageHtml } from '../fixtures/console/server.js';
import { startHttpsServer } from '../lib/https-server.js';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./harness.js').ExtensionBrowser} ExtensionBrowser */

const CONSOLE_HOST = 'home.console.aliyun.com';
const INTL_CONSOLE_HOST = 'home.console.alibabacloud.com';
const NEUTRAL_HOST = 'www.example.test';
const HOSTS = ['signin.aliyun.com', 'signin.alibabacloud.com', CONSOLE_HOST, INTL_CONSOLE_HOST, NEUTRAL_HOST];

const PROFILES = `# a team's profiles
[profile acme-prod]
account = acme
role_name = admin-oss
display_name = Acme production
color = #e8590c
group = Acme

[profile acme-dev]
account = acme-dev.onaliyun.com
role_name = developer
display_name = Acme dev
group = Acme

[profile globex-audit]
role_arn = acs:ram::1746000000000001:role/security-audit
display_name = Globex audit
color = teal
group = Globex
site = intl

[profile sandbox]
account = 1746000000000002
role_name = readonly
`;

const EN = messageCatalog('en');
const ZH = messageCatalog('zh_CN');

/**
 * A page on a mapped host (not a console page). Its first script reports the URL it was opened
 * with, fragment included, before any content script runs (the Switch Role content script
 * removes the marker fragment once it has read it).
 */
const pageHtml = (/** @type {string} */ title) =>
  `<!doctype html><title>${title}</title><script>fetch('/__seen?href=' + encodeURIComponent(location.href))</script><p>${title}</p>`;
/** The console fixture (tests/fixtures/console): ALIYUN_CONSOLE_CONFIG and a top bar from its query. */
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'console');

/**
 * Records each request as host + path + query.
 * @type {string[]}
 */
const requests = [];
/** URLs the pages reported they were opened with (see pageHtml). @type {string[]} */
const seen = [];

/** @type {ExtensionBrowser} */
let browser;

/** The mapped hosts' server: pages that report their URL, the console fixture, every request recorded. */
function startPageServer() {
  return startHttpsServer({
    hosts: HOSTS,
    handler: (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const url = new URL(req.url ?? '/', 'https://x');
      const path = url.pathname;
      if (path === '/__seen') {
        seen.push(url.searchParams.get('href') ?? '');
        res.writeHead(204).end();
        return;
      }
      requests.push(`${host}${req.url}`);
      const asset = /^\/__fixture\/([a-z-]+\.(?:js|css))$/.exec(path)?.[1];
      const type = asset?.endsWith('.js') ? 'text/javascript' : asset ? 'text/css' : 'text/html';
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
      if (asset) res.end(readFileSync(join(FIXTURES, asset)));
      else if (host === CONSOLE_HOST || host === INTL_CONSOLE_HOST) res.end(consolePageHtml(url));
      else res.end(pageHtml(`${host}${path}`));
    },
  });
}
useFixtureServer(startPageServer, (env) => {
  browser = env.browser;
});

/**
 * Saves `text` as the profiles and `recent` as the recent uses, through the extension's modules.
 * @param {string} text
 * @param {Record<string, number>} [recent]
 */
async function seed(text, recent = {}) {
  const page = await browser.openPage('popup/popup.html');
  await page.evaluate(
    async ({ text, recent }) => {
      const store = await import(chrome.runtime.getURL('shared/profile-store.js'));
      await store.saveProfilesText(text);
      await chrome.storage.local.set({ 'rolehop.recent': recent });
    },
    { text, recent },
  );
  await page.close();
}

const PARSED_KEY = 'rolehop.parsedProfiles';

/** The SHA-256 the store's pointer gives for the stored copy. */
async function storedSha256() {
  const items = await browser.worker.evaluate(() => chrome.storage.sync.get('rolehop.profiles.meta'));
  return /** @type {{sha256?: string} | undefined} */ (items['rolehop.profiles.meta'])?.sha256;
}

/** @typedef {import('../../extension/shared/parsed-profiles.js').StoredEntry} StoredEntry */

/**
 * The popup's cached parse, once it is written for the stored copy (the popup writes it after
 * rendering, without waiting) and passes `accept`.
 * @param {(entry: StoredEntry) => boolean} [accept]
 * @returns {Promise<StoredEntry>}
 */
async function cachedEntry(accept = () => true) {
  const until = Date.now() + 10_000;
  for (;;) {
    const [entry, sha256] = await Promise.all([browser.worker.evaluate((key) => chrome.storage.session.get(key), PARSED_KEY), storedSha256()]);
    const value = /** @type {StoredEntry | undefined} */ (entry[PARSED_KEY]);
    if (value && value.sha256 === sha256 && accept(value)) return value;
    if (Date.now() > until) throw new Error(`no cached parse for the stored copy ${sha256}: ${JSON.stringify(value)?.slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 25)); // polls a condition, bounded
  }
}

/** @param {unknown} entry */
async function setCachedEntry(entry) {
  await browser.worker.evaluate(({ key, entry }) => chrome.storage.session.set({ [key]: entry }), { key: PARSED_KEY, entry });
}

async function removeCachedEntry() {
  await browser.worker.evaluate((key) => chrome.storage.session.remove(key), PARSED_KEY);
}

/** Whether this open took its profiles from the cached parse (the `rolehop:parsed` mark says). @param {Page} page */
function parsedFromCache(page) {
  return page.evaluate(() => /** @type {PerformanceMark | undefined} */ (performance.getEntriesByName('rolehop:parsed')[0])?.detail?.cached);
}

/** @param {Partial<import('../../extension/shared/settings.js').Settings>} settings */
async function setSettings(settings) {
  const page = await browser.openPage('popup/popup.html');
  await page.evaluate(async (s) => {
    const { saveSettings } = await import(chrome.runtime.getURL('shared/settings.js'));
    await saveSettings(s);
  }, settings);
  await page.close();
}

/** Opens the popup in a tab and waits until its list (or empty state) is shown. */
async function openPopup() {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 380, height: 560 });
  await page.goto(browser.url('popup/popup.html'));
  await popupReady(page);
  return page;
}

/** Waits for the popup's own "list rendered" mark (the one bench/popup reads). @param {Page} page */
async function popupReady(page) {
  await page.waitForFunction(() => performance.getEntriesByName('rolehop:popup-ready').length > 0);
}

/** A tab on a mapped host, in front of the popup (so it is the window's active tab). */
async function frontTab(host = CONSOLE_HOST, path = '/') {
  const page = await browser.context.newPage();
  await page.goto(`https://${host}${path}`);
  return page;
}

/** The rows the list shows, in order: `# heading` or the option's display name. @param {Page} page */
function rows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('#results .spacer .heading, #results [role="option"]')].map((el) =>
      el.classList.contains('heading') ? `# ${el.textContent}` : (el.querySelector('.name')?.textContent ?? ''),
    ),
  );
}

/**
 * Clicks on the popup while another tab is in front (the tab the popup acts on). Playwright's
 * stability check waits for animation frames, which a background tab does not get; the element
 * is rendered and still, so the check is skipped (the click is a real pointer event all the same).
 */
const IN_BACKGROUND = { force: true };

/** @param {Page} page */
function options(page) {
  return page.locator('#results [role="option"] .name').allInnerTexts();
}

/** The display name of the option aria-activedescendant points at. @param {Page} page */
function activeName(page) {
  return page.evaluate(() => {
    const id = document.getElementById('search')?.getAttribute('aria-activedescendant');
    const el = id ? document.getElementById(id) : null;
    return el?.getAttribute('aria-selected') === 'true' ? (el.querySelector('.name')?.textContent ?? null) : null;
  });
}

/** @param {Page} page @param {string} query */
async function typeQuery(page, query) {
  await page.locator('#search').fill('');
  await page.locator('#search').pressSequentially(query);
}

/**
 * Waits until `count` pages have reported they were opened with a URL matching `pattern`;
 * returns the last of those URLs.
 * @param {RegExp} pattern @param {number} [count]
 */
async function waitForSeen(pattern, count = 1) {
  const until = Date.now() + 30_000; // generous: a busy CI machine loads tabs slowly
  for (;;) {
    const urls = seen.filter((u) => pattern.test(u));
    if (urls.length >= count) return urls[count - 1];
    if (Date.now() > until) throw new Error(`no page was opened at ${pattern}; seen: ${seen.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 25)); // polls a condition, bounded
  }
}

/** @param {Page} page @param {RegExp} url */
async function waitForUrl(page, url) {
  await page.waitForURL(url, { timeout: 10_000 });
  return page.url();
}

/** @param {string} prefix host + path */
function requestsTo(prefix) {
  return requests.filter((r) => r.startsWith(prefix));
}

describe('popup with no profiles', () => {
  test('shows the call to action; its button opens the options page', async () => {
    const page = await openPopup();
    await page.getByRole('heading', { name: msg(EN, 'popupEmptyHeading') }).waitFor();
    const add = page.getByRole('button', { name: msg(EN, 'popupEmptyAction') });
    assert.equal(await add.evaluate((el) => el === document.activeElement), true, 'the action has the focus');
    assert.equal(await page.locator('#profiles').isHidden(), true, 'no search box without profiles');
    const tutorial = page.getByRole('link', { name: msg(EN, 'popupTutorial') });
    assert.equal(await tutorial.getAttribute('href'), '../workbench/workbench.html');
    assert.equal(await page.getByRole('button', { name: msg(EN, 'popupWorkbench') }).isVisible(), true, 'the header keeps its workbench entry');
    await screenshot(page, 'popup-empty-en.png');
    const [options] = await Promise.all([browser.context.waitForEvent('page'), add.click()]);
    await options.waitForURL(/\/options\/options\.html/);
    await options.close();
    await page.close();
  });
});

describe('popup with profiles', () => {
  before(async () => {
    await seed(PROFILES);
  });

  test('groups as headings in file order; the search box has the focus; listbox semantics', async () => {
    const page = await openPopup();
    assert.deepEqual(await rows(page), [
      '# Acme',
      'Acme production',
      'Acme dev',
      '# Globex',
      'Globex audit',
      `# ${msg(EN, 'popupUngroupedHeading')}`,
      'sandbox',
    ]);
    const search = page.locator('#search');
    assert.equal(await search.evaluate((el) => el === document.activeElement), true);
    assert.equal(await search.getAttribute('role'), 'combobox');
    assert.equal(await search.getAttribute('aria-controls'), 'results');
    assert.equal(await search.getAttribute('aria-label'), msg(EN, 'popupSearchLabel'));
    assert.equal(await page.locator('#results').getAttribute('role'), 'listbox');
    assert.equal(await activeName(page), 'Acme production', 'the first option is active');
    await page.getByRole('group', { name: 'Globex' }).getByRole('option', { name: /Globex audit/ }).waitFor();
    const first = page.locator('[role="option"]').first();
    assert.equal(await first.getAttribute('aria-setsize'), '4');
    assert.equal(await first.getAttribute('aria-posinset'), '1');
    // The profile's colour marks its row; the international site is tagged.
    const colour = await first.evaluate((el) => getComputedStyle(el).borderLeftColor);
    assert.equal(colour, 'rgb(232, 89, 12)');
    const globex = page.locator('[role="option"]', { hasText: 'Globex audit' });
    assert.equal(await globex.locator('.tag').innerText(), msg(EN, 'popupSiteIntl'));
    await screenshot(page, 'popup-profiles-en.png');
    await page.close();
  });

  test('the workbench button in the header is reached from the keyboard and opens the workbench in a tab', async () => {
    const page = await openPopup();
    await page.locator('[role="option"]').first().waitFor();
    const workbench = page.getByRole('button', { name: msg(EN, 'popupWorkbench') });
    assert.equal(await workbench.getAttribute('title'), msg(EN, 'popupWorkbench'));
    // Back from the search box through the header, as a keyboard user would go.
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press('Shift+Tab');
      reached = await workbench.evaluate((el) => el === document.activeElement);
    }
    assert.equal(reached, true, 'Shift+Tab from the search box reaches the workbench button');
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await opened.waitForURL(/\/workbench\/workbench\.html$/);
    await opened.close();
    await page.close();
  });

  test('fuzzy search on name, alias, UID, role and group, with highlights', async () => {
    const page = await openPopup();
    await typeQuery(page, 'glaud'); // G-l-obex a-u-d-it: a subsequence of the display name
    assert.deepEqual(await options(page), ['Globex audit']);
    const marked = await page.locator('[role="option"] .name mark').allInnerTexts();
    assert.equal(marked.join(''), 'Glaud', 'the matched characters are highlighted');

    await typeQuery(page, '1746000000000002'); // the account UID
    assert.deepEqual(await options(page), ['sandbox']);

    await typeQuery(page, 'acme-dev.onaliyun'); // the default domain
    assert.deepEqual(await options(page), ['Acme dev']);

    await typeQuery(page, 'security'); // the role (from role_arn)
    assert.deepEqual(await options(page), ['Globex audit']);
    assert.equal(await page.locator('[role="option"] .meta mark').first().innerText(), 'security');

    await typeQuery(page, 'acme adm'); // two tokens: name and role
    assert.equal((await options(page))[0], 'Acme production');

    await typeQuery(page, 'dev');
    assert.equal((await options(page))[0], 'Acme dev', 'the best match comes first');

    await typeQuery(page, 'zzqq');
    assert.deepEqual(await options(page), []);
    assert.equal(await page.locator('#no-match').innerText(), msg(EN, 'popupNoMatch').replace('$QUERY$', 'zzqq'));
    assert.equal(await page.locator('#search').getAttribute('aria-activedescendant'), null);
    await page.close();
  });

  test('arrow keys move the active option; Esc clears the search', async () => {
    const page = await openPopup();
    const search = page.locator('#search');
    await search.press('ArrowDown');
    assert.equal(await activeName(page), 'Acme dev');
    await search.press('ArrowDown');
    assert.equal(await activeName(page), 'Globex audit', 'headings are skipped');
    await search.press('ArrowDown');
    await search.press('ArrowDown');
    assert.equal(await activeName(page), 'sandbox', 'stops at the last option');
    await search.press('ArrowUp');
    assert.equal(await activeName(page), 'Globex audit');

    await typeQuery(page, 'acme');
    assert.deepEqual(await options(page), ['Acme production', 'Acme dev']);
    await search.press('Escape');
    assert.equal(await search.inputValue(), '');
    assert.equal((await options(page)).length, 4, 'the whole list is back');
    assert.equal(await activeName(page), 'Acme production');
    await page.close();
  });

  test('Ctrl+C copies the active profile\'s switch link (no marker, nothing submits); with text selected it copies the text', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await openPopup();
    await typeQuery(page, 'globex');
    assert.equal(await activeName(page), 'Globex audit');
    await page.keyboard.press('Control+c');
    await page.locator('#copied', { hasText: 'Globex audit' }).waitFor();
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      'https://signin.alibabacloud.com/switchRole.htm?parentAlias=1746000000000001&roleName=security-audit',
    );
    assert.equal(await page.locator('#copied').getAttribute('role'), 'status');
    // Text selected in the search box: the browser's own copy of that text.
    await page.locator('#search').selectText();
    await page.keyboard.press('Control+c');
    await page.waitForFunction(() => navigator.clipboard.readText().then((text) => text === 'globex'));
    assert.deepEqual(requestsTo('signin.alibabacloud.com'), [], 'copying opens nothing');
    await page.close();
  });

  test('Enter switches the current tab (China site): the server gets the switch URL, the tab keeps the marker', async () => {
    const popup = await openPopup();
    const tab = await frontTab();
    await typeQuery(popup, 'acme prod');
    await popup.locator('#search').press('Enter');
    const switchUrl = /^https:\/\/signin\.aliyun\.com\/switchRole\.htm\?parentAlias=acme&roleName=admin-oss#rolehop=[0-9a-f]{32}$/;
    assert.match(await waitForSeen(switchUrl), switchUrl);
    await tab.waitForURL(/^https:\/\/signin\.aliyun\.com\/switchRole\.htm\?parentAlias=acme&roleName=admin-oss/);
    assert.deepEqual(requestsTo('signin.aliyun.com/switchRole.htm'), [
      'signin.aliyun.com/switchRole.htm?parentAlias=acme&roleName=admin-oss',
    ]);
    const recent = /** @type {Record<string, number>} */ (
      await popup.evaluate(async () => (await chrome.storage.local.get('rolehop.recent'))['rolehop.recent'])
    );
    assert.equal(typeof recent['acme-prod'], 'number', 'the use is remembered');
    await tab.close();
    await popup.close();
  });

  test('a click switches to the international site', async () => {
    const popup = await openPopup();
    const tab = await frontTab(NEUTRAL_HOST);
    await popup.locator('[role="option"]', { hasText: 'Globex audit' }).click(IN_BACKGROUND);
    const switchUrl =
      /^https:\/\/signin\.alibabacloud\.com\/switchRole\.htm\?parentAlias=1746000000000001&roleName=security-audit#rolehop=[0-9a-f]{32}$/;
    assert.match(await waitForSeen(switchUrl), switchUrl);
    await tab.waitForURL(/^https:\/\/signin\.alibabacloud\.com\/switchRole\.htm\?/);
    assert.deepEqual(requestsTo('signin.alibabacloud.com/switchRole.htm'), [
      'signin.alibabacloud.com/switchRole.htm?parentAlias=1746000000000001&roleName=security-audit',
    ]);
    await tab.close();
    await popup.close();
  });

  test('most recently used profiles come first', async () => {
    // Two switches above used acme-prod, then globex-audit.
    const page = await openPopup();
    const all = await rows(page);
    assert.deepEqual(all.slice(0, 3), [`# ${msg(EN, 'popupRecentHeading')}`, 'Globex audit', 'Acme production']);
    assert.equal(all[3], '# Acme', 'the groups follow');
    assert.equal(await activeName(page), 'Globex audit', 'Enter repeats the last switch');
    await page.close();
  });

  test('Shift+Enter opens a new tab; Ctrl+click and a middle click open background tabs', async () => {
    const popup = await openPopup();
    const tab = await frontTab(NEUTRAL_HOST, '/stays');
    await typeQuery(popup, 'sandbox');
    const [shifted] = await Promise.all([browser.context.waitForEvent('page'), popup.locator('#search').press('Shift+Enter')]);
    const sandboxUrl = /^https:\/\/signin\.aliyun\.com\/switchRole\.htm\?parentAlias=1746000000000002&roleName=readonly#rolehop=[0-9a-f]{32}$/;
    assert.match(await waitForSeen(sandboxUrl), sandboxUrl);
    await shifted.waitForURL(/parentAlias=1746000000000002&roleName=readonly/);
    assert.equal(new URL(tab.url()).pathname, '/stays', 'the current tab is left alone');

    await popup.bringToFront(); // background tabs must leave the active tab (the popup here) alone
    const activeBefore = await activeTabId(popup);
    await typeQuery(popup, 'acme dev');
    const option = popup.locator('[role="option"]', { hasText: 'Acme dev' });
    const [ctrl] = await Promise.all([browser.context.waitForEvent('page'), option.click({ modifiers: ['ControlOrMeta'] })]);
    const devUrl = /^https:\/\/signin\.aliyun\.com\/switchRole\.htm\?parentAlias=acme-dev\.onaliyun\.com&roleName=developer#rolehop=[0-9a-f]{32}$/;
    assert.match(await waitForSeen(devUrl), devUrl);
    await ctrl.waitForURL(/parentAlias=acme-dev\.onaliyun\.com&roleName=developer/);
    const [middle] = await Promise.all([browser.context.waitForEvent('page'), option.click({ button: 'middle' })]);
    assert.match(await waitForSeen(devUrl, 2), devUrl);
    await middle.waitForURL(/parentAlias=acme-dev\.onaliyun\.com&roleName=developer/);
    assert.equal(await activeTabId(popup), activeBefore, 'background tabs are not activated');
    assert.equal(new URL(tab.url()).pathname, '/stays');
    for (const p of [shifted, ctrl, middle, tab]) await p.close();
    await popup.close();
  });

  test('"Back to my identity" is offered only in a switched identity, and opens the exit page of the tab\'s site in one click', async () => {
    const popup = await openPopup();
    const back = popup.getByRole('button', { name: msg(EN, 'popupBackToIdentity') });
    // Not a console tab: the identity is not known, so there is nothing to go back from.
    const tab = await frontTab(NEUTRAL_HOST);
    await popup.reload();
    await popupReady(popup);
    await popup.locator('#identity').waitFor({ state: 'hidden' });
    assert.equal(await back.count(), 0, 'hidden on a page that is not a console');
    // The console in the logon identity (no role): the identity is shown, no way back.
    await tab.goto(`https://${CONSOLE_HOST}/?config=main&nav=`);
    await popup.reload();
    await popupReady(popup);
    await popup.locator('#identity-main', { hasText: msg(EN, 'popupIdentityOwn') }).waitFor();
    assert.equal(await back.count(), 0, 'hidden in the logon identity');
    // A switched identity: offered, and one click goes back.
    await tab.goto(`https://${CONSOLE_HOST}/?config=sts&uid=1746000000000001&nav=security-audit/alice`);
    await tab.locator('#navAccount', { hasText: 'security-audit/alice' }).waitFor();
    await popup.reload();
    await popupReady(popup);
    await back.waitFor();
    await back.click(IN_BACKGROUND);
    assert.equal(await waitForUrl(tab, /exitSwitchedRole/), 'https://signin.aliyun.com/exitSwitchedRole.htm');

    // The international site: the tab's, which a popup opened on it sees (activeTab); a popup
    // opened in a tab of its own, as here, does not see other tabs' addresses and goes by the
    // default site.
    await setSettings({ defaultSite: 'intl' });
    await tab.goto(`https://${INTL_CONSOLE_HOST}/?config=sts&uid=1746000000000001&nav=security-audit/alice`);
    await tab.locator('#navAccount', { hasText: 'security-audit/alice' }).waitFor();
    await popup.reload();
    await popupReady(popup);
    await back.click(IN_BACKGROUND);
    assert.equal(await waitForUrl(tab, /exitSwitchedRole/), 'https://signin.alibabacloud.com/exitSwitchedRole.htm');
    assert.deepEqual(requestsTo('signin.alibabacloud.com/exitSwitchedRole.htm'), ['signin.alibabacloud.com/exitSwitchedRole.htm']);
    await setSettings({ defaultSite: 'cn' });
    await tab.close();
    await popup.close();
  });

  test('on a console tab, the current identity and its profile are shown', async () => {
    const popup = await openPopup();
    const tab = await frontTab(CONSOLE_HOST, '/?config=sts&uid=1746000000000001&nav=security-audit/alice');
    await tab.locator('#navAccount', { hasText: 'security-audit/alice' }).waitFor();
    await popup.reload(); // the popup asks the tab that is active when it opens
    await popupReady(popup);
    const identity = popup.getByRole('region', { name: msg(EN, 'popupIdentityHeading') });
    await identity.locator('#identity-main', { hasText: 'security-audit/alice' }).waitFor();
    assert.equal(
      await identity.locator('#identity-detail').innerText(),
      `Globex audit · ${msg(EN, 'popupIdentityAccount').replace('$UID$', '1746000000000001')}`,
    );
    // The profile the tab is in is marked in the list, for the eye and for screen readers.
    // (Twice: under Recent and under its group.)
    const current = popup.locator('[role="option"][aria-current="true"]');
    await current.first().waitFor();
    assert.deepEqual(await current.locator('.name').allInnerTexts(), ['Globex audit', 'Globex audit']);
    assert.deepEqual(await current.locator('.tag.current').allInnerTexts(), [msg(EN, 'popupCurrent'), msg(EN, 'popupCurrent')]);
    await popup.getByRole('option', { name: new RegExp(`Globex audit.*${msg(EN, 'popupCurrent')}`) }).first().waitFor();
    await identity.getByRole('button', { name: msg(EN, 'popupBackToIdentity') }).waitFor();
    await screenshot(popup, 'popup-identity-en.png');
    await tab.close();
    await popup.close();
  });

  test('no identity is shown for a tab that is not a console page', async () => {
    const popup = await openPopup();
    const tab = await frontTab(NEUTRAL_HOST);
    await popup.reload();
    await popupReady(popup);
    assert.equal(await popup.locator('#identity').isHidden(), true);
    assert.equal(await popup.locator('[role="option"][aria-current]').count(), 0, 'no profile is marked current');
    await tab.close();
    await popup.close();
  });

  test('the language setting overrides the browser language', async () => {
    await setSettings({ language: 'zh_CN' });
    const page = await openPopup();
    await page.locator('html[lang="zh-CN"]').waitFor();
    assert.equal(await page.locator('#search').getAttribute('placeholder'), msg(ZH, 'popupSearchPlaceholder'));
    assert.equal((await page.locator('#exit').textContent())?.trim(), msg(ZH, 'popupBackToIdentity'));
    assert.equal(await page.getByRole('button', { name: msg(ZH, 'popupWorkbench') }).count(), 1);
    assert.deepEqual((await rows(page)).at(-2), `# ${msg(ZH, 'popupUngroupedHeading')}`);
    await screenshot(page, 'popup-profiles-zh_CN.png');
    await setSettings({ language: 'auto' });
    await page.close();
  });

  test('the popup opens from the parse the service worker made ahead; a new save is shown at once, never a stale list', async () => {
    const before = await cachedEntry();
    // A changed copy, saved from a page that is not the options page (as a save from another device
    // arrives): the service worker parses it ahead of the next open (background/parse-warmer.js).
    await seed(PROFILES.replace('display_name = Acme production', 'display_name = Acme live'));
    const entry = await cachedEntry();
    assert.notEqual(entry.sha256, before.sha256);
    assert.equal(entry.build, JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')).version);
    assert.equal(entry.defaultSite, 'cn');
    assert.equal(JSON.parse(entry.profiles).length, 4);
    const first = await openPopup();
    assert.equal(await parsedFromCache(first), true);
    const expected = await rows(first);
    assert.equal(expected[1], 'Acme live');
    await first.close();

    // Without an entry the popup parses, shows the same list and leaves the entry for the next open.
    await removeCachedEntry();
    const second = await openPopup();
    assert.equal(await parsedFromCache(second), false);
    assert.deepEqual(await rows(second), expected);
    await second.close();
    assert.deepEqual(await cachedEntry(), entry);

    // An entry for another copy (here: the previous one) is never used.
    await setCachedEntry(before);
    const third = await openPopup();
    assert.equal(await parsedFromCache(third), false);
    assert.deepEqual(await rows(third), expected);
    await third.close();
    await seed(PROFILES);
    await cachedEntry();
  });

  test('a damaged cached parse, or one made for another default site, is ignored and replaced', async () => {
    const popup = await openPopup();
    const expected = await rows(popup);
    await popup.close();
    const good = await cachedEntry();
    for (const profiles of ['[{"id": "forged"}]', '{"not": "a list"}', '[{"id": "x", "displayName": "x"', '42']) {
      await setCachedEntry({ ...good, profiles });
      const page = await openPopup();
      assert.equal(await parsedFromCache(page), false, profiles);
      assert.deepEqual(await rows(page), expected, profiles);
      await page.close();
      assert.deepEqual(await cachedEntry(), good, `rewritten after ${profiles}`);
    }
    // The parse depends on the default site (profiles without `site`): a cn parse is not used for intl.
    await setSettings({ defaultSite: 'intl' });
    const intlEntry = await cachedEntry((e) => e.defaultSite === 'intl');
    assert.equal(JSON.parse(intlEntry.profiles).find((/** @type {any} */ p) => p.id === 'sandbox').site, 'intl');
    await setCachedEntry(good);
    const intl = await openPopup();
    assert.equal(await parsedFromCache(intl), false);
    await intl.close();
    assert.deepEqual(await cachedEntry((e) => e.defaultSite === 'intl'), intlEntry);
    await setSettings({ defaultSite: 'cn' });
  });

  test('no console errors or uncaught errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});

/** The id of the window's active tab, asked from an extension page. @param {Page} page */
async function activeTabId(page) {
  const [tab] = await page.evaluate(() => chrome.tabs.query({ active: true, currentWindow: true }));
  return tab?.id;
}
