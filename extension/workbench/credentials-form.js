// The credentials form: the block of the side you are (company A, or company B and its user; the
// other side's block is hidden), each field checked when you leave it with the same rules the
// service worker applies, handed to the worker, and wiped from the page at once. The page only
// ever sees the worker's masked summary afterwards.

import { t } from '../shared/i18n.js';
import { sendMessage, replyError, CREDENTIALS_CHANGED } from '../shared/messages.js';
import { checkCredentials } from '../shared/credential-rules.js';
import { el, byId, setStatus, errorText } from './dom.js';

/** @typedef {import('../shared/contract').CredentialsStatus} CredentialsStatus */
/** @typedef {import('../shared/credential-rules.js').Side} Side */

const FIELDS = /** @type {const} */ ([
  { name: 'accessKeyId', type: 'text', label: 'workbenchCredKeyId', hint: 'workbenchCredKeyIdHint' },
  { name: 'accessKeySecret', type: 'password', label: 'workbenchCredSecret', hint: 'workbenchCredSecretHint' },
  { name: 'securityToken', type: 'textarea', label: 'workbenchCredToken', hint: 'workbenchCredTokenHint' },
  { name: 'expiration', type: 'text', label: 'workbenchCredExpiration', hint: 'workbenchCredExpirationHint' },
]);

/** @type {Array<(status: CredentialsStatus) => void>} */
const listeners = [];

/** Called with the masked status whenever it changes. @param {(status: CredentialsStatus) => void} listener */
export function onCredentialsChanged(listener) {
  listeners.push(listener);
}

/** Builds the form in #credentials and shows what is stored. */
export async function setUpCredentials() {
  const root = byId('credentials');
  root.replaceChildren(sideForm('a'), sideForm('b'));
  byId('credentials-clear').addEventListener('click', async () => {
    await apply({ type: 'credentials.clear', side: 'all' });
  });
  // Credentials set or cleared elsewhere (another tab, the popup) show here too: the worker says
  // that they changed (background/credentials.js), never what they are.
  chrome.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== chrome.runtime.id || sender.tab !== undefined) return;
    if (typeof message === 'object' && message !== null && message.type === CREDENTIALS_CHANGED) void refresh();
  });
  await refresh();
}

/**
 * Numbers the questions about the status, so an answer overtaken by a later question (a change
 * made meanwhile) is not shown over the newer one.
 */
let asked = 0;

/** @returns {Promise<CredentialsStatus | null>} */
async function refresh() {
  const turn = ++asked;
  try {
    const reply = await sendMessage({ type: 'credentials.status' });
    const error = replyError(reply);
    if (error || !('storage' in reply)) throw new Error(error?.message ?? 'no status in the answer');
    if (turn === asked) show(reply);
    return reply;
  } catch (e) {
    setStatus(byId('credentials-status'), 'error', t('workbenchError', errorText(e)));
    return null;
  }
}

/**
 * Shows only the form of `side` (who you are).
 * @param {Side} side
 */
export function showSide(side) {
  for (const other of /** @type {Side[]} */ (['a', 'b'])) {
    const block = document.getElementById(`cred-${other}`)?.parentElement;
    if (block) block.hidden = other !== side;
  }
}

/** @param {Side} side */
function sideForm(side) {
  const id = (/** @type {string} */ name) => `cred-${side}-${name}`;
  const form = el('form', { class: 'credential-form', id: `cred-${side}`, 'aria-labelledby': id('heading'), autocomplete: 'off', novalidate: true });
  const heading = el('h3', { id: id('heading'), text: t(side === 'b' ? 'workbenchCredSideB' : 'workbenchCredSideA') });
  const current = el('p', { id: id('current'), class: 'intro', 'aria-live': 'polite' });
  form.append(el('div', { style: 'grid-column: 1 / -1' }, [heading, current]));
  for (const field of FIELDS) {
    const inputId = id(field.name);
    const attributes = {
      id: inputId, name: field.name, autocomplete: 'off', spellcheck: 'false',
      'aria-describedby': `${inputId}-hint ${inputId}-error`,
    };
    const input = field.type === 'textarea'
      ? el('textarea', { ...attributes, rows: '2' })
      : el('input', { ...attributes, type: field.type });
    form.append(
      el('label', { for: inputId, text: t(field.label) }),
      el('div', {}, [
        input,
        el('span', { id: `${inputId}-hint`, class: 'field-hint', text: t(field.hint) }),
        el('span', { id: `${inputId}-error`, class: 'field-error' }),
      ]),
    );
    // Judged when left with something typed; once shown, an error follows the typing.
    input.addEventListener('blur', () => showProblems(form, side, false, input.name));
    input.addEventListener('input', () => { if (input.getAttribute('aria-invalid') === 'true') showProblems(form, side, false, input.name); });
  }
  const save = el('button', { type: 'submit', class: 'primary', id: id('save'), text: t('workbenchCredSave') });
  const clear = el('button', { type: 'button', id: id('clear'), text: t('workbenchCredClearSide') });
  clear.addEventListener('click', () => apply({ type: 'credentials.clear', side }));
  form.append(el('div', { class: 'buttons', style: 'grid-column: 1 / -1' }, [save, clear]));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = readForm(form);
    if (!showProblems(form, side, true)) return;
    // The secret leaves the page now and is wiped from it: it is never shown again.
    wipe(form);
    left.get(form)?.clear();
    await apply({ type: 'credentials.set', side, credentials: /** @type {import('../shared/contract').CredentialInput} */ (/** @type {unknown} */ (input)) });
  });
  return el('div', { class: 'side' }, [form]);
}

/** Fields the user typed in and left, per form. @type {WeakMap<HTMLFormElement, Set<string>>} */
const left = new WeakMap();

/**
 * Shows the form's problems under the fields the user left (all of them on submit). Empty
 * fields count only on submit.
 * @param {HTMLFormElement} form @param {Side} side @param {boolean} submitting
 * @param {string} [leaving] the field just left
 * @returns {boolean} whether the form is valid
 */
function showProblems(form, side, submitting, leaving) {
  const seen = left.get(form) ?? new Set();
  left.set(form, seen);
  if (leaving) seen.add(leaving);
  const input = readForm(form);
  const checked = checkCredentials(input, 0);
  const problems = checked.ok ? [] : checked.problems;
  for (const field of FIELDS) {
    const node = /** @type {HTMLInputElement} */ (form.elements.namedItem(field.name));
    const shown = problems.filter((p) => p.field === field.name && (submitting || (seen.has(field.name) && node.value.trim() !== '')));
    node.setAttribute('aria-invalid', String(shown.length > 0));
    byId(`cred-${side}-${field.name}-error`).textContent = shown.map((p) => t(`workbenchCred_${p.code.replaceAll('-', '_')}`)).join(' ');
  }
  if (submitting && problems.length > 0) {
    const first = problems[0];
    /** @type {HTMLElement | null} */ (form.elements.namedItem(first.field))?.focus();
  }
  return problems.length === 0;
}

/** @param {HTMLFormElement} form @returns {Record<string, string>} */
function readForm(form) {
  /** @type {Record<string, string>} */
  const values = {};
  for (const field of FIELDS) {
    const value = /** @type {HTMLInputElement} */ (form.elements.namedItem(field.name)).value.trim();
    if (value !== '') values[field.name] = value;
  }
  return values;
}

/** @param {HTMLFormElement} form */
function wipe(form) {
  for (const field of FIELDS) /** @type {HTMLInputElement} */ (form.elements.namedItem(field.name)).value = '';
}

/** @param {import('../shared/contract').Message} message */
async function apply(message) {
  const turn = ++asked;
  try {
    const reply = await sendMessage(message);
    const error = replyError(reply);
    if (error || !('storage' in reply)) throw new Error(error?.message ?? 'no status in the answer');
    if (turn === asked) show(/** @type {CredentialsStatus} */ (reply));
    setStatus(byId('credentials-status'), 'pass', t(message.type === 'credentials.set' ? 'workbenchCredSaved' : 'workbenchCredCleared'));
  } catch (e) {
    setStatus(byId('credentials-status'), 'error', t('workbenchError', errorText(e)));
  }
}

/** @param {CredentialsStatus} status */
function show(status) {
  for (const side of /** @type {Side[]} */ (['a', 'b'])) {
    const summary = status[side];
    const node = byId(`cred-${side}-current`);
    if (!summary) node.textContent = t('workbenchCredNone');
    else {
      const kind = t(summary.kind === 'sts' ? 'workbenchCredKindSts' : 'workbenchCredKindKey');
      const expired = summary.expiration && Date.parse(summary.expiration) <= Date.now() ? ` ${t('workbenchCredExpired')}` : '';
      node.textContent = summary.expiration
        ? `${t('workbenchCredStoredExpiring', [kind, summary.accessKeyId, summary.expiration])}${expired}`
        : t('workbenchCredStored', [kind, summary.accessKeyId]);
    }
  }
  for (const listener of listeners) listener(status);
}
