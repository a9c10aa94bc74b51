// What the RAM console panel tests share: the tutorial values they save, and reading the panel (in
// its closed shadow root, through content-helpers.js readRoleHopUi) into plain values.

import { readRoleHopUi, waitForValue } from './content-helpers.js';

/** @typedef {import('./content-helpers.js').ShadowUi} ShadowUi */

/** The tutorial values the RAM panel tests save in the workbench's progress. */
const A = '1746000000000001';
const B = '1999000000000002';
export const RAM_TUTORIAL = Object.freeze({
  A,
  B,
  RAM: 'https://ram.console.aliyun.com',
  BASE_INPUTS: Object.freeze({
    accountAUid: A, accountAAlias: '', accountBUid: B, roleName: 'admin-oss', trustKind: 'account', trustUsers: '',
    trustRoles: '', permissionKind: 'system', buckets: '', prefixes: '', userName: 'alice', assumePolicy: 'scoped',
    site: 'cn', checkBucket: '', region: 'cn-hangzhou',
  }),
});

/**
 * @typedef {object} PanelSeen what the panel shows
 * @property {Record<string, string>} section the panel's attributes (data-state, data-page, data-step)
 * @property {string} text all its text
 * @property {Array<{id: string, state: string, text: string}>} checks
 * @property {Array<{label: string, text: string, copy: number}>} values `copy`: its copy button's backend node id
 * @property {Array<{name: string, copy: number}>} policies
 * @property {{what: string, text: string, note: string} | null} manual the value shown to copy by hand
 * @property {Record<string, string> | null} chain the chain picture's links and their states (`data-chain`), when shown
 * @property {string[]} chainBroken the text of each broken link's cause and fix, in order
 * @property {ShadowUi} ui
 */

/**
 * A chain picture's `data-chain` ("b-user:pass assume-grant:fail …") as {link: state}.
 * @param {string} value
 * @returns {Record<string, string>}
 */
export function chainStates(value) {
  return Object.fromEntries(value.split(' ').filter(Boolean).map((pair) => pair.split(':')));
}

/** What the panel in `ui` shows. @param {ShadowUi} ui @returns {PanelSeen} */
export function panelOf(ui) {
  const section = ui.elements.find((e) => e.nodeName === 'SECTION')?.attributes ?? {};
  const checks = ui.elements
    .filter((e) => e.nodeName === 'LI' && e.attributes['data-check'])
    .map((e) => ({ id: e.attributes['data-check'], state: e.attributes['data-state'], text: e.text.replace(/\s+/g, ' ').trim() }));
  /** @type {PanelSeen['values']} */
  const values = [];
  /** @type {PanelSeen['policies']} */
  const policies = [];
  ui.elements.forEach((e, i) => {
    if (e.nodeName === 'DIV' && e.attributes.class === 'value') {
      const code = ui.elements.slice(i).find((x) => x.nodeName === 'CODE');
      const copy = ui.elements.slice(i).find((x) => x.nodeName === 'BUTTON' && x.attributes.class === 'copy');
      values.push({ label: e.attributes['data-label'], text: code?.text ?? '', copy: copy?.backendNodeId ?? 0 });
    }
    if (e.nodeName === 'DIV' && e.attributes.class === 'policy-head') {
      const copy = ui.elements.slice(i).find((x) => x.nodeName === 'BUTTON' && x.attributes.class === 'copy');
      policies.push({ name: e.attributes['data-policy'], copy: copy?.backendNodeId ?? 0 });
    }
  });
  const box = ui.elements.find((e) => e.attributes.class === 'manual');
  const area = ui.elements.find((e) => e.nodeName === 'TEXTAREA');
  const note = box ? ui.elements.find((e, i) => i > ui.elements.indexOf(box) && e.nodeName === 'P') : undefined;
  const manual = box ? { what: box.attributes['data-manual'], text: area?.text ?? '', note: note?.text ?? '' } : null;
  const figure = ui.elements.find((e) => e.nodeName === 'FIGURE' && e.attributes['data-chain'] !== undefined);
  const chain = figure ? chainStates(figure.attributes['data-chain']) : null;
  const chainBroken = ui.elements.filter((e) => e.attributes.class === 'chain-broken').map((e) => e.text.replace(/\s+/g, ' ').trim());
  return { section, text: ui.text, checks, values, policies, manual, chain, chainBroken, ui };
}

/**
 * Waits for the page's one RoleHop panel to satisfy `accept`, and returns what it shows.
 * @param {import('playwright-core').Page} page
 * @param {(p: PanelSeen) => boolean} accept
 * @param {string} what
 * @param {number} [timeout]
 */
export async function panelWhen(page, accept, what, timeout = 15_000) {
  const found = await waitForValue(
    async () => {
      const uis = await readRoleHopUi(page, 'ram-helper');
      return uis.length === 1 ? panelOf(uis[0]) : null;
    },
    (p) => p !== null && accept(p),
    { what, timeout },
  );
  return /** @type {PanelSeen} */ (found);
}
