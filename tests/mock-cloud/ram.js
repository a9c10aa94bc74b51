// RAM actions (shared/reference/apis.md). Writes change the caller's account; every action needs
// `ram:<Action>` on the entity's ARN in the caller's own account (root may do all).

import { grammarError } from './authorize.js';
import { decode } from './denials.js';
import { ApiError, missingParameter } from './responses.js';
import { isoSeconds, numericId, randomToken } from './world.js';

/** @typedef {import('./rpc.js').RpcContext} RpcContext */
/** @typedef {import('./rpc.js').RpcAction} RpcAction */
/** @typedef {import('./world.js').Account} Account */
/** @typedef {import('./world.js').Role} Role */
/** @typedef {import('./world.js').User} User */
/** @typedef {import('./world.js').Attachment} Attachment */

/** @param {Record<string, string>} params @param {string} name */
export function required(params, name) {
  const v = params[name];
  if (v === undefined || v === '') throw missingParameter(name);
  return v;
}

/** Throws NoPermission unless the caller may run this action on the entity. @param {RpcContext} ctx @param {string} kind role / user / policy @param {string} name */
const requireOn = (ctx, kind, name) => ctx.require(`ram:${ctx.params.Action}`, `acs:ram::${ctx.caller.account.uid}:${kind}/${name}`);

/**
 * @param {string} value @param {string} field e.g. RoleName @param {RegExp} chars @param {number} max
 */
function checkName(value, field, chars, max) {
  if (value.length > max) throw new ApiError(400, `InvalidParameter.${field}.Length`, `The parameter ${field} is longer than ${max} characters.`);
  if (!chars.test(value)) throw new ApiError(400, `InvalidParameter.${field}.InvalidChars`, `The parameter ${field} contains invalid characters.`);
}

/** @param {string} text @param {string} field @param {{trust?: boolean}} [options] */
function checkDocument(text, field, options) {
  if (text.length > 6144) throw new ApiError(400, `InvalidParameter.${field}.Length`, `The parameter ${field} is longer than 6144 characters.`);
  const problem = grammarError(text, options);
  if (problem) throw new ApiError(400, 'MalformedPolicyDocument', `The policy document is malformed (${field}): ${problem}.`);
}

/**
 * What differs between the two kinds of principal that policies attach to: the request's name
 * parameter, the word in ARNs and messages, the word in error codes, and where the account keeps
 * them. The handlers below share everything else.
 * @template {Role | User} T
 * @typedef {object} PrincipalKind
 * @property {'RoleName' | 'UserName'} param
 * @property {'role' | 'user'} kind in ARNs (`acs:ram::<uid>:role/<name>`) and messages
 * @property {'Role' | 'User'} entity in error codes (`EntityNotExist.Role`)
 * @property {(account: Account) => Map<string, T>} entities by lower-case name
 */

/** @type {PrincipalKind<Role>} */
const ROLE = { param: 'RoleName', kind: 'role', entity: 'Role', entities: (account) => account.roles };
/** @type {PrincipalKind<User>} */
const USER = { param: 'UserName', kind: 'user', entity: 'User', entities: (account) => account.users };

/**
 * The role / user the request names, once the caller may run the action on it; EntityNotExist (404)
 * when there is none.
 * @template {Role | User} T @param {RpcContext} ctx @param {PrincipalKind<T>} principal
 */
function namedPrincipal(ctx, principal) {
  const name = required(ctx.params, principal.param);
  requireOn(ctx, principal.kind, name);
  const found = principal.entities(ctx.caller.account).get(name.toLowerCase());
  if (!found) throw new ApiError(404, `EntityNotExist.${principal.entity}`, `The ${principal.kind} not exists: ${name}.`);
  return found;
}

/**
 * For CreateRole / CreateUser: the caller may create `name` and no role / user has it yet
 * (EntityAlreadyExists, 409).
 * @param {RpcContext} ctx @param {PrincipalKind<Role | User>} principal @param {string} name
 */
function requireNewName(ctx, principal, name) {
  requireOn(ctx, principal.kind, name);
  if (principal.entities(ctx.caller.account).has(name.toLowerCase())) {
    throw new ApiError(409, `EntityAlreadyExists.${principal.entity}`, `The ${principal.kind} already exists: ${name}.`);
  }
}

/** A role's session length limits (MaxSessionDuration, NewMaxSessionDuration), in seconds. */
const isSessionDuration = (/** @type {number} */ seconds) => Number.isInteger(seconds) && seconds >= 3600 && seconds <= 43200;

/** @param {Account} account @param {Role} role */
const roleView = (account, role) => ({
  RoleId: role.roleId,
  RoleName: role.name,
  Arn: `acs:ram::${account.uid}:role/${role.name}`,
  Description: role.description,
  AssumeRolePolicyDocument: role.trustPolicy,
  MaxSessionDuration: role.maxSessionDuration,
  CreateDate: role.createDate,
  UpdateDate: role.updateDate,
});

/** @param {User} user */
const userView = (user) => ({
  UserId: user.userId,
  UserName: user.name,
  DisplayName: user.displayName,
  Comments: user.comments,
  CreateDate: user.createDate,
  UpdateDate: user.updateDate,
});

/** The policy `PolicyType`/`PolicyName` name, checked to exist; returns its canonical name. */
export function existingPolicy(/** @type {RpcContext} */ { world, caller, params }) {
  const type = required(params, 'PolicyType');
  const name = required(params, 'PolicyName');
  if (type !== 'System' && type !== 'Custom') throw new ApiError(400, 'InvalidParameter.PolicyType', `The parameter PolicyType must be System or Custom, not "${type}".`);
  const canonical = type === 'System'
    ? (world.systemPolicy(name) ? name : null)
    : caller.account.policies.get(name.toLowerCase())?.name ?? null;
  if (!canonical) throw new ApiError(404, 'EntityNotExist.Policy', `The policy not exists: ${name}.`);
  return { type, name: canonical };
}

/** Whether an attachment is of `policy` (RAM names are case-insensitive). @param {{type: string, name: string}} policy */
const attachmentOf = (policy) => (/** @type {Attachment} */ p) => p.type === policy.type && p.name.toLowerCase() === policy.name.toLowerCase();

/**
 * The attachments RAM's own actions see: those for the whole account. An attachment scoped to a
 * resource group is Resource Management's (AttachPolicy / ListPolicyAttachments).
 * @param {Attachment[]} attached
 */
const accountWide = (attached) => attached.filter((p) => (p.resourceGroupId ?? null) === null);

/**
 * AttachPolicyToRole / AttachPolicyToUser.
 * @param {PrincipalKind<Role | User>} principal @returns {RpcAction}
 */
const attachPolicyTo = (principal) => (ctx) => {
  const attached = namedPrincipal(ctx, principal).policies;
  const policy = existingPolicy(ctx);
  if (accountWide(attached).some(attachmentOf(policy))) {
    throw new ApiError(409, `EntityAlreadyExists.${principal.entity}.Policy`, `The policy already attached to the ${principal.kind}.`);
  }
  const limit = policy.type === 'System' ? 20 : 10;
  if (accountWide(attached).filter((p) => p.type === policy.type).length >= limit) {
    throw new ApiError(409, `LimitExceeded.${principal.entity}.Policy`, `A ${principal.kind} may have at most ${limit} ${policy.type.toLowerCase()} policies attached.`);
  }
  attached.push({ type: policy.type, name: policy.name, attachDate: isoSeconds(ctx.now), resourceGroupId: null });
  return {};
};

/**
 * ListPoliciesForRole / ListPoliciesForUser.
 * @param {PrincipalKind<Role | User>} principal @returns {RpcAction}
 */
const listPoliciesFor = (principal) => (ctx) => {
  const { world, caller } = ctx;
  return {
    Policies: {
      Policy: accountWide(namedPrincipal(ctx, principal).policies).map((p) => {
        const custom = p.type === 'Custom' ? caller.account.policies.get(p.name.toLowerCase()) : undefined;
        return {
          PolicyName: p.name,
          PolicyType: p.type,
          Description: custom?.description ?? world.systemPolicy(p.name)?.description ?? '',
          DefaultVersion: custom?.defaultVersion ?? 'v1',
          AttachDate: p.attachDate,
        };
      }),
    },
  };
};

/** @type {Record<string, RpcAction>} */
export const RAM_ACTIONS = {
  GetRole(ctx) {
    return { Role: roleView(ctx.caller.account, namedPrincipal(ctx, ROLE)) };
  },

  CreateRole(ctx) {
    const { params, caller, now } = ctx;
    const name = required(params, 'RoleName');
    checkName(name, 'RoleName', /^[A-Za-z0-9.-]+$/, 64);
    const trust = required(params, 'AssumeRolePolicyDocument');
    checkDocument(trust, 'AssumeRolePolicyDocument', { trust: true });
    const description = params.Description ?? '';
    if (description.length > 1024) throw new ApiError(400, 'InvalidParameter.Description.Length', 'The parameter Description is longer than 1024 characters.');
    const max = params.MaxSessionDuration === undefined ? 3600 : Number(params.MaxSessionDuration);
    if (!isSessionDuration(max)) throw new ApiError(400, 'InvalidParameter.MaxSessionDuration', 'The parameter MaxSessionDuration must be 3600-43200.');
    requireNewName(ctx, ROLE, name);
    /** @type {Role} */
    const role = {
      name,
      roleId: numericId(19),
      description,
      maxSessionDuration: max,
      trustPolicy: trust,
      createDate: isoSeconds(now),
      updateDate: isoSeconds(now),
      policies: [],
    };
    caller.account.roles.set(name.toLowerCase(), role);
    const { UpdateDate, ...created } = roleView(caller.account, role);
    return { Role: created };
  },

  UpdateRole(ctx) {
    const { params, caller, now } = ctx;
    const role = namedPrincipal(ctx, ROLE);
    const trust = params.NewAssumeRolePolicyDocument;
    if (trust !== undefined) checkDocument(trust, 'NewAssumeRolePolicyDocument', { trust: true });
    const max = params.NewMaxSessionDuration === undefined ? undefined : Number(params.NewMaxSessionDuration);
    if (max !== undefined && !isSessionDuration(max)) {
      throw new ApiError(400, 'InvalidParameter.MaxSessionDuration', 'The parameter NewMaxSessionDuration must be 3600-43200.');
    }
    if (trust !== undefined) role.trustPolicy = trust;
    if (params.NewDescription !== undefined) role.description = params.NewDescription;
    if (max !== undefined) role.maxSessionDuration = max;
    role.updateDate = isoSeconds(now);
    return { Role: roleView(caller.account, role) };
  },

  AttachPolicyToRole: attachPolicyTo(ROLE),

  DetachPolicyFromRole(ctx) {
    const role = namedPrincipal(ctx, ROLE);
    const policy = attachmentOf(existingPolicy(ctx));
    const at = role.policies.findIndex((p) => (p.resourceGroupId ?? null) === null && policy(p));
    if (at < 0) throw new ApiError(404, 'EntityNotExist.Role.Policy', 'The policy is not attached to the role.');
    role.policies.splice(at, 1);
    return {};
  },

  ListPoliciesForRole: listPoliciesFor(ROLE),

  CreateUser(ctx) {
    const { params, caller, now } = ctx;
    const name = required(params, 'UserName');
    checkName(name, 'UserName', /^[A-Za-z0-9._-]+$/, 64);
    const displayName = params.DisplayName ?? name;
    if (displayName.length < 1 || displayName.length > 128) throw new ApiError(400, 'InvalidParameter.DisplayName.Length', 'The parameter DisplayName must be 1-128 characters.');
    requireNewName(ctx, USER, name);
    /** @type {User} */
    const user = {
      name,
      userId: numericId(16),
      displayName,
      comments: params.Comments ?? '',
      createDate: isoSeconds(now),
      updateDate: isoSeconds(now),
      accessKeys: [],
      policies: [],
    };
    caller.account.users.set(name.toLowerCase(), user);
    return { User: userView(user) };
  },

  GetUser(ctx) {
    return { User: userView(namedPrincipal(ctx, USER)) };
  },

  CreateAccessKey(ctx) {
    const user = namedPrincipal(ctx, USER);
    if (user.accessKeys.length >= 2) throw new ApiError(409, 'LimitExceeded.User.AccessKey', 'A user may have at most 2 AccessKeys.');
    const key = { id: `LTAI5t${randomToken(18)}`, secret: randomToken(30), status: 'Active' };
    user.accessKeys.push(key);
    return { AccessKey: { AccessKeyId: key.id, AccessKeySecret: key.secret, Status: key.status, CreateDate: isoSeconds(ctx.now) } };
  },

  AttachPolicyToUser: attachPolicyTo(USER),

  ListPoliciesForUser: listPoliciesFor(USER),

  CreatePolicy(ctx) {
    const { params, caller, now } = ctx;
    const name = required(params, 'PolicyName');
    checkName(name, 'PolicyName', /^[A-Za-z0-9-]+$/, 128);
    const document = required(params, 'PolicyDocument');
    checkDocument(document, 'PolicyDocument');
    const description = params.Description ?? '';
    requireOn(ctx, 'policy', name);
    if (caller.account.policies.has(name.toLowerCase()) || ctx.world.systemPolicy(name)) {
      throw new ApiError(409, 'EntityAlreadyExists.Policy', `The policy already exists: ${name}.`);
    }
    const at = isoSeconds(now);
    caller.account.policies.set(name.toLowerCase(), {
      name,
      description,
      createDate: at,
      updateDate: at,
      defaultVersion: 'v1',
      versions: [{ id: 'v1', document, createDate: at }],
    });
    return { Policy: { PolicyName: name, PolicyType: 'Custom', Description: description, DefaultVersion: 'v1', CreateDate: at } };
  },

  GetPolicy(ctx) {
    const { world, caller } = ctx;
    const policy = existingPolicy(ctx);
    requireOn(ctx, 'policy', policy.name);
    const custom = policy.type === 'Custom' ? caller.account.policies.get(policy.name.toLowerCase()) : undefined;
    const document = world.policyDocument(caller.account, policy.type, policy.name) ?? '';
    const version = custom?.defaultVersion ?? 'v1';
    const created = custom?.createDate ?? '2015-04-28T16:00:00Z';
    const attachments = [...caller.account.roles.values(), ...caller.account.users.values()]
      .filter((e) => e.policies.some(attachmentOf(policy))).length;
    return {
      Policy: {
        PolicyName: policy.name,
        PolicyType: policy.type,
        Description: custom?.description ?? world.systemPolicy(policy.name)?.description ?? '',
        DefaultVersion: version,
        PolicyDocument: document,
        CreateDate: created,
        UpdateDate: custom?.updateDate ?? created,
        AttachmentCount: attachments,
      },
      DefaultPolicyVersion: { VersionId: version, PolicyDocument: document, IsDefaultVersion: true, CreateDate: created },
    };
  },

  GetAccountAlias(ctx) {
    ctx.require('ram:GetAccountAlias', `acs:ram::${ctx.caller.account.uid}:*`);
    return { AccountAlias: ctx.caller.account.alias ?? '' };
  },

  DecodeDiagnosticMessage(ctx) {
    const encoded = required(ctx.params, 'EncodedDiagnosticMessage');
    ctx.require('ram:DecodeDiagnosticMessage', `acs:ram::${ctx.caller.account.uid}:*`);
    return decode(ctx.world, ctx.caller, encoded);
  },
};
