// Status lines whose text is a function, so they re-render in a new language.

/** @type {Map<HTMLElement, () => void>} */
const renderers = new Map();

/**
 * Shows `text()` in `el` (and keeps it for relocalizeStatuses). `result` sets data-result
 * ('pass' | 'fail' | 'info' | 'warn') for styling and tests; extra data attributes go on `data`.
 * @param {HTMLElement} el
 * @param {(() => string) | null} text null clears
 * @param {{result?: string, data?: Record<string, string>}} [options]
 */
export function setStatus(el, text, { result = 'info', data = {} } = {}) {
  for (const key of Object.keys(el.dataset)) delete el.dataset[key];
  if (!text) {
    renderers.delete(el);
    el.textContent = '';
    return;
  }
  const render = () => {
    el.textContent = text();
  };
  renderers.set(el, render);
  el.dataset.result = result;
  Object.assign(el.dataset, data);
  render();
}

/** Re-renders every status in the current language. */
export function relocalizeStatuses() {
  for (const render of renderers.values()) render();
}

/** @param {number} bytes */
export function formatKB(bytes) {
  return (bytes / 1024).toFixed(1);
}
