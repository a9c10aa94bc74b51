// The workbench's values: the form, what it becomes for the tutorial core (TutorialInput) and for
// the checks (CheckInputs), and where the core's errors belong. Validation is the core's: the page
// asks tutorialSteps and shows each error under the field its JSON path names, so the page never
// re-implements a naming rule.

import { t } from '../shared/i18n.js';
import { el } from './dom.js';

/**
 * The form's values, as remembered in storage.local (no secrets here, ever).
 * @typedef {object} WorkbenchInputs
 * @property {string} accountAUid
 * @property {string} accountAAlias
 * @property {string} accountBUid
 * @property {string} roleName
 * @property {'account' | 'principals'} trustKind
 * @property {string} trustUsers comma-separated
 * @property {string} trustRoles comma-separated
 * @property {'system' | 'custom'} permissionKind
 * @property {string} buckets comma-separated
 * @property {string} prefixes comma-separated
 * @property {string} userName
 * @property {'scoped' | 'system'} assumePolicy
 * @property {'cn' | 'intl'} site
 * @property {string} checkBucket the bucket whose objects the checks list
 * @property {string} region OSS region for listing buckets
 */

/** @type {WorkbenchInputs} */
export const DEFAULT_INPUTS = Object.freeze({
  accountAUid: '', accountAAlias: '', accountBUid: '', roleName: 'admin-oss',
  trustKind: 'account', trustUsers: '', trustRoles: '', permissionKind: 'system', buckets: '', prefixes: '',
  userName: '', assumePolicy: 'scoped', site: 'cn', checkBucket: '', region: 'cn-hangzhou',
});

/**
 * The form's fields. `path` is the JSON path prefix the tutorial core uses for this value.
 * `show(inputs)` hides fields that do not apply.
 * @type {ReadonlyArray<{name: keyof WorkbenchInputs, kind: 'text' | 'select', options?: string[], path?: string, show?: (i: WorkbenchInputs) => boolean, placeholder?: string}>}
 */
export const FIELDS = Object.freeze([
  { name: 'accountAUid', kind: 'text', path: '$.accountA', placeholder: '1746000000000001' },
  { name: 'accountAAlias', kind: 'text', path: '$.accountA.alias', placeholder: 'acme' },
  { name: 'accountBUid', kind: 'text', path: '$.accountB', placeholder: '1999000000000002' },
  { name: 'roleName', kind: 'text', path: '$.roleName' },
  { name: 'trustKind', kind: 'select', options: ['account', 'principals'], path: '$.trust' },
  { name: 'trustUsers', kind: 'text', path: '$.trust.users', show: (i) => i.trustKind === 'principals', placeholder: 'alice, bob' },
  { name: 'trustRoles', kind: 'text', path: '$.trust.roles', show: (i) => i.trustKind === 'principals' },
  { name: 'permissionKind', kind: 'select', options: ['system', 'custom'], path: '$.permission' },
  { name: 'buckets', kind: 'text', path: '$.permission.buckets', show: (i) => i.permissionKind === 'custom', placeholder: 'acme-reports' },
  { name: 'prefixes', kind: 'text', path: '$.permission.prefixes', show: (i) => i.permissionKind === 'custom', placeholder: 'team/2024/' },
  { name: 'userName', kind: 'text', path: '$.userName', placeholder: 'alice' },
  { name: 'assumePolicy', kind: 'select', options: ['scoped', 'system'], path: '$.assumePolicy' },
  { name: 'site', kind: 'select', options: ['cn', 'intl'], path: '$.site' },
  { name: 'checkBucket', kind: 'text', placeholder: 'acme-reports' },
  { name: 'region', kind: 'text' },
]);

const AUDIENCES = /** @type {const} */ ({ a: 'company-a', b: 'company-b', user: 'b-user' });

/** @param {string} text @returns {string[]} */
export function list(text) {
  return text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
}

/**
 * The tutorial core's input. Empty optional values are left out, so the core's errors are about
 * what the user typed.
 * @param {WorkbenchInputs} i
 * @param {'a' | 'b' | 'user'} audience
 * @param {boolean} [draft] missing or wrong values as placeholders (the workbench while typing)
 */
export function tutorialInput(i, audience, draft = false) {
  /** @type {Record<string, any>} */
  const input = {
    ...(draft ? { draft: true } : {}),
    audience: AUDIENCES[audience],
    accountA: { uid: i.accountAUid.trim(), ...(i.accountAAlias.trim() ? { alias: i.accountAAlias.trim() } : {}) },
    accountB: { uid: i.accountBUid.trim() },
    roleName: i.roleName.trim(),
    trust: i.trustKind === 'principals'
      ? { kind: 'principals', ...(list(i.trustUsers).length ? { users: list(i.trustUsers) } : {}), ...(list(i.trustRoles).length ? { roles: list(i.trustRoles) } : {}) }
      : { kind: 'account' },
    permission: i.permissionKind === 'custom'
      ? { kind: 'custom', buckets: list(i.buckets), ...(list(i.prefixes).length ? { prefixes: list(i.prefixes) } : {}) }
      : { kind: 'system' },
    assumePolicy: i.assumePolicy,
    site: i.site,
  };
  if (i.userName.trim()) input.userName = i.userName.trim();
  return input;
}

/**
 * The checks' input (CheckInputs). The role ARN comes from the tutorial core when it could
 * compute one; otherwise what B would type (alias or UID) and the role name.
 * @param {WorkbenchInputs} i
 * @param {string | null} roleArn
 */
export function checkInputs(i, roleArn) {
  /** @type {Record<string, unknown>} */
  const input = { site: i.site };
  if (roleArn) input.roleArn = roleArn;
  else {
    const account = i.accountAUid.trim() || i.accountAAlias.trim();
    if (account) input.accountA = account;
    if (i.roleName.trim()) input.roleName = i.roleName.trim();
  }
  const bucket = i.checkBucket.trim() || (i.permissionKind === 'custom' ? list(i.buckets)[0] : '');
  if (bucket) input.bucket = bucket;
  const prefix = i.permissionKind === 'custom' ? list(i.prefixes)[0] : undefined;
  if (bucket && prefix) input.prefix = prefix;
  if (i.region.trim()) input.region = i.region.trim();
  if (i.accountBUid.trim()) input.accountB = i.accountBUid.trim();
  if (i.userName.trim()) input.userB = i.userName.trim();
  if (i.assumePolicy === 'system') input.userPolicies = ['AliyunSTSAssumeRoleAccess'];
  return input;
}

/**
 * The field a core error's JSON path belongs to (the longest matching prefix), or null.
 * @param {string | undefined} path
 * @returns {keyof WorkbenchInputs | null}
 */
export function fieldForPath(path) {
  if (!path) return null;
  let best = null;
  let bestLength = -1;
  for (const field of FIELDS) {
    if (!field.path) continue;
    const matches = path === field.path || path.startsWith(`${field.path}.`) || path.startsWith(`${field.path}[`);
    if (matches && field.path.length > bestLength) {
      best = field.name;
      bestLength = field.path.length;
    }
  }
  return best;
}

/**
 * Builds the form controls into `form`; `onChange` is called with the new values on every edit.
 * @param {HTMLFormElement} form
 * @param {WorkbenchInputs} values
 * @param {(values: WorkbenchInputs, changed: keyof WorkbenchInputs, left: boolean) => void} onChange
 *   `left`: the user left the field (blur) or chose an option: its error may show now
 */
export function buildForm(form, values, onChange) {
  form.replaceChildren();
  for (const field of FIELDS) {
    const id = `input-${field.name}`;
    const key = `workbenchField_${field.name}`;
    const control = field.kind === 'select'
      ? el('select', { id, name: field.name, 'aria-describedby': `${id}-hint ${id}-error` },
        (field.options ?? []).map((option) => el('option', { value: option, text: t(`workbenchOption_${field.name}_${option}`) })))
      : el('input', { id, name: field.name, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: field.placeholder, 'aria-describedby': `${id}-hint ${id}-error` });
    control.value = String(values[field.name] ?? '');
    control.addEventListener(field.kind === 'select' ? 'change' : 'input', () => {
      const next = { ...values, [field.name]: control.value };
      values = next;
      updateVisibility(form, next);
      onChange(next, field.name, field.kind === 'select');
    });
    // A text field is judged when the user leaves it, not while typing.
    if (field.kind !== 'select') control.addEventListener('blur', () => onChange(values, field.name, true));
    form.append(el('div', { class: 'field', 'data-field': field.name }, [
      el('label', { for: id, text: t(key) }),
      control,
      el('span', { id: `${id}-hint`, class: 'field-hint', text: t(`${key}Hint`) }),
      el('span', { id: `${id}-error`, class: 'field-error' }),
    ]));
  }
  updateVisibility(form, values);
}

/** @param {HTMLFormElement} form @param {WorkbenchInputs} values */
function updateVisibility(form, values) {
  for (const field of FIELDS) {
    const hidden = field.show ? !field.show(values) : false;
    for (const node of form.querySelectorAll(`[data-field="${field.name}"]`)) /** @type {HTMLElement} */ (node).hidden = hidden;
  }
}

/**
 * Shows each error under its field and clears the others.
 * @param {HTMLFormElement} form
 * @param {Map<keyof WorkbenchInputs, string>} errors
 */
export function showFieldErrors(form, errors) {
  for (const f of FIELDS) {
    const control = form.querySelector(`#input-${f.name}`);
    const error = form.querySelector(`#input-${f.name}-error`);
    const message = errors.get(f.name);
    control?.setAttribute('aria-invalid', String(message !== undefined));
    if (error) error.textContent = message ?? '';
  }
}
