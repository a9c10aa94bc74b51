// The console identity badge in the shipped dist/chromium on a fixture console page served at the
// real hostnames: the identity read from window.ALIYUN_CONSOLE_CONFIG (through the page-world
// script) and the top navigation, checked for shape; the matching profile's name and colour; the
// popup's identity.get; and the badge surviving a page that removes or hides it. Every page test
// runs in both render orders (tests/lib/fixture-site.js): the config and the top bar in the HTML
// when the script is injected, and rendered after it started.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useFixtureServer } from './harness.js';
import { startConsoleFixtures } from '../fixtures/console/server.js';
import { inRenderOrder, RENDER_ORDERS } from '../lib/fixture-site.js';
import { controlPage, evaluateInContentWorld, readRoleHopUi, saveProfiles, waitForRender, waitForValue } from './content-helpers.js';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./content-helpers.js').ShadowUi} ShadowUi */

describe('the identity badge on console pages', () => {
  /** @type {import('./harness.js').ExtensionBrowser} */
  let browser;
  /** @type {Page} */
  let control;
  /** @type {(url: string) => Promise<Page>} */
  let open;

  useFixtureServer(startConsoleFixtures, async (env) => {
    ({ browser, open } = env);
    control = await controlPage(browser);
    await saveProfiles(control, [
      '[profile acme-prod]',
      'role_arn = acs:ram::1746000000000001:role/admin-oss',
      'display_name = Acme production',
      'color = #e8590c',
      '',
    ].join('\n'));
  });

  /**
   * Waits for the badge to show text matching `pattern`.
   * @param {Page} page @param {RegExp} pattern
   */
  async function badgeMatching(page, pattern) {
    const uis = await waitForValue(
      () => readRoleHopUi(page, 'identity-badge'),
      (found) => found.length === 1 && pattern.test(found[0].text),
      { what: `a badge matching ${pattern}` },
    );
    return uis[0];
  }

  /**
   * The popup's question, from an extension page, to every tab (only a console tab's content
   * script answers), once the console tab answers.
   */
  function identityOf() {
    const ask = () =>
      control.evaluate(async () => {
        const tabs = await chrome.tabs.query({});
        const answers = await Promise.all(
          tabs.map((tab) => chrome.tabs.sendMessage(/** @type {number} */ (tab.id), { type: 'identity.get' }).catch(() => undefined)),
        );
        return answers.filter((a) => a !== undefined);
      });
    return waitForValue(ask, (answers) => answers.length > 0, { what: 'an answer to identity.get' });
  }

  /** @param {ShadowUi} ui */
  const badgeBox = (ui) => ui.elements.find((e) => (e.attributes.class ?? '').split(' ').includes('badge'));

  for (const { render, label } of RENDER_ORDERS) {
    describe(label, () => {
      /** @param {string} url */
      const openIn = (url) => open(inRenderOrder(url, render));

      test('an STS identity that is a profile: the profile name and colour, in a closed shadow root', async () => {
        const page = await openIn('https://oss.console.aliyun.com/overview');
        const badge = await badgeMatching(page, /Acme production/);
        assert.equal(badge.rootType, 'closed');
        assert.match(badge.text, /admin-oss\/alice/);
        assert.match(badge.text, /Account UID\s*1746000000000001/);
        assert.equal(badgeBox(badge)?.attributes['data-profile'], 'acme-prod');
        assert.match(badgeBox(badge)?.attributes.style ?? '', /--rolehop-color: #e8590c/);
        // The page's own script cannot see inside.
        assert.equal(await page.evaluate(() => document.querySelector('[data-rolehop="identity-badge"]')?.shadowRoot ?? null), null);
        const answers = await identityOf();
        assert.deepEqual(answers, [
          { accountUid: '1746000000000001', accountType: 'sts', roleName: 'admin-oss', sessionName: 'alice', source: 'page-config+top-nav' },
        ]);
        await page.close();
      });

      test('an identity that is no profile: the role and account, on the international console too', async () => {
        const page = await openIn('https://ecs.console.alibabacloud.com/?uid=1746000000000002&nav=ops-reader/bob');
        // The config and the navigation may arrive in either order: wait for both.
        const badge = await badgeMatching(page, /ops-reader\/bob.*Account UID\s*1746000000000002/);
        assert.equal(badgeBox(badge)?.attributes['data-profile'], '');
        await page.close();
      });

      test('the main account: its type and UID, no role from the navigation', async () => {
        const page = await openIn('https://home.console.aliyun.com/?config=main&nav=');
        await badgeMatching(page, /Account UID\s*1746000000000001\s*Main account/);
        assert.deepEqual(await identityOf(), [{ accountUid: '1746000000000001', accountType: 'main', source: 'page-config' }]);
        await page.close();
      });

      test('a config of the wrong shape is ignored; the top navigation still tells the role', async () => {
        const page = await openIn('https://oss.console.aliyun.com/?config=forged');
        const badge = await badgeMatching(page, /admin-oss\/alice/);
        assert.doesNotMatch(badge.text, /Account|root|\d{16}/);
        assert.deepEqual(await identityOf(), [{ roleName: 'admin-oss', sessionName: 'alice', source: 'top-nav' }]);
        await page.close();
      });

      test('hand-over messages of the wrong shape are ignored', async () => {
        const page = await openIn('https://oss.console.aliyun.com/overview');
        await badgeMatching(page, /Acme production/);
        /** @param {unknown} message */
        const post = (message) => page.evaluate((m) => window.postMessage(m, location.origin), message);
        // A well-formed hand-over (the page could always claim another identity: it owns its globals).
        await post('rolehop-page-identity:{"config":{"ACCOUNT_TYPE":"sts","CURRENT_PK":"1746000000000002"}}');
        await waitForValue(identityOf, (a) => a[0]?.accountUid === '1746000000000002', { what: 'the second identity' });
        for (const forged of [
          'rolehop-page-identity:{"config":{"ACCOUNT_TYPE":"sts","CURRENT_PK":"evil"}}',
          'rolehop-page-identity:{"config":{"ACCOUNT_TYPE":"root","CURRENT_PK":"1746000000000009"}}',
          'rolehop-page-identity:{"config":{"CURRENT_PK":"1746000000000009","MAIN_ACCOUNT_PK":7}}',
          'rolehop-page-identity:{"config":{"CURRENT_PK":"1746000000000009"},"extra":1}',
          'rolehop-page-identity:{"config":{"CURRENT_PK":"1746000000000009"',
          `rolehop-page-identity:{"config":{"CURRENT_PK":"1746000000000009","pad":"${'x'.repeat(600)}"}}`,
          { source: 'rolehop-page-identity', config: { CURRENT_PK: '1746000000000009' } },
        ]) {
          await post(forged);
          const [who] = await identityOf();
          assert.equal(who.accountUid, '1746000000000002', `accepted ${JSON.stringify(forged).slice(0, 80)}`);
        }
        await page.close();
      });

      test('nothing known: no badge, and identity.get says so', async () => {
        const page = await openIn('https://oss.console.aliyun.com/?config=none&nav=');
        await waitForRender(page);
        // The content script is there (it answers), and it shows nothing.
        assert.deepEqual(await identityOf(), [{ source: 'none' }]);
        assert.deepEqual(await readRoleHopUi(page, 'identity-badge'), []);
        await page.close();
      });

      test('one badge host per page, whatever the page hands over and however often', async () => {
        const page = await openIn('https://oss.console.aliyun.com/overview');
        await badgeMatching(page, /Acme production/);
        for (const uid of ['1746000000000002', '1746000000000003', '1746000000000001']) {
          await page.evaluate((u) => {
            const handOver = `rolehop-page-identity:{"config":{"ACCOUNT_TYPE":"sts","CURRENT_PK":"${u}"}}`;
            for (let i = 0; i < 5; i += 1) window.postMessage(handOver, location.origin);
          }, uid);
          await waitForValue(identityOf, (a) => a[0]?.accountUid === uid, { what: `the hand-over of ${uid}` });
        }
        const hosts = await page.evaluate(() => document.querySelectorAll('[data-rolehop]').length);
        assert.equal(hosts, 1);
        assert.equal((await readRoleHopUi(page, 'identity-badge')).length, 1);
        await page.close();
      });

      test('frames are left alone: one badge, for the top page, none in the console framed in it', async () => {
        const page = await openIn('https://oss.console.aliyun.com/overview?frame=1');
        await badgeMatching(page, /Acme production/);
        const frame = await waitForValue(async () => page.frames().find((f) => f.url().startsWith('https://ecs.console.aliyun.com/')) ?? null, (f) => f !== null, { what: 'the framed console' });
        await waitForRender(/** @type {import('playwright-core').Frame} */ (frame));
        assert.equal(await frame?.evaluate(() => document.querySelectorAll('[data-rolehop]').length), 0);
        // readRoleHopUi walks frame documents too: the top page's badge is the only one.
        const uis = await readRoleHopUi(page, 'identity-badge');
        assert.equal(uis.length, 1);
        assert.match(uis[0].text, /Acme production/);
        assert.deepEqual((await identityOf()).map((a) => a.accountUid), ['1746000000000001']);
        await page.close();
      });
    });
  }

  test('no badge on a look-alike console host', async () => {
    const page = await open('https://console.aliyun.com.example.test/');
    await page.waitForLoadState('load');
    assert.equal(await evaluateInContentWorld(page, browser.extensionId, '1'), null);
    assert.deepEqual(await readRoleHopUi(page, 'identity-badge'), []);
    await page.close();
  });

  test('the page cannot remove, restyle or hide the badge for good', async () => {
    const page = await open('https://oss.console.aliyun.com/overview');
    await badgeMatching(page, /Acme production/);
    const selector = '[data-rolehop="identity-badge"]';
    /** Whether the badge host is attached, shown in the top layer and laid out. */
    const shown = () =>
      page.evaluate((sel) => {
        const host = /** @type {HTMLElement | null} */ (document.querySelector(sel));
        if (!host) return 'missing';
        if (!host.matches(':popover-open')) return 'not in the top layer';
        const style = getComputedStyle(host);
        if (style.display === 'none' || style.visibility !== 'visible' || style.opacity !== '1') return `hidden (${style.display}/${style.visibility}/${style.opacity})`;
        return host.getClientRects().length > 0 ? 'shown' : 'no box';
      }, selector);
    const attacks = {
      remove: () => document.querySelector('[data-rolehop="identity-badge"]')?.remove(),
      'inline style': () => document.querySelector('[data-rolehop="identity-badge"]')?.setAttribute('style', 'display: none !important'),
      'style sheet': () => {
        const style = document.createElement('style');
        style.textContent = '[data-rolehop] { display: none !important; visibility: hidden !important; opacity: 0 !important; }';
        document.head.append(style);
      },
      hidePopover: () => /** @type {HTMLElement} */ (document.querySelector('[data-rolehop="identity-badge"]')).hidePopover(),
      'replace body': () => document.body.replaceWith(document.createElement('body')),
    };
    for (const [name, attack] of Object.entries(attacks)) {
      await page.evaluate(attack);
      await waitForValue(shown, (state) => state === 'shown', { what: `the badge back after "${name}"` });
    }
    const badge = await badgeMatching(page, /Acme production/);
    assert.equal(badge.rootType, 'closed');
    await page.close();
  });

  test('no errors in any page or the service worker', () => {
    assert.deepEqual(browser.errors, []);
  });
});
