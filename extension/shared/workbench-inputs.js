// The workbench's values: the fields, what they become for the tutorial core (TutorialInput) and
// for the checks (CheckInputs), and where the core's errors belong. Validation is the core's: the
// page asks tutorialSteps and shows each error under the field its JSON path names, so no naming
// rule is re-implemented here. Pure (no DOM): the workbench's form (workbench/inputs.js), the
// service worker's RAM helper and the options page's trust notices read the same fields.

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

/** @typedef {'a' | 'b' | 'user'} Audience */

/**
 * Who needs a field: the values an audience's tutorial steps and checks are written from.
 * Company A decides the role, its trust and its OSS permission (steps 1 and 4 with A's keys: the
 * role, its trust and its policies); company B names its user and the user's AssumeRole policy
 * (step 2) and verifies by listing A's buckets and objects; B's user switches with A's account
 * and the role name, logs on with B's account and the user's name, and verifies likewise.
 * @type {Readonly<Record<string, ReadonlyArray<Audience>>>}
 */
const NEEDED_BY = Object.freeze({
  a: ['a'],
  b: ['b'],
  user: ['user'],
  everyone: ['a', 'b', 'user'],
  verifiers: ['b', 'user'],
});

/**
 * The form's fields. `path` is the JSON path prefix the tutorial core uses for this value;
 * `audiences` who needs it; `show(inputs)` hides fields that do not apply to the values chosen.
 * @type {ReadonlyArray<{name: keyof WorkbenchInputs, kind: 'text' | 'select', options?: string[], path?: string, audiences: ReadonlyArray<Audience>, show?: (i: WorkbenchInputs) => boolean, placeholder?: string}>}
 */
export const FIELDS = Object.freeze([
  { name: 'accountAUid', kind: 'text', path: '$.accountA', audiences: NEEDED_BY.everyone, placeholder: '1746000000000001' },
  { name: 'accountAAlias', kind: 'text', path: '$.accountA.alias', audiences: NEEDED_BY.everyone, placeholder: 'acme' },
  { name: 'accountBUid', kind: 'text', path: '$.accountB', audiences: NEEDED_BY.everyone, placeholder: '1999000000000002' },
  { name: 'roleName', kind: 'text', path: '$.roleName', audiences: NEEDED_BY.everyone },
  { name: 'trustKind', kind: 'select', options: ['account', 'principals'], path: '$.trust', audiences: NEEDED_BY.a },
  { name: 'trustUsers', kind: 'text', path: '$.trust.users', audiences: NEEDED_BY.a, show: (i) => i.trustKind === 'principals', placeholder: 'alice, bob' },
  { name: 'trustRoles', kind: 'text', path: '$.trust.roles', audiences: NEEDED_BY.a, show: (i) => i.trustKind === 'principals' },
  { name: 'permissionKind', kind: 'select', options: ['system', 'custom'], path: '$.permission', audiences: NEEDED_BY.a },
  { name: 'buckets', kind: 'text', path: '$.permission.buckets', audiences: NEEDED_BY.a, show: (i) => i.permissionKind === 'custom', placeholder: 'acme-reports' },
  { name: 'prefixes', kind: 'text', path: '$.permission.prefixes', audiences: NEEDED_BY.a, show: (i) => i.permissionKind === 'custom', placeholder: 'team/2024/' },
  { name: 'userName', kind: 'text', path: '$.userName', audiences: NEEDED_BY.verifiers, placeholder: 'alice' },
  { name: 'assumePolicy', kind: 'select', options: ['scoped', 'system'], path: '$.assumePolicy', audiences: NEEDED_BY.b },
  { name: 'site', kind: 'select', options: ['cn', 'intl'], path: '$.site', audiences: NEEDED_BY.everyone },
  { name: 'checkBucket', kind: 'text', audiences: NEEDED_BY.verifiers, placeholder: 'acme-reports' },
  { name: 'region', kind: 'text', audiences: NEEDED_BY.verifiers },
]);

/**
 * Whether the field `name` is on the form for `audience` with `values`.
 * @param {keyof WorkbenchInputs} name @param {Audience} audience @param {WorkbenchInputs} values
 */
export function fieldShown(name, audience, values) {
  const field = FIELDS.find((f) => f.name === name);
  return Boolean(field && field.audiences.includes(audience) && (!field.show || field.show(values)));
}

const AUDIENCES = /** @type {const} */ ({ a: 'company-a', b: 'company-b', user: 'b-user' });

/** @param {string} text @returns {string[]} */
export function list(text) {
  return text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
}

/**
 * The tutorial core's input. Empty optional values are left out, so the core's errors are about
 * what the user typed.
 * @param {WorkbenchInputs} i
 * @param {Audience} audience
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
