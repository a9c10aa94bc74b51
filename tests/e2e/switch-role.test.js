// The Switch Role content script in the shipped dist/chromium, on fixture variants of the page
// served at the real hostnames (tests/fixtures/console): finding and filling the fields on each
// variant, validation, the banner (in a closed shadow root, read through CDP), auto-submit on and
// off for switches RoleHop started, nothing on look-alike hosts or other paths, the banner when
// the fields are not found, the save-profile offer, and the worker refusing forged messages. Every
// page test runs in both render orders (tests/lib/fixture-site.js): the form in the HTML when the
// script is injected, and rendered after it started.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fill, launchWithFixtureServer, messageCatalog, useFixtureServer } from './harness.js';
import { startConsoleFixtures } from '../fixtures/console/server.js';
import { inRenderOrder, RENDER_ORDERS } from '../lib/fixture-site.js';
import {
  bannerAction,
  controlPage,
  evaluateInContentWorld,
  forgetSettings,
  loadProfiles,
  readRoleHopUi,
  saveProfiles,
  setAutoSubmit,
  startSwitchFromRoleHop,
  switchRoleUrl,
  trustedClick,
  waitForBanner,
  waitForRender,
  waitForValue,
} from './content-helpers.js';

/** @typedef {import('playwright-core').Page} Page */

const ACCOUNT = 'acme-prod';
const ROLE = 'admin-oss';

/** The values the page's own inputs hold (page world), in page order, search boxes left out. @param {Page} page */
function fieldValues(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('input')]
      .filter((i) => !/search|搜索/i.test(`${i.type} ${i.placeholder}`))
      .map((i) => i.value),
  );
}

/** Whether the page's focus is on its submit control (the fixtures' Submit/提交/Switch button). @param {Page} page */
function submitHasFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el instanceof HTMLButtonElement && /^(Submit|提交|Switch)$/.test(el.textContent?.trim() ?? '');
  });
}

/** The page's one frame (the framed fixtures' form frame). @param {Page} page */
async function formFrame(page) {
  return waitForValue(async () => page.frames().find((f) => f !== page.mainFrame()) ?? null, (f) => f !== null, { what: 'the form frame' });
}

/** fieldValues, in the form frame. @param {Page} page */
async function frameFieldValues(page) {
  const frame = /** @type {import('playwright-core').Frame} */ (await formFrame(page));
  return frame.evaluate(() => [...document.querySelectorAll('input')].filter((i) => !/search|搜索/i.test(`${i.type} ${i.placeholder}`)).map((i) => i.value));
}

/** submitted, in the form frame. @param {Page} page */
async function frameSubmitted(page) {
  const frame = /** @type {import('playwright-core').Frame} */ (await formFrame(page));
  const raw = await frame.evaluate(() => document.documentElement.dataset.submitted ?? null);
  return raw === null ? null : JSON.parse(raw);
}

/** What the fixture page received on submit (null when not submitted). @param {Page} page */
async function submitted(page) {
  const raw = await page.evaluate(() => document.documentElement.dataset.submitted ?? null);
  return raw === null ? null : JSON.parse(raw);
}

describe('the Switch Role page', () => {
  /** @type {import('./harness.js').ExtensionBrowser} */
  let browser;
  /** @type {Page} */
  let control;
  /** @type {(url: string) => Promise<Page>} */
  let open;

  useFixtureServer(startConsoleFixtures, async (env) => {
    ({ browser, open } = env);
    control = await controlPage(browser);
    await setAutoSubmit(control, { autoSubmit: false });
  });

  /** Runs `test` with auto-submit on, and turns it off again after. @param {() => Promise<void>} test */
  async function withAutoSubmitOn(test) {
    await setAutoSubmit(control, { autoSubmit: true });
    try {
      await test();
    } finally {
      await setAutoSubmit(control, { autoSubmit: false });
    }
  }

  for (const { render, label } of RENDER_ORDERS) {
    describe(label, () => {
      /** A Switch Role fixture URL in this order. @param {Parameters<typeof switchRoleUrl>[0]} options */
      const urlOf = (options) => inRenderOrder(switchRoleUrl(options), render);
      /** @param {string} url */
      const openIn = (url) => open(inRenderOrder(url, render));

      for (const fixture of ['en', 'zh', 'spa']) {
        test(`${fixture}: fills both fields from the link, validates them, and does not submit`, async () => {
          const page = await openIn(urlOf({ fixture, parentAlias: ACCOUNT, roleName: ROLE }));
          const banner = await waitForBanner(page, ['ready']);
          assert.equal(banner.rootType, 'closed');
          assert.match(banner.text, /acme-prod \/ admin-oss from the link/);
          assert.deepEqual(await fieldValues(page), [ACCOUNT, ROLE]);
          if (fixture === 'spa') {
            // The app saw the values through its input events (its own state, not just the DOM).
            await page.locator('button', { hasText: 'Switch' }).click();
          } else if (fixture === 'zh') {
            await page.locator('button', { hasText: '提交' }).click();
          } else {
            await page.locator('#submit').click();
          }
          assert.deepEqual(await submitted(page), { parentAlias: ACCOUNT, roleName: ROLE, trusted: true });
          await page.close();
        });
      }

      // Sign-in pages sometimes put the form in a frame of their own origin: RoleHop (one content
      // script, in the top page only) reaches into it; a frame of another origin stays out of reach.
      for (const frame of ['srcdoc', 'src']) {
        test(`the form in a same-origin frame (${frame}): filled from the link and checked, one banner on the page`, async () => {
          const page = await openIn(urlOf({ fixture: 'en', parentAlias: ACCOUNT, roleName: ROLE, extra: { frame } }));
          const banner = await waitForBanner(page, ['ready']);
          assert.match(banner.text, /acme-prod \/ admin-oss from the link/);
          assert.deepEqual(await frameFieldValues(page), [ACCOUNT, ROLE]);
          assert.equal(await (await formFrame(page))?.evaluate(() => document.querySelectorAll('[data-rolehop]').length), 0, 'no RoleHop UI inside the frame');
          await page.frameLocator('iframe.form-frame').locator('#submit').click();
          assert.deepEqual(await frameSubmitted(page), { parentAlias: ACCOUNT, roleName: ROLE, trusted: true });
          await page.close();
        });

        test(`the form in a same-origin frame (${frame}): a switch from RoleHop with auto-submit on is submitted there`, async () => {
          await withAutoSubmitOn(async () => {
            const page = await startSwitchFromRoleHop(browser, {
              url: urlOf({ fixture: 'en', parentAlias: ACCOUNT, roleName: ROLE, extra: { frame } }),
              parentAlias: ACCOUNT,
              roleName: ROLE,
              profileId: 'acme-prod',
              displayName: 'Acme production',
            });
            const sent = await waitForValue(() => frameSubmitted(page), (s) => s !== null, { what: 'the framed form to be submitted' });
            assert.deepEqual([sent.parentAlias, sent.roleName], [ACCOUNT, ROLE]);
            await page.close();
          });
        });
      }

      test('the form in a cross-origin frame is left alone: nothing filled, and the banner says the fields were not found', async () => {
        const page = await openIn(urlOf({ fixture: 'en', parentAlias: ACCOUNT, roleName: ROLE, extra: { frame: 'cross' } }));
        await waitForBanner(page, ['not-found'], 20_000);
        assert.deepEqual(await frameFieldValues(page), ['', '']);
        assert.equal(await frameSubmitted(page), null);
        await page.close();
      });

      test('spa: values the app wipes after filling (late re-initialisation) are put back', async () => {
        const page = await openIn(urlOf({ fixture: 'spa', parentAlias: ACCOUNT, roleName: ROLE, extra: { prefill: '0', reset: '150' } }));
        // The app's second form has new, empty inputs; RoleHop's guard fills them again.
        await page.waitForFunction(() => /** @type {any} */ (window).fixtureTiming?.renders === 2);
        await waitForValue(() => fieldValues(page), (v) => v[0] === ACCOUNT && v[1] === ROLE, { what: 'the values in the re-initialised form' });
        await page.locator('button', { hasText: 'Switch' }).click();
        assert.deepEqual(await submitted(page), { parentAlias: ACCOUNT, roleName: ROLE, trusted: true });
        await page.close();
      });

      test('a link to a switch is never submitted by itself, even with auto-submit on', async () => {
        await withAutoSubmitOn(async () => {
          const page = await openIn(urlOf({ fixture: 'en', parentAlias: ACCOUNT, roleName: ROLE }));
          const banner = await waitForBanner(page, ['ready']);
          assert.ok(bannerAction(banner), 'a link not from RoleHop offers to save the switch');
          assert.equal(await submitted(page), null);
          assert.equal(await submitHasFocus(page), false, 'nor is its submit button focused for a stray Enter');
          await page.close();
        });
      });

      test('a marker RoleHop never recorded does not count as a RoleHop switch', async () => {
        await withAutoSubmitOn(async () => {
          const page = await openIn(`${urlOf({ parentAlias: ACCOUNT, roleName: ROLE })}#rolehop=0123456789abcdef0123456789abcdef`);
          await waitForBanner(page, ['ready']);
          assert.equal(await submitted(page), null);
          assert.equal(new URL(page.url()).hash, '', 'the marker is taken out of the address bar');
          await page.close();
        });
      });

      for (const fixture of ['en', 'zh', 'spa']) {
        test(`${fixture}: a switch from RoleHop with auto-submit on is submitted with the profile's values`, async () => {
          await withAutoSubmitOn(async () => {
            const page = await startSwitchFromRoleHop(browser, {
              url: urlOf({ fixture, parentAlias: ACCOUNT, roleName: ROLE }),
              parentAlias: ACCOUNT,
              roleName: ROLE,
              profileId: 'acme-prod',
              displayName: 'Acme production',
              color: '#e8590c',
            });
            const sent = await waitForValue(() => submitted(page), (s) => s !== null, { what: 'the form to be submitted' });
            // Submitted by RoleHop's click on the page's own button, with the values in the page's state.
            assert.equal(sent.parentAlias, ACCOUNT);
            assert.equal(sent.roleName, ROLE);
            const banner = await waitForBanner(page, ['submitting']);
            assert.match(banner.text, /Acme production/);
            await page.close();
          });
        });
      }

      test('with no settings saved (auto-submit on by default), a switch from RoleHop is submitted by itself', async () => {
        await forgetSettings(control);
        try {
          const page = await startSwitchFromRoleHop(browser, {
            url: urlOf({ fixture: 'en', parentAlias: ACCOUNT, roleName: ROLE }),
            parentAlias: ACCOUNT,
            roleName: ROLE,
            profileId: 'acme-prod',
            displayName: 'Acme production',
          });
          const sent = await waitForValue(() => submitted(page), (s) => s !== null, { what: 'the form to be submitted' });
          assert.deepEqual([sent.parentAlias, sent.roleName], [ACCOUNT, ROLE]);
          await page.close();
        } finally {
          await setAutoSubmit(control, { autoSubmit: false });
        }
      });

      for (const fixture of ['en', 'zh', 'spa']) {
        test(`${fixture}: a switch from RoleHop with auto-submit off is filled, shows the profile, focuses the submit button, and one Enter submits`, async () => {
          const page = await startSwitchFromRoleHop(browser, {
            url: urlOf({ fixture, parentAlias: ACCOUNT, roleName: ROLE }),
            parentAlias: ACCOUNT,
            roleName: ROLE,
            profileId: 'acme-prod',
            displayName: 'Acme production',
            color: '#e8590c',
          });
          const banner = await waitForBanner(page, ['ready']);
          assert.match(banner.text, /Acme production/);
          assert.match(banner.text, /Check them and press Submit/);
          const chip = banner.elements.find((e) => e.attributes.class === 'chip');
          assert.match(chip?.attributes.style ?? '', /background: rgb\(232, 89, 12\)/);
          assert.equal(bannerAction(banner), null, 'a profile switch is not offered for saving');
          assert.deepEqual(await fieldValues(page), [ACCOUNT, ROLE]);
          assert.equal(await submitted(page), null);
          // The page's own submit control has the focus (spa: once the app enables it).
          await waitForValue(() => submitHasFocus(page), (focused) => focused, { what: 'the focus on the submit button' });
          await page.keyboard.press('Enter');
          const sent = await waitForValue(() => submitted(page), (s) => s !== null, { what: 'the form submitted by one Enter' });
          assert.deepEqual(sent, { parentAlias: ACCOUNT, roleName: ROLE, trusted: true });
          // One use: the same page loaded again is no longer a RoleHop switch.
          await page.reload();
          const again = await waitForBanner(page, ['ready']);
          assert.match(again.text, /from the link/);
          assert.equal(await submitHasFocus(page), false, 'a link gets no focused submit button');
          await page.close();
        });
      }

      test('a recorded switch for other values does not make this page a RoleHop switch', async () => {
        await withAutoSubmitOn(async () => {
          const page = await startSwitchFromRoleHop(browser, {
            url: urlOf({ fixture: 'en', parentAlias: ACCOUNT, roleName: 'root-admin' }),
            parentAlias: ACCOUNT,
            roleName: 'root-admin',
            markerValues: { parentAlias: ACCOUNT, roleName: ROLE },
            profileId: 'acme-prod',
            displayName: 'Acme production',
          });
          const banner = await waitForBanner(page, ['ready']);
          assert.match(banner.text, /from the link/);
          assert.equal(await submitted(page), null);
          await page.close();
        });
      });

      test('invalid values are reported and never submitted', async () => {
        await withAutoSubmitOn(async () => {
          const page = await startSwitchFromRoleHop(browser, {
            url: urlOf({ fixture: 'en', parentAlias: 'acme_prod!', roleName: 'admin oss' }),
            parentAlias: 'acme_prod!',
            roleName: 'admin oss',
            profileId: 'broken',
            displayName: 'Broken',
          });
          const banner = await waitForBanner(page, ['invalid']);
          // Each field's problem in the catalog's words (not an object or an id).
          const en = messageCatalog('en', { resolvePlaceholders: true });
          assert.ok(banner.text.includes(`Account: ${fill(en.core_profile_alias_character, 'acme_prod!', '_')}`), banner.text);
          assert.ok(banner.text.includes(`Role name: ${fill(en.core_profile_role_name_character, 'admin oss', ' ', 6)}`), banner.text);
          assert.equal(await submitted(page), null);
          await page.close();
        });
      });

      test('when the fields cannot be found, the banner says so and the page is left alone', async () => {
        const page = await openIn(urlOf({ fixture: 'unknown', parentAlias: ACCOUNT, roleName: ROLE }));
        const banner = await waitForBanner(page, ['not-found'], 20_000);
        assert.match(banner.text, /could not find the Switch Role fields/);
        assert.match(banner.text, /Account: acme-prod, role: admin-oss/);
        assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('input')].map((i) => i.value)), ['', '']);
        await page.close();
      });

      test('no action on a look-alike host or on other paths', async () => {
        // Control: the real page gets RoleHop's isolated world and banner.
        const real = await openIn(urlOf({ fixture: 'zh', parentAlias: ACCOUNT, roleName: ROLE }));
        await waitForBanner(real, ['ready']);
        assert.notEqual(await evaluateInContentWorld(real, browser.extensionId, '1'), null);
        await real.close();
        for (const url of [
          urlOf({ host: 'signin.aliyun.com.example.test', fixture: 'zh', parentAlias: ACCOUNT, roleName: ROLE }),
          urlOf({ path: '/switchRole.htmx', fixture: 'zh', parentAlias: ACCOUNT, roleName: ROLE }),
          urlOf({ path: '/login.htm', fixture: 'zh', parentAlias: ACCOUNT, roleName: ROLE }),
        ]) {
          const page = await openIn(url);
          await waitForRender(page);
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
          assert.deepEqual(await readRoleHopUi(page, 'switch-banner'), [], `no banner on ${url}`);
          assert.deepEqual(await fieldValues(page), ['', ''], `fields untouched on ${url}`);
          if (new URL(url).pathname !== '/switchRole.htmx') {
            assert.equal(await evaluateInContentWorld(page, browser.extensionId, '1'), null, `no RoleHop content script on ${url}`);
          }
          await page.close();
        }
      });

      test('after a switch typed by hand, RoleHop offers to save it and saves it as a profile', async () => {
        await saveProfiles(control, '[profile existing]\naccount = other\nrole_name = reader\n');
        const page = await openIn(urlOf({ fixture: 'en' }));
        await waitForBanner(page, ['hand']);
        await page.locator('#parentAlias').fill('acme-dev');
        await page.locator('#roleName').fill('dev-admin');
        const offer = await waitForValue(
          () => readRoleHopUi(page, 'switch-banner'),
          (uis) => uis.length === 1 && bannerAction(uis[0]) !== null,
          { what: 'the save offer' },
        );
        assert.match(offer[0].text, /acme-dev \/ dev-admin is not one of your profiles yet/);
        // A page cannot press the button: its click at the host never reaches inside the closed root.
        await page.evaluate(() => document.querySelector('[data-rolehop="switch-banner"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true })));
        await trustedClick(page, /** @type {{backendNodeId: number}} */ (bannerAction(offer[0])).backendNodeId);
        const saved = await waitForBanner(page, ['saved']);
        assert.match(saved.text, /saved this switch as a profile/);
        const text = await loadProfiles(control);
        assert.match(text, /^\[profile existing\]/, 'the existing profiles are kept, first');
        assert.match(text, /\[profile acme-dev\.dev-admin\]\n(?:.*\n)*account = acme-dev\n/);
        assert.match(text, /role_name = dev-admin/);
        assert.equal(await submitted(page), null, 'saving does not submit the form');
        await page.close();

        // The same values again: recognised as the saved profile, no second offer.
        const again = await openIn(urlOf({ fixture: 'en', parentAlias: 'acme-dev', roleName: 'dev-admin' }));
        const known = await waitForBanner(again, ['ready']);
        assert.equal(bannerAction(known), null);
        assert.match(known.text, /dev-admin @ acme-dev/);
        await again.close();
      });

      test('the worker refuses forged and misplaced content-script messages', async () => {
        const page = await openIn(urlOf({ fixture: 'en', parentAlias: ACCOUNT, roleName: ROLE }));
        await waitForBanner(page, ['ready']);
        /** @param {unknown} message */
        const send = async (message) =>
          (await evaluateInContentWorld(page, browser.extensionId, `chrome.runtime.sendMessage(${JSON.stringify(message)})`))?.value;
        const cases = /** @type {Array<[unknown, string, RegExp]>} */ ([
          [{ type: 'core.sign', request: { kind: 'rpc' } }, 'not-allowed', /content scripts may not send core\.sign/],
          [{ type: 'credentials.status' }, 'not-allowed', /content scripts may not send/],
          [{ type: 'identity.lookup', accountUid: '1746000000000001', roleName: ROLE }, 'not-allowed', /accepted only from a console page/],
          [{ type: 'switch.context', parentAlias: 7, roleName: ROLE }, 'invalid-message', /message\.parentAlias must be a JSON string/],
          [{ type: 'switch.context', parentAlias: ACCOUNT, roleName: ROLE, tabId: 1 }, 'invalid-message', /unexpected field message\.tabId/],
          [{ type: 'switch.context', marker: 'x', parentAlias: ACCOUNT, roleName: ROLE }, 'invalid-message', /marker must be 8-64/],
          [{ type: 'switch.validate', parentAlias: '', roleName: ROLE }, 'invalid-message', /parentAlias must be 1-128 characters/],
        ]);
        for (const [message, kind, reason] of cases) {
          const reply = await send(message);
          assert.equal(reply?.error?.kind, kind, JSON.stringify({ message, reply }));
          assert.match(reply.error.message, reason);
        }
        // A forged marker is simply not a RoleHop switch.
        assert.deepEqual(await send({ type: 'switch.context', marker: 'ffffffffffffffffffffffffffffffff', parentAlias: ACCOUNT, roleName: ROLE }), {
          fromRoleHop: false,
          autoSubmit: false,
        });
        // The answers never carry profile text or secrets: only the documented fields.
        assert.deepEqual(Object.keys(await send({ type: 'switch.validate', parentAlias: ACCOUNT, roleName: ROLE })).sort(), ['ok', 'problems']);
        await page.close();

        // From an extension page (not the Switch Role page) the switch messages are refused too.
        const reply = await browser.sendMessage(control, { type: 'switch.context', parentAlias: ACCOUNT, roleName: ROLE });
        assert.equal(reply?.error?.kind, 'not-allowed');
      });
    });
  }

  test('the whole chain with the default settings: one Enter in the popup ends in the switched console', async () => {
    const UID = '1746000000000001';
    await saveProfiles(control, `[profile acme-prod]\naccount = ${UID}\nrole_name = ${ROLE}\ndisplay_name = Acme production\ncolor = #e8590c\n`);
    await forgetSettings(control); // never saved: auto-submit is on by default
    // The fixture page goes on to the console after a submit, as the real one does.
    await browser.context.addCookies([{ name: 'fixture-switch-to', value: UID, domain: 'signin.aliyun.com', path: '/', secure: true }]);
    try {
      const popup = await browser.openPage('popup/popup.html');
      await popup.waitForFunction(() => performance.getEntriesByName('rolehop:popup-ready').length > 0);
      // The tab in front of the popup is the one a switch replaces.
      const tab = await open('https://home.console.aliyun.com/?config=main&nav=');
      await popup.locator('#search').fill('acme prod');
      await popup.locator('#search').press('Enter'); // the only input
      await tab.waitForURL((u) => u.hostname === 'home.console.aliyun.com' && u.searchParams.get('config') === 'sts', { timeout: 30_000 });
      assert.equal(new URL(tab.url()).searchParams.get('nav'), `${ROLE}/alice`);
      // The popup opened on that tab knows the switched identity: its profile is marked current
      // and "Back to my identity" is offered.
      await popup.reload();
      const current = popup.locator('[role="option"][aria-current="true"]');
      await current.first().waitFor({ timeout: 10_000 });
      // Under Recent (just used) and in the list.
      assert.deepEqual(await current.locator('.name').allInnerTexts(), ['Acme production', 'Acme production']);
      await popup.locator('#exit:not([hidden])').waitFor();
      await popup.close();
      await tab.close();
    } finally {
      await browser.context.clearCookies({ name: 'fixture-switch-to' });
      await setAutoSubmit(control, { autoSubmit: false });
    }
  });

  test('no errors in any page or the service worker', () => {
    assert.deepEqual(browser.errors, []);
  });
});

describe('the Switch Role banner in Chinese', () => {
  test('a browser in Chinese gets the banner in Chinese', async () => {
    const { open, close } = await launchWithFixtureServer(startConsoleFixtures, { lang: 'zh-CN' });
    try {
      const page = await open(switchRoleUrl({ fixture: 'zh', parentAlias: ACCOUNT, roleName: ROLE }));
      const banner = await waitForBanner(page, ['ready']);
      assert.match(banner.text, /已根据链接填写 acme-prod \/ admin-oss/);
      assert.equal(banner.elements.find((e) => e.nodeName === 'SECTION')?.attributes.lang, 'zh-CN');
      assert.equal(bannerAction(banner)?.text, '保存为配置');
      await page.close();
      // Values that are no switch: each field's problem in Chinese, one sentence after another.
      const invalid = await open(switchRoleUrl({ fixture: 'zh', parentAlias: 'acme_prod!', roleName: 'admin oss' }));
      const refused = await waitForBanner(invalid, ['invalid']);
      const zh = messageCatalog('zh_CN', { resolvePlaceholders: true });
      assert.ok(refused.text.includes(`没有提交：填写的值无效。账号：${fill(zh.core_profile_alias_character, 'acme_prod!', '_')}`), refused.text);
      assert.ok(refused.text.includes(`角色名称：${fill(zh.core_profile_role_name_character, 'admin oss', ' ', 6)}`), refused.text);
    } finally {
      await close();
    }
  });
});
