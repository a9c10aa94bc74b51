// The live preview of the parsed profiles: grouped like the popup shows them, each with its
// colour, name, id, account, role and site.

import { coreMessage, t, tCount } from '../shared/i18n.js';

/** @typedef {import('../shared/contract').Profile} Profile */
/** @typedef {import('../shared/contract').ShownProfileError} ProfileError */

/** Rows rendered at most; the summary says how many more there are. Keeps typing responsive. */
const MAX_ROWS = 300;

/**
 * Rows of the last render by what they show, reused when a profile is unchanged (most
 * re-parses while typing change one profile or none). Cleared on a language change.
 * @type {Map<string, HTMLTableRowElement>}
 */
let rowCache = new Map();
/** @type {string} */
let cacheLanguage = '';

/**
 * @param {HTMLElement} container
 * @param {HTMLElement} summary
 * @param {Profile[]} profiles
 */
export function renderPreview(container, summary, profiles) {
  const shown = profiles.slice(0, MAX_ROWS);
  summary.textContent = !profiles.length
    ? ''
    : profiles.length > shown.length
      ? tCount('optionsPreviewSome', profiles.length, [String(profiles.length), String(shown.length)])
      : tCount('optionsPreviewCount', profiles.length);
  if (!profiles.length) {
    const empty = document.createElement('p');
    empty.className = 'hint';
    empty.textContent = t('optionsPreviewEmpty');
    container.replaceChildren(empty);
    return;
  }
  const language = document.documentElement.lang;
  if (language !== cacheLanguage) {
    rowCache = new Map();
    cacheLanguage = language;
  }
  /** @type {Map<string, HTMLTableRowElement>} */
  const next = new Map();
  /** @type {Map<string, Profile[]>} */
  const groups = new Map();
  for (const profile of shown) {
    const group = profile.group ?? '';
    const members = groups.get(group);
    if (members) members.push(profile);
    else groups.set(group, [profile]);
  }
  const table = document.createElement('table');
  table.className = 'profiles';
  const head = table.createTHead().insertRow();
  for (const key of ['optionsColName', 'optionsColAccount', 'optionsColRole', 'optionsColSite']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = t(key);
    head.append(th);
  }
  const sorted = [...groups].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  for (const [group, members] of sorted) {
    const body = table.createTBody();
    const th = document.createElement('th');
    th.scope = 'rowgroup';
    th.colSpan = 4;
    th.className = 'group';
    th.textContent = group || t('optionsNoGroup');
    body.insertRow().append(th);
    for (const profile of members) body.append(cachedRow(profile, next));
  }
  rowCache = next;
  container.replaceChildren(table);
}

/**
 * @param {Profile} profile
 * @param {Map<string, HTMLTableRowElement>} next the cache being built for this render
 */
function cachedRow(profile, next) {
  const { line: _line, ...shown } = profile;
  const key = JSON.stringify(shown);
  const tr = rowCache.get(key) ?? row(profile);
  rowCache.delete(key); // a row element can sit in one place only (ids are unique anyway)
  next.set(key, tr);
  return tr;
}

/** @param {Profile} profile */
function row(profile) {
  const tr = document.createElement('tr');
  tr.dataset.profileId = profile.id;
  const name = tr.insertCell();
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  if (profile.color) swatch.style.background = profile.color;
  const title = document.createElement('span');
  title.className = 'display-name';
  title.textContent = profile.displayName;
  const id = document.createElement('code');
  id.className = 'id';
  id.append(breakable(profile.id));
  name.append(swatch, title, id);
  if (profile.note) name.title = profile.note;

  const account = tr.insertCell();
  // The account reads whole (a UID, an alias or a default domain is at most 45 characters).
  const accountValue = document.createElement('span');
  accountValue.className = 'value whole';
  accountValue.textContent = profile.account;
  account.append(accountValue);
  const kind = document.createElement('span');
  kind.className = 'tag';
  kind.textContent = t(
    profile.accountKind === 'uid' ? 'optionsKindUid' : profile.accountKind === 'default-domain' ? 'optionsKindDomain' : 'optionsKindAlias',
  );
  account.append(' ', kind);
  tr.insertCell().append(breakable(profile.roleName));
  tr.insertCell().textContent = profile.site === 'intl' ? t('optionsSiteShortIntl') : t('optionsSiteShortCn');
  return tr;
}

/**
 * A value the user typed, shown whole: it may wrap only before a '.' or after a '-', '_' or '/'
 * (the points a reader expects), never inside a run of letters or digits (a UID has none).
 * @param {string} value
 */
function breakable(value) {
  const span = document.createElement('span');
  span.className = 'value';
  value.split(/(?=\.)|(?<=[-_/])/).forEach((part, i) => {
    if (i > 0) span.append(document.createElement('wbr'));
    span.append(part);
  });
  return span;
}

/**
 * The profiles left out because of errors, and why: one entry per profile (or per line, for an
 * error outside any profile), with its error count and first message.
 * @param {HTMLElement} pane shown only when something is skipped
 * @param {HTMLElement} list
 * @param {ProfileError[]} errors
 */
export function renderSkipped(pane, list, errors) {
  /** @type {Map<string, {name: string | null, line: number, errors: ProfileError[]}>} */
  const skipped = new Map();
  for (const error of errors) {
    const key = error.profile ? `p:${error.profile.toLowerCase()}` : `l:${error.line}`;
    const entry = skipped.get(key) ?? { name: error.profile ?? null, line: error.line, errors: [] };
    entry.errors.push(error);
    skipped.set(key, entry);
  }
  const items = [...skipped.values()].map(({ name, line, errors: mine }) => {
    const li = document.createElement('li');
    const first = mine[0];
    const why = coreMessage(first.message);
    if (name) {
      li.dataset.profileId = name;
      const code = document.createElement('code');
      code.append(breakable(name));
      li.append(code, ' ', tCount('optionsSkippedWhy', mine.length, [String(mine.length), String(line), why]));
    } else {
      li.append(tCount('optionsSkippedLine', mine.length, [String(mine.length), String(line), why]));
    }
    return li;
  });
  list.replaceChildren(...items);
  pane.hidden = items.length === 0;
}
