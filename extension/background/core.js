// The WebAssembly core as plain JS objects: JSON text in and out of wasm, parsed here. The only
// module that imports the wasm-bindgen glue.

import init, { version, selfCheck, sign } from '../pkg/rolehop.js';

/** @typedef {import('../shared/contract').VersionInfo} VersionInfo */
/** @typedef {import('../shared/contract').SelfCheckResult} SelfCheckResult */
/** @typedef {import('../shared/contract').SignRequest} SignRequest */
/** @typedef {import('../shared/contract').SignResult} SignResult */
/** @typedef {import('../shared/contract').CoreErrorResult} CoreErrorResult */

/**
 * @typedef {object} Core
 * @property {() => VersionInfo} version
 * @property {() => SelfCheckResult} selfCheck
 * @property {(request: SignRequest) => SignResult | CoreErrorResult} sign
 */

/** @type {Core} */
const core = Object.freeze({
  version: () => JSON.parse(version()),
  selfCheck: () => JSON.parse(selfCheck()),
  sign: (request) => JSON.parse(sign(JSON.stringify(request))),
});

/**
 * Starts compiling the wasm module (fetched from the extension's own package) and resolves to
 * the core once it is ready. Call it once, at the top level of the service worker.
 * @returns {Promise<Core>}
 */
export function loadCore() {
  return init().then(() => core);
}
