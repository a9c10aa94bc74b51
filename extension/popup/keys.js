// The popup's keys, shown behind its ? button. One list: the README's key table says the same
// (tests/unit/popup-keys.test.js compares them, and the keys with what popup.js handles).

/**
 * @typedef {object} Key
 * @property {string} keys as users press them (the same in every language)
 * @property {string} action the message id of what they do
 */

/** The shortcut that opens the popup, as the manifest suggests it (`commands._execute_action`). */
export const OPEN_SHORTCUT = 'Alt+Shift+R';

/** @type {readonly Key[]} */
export const KEYS = Object.freeze([
  { keys: OPEN_SHORTCUT, action: 'popupKeyOpen' },
  { keys: '↑ ↓', action: 'popupKeyMove' },
  { keys: 'Page Up / Page Down', action: 'popupKeyPage' },
  { keys: 'Enter', action: 'popupKeySwitch' },
  { keys: 'Shift+Enter', action: 'popupKeyNewTab' },
  { keys: 'Ctrl/⌘+Enter', action: 'popupKeyBackgroundTab' },
  { keys: 'Ctrl/⌘+C', action: 'popupKeyCopy' },
  { keys: 'Esc', action: 'popupKeyEsc' },
]);

/**
 * The shortcut the browser has for opening the popup now (the user may have changed it; '' when
 * they removed it), else the manifest's.
 * @returns {Promise<string>}
 */
export async function openShortcut() {
  try {
    const commands = await chrome.commands.getAll();
    const open = commands.find((c) => c.name === '_execute_action');
    return open ? (open.shortcut ?? '') : OPEN_SHORTCUT;
  } catch {
    return OPEN_SHORTCUT;
  }
}

/**
 * Fills `tbody` with one row per key: the keys in <kbd>, then what they do.
 * @param {HTMLElement} tbody
 * @param {(id: string) => string} text the message of an id, in the page's language
 * @param {string} shortcut the open shortcut to show (openShortcut(); '' leaves its row out)
 */
export function renderKeys(tbody, text, shortcut) {
  const shown = shortcut ? KEYS : KEYS.filter((k) => k.keys !== OPEN_SHORTCUT);
  const rows = shown.map(({ keys, action }) => {
    const row = document.createElement('tr');
    const keyCell = document.createElement('th');
    keyCell.scope = 'row';
    const kbd = document.createElement('kbd');
    kbd.textContent = keys === OPEN_SHORTCUT ? shortcut : keys;
    keyCell.append(kbd);
    const actionCell = document.createElement('td');
    actionCell.textContent = text(action);
    row.append(keyCell, actionCell);
    return row;
  });
  tbody.replaceChildren(...rows);
}
