// Closes storage.local and storage.sync to content scripts (Chromium: setAccessLevel
// TRUSTED_CONTEXTS; DESIGN decision 5). Chromium keeps the level in the extension's preferences,
// so it holds from the service worker's first start on, across restarts, before any later start
// of the worker. Every trusted context calls this before it relies on what storage holds: the
// answer says whether the two areas are closed (then everything in them was written by RoleHop's
// own pages and worker, or brought by sync from the user's other browsers, which close them too).
// Where the browser cannot close them (Firefox has no setAccessLevel for these areas; an older
// Chromium refuses it), the answer is false and trusted values are checked by their tags instead
// (trusted-storage.js).

/** @typedef {{setAccessLevel?: (options: {accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS'}) => Promise<void>}} AreaWithAccess */

/** @type {Promise<boolean> | null} */
let closed = null;

/**
 * Closes both areas (once per context; later calls share the answer).
 * @param {{local?: AreaWithAccess, sync?: AreaWithAccess}} [storage] chrome.storage
 * @returns {Promise<boolean>} true when both storage.local and storage.sync are closed to content scripts
 */
export function closeStorageToContentScripts(storage = /** @type {any} */ (chrome.storage)) {
  // The popup's early.js makes the same calls before its modules load: its answer is taken.
  closed ??= globalThis.rolehopEarly?.storageClosed ?? closeAreas(storage);
  return closed;
}

/**
 * Closes both areas now (closeStorageToContentScripts asks once per context).
 * @param {{local?: AreaWithAccess, sync?: AreaWithAccess}} storage
 * @returns {Promise<boolean>}
 */
export async function closeAreas(storage) {
  const areas = [storage.local, storage.sync];
  if (!areas.every((area) => typeof area?.setAccessLevel === 'function')) return false;
  try {
    await Promise.all(areas.map((area) => /** @type {Required<AreaWithAccess>} */ (area).setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })));
    return true;
  } catch (error) {
    console.warn(`RoleHop: storage could not be closed to content scripts (${error instanceof Error ? error.message : error}); trusted values are checked by their tags instead`);
    return false;
  }
}
