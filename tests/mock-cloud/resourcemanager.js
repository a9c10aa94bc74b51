// Resource Management (resourcemanager.aliyuncs.com, 2020-03-31): the policy attachments that
// grant a RAM user or role a policy for one resource group, or for the whole account when
// ResourceGroupId is the account's UID (what RAM's AttachPolicyToUser/Role grant). A grant for a
// group applies only to the resources in that group (authorize.js).

import { isoSeconds } from './world.js';
import { existingPolicy, required } from './ram.js';
import { ApiError } from './responses.js';

/** @typedef {import('./rpc.js').RpcContext} RpcContext */
/** @typedef {import('./rpc.js').RpcAction} RpcAction */
/** @typedef {import('./world.js').Account} Account */
/** @typedef {import('./world.js').Attachment} Attachment */

/**
 * The scope `ResourceGroupId` names: null for the whole account (its UID), else a group of the
 * caller's account (404 when it has none of that id).
 * @param {RpcContext} ctx @returns {string | null}
 */
function scopeOf(ctx) {
  const id = required(ctx.params, 'ResourceGroupId');
  const account = ctx.caller.account;
  if (id === account.uid) return null;
  if (!account.resourceGroups.has(id)) throw new ApiError(404, 'EntityNotExists.ResourceGroup', `The resource group does not exist: ${id}.`);
  return id;
}

/** The domains a principal name may end with: `<uid>.onaliyun.com`, `<alias>.onaliyun.com`. @param {Account} account */
const domains = (account) => [account.uid, ...(account.alias ? [account.alias] : [])].map((d) => `${d}.onaliyun.com`);

/**
 * The user or role `PrincipalType`/`PrincipalName` names: `alice@<uid or alias>.onaliyun.com`
 * (IMSUser), `admin-oss@role.<uid or alias>.onaliyun.com` (ServiceRole).
 * @param {RpcContext} ctx
 */
function principalOf(ctx) {
  const type = required(ctx.params, 'PrincipalType');
  const name = required(ctx.params, 'PrincipalName');
  const account = ctx.caller.account;
  const at = name.lastIndexOf('@');
  const [local, domain] = at < 0 ? [name, ''] : [name.slice(0, at), name.slice(at + 1).toLowerCase()];
  const entities = type === 'IMSUser' ? account.users : type === 'ServiceRole' ? account.roles : null;
  if (!entities) throw new ApiError(400, 'InvalidParameter.PrincipalType', `The parameter PrincipalType must be IMSUser or ServiceRole, not "${type}".`);
  const suffixes = domains(account).map((d) => (type === 'ServiceRole' ? `role.${d}` : d));
  const entity = suffixes.includes(domain) ? entities.get(local.toLowerCase()) : undefined;
  if (!entity) throw new ApiError(404, 'EntityNotExists.Principal', `The principal does not exist: ${name}.`);
  return { type, entity };
}

/** @param {Attachment} a @param {{type: string, name: string}} policy @param {string | null} scope */
const same = (a, policy, scope) =>
  a.type === policy.type && a.name.toLowerCase() === policy.name.toLowerCase() && (a.resourceGroupId ?? null) === scope;

/** @type {Record<string, RpcAction>} */
export const RESOURCE_MANAGER_ACTIONS = {
  AttachPolicy(ctx) {
    const scope = scopeOf(ctx);
    const policy = existingPolicy(ctx);
    const { entity } = principalOf(ctx);
    ctx.require('resourcemanager:AttachPolicy', `acs:resourcemanager::${ctx.caller.account.uid}:resourcegroup/${ctx.params.ResourceGroupId}`);
    if (entity.policies.some((a) => same(a, policy, scope))) {
      throw new ApiError(409, 'EntityAlreadyExists.PolicyAttachment', 'The policy is already attached to the principal for this scope.');
    }
    entity.policies.push({ type: policy.type, name: policy.name, attachDate: isoSeconds(ctx.now), resourceGroupId: scope });
    return {};
  },

  DetachPolicy(ctx) {
    const scope = scopeOf(ctx);
    const policy = existingPolicy(ctx);
    const { entity } = principalOf(ctx);
    ctx.require('resourcemanager:DetachPolicy', `acs:resourcemanager::${ctx.caller.account.uid}:resourcegroup/${ctx.params.ResourceGroupId}`);
    const at = entity.policies.findIndex((a) => same(a, policy, scope));
    if (at < 0) throw new ApiError(404, 'EntityNotExists.PolicyAttachment', 'The policy is not attached to the principal for this scope.');
    entity.policies.splice(at, 1);
    return {};
  },

  ListPolicyAttachments(ctx) {
    const { caller, params } = ctx;
    const account = caller.account;
    ctx.require('resourcemanager:ListPolicyAttachments', `acs:resourcemanager::${account.uid}:*`);
    const domain = `${account.alias ?? account.uid}.onaliyun.com`;
    const all = [
      ...[...account.users.values()].map((u) => ({ type: 'IMSUser', name: `${u.name}@${domain}`, policies: u.policies })),
      ...[...account.roles.values()].map((r) => ({ type: 'ServiceRole', name: `${r.name}@role.${domain}`, policies: r.policies })),
    ].flatMap((p) => p.policies.map((a) => ({
      PrincipalType: p.type,
      PrincipalName: p.name,
      PolicyType: a.type,
      PolicyName: a.name,
      ResourceGroupId: a.resourceGroupId ?? account.uid,
      AttachDate: a.attachDate,
      Description: a.type === 'System' ? ctx.world.systemPolicy(a.name)?.description ?? '' : account.policies.get(a.name.toLowerCase())?.description ?? '',
    })));
    const wanted = all.filter((a) => (params.ResourceGroupId === undefined || a.ResourceGroupId === params.ResourceGroupId)
      && (params.PrincipalType === undefined || a.PrincipalType === params.PrincipalType)
      && (params.PrincipalName === undefined || a.PrincipalName.toLowerCase() === params.PrincipalName.toLowerCase())
      && (params.PolicyType === undefined || a.PolicyType === params.PolicyType)
      && (params.PolicyName === undefined || a.PolicyName.toLowerCase() === params.PolicyName.toLowerCase()));
    return { PageNumber: 1, PageSize: wanted.length, TotalCount: wanted.length, PolicyAttachments: { PolicyAttachment: wanted } };
  },
};
