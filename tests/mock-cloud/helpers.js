// Helpers shared by the mock cloud's tests (not a test file itself).

import assert from 'node:assert/strict';
import { request } from 'node:https';
import { after, before } from 'node:test';
import { startMockCloud } from './index.js';

/** @typedef {import('./index.js').MockCloud} MockCloud */

/**
 * The error `promise` rejects with (fails the test when it resolves).
 * @param {Promise<unknown>} promise
 * @returns {Promise<any>}
 */
export async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('expected the call to fail, and it succeeded');
}

/**
 * A raw HTTPS request to the mock cloud (for what the SDKs hide: headers, hand-made requests).
 * @param {MockCloud} cloud
 * @param {string} url a real cloud URL, e.g. https://sts.aliyuncs.com/?Action=...
 * @param {{method?: string, headers?: Record<string, string>, body?: string}} [options]
 * @returns {Promise<{status: number, headers: import('node:http').IncomingHttpHeaders, body: string}>}
 */
export function raw(cloud, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: cloud.agent() }, (res) => {
      const chunks = /** @type {Buffer[]} */ ([]);
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The text of XML element `name` in `xml` (first occurrence), or null. */
export const xmlText = (/** @type {string} */ xml, /** @type {string} */ name) =>
  new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? null;

/**
 * Starts the mock cloud on `scenario` before the enclosing describe's tests and closes it after;
 * returns a stand-in that forwards to it once started.
 * @param {string} scenario
 * @returns {MockCloud}
 */
export function useMockCloud(scenario) {
  /** @type {MockCloud | null} */
  let live = null;
  before(async () => {
    live = await startMockCloud({ scenario });
  });
  after(() => live?.close());
  return /** @type {MockCloud} */ (new Proxy({}, {
    get(_, property) {
      if (!live) throw new Error(`the mock cloud (${scenario}) is not running: use it inside a test`);
      return /** @type {any} */ (live)[property];
    },
  }));
}
