// The peer the popup is compared with: the straightforward popup, as a page of its own. Every
// profile is a row in the DOM (2,000 rows), and a keystroke filters by a lowercase substring test,
// toggling each row's `hidden`. Its data arrives inlined in the page (no storage, no wasm, no
// parsing), which favours it. Served by run.mjs from a local HTTP server; never shipped.

/** @typedef {{displayName: string, account: string, roleName: string, group?: string, color?: string}} PeerProfile */

const profiles = /** @type {PeerProfile[]} */ (JSON.parse(document.getElementById('data')?.textContent ?? '[]'));
const list = /** @type {HTMLElement} */ (document.getElementById('results'));
const input = /** @type {HTMLInputElement} */ (document.getElementById('search'));

/** @type {{el: HTMLElement, text: string}[]} */
const rows = [];
const fragment = document.createDocumentFragment();
let group = null;
for (const p of profiles) {
  if (p.group !== group) {
    group = p.group ?? null;
    const heading = document.createElement('div');
    heading.className = 'heading';
    heading.textContent = group ?? '';
    fragment.append(heading);
  }
  const el = document.createElement('div');
  el.className = 'option';
  if (p.color) el.style.borderLeftColor = p.color;
  const name = document.createElement('div');
  name.className = 'name';
  name.textContent = p.displayName;
  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.textContent = `${p.roleName} @ ${p.account}`;
  el.append(name, meta);
  fragment.append(el);
  rows.push({ el, text: `${p.displayName} ${p.account} ${p.roleName} ${p.group ?? ''}`.toLowerCase() });
}
list.append(fragment);
void list.offsetHeight; // style and layout of every row, as a first paint would need
performance.mark('peer:ready');

input.addEventListener('input', () => {
  const query = input.value.trim().toLowerCase();
  for (const row of rows) row.el.hidden = query !== '' && !row.text.includes(query);
});
input.focus();
