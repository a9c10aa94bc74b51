// Screens as users see them: screenshots of a screen at the three widths and both colour schemes
// into tests/.tmp/screens/, and on each the layout rules every RoleHop screen keeps:
// - body text at least 13 px, no text under 12 px;
// - no clipped text: a box whose text does not fit (scrollWidth > clientWidth, or scrollHeight >
//   clientHeight where it hides overflow) is a problem, except text fields and scroll boxes the
//   caller allows by selector;
// - RoleHop's UI on a web page (inside its closed shadow roots, reached through the DevTools
//   protocol) follows the same rules and never overlaps the page's own controls.
// The caller sets the language (settings, or a browser launched with --lang) and the state of the
// screen; `auditScreen` sizes the viewport, switches light/dark, shoots and checks.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TMP } from './harness.js';

/** @typedef {import('playwright-core').Page} Page */

export const SCREENS = join(TMP, 'screens');
export const WIDTHS = Object.freeze([380, 800, 1280]);
export const SCHEMES = /** @type {const} */ (['light', 'dark']);
const MIN_BODY_PX = 13;
const MIN_TEXT_PX = 12;

/**
 * @typedef {object} TextProblem
 * @property {string} what `small-text`, `small-body`, `clipped`, `overlap`
 * @property {string} where a short description of the element (tag, class, text)
 * @property {string} detail
 */

/**
 * The audit, run in the page on one root (a document or a shadow root). Kept free of closures:
 * it is sent as source text to the page (page.evaluate) and to shadow roots (CDP callFunctionOn).
 * `this` is the root; `allowed` are selectors of elements whose overflow is intended (text
 * fields, code that scrolls).
 * @this {Document | ShadowRoot}
 * @param {{minBody: number, minText: number, allowed: string[]}} rules
 * @returns {Array<{what: string, where: string, detail: string}>}
 */
function auditRoot(rules) {
  const problems = [];
  const root = this;
  const describe = (/** @type {Element} */ el) => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}> "${text}"`;
  };
  const visible = (/** @type {Element} */ el) => {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    // Visually hidden text (for screen readers: 1 px, clipped) is not on the screen.
    const rect = el.getBoundingClientRect();
    return rect.width > 1 && rect.height > 1;
  };
  const allowed = (/** @type {Element} */ el) => rules.allowed.some((selector) => el.closest(selector));
  if ('body' in root && root.body) {
    const size = parseFloat(getComputedStyle(root.body).fontSize);
    if (size < rules.minBody) problems.push({ what: 'small-body', where: '<body>', detail: `${size}px` });
  }
  const elements = root.querySelectorAll('*');
  for (const el of elements) {
    if (el instanceof HTMLStyleElement || el instanceof HTMLScriptElement || !visible(el)) continue;
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
    const style = getComputedStyle(el);
    if (ownText) {
      const size = parseFloat(style.fontSize);
      if (size < rules.minText) problems.push({ what: 'small-text', where: describe(el), detail: `${size}px` });
    }
    if (!ownText || style.display === 'inline' || allowed(el)) continue;
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) continue;
    const scrolls = (/** @type {string} */ o) => o === 'auto' || o === 'scroll';
    if (!scrolls(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      problems.push({ what: 'clipped', where: describe(el), detail: `text ${el.scrollWidth}px wide in ${el.clientWidth}px` });
    }
    const hides = (/** @type {string} */ o) => o === 'hidden' || o === 'clip';
    if (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1) {
      problems.push({ what: 'clipped', where: describe(el), detail: `text ${el.scrollHeight}px high in ${el.clientHeight}px` });
    }
  }
  return problems;
}

/**
 * The boxes of the page's own controls (buttons, links, fields), in the main document.
 * @param {Page} page
 * @returns {Promise<Array<{x: number, y: number, width: number, height: number, where: string}>>}
 */
function pageControls(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], input, select, textarea, [role="button"], [role="tab"], [role="menuitem"]')]
      .filter((el) => !el.closest('[data-rolehop]'))
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && rect.height > 0)
      .map(({ el, rect }) => ({ x: rect.x, y: rect.y, width: rect.width, height: rect.height, where: `<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 30)}"` })),
  );
}

/**
 * Runs `source` (a function declaration) with `this` = the node `backendNodeId`, through the
 * DevTools protocol: works inside closed shadow roots, and on extension pages whose CSP forbids
 * eval.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {number} backendNodeId
 * @param {string} source
 * @param {unknown} arg
 */
async function callOn(cdp, backendNodeId, source, arg) {
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: source,
    arguments: [{ value: arg }],
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`the screen audit failed in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

/**
 * The visible boxes under `this` (a shadow root), for the overlap check: each cut to what its
 * scrolling or clipping ancestors show (content scrolled out of a panel's view covers nothing).
 */
const VISIBLE_BOXES = `function () {
  const shown = (el) => {
    let r = el.getBoundingClientRect();
    let [x1, y1, x2, y2] = [r.left, r.top, r.right, r.bottom];
    for (let a = el.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const c = a.getBoundingClientRect();
      [x1, y1, x2, y2] = [Math.max(x1, c.left), Math.max(y1, c.top), Math.min(x2, c.right), Math.min(y2, c.bottom)];
    }
    return { x: x1, y: y1, width: Math.max(0, x2 - x1), height: Math.max(0, y2 - y1) };
  };
  return [...this.querySelectorAll('*')]
    .filter((el) => !(el instanceof HTMLStyleElement) && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => ({ el, rect: shown(el) }))
    .filter(({ rect }) => rect.width > 0 && rect.height > 0)
    .map(({ el, rect }) => ({ ...rect, where: '<' + el.tagName.toLowerCase() + '>' }));
}`;

/**
 * Audits the page: the whole document (an extension page), or (a web page) RoleHop's UI inside each
 * closed shadow root (hosts carry `data-rolehop`): the text rules, and that none of its visible
 * boxes overlaps a control of the page.
 * @param {Page} page
 * @param {{allowed: string[], webPage: boolean}} options
 * @returns {Promise<TextProblem[]>}
 */
async function audit(page, { allowed, webPage }) {
  const rules = { minBody: MIN_BODY_PX, minText: MIN_TEXT_PX, allowed };
  const cdp = await page.context().newCDPSession(page);
  try {
    /** @type {{root: any}} */
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    if (!webPage) return await callOn(cdp, root.backendNodeId, auditRoot.toString(), rules);
    /** @type {any[]} */
    const shadows = [];
    (function walk(/** @type {any} */ node) {
      const attrs = node.attributes ?? [];
      const isHost = attrs.some((/** @type {string} */ a, /** @type {number} */ i) => i % 2 === 0 && a === 'data-rolehop');
      if (isHost && node.shadowRoots?.[0]) shadows.push(node.shadowRoots[0]);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    })(root);
    /** @type {TextProblem[]} */
    const problems = [];
    const controls = await pageControls(page);
    for (const shadow of shadows) {
      problems.push(...(await callOn(cdp, shadow.backendNodeId, auditRoot.toString(), rules)));
      /** @type {Array<{x: number, y: number, width: number, height: number, where: string}>} */
      const boxes = await callOn(cdp, shadow.backendNodeId, VISIBLE_BOXES, null);
      for (const control of controls) {
        const hit = boxes.find((b) => b.x < control.x + control.width && control.x < b.x + b.width && b.y < control.y + control.height && control.y < b.y + b.height);
        if (hit) problems.push({ what: 'overlap', where: control.where, detail: `covered by RoleHop's ${hit.where}` });
      }
    }
    return problems;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Shoots `page` at every width and scheme as `<name>-<width>-<scheme>.png` in tests/.tmp/screens/
 * and fails (listing every problem) when a rule is broken on any of them.
 * @param {Page} page
 * @param {string} name e.g. `options-editor-en`
 * @param {object} [options]
 * @param {readonly number[]} [options.widths]
 * @param {number} [options.height] viewport height (default 900; the popup passes its own)
 * @param {boolean} [options.fullPage] the whole page, not the viewport (default true)
 * @param {string[]} [options.allowed] selectors whose overflow is intended (a text field, code that scrolls)
 * @param {boolean} [options.webPage] a web page with RoleHop's UI in shadow roots: audit that UI (and
 *   its overlap with the page's controls), not the page's own text
 * @param {(page: Page) => Promise<void>} [options.settle] waits for the screen after a resize or scheme change
 * @returns {Promise<string[]>} the files written
 */
export async function auditScreen(page, name, { widths = WIDTHS, height = 900, fullPage = true, allowed = [], webPage = false, settle } = {}) {
  mkdirSync(SCREENS, { recursive: true });
  /** @type {string[]} */
  const failures = [];
  /** @type {string[]} */
  const files = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height });
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await settle?.(page);
      const path = join(SCREENS, `${name}-${width}-${scheme}.png`);
      await page.screenshot({ path, fullPage });
      files.push(path);
      const problems = await audit(page, { allowed, webPage });
      for (const p of problems) failures.push(`${name} at ${width}px ${scheme}: ${p.what} ${p.where}: ${p.detail}`);
    }
  }
  await page.emulateMedia({ colorScheme: null });
  assert.deepEqual(failures, [], `layout problems (screenshots in ${SCREENS}):\n${failures.join('\n')}`);
  return files;
}
