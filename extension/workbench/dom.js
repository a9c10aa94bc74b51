// Small DOM helpers for the workbench: elements built without innerHTML (no markup from data ever
// reaches the parser), copy buttons, and element lookup that fails loudly.

import { t } from '../shared/i18n.js';

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | boolean | undefined>} [attributes] `text` sets textContent;
 *   `false`/`undefined` values are left out
 * @param {Array<Node | string | null | undefined | false>} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** @param {string} id @returns {HTMLElement} */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`workbench.html has no #${id}`);
  return node;
}

/**
 * A button that copies `text()` to the clipboard and says so (for screen readers too).
 * @param {() => string} text
 * @param {string} what what is copied, for the accessible name ("Copy the trust policy")
 */
export function copyButton(text, what) {
  const button = el('button', { type: 'button', class: 'copy', 'aria-label': t('workbenchCopyWhat', what), text: t('workbenchCopy') });
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text());
      button.textContent = t('workbenchCopied');
    } catch {
      button.textContent = t('workbenchCopyFailed');
    }
    setTimeout(() => { button.textContent = t('workbenchCopy'); }, 1500);
  });
  return button;
}

/**
 * A titled code block with a copy button.
 * @param {string} title
 * @param {string} code
 */
export function codeBlock(title, code) {
  return el('div', { class: 'block' }, [
    el('div', { class: 'block-head' }, [el('span', { text: title }), copyButton(() => code, title)]),
    el('pre', { tabindex: '0', 'aria-label': title, text: code }),
  ]);
}

/**
 * @param {HTMLElement} node
 * @param {'pass' | 'fail' | 'error' | 'could-not-check' | 'pending' | 'running' | 'skipped'} result
 * @param {string} text
 */
export function setStatus(node, result, text) {
  node.hidden = false;
  node.dataset.result = result;
  node.textContent = text;
}

/** @param {unknown} e */
export function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}
