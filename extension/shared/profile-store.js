// The profiles' INI text in extension storage: deflate-raw compressed (the browser's own
// CompressionStream), base64, split into items that fit storage.sync's per-item quota, with a
// pointer item written LAST so a failed save leaves the previous generation intact. When sync is
// full or unavailable the same layout goes to storage.local; the next save that fits moves it back.
//
// Layout (one area holds the current copy; the other holds nothing of ours once a save finishes):
//   rolehop.profiles.<generation>.<n>  base64 slice n of the compressed text (key + value <= 8,000 bytes)
//   rolehop.profiles.meta              {generation, chunks, bytes, sha256, area, savedAt}
// bytes and sha256 describe the joined base64 payload, so a load can tell exactly whether the
// chunks it read belong together before it tries to decompress them.
//
// The pointer is trusted state (it names the text): it is written tagged and read through
// trusted-storage.js. Where content scripts could have changed it, the last good pointer is used
// (never the changed one), and the last good copy's payload, kept in the extension's IndexedDB,
// stands in when its chunks are gone or changed.
//
// The storage areas are injectable (createProfileStore) so the logic runs in Node against a fake
// that enforces Chrome's quotas; the exported functions use chrome.storage.

import { trustedStorage, withoutTag } from './trusted-storage.js';

export const META_KEY = 'rolehop.profiles.meta';
const CHUNK_PREFIX = 'rolehop.profiles.';
/** Bytes one item may take, key and JSON value together (sync allows 8,192; kept under it). */
export const MAX_ITEM_BYTES = 8000;

/**
 * The part of chrome.storage.StorageArea this module uses (promise forms).
 * @typedef {object} StorageAreaLike
 * @property {(keys: string | string[] | null) => Promise<Record<string, unknown>>} get
 * @property {(items: Record<string, unknown>) => Promise<void>} set
 * @property {(keys: string | string[]) => Promise<void>} remove
 * @property {{addListener: (cb: (changes: Record<string, unknown>) => void) => void,
 *   removeListener: (cb: (changes: Record<string, unknown>) => void) => void}} [onChanged]
 */

/** @typedef {'sync' | 'local'} AreaName */

/**
 * @typedef {object} ProfilesMeta
 * @property {string} generation
 * @property {number} chunks
 * @property {number} bytes length of the joined base64 payload
 * @property {string} sha256 hex SHA-256 of the joined base64 payload
 * @property {AreaName} area
 * @property {number} savedAt ms since the epoch
 */

/**
 * Why a save went to storage.local instead of storage.sync.
 * `sync-full`: a quota error (bytes, items or write rate); `sync-unavailable`: no storage.sync;
 * `sync-error`: any other error from storage.sync. `detail` is the browser's own message.
 * @typedef {{code: 'sync-full' | 'sync-unavailable' | 'sync-error', detail: string}} FallbackReason
 */

/**
 * @typedef {object} SaveResult
 * @property {AreaName} area where the profiles are now
 * @property {number} bytes stored payload size (compressed, base64)
 * @property {number} textBytes size of the INI text (UTF-8)
 * @property {number} chunks
 * @property {boolean} fellBack true when sync was wanted but the profiles went to local
 * @property {string} sha256 the stored payload's SHA-256 (what a later load reports for this text)
 * @property {FallbackReason} [reason] set when fellBack
 */

/**
 * @typedef {object} LoadResult
 * @property {string} text the INI text ('' when nothing was ever saved)
 * @property {AreaName | null} area null when nothing is saved
 * @property {number | null} savedAt
 * @property {string | null} sha256 the stored payload's SHA-256 (ProfilesMeta.sha256): names this text
 */

/**
 * @typedef {object} LoadOptions
 * @property {{sync?: Promise<Record<string, unknown>> | null, local?: Promise<Record<string, unknown>>}} [prefetched]
 *   both areas' items (`get(null)`), already being read
 */

/**
 * The current copy's pointer (null when nothing was ever saved) and the items of its area.
 * `trust`: what trusted-storage.js said of the pointer (absent without a trust): its state, and
 * the last good copy's payload when it has one for this pointer.
 * @typedef {{meta: ProfilesMeta | null, items: Record<string, unknown>,
 *   trust?: {state: import('./trusted-storage.js').Opened['state'], payload?: string}}} Located
 */

/** @typedef {Pick<ReturnType<typeof import('./trusted-storage.js').createTrustedStorage>, 'open' | 'seal' | 'commit' | 'keepChangedPayload'>} Trust */

/** A storage failure the UI can explain: `code` is stable, `message` says what and what to do. */
export class ProfileStoreError extends Error {
  /**
   * @param {'integrity' | 'save-failed'} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = 'ProfileStoreError';
    this.code = code;
  }
}

// ---- encoding ----

/** @param {ReadableStream<Uint8Array>} stream */
async function readAll(stream) {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** @param {string} text @returns {Promise<Uint8Array>} */
async function deflate(text) {
  const input = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return readAll(input);
}

/** @param {Uint8Array<ArrayBuffer>} bytes @returns {Promise<string>} */
async function inflate(bytes) {
  const output = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new TextDecoder('utf-8', { fatal: true }).decode(await readAll(output));
}

/** @param {Uint8Array} bytes */
function toBase64(bytes) {
  let binary = '';
  // fromCharCode in slices: one call per 32 KB keeps the argument list small.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** @param {string} base64 */
function fromBase64(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The INI text of a stored payload (base64 of the deflate-raw compressed text), e.g. a changed
 * copy kept by trusted-storage.js.
 * @param {string} payload
 */
export async function payloadText(payload) {
  return inflate(fromBase64(payload));
}

/** @param {string} text */
async function sha256Hex(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A fresh generation id: 8 hex digits, different from any other save's with near certainty. */
function newGeneration() {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** @param {string} generation @param {number} n */
function chunkKey(generation, n) {
  return `${CHUNK_PREFIX}${generation}.${n}`;
}

/** @param {string} key */
function isOurKey(key) {
  return key.startsWith(CHUNK_PREFIX);
}

/**
 * Splits the payload so each item's key plus its JSON-quoted value fits MAX_ITEM_BYTES (base64
 * is ASCII: one character, one byte).
 * @param {string} payload @param {string} generation
 * @returns {Record<string, string>}
 */
export function splitIntoChunks(payload, generation) {
  /** @type {Record<string, string>} */
  const items = {};
  let n = 0;
  for (let at = 0; at < payload.length || n === 0; n++) {
    const key = chunkKey(generation, n);
    const room = MAX_ITEM_BYTES - key.length - 2; // the two quotes of the JSON string
    items[key] = payload.slice(at, at + room);
    at += room;
  }
  return items;
}

/** @param {unknown} value @returns {value is ProfilesMeta} */
function isMeta(value) {
  if (typeof value !== 'object' || value === null) return false;
  const m = /** @type {Record<string, unknown>} */ (value);
  return (
    typeof m.generation === 'string' &&
    /^[A-Za-z0-9]{1,32}$/.test(m.generation) &&
    Number.isInteger(m.chunks) &&
    /** @type {number} */ (m.chunks) > 0 &&
    Number.isInteger(m.bytes) &&
    typeof m.sha256 === 'string' &&
    (m.area === 'sync' || m.area === 'local') &&
    typeof m.savedAt === 'number'
  );
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/** @param {unknown} error @returns {FallbackReason} */
function fallbackReason(error) {
  const detail = messageOf(error);
  // Chrome's quota errors: "QUOTA_BYTES quota exceeded", "MAX_ITEMS quota exceeded",
  // "MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded", ...; Firefox: "QuotaExceededError ...".
  return { code: /quota|QUOTA_BYTES|MAX_ITEMS|MAX_WRITE/i.test(detail) ? 'sync-full' : 'sync-error', detail };
}

// ---- the store ----

/**
 * @param {{sync?: StorageAreaLike | null, local: StorageAreaLike, trust?: Trust, now?: () => number}} areas
 *   `sync` absent or null: storage.sync is unavailable and everything goes to local. `trust`
 *   checks the pointer read and tags the one written (absent: taken as stored, in tests of the
 *   layout alone).
 */
export function createProfileStore({ sync, local, trust, now = Date.now }) {
  /** @type {{sync: StorageAreaLike | null, local: StorageAreaLike}} */
  const areas = { sync: sync ?? null, local };

  /** @param {AreaName} name @returns {Promise<ProfilesMeta | null>} */
  async function readMeta(name) {
    const area = areas[name];
    if (!area) return null;
    try {
      return metaIn(name, await area.get(META_KEY));
    } catch {
      return null; // an unreadable area holds nothing we can use
    }
  }

  /** @param {AreaName} name @param {Record<string, unknown> | null} items @returns {ProfilesMeta | null} */
  function metaIn(name, items) {
    const meta = items?.[META_KEY];
    return isMeta(meta) && meta.area === name ? meta : null;
  }

  /**
   * The current copy: the newer of the two pointers (both exist only after an interrupted move).
   * @param {ProfilesMeta | null} inSync @param {ProfilesMeta | null} inLocal
   */
  function newerMeta(inSync, inLocal) {
    if (inSync && inLocal) return inSync.savedAt >= inLocal.savedAt ? inSync : inLocal;
    return inSync ?? inLocal;
  }

  async function currentMeta() {
    const [inSync, inLocal] = await Promise.all([readMeta('sync'), readMeta('local')]);
    return newerMeta(inSync, inLocal);
  }

  /**
   * Writes the chunks, then the pointer. On failure removes what it wrote and rethrows; the
   * previous pointer and its chunks are untouched.
   * @param {AreaName} name @param {Record<string, string>} chunks @param {ProfilesMeta} meta
   */
  async function writeCopy(name, chunks, meta) {
    const area = areas[name];
    if (!area) throw new Error(`storage.${name} is not available`);
    try {
      await area.set(chunks); // one write operation for all chunks (sync counts operations per minute)
      await area.set({ [META_KEY]: trust ? await trust.seal('profiles', meta, meta.savedAt) : meta });
    } catch (error) {
      await area.remove(Object.keys(chunks)).catch(() => {});
      throw error;
    }
    // A save from another page that finished between our two writes may have swept our chunks
    // as unreferenced; our pointer is the newest now, so put back whatever is missing.
    const present = await area.get(Object.keys(chunks));
    const missing = Object.fromEntries(Object.entries(chunks).filter(([key]) => !(key in present)));
    if (Object.keys(missing).length) await area.set(missing);
  }

  /**
   * Removes what no pointer needs: in the area of the new copy, chunks of generations that
   * neither the new copy nor the pointer stored there now refers to (older generations,
   * leftovers of interrupted saves); in the other area, the whole stale copy, unless a newer
   * save put its pointer there meanwhile.
   * @param {AreaName} name @param {ProfilesMeta} keep
   */
  async function sweep(name, keep) {
    const area = areas[name];
    if (!area) return;
    try {
      const all = await area.get(null);
      const pointer = isMeta(all[META_KEY]) ? all[META_KEY] : null;
      /** @type {string[]} */
      let stale;
      if (name === keep.area) {
        const live = new Set([keep.generation, pointer?.generation]);
        stale = Object.keys(all).filter(
          (key) => isOurKey(key) && key !== META_KEY && !live.has(key.slice(CHUNK_PREFIX.length).split('.')[0]),
        );
      } else {
        if (pointer && pointer.savedAt > keep.savedAt) return;
        stale = Object.keys(all).filter(isOurKey);
      }
      if (stale.length) await area.remove(stale);
    } catch {
      // Left-overs cost space but never correctness: loads follow the newest pointer.
    }
  }

  /**
   * @param {string} text parse-checked INI text
   * @returns {Promise<SaveResult>}
   */
  async function saveProfilesText(text) {
    const payload = toBase64(await deflate(text));
    const sha256 = await sha256Hex(payload);
    const textBytes = new TextEncoder().encode(text).length;
    const previous = await currentMeta();

    /** @param {AreaName} area @returns {Promise<SaveResult>} */
    const attempt = async (area) => {
      const generation = newGeneration();
      const chunks = splitIntoChunks(payload, generation);
      const count = Object.keys(chunks).length;
      /** @type {ProfilesMeta} */
      const meta = { generation, chunks: count, bytes: payload.length, sha256, area, savedAt: now() };
      await writeCopy(area, chunks, meta);
      // The last good copy, with its payload: it stands in if the chunks are ever changed or removed.
      await trust?.commit('profiles', meta, { at: meta.savedAt, payload });
      // The new copy is complete and pointed at: only now remove the old one, wherever it is.
      await sweep(area, meta);
      await sweep(area === 'sync' ? 'local' : 'sync', meta);
      return { area, bytes: payload.length, textBytes, chunks: count, fellBack: area === 'local', sha256 };
    };

    /** @type {FallbackReason} */
    let reason;
    if (!areas.sync) {
      reason = { code: 'sync-unavailable', detail: 'storage.sync is not available in this browser' };
    } else {
      try {
        return await attempt('sync');
      } catch (error) {
        reason = fallbackReason(error);
      }
    }
    let saved;
    try {
      saved = await attempt('local');
    } catch (error) {
      throw new ProfileStoreError(
        'save-failed',
        `The profiles could not be saved: storage.sync: ${reason.detail}; storage.local: ${messageOf(error)}. ` +
          'Your previously saved profiles are unchanged. Free some space (remove unused profiles) and save again.',
      );
    }
    // The old copy was in sync and took room there: now that it is gone the new one may fit.
    if (areas.sync && previous?.area === 'sync' && reason.code === 'sync-full') {
      try {
        return await attempt('sync');
      } catch (error) {
        reason = fallbackReason(error);
      }
    }
    return { ...saved, reason };
  }

  /**
   * Everything in one area (one round trip for both the pointer and its chunks); null when the
   * area is absent or unreadable (it then holds nothing we can use).
   * @param {AreaName} name
   * @param {Promise<Record<string, unknown>> | null} [prefetched] the area's items, already being read
   * @returns {Promise<Record<string, unknown> | null>}
   */
  async function readItems(name, prefetched) {
    const area = areas[name];
    if (!area) return null;
    if (prefetched) {
      try {
        return await prefetched;
      } catch {
        // the early read failed: read again below
      }
    }
    try {
      return await area.get(null);
    } catch {
      return null;
    }
  }

  /**
   * The current copy's pointer and the items of its area, from both areas read at once (nothing
   * decompressed yet: a caller holding something derived from `meta.sha256` can stop here).
   * `prefetched`: the areas' items when the caller started reading them earlier (the popup does,
   * before its modules load); an area whose read failed is read again.
   * @param {LoadOptions} [options]
   * @returns {Promise<Located>}
   */
  async function locateProfiles({ prefetched } = {}) {
    const [syncItems, localItems] = await Promise.all([readItems('sync', prefetched?.sync), readItems('local', prefetched?.local)]);
    const stored = newerMeta(metaIn('sync', syncItems), metaIn('local', localItems));
    /** @param {ProfilesMeta | null} meta */
    const itemsOf = (meta) => /** @type {Record<string, unknown>} */ ((meta?.area === 'sync' ? syncItems : localItems) ?? {});
    if (!trust) return stored ? { meta: stored, items: itemsOf(stored) } : { meta: null, items: {} };
    const opened = await trust.open('profiles', stored ?? undefined);
    const meta = /** @type {ProfilesMeta | null} */ (opened.value);
    if (opened.state === 'changed' && stored) {
      // Keep the changed copy's text with its notice while its chunks are still here (a later
      // save sweeps them): the user may accept it.
      const changed = /** @type {ProfilesMeta} */ (withoutTag(stored));
      await joinedPayload(changed, itemsOf(stored))
        .then((payload) => (payload === null ? undefined : trust.keepChangedPayload('profiles', changed, payload)))
        .catch(() => {});
    }
    const trustInfo = { state: opened.state, ...(opened.payload !== undefined ? { payload: opened.payload } : {}) };
    return meta ? { meta, items: itemsOf(meta), trust: trustInfo } : { meta: null, items: {}, trust: trustInfo };
  }

  /**
   * The joined chunks of `meta` when all are there and match its size and SHA-256; else null.
   * @param {ProfilesMeta} meta @param {Record<string, unknown>} got
   * @returns {Promise<string | null>}
   */
  async function joinedPayload(meta, got) {
    const keys = Array.from({ length: meta.chunks }, (_, n) => chunkKey(meta.generation, n));
    if (!keys.every((key) => typeof got[key] === 'string')) return null;
    const payload = keys.map((key) => /** @type {string} */ (got[key])).join('');
    return payload.length === meta.bytes && (await sha256Hex(payload)) === meta.sha256 ? payload : null;
  }

  /**
   * The INI text of a located copy, checked against its pointer and decompressed.
   * @param {Located} located
   * @returns {Promise<LoadResult>}
   */
  async function readProfilesText({ meta, items: got, trust: trusted }) {
    if (!meta) return { text: '', area: null, savedAt: null, sha256: null };
    const keys = Array.from({ length: meta.chunks }, (_, n) => chunkKey(meta.generation, n));
    const missing = keys.flatMap((key, n) => (typeof got[key] === 'string' ? [] : [n]));
    const payload = missing.length ? null : keys.map((key) => /** @type {string} */ (got[key])).join('');
    // Hashed once: the popup's uncached open waits for every digest.
    const actual = payload === null ? null : await sha256Hex(payload);
    const chunksGood = payload !== null && payload.length === meta.bytes && actual === meta.sha256;
    // The last good copy's payload stands in for chunks that are gone or changed.
    const kept = trusted?.payload;
    if (!chunksGood && kept !== undefined && kept !== payload && kept.length === meta.bytes && (await sha256Hex(kept)) === meta.sha256) {
      return decompressed(meta, kept);
    }
    const where = `storage.${meta.area} (generation ${meta.generation}, saved ${new Date(meta.savedAt).toISOString()})`;
    if (payload === null) {
      throw new ProfileStoreError(
        'integrity',
        `The saved profiles in ${where} are incomplete: chunk${missing.length > 1 ? 's' : ''} ` +
          `${missing.join(', ')} of ${meta.chunks} ${missing.length > 1 ? 'are' : 'is'} missing. ` +
          'If another device saved just now, its data may still be arriving: reload in a moment. ' +
          'Otherwise import your INI file again and save.',
      );
    }
    if (!chunksGood) {
      throw new ProfileStoreError(
        'integrity',
        `The saved profiles in ${where} fail the integrity check: expected ${meta.bytes} bytes with ` +
          `SHA-256 ${meta.sha256}, read ${payload.length} bytes with SHA-256 ${actual} (chunks from different ` +
          'saves are mixed). Reload in a moment; if it persists, import your INI file again and save.',
      );
    }
    const result = await decompressed(meta, payload);
    // Checked and readable: the last good copy gets its payload if it had none (adopted, or saved
    // by a build without one).
    if (trust && trusted && trusted.state !== 'unchecked' && trusted.state !== 'changed' && kept === undefined) {
      await trust.commit('profiles', meta, { at: meta.savedAt, payload }).catch(() => {});
    }
    return result;
  }

  /**
   * @param {ProfilesMeta} meta @param {string} payload checked against the pointer
   * @returns {Promise<LoadResult>}
   */
  async function decompressed(meta, payload) {
    const where = `storage.${meta.area} (generation ${meta.generation}, saved ${new Date(meta.savedAt).toISOString()})`;
    try {
      return { text: await inflate(fromBase64(payload)), area: meta.area, savedAt: meta.savedAt, sha256: meta.sha256 };
    } catch (error) {
      throw new ProfileStoreError(
        'integrity',
        `The saved profiles in ${where} pass the checksum but do not decompress (${messageOf(error)}). ` +
          'Import your INI file again and save.',
      );
    }
  }

  /**
   * The current copy's INI text (locateProfiles, then readProfilesText).
   * @param {LoadOptions} [options]
   * @returns {Promise<LoadResult>}
   */
  async function loadProfilesText(options) {
    return readProfilesText(await locateProfiles(options));
  }

  /**
   * Calls `callback` whenever a save (from any page or device) changes which copy is current.
   * @param {() => void} callback
   * @returns {() => void} stops listening
   */
  function onProfilesChanged(callback) {
    /** @param {Record<string, unknown>} changes */
    const listener = (changes) => {
      if (META_KEY in changes) callback();
    };
    const events = [areas.sync?.onChanged, areas.local.onChanged].filter((e) => e !== undefined);
    for (const event of events) event.addListener(listener);
    return () => {
      for (const event of events) event.removeListener(listener);
    };
  }

  return { locateProfiles, readProfilesText, loadProfilesText, saveProfilesText, onProfilesChanged };
}

/** @returns {ReturnType<typeof createProfileStore>} */
function browserStore() {
  return createProfileStore({
    sync: /** @type {StorageAreaLike | undefined} */ (/** @type {unknown} */ (chrome.storage.sync)),
    local: /** @type {StorageAreaLike} */ (/** @type {unknown} */ (chrome.storage.local)),
    trust: trustedStorage(),
  });
}

/** @type {ReturnType<typeof createProfileStore> | undefined} */
let defaultStore;
const store = () => (defaultStore ??= browserStore());

/**
 * The saved INI text (from sync, or local after a fallback). Rejects with a ProfileStoreError on bad chunks.
 * @param {LoadOptions} [options]
 */
export const loadProfilesText = (options) => store().loadProfilesText(options);
/** @param {LoadOptions} [options] */
export const locateProfiles = (options) => store().locateProfiles(options);
/** @param {Located} located */
export const readProfilesText = (located) => store().readProfilesText(located);
/** @param {string} text parse-checked INI text */
export const saveProfilesText = (text) => store().saveProfilesText(text);
/** @param {() => void} callback @returns {() => void} */
export const onProfilesChanged = (callback) => store().onProfilesChanged(callback);
