// The README's quick start, walked as a new user walks it, in the shipped dist/chromium: the first
// profile on the options page, the first switch (one Enter in the popup ends in the switched
// console, with the identity strip), and Verify on the workbench against the mock cloud. Each step
// is shot into tests/.tmp/screens/quick-start/ (and, with ROLEHOP_UPDATE_SCREENS=1, into
// docs/screens/, the pictures the README shows); the test fails when the README links a picture
// this walk does not make, so the README never shows a screen that no longer exists.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchWithFixtureServer, ROOT } from './harness.js';
import { startConsoleFixtures } from '../fixtures/console/server.js';
import { enterWorkbenchCredentials, fillWorkbenchValues, startCloudBrowser } from './cloud-browser.js';
import { controlPage, forgetSettings, readRoleHopUi, waitForValue } from './content-helpers.js';
import { SCREENS } from './screens.js';

/** @typedef {import('playwright-core').Page} Page */

const SHOTS = join(SCREENS, 'quick-start');
const DOCS = join(ROOT, 'docs', 'screens');
const UID = '1746000000000001';
const PROFILES = `[profile acme-prod]
account = ${UID}
role_name = admin-oss
display_name = Acme production (read-only)
color = #e8590c
group = Acme

[profile acme-audit]
account = ${UID}
role_name = security-audit
display_name = Acme audit
color = teal
group = Acme

[profile globex-logs]
account = globex
role_name = log-reader
display_name = Globex logs
color = indigo
group = Globex
site = intl
`;

/** Pictures made by this walk. */
const made = new Set();

/**
 * Shoots `page` as `name` (a viewport of `width` x `height`, light scheme), scrolled to the section
 * holding `top` when given.
 * @param {Page} page @param {string} name @param {{width: number, height: number, fullPage?: boolean, top?: string}} size
 */
async function shoot(page, name, { width, height, fullPage = false, top = '' }) {
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: 'light' });
  // The section holding `top` starts the picture.
  if (top) await page.locator(top).evaluate((node) => (node.closest('section') ?? node).scrollIntoView({ block: 'start' }));
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, name);
  await page.screenshot({ path, fullPage });
  made.add(name);
  if (process.env.ROLEHOP_UPDATE_SCREENS === '1') {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(path, join(DOCS, name));
  }
}

describe('quick start: first profile, first switch', () => {
  /** @type {import('./harness.js').FixtureBrowser} */
  let env;
  /** @type {Page} */
  let control;

  before(async () => {
    env = await launchWithFixtureServer(startConsoleFixtures);
    control = await controlPage(env.browser);
    await forgetSettings(control); // a new user: nothing saved, auto-submit on by default
  });
  after(async () => {
    await env?.close();
  });

  test('1. the first profiles, typed on the options page, are saved and previewed', async () => {
    const options = await env.browser.openPage('options/options.html');
    await options.locator('#ini').fill(PROFILES);
    await options.keyboard.press('Control+S');
    await options.locator('#save-status[data-area="sync"]').waitFor();
    await options.getByText('Acme production (read-only)').first().waitFor();
    await shoot(options, '1-options.png', { width: 1280, height: 800 });
    await options.close();
  });

  test('2-3. one Enter in the popup ends in the switched console, shown by the identity strip', async () => {
    // The fixture Switch Role page goes on to the console after a submit, as the real one does.
    await env.browser.context.addCookies([{ name: 'fixture-switch-to', value: UID, domain: 'signin.aliyun.com', path: '/', secure: true }]);
    const tab = await env.open('https://home.console.aliyun.com/?config=main&nav=');
    const popup = await env.browser.openPage('popup/popup.html');
    await popup.waitForFunction(() => performance.getEntriesByName('rolehop:popup-ready').length > 0);
    await popup.locator('[role="option"]').first().waitFor();
    await shoot(popup, '2-popup.png', { width: 380, height: 300 });
    await popup.locator('#search').fill('acme prod');
    await tab.bringToFront();
    await popup.locator('#search').press('Enter');
    await tab.waitForURL((u) => u.hostname === 'home.console.aliyun.com' && u.searchParams.get('config') === 'sts', { timeout: 30_000 });
    const strip = await waitForValue(
      async () => (await readRoleHopUi(tab, 'identity-badge')).map((ui) => ui.text).join(' '),
      (text) => text.includes('Acme production (read-only)') && text.includes(UID),
      { what: 'the identity strip naming the profile and the account' },
    );
    assert.match(strip, /admin-oss/);
    await shoot(tab, '3-console.png', { width: 1280, height: 420 });
    await popup.close();
    await tab.close();
  });

  test('no errors in any page or the service worker', () => {
    assert.deepEqual(env.browser.errors, []);
  });
});

describe('quick start: Verify', () => {
  /** @type {import('./cloud-browser.js').CloudBrowser} */
  let env;

  before(async () => {
    env = await startCloudBrowser('happy-path');
  });
  after(async () => {
    await env?.close();
  });

  test('4. Verify on the workbench proves the whole chain against the (mock) cloud', async () => {
    const page = env.page;
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('input[name="audience"][value="user"]').check();
    await fillWorkbenchValues(page, env.cloud());
    await enterWorkbenchCredentials(page, 'b', env.cloud().credentials.B.users.alice);
    await page.click('#verify');
    await page.waitForSelector('#verdict[data-verdict]', { timeout: 60_000 });
    assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'pass', await page.locator('#checks').innerText());
    await shoot(page, '4-verify.png', { width: 1280, height: 900, top: '#verify' });
  });
});

test('the README shows only pictures this walk makes, and each is in docs/screens', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const linked = [...readme.matchAll(/\(docs\/screens\/([^)]+\.png)\)/g)].map((m) => m[1]);
  assert.ok(linked.length >= 4, 'the quick start shows its steps');
  for (const name of linked) {
    assert.ok(made.has(name), `README links docs/screens/${name}, which the quick start no longer makes`);
    assert.doesNotThrow(() => readFileSync(join(DOCS, name)), `docs/screens/${name} is missing: run ROLEHOP_UPDATE_SCREENS=1 node --test tests/e2e/quick-start.test.js`);
  }
});
