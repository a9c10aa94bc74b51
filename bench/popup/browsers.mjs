// What bench/popup's scripts share: an extension folder in a browser of its own, the profiles
// seeded through the extension's own modules, the cached parse set up before an open, statistics.

import { chromium } from 'playwright-core';
import { PARSED_PROFILES_KEY } from '../../extension/shared/parsed-profiles.js';

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

/** @param {number[]} xs @param {number} q */
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return /** @type {number} */ (s[i]);
}
/** @param {number[]} xs */
export function stats(xs) {
  return { n: xs.length, median: quantile(xs, 0.5), p95: quantile(xs, 0.95), min: Math.min(...xs), max: Math.max(...xs) };
}
/**
 * An extension folder in a browser of its own.
 * @param {string} dir
 * @returns {Promise<{context: BrowserContext, worker: import('playwright-core').Worker, url: (path: string) => string}>}
 */
export async function launchDir(dir) {
  const context = await chromium.launchPersistentContext('', {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // The switches of tests/e2e/harness.js, which launches the shipped build: a compared build
    // and the floor run in browsers set up alike.
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, url: (path) => `chrome-extension://${new URL(worker.url()).host}/${path}` };
}

/**
 * Sets up the popup's next open: with `cached`, waits until the parsed-profiles cache is written
 * (the previous open writes it after rendering); without, removes it.
 * @param {import('playwright-core').Worker} worker the extension's service worker
 * @param {boolean} cached
 */
export async function prepareCache(worker, cached) {
  await worker.evaluate(
    async ({ key, cached }) => {
      if (!cached) return chrome.storage.session.remove(key);
      for (let i = 0; i < 200 && !(key in (await chrome.storage.session.get(key))); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    { key: PARSED_PROFILES_KEY, cached },
  );
}

/**
 * Saves the profiles and a few recent uses through the extension's own modules; returns the
 * storage figures and the parsed profiles (for the peer).
 * @param {{context: BrowserContext, url: (path: string) => string}} browser @param {string} ini
 */
export async function seed(browser, ini) {
  const page = await browser.context.newPage();
  await page.goto(browser.url('popup/popup.html'));
  const seeded = await page.evaluate(async (text) => {
    const store = await import(chrome.runtime.getURL('shared/profile-store.js'));
    const { loadCore } = await import(chrome.runtime.getURL('shared/core.js'));
    const saved = await store.saveProfilesText(text);
    const parsed = (await loadCore()).profileParse({ text });
    if ('error' in parsed || parsed.errors.length) {
      throw new Error(`the generated profiles do not parse: ${JSON.stringify(parsed).slice(0, 300)}`);
    }
    const now = Date.now();
    /** @type {Record<string, number>} */
    const recent = {};
    parsed.profiles.slice(0, 40).forEach((/** @type {{id: string}} */ p, /** @type {number} */ i) => {
      if (i % 4 === 0) recent[p.id] = now - i * 60_000;
    });
    await chrome.storage.local.set({ 'rolehop.recent': recent });
    return { saved, profiles: parsed.profiles };
  }, ini);
  await page.close();
  return seeded;
}
