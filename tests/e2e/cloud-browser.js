// The shipped extension in Chromium against the mock cloud (tests/mock-cloud): *.aliyuncs.com is
// mapped to the mock, whose scenario can be swapped between tests (a new mock on the same port).
// Helpers drive the service worker the way the workbench does: credentials.* messages and the
// `rolehop.run` port, from a real extension page.

import { launchExtension } from './harness.js';
import { startMockCloud } from '../mock-cloud/index.js';

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
  const browser = await launchExtension({ hostResolverRules: cloud.hostResolverRules, ...(lang ? { lang } : {}) });
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
    async close() {
      await browser.close();
      await cloud.close();
    },
  };
}

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
