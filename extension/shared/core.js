// The WebAssembly core as plain JS objects: JSON text in and out of wasm, parsed here. With
// profiles-core.js (the popup's part), the only modules that import the wasm-bindgen glue.

import initTransfer, { profileSerialize, profileImport, profileExport } from '../pkg/rolehop_transfer.js';
import initApi, { version, selfCheck, sign, request, parseResponse, consoleSignin } from '../pkg/rolehop_api.js';
import initChecks, { checksPlan, checksNext, checksDiagnose, checksRetry, consoleRefusal } from '../pkg/rolehop_checks.js';
import initTutorial, { tutorialSteps, setupPlan, setupNext } from '../pkg/rolehop_tutorial.js';
import initPolicy, { policyLint, policySimulate } from '../pkg/rolehop_policy.js';
import { coreModule } from './core-module.js';
import { profilesCore, profilesModule } from './profiles-core.js';

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

/** @type {Record<CoreModule, import('./core-module.js').CoreModuleLoader>} */
const MODULES = {
  profiles: profilesModule,
  transfer: coreModule('transfer', initTransfer, '../pkg/rolehop_transfer_bg.wasm'),
  api: coreModule('api', initApi, '../pkg/rolehop_api_bg.wasm'),
  checks: coreModule('checks', initChecks, '../pkg/rolehop_checks_bg.wasm'),
  tutorial: coreModule('tutorial', initTutorial, '../pkg/rolehop_tutorial_bg.wasm'),
  policy: coreModule('policy', initPolicy, '../pkg/rolehop_policy_bg.wasm'),
};

/** @typedef {import('./contract').VersionInfo} VersionInfo */
/** @typedef {import('./contract').SelfCheckResult} SelfCheckResult */
/** @typedef {import('./contract').SignRequest} SignRequest */
/** @typedef {import('./contract').SignResult} SignResult */
/** @typedef {import('./contract').CoreErrorResult} CoreErrorResult */
/** @typedef {import('./contract').ApiRequestInput} ApiRequestInput */
/** @typedef {import('./contract').BuiltRequest} BuiltRequest */
/** @typedef {import('./contract').ApiResponseInput} ApiResponseInput */
/** @typedef {import('./contract').ParsedResponse} ParsedResponse */
/** @typedef {import('./contract').ConsoleSigninInput} ConsoleSigninInput */
/** @typedef {import('./contract').ConsoleSigninAnswers} ConsoleSigninAnswers */
/** @typedef {import('./contract').ConsoleRefusalInput} ConsoleRefusalInput */
/** @typedef {import('./contract').ConsoleRefusalAnswer} ConsoleRefusalAnswer */
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
 * @property {<S extends ConsoleSigninInput>(input: S) => ConsoleSigninAnswers[S['step']] | CoreErrorResult} consoleSignin
 *   one step of Open console (crate/src/contract/console.rs)
 * @property {(input: ConsoleRefusalInput) => ConsoleRefusalAnswer | CoreErrorResult} consoleRefusal Open
 *   console's refused AssumeRole with the checks' diagnosis (crate/src/contract/console_refusal.rs)
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
  profileParse: profilesCore.profileParse,
  profileSerialize: (input) => JSON.parse(need('transfer') && profileSerialize(JSON.stringify(input))),
  profileImport: (input) => JSON.parse(need('transfer') && profileImport(JSON.stringify(input))),
  profileExport: (input) => JSON.parse(need('transfer') && profileExport(JSON.stringify(input))),
  switchUrl: profilesCore.switchUrl,
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

/** @param {CoreModule} name @returns {true} */
function need(name) {
  return MODULES[name].need();
}

/**
 * Loads these modules of the core (each once, in parallel) and resolves to the core.
 * @param {...CoreModule} names
 * @returns {Promise<Core>}
 */
export function loadModules(...names) {
  return Promise.all(names.map((name) => MODULES[name].start())).then(() => core);
}

/**
 * Loads the profiles module (profileParse, switchUrl: what the worker's parse warmer needs; the
 * popup loads it alone, with profiles-core.js) and resolves to the core.
 * @returns {Promise<Core>}
 */
export function loadCore() {
  return loadModules('profiles');
}
