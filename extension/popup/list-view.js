// A virtual listbox: only the rows in view (plus a few either side, plus the active one) are in the
// DOM, so 2,000 profiles cost what 15 do. Rows have fixed heights; headings group the options that
// follow them (role=group, named by the heading). The heading of the group at the top stays in
// view (a sticky copy) while its options scroll under it, so a heading is never cut. The search
// box keeps the focus and points at the active option with aria-activedescendant (the combobox
// pattern).

/** @typedef {import('./rows.js').Row} Row */
/** @typedef {import('./rows.js').OptionRow} OptionRow */

// popup.css sizes .heading and .option to these (12 options fit the popup's 600 px).
const HEADING_HEIGHT = 28;
const OPTION_HEIGHT = 40;
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
    // The sticky heading: a copy for the eye only (the groups' names say it to assistive technology).
    this.sticky = document.createElement('div');
    this.sticky.className = 'heading sticky-heading';
    this.sticky.setAttribute('aria-hidden', 'true');
    this.sticky.hidden = true;
    listbox.replaceChildren(this.sticky, this.spacer);
    /** @type {Row[]} */
    this.rows = [];
    /** @type {number[]} top of each row, plus the total height at the end */
    this.offsets = [0];
    /** @type {number[]} row index of each option, in order */
    this.optionRows = [];
    /** @type {number[]} for each row, the index of its group's heading row (-1: none) */
    this.headingOf = [];
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
    const headingOf = new Array(rows.length);
    let heading = -1;
    let y = 0;
    for (let i = 0; i < rows.length; i++) {
      offsets[i] = y;
      if (/** @type {Row} */ (rows[i]).kind === 'option') {
        optionRows.push(i);
        y += OPTION_HEIGHT;
      } else {
        heading = i;
        y += HEADING_HEIGHT;
      }
      headingOf[i] = heading;
    }
    offsets[rows.length] = y;
    this.offsets = offsets;
    this.optionRows = optionRows;
    this.headingOf = headingOf;
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
    // Below the sticky heading (or, for a group's first option, below its own heading).
    const cover = this.headingOf[rowIndex] >= 0 ? HEADING_HEIGHT : 0;
    if (top - cover < view.scrollTop) view.scrollTop = Math.max(0, top - cover);
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
        const at = /** @type {number} */ (this.headingOf[i]);
        const heading = row.kind === 'heading' ? row : at >= 0 ? /** @type {import('./rows.js').HeadingRow} */ (rows[at]) : null;
        if (heading) group.setAttribute('aria-label', heading.label);
        else group.setAttribute('role', 'presentation');
        children.push(group);
      }
      group.append(row.kind === 'heading' ? this.headingElement(row, i) : this.optionElement(row, i));
    }
    this.spacer.replaceChildren(...children);
    this.renderSticky(viewTop);

    const activeId = this.active >= 0 ? optionId(this.active) : '';
    if (activeId) this.input.setAttribute('aria-activedescendant', activeId);
    else this.input.removeAttribute('aria-activedescendant');
  }

  /**
   * Shows the heading of the group at the top of the view while that heading is scrolled (even
   * partly) out of it, pushed up by the next heading as it arrives.
   * @param {number} viewTop
   */
  renderSticky(viewTop) {
    const top = firstRowBelow(this.offsets, viewTop);
    const headingIndex = this.headingOf[top] ?? -1;
    const heading = this.rows[headingIndex];
    if (heading?.kind !== 'heading' || /** @type {number} */ (this.offsets[headingIndex]) >= viewTop) {
      this.sticky.hidden = true;
      return;
    }
    let push = 0;
    for (let i = top + 1; i < this.rows.length; i++) {
      const y = /** @type {number} */ (this.offsets[i]);
      if (y >= viewTop + HEADING_HEIGHT) break;
      if (this.rows[i]?.kind === 'heading') {
        push = y - viewTop - HEADING_HEIGHT;
        break;
      }
    }
    this.sticky.textContent = heading.label;
    this.sticky.style.transform = push ? `translateY(${push}px)` : '';
    this.sticky.hidden = false;
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
