// Launches the real Chromium with the shipped, unmodified dist/chromium loaded, and finds the
// extension by its service worker. Optionally maps real hostnames to local HTTPS servers
// (see tests/lib/https-server.js) so the extension meets its real hosts in tests. Also reads the
// shipped message catalogs, so tests compare against the texts users get.
//
// Every launch watches for uncaught exceptions in ALL of the extension's contexts (service worker,
// extension pages, offscreen documents, content scripts in their isolated worlds and the MAIN-world
// script; see extension-errors.js) and fails the run on any: close() throws after closing the
// browser, and useFixtureServer's afterEach fails the test during which one was thrown. A test
// that throws one on purpose takes it with takeExtensionErrors(). The web pages' own exceptions
// (fixture pages may throw on purpose) are not the extension's: pageErrors() lists them.

import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, afterEach, before } from 'node:test';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchErrors } from './extension-errors.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist', 'chromium');
/** Screenshots and other artefacts (git-ignored). */
export const TMP = join(ROOT, 'tests', '.tmp');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Worker} Worker */
/** @typedef {import('../lib/https-server.js').HttpsServer} HttpsServer */

/**
 * @typedef {object} LaunchOptions
 * @property {string} [hostResolverRules] e.g. `MAP signin.aliyun.com 127.0.0.1:8443` (see https-server.js)
 * @property {string} [lang] browser UI language, e.g. `zh-CN`
 * @property {string[]} [args] extra Chromium switches
 * @property {string} [userDataDir] a browser profile to start with (a restart); default: a new, empty one
 */

/**
 * @typedef {object} ExtensionBrowser
 * @property {BrowserContext} context
 * @property {Worker} worker the extension's service worker
 * @property {string} extensionId
 * @property {(path: string) => string} url a `chrome-extension://` URL inside the extension
 * @property {(path: string) => Promise<Page>} openPage opens an extension page in a new tab
 * @property {(page: Page, message: unknown) => Promise<any>} sendMessage `chrome.runtime.sendMessage` from `page`
 * @property {string[]} errors console errors and uncaught page errors seen since launch (pages and
 *   the service worker); tests assert it stays empty
 * @property {() => Promise<string[]>} extensionErrors uncaught exceptions in the extension's
 *   contexts (content-script worlds included) not yet taken
 * @property {() => Promise<string[]>} takeExtensionErrors the same, forgotten once read
 * @property {() => Promise<string[]>} extensionLogs every console message the extension wrote, as
 *   `level: text` (tests that handle secrets assert none is there)
 * @property {() => Promise<string[]>} pageErrors uncaught exceptions of the web pages' own scripts
 * @property {() => Promise<void>} close closes the browser; then throws if the extension threw
 *   anything not taken
 */

/**
 * @param {LaunchOptions} [options]
 * @returns {Promise<ExtensionBrowser>}
 */
export async function launchExtension({ hostResolverRules, lang, args = [], userDataDir = '' } = {}) {
  const switches = [
    `--disable-extensions-except=${DIST}`,
    `--load-extension=${DIST}`,
    '--no-sandbox', // tests run as root in CI
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    ...(hostResolverRules ? [`--host-resolver-rules=${hostResolverRules}`, '--ignore-certificate-errors'] : []),
    ...(lang ? [`--lang=${lang}`] : []),
    ...args,
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: switches,
    // `--lang` picks the extension's message catalog (_locales/zh_CN); `locale` sets what pages
    // see as navigator.language and chrome.i18n.getUILanguage(). The environment (LANG,
    // LANGUAGE) changes neither in headless Chromium.
    ...(lang ? { locale: lang } : {}),
  });
  /** @type {string[]} */
  const errors = [];
  context.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error at ${m.location().url}: ${m.text()}`);
  });
  context.on('weberror', (e) => errors.push(`uncaught in ${e.page()?.url() ?? 'a page'}: ${e.error()}`));
  /** @type {import('./extension-errors.js').ErrorWatch | undefined} */
  let watch;
  try {
    const browser = context.browser();
    if (!browser) throw new Error('Playwright gave no browser for the persistent context: cannot watch for exceptions');
    watch = await watchErrors(browser);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    const exceptions = /** @type {import('./extension-errors.js').ErrorWatch} */ (watch);
    /** @param {string} path */
    const url = (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
    return {
      context,
      worker,
      extensionId,
      url,
      async openPage(path) {
        const page = await context.newPage();
        await page.goto(url(path));
        return page;
      },
      sendMessage: (page, message) => page.evaluate((m) => chrome.runtime.sendMessage(m), message),
      errors,
      extensionErrors: () => exceptions.extensionErrors(extensionId),
      takeExtensionErrors: () => exceptions.takeExtensionErrors(extensionId),
      pageErrors: () => exceptions.pageErrors(extensionId),
      extensionLogs: () => exceptions.extensionLogs(extensionId),
      async close() {
        const left = await exceptions.extensionErrors(extensionId).catch((e) => [`the exception watch failed: ${e}`]);
        await exceptions.stop();
        await context.close();
        if (left.length > 0) throw new ExtensionExceptions(left);
      },
    };
  } catch (e) {
    await watch?.stop();
    await context.close();
    throw e;
  }
}

/** Uncaught exceptions in the extension's contexts: a failure of whatever test or file saw them. */
export class ExtensionExceptions extends Error {
  /** @param {string[]} seen */
  constructor(seen) {
    super(`uncaught exceptions in RoleHop's contexts (${seen.length}):\n${seen.map((s) => `  - ${s}`).join('\n')}`);
    this.name = 'ExtensionExceptions';
    this.seen = seen;
  }
}

/**
 * Saves a screenshot of `page`'s body (the size a popup shows at) under tests/.tmp/.
 * @param {Page} page
 * @param {string} name file name, e.g. `popup-en.png`
 * @returns {Promise<string>} the file's path
 */
export async function screenshot(page, name) {
  mkdirSync(TMP, { recursive: true });
  const path = join(TMP, name);
  await page.locator('body').screenshot({ path });
  return path;
}

/**
 * Saves a screenshot of one element (e.g. a RoleHop host on a web page) under tests/.tmp/.
 * @param {import('playwright-core').Locator} element
 * @param {string} name file name
 * @returns {Promise<string>} the file's path
 */
export async function screenshotElement(element, name) {
  mkdirSync(TMP, { recursive: true });
  const path = join(TMP, name);
  await element.screenshot({ path });
  return path;
}

/**
 * @typedef {object} FixtureBrowser the extension with real hostnames mapped to a fixture server
 * @property {HttpsServer} server
 * @property {ExtensionBrowser} browser
 * @property {(url: string) => Promise<Page>} open opens `url` in a new tab
 * @property {() => Promise<void>} close closes the browser, then the server
 */

/**
 * Starts a fixture HTTPS server and launches the extension with the server's hostnames mapped to
 * it. The server is closed again when the launch fails.
 * @param {() => Promise<HttpsServer>} startServer e.g. startConsoleFixtures (tests/fixtures/console/server.js)
 * @param {Omit<LaunchOptions, 'hostResolverRules'>} [options]
 * @returns {Promise<FixtureBrowser>}
 */
export async function launchWithFixtureServer(startServer, options = {}) {
  const server = await startServer();
  try {
    const browser = await launchExtension({ ...options, hostResolverRules: server.hostResolverRules });
    return {
      server,
      browser,
      async open(url) {
        const page = await browser.context.newPage();
        await page.goto(url);
        return page;
      },
      async close() {
        try {
          await browser.close();
        } finally {
          await server.close();
        }
      },
    };
  } catch (e) {
    await server.close();
    throw e;
  }
}

/**
 * The same for a whole describe block (or file): registers its before hook (launch, then
 * `ready`, where the block takes what it needs and prepares its state) and its after hook (close).
 * @param {() => Promise<HttpsServer>} startServer
 * @param {(env: FixtureBrowser) => Promise<void> | void} ready
 * @param {Omit<LaunchOptions, 'hostResolverRules'>} [options]
 */
export function useFixtureServer(startServer, ready, options = {}) {
  /** @type {FixtureBrowser | undefined} */
  let env;
  before(async () => {
    env = await launchWithFixtureServer(startServer, options);
    await ready(env);
  });
  // The test during which the extension threw fails (not only the file, at close).
  afterEach(async () => {
    const seen = (await env?.browser.takeExtensionErrors()) ?? [];
    if (seen.length > 0) throw new ExtensionExceptions(seen);
  });
  after(async () => {
    await env?.close();
  });
}

/**
 * The shipped message catalog of `locale` (dist/chromium/_locales/<locale>/messages.json) as
 * message key -> text. `resolvePlaceholders`: named placeholders ($COUNT$) replaced by their
 * content ($1...), as chrome.i18n.getMessage does before substituting (see `fill`); otherwise the
 * text as written.
 * @param {string} locale e.g. `en`, `zh_CN`
 * @param {{resolvePlaceholders?: boolean}} [options]
 * @returns {Record<string, string>}
 */
export function messageCatalog(locale, { resolvePlaceholders = false } = {}) {
  /** @type {Record<string, {message: string, placeholders?: Record<string, {content: string}>}>} */
  const raw = JSON.parse(readFileSync(join(DIST, '_locales', locale, 'messages.json'), 'utf8'));
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [
      k,
      resolvePlaceholders
        ? v.message.replace(/\$([A-Za-z0-9_]+)\$/g, (w, name) => v.placeholders?.[name.toLowerCase()]?.content ?? w)
        : v.message,
    ]),
  );
}

/**
 * The text of message `key` in `catalog`; throws when the catalog has no such message.
 * @param {Record<string, string>} catalog from messageCatalog
 * @param {string} key
 */
export function msg(catalog, key) {
  const text = catalog[key];
  if (text === undefined) throw new Error(`no message ${key} in the catalog`);
  return text;
}

/**
 * Puts `values` into a message's $1..$9 (a text from messageCatalog with resolvePlaceholders).
 * @param {string} template
 * @param {...(string | number)} values
 */
export const fill = (template, ...values) => template.replace(/\$([1-9])/g, (_, n) => String(values[Number(n) - 1]));
