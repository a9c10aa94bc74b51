// Finds the Switch Role form's two fields and its submit button by scoring several signals, never
// one selector: what the field is called (its <label>s, aria-label, aria-labelledby, placeholder,
// title and the text of its own row, in English and Chinese), id/name hints, the value the page
// prefilled from the URL, input types, and form order. The console's page is not documented, so
// each signal alone may be missing; together they must clearly agree, or nothing is touched.
// The form may sit in open shadow roots or in same-origin frames (`srcdoc`, or a page of the same
// host): both are searched; a cross-origin frame's document is out of reach (null), as it must be.
// Elements of a frame belong to another realm, so types are told by tag name, not `instanceof`.
// A classic script: its one global, RoleHopSwitchFields, lives in the extension's isolated world.
const RoleHopSwitchFields = (() => {
  /** A field needs at least this score (one label naming it well, or two weaker hints). */
  const FIELD_THRESHOLD = 4;
  const BUTTON_THRESHOLD = 5;

  /** @typedef {{strong: string[], weak: string[]}} Words */

  /** @type {Words} */
  const ACCOUNT_WORDS = {
    strong: [
      'enterprise alias', 'default domain', 'account alias', 'parent alias', 'account uid', 'account id',
      '企业别名', '默认域名', '主账号', '账号别名', '帐号别名', '账号 id', '账号id', '账号uid',
    ],
    weak: ['alias', 'domain', 'account', 'uid', 'onaliyun', '别名', '域名', '账号', '帐号'],
  };
  /** @type {Words} */
  const ROLE_WORDS = {
    strong: ['role name', 'rolename', 'name of the role', '角色名称', '角色名'],
    weak: ['role', '角色'],
  };
  /** Words of other inputs that may sit on the same page. */
  const OTHER_INPUT_WORDS = [
    'password', 'captcha', 'verification', 'search', 'phone', 'mobile', 'e-mail', 'email',
    '密码', '验证码', '搜索', '手机', '邮箱', '短信',
  ];
  const SUBMIT_EXACT = ['submit', 'switch', 'switch role', 'switch identity', 'confirm', 'ok', '提交', '切换', '切换身份', '确定', '确认'];
  const SUBMIT_WORDS = ['submit', 'switch', '提交', '切换'];
  const NOT_SUBMIT_WORDS = ['cancel', 'back', 'exit', 'reset', 'return', 'clear', 'help', '取消', '返回', '重置', '退出', '清空', '帮助'];
  const ID_HINT_ACCOUNT = /alias|parent|domain|account|uid/i;
  const ID_HINT_ROLE = /role/i;
  /** Input types a name or alias can be typed into (an input without a type reports 'text'). */
  const TEXT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url']);

  /** @typedef {HTMLInputElement} Field */
  /**
   * @typedef {object} SwitchForm
   * @property {Field} account the enterprise alias / default domain / UID field
   * @property {Field} role the role-name field
   * @property {HTMLElement | null} submit the button that submits the switch (null: not found)
   */

  /** How deep frames inside frames are searched (sign-in pages nest one at most). */
  const MAX_FRAME_DEPTH = 3;

  /**
   * Every element of `root`, including those inside open shadow roots and same-origin frames.
   * @param {Document | ShadowRoot} root
   * @param {string} selector
   * @param {number} [depth] frames entered so far
   * @returns {Element[]}
   */
  function queryDeep(root, selector, depth = 0) {
    const found = [...root.querySelectorAll(selector)];
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) found.push(...queryDeep(el.shadowRoot, selector, depth));
      const inner = depth < MAX_FRAME_DEPTH ? frameDocument(el) : null;
      if (inner) found.push(...queryDeep(inner, selector, depth + 1));
    }
    return found;
  }

  /**
   * The document of a same-origin <iframe>/<frame> (null for any other element, and for a
   * cross-origin frame, whose document the browser does not give).
   * @param {Element} el
   * @returns {Document | null}
   */
  function frameDocument(el) {
    if (el.localName !== 'iframe' && el.localName !== 'frame') return null;
    try {
      return /** @type {HTMLIFrameElement} */ (el).contentDocument;
    } catch {
      return null;
    }
  }

  /**
   * The same-origin frames' documents under `doc` (their fields count as the page's own).
   * @param {Document} doc
   * @returns {Document[]}
   */
  function frameDocuments(doc, depth = 0) {
    if (depth >= MAX_FRAME_DEPTH) return [];
    return [...doc.querySelectorAll('iframe, frame')].flatMap((el) => {
      const inner = frameDocument(el);
      return inner ? [inner, ...frameDocuments(inner, depth + 1)] : [];
    });
  }

  /** @param {Element} el @param {string} tag lower-case tag name */
  const isTag = (el, tag) => el.localName === tag && el.namespaceURI === 'http://www.w3.org/1999/xhtml';

  /** @param {Element} el */
  function isVisible(el) {
    if (el.getClientRects().length === 0) return false;
    // The element's own window: a frame's element is styled by its frame.
    const style = (el.ownerDocument.defaultView ?? window).getComputedStyle(el);
    return style.visibility !== 'hidden' && style.visibility !== 'collapse';
  }

  /** @param {string | null | undefined} text */
  function norm(text) {
    return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  }

  /** @param {string} text @param {Words} words 6 for a strong word, 3 for a weak one, else 0 */
  function wordScore(text, words) {
    if (!text) return 0;
    if (words.strong.some((w) => text.includes(w))) return 6;
    if (words.weak.some((w) => text.includes(w))) return 3;
    return 0;
  }

  /**
   * Text that names the field, by source, each normalised.
   * @param {Field} input
   * @param {Field[]} candidates
   */
  function namesOf(input, candidates) {
    const root = /** @type {Document | ShadowRoot} */ (input.getRootNode());
    const labelledBy = (input.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => root.getElementById?.(id)?.textContent ?? '')
      .join(' ');
    return {
      label: norm([...(input.labels ?? [])].map((l) => l.textContent).join(' ')),
      aria: norm(`${input.getAttribute('aria-label') ?? ''} ${labelledBy}`),
      placeholder: norm(`${input.placeholder} ${input.title}`),
      row: norm(rowText(input, candidates)),
      hint: `${input.id} ${input.name} ${input.getAttribute('autocomplete') ?? ''}`,
    };
  }

  /**
   * The text of the input's own row: its nearest ancestor (up to 4 levels) holding no other
   * candidate input, i.e. where a label without `for` usually sits.
   * @param {Field} input
   * @param {Field[]} candidates
   */
  function rowText(input, candidates) {
    let row = null;
    let node = input.parentElement;
    for (let depth = 0; node && depth < 4; depth += 1, node = node.parentElement) {
      const current = node;
      if (candidates.some((other) => other !== input && current.contains(other))) break;
      row = current;
    }
    const text = row?.textContent ?? '';
    return text.length > 200 ? '' : text;
  }

  /**
   * How strongly the input looks like the field described by `words`.
   * @param {ReturnType<typeof namesOf>} names
   * @param {Words} words
   * @param {RegExp} idHint
   * @param {string} prefilled the URL parameter the page prefills this field from ('' if none)
   * @param {string} value the input's current value
   */
  function fieldScore(names, words, idHint, prefilled, value) {
    let score =
      wordScore(names.label, words) +
      wordScore(names.aria, words) +
      wordScore(names.placeholder, words) * 0.9 +
      wordScore(names.row, words) * 0.7 +
      (idHint.test(names.hint) ? 3 : 0);
    if (prefilled && value.trim() === prefilled) score += 4;
    const all = `${names.label} ${names.aria} ${names.placeholder}`;
    if (OTHER_INPUT_WORDS.some((w) => all.includes(w))) score -= 10;
    return score;
  }

  /** @param {Element} el @returns {el is HTMLInputElement} */
  function isTextInput(el) {
    return (
      isTag(el, 'input') &&
      TEXT_TYPES.has(/** @type {HTMLInputElement} */ (el).type) &&
      !(/** @type {HTMLInputElement} */ (el).disabled) &&
      !(/** @type {HTMLInputElement} */ (el).readOnly) &&
      isVisible(el)
    );
  }

  /**
   * The two fields and the submit button, or null when they cannot be told apart with confidence.
   * @param {Document} doc
   * @param {{parentAlias?: string, roleName?: string}} prefill the URL's values, if any
   * @returns {SwitchForm | null}
   */
  function find(doc, prefill = {}) {
    const candidates = queryDeep(doc, 'input').filter(isTextInput);
    if (candidates.length < 2) return null;
    const scored = candidates.map((input, index) => {
      const names = namesOf(input, candidates);
      return {
        input,
        index,
        account: fieldScore(names, ACCOUNT_WORDS, ID_HINT_ACCOUNT, prefill.parentAlias ?? '', input.value),
        role: fieldScore(names, ROLE_WORDS, ID_HINT_ROLE, prefill.roleName ?? '', input.value),
      };
    });
    // Form order: the account field comes first on the page, the role field right after it.
    for (const s of scored) {
      const next = scored[s.index + 1];
      if (next && sameForm(s.input, next.input)) {
        s.account += 1;
        next.role += 1;
      }
    }
    let best = null;
    for (const a of scored) {
      for (const r of scored) {
        if (a === r || a.account < FIELD_THRESHOLD || r.role < FIELD_THRESHOLD) continue;
        // A field that reads as "role" much more than as "account" is not the account field.
        if (a.role > a.account || r.account > r.role) continue;
        const total = a.account + r.role + (a.index < r.index ? 1 : 0);
        if (!best || total > best.total) best = { account: a.input, role: r.input, total };
      }
    }
    if (!best) return null;
    return { account: best.account, role: best.role, submit: findSubmit(doc, best.account, best.role) };
  }

  /** @param {Element} a @param {Element} b */
  function sameForm(a, b) {
    const formOf = (/** @type {Element} */ el) => el.closest('form') ?? el.getRootNode();
    return formOf(a) === formOf(b);
  }

  /**
   * @param {Document} doc
   * @param {Field} account
   * @param {Field} role
   * @returns {HTMLElement | null}
   */
  function findSubmit(doc, account, role) {
    const form = role.closest('form') ?? account.closest('form');
    let best = null;
    for (const el of queryDeep(doc, 'button, input[type="submit"], input[type="button"], [role="button"]')) {
      if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml' || !isVisible(el)) continue;
      const text = norm(
        isTag(el, 'input') ? /** @type {HTMLInputElement} */ (el).value : `${el.textContent} ${el.getAttribute('aria-label') ?? ''}`,
      );
      let score = 0;
      if (SUBMIT_EXACT.includes(text)) score += 6;
      else if (SUBMIT_WORDS.some((w) => text.includes(w))) score += 4;
      if (el.getAttribute('type') === 'submit' || (isTag(el, 'button') && /** @type {HTMLButtonElement} */ (el).type === 'submit' && /** @type {HTMLButtonElement} */ (el).form)) {
        score += 3;
      }
      if (form && form.contains(el)) score += 3;
      if (role.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) score += 1;
      if (NOT_SUBMIT_WORDS.some((w) => text.includes(w))) score -= 10;
      if (score >= BUTTON_THRESHOLD && (!best || score > best.score)) best = { el: /** @type {HTMLElement} */ (el), score };
    }
    return best?.el ?? null;
  }

  /**
   * Sets an input's value the way a person typing does, so page frameworks (React, Vue, ...)
   * notice: the native value setter, then `input` and `change` events.
   * @param {Field} input
   * @param {string} value
   */
  function setValue(input, value) {
    if (input.value === value) return;
    // The setter of the input's own realm (a frame's input has its frame's).
    const realm = /** @type {typeof globalThis} */ (input.ownerDocument.defaultView ?? window);
    const setter = Object.getOwnPropertyDescriptor(realm.HTMLInputElement.prototype, 'value')?.set;
    if (setter) setter.call(input, value);
    else input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Whether the button can be pressed now (SPAs often disable it until the form is valid). */
  function isEnabled(/** @type {HTMLElement} */ button) {
    return !(isTag(button, 'button') || isTag(button, 'input')
      ? /** @type {HTMLButtonElement | HTMLInputElement} */ (button).disabled
      : button.getAttribute('aria-disabled') === 'true');
  }

  return Object.freeze({ find, setValue, isEnabled, frameDocuments });
})();
