// One of the core's wasm modules, instantiated once, at its first caller's request (shared/core.js
// lists them; shared/profiles-core.js is the one the popup loads).

/**
 * @typedef {object} CoreModuleLoader
 * @property {(module?: WebAssembly.Module | Promise<WebAssembly.Module>) => Promise<void>} start
 *   starts instantiating the module unless it already is, from `module` when the page compiled it
 *   already, else fetched from the extension's own package
 * @property {() => true} need throws unless the module is loaded: a module's glue called before
 *   its instantiation fails on an undefined export, which would not say what to do
 */

/**
 * @param {string} name the module's name in shared/core.js (`profiles`, `api`, ...)
 * @param {(options: {module_or_path: any}) => Promise<unknown>} init its wasm-bindgen glue's init
 * @param {string} wasm its wasm file, relative to this folder
 * @returns {CoreModuleLoader}
 */
export function coreModule(name, init, wasm) {
  /** @type {Promise<void> | null} */
  let loading = null;
  let ready = false;
  return {
    start(module) {
      if (loading) return loading;
      const begun = performance.now();
      // The wasm's URL is given explicitly: wasm-bindgen's default is relative to its own glue
      // module, which is wrong once a page bundles this file (every caller lives one folder below the root).
      loading = Promise.resolve(module ?? new URL(wasm, import.meta.url))
        .then((source) => init({ module_or_path: source }))
        .then(() => {
          ready = true;
          // For bench/worker (the wasm's share of a cold start); harmless otherwise.
          performance.measure(`rolehop:wasm:${name}`, { start: begun });
        });
      return loading;
    },
    need() {
      if (!ready) throw new Error(`the core's ${name} module is not loaded: await loadModules('${name}') first (shared/core.js)`);
      return true;
    },
  };
}
