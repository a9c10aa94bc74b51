// Collapsible tabs (WAI-ARIA tabs pattern): a tablist of buttons, one panel shown at a time, none
// until the user picks one, so that a task stays short. Arrow keys move between tabs and show the
// tab reached, Home and End go to the first and last; clicking the open tab closes it again.
// Panels are built when first shown (a task's Terraform is rarely read).

import { el } from './dom.js';

/**
 * @param {string} id unique prefix for the tabs' and panels' ids
 * @param {string} label the tablist's accessible name
 * @param {Array<{id: string, label: string, panel: () => Node[]}>} entries
 * @returns {HTMLElement}
 */
export function tabs(id, label, entries) {
  const list = el('div', { role: 'tablist', class: 'tablist', 'aria-label': label });
  const root = el('div', { class: 'tabs' }, [list]);
  /** @type {HTMLButtonElement[]} */
  const buttons = [];
  /** @type {HTMLElement[]} */
  const panels = [];
  entries.forEach((entry, i) => {
    const tabId = `${id}-${entry.id}`;
    const button = el('button', {
      type: 'button', role: 'tab', id: tabId, 'aria-selected': 'false', 'aria-controls': `${tabId}-panel`,
      tabindex: i === 0 ? '0' : '-1', 'data-tab': entry.id, text: entry.label,
    });
    const panel = el('div', { role: 'tabpanel', id: `${tabId}-panel`, 'aria-labelledby': tabId, class: 'tabpanel', tabindex: '0', hidden: true });
    let built = false;
    const show = () => {
      if (!built) {
        panel.append(...entry.panel());
        built = true;
      }
      buttons.forEach((b, j) => {
        b.setAttribute('aria-selected', String(j === i));
        b.tabIndex = j === i ? 0 : -1;
        panels[j].hidden = j !== i;
      });
    };
    const close = () => {
      button.setAttribute('aria-selected', 'false');
      panel.hidden = true;
    };
    button.addEventListener('click', () => (button.getAttribute('aria-selected') === 'true' ? close() : show()));
    button.addEventListener('keydown', (event) => {
      const last = entries.length - 1;
      const to = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      if (to === i) return;
      buttons[to].focus();
      buttons[to].click();
    });
    buttons.push(button);
    panels.push(panel);
    list.append(button);
  });
  root.append(...panels);
  return root;
}
