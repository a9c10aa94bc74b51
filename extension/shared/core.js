// The WebAssembly core as plain JS objects: JSON text in and out of wasm, parsed here. The only
// module that imports the wasm-bindgen glue.

import initProfiles, { profileParse, switchUrl } from '../pkg/rolehop_profiles.js';
import initTransfer, { profileSerialize, profileImport, profileExport } from '../pkg/rolehop_transfer.js';
import initApi, { version, selfCheck, sign, request, parseResponse, consoleSignin } from '../pkg/rolehop_api.js';
import initChecks, { checksPlan, checksNext, checksDiagnose, checksRetry, consoleRefusal } from '../pkg/rolehop_checks.js';
import initTutorial, { tutorialSteps, setupPlan, setupNext } from '../pkg/rolehop_tutorial.js';
import initPolicy, { policyLint, policySimulate } from '../pkg/rolehop_policy.js';

/**
 * The core's wasm modules, split by who loads them (crate/src/wasm/, built by build.sh), each
 * compiled only when a caller first needs it:
 * - `profiles`: profileParse, switchUrl: the popup (kept small: it compiles on every open), the
 *   options page, the worker's switch path;
 * - `transfer`: profileSerialize, profileImport, profileExport: the options page, and the worker
 *   saving a profile from the Switch Role page;
 * - `api`: version, selfCheck, sign, request, parseResponse, consoleSignin: the worker;
 * - `checks`: checksPlan, checksNext, checksDiagnose, checksRetry, consoleRefusal: the worker when a
 *   check or a setup runs, and when Open console's AssumeRole was refused;
 * - `tutorial`: tutorialSteps, setupPlan, setupNext: the workbench, the worker for a setup run and
 *   the RAM console panel;
 * - `policy`: policyLint, policySimulate: the worker's RAM console panel.
 * @typedef {'profiles' | 'transfer' | 'api' | 'checks' | 'tutorial' | 'policy'} CoreModule
 */

/** @type {Record<CoreModule, {init: (options: {module_or_path: any}) => Promise<unknown>, wasm: string}>} */
const MODULES = {
  profiles: { init: initProfiles, wasm: '../pkg/rolehop_profiles_bg.wasm' },
  transfer: { init: initTransfer, wasm: '../pkg/rolehop_transfer_bg.wasm' },
  api: { init: initApi, wasm: '../pkg/rolehop_api_bg.wasm' },
  checks: { init: initChecks, wasm: '../pkg/rolehop_checks_bg.wasm' },
  tutorial: { init: initTutorial, wasm: '../pkg/rolehop_tutorial_bg.wasm' },
  policy: { init: initPolicy, wasm: '../pkg/rolehop_policy_bg.wasm' },
};

/** Each module's instantiation, started by its first caller. @type {Map<CoreModule, Promise<unknown>>} */
const started = new Map();
/** The modules ready to call. @type {Set<CoreModule>} */
const ready = new Set();

/** @typedef {import('./contract').VersionInfo} VersionInfo */
/** @typedef {import('./contract').SelfCheckResult} SelfCheckResult */
/** @typedef {import('./contract').SignRequest} SignRequest */
/** @typedef {import('./contract').SignResult} SignResult */
/** @typedef {import('./contract').CoreErrorResult} CoreErrorResult */
/** @typedef {import('./contract').ApiRequestInput} ApiRequestInput */
/** @typedef {import('./contract').BuiltRequest} BuiltRequest */
/** @typedef {import('./contract').ApiResponseInput} ApiResponseInput */
/** @typedef {import('./contract').ParsedResponse} ParsedResponse */
/** @typedef {import('./contract').ProfileParseInput} ProfileParseInput */
/** @typedef {import('./contract').ProfileParseResult} ProfileParseResult */
/** @typedef {import('./contract').ProfileSerializeInput} ProfileSerializeInput */
/** @typedef {import('./contract').ProfileSerializeResult} ProfileSerializeResult */
/** @typedef {import('./contract').ProfileImportInput} ProfileImportInput */
/** @typedef {import('./contract').ProfileImportResult} ProfileImportResult */
/** @typedef {import('./contract').ProfileExportInput} ProfileExportInput */
/** @typedef {import('./contract').ProfileExportResult} ProfileExportResult */
/** @typedef {import('./contract').SwitchUrlInput} SwitchUrlInput */
/** @typedef {import('./contract').SwitchUrlResult} SwitchUrlResult */
/** @typedef {import('./contract').CheckInputs} CheckInputs */
/** @typedef {import('./contract').ChecksPlan} ChecksPlan */
/** @typedef {import('./contract').ChecksState} ChecksState */
/** @typedef {import('./contract').ChecksNextResult} ChecksNextResult */
/** @typedef {import('./contract').CheckReport} CheckReport */
/** @typedef {import('./contract').ChecksRetryInput} ChecksRetryInput */
/** @typedef {import('./contract').RetryDecision} RetryDecision */
/** @typedef {import('./contract').TutorialInput} TutorialInput */
/** @typedef {import('./contract').TutorialResult} TutorialResult */
/** @typedef {import('./contract').SetupPlanInput} SetupPlanInput */
/** @typedef {import('./contract').SetupPlan} SetupPlan */
/** @typedef {import('./contract').SetupNextInput} SetupNextInput */
/** @typedef {import('./contract').SetupNextResult} SetupNextResult */
/** @typedef {import('./contract').PolicyLintInput} PolicyLintInput */
/** @typedef {import('./contract').PolicyLintResult} PolicyLintResult */
/** @typedef {import('./contract').PolicySimulateInput} PolicySimulateInput */
/** @typedef {import('./contract').PolicySimulateResult} PolicySimulateResult */

/**
 * Every function of every module; a module's functions may be called once it is loaded
 * (`loadCore`, `loadModules` or `core.load`), else they throw saying which module to load.
 * @typedef {object} Core
 * @property {(...modules: CoreModule[]) => Promise<Core>} [load] loads these modules (each once)
 *   and resolves to the core; absent in the tests' stand-ins, which have every function at once
 * @property {() => VersionInfo} version
 * @property {() => SelfCheckResult} selfCheck
 * @property {(request: SignRequest) => SignResult | CoreErrorResult} sign
 * @property {(request: ApiRequestInput) => BuiltRequest | CoreErrorResult} request
 * @property {(response: ApiResponseInput) => ParsedResponse | CoreErrorResult} parseResponse
 * @property {(input: PolicyLintInput) => PolicyLintResult | CoreErrorResult} policyLint `{policy, kind?, ...}` -> findings (README, Policies)
 * @property {(input: PolicySimulateInput) => PolicySimulateResult | CoreErrorResult} policySimulate `{trustPolicy?, request | requests, ...}` -> decisions
 * @property {(input: ProfileParseInput) => ProfileParseResult | CoreErrorResult} profileParse
 * @property {(input: ProfileSerializeInput) => ProfileSerializeResult | CoreErrorResult} profileSerialize
 * @property {(input: ProfileImportInput) => ProfileImportResult | CoreErrorResult} profileImport
 * @property {(input: ProfileExportInput) => ProfileExportResult | CoreErrorResult} profileExport
 * @property {(input: SwitchUrlInput) => SwitchUrlResult | CoreErrorResult} switchUrl
 * @property {(inputs: CheckInputs) => ChecksPlan | CoreErrorResult} checksPlan
 * @property {(state: ChecksState) => ChecksNextResult | CoreErrorResult} checksNext
 * @property {(state: ChecksState) => CheckReport | CoreErrorResult} checksDiagnose
 * @property {(input: ChecksRetryInput) => RetryDecision | CoreErrorResult} checksRetry
 * @property {(input: TutorialInput) => TutorialResult | CoreErrorResult} tutorialSteps
 * @property {(input: SetupPlanInput) => SetupPlan | CoreErrorResult} setupPlan
 * @property {(input: SetupNextInput) => SetupNextResult | CoreErrorResult} setupNext
 * @property {(input: Record<string, unknown>) => Record<string, any>} consoleSignin one step of Open
 *   console: `{step: "assume" | "answer" | "token" | "tokenAnswer" | "login", ...}` (crate/src/contract/console.rs)
 * @property {(input: Record<string, unknown>) => Record<string, any>} consoleRefusal Open console's refused
 *   AssumeRole with the checks' diagnosis: `{roleArn, callerArn, status, headers, body}` -> `{text}`
 *   (crate/src/contract/console_refusal.rs)
 */

/** @type {Core} */
const core = Object.freeze({
  load: (/** @type {CoreModule[]} */ ...names) => loadModules(...names),
  version: () => JSON.parse(need('api') && version()),
  selfCheck: () => JSON.parse(need('api') && selfCheck()),
  sign: (input) => JSON.parse(need('api') && sign(JSON.stringify(input))),
  request: (input) => JSON.parse(need('api') && request(JSON.stringify(input))),
  parseResponse: (input) => JSON.parse(need('api') && parseResponse(JSON.stringify(input))),
  policyLint: (input) => JSON.parse(need('policy') && policyLint(JSON.stringify(input))),
  policySimulate: (input) => JSON.parse(need('policy') && policySimulate(JSON.stringify(input))),
  profileParse: (input) => JSON.parse(need('profiles') && profileParse(JSON.stringify(input))),
  profileSerialize: (input) => JSON.parse(need('transfer') && profileSerialize(JSON.stringify(input))),
  profileImport: (input) => JSON.parse(need('transfer') && profileImport(JSON.stringify(input))),
  profileExport: (input) => JSON.parse(need('transfer') && profileExport(JSON.stringify(input))),
  switchUrl: (input) => JSON.parse(need('profiles') && switchUrl(JSON.stringify(input))),
  checksPlan: (input) => JSON.parse(need('checks') && checksPlan(JSON.stringify(input))),
  checksNext: (state) => JSON.parse(need('checks') && checksNext(JSON.stringify(state))),
  checksDiagnose: (state) => JSON.parse(need('checks') && checksDiagnose(JSON.stringify(state))),
  checksRetry: (input) => JSON.parse(need('checks') && checksRetry(JSON.stringify(input))),
  tutorialSteps: (input) => JSON.parse(need('tutorial') && tutorialSteps(JSON.stringify(input))),
  setupPlan: (input) => JSON.parse(need('tutorial') && setupPlan(JSON.stringify(input))),
  setupNext: (input) => JSON.parse(need('tutorial') && setupNext(JSON.stringify(input))),
  consoleSignin: (input) => JSON.parse(need('api') && consoleSignin(JSON.stringify(input))),
  consoleRefusal: (input) => JSON.parse(need('checks') && consoleRefusal(JSON.stringify(input))),
});

/**
 * Throws unless `name` is loaded: a module's glue called before its instantiation fails on an
 * undefined export, which would not say what to do.
 * @param {CoreModule} name
 * @returns {true}
 */
function need(name) {
  if (!ready.has(name)) throw new Error(`the core's ${name} module is not loaded: await loadModules('${name}') first (shared/core.js)`);
  return true;
}

/**
 * Starts instantiating `name` unless it already is, from `module` when the page compiled it
 * already, else fetched from the extension's own package.
 * @param {CoreModule} name @param {WebAssembly.Module | Promise<WebAssembly.Module>} [module]
 * @returns {Promise<unknown>}
 */
function start(name, module) {
  let loading = started.get(name);
  if (!loading) {
    const { init, wasm } = MODULES[name];
    // The wasm's URL is given explicitly: wasm-bindgen's default is relative to its own glue
    // module, which is wrong once a page bundles this file (every caller lives one folder below the root).
    loading = Promise.resolve(module ?? new URL(wasm, import.meta.url))
      .then((source) => init({ module_or_path: source }))
      .then(() => void ready.add(name));
    started.set(name, loading);
  }
  return loading;
}

/**
 * Loads these modules of the core (each once, in parallel) and resolves to the core.
 * @param {...CoreModule} names
 * @returns {Promise<Core>}
 */
export function loadModules(...names) {
  return Promise.all(names.map((name) => start(name))).then(() => core);
}

/**
 * Starts loading the profiles module (the popup's) and resolves to the core once it is ready;
 * the others load with `loadModules` / `core.load`. Call it once, at the top level of a page or
 * the service worker.
 * @param {WebAssembly.Module | Promise<WebAssembly.Module>} [module] the profiles module when the
 *   page already started compiling it (the popup does, before its modules load); absent: fetch and
 *   compile it here
 * @returns {Promise<Core>}
 */
export function loadCore(module) {
  return start('profiles', module).then(() => core);
}
