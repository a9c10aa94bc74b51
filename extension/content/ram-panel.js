// The RAM console helper panel: a small collapsible box in a closed shadow root in the top layer
// (RoleHopUI.guardedHost, so the page can neither read, restyle nor fake it) that shows the
// tutorial step, the values and policy documents to paste with copy buttons, and the page checks.
// It only draws what it is given; ram-helper.js decides what. Copy buttons act on real (isTrusted)
// clicks only, and never copy from the page: the service worker copies the value it gave the panel
// (ramHelper.copy, by copy id), so the page sees no `copy` event and cannot change what is copied.
// When the worker cannot copy, the value is shown selected for the person to copy with Ctrl+C, and
// the panel says so. A classic script; its one global is RoleHopRamPanel.
const RoleHopRamPanel = (() => {
  const { t, h, guardedHost, styleElement } = RoleHopUI;

  const CSS = `
    :host { all: initial; }
    .panel {
      box-sizing: border-box; width: 360px; max-width: calc(100vw - 24px); max-height: min(70vh, 600px);
      display: flex; flex-direction: column; border-radius: 8px; overflow: hidden;
      font: 13px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif;
      color: #1d1d1f; background: #fff; border: 1px solid #c9ccd1; border-top: 4px solid #5b6cff;
      box-shadow: 0 4px 14px rgba(0, 0, 0, 0.18);
    }
    header { display: flex; align-items: center; gap: 8px; padding: 6px 8px 6px 10px; }
    .brand { font-weight: 700; }
    .title { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .body { overflow: auto; padding: 0 10px 10px; }
    .body[hidden] { display: none; }
    p { margin: 6px 0; }
    .muted { color: #5f6368; }
    h2 { font-size: 12px; margin: 10px 0 4px; text-transform: uppercase; letter-spacing: 0.03em; color: #5f6368; }
    .value { display: grid; grid-template-columns: 1fr auto; gap: 2px 6px; align-items: center; margin: 4px 0; }
    .value .label { grid-column: 1 / -1; color: #5f6368; font-size: 12px; }
    code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
    code { background: #f1f3f5; padding: 1px 4px; border-radius: 4px; }
    pre { margin: 4px 0; padding: 6px; background: #f1f3f5; border-radius: 4px; max-height: 160px; overflow: auto; white-space: pre; }
    .policy-head { display: flex; align-items: center; gap: 6px; justify-content: space-between; margin-top: 6px; }
    details { margin: 2px 0 6px; }
    summary { cursor: pointer; color: #5f6368; font-size: 12px; }
    ul.checks { list-style: none; margin: 6px 0 0; padding: 0; }
    ul.checks li { margin: 4px 0; padding: 4px 6px 4px 8px; border-left: 4px solid #adb5bd; border-radius: 4px; background: #f8f9fa; }
    ul.checks li:is([data-state="attached"], [data-state="trusts"]) { border-left-color: #2b8a3e; }
    ul.checks li:is([data-state="not-attached"], [data-state="does-not-trust"], [data-state="partly"], [data-state="invalid"]) { border-left-color: #c92a2a; }
    ul.checks li:is([data-state="unreadable"], [data-state="error"]) { border-left-color: #e67700; }
    button {
      font: inherit; font-size: 12px; padding: 2px 8px; border-radius: 6px; cursor: pointer;
      border: 1px solid #5b6cff; background: #5b6cff; color: #fff; white-space: nowrap;
    }
    button[data-copied="true"] { background: #2b8a3e; border-color: #2b8a3e; }
    button[data-copied="false"] { background: #b35c00; border-color: #b35c00; }
    .manual { margin: 4px 0 8px; padding: 6px; border-radius: 4px; border-left: 4px solid #e67700; background: #fff4e6; }
    .manual p { margin: 0 0 4px; }
    .manual textarea {
      box-sizing: border-box; width: 100%; max-height: 160px; resize: vertical; margin: 0; padding: 4px;
      font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: inherit; background: #fff;
      border: 1px solid #c9ccd1; border-radius: 4px;
    }
    .manual textarea:focus-visible { outline: 2px solid #ffb100; outline-offset: 1px; }
    button.toggle { background: transparent; color: inherit; border-color: #c9ccd1; min-width: 28px; }
    button:focus-visible, a:focus-visible, summary:focus-visible, pre:focus-visible { outline: 2px solid #ffb100; outline-offset: 2px; }
    a { color: #364fc7; }
    @media (prefers-color-scheme: dark) {
      .panel { color: #eceef2; background: #23252b; border-color: #454a55; border-top-color: #7c8aff; }
      .muted, h2, .value .label { color: #a9adb6; }
      code, pre, ul.checks li { background: #2f323a; }
      .manual { background: #3a2f1f; }
      .manual textarea { background: #23252b; border-color: #454a55; }
      a { color: #9fb0ff; }
    }
  `;

  /** @typedef {{label: string, value: string, copyId?: string}} PanelValue a copy button when copyId is given */
  /** @typedef {{name: string, text: string, note?: string, copyId?: string}} PanelPolicy */
  /** @typedef {{id: string, state: string, text: string}} PanelCheck */

  /**
   * @typedef {object} PanelView
   * @property {string} state `ready`, `no-progress`, `invalid-inputs`, `error`, `loading`
   * @property {string} page the page kind (data attribute for tests and styling)
   * @property {string} [path] the route the values are for (sent back with a copy button's id)
   * @property {string} title the one line shown when collapsed
   * @property {string} [stepId]
   * @property {string[]} lines paragraphs (progress, where, notes)
   * @property {{text: string, href: string} | null} [link] where the next step is done
   * @property {PanelValue[]} values
   * @property {PanelPolicy[]} policies
   * @property {PanelCheck[]} checks
   */

  /**
   * @param {{onToggle?: (expanded: boolean) => void}} [handlers] `onToggle` runs after the person
   *   opens or collapses the panel (to remember it)
   */
  function create({ onToggle } = {}) {
    const { root } = guardedHost('ram-helper', 'bottom: 12px; right: 12px');
    const title = h('span', { class: 'title' });
    const toggle = h('button', { type: 'button', class: 'toggle', 'aria-expanded': 'true' }, ['–']);
    const body = h('div', { class: 'body', id: 'rolehop-ram-body' });
    toggle.setAttribute('aria-controls', 'rolehop-ram-body');
    const panel = h('section', { class: 'panel', 'aria-label': t('ramHelperPanelLabel'), lang: t('htmlLang') || 'en', 'data-state': 'loading' }, [
      h('header', {}, [h('span', { class: 'brand' }, ['RoleHop']), title, toggle]),
      body,
    ]);
    const status = h('div', { role: 'status', 'aria-live': 'polite', style: 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)' });
    root.append(styleElement(CSS), panel, status);

    function setExpanded(/** @type {boolean} */ open) {
      body.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open ? '–' : '+';
      const label = t(open ? 'ramHelperCollapse' : 'ramHelperExpand');
      toggle.setAttribute('aria-label', label);
      toggle.title = label;
    }
    setExpanded(true);
    toggle.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      setExpanded(body.hidden);
      onToggle?.(!body.hidden);
    });

    let copying = false;

    /**
     * A copy button for `text` (labelled for screen readers with what it copies). The worker copies
     * it (ramHelper.copy); `place` is where the text is shown selected when it cannot.
     * @param {string} what @param {string} text @param {string} copyId @param {string} path
     * @param {(manual: HTMLElement) => void} place puts the by-hand box next to the value
     */
    function copyButton(what, text, copyId, path, place) {
      const button = h('button', { type: 'button', class: 'copy', 'aria-label': t('ramHelperCopyLabel', [what]) }, [t('ramHelperCopy')]);
      button.addEventListener('click', (event) => {
        // One copy at a time (the worker refuses a second one meanwhile): a double click copies once.
        if (!event.isTrusted || copying) return;
        copying = true;
        void copyThroughWorker(path, copyId).then((copied) => {
          copying = false;
          button.dataset.copied = String(copied);
          button.textContent = t(copied ? 'ramHelperCopied' : 'ramHelperCopyFailed');
          if (copied) {
            status.textContent = t('ramHelperCopiedWhat', [what]);
            setTimeout(() => {
              button.textContent = t('ramHelperCopy');
              delete button.dataset.copied;
            }, 2000);
          } else {
            status.textContent = t('ramHelperCopyManual', [what]);
            place(copyByHand(what, text));
          }
        });
      });
      return button;
    }

    /**
     * Asks the service worker to copy the value with this id; resolves to whether it did.
     * @param {string} path @param {string} copyId
     */
    function copyThroughWorker(path, copyId) {
      return chrome.runtime.sendMessage({ type: 'ramHelper.copy', path, copyId }).then(
        (reply) => reply?.copied === true,
        () => false,
      );
    }

    /**
     * The value shown selected, to copy with Ctrl+C, and the sentence saying so (one such box in
     * the panel at a time). The copy event of that key press is the page's to see (it is composed):
     * the box answers it itself, at its target, with its own text, and stops it there, so a
     * listener of the page that bubbles cannot change what is copied.
     * @param {string} what @param {string} text
     */
    function copyByHand(what, text) {
      body.querySelector('.manual')?.remove();
      const area = /** @type {HTMLTextAreaElement} */ (h('textarea', { readonly: '', rows: String(Math.min(8, text.split('\n').length)), spellcheck: 'false', 'aria-label': what }, [text]));
      area.addEventListener('copy', (event) => {
        const selected = area.value.slice(area.selectionStart, area.selectionEnd) || area.value;
        event.clipboardData?.setData('text/plain', selected);
        event.preventDefault();
        event.stopPropagation();
      });
      const box = h('div', { class: 'manual', 'data-manual': what }, [h('p', {}, [t('ramHelperCopyManual', [what])]), area]);
      queueMicrotask(() => {
        area.focus();
        area.select();
      });
      return box;
    }

    /** @param {PanelView} view */
    function render(view) {
      panel.dataset.state = view.state;
      panel.dataset.page = view.page;
      panel.dataset.step = view.stepId ?? '';
      title.textContent = view.title;
      title.title = view.title;
      /** @type {Node[]} */
      const parts = view.lines.map((line) => h('p', {}, [line]));
      if (view.link) parts.push(h('p', {}, [h('a', { href: view.link.href, class: 'next-link' }, [view.link.text])]));
      if (view.checks.length > 0) {
        parts.push(h('h2', {}, [t('ramHelperChecks')]));
        parts.push(h('ul', { class: 'checks' }, view.checks.map((c) => h('li', { 'data-check': c.id, 'data-state': c.state }, [c.text]))));
      }
      if (view.values.length > 0) {
        parts.push(h('h2', {}, [t('ramHelperValues')]));
        for (const v of view.values) {
          const row = h('div', { class: 'value', 'data-label': v.label }, [h('span', { class: 'label' }, [v.label]), h('code', {}, [v.value])]);
          if (v.copyId) row.append(copyButton(v.label, v.value, v.copyId, view.path ?? '', (manual) => row.after(manual)));
          parts.push(row);
        }
      }
      if (view.policies.length > 0) {
        parts.push(h('h2', {}, [t('ramHelperPolicies')]));
        for (const p of view.policies) {
          // The document folds away (the copy button is what is needed most); the note stays visible.
          const head = h('div', { class: 'policy-head', 'data-policy': p.name }, [h('strong', {}, [p.name])]);
          if (p.copyId) head.append(copyButton(p.name, p.text, p.copyId, view.path ?? '', (manual) => head.after(manual)));
          parts.push(
            head,
            h('details', {}, [h('summary', {}, [t('ramHelperShowDocument')]), h('pre', { tabindex: '0', 'aria-label': p.name }, [p.text])]),
          );
          if (p.note) parts.push(h('p', { class: 'muted' }, [p.note]));
        }
      }
      body.replaceChildren(...parts);
    }

    /**
     * Updates one check's line in place (the rest of the panel, and any focus in it, stays).
     * @param {PanelCheck} check
     */
    function updateCheck(check) {
      const item = [...body.querySelectorAll('li[data-check]')].find((li) => li.getAttribute('data-check') === check.id);
      if (!item) return false;
      if (item.getAttribute('data-state') !== check.state) status.textContent = check.text;
      item.setAttribute('data-state', check.state);
      item.textContent = check.text;
      return true;
    }

    return { render, updateCheck, setExpanded };
  }

  return Object.freeze({ create });
})();
