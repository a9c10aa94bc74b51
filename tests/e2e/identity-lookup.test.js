// identity.lookup answers a console page only about its own identity, in the shipped
// dist/chromium: the badge of a console page gets its profile, and the same page (code run in
// RoleHop's isolated world there, as a compromised content script would) asking about another
// saved identity is refused; another page with that identity still gets its own badge.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useFixtureServer } from './harness.js';
import { startConsoleFixtures } from '../fixtures/console/server.js';
import { controlPage, evaluateInContentWorld, readRoleHopUi, saveProfiles, waitForValue } from './content-helpers.js';

/** @typedef {import('playwright-core').Page} Page */

describe('identity.lookup: only the page\'s own identity', () => {
  /** @type {import('./harness.js').ExtensionBrowser} */
  let browser;
  /** @type {(url: string) => Promise<Page>} */
  let open;

  useFixtureServer(startConsoleFixtures, async (env) => {
    ({ browser, open } = env);
    const control = await controlPage(browser);
    await saveProfiles(control, [
      '[profile acme-prod]',
      'role_arn = acs:ram::1746000000000001:role/admin-oss',
      'display_name = Acme production',
      '',
      '[profile beta-prod]',
      'role_arn = acs:ram::1746000000000002:role/admin-oss',
      'display_name = Beta production',
      '',
    ].join('\n'));
    await control.close();
  });

  /** @param {Page} page @param {RegExp} pattern */
  const badgeMatching = (page, pattern) =>
    waitForValue(() => readRoleHopUi(page, 'identity-badge'), (found) => found.length === 1 && pattern.test(found[0].text), { what: `a badge matching ${pattern}` });

  /** identity.lookup sent from RoleHop's isolated world on `page`. @param {Page} page @param {string} accountUid */
  const lookUp = async (page, accountUid) =>
    (await evaluateInContentWorld(page, browser.extensionId,
      `chrome.runtime.sendMessage({ type: 'identity.lookup', accountUid: ${JSON.stringify(accountUid)}, roleName: 'admin-oss' })`))?.value;

  test('the page\'s own identity gets its badge; another identity from the same page is refused', async () => {
    const page = await open('https://oss.console.aliyun.com/overview?uid=1746000000000001&nav=admin-oss/alice');
    await badgeMatching(page, /Acme production/);
    const other = await lookUp(page, '1746000000000002');
    assert.equal(other?.error?.kind, 'not-allowed', JSON.stringify(other));
    assert.match(other.error.message, /already asked about another identity/);
    assert.deepEqual(await lookUp(page, '1746000000000001'), { profile: { id: 'acme-prod', displayName: 'Acme production' } });
    // The badge still shows the page's own profile.
    await badgeMatching(page, /Acme production/);
    // A page whose own identity is the other one gets its badge.
    const beta = await open('https://ecs.console.aliyun.com/?uid=1746000000000002&nav=admin-oss/bob');
    await badgeMatching(beta, /Beta production/);
    await page.close();
    await beta.close();
  });

  test('no console errors or uncaught errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
