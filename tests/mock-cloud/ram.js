// RAM actions (shared/reference/apis.md). Writes change the caller's account; every action needs
// `ram:<Action>` on the entity's ARN in the caller's own account (root may do all).

import { grammarError } from './authorize.js';
import { ApiError, missingParameter } from './responses.js';
import { isoSeconds, numericId, randomToken } from './world.js';

/** @typedef {import('./rpc.js').RpcContext} RpcContext */
/** @typedef {import('./world.js').Account} Account */
/** @typedef {import('./world.js').Role} Role */
/** @typedef {import('./world.js').User} User */
/** @typedef {import('./world.js').Attachment} Attachment */

/** @param {Record<string, string>} params @param {string} name */
function required(params, name) {
  const v = params[name];
  if (v === undefined || v === '') throw missingParameter(name);
  return v;
}

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

/** @param {Account} account @param {string} name */
function roleOf(account, name) {
  const role = account.roles.get(name.toLowerCase());
  if (!role) throw new ApiError(404, 'EntityNotExist.Role', `The role not exists: ${name}.`);
  return role;
}

/** @param {Account} account @param {string} name */
function userOf(account, name) {
  const user = account.users.get(name.toLowerCase());
  if (!user) throw new ApiError(404, 'EntityNotExist.User', `The user not exists: ${name}.`);
  return user;
}

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
function existingPolicy(/** @type {RpcContext} */ { world, caller, params }) {
  const type = required(params, 'PolicyType');
  const name = required(params, 'PolicyName');
  if (type !== 'System' && type !== 'Custom') throw new ApiError(400, 'InvalidParameter.PolicyType', `The parameter PolicyType must be System or Custom, not "${type}".`);
  const canonical = type === 'System'
    ? (world.systemPolicy(name) ? name : null)
    : caller.account.policies.get(name.toLowerCase())?.name ?? null;
  if (!canonical) throw new ApiError(404, 'EntityNotExist.Policy', `The policy not exists: ${name}.`);
  return { type, name: canonical };
}

/**
 * Attaches a policy to a role or user.
 * @param {RpcContext} ctx @param {Attachment[]} attached @param {string} entity `Role` / `User`
 */
function attach(ctx, attached, entity) {
  const policy = existingPolicy(ctx);
  if (attached.some((p) => p.type === policy.type && p.name.toLowerCase() === policy.name.toLowerCase())) {
    throw new ApiError(409, `EntityAlreadyExists.${entity}.Policy`, `The policy already attached to the ${entity.toLowerCase()}.`);
  }
  const limit = policy.type === 'System' ? 20 : 10;
  if (attached.filter((p) => p.type === policy.type).length >= limit) {
    throw new ApiError(409, `LimitExceeded.${entity}.Policy`, `A ${entity.toLowerCase()} may have at most ${limit} ${policy.type.toLowerCase()} policies attached.`);
  }
  attached.push({ type: policy.type, name: policy.name, attachDate: isoSeconds(ctx.now) });
  return {};
}

/** @param {RpcContext} ctx @param {Attachment[]} attached */
function listAttached({ world, caller }, attached) {
  return {
    Policies: {
      Policy: attached.map((p) => {
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
}

/** @param {RpcContext} ctx @param {string} kind role / user / policy @param {string} name */
const requireOn = (ctx, kind, name) => ctx.require(`ram:${ctx.params.Action}`, `acs:ram::${ctx.caller.account.uid}:${kind}/${name}`);

/** @type {Record<string, import('./rpc.js').RpcAction>} */
export const RAM_ACTIONS = {
  GetRole(ctx) {
    const name = required(ctx.params, 'RoleName');
    requireOn(ctx, 'role', name);
    return { Role: roleView(ctx.caller.account, roleOf(ctx.caller.account, name)) };
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
    if (!Number.isInteger(max) || max < 3600 || max > 43200) throw new ApiError(400, 'InvalidParameter.MaxSessionDuration', 'The parameter MaxSessionDuration must be 3600-43200.');
    requireOn(ctx, 'role', name);
    if (caller.account.roles.has(name.toLowerCase())) throw new ApiError(409, 'EntityAlreadyExists.Role', `The role already exists: ${name}.`);
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
    const name = required(params, 'RoleName');
    requireOn(ctx, 'role', name);
    const role = roleOf(caller.account, name);
    const trust = params.NewAssumeRolePolicyDocument;
    if (trust !== undefined) checkDocument(trust, 'NewAssumeRolePolicyDocument', { trust: true });
    const max = params.NewMaxSessionDuration === undefined ? undefined : Number(params.NewMaxSessionDuration);
    if (max !== undefined && (!Number.isInteger(max) || max < 3600 || max > 43200)) {
      throw new ApiError(400, 'InvalidParameter.MaxSessionDuration', 'The parameter NewMaxSessionDuration must be 3600-43200.');
    }
    if (trust !== undefined) role.trustPolicy = trust;
    if (params.NewDescription !== undefined) role.description = params.NewDescription;
    if (max !== undefined) role.maxSessionDuration = max;
    role.updateDate = isoSeconds(now);
    return { Role: roleView(caller.account, role) };
  },

  AttachPolicyToRole(ctx) {
    const name = required(ctx.params, 'RoleName');
    requireOn(ctx, 'role', name);
    return attach(ctx, roleOf(ctx.caller.account, name).policies, 'Role');
  },

  DetachPolicyFromRole(ctx) {
    const name = required(ctx.params, 'RoleName');
    requireOn(ctx, 'role', name);
    const role = roleOf(ctx.caller.account, name);
    const policy = existingPolicy(ctx);
    const at = role.policies.findIndex((p) => p.type === policy.type && p.name.toLowerCase() === policy.name.toLowerCase());
    if (at < 0) throw new ApiError(404, 'EntityNotExist.Role.Policy', 'The policy is not attached to the role.');
    role.policies.splice(at, 1);
    return {};
  },

  ListPoliciesForRole(ctx) {
    const name = required(ctx.params, 'RoleName');
    requireOn(ctx, 'role', name);
    return listAttached(ctx, roleOf(ctx.caller.account, name).policies);
  },

  CreateUser(ctx) {
    const { params, caller, now } = ctx;
    const name = required(params, 'UserName');
    checkName(name, 'UserName', /^[A-Za-z0-9._-]+$/, 64);
    const displayName = params.DisplayName ?? name;
    if (displayName.length < 1 || displayName.length > 128) throw new ApiError(400, 'InvalidParameter.DisplayName.Length', 'The parameter DisplayName must be 1-128 characters.');
    requireOn(ctx, 'user', name);
    if (caller.account.users.has(name.toLowerCase())) throw new ApiError(409, 'EntityAlreadyExists.User', `The user already exists: ${name}.`);
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
    const name = required(ctx.params, 'UserName');
    requireOn(ctx, 'user', name);
    return { User: userView(userOf(ctx.caller.account, name)) };
  },

  CreateAccessKey(ctx) {
    const name = required(ctx.params, 'UserName');
    requireOn(ctx, 'user', name);
    const user = userOf(ctx.caller.account, name);
    if (user.accessKeys.length >= 2) throw new ApiError(409, 'LimitExceeded.User.AccessKey', 'A user may have at most 2 AccessKeys.');
    const key = { id: `LTAI5t${randomToken(18)}`, secret: randomToken(30), status: 'Active' };
    user.accessKeys.push(key);
    return { AccessKey: { AccessKeyId: key.id, AccessKeySecret: key.secret, Status: key.status, CreateDate: isoSeconds(ctx.now) } };
  },

  AttachPolicyToUser(ctx) {
    const name = required(ctx.params, 'UserName');
    requireOn(ctx, 'user', name);
    return attach(ctx, userOf(ctx.caller.account, name).policies, 'User');
  },

  ListPoliciesForUser(ctx) {
    const name = required(ctx.params, 'UserName');
    requireOn(ctx, 'user', name);
    return listAttached(ctx, userOf(ctx.caller.account, name).policies);
  },

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
      .filter((e) => e.policies.some((p) => p.type === policy.type && p.name.toLowerCase() === policy.name.toLowerCase())).length;
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
};
