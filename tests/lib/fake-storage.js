// An in-memory chrome.storage area for Node tests that enforces Chrome's real quotas for
// storage.sync (QUOTA_BYTES 102,400; QUOTA_BYTES_PER_ITEM 8,192; MAX_ITEMS 512; measured as
// Chrome does: UTF-8 bytes of the key plus the JSON of the value) and rejects a whole set() that
// would break one, with Chrome's error text. Writes are atomic per call, like Chrome's.

export const SYNC_QUOTAS = Object.freeze({ QUOTA_BYTES: 102_400, QUOTA_BYTES_PER_ITEM: 8_192, MAX_ITEMS: 512 });
export const LOCAL_QUOTAS = Object.freeze({ QUOTA_BYTES: 10_485_760, QUOTA_BYTES_PER_ITEM: Infinity, MAX_ITEMS: Infinity });

const utf8 = new TextEncoder();

/** @param {string} key @param {unknown} value */
export function itemBytes(key, value) {
  return utf8.encode(key).length + utf8.encode(JSON.stringify(value)).length;
}

/**
 * @param {{QUOTA_BYTES: number, QUOTA_BYTES_PER_ITEM: number, MAX_ITEMS: number}} quotas
 */
export function createFakeArea(quotas) {
  /** @type {Map<string, unknown>} */
  const items = new Map();
  /** @type {Set<(changes: Record<string, unknown>) => void>} */
  const listeners = new Set();
  let writes = 0;
  /** @type {string | null} makes the next set() fail with this message (an outage, not a quota) */
  let failNext = null;

  /** @param {Map<string, unknown>} map */
  const total = (map) => [...map].reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
  /** @param {Record<string, {oldValue?: unknown, newValue?: unknown}>} changes */
  const emit = (changes) => {
    if (Object.keys(changes).length) for (const l of listeners) l(changes);
  };

  return {
    /** @param {string | string[] | null} keys */
    async get(keys) {
      const wanted = keys === null ? [...items.keys()] : Array.isArray(keys) ? keys : [keys];
      /** @type {Record<string, unknown>} */
      const out = {};
      for (const k of wanted) if (items.has(k)) out[k] = structuredClone(items.get(k));
      return out;
    },
    /** @param {Record<string, unknown>} update */
    async set(update) {
      writes++;
      if (failNext !== null) {
        const message = failNext;
        failNext = null;
        throw new Error(message);
      }
      const next = new Map(items);
      for (const [k, v] of Object.entries(update)) {
        if (itemBytes(k, v) > quotas.QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        next.set(k, JSON.parse(JSON.stringify(v)));
      }
      if (next.size > quotas.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
      if (total(next) > quotas.QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
      /** @type {Record<string, {oldValue?: unknown, newValue?: unknown}>} */
      const changes = {};
      for (const [k, v] of next) if (items.get(k) !== v) changes[k] = { oldValue: items.get(k), newValue: v };
      items.clear();
      for (const [k, v] of next) items.set(k, v);
      emit(changes);
    },
    /** @param {string | string[]} keys */
    async remove(keys) {
      writes++;
      /** @type {Record<string, {oldValue?: unknown}>} */
      const changes = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) {
        if (items.has(k)) changes[k] = { oldValue: items.get(k) };
        items.delete(k);
      }
      emit(changes);
    },
    onChanged: {
      /** @param {(changes: Record<string, unknown>) => void} l */
      addListener: (l) => void listeners.add(l),
      /** @param {(changes: Record<string, unknown>) => void} l */
      removeListener: (l) => void listeners.delete(l),
    },
    // Test helpers (not part of chrome.storage).
    bytesInUse: () => total(items),
    keys: () => [...items.keys()],
    writeCount: () => writes,
    /** @param {string} message */
    failNextSet(message) {
      failNext = message;
    },
    /** Raw access, to corrupt items on purpose. */
    raw: items,
  };
}
