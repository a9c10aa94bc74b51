// The shipped extension in Chromium against the mock cloud (tests/mock-cloud): *.aliyuncs.com is
// mapped to the mock, whose scenario can be swapped between tests (a new mock on the same port).
// Helpers drive the service worker the way the workbench does: credentials.* messages and the
// `rolehop.run` port, from a real extension page.

import { launchExtension } from './harness.js';
import { startMockCloud } from '../mock-cloud/index.js';
import { routesHandler, startHttpsServer } from '../lib/https-server.js';
import { startRamConsoleFixtures } from '../fixtures/ram-console/server.js';

/** @typedef {import('../mock-cloud/index.js').MockCloud} MockCloud */
/** @typedef {import('./harness.js').ExtensionBrowser} ExtensionBrowser */
/** @typedef {import('playwright-core').Page} Page */

/**
 * @typedef {object} CloudBrowser
 * @property {ExtensionBrowser} browser
 * @property {Page} page an extension page (the workbench) messages are sent from
 * @property {() => MockCloud} cloud the mock currently answering
 * @property {(scenario: string) => Promise<MockCloud>} useScenario replaces the mock (same port)
 * @property {(side: 'a' | 'b', credentials: object) => Promise<any>} setCredentials
 * @property {(side: 'a' | 'b' | 'all') => Promise<any>} clearCredentials
 * @property {(inputs: object) => Promise<{events: any[], last: any}>} runChecks over the run port
 * @property {(inputs: object, decisions?: string[]) => Promise<{events: any[], last: any}>} runSetup
 *   over the run port; answers each confirmation with the next decision (default "send")
 * @property {string} switchRoleUrl a Switch Role page (fixture) where RoleHop's content script runs
 * @property {string} ramConsoleUrl the RAM console (fixture app) where RoleHop's helper panel shows
 * @property {() => Promise<void>} close
 */

/**
 * @param {string} scenario
 * @param {{lang?: string}} [options]
 * @returns {Promise<CloudBrowser>}
 */
export async function startCloudBrowser(scenario, { lang } = {}) {
  let cloud = await startMockCloud({ scenario });
  const port = cloud.port;
  // A stand-in Switch Role page, so a real content script of RoleHop runs in a tab.
  const signin = await startHttpsServer({
    hosts: ['signin.aliyun.com'],
    handler: routesHandler({ 'signin.aliyun.com/switchRole.htm': { body: SWITCH_ROLE_PAGE } }),
  });
  // The RAM console (stand-in app), where the helper panel follows the workbench's progress.
  const ram = await startRamConsoleFixtures();
  const hostResolverRules = `${cloud.hostResolverRules}, ${signin.hostResolverRules}, ${ram.hostResolverRules}`;
  const browser = await launchExtension({ hostResolverRules, ...(lang ? { lang } : {}) });
  const page = await browser.openPage('workbench/workbench.html');
  /** @param {unknown} message */
  const send = (message) => browser.sendMessage(page, message);
  return {
    browser,
    page,
    cloud: () => cloud,
    async useScenario(name) {
      await cloud.close();
      cloud = await startMockCloud({ scenario: name, port });
      return cloud;
    },
    setCredentials: (side, credentials) => send({ type: 'credentials.set', side, credentials }),
    clearCredentials: (side) => send({ type: 'credentials.clear', side }),
    runChecks: (inputs) => runOnPort(page, { type: 'checks.run', inputs }, []),
    runSetup: (inputs, decisions = []) => runOnPort(page, { type: 'setup.run', inputs }, decisions),
    switchRoleUrl: 'https://signin.aliyun.com/switchRole.htm',
    ramConsoleUrl: 'https://ram.console.aliyun.com',
    async close() {
      await browser.close();
      await cloud.close();
      await signin.close();
      await ram.close();
    },
  };
}

const SWITCH_ROLE_PAGE = `<!doctype html><html><head><title>Switch Role</title></head><body>
<form id="switch"><input name="parentAlias" id="parentAlias"><input name="roleName" id="roleName">
<button type="submit">Switch</button></form></body></html>`;

/**
 * Opens a `rolehop.run` port on `page`, sends `message`, collects every event until the run ends
 * (checks.done, setup.done or error) and answers confirmations with `decisions` in order.
 * @param {Page} page
 * @param {object} message
 * @param {string[]} decisions
 * @returns {Promise<{events: any[], last: any}>}
 */
function runOnPort(page, message, decisions) {
  return page.evaluate(({ message, decisions }) => new Promise((resolve) => {
    /** @type {any[]} */
    const events = [];
    const queue = [...decisions];
    const port = chrome.runtime.connect({ name: 'rolehop.run' });
    port.onMessage.addListener((/** @type {any} */ event) => {
      events.push(event);
      if (event.event === 'setup.confirm') {
        const decision = queue.shift() ?? 'send';
        port.postMessage(decision === 'cancel' ? { type: 'setup.cancel' } : { type: 'setup.confirm', stepId: event.stepId, decision });
      }
      if (event.event === 'checks.done' || event.event === 'setup.done' || event.event === 'error') {
        port.disconnect();
        resolve({ events, last: event });
      }
    });
    port.onDisconnect.addListener(() => resolve({ events, last: events.at(-1) ?? null }));
    port.postMessage(message);
  }), { message, decisions });
}

/**
 * Every storage area an extension page can read, as JSON text: for asserting no secret is there.
 * @param {Page} page
 */
export function readPersistentStorage(page) {
  return page.evaluate(async () => JSON.stringify({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
  }));
}

/**
 * Evaluates `expression` (a promise-returning expression) inside RoleHop's content script world
 * on `page` (Chrome DevTools Protocol: the isolated world the extension's content script runs in).
 * @param {ExtensionBrowser} browser
 * @param {Page} page a web page where RoleHop's content script has run
 * @param {string} expression
 * @returns {Promise<any>} the value, or `{thrown: message}` when it threw
 */
export async function evaluateInContentScript(browser, page, expression) {
  const cdp = await browser.context.newCDPSession(page);
  try {
    /** @type {any[]} */
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    const origin = `chrome-extension://${browser.extensionId}`;
    const deadline = Date.now() + 10_000;
    let world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === origin);
    while (!world && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50)); // polling a condition, not timing
      world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === origin);
    }
    if (!world) throw new Error(`no content script world of ${origin} on ${page.url()}: ${JSON.stringify(contexts.map((c) => [c.name, c.origin, c.auxData?.type]))}`);
    const answer = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
    if (answer.exceptionDetails) return { thrown: answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text };
    return answer.result.value;
  } finally {
    await cdp.detach();
  }
}

/**
 * Types the happy-path scenario's values into the workbench `page` (the mock's accounts, role
 * admin-oss, user alice, bucket company-a-reports), into the fields the chosen audience sees, and
 * leaves the last field.
 * @param {Page} page @param {MockCloud} cloud
 */
export async function fillWorkbenchValues(page, cloud) {
  const c = cloud.credentials;
  /** @type {Array<[string, string]>} */
  const values = [
    ['accountAUid', c.A.uid], ['accountAAlias', c.A.alias], ['accountBUid', c.B.uid], ['roleName', 'admin-oss'],
    ['userName', 'alice'], ['checkBucket', 'company-a-reports'],
  ];
  // The fields the chosen audience sees (the others are not on its form).
  let last = null;
  for (const [name, value] of values) {
    const field = page.locator(`#input-${name}`);
    if (!(await field.isVisible())) continue;
    await field.fill(value);
    last = field;
  }
  await last?.blur();
}

/**
 * Keeps `keys` for `side` through the workbench's credentials form and waits for the masked key.
 * @param {Page} page @param {'a' | 'b'} side @param {{accessKeyId: string, accessKeySecret: string}} keys
 */
export async function enterWorkbenchCredentials(page, side, keys) {
  await page.fill(`#cred-${side}-accessKeyId`, keys.accessKeyId);
  await page.fill(`#cred-${side}-accessKeySecret`, keys.accessKeySecret);
  await page.click(`#cred-${side}-save`);
  await page.waitForFunction((s) => /\*\*\*\*/.test(document.getElementById(`cred-${s}-current`)?.textContent ?? ''), side);
}
