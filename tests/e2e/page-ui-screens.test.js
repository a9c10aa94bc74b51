// RoleHop's UI on web pages as users see it (issue 11), in the shipped dist/chromium on the fixture
// pages served at the real hostnames, in English and in Chinese (the browser's language picks the
// extension's catalog), at 380, 800 and 1280 px, light and dark (tests/e2e/screens.js writes the
// screenshots to tests/.tmp/screens and checks text sizes, clipping and that RoleHop's UI covers
// none of the page's controls):
// - the identity strip on a console page: the profile's name, the role and the full account UID,
//   in the profile's colour with ink of readable contrast, the account never shortened or wrapped,
//   the console's top bar below it, not under it;
// - the RAM helper panel: docked (side or bottom) with the page making room, so the RAM page's
//   table columns are never under it, expanded or collapsed; collapsed stays collapsed on reload;
// - the Switch Role banner: a strip the page makes room for, never over the form's fields or its
//   submit button.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useFixtureServer } from './harness.js';
import { auditScreen, WIDTHS } from './screens.js';
import { startConsoleFixtures } from '../fixtures/console/server.js';
import { startRamConsoleFixtures } from '../fixtures/ram-console/server.js';
import { controlPage, evaluateInRoleHopUi, readRoleHopUi, saveProfiles, setAutoSubmit, switchRoleUrl, trustedClick, waitForBanner, waitForRender, waitForValue } from './content-helpers.js';
import { panelWhen, RAM_TUTORIAL } from './ram-panel-helpers.js';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {{x: number, y: number, width: number, height: number}} Box */

const LANGUAGES = /** @type {const} */ ([
  { code: 'en', lang: 'en-US' },
  { code: 'zh', lang: 'zh-CN' },
]);
const LONG_NAME = 'Acme production, read-only access for the data team in Hangzhou';
const PROFILES = [
  { id: 'acme-prod', uid: '1746000000000001', role: 'admin-oss', nav: 'admin-oss/alice', name: LONG_NAME, color: '#e8590c', alias: 'acme-prod' },
  { id: 'acme-yellow', uid: '1746000000000002', role: 'ops-reader', nav: 'ops-reader/bob', name: 'Acme ops', color: '#ffd43b' },
  { id: 'acme-navy', uid: '1746000000000003', role: 'auditor', nav: 'auditor/carol', name: 'Acme audit', color: '#1c2e6e' },
];

/** Waits for layout after a resize or a colour-scheme change (the room RoleHop takes follows a ResizeObserver). */
const settle = (/** @type {Page} */ page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 150)))));

/** @param {Box} a @param {Box} b */
const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The box of RoleHop's host `name` in the page. @param {Page} page @param {string} name @returns {Promise<Box>} */
function hostBox(page, name) {
  return page.evaluate((n) => {
    const r = /** @type {Element} */ (document.querySelector(`[data-rolehop="${n}"]`)).getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, name);
}

/** Boxes of the page's elements matching `selector`. @param {Page} page @param {string} selector */
function boxesOf(page, selector) {
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, what: `<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 30)}"` };
  }).filter((b) => b.width > 0 && b.height > 0), selector);
}

/** WCAG contrast ratio of two `rgb(...)` colours. @param {string} a @param {string} b */
function contrast(a, b) {
  const luminance = (/** @type {string} */ rgb) => {
    const [r, g, bl] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => Number(c) / 255);
    const lin = (/** @type {number} */ c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `#rrggbb` as the browser computes it. @param {string} hex */
const rgbOf = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/**
 * What the identity strip shows and how, read inside its closed shadow root by what it shows (not
 * by its classes): its outermost box and colour, the profile name's ink and background, and the
 * account UID: on how many lines its characters are, and whether anything cuts them.
 */
const READ_STRIP = `function ({ name, uid }) {
  const all = [...this.querySelectorAll('*')].filter((el) => !(el instanceof HTMLStyleElement));
  const outer = all[0];
  const backgroundOf = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
    }
    return 'rgb(255, 255, 255)';
  };
  const deepest = (text) => all.filter((el) => (el.textContent ?? '').includes(text)).pop() ?? null;
  const nameEl = deepest(name);
  const accountEl = deepest(uid);
  const box = outer.getBoundingClientRect();
  const out = { text: this.textContent, background: backgroundOf(outer), top: box.top, width: box.width, bottom: box.bottom,
    nameInk: nameEl ? getComputedStyle(nameEl).color : null, nameBackground: nameEl ? backgroundOf(nameEl) : null, accountLines: 0, accountWhole: false };
  const node = accountEl && [...accountEl.childNodes].find((n) => n.nodeType === 3 && n.textContent.includes(uid));
  if (!node) return out;
  const range = document.createRange();
  range.setStart(node, node.textContent.indexOf(uid));
  range.setEnd(node, node.textContent.indexOf(uid) + uid.length);
  const uidBox = range.getBoundingClientRect();
  out.accountLines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  out.accountWhole = uidBox.left >= -0.5 && uidBox.right <= innerWidth + 0.5;
  for (let e = accountEl; e; e = e.parentElement) {
    if (getComputedStyle(e).overflowX === 'visible') continue;
    const clip = e.getBoundingClientRect();
    if (uidBox.left < clip.left - 0.5 || uidBox.right > clip.right + 0.5) out.accountWhole = false;
  }
  return out;
}`;

for (const { code, lang } of LANGUAGES) {
  describe(`RoleHop on web pages (${code})`, () => {
    describe('a console page: the identity strip; the Switch Role page: the banner', () => {
      /** @type {(url: string) => Promise<Page>} */
      let open;

      useFixtureServer(startConsoleFixtures, async (env) => {
        ({ open } = env);
        const control = await controlPage(env.browser);
        await setAutoSubmit(control, { autoSubmit: false });
        await saveProfiles(control, PROFILES.flatMap((p) => [
          `[profile ${p.id}]`, ...('alias' in p ? [`account = ${p.alias}`] : []), `role_arn = acs:ram::${p.uid}:role/${p.role}`, `display_name = ${p.name}`, `color = ${p.color}`, '',
        ]).join('\n'));
        await control.close();
      }, { lang });

      /** Opens the console page of profile `p` and waits for the strip to show its profile. @param {typeof PROFILES[number]} p */
      async function consoleOf(p, bar = 'static') {
        const page = await open(`https://oss.console.aliyun.com/overview?uid=${p.uid}&nav=${encodeURIComponent(p.nav)}&bar=${bar}`);
        await waitForRender(page);
        await waitForValue(() => readRoleHopUi(page, 'identity-badge'), (uis) => uis.length === 1 && uis[0].text.includes(p.name), { what: `the strip of ${p.id}` });
        return page;
      }

      test('the strip shows the profile name, the role, the account alias and its full UID, in the profile colour with readable ink', async () => {
        for (const p of PROFILES) {
          const page = await consoleOf(p);
          const strip = await evaluateInRoleHopUi(page, 'identity-badge', READ_STRIP, { name: p.name, uid: p.uid });
          assert.ok(strip.text.includes(p.name) && strip.text.includes(p.nav) && strip.text.includes(p.uid), `${p.id}: the strip says "${strip.text}"`);
          // The account as the profile names it, beside the UID (only when that is an alias or domain).
          assert.equal(strip.text.includes('acme-prod'), 'alias' in p, `${p.id}: the strip says "${strip.text}"`);
          assert.equal(strip.background, rgbOf(p.color), `${p.id}: the strip is in the profile's colour`);
          assert.equal(strip.nameBackground, rgbOf(p.color), `${p.id}: the profile name is on the profile's colour`);
          const ratio = contrast(strip.nameBackground, strip.nameInk);
          assert.ok(ratio >= 4.5, `${p.id}: ink ${strip.nameInk} on ${strip.nameBackground} has contrast ${ratio.toFixed(2)}, under 4.5`);
          await page.close();
        }
      });

      // The console's top bar in the flow, fixed to the window (padding does not move it: RoleHop
      // moves it down) or sticky (stuck to the top once the page scrolls).
      for (const bar of ['static', 'fixed', 'sticky']) {
        test(`at every width the account stays whole on one line and the console's ${bar} top bar is below the strip, not under it`, async () => {
          const page = await consoleOf(PROFILES[0], bar);
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 900 });
            await settle(page);
            if (bar === 'sticky') {
              await page.evaluate(() => scrollTo(0, 400));
              await settle(page);
            }
            const strip = await evaluateInRoleHopUi(page, 'identity-badge', READ_STRIP, { name: PROFILES[0].name, uid: PROFILES[0].uid });
            assert.ok(strip.top === 0 && Math.abs(strip.width - width) < 20, `${width}px: the strip is ${strip.width} px wide at y=${strip.top}, not along the top of the window`);
            assert.equal(strip.accountLines, 1, `${width}px: the account UID takes ${strip.accountLines} lines`);
            assert.ok(strip.accountWhole, `${width}px: the account UID is cut`);
            const stripBox = await hostBox(page, 'identity-badge');
            const controls = await boxesOf(page, '[data-spm="top-nav"] :is(a, button, input, [role="button"])');
            assert.ok(controls.length >= 3, `${width}px: the top bar shows ${controls.length} controls`);
            for (const control of controls) {
              assert.ok(!overlaps(stripBox, control), `${width}px, ${bar} bar: the strip covers the top bar's ${control.what}`);
            }
          }
          if (bar === 'fixed') await auditScreen(page, `page-ui-console-strip-fixed-bar-${code}`, { webPage: true, fullPage: false, settle, widths: [800] });
          await page.close();
        });
      }

      test('screens: the console page with the strip', async () => {
        const page = await consoleOf(PROFILES[0]);
        await auditScreen(page, `page-ui-console-strip-${code}`, { webPage: true, fullPage: false, settle });
        await page.close();
      });

      test('the Switch Role banner covers neither the form\'s fields nor its submit button (screens)', async () => {
        const page = await open(switchRoleUrl({ fixture: code, parentAlias: 'acme', roleName: 'admin-oss' }));
        await waitForBanner(page, ['ready']);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await settle(page);
          const banner = await hostBox(page, 'switch-banner');
          for (const control of await boxesOf(page, 'form :is(input, button), input, button')) {
            assert.ok(!overlaps(banner, control), `${width}px: the banner covers ${control.what}`);
          }
        }
        await auditScreen(page, `page-ui-switch-banner-${code}`, { webPage: true, fullPage: false, settle });
        await page.close();
      });
    });

    describe('the RAM console: the helper panel', () => {
      /** @type {(url: string) => Promise<Page>} */
      let open;
      /** @type {Parameters<typeof controlPage>[0]} */
      let browser;

      useFixtureServer(startRamConsoleFixtures, async (env) => {
        ({ open, browser } = env);
        const control = await controlPage(env.browser);
        await control.evaluate(async (inputs) => {
          await chrome.storage.local.set({ 'rolehop.workbench': { audience: 'a', inputs, done: {} } });
        }, { ...RAM_TUTORIAL.BASE_INPUTS });
        await control.close();
      }, { lang });

      const detail = `${RAM_TUTORIAL.RAM}/roles/detail?roleName=admin-oss&policies=AliyunOSSReadOnlyAccess,AliyunSTSAssumeRoleAccess,AdminOssScopedRead${code === 'zh' ? '&lang=zh' : ''}`;
      const isReady = (/** @type {import('./ram-panel-helpers.js').PanelSeen} */ p) => p.section['data-state'] === 'ready' && p.checks.length > 0 && p.checks.every((c) => c.state !== 'checking');
      /** @param {import('./ram-panel-helpers.js').PanelSeen} p */
      const toggleOf = (p) => p.ui.elements.find((e) => e.attributes.class === 'toggle');

      /** No cell of the page's table is under the panel, at every width. @param {Page} page @param {string} state */
      async function assertColumnsFree(page, state) {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await settle(page);
          const panel = await hostBox(page, 'ram-helper');
          const cells = await boxesOf(page, '.next-table th, .next-table td');
          assert.ok(cells.length >= 8, `${width}px: the table has ${cells.length} cells`);
          for (const cell of cells) assert.ok(!overlaps(panel, cell), `${width}px, ${state}: the panel covers the table's ${cell.what}`);
        }
      }

      test('expanded, the panel covers none of the table\'s columns (screens)', async () => {
        const page = await open(detail);
        await panelWhen(page, isReady, 'the ready panel');
        await assertColumnsFree(page, 'expanded');
        await auditScreen(page, `page-ui-ram-panel-expanded-${code}`, { webPage: true, fullPage: false, settle });
        await page.close();
      });

      test('with the console\'s top bar fixed to the window, the panel covers none of its controls', async () => {
        const page = await open(`${detail}&bar=fixed`);
        await panelWhen(page, isReady, 'the ready panel');
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await settle(page);
          const panel = await hostBox(page, 'ram-helper');
          const controls = await boxesOf(page, 'header.top :is(a, button, input, [role="button"])');
          assert.ok(controls.length >= 3, `${width}px: the top bar shows ${controls.length} controls`);
          for (const control of controls) assert.ok(!overlaps(panel, control), `${width}px: the panel covers the top bar's ${control.what}`);
        }
        await auditScreen(page, `page-ui-ram-panel-fixed-bar-${code}`, { webPage: true, fullPage: false, settle, widths: [1280] });
        await page.close();
      });

      test('the chain of the workbench\'s last checks run: links in words and colour, the broken one\'s cause and fix (screens)', async () => {
        const role = { role: 'admin-oss' };
        const link = (/** @type {string} */ id, /** @type {string} */ title, /** @type {number} */ step, /** @type {string} */ status) => ({ link: id, title: { id: `core_chain_title_${title}`, args: {} }, step, status });
        const chain = [
          link('b-user', 'b_user', 2, 'pass'),
          link('assume-grant', 'assume_grant', 2, 'pass'),
          link('role-trust', 'role_trust', 1, 'pass'),
          { ...link('oss-permission', 'oss_permission', 1, 'fail'), check: 'b.list-buckets', cause: { id: 'core_check_buckets_refused', args: role }, fix: { id: 'core_check_grant_oss_fix', args: role } },
          link('bucket', 'bucket', 4, 'not-checked'),
        ];
        const control = await controlPage(browser);
        const save = (/** @type {unknown} */ saved) => control.evaluate((v) => chrome.storage.local.set({ 'rolehop.workbench': v }), saved);
        await save({ audience: 'a', inputs: { ...RAM_TUTORIAL.BASE_INPUTS }, done: {}, chain });
        const page = await open(detail);
        const panel = await panelWhen(page, (p) => isReady(p) && p.chain !== null, 'the panel with the chain');
        assert.deepEqual(panel.chain, { 'b-user': 'pass', 'assume-grant': 'pass', 'role-trust': 'pass', 'oss-permission': 'fail', bucket: 'not-checked' });
        assert.equal(panel.chainBroken.length, 1);
        // The panel docked at the side (a wide window) is narrow: it draws the column, each link's
        // state in words as well as colour.
        await page.setViewportSize({ width: 1280, height: 900 });
        await settle(page);
        const states = /** @type {Array<[string, string]>} */ (await evaluateInRoleHopUi(page, 'ram-helper', `function () {
          return [...this.querySelectorAll('figure.chain svg')]
            .filter((svg) => getComputedStyle(svg).display !== 'none')
            .map((svg) => [svg.getAttribute('data-layout'), [...svg.querySelectorAll('text.link-state')].map((t) => t.textContent).join(' | ')]);
        }`));
        assert.equal(states.length, 1, JSON.stringify(states));
        assert.equal(states[0][0], 'column');
        const en = code === 'en';
        assert.match(states[0][1], en ? /^Proved · Step 2 \| Proved · Step 2 \| Proved · Step 1 \| Broken · Step 1 \| Not checked · Step 4$/ : /^已证实 · 第 2 步 \| 已证实 · 第 2 步 \| 已证实 · 第 1 步 \| 有问题 · 第 1 步 \| 未检查 · 第 4 步$/);
        await auditScreen(page, `page-ui-ram-panel-chain-${code}`, { webPage: true, fullPage: false, settle });
        // A chain in a shape the core never gives is not drawn.
        await save({ audience: 'a', inputs: { ...RAM_TUTORIAL.BASE_INPUTS }, done: {}, chain: chain.slice(1) });
        await page.reload();
        const plain = await panelWhen(page, isReady, 'the ready panel');
        assert.equal(plain.chain, null);
        await save({ audience: 'a', inputs: { ...RAM_TUTORIAL.BASE_INPUTS }, done: {} });
        await control.close();
        await page.close();
      });

      test('collapsed, it stays collapsed on reload and covers none of the columns either (screens)', async () => {
        const page = await open(detail);
        await page.setViewportSize({ width: 1280, height: 900 });
        const panel = await panelWhen(page, isReady, 'the ready panel');
        await settle(page);
        const expanded = await hostBox(page, 'ram-helper');
        await page.bringToFront();
        await trustedClick(page, /** @type {number} */ (toggleOf(panel)?.backendNodeId));
        await panelWhen(page, (p) => toggleOf(p)?.attributes['aria-expanded'] === 'false', 'collapsed');
        await page.reload();
        await panelWhen(page, (p) => isReady(p) && toggleOf(p)?.attributes['aria-expanded'] === 'false', 'collapsed after the reload');
        await settle(page);
        const rail = await hostBox(page, 'ram-helper');
        assert.ok(rail.width < 80, `collapsed, the panel is ${rail.width} px wide (expanded: ${expanded.width})`);
        await assertColumnsFree(page, 'collapsed');
        await auditScreen(page, `page-ui-ram-panel-collapsed-${code}`, { webPage: true, fullPage: false, settle });
        await page.close();
      });
    });
  });
}
