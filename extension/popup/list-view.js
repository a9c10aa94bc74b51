// A virtual listbox: only the rows in view (plus a few either side, plus the active one) are in the
// DOM, so 2,000 profiles cost what 15 do. Rows have fixed heights; headings group the options that
// follow them (role=group, named by the heading). The search box keeps the focus and points at the
// active option with aria-activedescendant (the combobox pattern).

/** @typedef {import('./rows.js').Row} Row */
/** @typedef {import('./rows.js').OptionRow} OptionRow */

const HEADING_HEIGHT = 26;
const OPTION_HEIGHT = 46;
const OVERSCAN = 4;

/**
 * @typedef {object} ListViewOptions
 * @property {HTMLElement} listbox the scrolling element (role=listbox)
 * @property {HTMLInputElement} input the search box (role=combobox) that owns the active option
 * @property {(row: OptionRow, el: HTMLElement) => void} renderOption fills an option element
 */

export class ListView {
  /** @param {ListViewOptions} options */
  constructor({ listbox, input, renderOption }) {
    this.listbox = listbox;
    this.input = input;
    this.renderOption = renderOption;
    this.spacer = document.createElement('div');
    this.spacer.className = 'spacer';
    this.spacer.setAttribute('role', 'presentation');
    listbox.replaceChildren(this.spacer);
    /** @type {Row[]} */
    this.rows = [];
    /** @type {number[]} top of each row, plus the total height at the end */
    this.offsets = [0];
    /** @type {number[]} row index of each option, in order */
    this.optionRows = [];
    /** @type {number} index into rows of the active option, -1 when none */
    this.active = -1;
    listbox.addEventListener('scroll', () => this.render(), { passive: true });
  }

  /**
   * Replaces the rows; the first option becomes active and the list scrolls to the top.
   * @param {Row[]} rows
   */
  setRows(rows) {
    this.rows = rows;
    const offsets = new Array(rows.length + 1);
    /** @type {number[]} */
    const optionRows = [];
    let y = 0;
    for (let i = 0; i < rows.length; i++) {
      offsets[i] = y;
      if (/** @type {Row} */ (rows[i]).kind === 'option') {
        optionRows.push(i);
        y += OPTION_HEIGHT;
      } else {
        y += HEADING_HEIGHT;
      }
    }
    offsets[rows.length] = y;
    this.offsets = offsets;
    this.optionRows = optionRows;
    this.active = optionRows[0] ?? -1;
    this.spacer.style.height = `${y}px`;
    this.listbox.scrollTop = 0;
    this.render();
  }

  /** @returns {OptionRow | null} */
  activeRow() {
    const row = this.rows[this.active];
    return row?.kind === 'option' ? row : null;
  }

  /** Moves the active option by `delta` options (clamped), scrolling it into view. @param {number} delta */
  move(delta) {
    if (!this.optionRows.length) return;
    const at = Math.max(0, positionOf(this.optionRows, this.active));
    const next = Math.min(this.optionRows.length - 1, Math.max(0, at + delta));
    this.setActive(/** @type {number} */ (this.optionRows[next]));
  }

  /** Options that fit in the visible height (for Page Up/Down). */
  pageSize() {
    return Math.max(1, Math.floor(this.listbox.clientHeight / OPTION_HEIGHT) - 1);
  }

  /** @param {number} rowIndex */
  setActive(rowIndex) {
    if (this.rows[rowIndex]?.kind !== 'option' || rowIndex === this.active) return;
    this.active = rowIndex;
    this.scrollIntoView(rowIndex);
    this.render();
  }

  /**
   * Makes a rendered option active without re-rendering (the pointer moved onto it): replacing the
   * elements under the pointer would lose a click that is under way.
   * @param {number} rowIndex
   */
  hover(rowIndex) {
    if (this.rows[rowIndex]?.kind !== 'option' || rowIndex === this.active) return;
    const next = document.getElementById(optionId(rowIndex));
    if (!next) return;
    document.getElementById(optionId(this.active))?.setAttribute('aria-selected', 'false');
    next.setAttribute('aria-selected', 'true');
    this.active = rowIndex;
    this.input.setAttribute('aria-activedescendant', next.id);
  }

  /** The row index of an option element (from a click), or -1. @param {EventTarget | null} target */
  rowIndexOf(target) {
    const el = target instanceof Element ? target.closest('[role="option"]') : null;
    const index = el ? Number(el.getAttribute('data-row')) : -1;
    return Number.isInteger(index) && this.rows[index]?.kind === 'option' ? index : -1;
  }

  /** @param {number} rowIndex */
  scrollIntoView(rowIndex) {
    const top = /** @type {number} */ (this.offsets[rowIndex]);
    const bottom = /** @type {number} */ (this.offsets[rowIndex + 1]);
    const view = this.listbox;
    // Keep the heading above the first option of a group visible too.
    const headingAbove = this.rows[rowIndex - 1]?.kind === 'heading' ? HEADING_HEIGHT : 0;
    if (top - headingAbove < view.scrollTop) view.scrollTop = top - headingAbove;
    else if (bottom > view.scrollTop + view.clientHeight) view.scrollTop = bottom - view.clientHeight;
  }

  /** Renders the rows in view; called on every change and scroll. */
  render() {
    const { rows, offsets } = this;
    const viewTop = this.listbox.scrollTop;
    const viewBottom = viewTop + (this.listbox.clientHeight || 400);
    const first = Math.max(0, firstRowBelow(offsets, viewTop) - OVERSCAN);
    let last = first;
    while (last < rows.length && /** @type {number} */ (offsets[last]) < viewBottom) last++;
    last = Math.min(rows.length, last + OVERSCAN);

    const indexes = [];
    for (let i = first; i < last; i++) indexes.push(i);
    // The active option stays in the DOM even when scrolled away: aria-activedescendant needs it.
    if (this.active >= 0 && (this.active < first || this.active >= last)) {
      indexes.push(this.active);
      indexes.sort((a, b) => a - b);
    }

    const children = [];
    /** @type {HTMLElement | null} */
    let group = null;
    for (const i of indexes) {
      const row = /** @type {Row} */ (rows[i]);
      if (row.kind === 'heading' || !group) {
        group = document.createElement('div');
        group.setAttribute('role', 'group');
        const heading = row.kind === 'heading' ? row : headingBefore(rows, i);
        if (heading) group.setAttribute('aria-label', heading.label);
        else group.setAttribute('role', 'presentation');
        children.push(group);
      }
      group.append(row.kind === 'heading' ? this.headingElement(row, i) : this.optionElement(row, i));
    }
    this.spacer.replaceChildren(...children);

    const activeId = this.active >= 0 ? optionId(this.active) : '';
    if (activeId) this.input.setAttribute('aria-activedescendant', activeId);
    else this.input.removeAttribute('aria-activedescendant');
  }

  /** @param {import('./rows.js').HeadingRow} row @param {number} i */
  headingElement(row, i) {
    const el = document.createElement('div');
    el.className = 'heading';
    el.setAttribute('aria-hidden', 'true'); // the group's name says it to assistive technology
    el.style.top = `${this.offsets[i]}px`;
    el.textContent = row.label;
    return el;
  }

  /** @param {OptionRow} row @param {number} i */
  optionElement(row, i) {
    const el = document.createElement('div');
    el.id = optionId(i);
    el.className = 'option';
    el.setAttribute('role', 'option');
    el.setAttribute('data-row', String(i));
    el.setAttribute('aria-selected', String(i === this.active));
    el.setAttribute('aria-setsize', String(this.optionRows.length));
    el.setAttribute('aria-posinset', String(positionOf(this.optionRows, i) + 1));
    el.style.top = `${this.offsets[i]}px`;
    this.renderOption(row, el);
    return el;
  }
}

/** @param {number} rowIndex */
function optionId(rowIndex) {
  return `option-${rowIndex}`;
}

/** Index of the last row starting at or above `y` (binary search over row tops). */
function firstRowBelow(/** @type {number[]} */ offsets, /** @type {number} */ y) {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (/** @type {number} */ (offsets[mid]) <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** @param {Row[]} rows @param {number} i @returns {import('./rows.js').HeadingRow | null} */
function headingBefore(rows, i) {
  for (let j = i - 1; j >= 0; j--) {
    const row = /** @type {Row} */ (rows[j]);
    if (row.kind === 'heading') return row;
  }
  return null;
}

/** Binary search for a row index in the sorted option rows. */
function positionOf(/** @type {number[]} */ optionRows, /** @type {number} */ rowIndex) {
  let lo = 0;
  let hi = optionRows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = /** @type {number} */ (optionRows[mid]);
    if (v === rowIndex) return mid;
    if (v < rowIndex) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
