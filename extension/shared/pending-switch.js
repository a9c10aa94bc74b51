// Pending switches: what RoleHop records just before it sends a tab to the Switch Role page, so the
// content script there can learn (through the service worker) that the switch came from RoleHop.
//
// Kept in chrome.storage.session (memory only; by default readable by extension pages and the
// service worker, NOT by content scripts), key `rolehop.pendingSwitches`, as an array of records.
// Records older than PENDING_SWITCH_TTL_MS are dropped; a record is taken at most once, and only
// when its marker, tab, site and values all match what the page reports. A page that copies the
// `#rolehop=<marker>` fragment into another tab or another switch therefore gains nothing.

import { MARKER } from './rules.js';

/** @typedef {'cn' | 'intl'} Site */

/**
 * @typedef {object} PendingSwitch
 * @property {string} marker `crypto.randomUUID()` without dashes (the contract allows 8-64 [A-Za-z0-9_-])
 * @property {number} tabId the tab RoleHop navigates to the Switch Role page
 * @property {string} parentAlias exactly what the switch URL carries as `parentAlias`
 * @property {string} roleName exactly what the switch URL carries as `roleName`
 * @property {Site} site `cn` (signin.aliyun.com) or `intl` (signin.alibabacloud.com)
 * @property {string} profileId
 * @property {string} displayName
 * @property {string} [color]
 * @property {number} createdAt milliseconds since the epoch
 */

export const PENDING_SWITCHES_KEY = 'rolehop.pendingSwitches';
/** How long a recorded switch waits for its page: the page loads within seconds or not at all. */
export const PENDING_SWITCH_TTL_MS = 120_000;
/** More pending switches than this means something is looping; the oldest go. */
const MAX_PENDING = 32;

/** A new marker: a random UUID without dashes (32 hex digits). */
export function newMarker() {
  return crypto.randomUUID().replaceAll('-', '');
}

/**
 * Records a switch RoleHop is about to start. Call it BEFORE navigating the tab.
 * `createdAt` defaults to now. Throws (with the field named) when the record is malformed.
 * @param {Omit<PendingSwitch, 'createdAt'> & {createdAt?: number}} record
 * @returns {Promise<PendingSwitch>} the record as stored
 */
export async function recordPendingSwitch(record) {
  const stored = checkRecord({ ...record, createdAt: record.createdAt ?? Date.now() });
  await serialised(async () => {
    const kept = fresh(await readAll(), stored.createdAt).filter((r) => r.marker !== stored.marker);
    kept.push(stored);
    await writeAll(kept.slice(-MAX_PENDING));
  });
  return stored;
}

/**
 * Takes (removes and returns) the pending switch matching every given value, or null. Called by
 * the service worker with what a Switch Role page reports and what the browser says of its sender.
 * @param {{marker: string, tabId: number, parentAlias: string, roleName: string, site?: Site, now?: number}} query
 *   `site` is the site of the sender's host (required by the service worker; optional here only
 *   so a caller that has already checked the host can omit it). `now` defaults to Date.now().
 * @returns {Promise<PendingSwitch | null>}
 */
export async function takePendingSwitch(query) {
  const now = query.now ?? Date.now();
  return serialised(async () => {
    const all = await readAll();
    const live = fresh(all, now);
    const index = live.findIndex((r) => matches(r, query));
    const taken = index >= 0 ? live.splice(index, 1)[0] : null;
    if (taken || live.length !== all.length) await writeAll(live);
    return taken;
  });
}

/**
 * @param {PendingSwitch} record
 * @param {{marker: string, tabId: number, parentAlias: string, roleName: string, site?: Site}} query
 */
function matches(record, query) {
  return (
    record.marker === query.marker &&
    record.tabId === query.tabId &&
    record.parentAlias === query.parentAlias &&
    record.roleName === query.roleName &&
    (query.site === undefined || record.site === query.site)
  );
}

/** Records not older than the TTL (and not from the future: a changed clock voids them). */
function fresh(/** @type {PendingSwitch[]} */ records, /** @type {number} */ now) {
  return records.filter((r) => now - r.createdAt <= PENDING_SWITCH_TTL_MS && r.createdAt <= now + 1000);
}

/** @returns {Promise<PendingSwitch[]>} */
async function readAll() {
  const got = await chrome.storage.session.get(PENDING_SWITCHES_KEY);
  const value = got[PENDING_SWITCHES_KEY];
  if (!Array.isArray(value)) return [];
  // Anything malformed is dropped rather than trusted.
  return value.flatMap((r) => {
    try {
      return [checkRecord(r)];
    } catch {
      return [];
    }
  });
}

/** @param {PendingSwitch[]} records */
async function writeAll(records) {
  await chrome.storage.session.set({ [PENDING_SWITCHES_KEY]: records });
}

/** Storage reads and writes of this module run one after another within one JS context. */
let queue = Promise.resolve();
/**
 * @template T
 * @param {() => Promise<T>} task
 * @returns {Promise<T>}
 */
function serialised(task) {
  const run = queue.then(task, task);
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/**
 * A copy of `value` holding exactly the fields of a PendingSwitch, each checked.
 * @param {any} value
 * @returns {PendingSwitch}
 */
function checkRecord(value) {
  if (typeof value !== 'object' || value === null) throw new TypeError('a pending switch must be an object');
  const { marker, tabId, parentAlias, roleName, site, profileId, displayName, color, createdAt } = value;
  if (typeof marker !== 'string' || !MARKER.test(marker)) {
    throw new TypeError('pendingSwitch.marker must be 8-64 characters [A-Za-z0-9_-] (use newMarker())');
  }
  if (!Number.isSafeInteger(tabId) || tabId < 0) throw new TypeError('pendingSwitch.tabId must be a tab id');
  for (const [name, text] of Object.entries({ parentAlias, roleName, profileId, displayName })) {
    if (typeof text !== 'string' || text === '' || text.length > 256) {
      throw new TypeError(`pendingSwitch.${name} must be a non-empty string of at most 256 characters`);
    }
  }
  if (site !== 'cn' && site !== 'intl') throw new TypeError('pendingSwitch.site must be "cn" or "intl"');
  if (color !== undefined && (typeof color !== 'string' || color.length > 32)) {
    throw new TypeError('pendingSwitch.color must be a colour string when given');
  }
  if (!Number.isFinite(createdAt)) throw new TypeError('pendingSwitch.createdAt must be a time in milliseconds');
  /** @type {PendingSwitch} */
  const record = { marker, tabId, parentAlias, roleName, site, profileId, displayName, createdAt };
  if (color !== undefined) record.color = color;
  return record;
}
