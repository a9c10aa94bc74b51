// The chain of the workbench's last checks run (report.chain, crate/src/checks/chain.rs), as
// the workbench keeps it in its progress for the RAM console panel to draw. Storage is not trusted
// to hold what was written: readChain keeps a chain only in the shape the core gives.

/** @typedef {import('./contract').ChainLink} ChainLink */

const LINKS = ['b-user', 'assume-grant', 'role-trust', 'oss-permission', 'bucket'];
const STATUSES = ['pass', 'fail', 'not-checked'];

/** A core message `{id, args}`: a `core_` id, arguments that are texts, numbers or messages. @param {unknown} value @returns {boolean} */
function isMessage(value, depth = 0) {
  if (typeof value !== 'object' || value === null || depth > 8) return false;
  const { id, args } = /** @type {{id?: unknown, args?: unknown}} */ (value);
  if (typeof id !== 'string' || !/^core_[a-z0-9_]+$/.test(id)) return false;
  if (args === undefined) return true;
  if (typeof args !== 'object' || args === null) return false;
  return Object.values(args).every((a) => typeof a === 'string' || typeof a === 'number' || isMessage(a, depth + 1));
}

/**
 * The chain as the core gives it (five links in order), or undefined for anything else.
 * @param {unknown} value
 * @returns {ChainLink[] | undefined}
 */
export function readChain(value) {
  if (!Array.isArray(value) || value.length !== LINKS.length) return undefined;
  const ok = value.every((link, i) => typeof link === 'object' && link !== null
    && link.link === LINKS[i]
    && STATUSES.includes(link.status)
    && [1, 2, 3, 4].includes(link.step)
    && isMessage(link.title)
    && (link.check === undefined || typeof link.check === 'string')
    && (link.cause === undefined || isMessage(link.cause))
    && (link.fix === undefined || isMessage(link.fix)));
  return ok ? /** @type {ChainLink[]} */ (value) : undefined;
}
