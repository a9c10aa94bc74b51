// The workbench page: pick who you are, type your values once, follow the tutorial steps written
// for you by the core, give credentials for this session, verify, and let RoleHop do the setup.
// The page runs the pure tutorial core itself (wasm, no secrets involved); everything that signs
// or sends goes through the service worker (messages and the `rolehop.run` port).

import { coreMessage, joinSentences, t, localizePage, useLanguage } from '../shared/i18n.js';
import { loadSettings } from '../shared/settings.js';
import { loadWorkbenchProgress, saveWorkbenchProgress } from '../shared/workbench-progress.js';
import { loadModules } from '../shared/core.js';
import { byId, el, setStatus, errorText } from './dom.js';
import { DEFAULT_INPUTS, checkInputs, fieldForPath, fieldShown, tutorialInput } from '../shared/workbench-inputs.js';
import { buildForm, showAudience, showFieldErrors } from './inputs.js';
import { renderSteps, renderTroubleshooting, showDone } from './steps.js';
import { renderReport, showChain } from './report.js';
import { readChain, storedChain } from '../shared/chain-links.js';
import { setUpCredentials, onCredentialsChanged, showSide } from './credentials-form.js';

/** @typedef {import('../shared/workbench-inputs.js').WorkbenchInputs} WorkbenchInputs */
/** @typedef {'a' | 'b' | 'user'} Audience */

/**
 * What the workbench keeps (shared/workbench-progress.js); `chain`: the last finished checks run's
 * chain for these values, which the RAM console panel draws.
 * @type {{audience: Audience, inputs: WorkbenchInputs, done: Record<string, boolean>, chain?: import('../shared/contract').ChainLink[]}}
 */
let state = { audience: 'a', inputs: { ...DEFAULT_INPUTS }, done: {} };
/** @type {any} the tutorial core's last answer (a draft: placeholders where values are missing) */
let tutorial = null;
/** @type {any} */
let core = null;
/** @type {'en' | 'zh'} */
let lang = 'en';
/** @type {import('../shared/contract').CredentialsStatus | null} */
let credentials = null;
/** Fields the user typed in and left: only their errors are shown at the field. @type {Set<string>} */
const touched = new Set();

async function main() {
  try {
    const settings = await loadSettings();
    await useLanguage(settings.language);
  } catch {
    // Settings unreadable: follow the browser's language.
  }
  localizePage(document);
  lang = t('htmlLang').startsWith('zh') ? 'zh' : 'en';
  state = await loadProgress();
  core = await loadModules('tutorial');

  const audience = /** @type {HTMLFieldSetElement} */ (byId('audience'));
  for (const radio of audience.querySelectorAll('input[name="audience"]')) {
    const input = /** @type {HTMLInputElement} */ (radio);
    input.checked = input.value === state.audience;
    input.addEventListener('change', () => {
      state.audience = /** @type {Audience} */ (input.value);
      saveProgress();
      showAudience(/** @type {HTMLFormElement} */ (byId('inputs')), state.audience, state.inputs);
      showSide(credentialSide());
      refreshTutorial();
    });
  }
  buildForm(/** @type {HTMLFormElement} */ (byId('inputs')), state.inputs, state.audience, (values, changed, left) => {
    const before = state.inputs;
    state.inputs = values;
    // Judged once left with something typed (never before anything is typed).
    if (left && String(values[changed] ?? '').trim() !== '') touched.add(changed);
    if (before !== values) {
      // The last run's chain was for the values before: the panel must not show it for these.
      delete state.chain;
      saveProgress();
    }
    // Leaving a field changes no value: its error may show, the steps stay as they are (redrawn,
    // they would swallow the click that left the field, e.g. on a step's tab).
    refreshTutorial(before !== values);
  });
  // Fields already filled in a previous visit count as touched.
  for (const [name, value] of Object.entries(state.inputs)) if (value && value !== /** @type {any} */ (DEFAULT_INPUTS)[name]) touched.add(name);
  refreshTutorial();

  onCredentialsChanged((status) => {
    credentials = status;
    refreshButtons();
  });
  await setUpCredentials();
  showSide(credentialSide());
  byId('verify').addEventListener('click', verify);
  byId('setup').addEventListener('click', setUp);
  document.body.dataset.ready = 'true';
}

/**
 * Runs the tutorial core on the current values as a draft: the steps are always there, with
 * placeholders for what is missing; errors show under the fields the user typed in and left.
 * @param {boolean} [redraw] whether the values changed since the steps were drawn
 */
function refreshTutorial(redraw = true) {
  const form = /** @type {HTMLFormElement} */ (byId('inputs'));
  const summary = byId('inputs-summary');
  const answer = core.tutorialSteps(tutorialInput(state.inputs, state.audience, true));
  /** @type {Array<{path: string, message: string, text?: any}>} */
  const problems = answer.error ? [answer.error] : answer.incomplete ?? [];
  /** @type {Map<any, string>} */
  const errors = new Map();
  for (const problem of problems) {
    const field = fieldForPath(problem.path);
    if (field !== null && touched.has(field) && !errors.has(field)) errors.set(field, coreMessage(problem.text ?? problem.message));
  }
  showFieldErrors(form, errors);
  // A problem no field shows (nothing there to type in and leave, or a field this audience does
  // not see, typed while reading as another) is said once, below the form.
  const offForm = (/** @type {string} */ path) => { const f = fieldForPath(path); return f !== null && !fieldShown(f, state.audience, state.inputs); };
  const unshown = problems.find((p) => { const f = fieldForPath(p.path); return f === null || offForm(p.path) || (answer.error && !touched.has(f)); });
  if (unshown && (answer.error || offForm(unshown.path))) {
    const field = fieldForPath(unshown.path);
    setStatus(summary, 'could-not-check', t('workbenchInputsError', [field ? t(`workbenchField_${field}`) : unshown.path ?? '', coreMessage(unshown.text ?? unshown.message)]));
    summary.dataset.path = unshown.path ?? '';
  } else {
    summary.hidden = true;
    summary.dataset.path = '';
  }
  if (answer.error) {
    // Only what no placeholder can stand for (e.g. an unknown site) takes the steps away.
    tutorial = null;
    byId('steps').replaceChildren();
    byId('troubleshooting').hidden = true;
    byId('steps-progress').textContent = t('workbenchStepsWaiting');
  } else if (!redraw && tutorial !== null) {
    tutorial = answer;
  } else {
    tutorial = answer;
    renderSteps(byId('steps'), answer, lang, state.done, (stepId, isDone) => {
      if (isDone) state.done[stepId] = true;
      else delete state.done[stepId];
      saveProgress();
      showStepProgress();
    });
    renderTroubleshooting(byId('troubleshooting'), /** @type {HTMLUListElement} */ (byId('troubleshooting-list')), answer.troubleshooting ?? [], lang);
    showStepProgress();
  }
  refreshButtons();
}

/** Whether the tutorial's values are complete (no placeholder left). */
function complete() {
  return tutorial !== null && (tutorial.incomplete ?? []).length === 0;
}

function showStepProgress() {
  const steps = tutorial?.steps ?? [];
  const done = steps.filter((/** @type {any} */ s) => state.done[s.id]).length;
  byId('steps-progress').textContent = t('workbenchStepsProgress', [String(done), String(steps.length)]);
}

/**
 * Marks steps done (Do it for me wrote them, or Verify proved them), saves, and shows it.
 * @param {string[]} ids
 */
function tick(ids) {
  const fresh = ids.filter((id) => !state.done[id]);
  if (fresh.length === 0) return;
  for (const id of fresh) {
    state.done[id] = true;
    showDone(byId('steps'), id);
  }
  saveProgress();
  showStepProgress();
}

/** The credentials side of who you are: company A's, or company B's (its administrator or its user). */
function credentialSide() {
  return state.audience === 'a' ? 'a' : 'b';
}

function refreshButtons() {
  const verify = /** @type {HTMLButtonElement} */ (byId('verify'));
  const setup = /** @type {HTMLButtonElement} */ (byId('setup'));
  const side = setupSide();
  const haveCredentials = Boolean(credentials?.[credentialSide()]);
  // Why a button is disabled, said next to it (and read with it).
  const why = !complete() ? 'workbenchWhyValues' : !haveCredentials ? `workbenchWhyCredentials_${credentialSide()}` : null;
  verify.disabled = why !== null || running;
  setup.disabled = why !== null || side === null || running;
  for (const [id, reason] of [['verify-why', why], ['setup-why', why]]) {
    const node = byId(/** @type {string} */ (id));
    node.hidden = reason === null;
    node.textContent = reason ? t(reason) : '';
  }
  byId('setup-section').hidden = side === null;
}

/** A verification or a setup is running (both buttons wait for it). */
let running = false;

/** @returns {'A' | 'B' | null} */
function setupSide() {
  return state.audience === 'a' ? 'A' : state.audience === 'b' ? 'B' : null;
}

/** The run port to the service worker (run-port.js). */
function openRunPort() {
  return chrome.runtime.connect({ name: 'rolehop.run' });
}

/** The one host permission signed requests need. */
const API_HOSTS = ['https://*.aliyuncs.com/*'];

/**
 * Makes sure the worker may reach the API hosts. Chromium grants host permissions at install;
 * Firefox leaves them to the user, so ask (this must run inside the click that needs it).
 * @returns {Promise<boolean>}
 */
async function ensureHostPermission() {
  try {
    return await chrome.permissions.request({ origins: API_HOSTS });
  } catch {
    return chrome.permissions.contains({ origins: API_HOSTS }).catch(() => false);
  }
}

async function verify() {
  const list = /** @type {HTMLOListElement} */ (byId('checks'));
  const verdict = byId('verdict');
  running = true;
  refreshButtons();
  if (!(await ensureHostPermission())) {
    setStatus(verdict, 'error', t('workbenchNeedsHostPermission'));
    running = false;
    refreshButtons();
    return;
  }
  setStatus(verdict, 'running', t('workbenchVerifyRunning'));
  showChain(null);
  delete verdict.dataset.verdict;
  list.setAttribute('aria-busy', 'true');
  const port = openRunPort();
  let finished = false;
  await new Promise((resolve) => {
    port.onMessage.addListener((/** @type {any} */ event) => {
      if (event.event === 'checks.done' || event.event === 'error') finished = true;
      if (event.event === 'checks.progress') renderReport(list, verdict, event.report, false);
      else if (event.event === 'checks.done') {
        renderReport(list, verdict, event.report, true);
        state.chain = readChain(event.report.chain);
        if (!state.chain) delete state.chain;
        saveProgress();
        tick(provenSteps(event.report));
        resolve(undefined);
      } else if (event.event === 'error') {
        setStatus(verdict, 'error', t('workbenchError', coreMessage(event.error?.text ?? event.error?.message)));
        resolve(undefined);
      }
    });
    port.onDisconnect.addListener(() => {
      if (!finished) setStatus(verdict, 'error', t('workbenchRunInterrupted'));
      resolve(undefined);
    });
    port.postMessage({ type: 'checks.run', inputs: checkInputs(state.inputs, tutorial?.values?.roleArn ?? null) });
  });
  port.disconnect();
  list.removeAttribute('aria-busy');
  running = false;
  refreshButtons();
}

/**
 * The steps this report proves done: every check of the step's `provenBy` that ran passed.
 * @param {any} report CheckReport
 * @returns {string[]}
 */
function provenSteps(report) {
  /** @type {Map<string, string>} */
  const status = new Map((report.checks ?? []).map((/** @type {any} */ c) => [c.id, c.status]));
  return (tutorial?.steps ?? []).filter((/** @type {any} */ step) => {
    const ran = (step.provenBy ?? []).filter((/** @type {string} */ id) => status.has(id));
    return ran.length > 0 && ran.every((/** @type {string} */ id) => status.get(id) === 'pass');
  }).map((/** @type {any} */ step) => step.id);
}

/**
 * The steps a setup run did: its task created, updated, attached or found what they ask for.
 * @param {any} result setupNext's final answer
 * @returns {string[]}
 */
function writtenSteps(result) {
  const did = new Set((result.outcomes ?? [])
    .filter((/** @type {any} */ o) => ['created', 'updated', 'attached', 'already-there'].includes(o.result))
    .map((/** @type {any} */ o) => o.task));
  return (tutorial?.steps ?? []).filter((/** @type {any} */ step) => step.setupTask && did.has(step.setupTask)).map((/** @type {any} */ step) => step.id);
}

async function setUp() {
  const side = setupSide();
  if (!side || !complete()) return;
  const status = byId('setup-status');
  const log = byId('setup-log');
  const preview = byId('setup-preview');
  running = true;
  refreshButtons();
  log.replaceChildren();
  if (!(await ensureHostPermission())) {
    setStatus(status, 'error', t('workbenchNeedsHostPermission'));
    running = false;
    refreshButtons();
    return;
  }
  setStatus(status, 'running', t('workbenchSetupRunning'));
  delete status.dataset.outcome;
  const port = openRunPort();
  const decide = (/** @type {string} */ stepId, /** @type {string} */ decision) => {
    preview.hidden = true;
    port.postMessage(decision === 'cancel' ? { type: 'setup.cancel' } : { type: 'setup.confirm', stepId, decision });
  };
  /** @type {string | null} */
  let waitingFor = null;
  let finished = false;
  // While a preview waits for the user, a message every 20 s keeps the worker from being stopped
  // as idle (Chromium stops a worker after 30 s without events).
  const keepalive = setInterval(() => { if (waitingFor) port.postMessage({ type: 'run.keepalive' }); }, 20_000);
  const buttons = /** @type {const} */ ([['setup-send', 'send'], ['setup-send-all', 'send-all'], ['setup-cancel', 'cancel']]);
  /** @type {Array<() => void>} */
  const unbind = [];
  for (const [id, decision] of buttons) {
    const handler = () => { if (waitingFor) decide(waitingFor, decision); waitingFor = null; };
    byId(id).addEventListener('click', handler);
    unbind.push(() => byId(id).removeEventListener('click', handler));
  }
  await new Promise((resolve) => {
    port.onMessage.addListener((/** @type {any} */ event) => {
      if (event.event === 'setup.confirm') {
        waitingFor = event.stepId;
        showPreview(event);
      } else if (event.event === 'setup.sent') {
        log.append(el('li', { 'data-operation': event.id, 'data-outcome': event.outcome, 'data-kind': event.kind },
          [`${event.kind === 'write' ? '✎' : '→'} ${event.action}: ${event.outcome}${event.httpStatus ? ` (HTTP ${event.httpStatus})` : ''}${event.requestId ? ` · RequestId ${event.requestId}` : ''}`]));
      } else if (event.event === 'setup.done') {
        finished = true;
        showSetupResult(event.result);
        tick(writtenSteps(event.result));
        resolve(undefined);
      } else if (event.event === 'error') {
        finished = true;
        setStatus(status, 'error', t('workbenchError', coreMessage(event.error?.text ?? event.error?.message)));
        resolve(undefined);
      }
    });
    port.onDisconnect.addListener(() => {
      if (!finished) setStatus(status, 'error', t('workbenchRunInterrupted'));
      resolve(undefined);
    });
    port.postMessage({ type: 'setup.run', inputs: { ...setupInput(), side } });
  });
  clearInterval(keepalive);
  for (const off of unbind) off();
  preview.hidden = true;
  port.disconnect();
  running = false;
  refreshButtons();
}

/** The tutorial input without `audience` (setupPlan takes the side instead). */
function setupInput() {
  const { audience: _audience, ...input } = tutorialInput(state.inputs, state.audience);
  return input;
}

/** @param {any} event */
function showPreview(event) {
  const preview = byId('setup-preview');
  const operation = event.operation;
  const summary = coreMessage(operation.preview?.summary);
  const when = coreMessage(operation.preview?.when);
  // An UpdateRole says what it replaces and who loses access (a sentence of its own).
  const note = coreMessage(operation.preview?.note);
  byId('setup-preview-what').textContent = joinSentences([t('workbenchSetupPreviewWhat', [summary, when]), note]);
  const request = event.request;
  const lines = [`${request.method} ${request.url}`, ...Object.entries(request.headers).map(([n, v]) => `${n}: ${v}`)];
  if (request.params) lines.push('', ...Object.entries(request.params).map(([n, v]) => `${n}=${v}`));
  byId('setup-preview-request').textContent = lines.join('\n');
  preview.dataset.operation = operation.id;
  preview.hidden = false;
  byId('setup-send').focus();
}

/** @param {any} result setupNext's final answer */
function showSetupResult(result) {
  const status = byId('setup-status');
  const kind = result.status === 'done' ? 'pass' : result.status === 'cancelled' ? 'could-not-check' : 'fail';
  // "done" says what changed in the core's own words; the other ends say how it stopped first.
  const message = coreMessage(result.message);
  setStatus(status, kind, result.status === 'done' ? message : joinSentences([t(`workbenchSetup_${result.status}`, String(result.changed ?? 0)), message]));
  status.dataset.outcome = result.status;
  status.dataset.changed = String(result.changed ?? 0);
  const outcomes = el('ul', { class: 'field-hint' });
  for (const outcome of result.outcomes ?? []) {
    outcomes.append(el('li', { 'data-task': outcome.task, 'data-result': outcome.result, text: coreMessage(outcome.message) }));
  }
  status.append(outcomes);
}

/** @returns {Promise<typeof state>} */
async function loadProgress() {
  try {
    const saved = /** @type {any} */ (await loadWorkbenchProgress());
    if (saved && typeof saved === 'object') {
      return {
        audience: ['a', 'b', 'user'].includes(saved.audience) ? saved.audience : 'a',
        inputs: { ...DEFAULT_INPUTS, ...pickStrings(saved.inputs) },
        done: typeof saved.done === 'object' && saved.done ? { ...saved.done } : {},
        ...(readChain(saved.chain) ? { chain: readChain(saved.chain) } : {}),
      };
    }
  } catch {
    // Nothing saved, or unreadable: start fresh.
  }
  return { audience: 'a', inputs: { ...DEFAULT_INPUTS }, done: {} };
}

/** Only known fields, only strings: storage is not trusted to hold what we wrote. @param {unknown} value */
function pickStrings(value) {
  /** @type {Record<string, string>} */
  const out = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const name of Object.keys(DEFAULT_INPUTS)) {
    const v = /** @type {Record<string, unknown>} */ (value)[name];
    if (typeof v === 'string') out[name] = v;
  }
  return out;
}

/** Saves at once (a small item): a tab closed right after an edit must not lose it. */
function saveProgress() {
  // The chain's messages as ordered pairs: storage would sort their arguments (storedChain).
  const saved = state.chain ? { ...state, chain: storedChain(state.chain) } : state;
  saveWorkbenchProgress(saved).catch((e) => console.error('RoleHop workbench: progress not saved:', e));
}

main().catch((e) => {
  document.body.dataset.ready = 'error';
  setStatus(byId('inputs-summary'), 'error', t('workbenchError', errorText(e)));
});
