// What the RAM console helper panel (content/ram-helper.js) may ask the service worker:
// - `ramHelper.context` {path}: which tutorial step the user is on, and for the page at `path`
//   (the single-page app's current route, on the sender's own RAM console origin) the step done
//   there with its values and policy documents, and which policy attachments to read from it.
//   Built from the workbench's remembered progress (storage.local, read through the trust:
//   shared/workbench-progress.js) by the tutorial core.
// - `ramHelper.checkTrust` {policy}: does the trust policy text read from the page trust B? The
//   core lints it and simulates sts:AssumeRole by B's principals (the content script never loads
//   wasm).
// - `ramHelper.copy` {path, copyId}: the person pressed a copy button; the worker copies the value
//   itself (clipboard.js), so the page never sees a `copy` event. Only values this page's context
//   offers (re-derived here for `path`; `copyId` names one of them), only for the tab that is
//   active in the focused window, one copy at a time per tab and at most COPIES_PER_MINUTE: a
//   content-script world taken over by the page cannot write arbitrary text to the clipboard, nor
//   write at will from a background tab. (Whether a person clicked cannot be proven across the
//   message.)
// All are accepted only from the exact RAM console hosts (router.js); answers hold tutorial
// values and policy documents only: nothing secret is ever read here.

import { consolePage } from './content-pages.js';
import { InvalidContentMessage } from './switch.js';
import { PAGE_STEPS, RAM_CONSOLE_HOSTS, ramPageOf } from './ram-pages.js';
import { DEFAULT_INPUTS, list, tutorialInput } from '../shared/workbench-inputs.js';
import { loadWorkbenchProgress } from '../shared/workbench-progress.js';
import { writeClipboard } from './clipboard.js';
import { coreMessage } from '../shared/i18n.js';
import { readChain } from '../shared/chain-links.js';

/** @typedef {import('./content-pages.js').PageSender} PageSender */
/** @typedef {import('./ram-pages.js').RamPage} RamPage */
/** @typedef {import('./ram-pages.js').RamPageKind} RamPageKind */
/** @typedef {import('../shared/workbench-inputs.js').WorkbenchInputs} WorkbenchInputs */
/** @typedef {import('../shared/contract').TutorialResult} TutorialResult */
/**
 * A tutorial step, the fields read here (contract.d.ts's TutorialStep interface shares its name
 * with the checks' step number type). Its texts are catalog messages: the panel renders them.
 * @typedef {object} TutorialStep
 * @property {string} id
 * @property {1 | 2 | 3 | 4} tutorialStep
 * @property {import('../shared/contract').CoreMessage} title
 * @property {import('../shared/contract').TutorialConsolePath} consolePath
 * @property {Array<{label: import('../shared/contract').CoreMessage, value: string, copy?: boolean}>} values
 * @property {Array<{name: string, type: string, title: import('../shared/contract').CoreMessage, text: string, assumed?: boolean}>} policies
 */
/** @typedef {import('../shared/contract').TutorialAudience} TutorialAudience */
/** @typedef {import('../shared/contract').RamHelperContext} RamHelperContext */
/** @typedef {import('../shared/contract').RamHelperTrust} RamHelperTrust */
/** @typedef {import('../shared/contract').RamHelperStep} RamHelperStep */
/** @typedef {{kind: 'ram-console', site: 'cn' | 'intl', tabId: number, url: URL}} RamConsolePage */
/** @typedef {'a' | 'b' | 'user'} SavedAudience */
/** @typedef {{audience: SavedAudience, inputs: WorkbenchInputs, done: Record<string, boolean>, chain?: import('../shared/contract').ChainLink[]}} WorkbenchProgress */

/**
 * The core as this module uses it.
 * @typedef {object} RamHelperCore
 * @property {(input: any) => any} tutorialSteps
 * @property {import('../shared/core.js').Core['policyLint']} policyLint
 * @property {import('../shared/core.js').Core['policySimulate']} policySimulate
 */

export { WORKBENCH_PROGRESS_KEY } from '../shared/workbench-progress.js';
/** Longest route accepted in `ramHelper.context` (the console's own are far shorter). */
const MAX_PATH = 2048;
/**
 * Longest trust policy accepted: what RAM itself accepts. RAM documents 6,144 characters for a
 * policy document and no separate limit for a role's trust policy, so the same 6,144 applies
 * (counted as JavaScript counts string length, in UTF-16 units, as RAM's Java services do).
 * The check runs on the worker's thread; the cap keeps it short whatever a page sends.
 */
export const MAX_TRUST_POLICY = 6144;
/** A copy button's value: its kind and a hash of its text (copyIdOf). */
const COPY_ID = /^(?:value|policy)-[0-9a-f]{8}$/;
/** Copies per tab and minute (a page has a handful of values; a person copies each once or twice). */
const COPIES_PER_MINUTE = 30;
const AUDIENCES = /** @type {const} */ ({ a: 'company-a', b: 'company-b', user: 'b-user' });
/** Which side's tutorial a page belongs to (null: the audience the workbench remembers). */
const PAGE_AUDIENCE = /** @type {Readonly<Record<RamPageKind, 'a' | 'b' | null>>} */ ({
  roles: 'a', 'role-create': 'a', 'role-detail': 'a',
  users: 'b', 'user-create': 'b', 'user-detail': 'b',
  policies: null, overview: null, other: null,
});

/**
 * The sender's page when it is the top frame of exactly ram.console.aliyun.com or
 * ram.console.alibabacloud.com (over https, default port); else null.
 * @param {PageSender} sender
 * @returns {RamConsolePage | null}
 */
export function ramConsolePage(sender) {
  const page = consolePage(sender);
  if (!page || !Object.prototype.hasOwnProperty.call(RAM_CONSOLE_HOSTS, page.url.hostname)) return null;
  return { ...page, kind: 'ram-console' };
}

/** How router.js names these pages in its "accepted only from" errors. */
export const RAM_CONSOLE_DESCRIPTION =
  'the RAM console (https://ram.console.aliyun.com or https://ram.console.alibabacloud.com, top frame)';

/**
 * Reads the workbench's progress, tolerating anything (storage is not trusted to hold what the
 * workbench wrote): only known fields, only strings; null when nothing is saved.
 * @param {unknown} saved
 * @returns {WorkbenchProgress | null}
 */
export function readProgress(saved) {
  if (typeof saved !== 'object' || saved === null) return null;
  const record = /** @type {Record<string, unknown>} */ (saved);
  /** @type {Record<string, string>} */
  const inputs = { ...DEFAULT_INPUTS };
  const savedInputs = record.inputs;
  if (typeof savedInputs === 'object' && savedInputs !== null) {
    for (const name of Object.keys(DEFAULT_INPUTS)) {
      const value = /** @type {Record<string, unknown>} */ (savedInputs)[name];
      if (typeof value === 'string') inputs[name] = value;
    }
  }
  /** @type {Record<string, boolean>} */
  const done = {};
  if (typeof record.done === 'object' && record.done !== null) {
    for (const [id, value] of Object.entries(record.done)) if (value === true) done[id] = true;
  }
  const audience = record.audience === 'b' || record.audience === 'user' ? record.audience : 'a';
  // The last checks run's chain, drawn by the panel: only in the shape the core gives.
  const chain = readChain(record.chain);
  return { audience, inputs: /** @type {WorkbenchInputs} */ (/** @type {unknown} */ (inputs)), done, ...(chain ? { chain } : {}) };
}

/** The workbench's progress as the trust allows (shared/workbench-progress.js). @returns {Promise<WorkbenchProgress | null>} */
async function loadProgressFromStorage() {
  return readProgress(await loadWorkbenchProgress());
}

/**
 * Whether `tabId` is the selected tab of the focused browser window (where a person's click lands).
 * @param {number} tabId
 */
async function isFrontTab(tabId) {
  try {
    const tab = await chrome.tabs.get(tabId);
    if (!tab.active) return false;
    const window = await chrome.windows.get(tab.windowId);
    return window.focused;
  } catch {
    return false;
  }
}

/**
 * @typedef {object} RamHelperDeps what the services reach outside the core (injected in tests)
 * @property {() => Promise<WorkbenchProgress | null>} [loadProgress]
 * @property {(text: string) => Promise<boolean>} [copyText] writes the clipboard (clipboard.js)
 * @property {(tabId: number) => Promise<boolean>} [isFront] is the tab the one a person sees and clicks in
 * @property {() => number} [now]
 * @property {Pick<ReturnType<typeof import('./ram-panel-state.js').createRamPanelState>, 'panel' | 'shownIn'>} [panelState]
 *   the panel's collapsed state and the tabs showing it (ram-panel-state.js)
 */

/**
 * @param {RamHelperDeps} [deps]
 */
export function createRamHelperServices({ loadProgress = loadProgressFromStorage, copyText = writeClipboard, isFront = isFrontTab, now = Date.now, panelState } = {}) {
  /** @type {Set<number>} tabs with a copy under way */
  const copying = new Set();
  /** @type {Map<number, number[]>} the times of each tab's copies in the last minute */
  const recent = new Map();
  return {
    /**
     * @param {RamHelperCore} core
     * @param {{path: string}} message
     * @param {RamConsolePage} page
     * @returns {Promise<RamHelperContext>}
     */
    async context(core, message, page) {
      const url = routeUrl(message.path, page.url);
      // This tab shows the panel: told when the progress changes (not awaited: the answer does not wait).
      void panelState?.shownIn(page.tabId).catch(() => {});
      return ramContext(core, await loadProgress(), ramPageOf(url), page.site);
    },

    /**
     * @param {{collapsed?: boolean}} message
     * @returns {Promise<{collapsed: boolean}>}
     */
    panel(message) {
      if (!panelState) throw new Error('no panel state in this worker');
      return panelState.panel(message);
    },

    /**
     * @param {RamHelperCore} core
     * @param {{policy: string}} message
     * @param {RamConsolePage} _page
     * @returns {Promise<RamHelperTrust>}
     */
    async checkTrust(core, message, _page) {
      if (message.policy.length > MAX_TRUST_POLICY) {
        throw new InvalidContentMessage(`message.policy is ${message.policy.length} characters; RAM accepts trust policies of at most ${MAX_TRUST_POLICY}, so RoleHop checks no longer ones`);
      }
      if (message.policy.trim() === '') throw new InvalidContentMessage('message.policy must be the trust policy text, got an empty string');
      return trustVerdict(core, await loadProgress(), message.policy);
    },

    /**
     * @param {RamHelperCore} core
     * @param {{path: string, copyId: string}} message
     * @param {RamConsolePage} page
     * @returns {Promise<import('../shared/contract').RamHelperCopy>}
     */
    async copy(core, message, page) {
      if (!COPY_ID.test(message.copyId)) {
        throw new InvalidContentMessage(`message.copyId must be a copy id from the ramHelper.context answer (value-<8 hex> or policy-<8 hex>), got ${JSON.stringify(message.copyId.slice(0, 40))}`);
      }
      const url = routeUrl(message.path, page.url);
      const text = copyableValues(ramContext(core, await loadProgress(), ramPageOf(url), page.site)).get(message.copyId);
      if (text === undefined) return { copied: false, reason: 'stale' };
      // Checked and noted before anything is awaited: two requests at once cannot both pass.
      if (copying.has(page.tabId)) return { copied: false, reason: 'busy' };
      const at = now();
      const lastMinute = (recent.get(page.tabId) ?? []).filter((t) => at - t < 60_000);
      if (lastMinute.length >= COPIES_PER_MINUTE) return { copied: false, reason: 'too-often' };
      recent.set(page.tabId, [...lastMinute, at]);
      copying.add(page.tabId);
      try {
        if (!(await isFront(page.tabId))) return { copied: false, reason: 'not-front-tab' };
        const copied = await copyText(text).catch(() => false);
        return copied ? { copied: true } : { copied: false, reason: 'unavailable' };
      } finally {
        copying.delete(page.tabId);
      }
    },
  };
}

/**
 * A copy button's id: its kind and the FNV-1a hash of its text, so an id names the same text for
 * as long as the page's context offers it (and nothing once the context changed).
 * @param {'value' | 'policy'} kind
 * @param {string} text
 */
export function copyIdOf(kind, text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${kind}-${hash.toString(16).padStart(8, '0')}`;
}

/**
 * The texts a context's copy buttons copy, by copy id.
 * @param {RamHelperContext} context
 */
function copyableValues(context) {
  /** @type {Map<string, string>} */
  const byId = new Map();
  for (const v of context.step?.values ?? []) if (v.copyId) byId.set(v.copyId, v.value);
  for (const p of context.policies) byId.set(p.copyId, p.text);
  return byId;
}

/**
 * The route the content script reports, resolved on the sender's own origin (a path can never
 * name another host).
 * @param {string} path
 * @param {URL} senderUrl
 */
function routeUrl(path, senderUrl) {
  if (path.length === 0 || path.length > MAX_PATH || !path.startsWith('/') || path.startsWith('//') || /[\\\s]/.test(path)) {
    throw new InvalidContentMessage(`message.path must be the page's path (1-${MAX_PATH} characters starting with a single "/", no spaces or backslashes)`);
  }
  const url = new URL(path, senderUrl.origin);
  if (url.origin !== senderUrl.origin) throw new InvalidContentMessage('message.path must stay on the sender\'s origin');
  return url;
}

/**
 * Whether the user has started the tutorial in the workbench (typed at least one account UID).
 * @param {WorkbenchProgress | null} progress
 * @returns {progress is WorkbenchProgress}
 */
function started(progress) {
  return progress !== null && (progress.inputs.accountAUid.trim() !== '' || progress.inputs.accountBUid.trim() !== '');
}

/**
 * The panel's whole context for one page. Pure apart from the core (unit-tested in Node).
 * @param {RamHelperCore} core
 * @param {WorkbenchProgress | null} progress
 * @param {RamPage} page
 * @param {'cn' | 'intl'} site the console's site
 * @returns {RamHelperContext}
 */
export function ramContext(core, progress, page, site) {
  /** @type {RamHelperContext} */
  const base = { state: 'no-progress', page, site, policies: [], checks: [], trustCheck: false };
  if (!started(progress)) return base;
  const saved = core.tutorialSteps(tutorialInput(progress.inputs, progress.audience));
  if (saved.error) {
    return { ...base, state: 'invalid-inputs', problem: { message: coreMessage(saved.error.text ?? String(saved.error.message)), ...(saved.error.path ? { path: String(saved.error.path) } : {}) } };
  }
  const savedResult = /** @type {TutorialResult} */ (saved);
  const steps = /** @type {TutorialStep[]} */ (/** @type {unknown} */ (savedResult.steps));
  const next = steps.find((s) => !progress.done[s.id]);
  /** @type {RamHelperContext} */
  const context = {
    ...base,
    state: 'ready',
    tutorialSite: savedResult.site,
    progress: {
      audience: AUDIENCES[progress.audience],
      done: steps.filter((s) => progress.done[s.id]).length,
      total: steps.length,
      ...(next ? { next: stepRef(next, false) } : {}),
    },
    ...(progress.chain ? { chain: progress.chain } : {}),
  };

  const pageSide = PAGE_AUDIENCE[page.kind] ?? (progress.audience === 'b' ? 'b' : 'a');
  const forPage = pageSide === progress.audience ? saved : core.tutorialSteps(tutorialInput(progress.inputs, pageSide));
  if (forPage.error) {
    context.problem = { message: coreMessage(forPage.error.text ?? String(forPage.error.message)), ...(forPage.error.path ? { path: String(forPage.error.path) } : {}) };
    return context;
  }
  const result = /** @type {TutorialResult} */ (forPage);
  const resultSteps = /** @type {TutorialStep[]} */ (/** @type {unknown} */ (result.steps));
  const here = PAGE_STEPS[page.kind]
    .map((id) => resultSteps.find((s) => s.id === id))
    .filter((s) => s !== undefined);
  const step = here.find((s) => !progress.done[s.id]) ?? here.at(-1);
  if (step) {
    context.step = {
      ...stepRef(step, Boolean(progress.done[step.id])),
      values: step.values.map((v) => {
        const value = String(v.value);
        return { label: v.label, value, copy: v.copy !== false, ...(v.copy !== false ? { copyId: copyIdOf('value', value) } : {}) };
      }),
    };
  }
  context.policies = uniquePolicies(here);

  if (page.kind === 'role-detail') {
    const sameRole = page.roleName === undefined || sameName(page.roleName, result.values.roleName);
    if (!sameRole) context.otherSubject = { kind: 'role', name: /** @type {string} */ (page.roleName), expected: result.values.roleName };
    else {
      context.checks.push({
        id: 'role-policy',
        subject: 'role',
        name: result.values.roleName,
        policies: withAlternative(result.values.permissionPolicy.name, systemNames(core, progress.inputs)?.permission),
      });
      context.trustCheck = true;
    }
  } else if (page.kind === 'user-detail') {
    const expected = result.values.userName;
    const shown = page.userName ?? (page.userId !== undefined && expected !== undefined && sameName(page.userId, expected) ? page.userId : undefined);
    if (page.userName !== undefined && expected !== undefined && !sameName(page.userName, expected)) {
      context.otherSubject = { kind: 'user', name: page.userName, expected };
    } else {
      context.checks.push({
        id: 'user-policy',
        subject: 'user',
        ...(shown !== undefined ? { name: shown } : {}),
        policies: withAlternative(result.values.assumePolicy.name, systemNames(core, progress.inputs)?.assume),
      });
    }
  }
  return context;
}

/**
 * @param {TutorialStep} step
 * @param {boolean} done
 */
function stepRef(step, done) {
  return { id: step.id, tutorialStep: step.tutorialStep, title: step.title, consolePath: step.consolePath, done };
}

/** The policy documents of these steps, each once (by type and name: a trust policy is named after its role). @param {TutorialStep[]} steps */
function uniquePolicies(steps) {
  /** @type {Map<string, RamHelperContext['policies'][number]>} */
  const byName = new Map();
  for (const step of steps) {
    for (const p of step.policies) {
      const key = `${p.type}:${p.name}`;
      if (!byName.has(key)) byName.set(key, { name: p.name, type: p.type, title: p.title, text: p.text, assumed: Boolean(p.assumed), copyId: copyIdOf('policy', p.text) });
    }
  }
  return [...byName.values()];
}

/** RAM names compare without case. @param {string} a @param {string} b */
function sameName(a, b) {
  return a.toLowerCase() === b.toLowerCase();
}

/** @param {string} chosen @param {string | undefined} alternative */
function withAlternative(chosen, alternative) {
  return alternative && alternative !== chosen ? [chosen, alternative] : [chosen];
}

/**
 * The system policies the tutorial offers instead of the custom ones (the core names them: the
 * same values with `permission: system` and `assumePolicy: system`). Either one attached counts.
 * @param {RamHelperCore} core
 * @param {WorkbenchInputs} inputs
 * @returns {{permission: string, assume: string} | null}
 */
function systemNames(core, inputs) {
  const answer = core.tutorialSteps(tutorialInput({ ...inputs, permissionKind: 'system', assumePolicy: 'system' }, 'a'));
  if (answer.error) return null;
  const values = /** @type {TutorialResult} */ (answer).values;
  return { permission: values.permissionPolicy.name, assume: values.assumePolicy.name };
}

/**
 * The core's verdict on a trust policy read from the page: linted as a trust policy, then
 * sts:AssumeRole simulated for each principal of B the tutorial expects to be trusted (the named
 * users and roles, or B's user, or any user of B).
 * @param {RamHelperCore} core
 * @param {WorkbenchProgress | null} progress
 * @param {string} text
 * @returns {RamHelperTrust}
 */
export function trustVerdict(core, progress, text) {
  if (!started(progress)) return { verdict: 'no-tutorial', principals: [], findings: [] };
  const tutorial = core.tutorialSteps(tutorialInput(progress.inputs, 'a'));
  if (tutorial.error) {
    return { verdict: 'no-tutorial', principals: [], findings: [], problem: { message: coreMessage(tutorial.error.text ?? String(tutorial.error.message)), ...(tutorial.error.path ? { path: String(tutorial.error.path) } : {}) } };
  }
  const values = /** @type {TutorialResult} */ (tutorial).values;
  const account = values.accountB.uid;
  const base = { account, roleArn: values.roleArn };
  const lint = core.policyLint({ policy: text, kind: 'trust' });
  if ('error' in lint) {
    const { message, text: words, line, column, path } = lint.error;
    return { ...base, verdict: 'invalid', principals: [], findings: [], problem: { message: coreMessage(words ?? String(message)), ...(path ? { path: String(path) } : {}), ...(line ? { line, column } : {}) } };
  }
  const findings = lint.findings
    .filter((f) => f.level === 'error' || f.level === 'security-warning')
    .slice(0, 5)
    .map((f) => ({ level: f.level, code: f.code, message: f.message, ...(f.path ? { path: f.path } : {}) }));
  if (!lint.valid) return { ...base, verdict: 'invalid', principals: [], findings };

  const principals = expectedPrincipals(progress.inputs, account, values.userName);
  const simulated = core.policySimulate({
    trustPolicy: { name: 'trust policy', document: text },
    requests: principals.map((principal) => ({ principal, action: 'sts:AssumeRole', resource: values.roleArn })),
  });
  if ('error' in simulated || !('results' in simulated)) {
    const error = 'error' in simulated ? simulated.error : undefined;
    return { ...base, verdict: 'invalid', principals: [], findings, problem: { message: coreMessage(error?.text ?? String(error?.message ?? 'the simulator gave no results')) } };
  }
  const { results } = simulated;
  const decided = principals.map((principal, i) => {
    const r = results[i];
    return { principal, allowed: r?.decision === 'Allow', explanation: r?.explanation ?? [] };
  });
  const allowed = decided.filter((d) => d.allowed).length;
  const verdict = allowed === decided.length ? 'trusts' : allowed === 0 ? 'does-not-trust' : 'partly';
  return { ...base, verdict, principals: decided, findings };
}

/**
 * Who of B must be able to assume the role: the users and roles the trust step names, else B's
 * user, else any user of B (`user/*` is allowed only by a policy trusting the whole account).
 * @param {WorkbenchInputs} inputs
 * @param {string} account
 * @param {string | undefined} userName
 */
function expectedPrincipals(inputs, account, userName) {
  if (inputs.trustKind === 'principals') {
    const named = [
      ...list(inputs.trustUsers).map((u) => `acs:ram::${account}:user/${u}`),
      ...list(inputs.trustRoles).map((r) => `acs:ram::${account}:role/${r}`),
    ];
    if (named.length > 0) return named;
  }
  return [`acs:ram::${account}:user/${userName ?? '*'}`];
}
