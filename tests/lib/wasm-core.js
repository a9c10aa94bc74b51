// The core's wasm modules (one per caller, crate/src/wasm/; build.sh builds them into
// extension/pkg, assemble.js ships them in dist/<browser>/pkg) loaded in Node as one object of
// every export, for tests that call the wasm API by name as the pages' shared/core.js does.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Every module, in the order shared/core.js lists them. */
const WASM_MODULES = /** @type {const} */ (['profiles', 'transfer', 'api', 'checks', 'tutorial', 'policy']);

/**
 * Instantiates every module of the core in `pkg` (a folder holding `rolehop_<name>.js` and
 * `rolehop_<name>_bg.wasm`).
 * @param {string} pkg
 * @returns {Promise<{wasm: Record<string, any>, memories: Record<string, WebAssembly.Memory>}>} the
 *   exports of all modules by name, and each module's memory
 */
export async function loadWasmCore(pkg) {
  /** @type {Record<string, any>} */
  const wasm = {};
  /** @type {Record<string, WebAssembly.Memory>} */
  const memories = {};
  for (const name of WASM_MODULES) {
    const glue = await import(pathToFileURL(join(pkg, `rolehop_${name}.js`)).href);
    memories[name] = glue.initSync({ module: readFileSync(join(pkg, `rolehop_${name}_bg.wasm`)) }).memory;
    for (const [key, value] of Object.entries(glue)) {
      if (key !== 'default' && key !== 'initSync') wasm[key] = value;
    }
  }
  return { wasm, memories };
}
