// Helpers for the content-script tests: reading RoleHop's UI inside CLOSED shadow roots (which no
// page script and no Playwright selector can reach) through the DevTools protocol, clicking in it
// with real (trusted) mouse input, running code in the extension's isolated world of a page, and
// preparing extension state (settings, profiles, pending switches) from an extension page.

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./harness.js').ExtensionBrowser} ExtensionBrowser */

/**
 * @typedef {object} DomNode the parts of a CDP DOM.Node read here
 * @property {number} nodeType
 * @property {string} nodeName
 * @property {string} [nodeValue]
 * @property {string[]} [attributes] flat name, value, name, value...
 * @property {number} backendNodeId
 * @property {DomNode[]} [children]
 * @property {DomNode[]} [shadowRoots]
 * @property {string} [shadowRootType]
 * @property {DomNode} [contentDocument]
 */

/**
 * @typedef {object} ShadowUi what is drawn inside one RoleHop host's closed shadow root
 * @property {string} text its visible text (style elements left out)
 * @property {string} rootType `closed` for RoleHop's hosts
 * @property {Record<string, string>} hostAttributes
 * @property {Array<{nodeName: string, attributes: Record<string, string>, text: string, backendNodeId: number}>} elements
 */

/** @param {string[] | undefined} flat */
function attributesOf(flat = []) {
  /** @type {Record<string, string>} */
  const out = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i]] = flat[i + 1];
  return out;
}

/** The text shown, without style elements and without the browser's own shadow roots (a textarea's copy of its value). @param {DomNode} node @returns {string} */
function textOf(node) {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeName === 'STYLE') return '';
  const shadows = (node.shadowRoots ?? []).filter((r) => r.shadowRootType !== 'user-agent');
  return [...(node.children ?? []), ...shadows].map(textOf).join('');
}

/** @param {DomNode} node @param {(n: DomNode) => void} visit */
function walk(node, visit) {
  visit(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, visit);
  if (node.contentDocument) walk(node.contentDocument, visit);
}

/**
 * The RoleHop hosts named `name` (`switch-banner`, `identity-badge`) on the page, read through
 * CDP's DOM with `pierce` (which includes closed shadow roots).
 * @param {Page} page
 * @param {string} name
 * @returns {Promise<ShadowUi[]>}
 */
export async function readRoleHopUi(page, name) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = /** @type {{root: DomNode}} */ (await cdp.send('DOM.getDocument', { depth: -1, pierce: true }));
    /** @type {ShadowUi[]} */
    const found = [];
    walk(root, (node) => {
      const attrs = attributesOf(node.attributes);
      if (node.nodeType !== 1 || attrs['data-rolehop'] !== name) return;
      const shadow = node.shadowRoots?.[0];
      /** @type {ShadowUi['elements']} */
      const elements = [];
      if (shadow) {
        walk(shadow, (n) => {
          if (n.nodeType === 1) {
            elements.push({ nodeName: n.nodeName, attributes: attributesOf(n.attributes), text: textOf(n), backendNodeId: n.backendNodeId });
          }
        });
      }
      found.push({
        text: shadow ? textOf(shadow).replace(/\s+/g, ' ').trim() : '',
        rootType: shadow?.shadowRootType ?? 'none',
        hostAttributes: attrs,
        elements,
      });
    });
    return found;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Waits until `read()` gives a value `accept` takes (checked every 50 ms), and returns it.
 * @template T
 * @param {() => Promise<T>} read
 * @param {(value: T) => boolean} accept
 * @param {{timeout?: number, what?: string}} [options]
 * @returns {Promise<T>}
 */
export async function waitForValue(read, accept, { timeout = 15_000, what = 'a condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until a fixture page (or frame) has its content: loaded, and with ?render=late also put in
 * place by its loader (tests/lib/late-render.js).
 * @param {Page | import('playwright-core').Frame} target
 */
export async function waitForRender(target) {
  await target.waitForFunction(() =>
    document.readyState === 'complete' &&
    (!document.querySelector('script[src="/__fixture-render/late-render.js"]') || document.documentElement.dataset.fixtureRendered === 'late'));
}

/**
 * Waits for the banner (Switch Role page) to reach one of `states` and returns it.
 * @param {Page} page
 * @param {string[]} states
 * @param {number} [timeout]
 */
export async function waitForBanner(page, states, timeout = 15_000) {
  const uis = await waitForValue(
    () => readRoleHopUi(page, 'switch-banner'),
    (found) => found.length === 1 && states.includes(bannerState(found[0])),
    { timeout, what: `the RoleHop banner in state ${states.join(' or ')}` },
  );
  return uis[0];
}

/** @param {ShadowUi} ui */
export function bannerState(ui) {
  return ui.elements.find((e) => e.nodeName === 'SECTION')?.attributes['data-state'] ?? '';
}

/** The banner's action button, if shown. @param {ShadowUi} ui */
export function bannerAction(ui) {
  return ui.elements.find((e) => e.nodeName === 'BUTTON' && e.attributes.class === 'action' && !('hidden' in e.attributes)) ?? null;
}

/**
 * Clicks an element inside a closed shadow root with the real mouse (an isTrusted click), after
 * scrolling it into view.
 * @param {Page} page
 * @param {number} backendNodeId
 */
export async function trustedClick(page, backendNodeId) {
  const cdp = await page.context().newCDPSession(page);
  try {
    // As a person would: scrolled into view first (a panel's body scrolls).
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
    // Where it stays: docked UI moves when the room around it changes (after a resize).
    const boxOf = async () => /** @type {{model: {content: number[]}}} */ (await cdp.send('DOM.getBoxModel', { backendNodeId })).model.content.join();
    let box = await boxOf();
    for (let i = 0; i < 20; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const again = await boxOf();
      if (again === box) break;
      box = again;
    }
    const [x1, y1, , , x3, y3] = box.split(',').map(Number);
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Runs `expression` in RoleHop's isolated world on `page` (where its content scripts run), i.e. as
 * a RoleHop content script would: a real content-script sender for the service worker. Resolves
 * to null when RoleHop has no isolated world on the page (no content script there).
 * @param {Page} page
 * @param {string} extensionId
 * @param {string} expression awaited; its value returned by value
 */
export async function evaluateInContentWorld(page, extensionId, expression) {
  const cdp = await page.context().newCDPSession(page);
  try {
    /** @type {number[]} */
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`) contexts.push(context.id);
    });
    await cdp.send('Runtime.enable');
    if (contexts.length === 0) return null;
    const result = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: contexts[0],
      awaitPromise: true,
      returnByValue: true,
    });
    if (result.exceptionDetails) throw new Error(`isolated-world evaluation failed: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return { value: result.result.value };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * An extension page to prepare state from (imports the extension's own shared modules).
 * @param {ExtensionBrowser} browser
 */
export async function controlPage(browser) {
  return browser.openPage('popup/popup.html');
}

/**
 * Writes the settings as the options page would (storage.sync `rolehop.settings`).
 * @param {Page} control
 * @param {{autoSubmit: boolean}} settings
 */
export async function setAutoSubmit(control, { autoSubmit }) {
  await control.evaluate(async (value) => {
    await chrome.storage.sync.set({ 'rolehop.settings': { defaultSite: 'cn', autoSubmit: value, language: 'auto' } });
  }, autoSubmit);
}

/**
 * Removes the stored settings from both areas: what a browser that never saved any has (every
 * setting at its default).
 * @param {Page} control
 */
export async function forgetSettings(control) {
  await control.evaluate(async () => {
    await Promise.all([chrome.storage.sync.remove('rolehop.settings'), chrome.storage.local.remove('rolehop.settings')]);
  });
}

/**
 * Saves profile INI text through the extension's own profile store.
 * @param {Page} control
 * @param {string} text
 */
export async function saveProfiles(control, text) {
  await control.evaluate(async ({ t, path }) => {
    const store = await import(path);
    await store.saveProfilesText(t);
  }, { t: text, path: '/shared/profile-store.js' });
}

/** @param {Page} control @returns {Promise<string>} */
export async function loadProfiles(control) {
  return control.evaluate(async (path) => {
    const store = await import(path);
    return (await store.loadProfilesText()).text;
  }, '/shared/profile-store.js');
}

/**
 * Starts a switch the way the popup does for the current tab: records the pending switch for the
 * tab (shared/pending-switch.js), then navigates that tab to `url` + `#rolehop=<marker>`. The tab
 * is a new one holding an extension page first, which learns its own tab id (chrome.tabs.getCurrent).
 * @param {ExtensionBrowser} browser
 * @param {{url: string, parentAlias: string, roleName: string, site?: 'cn' | 'intl', profileId: string, displayName: string, color?: string, markerValues?: {parentAlias: string, roleName: string}}} start
 *   `markerValues`: record these values instead (a pending switch that does not match the page)
 * @returns {Promise<Page>} the tab, on the Switch Role page
 */
export async function startSwitchFromRoleHop(browser, start) {
  const page = await browser.openPage('popup/popup.html');
  const navigated = page.waitForURL((u) => u.protocol === 'https:');
  await page.evaluate(async ({ s, path }) => {
    /** @type {typeof import('../../extension/shared/pending-switch.js')} */
    const pending = await import(path);
    const tab = await chrome.tabs.getCurrent();
    if (tab?.id === undefined) throw new Error('the extension page has no tab');
    const marker = pending.newMarker();
    await pending.recordPendingSwitch({
      marker,
      tabId: tab.id,
      parentAlias: s.markerValues?.parentAlias ?? s.parentAlias,
      roleName: s.markerValues?.roleName ?? s.roleName,
      site: s.site ?? 'cn',
      profileId: s.profileId,
      displayName: s.displayName,
      ...(s.color ? { color: s.color } : {}),
    });
    // Not awaited: the page running this goes away with the navigation.
    void chrome.tabs.update(tab.id, { url: `${s.url}#rolehop=${marker}` });
  }, { s: start, path: '/shared/pending-switch.js' });
  await navigated;
  return page;
}

/**
 * The URL of a Switch Role fixture variant.
 * @param {{host?: string, path?: string, fixture?: string, parentAlias?: string, roleName?: string, extra?: Record<string, string>}} options
 */
export function switchRoleUrl({ host = 'signin.aliyun.com', path = '/switchRole.htm', fixture = 'en', parentAlias, roleName, extra = {} }) {
  const url = new URL(`https://${host}${path}`);
  if (parentAlias !== undefined) url.searchParams.set('parentAlias', parentAlias);
  if (roleName !== undefined) url.searchParams.set('roleName', roleName);
  url.searchParams.set('fixture', fixture);
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  return url.toString();
}

/**
 * Runs `source` (a function declaration, `this` = the closed shadow root of the one RoleHop host
 * named `name`) through the DevTools protocol, and returns its value: for measuring what the page
 * cannot (computed colours, boxes). Throws when the page has no such host.
 * @param {Page} page
 * @param {string} name e.g. `identity-badge`
 * @param {string} source e.g. `function (arg) { return this.querySelector('.badge').textContent; }`
 * @param {unknown} [arg]
 */
export async function evaluateInRoleHopUi(page, name, source, arg = null) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = /** @type {{root: DomNode}} */ (await cdp.send('DOM.getDocument', { depth: -1, pierce: true }));
    /** @type {DomNode | undefined} */
    let shadow;
    walk(root, (node) => {
      if (!shadow && node.nodeType === 1 && attributesOf(node.attributes)['data-rolehop'] === name) shadow = node.shadowRoots?.[0];
    });
    if (!shadow) throw new Error(`no RoleHop ${name} on ${page.url()}`);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: /** @type {string} */ (object.objectId),
      functionDeclaration: source,
      arguments: [{ value: arg }],
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`evaluation in RoleHop's ${name} failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
