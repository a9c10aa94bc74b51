// Which identities a console page may ask the worker about (identity.lookup): only its own. The
// worker cannot read the page itself (that would need scripting and wider host permissions, and a
// compromised renderer owns the page's main world too), so it limits what a lying page can learn:
// - each document is bound to the first identity it asks about; any other identity from that
//   document is refused (documents are told apart by the browser's sender.documentId, else by
//   tab and address);
// - each tab may bring at most LIMITS.perTab different identities within LIMITS.windowMs (a reload
//   is a new document, a switch of role a new identity), and the whole browser at most
//   LIMITS.perBrowser, so profiles cannot be enumerated by reloading or by opening tabs;
// - an identity already seen in the window (the same one again, in another tab or after a
//   reload) is not counted again.
// The state is kept in storage.session (closed to content scripts; the worker may be stopped
// between two questions) and pruned to the window.

export const LOOKUPS_KEY = 'rolehop.identityLookups';
export const LIMITS = Object.freeze({ perTab: 4, perBrowser: 12, windowMs: 10 * 60_000, documents: 200 });

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
 */
export function createIdentityLookups({ area, now = Date.now }) {
  /** @type {LookupState} */
  let inMemory = { documents: {}, seen: [] };
  /** @type {Promise<unknown>} one admission at a time (read, decide, write) */
  let queue = Promise.resolve();

  /** @returns {Promise<LookupState>} */
  async function read() {
    if (!area) return inMemory;
    return stateOf((await area.get(LOOKUPS_KEY))[LOOKUPS_KEY]);
  }

  /** @param {LookupState} state */
  async function write(state) {
    if (area) await area.set({ [LOOKUPS_KEY]: state });
    else inMemory = state;
  }

  /**
   * @param {{documentKey: string, tabId: number, identity: string}} ask `identity`: the account UID
   *   and role name as compared (role lower-cased)
   * @returns {Promise<Admission>}
   */
  async function decide({ documentKey, tabId, identity }) {
    const at = now();
    const state = prune(await read(), at);
    const bound = state.documents[documentKey];
    if (bound) {
      if (bound.identity === identity) return { ok: true };
      return { ok: false, reason: 'other-identity', message: 'this page already asked about another identity; a console page is answered only about its own' };
    }
    const seenHere = new Set(state.seen.filter((s) => s.tabId === tabId).map((s) => s.identity));
    const seenAnywhere = new Set(state.seen.map((s) => s.identity));
    if (!seenHere.has(identity) && seenHere.size >= LIMITS.perTab) {
      return { ok: false, reason: 'tab-limit', message: `this tab asked about ${LIMITS.perTab} identities in the last ${LIMITS.windowMs / 60_000} minutes; ask again later` };
    }
    if (!seenAnywhere.has(identity) && seenAnywhere.size >= LIMITS.perBrowser) {
      return { ok: false, reason: 'browser-limit', message: `console pages asked about ${LIMITS.perBrowser} identities in the last ${LIMITS.windowMs / 60_000} minutes; ask again later` };
    }
    state.documents[documentKey] = { identity, at };
    if (!seenHere.has(identity)) state.seen.push({ tabId, identity, at });
    await write(state);
    return { ok: true };
  }

  return {
    /**
     * May this document be answered about this identity? Binds it when it is the document's first.
     * @param {{documentKey: string, tabId: number, identity: string}} ask
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
 * The state without entries older than the window, and at most LIMITS.documents documents.
 * @param {LookupState} state @param {number} at
 * @returns {LookupState}
 */
function prune(state, at) {
  const fresh = (/** @type {{at: number}} */ e) => at - e.at < LIMITS.windowMs && e.at <= at;
  const documents = Object.entries(state.documents)
    .filter(([, e]) => fresh(e))
    .sort((a, b) => a[1].at - b[1].at)
    .slice(-LIMITS.documents);
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
