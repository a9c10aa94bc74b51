// A classic script, run while popup.html is still parsing: starts the popup's slow I/O (compiling
// the wasm core, reading the stored items the profile store needs) before the ES module graph has
// loaded, which otherwise takes most of the popup's open time. popup.js picks the promises up from
// globalThis.rolehopEarly and falls back to its normal loads when they are absent or fail.
'use strict';

/**
 * @typedef {object} RolehopEarly
 * @property {Promise<WebAssembly.Module>} wasm the core's module, compiled
 * @property {Promise<Record<string, unknown>> | null} syncItems everything in storage.sync (null: no storage.sync)
 * @property {Promise<Record<string, unknown>>} localItems everything in storage.local
 * @property {Promise<Record<string, unknown>> | null} parsedItems the cached parse, from storage.session
 *   (shared/parsed-profiles.js; null: no storage.session)
 * @property {Promise<boolean>} storageClosed storage.local and storage.sync closed to content scripts
 *   (shared/storage-access.js takes this answer instead of asking again)
 */

/**
 * The one global this page defines (a var in a classic script: a property of the window). Typed as
 * possibly undefined because pages without early.js see the same declaration.
 * @type {RolehopEarly | undefined}
 */
var rolehopEarly = {
  wasm: WebAssembly.compileStreaming(fetch('../pkg/rolehop_profiles_bg.wasm')),
  syncItems: chrome.storage.sync ? chrome.storage.sync.get(null) : null,
  localItems: chrome.storage.local.get(null),
  // Only this key: storage.session also holds the credentials, which the popup has no use for.
  parsedItems: chrome.storage.session ? chrome.storage.session.get('rolehop.parsedProfiles') : null,
  // The same calls as shared/storage-access.js, started now: whether what the reads bring needs
  // checking (trusted-storage.js) is known by the time the modules have loaded.
  storageClosed:
    typeof chrome.storage.local.setAccessLevel === 'function' && typeof chrome.storage.sync?.setAccessLevel === 'function'
      ? Promise.all([chrome.storage.local, chrome.storage.sync].map((area) => area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }))).then(() => true, () => false)
      : Promise.resolve(false),
};
// popup.js reports failures where it uses these (and then loads the normal way).
for (const p of [rolehopEarly.wasm, rolehopEarly.syncItems, rolehopEarly.localItems, rolehopEarly.parsedItems]) p?.catch(() => {});
