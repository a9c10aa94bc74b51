// Reads what the RAM console renders, without knowing its DOM (shared/reference/console.md): the
// permissions list of a role or user (found by its column headers, in English and Chinese) and
// the trust policy document when it is shown as text. It only reads; it never changes the page.
// A classic script; its one global is RoleHopRamReader.
const RoleHopRamReader = (() => {
  /** A permissions list's header: "Policy", "Policy Name", "Permission Policy", 权限策略(名称), 策略名称. */
  const POLICY_HEADER = /^(?:(?:permission |authorization )?polic(?:y|ies)(?: name)?|权限策略(?:名称)?|策略名称|授权策略)$/i;
  const HEADER_CELLS = 'th, [role="columnheader"], thead td, [class*="table-header" i] td';
  const TABLES = 'table, [role="table"], [role="grid"]';
  const ROWS = 'tr, [role="row"]';
  const CELLS = 'td, [role="cell"], [role="gridcell"]';
  /** An empty list's text in the console's tables (Fusion "No Data", 暂无数据, 没有数据). */
  const EMPTY_TEXT = /^(?:no data|no records?|no matching records|nothing found|暂无数据|没有数据|无数据|暂无)\.?$/i;
  const LOADING_TEXT = /^(?:loading|加载中|正在加载)(?:\.{3}|…)?$/i;
  const NAME_SEPARATORS = /[^A-Za-z0-9-]+/;

  /**
   * @typedef {object} Attachment what the permissions list says about some policy names
   * @property {'attached' | 'not-attached' | 'unreadable' | 'pending'} state `pending`: a list is
   *   there but still loading or empty without saying so (wait); `unreadable`: no list found, or
   *   it cannot answer (more pages)
   * @property {string} [found] the attached policy's name (the first of `names` listed)
   * @property {'missing' | 'paged' | 'loading'} [reason] why unreadable / pending
   * @property {number} [rows] how many policies the list showed
   */

  /** @param {Element} el */
  function text(el) {
    return (el.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
  }

  /** Elements hidden by the page (display: none, hidden, aria-hidden) do not count. @param {Element} el */
  function shown(el) {
    if (el.closest('[hidden], [aria-hidden="true"]')) return false;
    const html = /** @type {HTMLElement} */ (el);
    return typeof html.getClientRects !== 'function' || html.getClientRects().length > 0;
  }

  /**
   * The containers of the page's permissions lists: the table (or the table widget wrapping a
   * separate header and body table) around each header cell that names the policy column.
   * @param {ParentNode} root
   * @returns {Element[]}
   */
  function permissionLists(root) {
    /** @type {Set<Element>} */
    const found = new Set();
    for (const header of root.querySelectorAll(HEADER_CELLS)) {
      if (!POLICY_HEADER.test(text(header)) || !shown(header)) continue;
      let container = header.closest(TABLES);
      if (!container) continue;
      // Table widgets (Fusion's next-table, antd's ant-table) render the header and the body as
      // two tables: climb to the widget so the body's rows are included.
      for (let el = container.parentElement, depth = 0; el && depth < 6; el = el.parentElement, depth += 1) {
        if ([...el.classList].some((c) => /(?:^|[-_])table$/i.test(c))) container = el;
      }
      found.add(container);
    }
    // A list inside another found list is the same list.
    return [...found].filter((c) => ![...found].some((other) => other !== c && other.contains(c)));
  }

  /** @param {Element} row */
  function isHeaderRow(row) {
    return row.closest('thead') !== null || row.querySelector('th, [role="columnheader"]') !== null;
  }

  /** Whether the list says it is loading (aria-busy, or a shown spinner). @param {Element} list */
  function loading(list) {
    if (list.closest('[aria-busy="true"]') || list.querySelector('[aria-busy="true"]')) return true;
    return [...list.querySelectorAll('[class]')].some(
      (el) => [...el.classList].some((c) => /^(?:[a-z]+-)?(?:loading|spinner|spin)(?:-(?:tip|indicator|icon|dot))?$/i.test(c)) && shown(el),
    );
  }

  /** Whether more pages follow (a pager offering page 2 or a next-page button that works). @param {Element} list */
  function paged(list) {
    const scope = list.parentElement?.parentElement ?? list;
    for (const pager of scope.querySelectorAll('[class*="pagination" i], [role="navigation"]')) {
      if (!shown(pager)) continue;
      const items = [...pager.querySelectorAll('button, a, li')];
      if (items.some((b) => text(b) === '2')) return true;
    }
    return false;
  }

  /**
   * What the page's permissions lists say about `names` (attached when any of them is listed).
   * A name counts when a cell of a data row starts with it as a whole word.
   * @param {ParentNode} root
   * @param {string[]} names
   * @returns {Attachment}
   */
  function readAttachments(root, names) {
    const lists = permissionLists(root);
    if (lists.length === 0) return { state: 'unreadable', reason: 'missing' };
    let rows = 0;
    let anyEmpty = false;
    let anyLoading = false;
    let anyPaged = false;
    for (const list of lists) {
      const dataRows = [...list.querySelectorAll(ROWS)].filter((row) => !isHeaderRow(row) && shown(row));
      let listed = 0;
      let anyEmptyRow = false;
      for (const row of dataRows) {
        const cells = [...row.querySelectorAll(CELLS)].map(text).filter(Boolean);
        if (cells.length === 0) continue;
        if (cells.length === 1 && EMPTY_TEXT.test(cells[0])) {
          anyEmptyRow = true;
          continue;
        }
        if (cells.length === 1 && LOADING_TEXT.test(cells[0])) {
          anyLoading = true;
          continue;
        }
        listed += 1;
        const firstWords = new Set(cells.map((c) => c.split(NAME_SEPARATORS).filter(Boolean)[0]));
        const hit = names.find((n) => firstWords.has(n));
        if (hit) return { state: 'attached', found: hit, rows: listed };
      }
      rows += listed;
      if (listed > 0) {
        if (paged(list)) anyPaged = true;
        continue;
      }
      // No policy rows: an empty list says so in words; otherwise it is still loading.
      const saysEmpty = anyEmptyRow || [...list.querySelectorAll('*')].some((el) => el.children.length === 0 && EMPTY_TEXT.test(text(el)) && shown(el));
      if (saysEmpty) anyEmpty = true;
      else if (loading(list)) anyLoading = true;
    }
    if (anyPaged) return { state: 'unreadable', reason: 'paged', rows };
    if (anyLoading || (rows === 0 && !anyEmpty)) return { state: 'pending', reason: 'loading', rows };
    return { state: 'not-attached', rows };
  }

  const DOCUMENT_SOURCES = [
    'textarea',
    'pre',
    'code',
    '[class*="monaco-editor" i] .view-lines',
    '.ace_text-layer',
    '.CodeMirror-code',
    '.cm-content',
    '[class*="json" i]',
    '[class*="policy-document" i]',
    '[class*="code" i]',
  ].join(', ');

  /**
   * The text of a code view: editors draw one element per line, so their lines are joined with
   * newlines; non-breaking spaces (used for indentation) become spaces.
   * @param {Element} el
   */
  function codeText(el) {
    if (el instanceof HTMLTextAreaElement) return el.value;
    const lines = el.querySelectorAll(':scope > .view-line, :scope > .ace_line, :scope > .CodeMirror-line, :scope > pre, :scope > .cm-line');
    const raw = lines.length > 1 ? [...lines].map((l) => l.textContent ?? '').join('\n') : el.textContent ?? '';
    return raw.replace(/\u00a0/g, ' ');
  }

  /**
   * @typedef {object} TrustText
   * @property {'found' | 'unreadable' | 'absent'} state `unreadable`: a policy-like text is shown
   *   but is not complete JSON (an editor showing part of it); `absent`: none on the page
   * @property {string} [text] the document, as shown
   */

  /**
   * The trust policy document shown on the page as text: the smallest shown element whose text
   * is a JSON object with a Statement (a trust policy names sts:AssumeRole or a Principal).
   * @param {ParentNode} root
   * @returns {TrustText}
   */
  function readTrustPolicy(root) {
    let sawPolicyLike = false;
    /** @type {string | null} */
    let best = null;
    for (const el of root.querySelectorAll(DOCUMENT_SOURCES)) {
      if (!shown(el)) continue;
      const raw = codeText(el);
      if (!/"Statement"/.test(raw) || !/"Principal"|sts:AssumeRole/.test(raw)) continue;
      sawPolicyLike = true;
      const start = raw.indexOf('{');
      const end = raw.lastIndexOf('}');
      if (start < 0 || end <= start) continue;
      const candidate = raw.slice(start, end + 1);
      try {
        const parsed = JSON.parse(candidate);
        if (typeof parsed !== 'object' || parsed === null || !('Statement' in parsed)) continue;
      } catch {
        continue;
      }
      if (best === null || candidate.length < best.length) best = candidate;
    }
    if (best !== null) return { state: 'found', text: best };
    return { state: sawPolicyLike ? 'unreadable' : 'absent' };
  }

  return Object.freeze({ readAttachments, readTrustPolicy });
})();
