// What RoleHop trusts in storage.sync and storage.local (the settings, the profiles' pointer, the
// workbench's values) when
// content scripts could have written it: Firefox has no setAccessLevel for these areas, and an
// older Chromium may refuse it (storage-access.js says which). There, every trusted write carries
// a tag, an HMAC-SHA-256 over the item's name, the time of the write and the value, made with a
// key that lives only in the extension origin's IndexedDB (content scripts use the page's
// IndexedDB and cannot reach it; the key is non-extractable). Every trusted read checks it:
// - the value equals the last good copy (kept in the same IndexedDB), or carries a valid tag at
//   least as new as that copy (a write by another of RoleHop's pages): it is used, and becomes
//   the last good copy;
// - anything else (no tag, a wrong tag, a tag of another browser's key, a deleted item) is a
//   changed copy: the last good copy is used instead, never the changed one; the changed copy is
//   kept in a notice until the user decides on the options page (keep mine: the good copy is
//   written back, tagged; accept the changed copy: it is written as the user's own, tagged), so
//   nothing is lost;
// - an item this browser has never seen (the first start after installing, or after updating
//   from a version without tags) is adopted as it is, once: nothing can tell what was written
//   before. A tag that is valid but older than the last good copy (a replay of an earlier value)
//   is not adopted either: the newer copy stands.
// Where storage is closed to content scripts, only RoleHop's own pages and worker (or sync, from
// the user's other browsers, which close it too) wrote what is there: it is used as it is, and
// nothing is checked (a change made in another browser must not need the user's approval there).
// Writes are tagged and kept as the last good copy everywhere, so one path writes in both cases.

import { closeStorageToContentScripts } from './storage-access.js';

/** The extension origin's IndexedDB database that holds the key, the last good copies and the notices. */
const TRUST_DB = 'rolehop-trust';
const STORE = 'records';
/** The field of a stored value that holds its tag (not a field of any trusted value). */
export const TAG_FIELD = 'rolehopTag';

/** @typedef {'settings' | 'profiles' | 'workbench'} TrustedName */
/** @typedef {unknown} Plain a stored value without its tag; null: nothing stored */
/** @typedef {{at: number, mac: string}} Tag */

/**
 * The last good copy of one item. `payload`: for the profiles, the compressed text the pointer
 * names (its chunks may be gone from storage when the pointer was changed).
 * @typedef {{value: Plain, at: number, payload?: string}} GoodCopy
 */

/**
 * A changed copy waiting for the user: what storage held, when it was first seen, and the good
 * copy used meanwhile. `payload`: for the profiles, the changed pointer's compressed text when
 * its chunks could be read.
 * @typedef {object} Notice
 * @property {TrustedName} name
 * @property {Plain} changed
 * @property {string} [payload]
 * @property {Plain} good
 * @property {number} noticedAt
 */

/**
 * @typedef {object} Opened
 * @property {Plain} value what to use
 * @property {'ok' | 'adopted' | 'changed' | 'unchecked'} state `unchecked`: storage is closed to
 *   content scripts, nothing needed checking
 * @property {string} [payload] the last good copy's payload when `value` is that copy
 */

/**
 * Where the key, the last good copies and the notices are kept (IndexedDB in the browser).
 * @typedef {object} Vault
 * @property {() => Promise<CryptoKey>} key the HMAC key, made on first use
 * @property {(id: string) => Promise<any>} get
 * @property {(id: string, value: unknown) => Promise<boolean>} add only when absent; false when present
 * @property {(id: string, change: (current: any) => unknown) => Promise<void>} update reads and writes in
 *   one transaction (no other page's write in between): `change` gets what is stored and returns the
 *   new value, or undefined to leave it
 * @property {(id: string) => Promise<void>} remove
 * @property {(prefix: string) => Promise<any[]>} list every value whose id starts with `prefix`
 */

// ---- values ----

/**
 * JSON with object keys sorted at every level: the same value always gives the same text.
 * @param {unknown} value
 * @returns {string}
 */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .filter((k) => /** @type {Record<string, unknown>} */ (value)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(/** @type {Record<string, unknown>} */ (value)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * A stored value without its tag (null for nothing stored).
 * @param {unknown} stored
 * @returns {Plain}
 */
export function withoutTag(stored) {
  if (stored === undefined || stored === null) return null;
  if (typeof stored !== 'object' || Array.isArray(stored)) return stored;
  const { [TAG_FIELD]: _tag, ...plain } = /** @type {Record<string, unknown>} */ (stored);
  return plain;
}

/** @param {unknown} stored @returns {Tag | null} */
function tagOf(stored) {
  const tag = typeof stored === 'object' && stored !== null ? /** @type {Record<string, unknown>} */ (stored)[TAG_FIELD] : undefined;
  if (typeof tag !== 'object' || tag === null) return null;
  const { at, mac } = /** @type {Record<string, unknown>} */ (tag);
  return typeof at === 'number' && Number.isFinite(at) && typeof mac === 'string' && /^[A-Za-z0-9_-]{43}$/.test(mac) ? { at, mac } : null;
}

/** What the MAC covers: the item, the time of the write, the value. @param {TrustedName} name @param {number} at @param {Plain} plain */
function signed(name, at, plain) {
  return new TextEncoder().encode(`rolehop-trust-v1\n${name}\n${at}\n${canonical(plain)}`);
}

/** @param {ArrayBuffer} bytes */
function base64url(bytes) {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** @param {string} text */
function fromBase64url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

// ---- the trust ----

/**
 * @param {object} deps
 * @param {Vault} deps.vault
 * @param {() => Promise<boolean>} deps.storageClosed whether content scripts cannot write storage
 * @param {() => number} [deps.now]
 */
export function createTrustedStorage({ vault, storageClosed, now = Date.now }) {
  /** @param {TrustedName} name */
  const goodId = (name) => `good/${name}`;
  /** @param {TrustedName} name */
  const noticeId = (name) => `notice/${name}`;

  /**
   * @param {TrustedName} name @param {Plain} plain @param {Tag} tag
   */
  async function validTag(name, plain, tag) {
    try {
      return await crypto.subtle.verify('HMAC', await vault.key(), fromBase64url(tag.mac), signed(name, tag.at, plain));
    } catch {
      return false;
    }
  }

  /**
   * What to use of what storage holds for `name` (`stored`: the value as read, tag included;
   * undefined when absent).
   * @param {TrustedName} name
   * @param {unknown} stored
   * @returns {Promise<Opened>}
   */
  async function open(name, stored) {
    const plain = withoutTag(stored);
    if (await storageClosed()) return { value: plain, state: 'unchecked' };
    /** @type {GoodCopy | undefined} */
    const good = await vault.get(goodId(name));
    if (!good) {
      const tag = tagOf(stored);
      // First sight of this item in this browser: adopted as it is, once (another page may
      // have adopted it a moment ago: then that copy is the good one).
      if (await vault.add(goodId(name), { value: plain, at: tag?.at ?? 0 })) return { value: plain, state: 'adopted' };
      return open(name, stored);
    }
    const payload = good.payload !== undefined ? { payload: good.payload } : {};
    if (canonical(plain) === canonical(good.value)) return { value: plain, state: 'ok', ...payload };
    const tag = tagOf(stored);
    if (tag && (await validTag(name, plain, tag))) {
      if (tag.at >= good.at) {
        await commit(name, plain, { at: tag.at });
        return { value: plain, state: 'ok' };
      }
      return { value: good.value, state: 'ok', ...payload }; // an older write of ours: the newer copy stands
    }
    const changed = canonical(plain);
    await vault.update(noticeId(name), (/** @type {Notice | undefined} */ earlier) =>
      earlier && canonical(earlier.changed) === changed ? undefined : { name, changed: plain, good: good.value, noticedAt: now() });
    return { value: good.value, state: 'changed', ...payload };
  }

  /**
   * After a tagged write succeeded: `plain` is the last good copy (unless a newer one is). The
   * payload of the same copy is kept when none is given (a reader taking a write of another page
   * must not drop the payload the writer stored).
   * @param {TrustedName} name @param {Plain} plain @param {{at: number, payload?: string}} options
   */
  async function commit(name, plain, { at, payload }) {
    const value = canonical(plain);
    await vault.update(goodId(name), (/** @type {GoodCopy | undefined} */ good) => {
      if (good && good.at > at) return undefined;
      const same = good !== undefined && canonical(good.value) === value;
      const kept = payload ?? (same ? good.payload : undefined);
      if (same && good.at === at && kept === good.payload) return undefined;
      return { value: plain, at, ...(kept !== undefined ? { payload: kept } : {}) };
    });
  }

  return {
    open,
    commit,
    /**
     * The value to store for `plain`, tagged. `at`: the time of the write (the profiles' savedAt).
     * @template {Record<string, unknown>} T
     * @param {TrustedName} name @param {T} plain @param {number} [at]
     * @returns {Promise<T & {[TAG_FIELD]: Tag}>}
     */
    async seal(name, plain, at = now()) {
      const mac = base64url(await crypto.subtle.sign('HMAC', await vault.key(), signed(name, at, plain)));
      return { ...plain, [TAG_FIELD]: { at, mac } };
    },

    /**
     * Keeps the changed copy's payload with its notice (the profiles' chunks, read while they
     * are still in storage), when the notice is still about exactly `changed`.
     * @param {TrustedName} name @param {Plain} changed @param {string} payload
     */
    async keepChangedPayload(name, changed, payload) {
      const value = canonical(changed);
      await vault.update(noticeId(name), (/** @type {Notice | undefined} */ notice) =>
        !notice || notice.payload !== undefined || canonical(notice.changed) !== value ? undefined : { ...notice, payload });
    },

    /** The changed copies waiting for the user, oldest first. @returns {Promise<Notice[]>} */
    async notices() {
      /** @type {Notice[]} */
      const all = await vault.list('notice/');
      return all.sort((a, b) => a.noticedAt - b.noticedAt);
    },

    /** The user decided (keep mine or accept, already written): the notice goes. @param {TrustedName} name */
    async resolve(name) {
      await vault.remove(noticeId(name));
    },
  };
}

// ---- the vault in IndexedDB ----

/**
 * The vault in the extension origin's IndexedDB.
 * @param {IDBFactory} [idb]
 * @returns {Vault}
 */
export function indexedDbVault(idb = globalThis.indexedDB) {
  /** @type {Promise<IDBDatabase> | null} */
  let opened = null;
  /** @type {Promise<CryptoKey> | null} */
  let key = null;

  function db() {
    opened ??= new Promise((resolve, reject) => {
      const request = idb.open(TRUST_DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        // A later build that upgrades the database must not wait for this page to close.
        request.result.onversionchange = () => {
          request.result.close();
          opened = null;
        };
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    });
    opened.catch(() => {
      opened = null;
    });
    return opened;
  }

  /**
   * @template T
   * @param {IDBTransactionMode} mode
   * @param {(store: IDBObjectStore) => IDBRequest<T>} call
   * @returns {Promise<T>}
   */
  async function run(mode, call) {
    const transaction = (await db()).transaction(STORE, mode);
    const request = call(transaction.objectStore(STORE));
    return new Promise((resolve, reject) => {
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error);
      transaction.onabort = () => reject(transaction.error ?? new Error('the IndexedDB transaction was aborted'));
    });
  }

  /** @type {Vault} */
  const vault = {
    key() {
      key ??= (async () => {
        const existing = await vault.get('hmac-key');
        if (existing instanceof CryptoKey) return existing;
        const made = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
        // Another page may have made one meanwhile: the first one stored is the key.
        if (await vault.add('hmac-key', made)) return made;
        return /** @type {CryptoKey} */ (await vault.get('hmac-key'));
      })();
      key.catch(() => {
        key = null;
      });
      return key;
    },
    get: (id) => run('readonly', (store) => store.get(id)),
    async add(id, value) {
      try {
        await run('readwrite', (store) => store.add(value, id));
        return true;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'ConstraintError') return false;
        throw error;
      }
    },
    async remove(id) {
      await run('readwrite', (store) => store.delete(id));
    },
    async update(id, change) {
      await run('readwrite', (store) => {
        const request = store.get(id);
        request.onsuccess = () => {
          const next = change(request.result);
          if (next !== undefined) store.put(next, id);
        };
        return request;
      });
    },
    list: (prefix) => run('readonly', (store) => store.getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`))),
  };
  return vault;
}

/** @type {ReturnType<typeof createTrustedStorage> | undefined} */
let browserTrust;

/** The extension's trust: its IndexedDB vault, and storage closed where the browser can close it. */
export function trustedStorage() {
  browserTrust ??= createTrustedStorage({ vault: indexedDbVault(), storageClosed: () => closeStorageToContentScripts() });
  return browserTrust;
}
