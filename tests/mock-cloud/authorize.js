// The mock cloud's own authorisation: a small RAM policy evaluator, written independently of the
// Rust core's (crate/src/policy/), so that end-to-end tests do not grade the core with itself.
// It covers what the scenarios need (limits in tests/mock-cloud/README.md):
// - Effect Allow/Deny; Action/NotAction (case-insensitive), Resource/NotResource (case-sensitive),
//   `*` and `?` wildcards; any matching Deny wins, else any matching Allow, else implicit deny.
// - Conditions: String(Not)Equals(IgnoreCase), String(Not)Like, Bool, with `IfExists`. An absent
//   key fails a positive operator and satisfies a negated one. Any other operator never matches.
// - Trust policies: Principal RAM (`acs:ram::<uid>:root`, `:user/<name>`, `:role/<name>`, a bare
//   uid, `*`); Service and Federated principals never match an API caller.
// - Callers: root (all of its own account), RAM users (attached policies), STS sessions (the role's
//   attached policies AND the session policy). No cross-account grants except AssumeRole's trust.
// - Resource groups: a policy attached for a resource group applies only to the buckets of that
//   group (and their objects); anything else (a RAM role, the account's bucket list) is in no group.

/** @typedef {import('./world.js').World} World */
/** @typedef {import('./world.js').Caller} Caller */
/** @typedef {import('./world.js').Role} Role */
/** @typedef {'Allow' | 'ExplicitDeny' | 'ImplicitDeny'} Decision */
/** @typedef {Record<string, string>} Context condition keys (lower-case names) and their values */

/**
 * `*` matches any run of characters (also none), `?` exactly one.
 * @param {string} pattern @param {string} value @param {boolean} ignoreCase
 */
export function wildcardMatch(pattern, value, ignoreCase) {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  // Iterative matcher with backtracking to the last `*`.
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** @param {unknown} v @returns {string[]} */
const list = (v) => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

/** @param {string} text @returns {any[]} the statements, or [] when the text is not a policy */
function statementsOf(text) {
  try {
    const doc = JSON.parse(text);
    return Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : [];
  } catch {
    return [];
  }
}

/**
 * @param {any} condition the statement's Condition block
 * @param {Context} context
 */
function conditionsHold(condition, context) {
  if (condition === undefined) return true;
  if (condition === null || typeof condition !== 'object') return false;
  for (const [rawOperator, keys] of Object.entries(condition)) {
    const ifExists = rawOperator.endsWith('IfExists');
    const operator = ifExists ? rawOperator.slice(0, -'IfExists'.length) : rawOperator;
    if (keys === null || typeof keys !== 'object') return false;
    for (const [key, expected] of Object.entries(keys)) {
      const actual = context[key.toLowerCase()];
      if (actual === undefined) {
        if (ifExists || operator.includes('Not')) continue;
        return false;
      }
      if (!operatorHolds(operator, actual, list(expected))) return false;
    }
  }
  return true;
}

/** @param {string} operator @param {string} actual @param {string[]} values */
function operatorHolds(operator, actual, values) {
  switch (operator) {
    case 'StringEquals': return values.some((v) => v === actual);
    case 'StringNotEquals': return values.every((v) => v !== actual);
    case 'StringEqualsIgnoreCase': return values.some((v) => v.toLowerCase() === actual.toLowerCase());
    case 'StringNotEqualsIgnoreCase': return values.every((v) => v.toLowerCase() !== actual.toLowerCase());
    case 'StringLike': return values.some((v) => wildcardMatch(v, actual, false));
    case 'StringNotLike': return values.every((v) => !wildcardMatch(v, actual, false));
    case 'Bool': return values.some((v) => v.toLowerCase() === actual.toLowerCase());
    default: return false;
  }
}

/**
 * @param {any} s a statement
 * @param {string} action
 * @param {string} resource
 */
function actionAndResourceMatch(s, action, resource) {
  const actionHit = s.Action !== undefined
    ? list(s.Action).some((p) => wildcardMatch(p, action, true))
    : s.NotAction !== undefined && !list(s.NotAction).some((p) => wildcardMatch(p, action, true));
  if (!actionHit) return false;
  return s.Resource !== undefined
    ? list(s.Resource).some((p) => wildcardMatch(p, resource, false))
    : s.NotResource !== undefined && !list(s.NotResource).some((p) => wildcardMatch(p, resource, false));
}

/**
 * The decision of identity policies `documents` for `action` on `resource`.
 * @param {string[]} documents policy texts
 * @param {{action: string, resource: string, context?: Context}} request
 * @returns {Decision}
 */
export function evaluate(documents, { action, resource, context = {} }) {
  let allowed = false;
  for (const text of documents) {
    for (const s of statementsOf(text)) {
      if (!actionAndResourceMatch(s, action, resource) || !conditionsHold(s.Condition, context)) continue;
      if (s.Effect === 'Deny') return 'ExplicitDeny';
      if (s.Effect === 'Allow') allowed = true;
    }
  }
  return allowed ? 'Allow' : 'ImplicitDeny';
}

/**
 * The policies attached to the caller (root: none; it needs none), each with the resource group
 * it is attached for (null: the whole account).
 * @param {World} world @param {Caller} caller
 * @returns {{document: string, resourceGroupId: string | null}[]}
 */
function attachedGrants(world, caller) {
  const attached = caller.kind === 'user'
    ? caller.user.policies
    : caller.kind === 'session'
      ? caller.account.roles.get(caller.session.roleName.toLowerCase())?.policies ?? []
      : [];
  return attached.flatMap((p) => {
    const document = world.policyDocument(caller.account, p.type, p.name);
    return document === null ? [] : [{ document, resourceGroupId: p.resourceGroupId ?? null }];
  });
}

/**
 * The resource group of the resource an ARN names: a bucket's (`acs:oss:*:<uid>:<bucket>` and its
 * objects `.../<bucket>/<key>`), else null (RAM roles and users, the bucket list: in no group).
 * @param {World} world @param {string} arn
 */
export function resourceGroupOf(world, arn) {
  const [scheme, service, , uid, rest] = arn.split(':');
  if (scheme !== 'acs' || service !== 'oss' || !rest || rest === '*') return null;
  return world.accounts.get(uid)?.buckets.get(rest.split('/')[0])?.resourceGroupId ?? null;
}

/** The account uid a resource ARN names (`acs:<service>:<region>:<uid>:...`), or null. */
const arnAccount = (/** @type {string} */ arn) => arn.split(':')[3] ?? null;

/**
 * May `caller` do `action` on `resource`? Only within the caller's own account: a resource of
 * another account is denied (no resource-based grants are modelled), except `sts:AssumeRole`,
 * whose other half is the role's trust policy (trustDecision).
 * @param {World} world
 * @param {Caller} caller
 * @param {{action: string, resource: string, context?: Context}} request
 * @returns {Decision}
 */
export function authorize(world, caller, request) {
  return authorizeWhy(world, caller, request).decision;
}

/**
 * The policy types a refusal names (AccessDeniedDetail's PolicyType).
 * @typedef {'AccountLevelIdentityBasedPolicy' | 'ResourceGroupLevelIdentityBasedPolicy' | 'ControlPolicy' | 'SessionPolicy' | 'AssumeRolePolicy'} PolicyType
 */

/**
 * `authorize`, with the kind of policy that decided a refusal: a Deny in a control policy of the
 * caller's resource directory first, then the caller's attached policies (those for the whole
 * account and those for the resource's resource group), then the session policy. A refusal is the
 * resource group's when a Deny attached for the resource's group decided it, or when nothing
 * allowed the request but a grant attached for another group would have.
 * @param {World} world @param {Caller} caller
 * @param {{action: string, resource: string, context?: Context}} request
 * @returns {{decision: Decision, policyType: PolicyType}}
 */
export function authorizeWhy(world, caller, request) {
  const identity = /** @type {PolicyType} */ ('AccountLevelIdentityBasedPolicy');
  const groupLevel = /** @type {PolicyType} */ ('ResourceGroupLevelIdentityBasedPolicy');
  const own = arnAccount(request.resource) === caller.account.uid;
  if (!own && request.action.toLowerCase() !== 'sts:assumerole') return { decision: 'ImplicitDeny', policyType: identity };
  if (caller.kind === 'root') return { decision: own ? 'Allow' : 'ImplicitDeny', policyType: identity };
  // Control policies only ever take away: their Deny wins over any grant, and without the default
  // FullAliyunAccess what none of them allows is refused too.
  const control = evaluate(caller.account.controlPolicies, request);
  if (control === 'ExplicitDeny') return { decision: 'ExplicitDeny', policyType: 'ControlPolicy' };
  if (control === 'ImplicitDeny' && !caller.account.fullAliyunAccess) return { decision: 'ImplicitDeny', policyType: 'ControlPolicy' };
  const grants = attachedGrants(world, caller);
  const group = resourceGroupOf(world, request.resource);
  const accountLevel = grants.filter((g) => g.resourceGroupId === null).map((g) => g.document);
  const inGroup = grants.filter((g) => g.resourceGroupId !== null && g.resourceGroupId === group).map((g) => g.document);
  const accountDecision = evaluate(accountLevel, request);
  if (accountDecision === 'ExplicitDeny') return { decision: 'ExplicitDeny', policyType: identity };
  const groupDecision = evaluate(inGroup, request);
  if (groupDecision === 'ExplicitDeny') return { decision: 'ExplicitDeny', policyType: groupLevel };
  if (accountDecision !== 'Allow' && groupDecision !== 'Allow') {
    const elsewhere = grants.filter((g) => g.resourceGroupId !== null && g.resourceGroupId !== group).map((g) => g.document);
    return { decision: 'ImplicitDeny', policyType: evaluate(elsewhere, request) === 'Allow' ? groupLevel : identity };
  }
  if (caller.kind !== 'session' || caller.session.policy === null) return { decision: 'Allow', policyType: identity };
  // A session policy only narrows what the role may do.
  return { decision: evaluate([caller.session.policy], request), policyType: 'SessionPolicy' };
}

/**
 * Does the bucket's own policy deny `caller` `action` on `resource`? Statements with a Principal
 * (`*`, an account uid, or a RAM principal ARN) and Effect Deny; Allow statements grant nothing here.
 * @param {string | null} policy @param {Caller} caller @param {string} action @param {string} resource
 */
export function bucketPolicyDenies(policy, caller, action, resource) {
  if (policy === null) return false;
  const names = principalNames(caller);
  return statementsOf(policy).some((s) => s.Effect === 'Deny'
    && actionAndResourceMatch(s, action, resource)
    && list(s.Principal).some((p) => p === '*' || names.some((n) => wildcardMatch(p, n, true))));
}

/**
 * The RAM principal names by which a caller can be trusted.
 * @param {Caller} caller
 * @returns {string[]}
 */
export function principalNames(caller) {
  const uid = caller.account.uid;
  if (caller.kind === 'root') return [`acs:ram::${uid}:root`, uid];
  const own = caller.kind === 'user' ? `acs:ram::${uid}:user/${caller.user.name}` : `acs:ram::${uid}:role/${caller.session.roleName}`;
  return [`acs:ram::${uid}:root`, uid, own];
}

/**
 * Does `role`'s trust policy let `caller` assume it?
 * @param {Role} role
 * @param {Caller} caller
 * @param {Context} context e.g. `{'sts:externalid': '...'}`
 * @returns {Decision}
 */
export function trustDecision(role, caller, context) {
  const names = principalNames(caller);
  let allowed = false;
  for (const s of statementsOf(role.trustPolicy)) {
    if (!list(s.Action).some((p) => wildcardMatch(p, 'sts:AssumeRole', true))) continue;
    const ram = s.Principal === '*' ? ['*'] : list(s.Principal?.RAM);
    // Principal ARNs: case-insensitive names, as RAM's user and role names are.
    if (!ram.some((p) => names.some((n) => wildcardMatch(p, n, true)))) continue;
    if (!conditionsHold(s.Condition, context)) continue;
    if (s.Effect === 'Deny') return 'ExplicitDeny';
    if (s.Effect === 'Allow') allowed = true;
  }
  return allowed ? 'Allow' : 'ImplicitDeny';
}

/**
 * A policy document's grammar, as far as the mock checks it: JSON, Version "1", statements with
 * Effect, Action/NotAction, Resource/NotResource (or Principal in a trust policy).
 * @param {string} text
 * @param {{trust?: boolean}} [options]
 * @returns {string | null} what is wrong, or null
 */
export function grammarError(text, { trust = false } = {}) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return `not JSON: ${/** @type {Error} */ (e).message}`;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return 'the document is not a JSON object';
  if (doc.Version !== '1') return 'Version must be "1"';
  const statements = Array.isArray(doc.Statement) ? doc.Statement : null;
  if (!statements || statements.length === 0) return 'Statement must be a non-empty array';
  for (const [i, s] of statements.entries()) {
    if (s === null || typeof s !== 'object') return `Statement[${i}] is not an object`;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') return `Statement[${i}].Effect must be Allow or Deny`;
    if ((s.Action === undefined) === (s.NotAction === undefined)) return `Statement[${i}] needs exactly one of Action, NotAction`;
    if (trust) {
      if (s.Principal === undefined) return `Statement[${i}].Principal is missing`;
    } else if ((s.Resource === undefined) === (s.NotResource === undefined)) {
      return `Statement[${i}] needs exactly one of Resource, NotResource`;
    }
  }
  return null;
}
