// The list the popup shows, as rows: group headings and profile options. With no query: the most
// recently used profiles first, then every profile under its group (groups in the order the INI
// text first names them). With a query: the matches, best first, without headings.

/** @typedef {import('./search.js').Entry} Entry */

/** How many recently used profiles head the list. */
export const RECENT_COUNT = 5;

/**
 * @typedef {{kind: 'heading', label: string}} HeadingRow
 * @typedef {{kind: 'option', entry: Entry}} OptionRow
 * @typedef {HeadingRow | OptionRow} Row
 */

/**
 * @typedef {object} HeadingLabels
 * @property {string} recent heading of the recently used profiles
 * @property {string} ungrouped heading of the profiles without a group (when others have one)
 * @property {string} all heading of all profiles when none has a group
 */

/**
 * @param {Entry[]} entries all profiles, in file order
 * @param {HeadingLabels} labels
 * @returns {Row[]}
 */
export function browseRows(entries, labels) {
  /** @type {Row[]} */
  const rows = [];
  const recent = entries
    .filter((e) => e.lastUsed > 0)
    .sort((a, b) => b.lastUsed - a.lastUsed || a.order - b.order)
    .slice(0, RECENT_COUNT);
  if (recent.length) {
    rows.push({ kind: 'heading', label: labels.recent });
    for (const entry of recent) rows.push({ kind: 'option', entry });
  }
  /** @type {Map<string, Entry[]>} group name -> profiles; '' holds the ungrouped */
  const groups = new Map();
  for (const entry of entries) {
    const name = entry.profile.group ?? '';
    const members = groups.get(name);
    if (members) members.push(entry);
    else groups.set(name, [entry]);
  }
  const ungrouped = groups.get('') ?? [];
  groups.delete('');
  for (const [name, members] of groups) {
    rows.push({ kind: 'heading', label: name });
    for (const entry of members) rows.push({ kind: 'option', entry });
  }
  if (ungrouped.length) {
    // A heading only when something above it needs telling apart.
    if (rows.length) rows.push({ kind: 'heading', label: groups.size ? labels.ungrouped : labels.all });
    for (const entry of ungrouped) rows.push({ kind: 'option', entry });
  }
  return rows;
}

/**
 * @param {import('./search.js').Match[]} matches best first
 * @returns {Row[]}
 */
export function matchRows(matches) {
  return matches.map((m) => ({ kind: 'option', entry: m.entry }));
}
