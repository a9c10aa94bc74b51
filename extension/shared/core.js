// The WebAssembly core as plain JS objects: JSON text in and out of wasm, parsed here. The only
// module that imports the wasm-bindgen glue.

import init, {
  version,
  selfCheck,
  sign,
  request,
  parseResponse,
  policyLint,
  policySimulate,
  profileParse,
  profileSerialize,
  profileImport,
  profileExport,
  switchUrl,
  checksPlan,
  checksNext,
  checksDiagnose,
  checksRetry,
  tutorialSteps,
  setupPlan,
  setupNext,
  consoleSignin,
} from '../pkg/rolehop.js';

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
/** @typedef {import('./contract').PolicyLintResult} PolicyLintResult */
/** @typedef {import('./contract').PolicySimulateResult} PolicySimulateResult */

/**
 * @typedef {object} Core
 * @property {() => VersionInfo} version
 * @property {() => SelfCheckResult} selfCheck
 * @property {(request: SignRequest) => SignResult | CoreErrorResult} sign
 * @property {(request: ApiRequestInput) => BuiltRequest | CoreErrorResult} request
 * @property {(response: ApiResponseInput) => ParsedResponse | CoreErrorResult} parseResponse
 * @property {(input: Record<string, unknown>) => PolicyLintResult | CoreErrorResult} policyLint `{policy, kind?, ...}` -> findings (README, Policies)
 * @property {(input: Record<string, unknown>) => PolicySimulateResult | CoreErrorResult} policySimulate `{trustPolicy?, request | requests, ...}` -> decisions
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
 */

/** @type {Core} */
const core = Object.freeze({
  version: () => JSON.parse(version()),
  selfCheck: () => JSON.parse(selfCheck()),
  sign: (input) => JSON.parse(sign(JSON.stringify(input))),
  request: (input) => JSON.parse(request(JSON.stringify(input))),
  parseResponse: (input) => JSON.parse(parseResponse(JSON.stringify(input))),
  policyLint: (input) => JSON.parse(policyLint(JSON.stringify(input))),
  policySimulate: (input) => JSON.parse(policySimulate(JSON.stringify(input))),
  profileParse: (input) => JSON.parse(profileParse(JSON.stringify(input))),
  profileSerialize: (input) => JSON.parse(profileSerialize(JSON.stringify(input))),
  profileImport: (input) => JSON.parse(profileImport(JSON.stringify(input))),
  profileExport: (input) => JSON.parse(profileExport(JSON.stringify(input))),
  switchUrl: (input) => JSON.parse(switchUrl(JSON.stringify(input))),
  checksPlan: (input) => JSON.parse(checksPlan(JSON.stringify(input))),
  checksNext: (state) => JSON.parse(checksNext(JSON.stringify(state))),
  checksDiagnose: (state) => JSON.parse(checksDiagnose(JSON.stringify(state))),
  checksRetry: (input) => JSON.parse(checksRetry(JSON.stringify(input))),
  tutorialSteps: (input) => JSON.parse(tutorialSteps(JSON.stringify(input))),
  setupPlan: (input) => JSON.parse(setupPlan(JSON.stringify(input))),
  setupNext: (input) => JSON.parse(setupNext(JSON.stringify(input))),
  consoleSignin: (input) => JSON.parse(consoleSignin(JSON.stringify(input))),
});

/**
 * Starts compiling the wasm module (fetched from the extension's own package) and resolves to
 * the core once it is ready. Call it once, at the top level of the service worker.
 * @param {WebAssembly.Module | Promise<WebAssembly.Module>} [module] the core's module when the
 *   page already started compiling it (the popup does, before its modules load); absent: fetch and
 *   compile it here
 * @returns {Promise<Core>}
 */
export function loadCore(module) {
  // The wasm's URL is given explicitly: wasm-bindgen's default is relative to its own glue module,
  // which is wrong once a page bundles this file (every caller lives one folder below the root).
  return init({ module_or_path: module ?? new URL('../pkg/rolehop_bg.wasm', import.meta.url) }).then(() => core);
}
