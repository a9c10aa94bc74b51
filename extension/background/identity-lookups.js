// Which identities a page's content script may learn about from the worker, so that a compromised
// content-script world cannot use the worker to enumerate the user's profiles. The worker cannot
// read a page itself (that would need scripting and wider host permissions, and a compromised
// renderer owns the page's main world too), so it limits what a lying page can learn:
// - a console page (identity.lookup) is answered only about its own identity: each document is
//   bound to the first identity it asks about, and any other identity from that document is
//   refused (documents are told apart by the browser's sender.documentId, else by tab and
//   address);
// - each tab may bring at most `perTab` different identities within `windowMs` (a reload is a new
//   document, a switch of role a new identity), and the whole browser at most `perBrowser`, so
//   profiles cannot be enumerated by reloading or by opening tabs;
// - an identity already seen in the window (the same one again, in another tab or after a
//   reload) is not counted again.
// The Switch Role page uses the same limits without the binding (its values change as the person
// types): the profiles its switch.validate answers reveal (SWITCH_PAGE_LIMITS), and the profiles
// switch.saveProfile may add (SAVE_LIMITS).
// The state is kept in storage.session (closed to content scripts; the worker may be stopped
// between two questions) and pruned to the window.

export const LOOKUPS_KEY = 'rolehop.identityLookups';
export const LIMITS = Object.freeze({ perTab: 4, perBrowser: 12, windowMs: 10 * 60_000, documents: 200 });
/** Profiles the Switch Role page may be told its values match (switch.validate). */
export const SWITCH_PAGE_KEY = 'rolehop.switchPageLookups';
export const SWITCH_PAGE_LIMITS = Object.freeze({ ...LIMITS, perTab: 8, perBrowser: 24 });
/** Profiles the Switch Role page may save (switch.saveProfile, on the person's click). */
export const SAVE_KEY = 'rolehop.switchPageSaves';
export const SAVE_LIMITS = Object.freeze({ ...LIMITS, perTab: 3, perBrowser: 10 });

/** @typedef {{perTab: number, perBrowser: number, windowMs: number, documents: number}} Limits */

/**
 * @typedef {object} LookupState
 * @property {Record<string, {identity: string, at: number}>} documents document key -> the identity it is bound to
 * @property {Array<{tabId: number, identity: string, at: number}>} seen identities admitted per tab, oldest first
 */

/**
 * @typedef {{ok: true} | {ok: false, reason: 'other-identity' | 'tab-limit' | 'browser-limit', message: string}} Admission
 */

/**
 * @param {object} deps
 * @param {{get: (key: string) => Promise<Record<string, unknown>>, set: (items: Record<string, unknown>) => Promise<void>} | null} deps.area
 *   storage.session (null: kept in memory only)
 * @param {() => number} [deps.now]
 * @param {string} [deps.key] the storage.session item of this budget
 * @param {Limits} [deps.limits]
 */
export function createIdentityLookups({ area, now = Date.now, key = LOOKUPS_KEY, limits = LIMITS }) {
  /** @type {LookupState} */
  let inMemory = { documents: {}, seen: [] };
  /** @type {Promise<unknown>} one admission at a time (read, decide, write) */
  let queue = Promise.resolve();

  /** @returns {Promise<LookupState>} */
  async function read() {
    if (!area) return inMemory;
    return stateOf((await area.get(key))[key]);
  }

  /** @param {LookupState} state */
  async function write(state) {
    if (area) await area.set({ [key]: state });
    else inMemory = state;
  }

  /**
   * @param {{documentKey?: string, tabId: number, identity: string}} ask `identity`: what is
   *   revealed, as compared (e.g. the account UID and the lower-cased role name)
   * @returns {Promise<Admission>}
   */
  async function decide({ documentKey, tabId, identity }) {
    const at = now();
    const state = prune(await read(), at, limits);
    const bound = documentKey === undefined ? undefined : state.documents[documentKey];
    if (bound) {
      if (bound.identity === identity) return { ok: true };
      return { ok: false, reason: 'other-identity', message: 'this page already asked about another identity; a console page is answered only about its own' };
    }
    const minutes = limits.windowMs / 60_000;
    const seenHere = new Set(state.seen.filter((s) => s.tabId === tabId).map((s) => s.identity));
    const seenAnywhere = new Set(state.seen.map((s) => s.identity));
    if (!seenHere.has(identity) && seenHere.size >= limits.perTab) {
      return { ok: false, reason: 'tab-limit', message: `this tab asked about ${limits.perTab} identities in the last ${minutes} minutes; ask again later` };
    }
    if (!seenAnywhere.has(identity) && seenAnywhere.size >= limits.perBrowser) {
      return { ok: false, reason: 'browser-limit', message: `pages asked about ${limits.perBrowser} identities in the last ${minutes} minutes; ask again later` };
    }
    if (documentKey !== undefined) state.documents[documentKey] = { identity, at };
    if (!seenHere.has(identity)) state.seen.push({ tabId, identity, at });
    await write(state);
    return { ok: true };
  }

  return {
    /**
     * May this tab (and this document, when `documentKey` is given) be answered about this
     * identity? Binds the document to it when it is the document's first.
     * @param {{documentKey?: string, tabId: number, identity: string}} ask
     * @returns {Promise<Admission>}
     */
    admit(ask) {
      const run = queue.then(() => decide(ask));
      queue = run.catch(() => {});
      return run;
    },
  };
}

/**
 * The state without entries older than the window, and at most `limits.documents` documents.
 * @param {LookupState} state @param {number} at @param {Limits} limits
 * @returns {LookupState}
 */
function prune(state, at, limits) {
  const fresh = (/** @type {{at: number}} */ e) => at - e.at < limits.windowMs && e.at <= at;
  const documents = Object.entries(state.documents)
    .filter(([, e]) => fresh(e))
    .sort((a, b) => a[1].at - b[1].at)
    .slice(-limits.documents);
  return { documents: Object.fromEntries(documents), seen: state.seen.filter(fresh) };
}

/**
 * Only well-formed entries of what storage.session holds (anything else starts empty).
 * @param {unknown} value
 * @returns {LookupState}
 */
function stateOf(value) {
  /** @type {LookupState} */
  const state = { documents: {}, seen: [] };
  if (typeof value !== 'object' || value === null) return state;
  const v = /** @type {{documents?: unknown, seen?: unknown}} */ (value);
  if (typeof v.documents === 'object' && v.documents !== null) {
    for (const [key, e] of Object.entries(v.documents)) {
      if (typeof e?.identity === 'string' && typeof e?.at === 'number') state.documents[key] = { identity: e.identity, at: e.at };
    }
  }
  if (Array.isArray(v.seen)) {
    for (const e of v.seen) {
      if (Number.isSafeInteger(e?.tabId) && typeof e?.identity === 'string' && typeof e?.at === 'number') {
        state.seen.push({ tabId: e.tabId, identity: e.identity, at: e.at });
      }
    }
  }
  return state;
}

/**
 * What tells one document from another: the browser's documentId (Chromium and Firefox give it
 * for content-script senders), else the tab and the address without its fragment.
 * @param {{tabId: number, url: URL, documentId?: string}} page
 */
export function documentKeyOf(page) {
  if (page.documentId) return `doc:${page.documentId}`;
  const url = new URL(page.url);
  url.hash = '';
  return `tab:${page.tabId}:${url.href}`;
}
