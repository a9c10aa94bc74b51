// Runs the shipped, unmodified dist/firefox in real Firefox (ESR), headless, driven over
// Marionette: Firefox's own automation protocol (length-prefixed JSON on a TCP socket), so no
// geckodriver or patched browser is needed. The add-on is installed as a temporary add-on.
//
// Uncaught exceptions of the extension: Firefox has no DevTools-protocol session per page here, so
// the harness listens to the browser console (Services.console, from the chrome context) from
// before the add-on is installed, and keeps every error (not warnings) whose source is the
// add-on's moz-extension:// URL: its background page, its extension pages and its content scripts
// (Firefox reports a content script's uncaught exception, and a rejection nobody handled, with the
// script's moz-extension:// file as the source). close() throws when there were any. Not covered:
// errors Firefox reports without a source file of the add-on (e.g. from code it evaluated).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness.js';

export const FIREFOX_DIST = join(ROOT, 'dist', 'firefox');
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
/** A fixed moz-extension:// host, so tests know the extension's URLs before installing it. */
const EXTENSION_UUID = '5f0c3a52-9d1e-4b7a-8c2f-1e6d4a9b7c30';

/** A Marionette connection: one command at a time, answers matched by id. */
class Marionette {
  /** @param {import('node:net').Socket} socket */
  constructor(socket) {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
    this.pending = new Map();
    /** @type {((hello: unknown) => void) | null} */
    this.onHello = null;
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error('Firefox closed the Marionette connection'));
      this.pending.clear();
    });
  }

  /** Packets are `<byte length>:<JSON>`; answers are `[1, id, error, result]`. @param {Buffer} chunk */
  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString());
      this.buffer = this.buffer.subarray(colon + 1 + length);
      if (!Array.isArray(packet)) {
        this.onHello?.(packet); // the greeting: {applicationType, marionetteProtocol}
        continue;
      }
      const [, id, error, result] = packet;
      const waiter = this.pending.get(id);
      this.pending.delete(id);
      if (error) waiter?.reject(new Error(`Marionette: ${error.error}: ${error.message}`));
      else waiter?.resolve(result);
    }
  }

  /** @param {string} name @param {object} [params] @returns {Promise<any>} */
  command(name, params = {}) {
    const id = this.nextId++;
    const body = JSON.stringify([0, id, name, params]);
    this.socket.write(`${Buffer.byteLength(body)}:${body}`);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
}

/**
 * @typedef {object} FirefoxExtension
 * @property {string} addonId the id Firefox installed the add-on under
 * @property {string} version Firefox's version
 * @property {(path: string) => string} url a `moz-extension://` URL inside the extension
 * @property {(path: string) => Promise<void>} openPage loads an extension page in the tab
 * @property {(body: string, ...args: unknown[]) => Promise<any>} evaluate runs an async function
 *   body in the page's document (`args` in scope; `page` is the page's window, with its `chrome.*`)
 * @property {(message: unknown) => Promise<any>} sendMessage `chrome.runtime.sendMessage` from the page
 * @property {(url: string) => Promise<void>} navigate loads a web page in the tab (WebDriver:Navigate)
 * @property {(body: string, ...args: unknown[]) => Promise<any>} evaluateInContentScript runs an async
 *   function body in the add-on's content-script world of the tab's page (as a RoleHop content
 *   script would: its `browser.*`/`chrome.*`, its sender); `args` in scope; the result as JSON.
 *   `{noContentScript: true}` when RoleHop has no content script on the page
 * @property {(keys: string[]) => Promise<void>} pressKeys real key presses in the tab, one after the
 *   other (WebDriver key values, e.g. `\uE004` Tab, `\uE007` Enter)
 * @property {() => Promise<string>} readClipboard the system clipboard's text (read from the chrome context)
 * @property {() => Promise<string[]>} extensionErrors errors the browser console got from the
 *   add-on's own files since launch
 * @property {() => Promise<void>} close quits Firefox; then throws if the add-on had errors
 */

/**
 * @param {{prefs?: Record<string, string | number | boolean>, acceptInsecureCerts?: boolean}} [options]
 *   extra profile preferences (e.g. a proxy that maps real hostnames to a local server, see
 *   tests/lib/connect-proxy.js) and whether self-signed test certificates are accepted
 * @returns {Promise<FirefoxExtension>}
 */
export async function launchFirefoxExtension({ prefs: extraPrefs = {}, acceptInsecureCerts = false } = {}) {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: ./build.sh test installs firefox-esr`);
  const profile = mkdtempSync(join(tmpdir(), 'rolehop-firefox-'));
  writeFileSync(join(profile, 'user.js'), prefs({
    'marionette.port': 0, // any free port, written to <profile>/MarionetteActivePort
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: EXTENSION_UUID }),
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    ...extraPrefs,
  }));
  // System access lets the harness open moz-extension:// pages (WebDriver navigation refuses them).
  const firefox = spawn(FIREFOX, ['--headless', '--marionette', '-remote-allow-system-access', '--no-remote', '--profile', profile], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  firefox.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const exited = new Promise((resolve) => firefox.once('exit', resolve));
  const quit = async () => {
    firefox.kill();
    await exited;
    rmSync(profile, { recursive: true, force: true });
  };
  /** @type {Marionette | undefined} */
  let marionette;
  const extensionErrors = async () => (marionette ? readExtensionErrors(marionette) : []);
  const close = async () => {
    const errors = await extensionErrors().catch((e) => [`reading the browser console failed: ${e}`]);
    await quit();
    if (errors.length > 0) {
      throw new Error(`uncaught errors in RoleHop's contexts in Firefox (${errors.length}):\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    }
  };
  try {
    const connected = await connectMarionette(profile, () => stderr);
    marionette = connected;
    // Marionette reads the capabilities from the top level of the parameters.
    const session = await connected.command('WebDriver:NewSession', acceptInsecureCerts ? { acceptInsecureCerts } : { capabilities: {} });
    await connected.command('WebDriver:SetTimeouts', { script: 20_000 });
    await listenToConsole(connected);
    const { value: addonId } = await connected.command('Addon:Install', { path: FIREFOX_DIST, temporary: true });
    /** @param {string} path */
    const url = (path) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
    /** @type {FirefoxExtension['evaluate']} */
    const evaluate = async (body, ...args) => {
      const script = `const done = arguments[arguments.length - 1]; const args = [...arguments].slice(0, -1);
        const page = document.defaultView;
        (async () => { ${body} })().then(done, (e) => done({ harnessError: String(e) }));`;
      const { value } = await connected.command('WebDriver:ExecuteAsyncScript', { script, args });
      if (value && typeof value === 'object' && 'harnessError' in value) throw new Error(`in the page: ${value.harnessError}`);
      return value;
    };
    return {
      addonId,
      version: session.capabilities.browserVersion,
      url,
      async openPage(path) {
        await connected.command('Marionette:SetContext', { value: 'chrome' });
        await connected.command('WebDriver:ExecuteScript', {
          script: `const win = Services.wm.getMostRecentWindow('navigator:browser');
            win.gBrowser.selectedBrowser.loadURI(Services.io.newURI(arguments[0]),
              { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`,
          args: [url(path)],
        });
        await connected.command('Marionette:SetContext', { value: 'content' });
        await waitForPage(connected, url(path));
      },
      evaluate,
      // Messages and answers cross between Marionette's sandbox and the page as JSON text.
      sendMessage: async (message) =>
        JSON.parse(await evaluate(
          'return JSON.stringify(await page.chrome.runtime.sendMessage(JSON.parse(args[0])));',
          JSON.stringify(message),
        )),
      async navigate(target) {
        await connected.command('WebDriver:Navigate', { url: target });
      },
      async evaluateInContentScript(body, ...args) {
        // Marionette's system sandbox in the page's process reaches Firefox's own test hook for
        // an add-on's content-script context (ExtensionContent.getContextByExtensionId), and
        // evaluates there: the code runs with exactly the content script's privileges.
        const script = `const done = arguments[arguments.length - 1]; const args = [...arguments].slice(0, -1);
          (async () => {
            const { ExtensionContent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionContent.sys.mjs');
            const context = ExtensionContent.getContextByExtensionId(${JSON.stringify(addonId)}, window);
            if (!context) return { noContentScript: true };
            const sandbox = context.cloneScope;
            const code = '(async (args) => { ' + ${JSON.stringify(body)} + ' })';
            const fn = Cu.evalInSandbox(code, sandbox);
            const result = await fn(Cu.cloneInto(args, sandbox));
            return JSON.parse(JSON.stringify(result ?? null));
          })().then(done, (e) => done({ harnessError: String(e) }));`;
        const { value } = await connected.command('WebDriver:ExecuteAsyncScript', { script, args, sandbox: 'system' });
        if (value && typeof value === 'object' && 'harnessError' in value) throw new Error(`in the content script: ${value.harnessError}`);
        return value;
      },
      async pressKeys(keys) {
        const actions = keys.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]);
        await connected.command('WebDriver:PerformActions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
        await connected.command('WebDriver:ReleaseActions');
      },
      readClipboard: () =>
        inChrome(connected, `const transfer = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
          transfer.init(null);
          transfer.addDataFlavor('text/plain');
          Services.clipboard.getData(transfer, Ci.nsIClipboard.kGlobalClipboard, null);
          const data = {};
          try {
            transfer.getTransferData('text/plain', data);
          } catch {
            return '';
          }
          return data.value.QueryInterface(Ci.nsISupportsString).data;`),
      extensionErrors,
      close,
    };
  } catch (e) {
    await quit();
    throw e;
  }
}

/** Where the chrome-context console listener keeps what it saw (a property of the browser window). */
const SEEN = '__rolehopConsoleErrors';

/**
 * Starts keeping the browser console's errors (every source; filtered when read).
 * @param {Marionette} marionette
 */
async function listenToConsole(marionette) {
  await inChrome(marionette, `const win = Services.wm.getMostRecentWindow('navigator:browser');
    const seen = win.${SEEN} = [];
    Services.console.registerListener({
      observe(message) {
        if (!(message instanceof Ci.nsIScriptError)) return;
        if (message.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) return;
        seen.push({ source: message.sourceName || '', line: message.lineNumber, column: message.columnNumber, text: message.errorMessage, category: message.category });
      },
    });`);
}

/**
 * Firefox's note that an extension API call of a page settled after the page left: closed
 * ("after context unloaded") or navigated away within its tab and kept in the back-forward cache
 * ("while context is inactive"). Firefox drops the answer (ExtensionCommon's wrapPromise
 * says so in the console); no code of RoleHop's runs. A person closing the popup mid-request gets
 * the same, and the tests navigate extension pages away at any moment (e.g. the popup's self-check,
 * a runtime.sendMessage to the worker, still under way when the next test opens another page).
 */
const UNLOADED = /^Promise (rejected|resolved) (after context unloaded|while context is inactive)\b/;

/**
 * The console errors whose source file is the add-on's, as readable lines.
 * @param {Marionette} marionette
 * @returns {Promise<string[]>}
 */
async function readExtensionErrors(marionette) {
  const base = `moz-extension://${EXTENSION_UUID}/`;
  /** @type {Array<{source: string, line: number, column: number, text: string, category: string}>} */
  const seen = await inChrome(marionette, `return Services.wm.getMostRecentWindow('navigator:browser').${SEEN} ?? [];`);
  return seen
    .filter((e) => e.source.startsWith(base) && !UNLOADED.test(e.text))
    .map((e) => `${e.source}:${e.line}:${e.column} (${e.category}): ${e.text}`);
}

/**
 * Runs `script` in Firefox's chrome (privileged) context, then returns to the content context.
 * @param {Marionette} marionette
 * @param {string} script a function body; its return value is answered
 */
async function inChrome(marionette, script) {
  await marionette.command('Marionette:SetContext', { value: 'chrome' });
  try {
    const { value } = await marionette.command('WebDriver:ExecuteScript', { script });
    return value;
  } finally {
    await marionette.command('Marionette:SetContext', { value: 'content' });
  }
}

/**
 * Waits until the tab shows `target`, fully loaded. Scripts run meanwhile can die with the
 * document they started in ("Document was unloaded"): those are retried.
 * @param {Marionette} marionette
 * @param {string} target
 */
async function waitForPage(marionette, target) {
  const deadline = Date.now() + 15_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const { value } = await marionette.command('WebDriver:ExecuteScript', {
        script: 'return [location.href, document.readyState];',
      });
      // During a navigation the answer can be empty: look again.
      if (Array.isArray(value)) {
        last = value.join(' ');
        if (value[0] === target && value[1] === 'complete') return;
      }
    } catch (e) {
      if (!String(e).includes('unloaded')) throw e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${target} did not load in 15 s (last seen: ${last})`);
}

function geckoId() {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_DIST, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings.gecko.id;
}

/** @param {Record<string, string | number | boolean>} values */
function prefs(values) {
  return Object.entries(values).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n');
}

/**
 * Waits for Firefox to write its Marionette port, connects, and reads the greeting.
 * @param {string} profile
 * @param {() => string} stderr
 */
async function connectMarionette(profile, stderr) {
  const portFile = join(profile, 'MarionetteActivePort');
  const deadline = Date.now() + 30_000;
  while (!existsSync(portFile) || !readFileSync(portFile, 'utf8').trim()) {
    if (Date.now() > deadline) throw new Error(`Firefox did not start Marionette in 30 s; stderr:\n${stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const port = Number(readFileSync(portFile, 'utf8').trim());
  const socket = await new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const marionette = new Marionette(/** @type {import('node:net').Socket} */ (socket));
  await new Promise((resolve) => (marionette.onHello = resolve));
  return marionette;
}
