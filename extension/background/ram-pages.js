// Which RAM console page an address is (https://ram.console.aliyun.com/... and the international
// host), and which tutorial steps are done on it. The console is a single-page app whose DOM is
// unknown; its addresses are known (shared/reference/console.md): roles, role detail
// (`/roles/detail?roleName=`, older `/roles/<name>`), users, user detail
// (`/users/detail?userId=&activeTab=`, older `/users/<name>`), policies, overview. Older consoles
// kept the route in the fragment (`/#/roles/...`): read the same way.
// Pure: unit-tested in Node as well.

import { ROLE_NAME } from '../shared/rules.js';

/**
 * @typedef {'roles' | 'role-create' | 'role-detail' | 'users' | 'user-create' | 'user-detail' | 'policies' |
 *   'overview' | 'other'} RamPageKind
 */

/**
 * @typedef {object} RamPage
 * @property {RamPageKind} kind
 * @property {string} [roleName] role detail: the role in the address
 * @property {string} [userName] user detail (older address): the user in the address
 * @property {string} [userId] user detail: the `userId` parameter (an id or a name; unknown which)
 */

/** The RAM console hosts and their sites (exact names: content-script messages are bound to them). */
export const RAM_CONSOLE_HOSTS = Object.freeze({ 'ram.console.aliyun.com': 'cn', 'ram.console.alibabacloud.com': 'intl' });

/** User names in the address also allow '_' and '@' (and may be a logon name, so longer). */
const USER_NAME = /^[A-Za-z0-9._@-]{1,128}$/;
const USER_ID = /^[A-Za-z0-9._@-]{1,128}$/;

/**
 * Tutorial steps (ids from the tutorial core) whose work happens on each page, most specific
 * first: the page shows the first of them that is not done yet (or the last, when all are done).
 * @type {Readonly<Record<RamPageKind, readonly string[]>>}
 */
export const PAGE_STEPS = Object.freeze({
  roles: ['a-create-role'],
  'role-create': ['a-create-role'],
  'role-detail': ['a-edit-trust', 'a-attach-policy', 'a-verify'],
  users: ['b-create-user', 'b-attach-policy'],
  'user-create': ['b-create-user'],
  'user-detail': ['b-attach-policy', 'b-verify'],
  policies: ['a-create-policy', 'b-create-policy'],
  overview: ['a-share-values'],
  other: [],
});

/**
 * Which page `url` is. Anything unrecognised is `other` (the panel then shows only where the next
 * step is done).
 * @param {URL} url
 * @returns {RamPage}
 */
export function ramPageOf(url) {
  let path = url.pathname;
  let params = url.searchParams;
  // An older fragment route: https://ram.console.aliyun.com/#/roles/detail?roleName=x
  if ((path === '/' || path === '') && url.hash.startsWith('#/')) {
    const inner = new URL(url.hash.slice(1), 'https://fragment.invalid');
    path = inner.pathname;
    params = inner.searchParams;
  }
  const parts = path.split('/').filter(Boolean).map(decodeSegment);
  if (parts.some((p) => p === null)) return { kind: 'other' };
  const [section, second] = /** @type {string[]} */ (parts);
  if (parts.length === 0 || (section === 'overview' && parts.length === 1)) return { kind: 'overview' };
  if (section === 'roles' || section === 'role') {
    if (parts.length === 1 || second === 'list') return { kind: 'roles' };
    if (parts.length === 2 && (second === 'create' || second === 'new')) return { kind: 'role-create' };
    if (second === 'detail') {
      const name = params.get('roleName') ?? '';
      return ROLE_NAME.test(name) ? { kind: 'role-detail', roleName: name } : { kind: 'role-detail' };
    }
    return ROLE_NAME.test(second) ? { kind: 'role-detail', roleName: second } : { kind: 'other' };
  }
  if (section === 'users' || section === 'user') {
    if (parts.length === 1 || second === 'list') return { kind: 'users' };
    if (parts.length === 2 && (second === 'create' || second === 'new')) return { kind: 'user-create' };
    if (second === 'detail') {
      const id = params.get('userId') ?? params.get('userName') ?? '';
      return USER_ID.test(id) ? { kind: 'user-detail', userId: id } : { kind: 'user-detail' };
    }
    return USER_NAME.test(second) ? { kind: 'user-detail', userName: second } : { kind: 'other' };
  }
  if (section === 'policies' || section === 'policy') return { kind: 'policies' };
  return { kind: 'other' };
}

/** A decoded path segment, or null when it is not valid percent-encoding. @param {string} segment */
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
