// The workbench page: pick who you are, type your values once, follow the tutorial steps written
// for you by the core, give credentials for this session, verify, and let RoleHop do the setup.
// The page runs the pure tutorial core itself (wasm, no secrets involved); everything that signs
// or sends goes through the service worker (messages and the `rolehop.run` port).

import { coreMessage, t, localizePage, useLanguage } from '../shared/i18n.js';
import { loadSettings } from '../shared/settings.js';
import { loadWorkbenchProgress, saveWorkbenchProgress } from '../shared/workbench-progress.js';
import { loadCore } from '../background/core.js';
import { byId, el, setStatus, errorText } from './dom.js';
import { DEFAULT_INPUTS, buildForm, checkInputs, fieldForPath, showFieldError, tutorialInput } from './inputs.js';
import { renderSteps, renderTroubleshooting, pick } from './steps.js';
import { renderReport } from './report.js';
import { setUpCredentials, onCredentialsChanged } from './credentials-form.js';

/** @typedef {import('./inputs.js').WorkbenchInputs} WorkbenchInputs */
/** @typedef {'a' | 'b' | 'user'} Audience */

/** @type {{audience: Audience, inputs: WorkbenchInputs, done: Record<string, boolean>}} */
let state = { audience: 'a', inputs: { ...DEFAULT_INPUTS }, done: {} };
/** @type {any} the tutorial core's last good answer */
let tutorial = null;
/** @type {any} */
let core = null;
/** @type {'en' | 'zh'} */
let lang = 'en';
/** @type {import('../shared/contract').CredentialsStatus | null} */
let credentials = null;
/** Fields the user has edited: only their errors are shown at the field. @type {Set<string>} */
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
  core = await loadCore();

  const audience = /** @type {HTMLFieldSetElement} */ (byId('audience'));
  for (const radio of audience.querySelectorAll('input[name="audience"]')) {
    const input = /** @type {HTMLInputElement} */ (radio);
    input.checked = input.value === state.audience;
    input.addEventListener('change', () => {
      state.audience = /** @type {Audience} */ (input.value);
      saveProgress();
      refreshTutorial();
      refreshButtons();
    });
  }
  buildForm(/** @type {HTMLFormElement} */ (byId('inputs')), state.inputs, (values, changed) => {
    state.inputs = values;
    touched.add(changed);
    saveProgress();
    refreshTutorial();
  });
  // Fields already filled in a previous visit count as touched.
  for (const [name, value] of Object.entries(state.inputs)) if (value && value !== /** @type {any} */ (DEFAULT_INPUTS)[name]) touched.add(name);
  refreshTutorial();

  onCredentialsChanged((status) => {
    credentials = status;
    refreshButtons();
  });
  await setUpCredentials();
  byId('verify').addEventListener('click', verify);
  byId('setup').addEventListener('click', setUp);
  document.body.dataset.ready = 'true';
}

/** Runs the tutorial core on the current values: steps, or the first error at its field. */
function refreshTutorial() {
  const form = /** @type {HTMLFormElement} */ (byId('inputs'));
  const summary = byId('inputs-summary');
  const answer = core.tutorialSteps(tutorialInput(state.inputs, state.audience));
  if (answer.error) {
    tutorial = null;
    const field = fieldForPath(answer.error.path);
    const atField = field !== null && touched.has(field);
    const said = coreMessage(answer.error.text ?? answer.error.message);
    showFieldError(form, atField ? field : null, said);
    const where = field ? t(`workbenchField_${field}`) : answer.error.path ?? '';
    setStatus(summary, atField ? 'fail' : 'could-not-check', t('workbenchInputsError', [where, said]));
    summary.dataset.path = answer.error.path ?? '';
    byId('steps').replaceChildren();
    byId('troubleshooting').hidden = true;
    byId('steps-progress').textContent = t('workbenchStepsWaiting');
  } else {
    tutorial = answer;
    showFieldError(form, null, '');
    summary.hidden = true;
    summary.dataset.path = '';
    renderSteps(/** @type {HTMLOListElement} */ (byId('steps')), answer.steps, lang, state.done, (stepId, isDone) => {
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

function showStepProgress() {
  const steps = tutorial?.steps ?? [];
  const done = steps.filter((/** @type {any} */ s) => state.done[s.id]).length;
  byId('steps-progress').textContent = t('workbenchStepsProgress', [String(done), String(steps.length)]);
}

function refreshButtons() {
  const verify = /** @type {HTMLButtonElement} */ (byId('verify'));
  const setup = /** @type {HTMLButtonElement} */ (byId('setup'));
  verify.disabled = !(credentials?.a || credentials?.b);
  const side = setupSide();
  setup.disabled = !tutorial || side === null || !credentials?.[side === 'A' ? 'a' : 'b'];
  setup.title = side === null ? t('workbenchSetupNotForUser') : '';
}

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
  const button = /** @type {HTMLButtonElement} */ (byId('verify'));
  const list = /** @type {HTMLOListElement} */ (byId('checks'));
  const verdict = byId('verdict');
  button.disabled = true;
  if (!(await ensureHostPermission())) {
    setStatus(verdict, 'error', t('workbenchNeedsHostPermission'));
    button.disabled = false;
    return;
  }
  setStatus(verdict, 'running', t('workbenchVerifyRunning'));
  delete verdict.dataset.verdict;
  list.setAttribute('aria-busy', 'true');
  const port = openRunPort();
  let finished = false;
  await new Promise((resolve) => {
    port.onMessage.addListener((/** @type {any} */ event) => {
      if (event.event === 'checks.done' || event.event === 'error') finished = true;
      if (event.event === 'checks.progress') renderReport(list, verdict, event.report, lang, false);
      else if (event.event === 'checks.done') {
        renderReport(list, verdict, event.report, lang, true);
        resolve(undefined);
      } else if (event.event === 'error') {
        setStatus(verdict, 'error', t('workbenchError', event.error?.message ?? ''));
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
  button.disabled = false;
  refreshButtons();
}

async function setUp() {
  const side = setupSide();
  if (!side || !tutorial) return;
  const button = /** @type {HTMLButtonElement} */ (byId('setup'));
  const status = byId('setup-status');
  const log = byId('setup-log');
  const preview = byId('setup-preview');
  button.disabled = true;
  log.replaceChildren();
  if (!(await ensureHostPermission())) {
    setStatus(status, 'error', t('workbenchNeedsHostPermission'));
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
        resolve(undefined);
      } else if (event.event === 'error') {
        finished = true;
        setStatus(status, 'error', t('workbenchError', event.error?.message ?? ''));
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
  const summary = pick(operation.preview?.summary, lang);
  const when = pick(operation.preview?.when, lang);
  byId('setup-preview-what').textContent = when ? `${summary} (${when})` : summary;
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
  setStatus(status, kind, `${t(`workbenchSetup_${result.status}`, String(result.changed ?? 0))} ${pick(result.message, lang)}`.trim());
  status.dataset.outcome = result.status;
  status.dataset.changed = String(result.changed ?? 0);
  const outcomes = el('ul', { class: 'field-hint' });
  for (const outcome of result.outcomes ?? []) {
    outcomes.append(el('li', { 'data-task': outcome.task, 'data-result': outcome.result, text: `${outcome.task}: ${outcome.result} · ${pick(outcome.message, lang)}` }));
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
  saveWorkbenchProgress(state).catch((e) => console.error('RoleHop workbench: progress not saved:', e));
}

main().catch((e) => {
  document.body.dataset.ready = 'error';
  setStatus(byId('inputs-summary'), 'error', t('workbenchError', errorText(e)));
});
