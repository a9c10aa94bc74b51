// The core's profiles module alone (profileParse, switchUrl): all the popup loads, in a file of its
// own so the popup's bundle carries this module's wasm-bindgen glue and not the other five's
// (shared/core.js, which the other pages and the service worker use, adds them).

import initProfiles, { profileParse, switchUrl } from '../pkg/rolehop_profiles.js';
import { coreModule } from './core-module.js';

export const profilesModule = coreModule('profiles', initProfiles, '../pkg/rolehop_profiles_bg.wasm');

/**
 * The profiles module's functions, as the full core has them (callable once it is loaded).
 * @typedef {Pick<import('./core.js').Core, 'profileParse' | 'switchUrl'>} ProfilesCore
 */

/** @type {ProfilesCore} */
export const profilesCore = Object.freeze({
  profileParse: (input) => JSON.parse(profilesModule.need() && profileParse(JSON.stringify(input))),
  switchUrl: (input) => JSON.parse(profilesModule.need() && switchUrl(JSON.stringify(input))),
});

/**
 * Starts loading the profiles module and resolves to its functions once it is ready.
 * @param {WebAssembly.Module | Promise<WebAssembly.Module>} [module] the module when the page
 *   already started compiling it (the popup does, before its modules load); absent: fetch and
 *   compile it here
 * @returns {Promise<ProfilesCore>}
 */
export function loadProfilesCore(module) {
  return profilesModule.start(module).then(() => profilesCore);
}
