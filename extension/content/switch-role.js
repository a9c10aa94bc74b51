// The Switch Role page (https://signin.aliyun.com/switchRole.htm and the international host).
// Finds the form (waiting for a page that renders it late), fills it from the switch it was
// opened with, has the service worker validate the values with the core and say whether the
// switch came from RoleHop, and shows the banner. It submits by itself only when the worker says
// so (a switch RoleHop recorded, for this tab, with these values, and auto-submit on, the
// default); with auto-submit off, such a switch gets the submit button focused (one Enter switches).
// Without a switch to fill it offers to save what the user typed as a profile. When it cannot find
// the fields it says so and leaves the page alone.
// Structure: constants, state and functions first, then ONE entry point (start) at the end, so
// nothing runs before every binding it may reach is initialised, whether the form is in the page
// when the script is injected or rendered later.
(() => {
  const { t, coreMessage } = RoleHopUI;
  const Fields = RoleHopSwitchFields;

  /** How long a page may take to render the form. */
  const FORM_WAIT_MS = 8000;
  /** How long values are kept against a page that re-renders or resets its form after filling. */
  const GUARD_MS = 5000;
  const MAX_CORRECTIONS = 5;
  /** How long auto-submit waits for a disabled submit button to become enabled. */
  const ENABLE_WAIT_MS = 3000;
  const VALIDATE_DEBOUNCE_MS = 250;
  const MARKER = /(?:^|[#&])rolehop=([A-Za-z0-9_-]{8,64})(?:&|$)/;

  /**
   * @typedef {{id: string, displayName: string, color?: string}} ProfileRef
   * @typedef {{fromRoleHop: boolean, autoSubmit: boolean, profile?: ProfileRef}} SwitchContext
   * @typedef {{field: 'parentAlias' | 'roleName', message: import('../shared/contract').CoreMessage}} Problem
   * @typedef {{ok: boolean, problems: Problem[], profile?: ProfileRef}} Validation
   * @typedef {{error: {kind: string, message: string, text?: import('../shared/contract').CoreMessage}}} Failure
   */

  const url = new URL(location.href);
  const wanted = {
    parentAlias: (url.searchParams.get('parentAlias') ?? '').trim(),
    roleName: (url.searchParams.get('roleName') ?? '').trim(),
  };
  const marker = MARKER.exec(url.hash)?.[1];
  /** A switch to fill: both values came with the URL (from RoleHop, or from any link). */
  const hasSwitch = wanted.parentAlias !== '' && wanted.roleName !== '';

  /** @type {ReturnType<typeof RoleHopSwitchBanner.create>} */
  let banner;
  /** The worker's answers about the URL's switch (asked at start, while the form is looked for). */
  /** @type {Promise<SwitchContext | Failure> | null} */
  let context = null;
  /** @type {Promise<Validation | Failure> | null} */
  let validation = null;
  /** @type {ReturnType<typeof Fields.find>} */
  let form = null;
  let userEdited = false;
  let submitted = false;
  /** The last validation of the values in the fields (hand mode) or of the URL's values. */
  /** @type {Validation | null} */
  let lastValidation = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let validateTimer;

  function start() {
    // The manifest's match pattern also lets through e.g. /switchRole.htmx: only the page itself counts.
    if (location.pathname !== '/switchRole.htm' || window.top !== window) return;
    if (marker) forgetMarker();
    banner = RoleHopSwitchBanner.create({ onAction: () => void saveProfile() });
    banner.show({ state: 'looking', text: t('switchLooking') });
    if (hasSwitch) {
      context = send({ type: 'switch.context', ...(marker ? { marker } : {}), ...wanted });
      validation = send({ type: 'switch.validate', ...wanted });
    }
    waitForForm();
  }

  /** Sends a message to the service worker; a failure to reach it comes back as `{error}`. */
  function send(/** @type {Record<string, unknown>} */ message) {
    return chrome.runtime.sendMessage(message).then(
      (reply) => reply ?? { error: { kind: 'internal', message: 'no answer from the service worker' } },
      (e) => ({ error: { kind: 'internal', message: String(e?.message ?? e) } }),
    );
  }

  /** Takes the marker out of the address bar (it is one-use, and need not end up in a shared link). */
  function forgetMarker() {
    const hash = url.hash.replace(MARKER, (m) => (m.startsWith('#') ? '#' : m.endsWith('&') ? '&' : ''));
    const clean = `${url.pathname}${url.search}${hash === '#' ? '' : hash}`;
    try {
      history.replaceState(history.state, '', clean);
    } catch {
      // A page that forbids it keeps the fragment; the marker works once only anyway.
    }
  }

  /**
   * Watches this page and its same-origin frames (also frames that load or appear later) for
   * changes, calling `onChange` on each; returns the function that stops watching.
   * @param {MutationObserverInit} options
   * @param {() => void} onChange
   */
  function watchPage(options, onChange) {
    const observer = new MutationObserver(() => {
      watchFrames();
      onChange();
    });
    const watched = new WeakSet();
    function watchFrames() {
      for (const doc of [document, ...Fields.frameDocuments(document)]) {
        if (watched.has(doc)) continue;
        watched.add(doc);
        observer.observe(doc, options);
      }
    }
    // A frame's document is replaced when it loads: its `load` reaches the page's document (capture).
    const onLoad = (/** @type {Event} */ event) => {
      if (event.target instanceof Element && /^i?frame$/.test(event.target.localName)) {
        watchFrames();
        onChange();
      }
    };
    document.addEventListener('load', onLoad, true);
    watchFrames();
    return () => {
      observer.disconnect();
      document.removeEventListener('load', onLoad, true);
    };
  }

  function waitForForm() {
    form = Fields.find(document, wanted);
    if (form) return void onForm();
    const stop = watchPage({ childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'type', 'disabled', 'readonly'] }, () => {
      form = Fields.find(document, wanted);
      if (!form) return;
      stop();
      clearTimeout(timer);
      onForm();
    });
    const timer = setTimeout(() => {
      stop();
      notFound();
    }, FORM_WAIT_MS);
  }

  function notFound() {
    const values = hasSwitch ? ` ${t('switchValues', [wanted.parentAlias, wanted.roleName])}` : '';
    banner.show({ state: 'not-found', tone: 'warn', text: `${t('switchNotFound')}${values}` });
  }

  function onForm() {
    document.addEventListener('input', onUserInput, true);
    // The form in a same-origin frame: the person types there.
    if (form && form.account.ownerDocument !== document) form.account.ownerDocument.addEventListener('input', onUserInput, true);
    if (hasSwitch) {
      fill();
      guardValues();
      void decide();
    } else {
      banner.show({ state: 'hand', text: t('switchHand') });
      void validateTyped();
    }
  }

  /** Puts the URL's values in the fields (the page prefills them too; this verifies and corrects). */
  function fill() {
    if (!form) return;
    Fields.setValue(form.account, wanted.parentAlias);
    Fields.setValue(form.role, wanted.roleName);
  }

  function valuesInPlace() {
    return !!form && form.account.value === wanted.parentAlias && form.role.value === wanted.roleName;
  }

  /**
   * For a while after filling, puts the values back if the page re-renders the form or resets a
   * field by itself (never after the person edits a field).
   */
  function guardValues() {
    let corrections = 0;
    const stop = watchPage({ childList: true, subtree: true, attributes: true, characterData: true }, () => {
      if (userEdited || submitted || corrections >= MAX_CORRECTIONS) return stop();
      if (form && form.account.isConnected && form.role.isConnected && valuesInPlace()) return;
      const found = Fields.find(document, wanted);
      if (!found) return;
      form = found;
      if (!valuesInPlace()) {
        corrections += 1;
        fill();
      }
    });
    setTimeout(() => stop(), GUARD_MS);
  }

  /** The person typed in one of the fields: RoleHop stops filling and re-checks what they typed. */
  function onUserInput(/** @type {Event} */ event) {
    if (!event.isTrusted || !form || (event.target !== form.account && event.target !== form.role)) return;
    userEdited = true;
    scheduleValidation();
  }

  /** With a switch from the URL: what the worker says decides the banner and auto-submit. */
  async function decide() {
    const [ctx, checked] = await Promise.all([context, validation]);
    if (!ctx || !checked) return;
    if ('error' in ctx || 'error' in checked) {
      const error = 'error' in ctx ? ctx.error : /** @type {Failure} */ (checked).error;
      banner.show({ state: 'error', tone: 'warn', text: t('switchWorkerError', [error.message]) });
      return;
    }
    lastValidation = checked;
    if (userEdited) return void validateTyped();
    const profile = ctx.fromRoleHop ? (ctx.profile ?? null) : (checked.profile ?? null);
    if (!checked.ok) {
      banner.show({ state: 'invalid', tone: 'warn', profile, text: `${t('switchInvalid')}${sentenceGap()}${problemText(checked.problems)}` });
      return;
    }
    if (ctx.fromRoleHop && ctx.autoSubmit && form?.submit) {
      banner.show({ state: 'submitting', tone: 'ok', profile, text: t('switchSubmitting', [wanted.parentAlias, wanted.roleName]) });
      await autoSubmit(form.submit);
      return;
    }
    const key = ctx.fromRoleHop ? (form?.submit ? 'switchReadyRoleHop' : 'switchReadyNoButton') : 'switchReadyLink';
    const offerSave = !ctx.fromRoleHop && !checked.profile;
    banner.show({
      state: 'ready',
      tone: 'ok',
      profile,
      text: t(key, [wanted.parentAlias, wanted.roleName]),
      action: offerSave ? t('switchSave') : null,
    });
    // Auto-submit turned off: one more Enter switches. Only for RoleHop's own switch, never a link.
    if (ctx.fromRoleHop && form?.submit) await focusSubmit(form.submit);
  }

  /**
   * Gives the page's submit button the focus once the page enables it, unless the person has
   * moved the focus or edited a field meanwhile (their place is never taken from them).
   * @param {HTMLElement} button
   */
  async function focusSubmit(button) {
    // The button's own document: a frame's, when the form is in one.
    const doc = button.ownerDocument;
    const focusBefore = doc.activeElement;
    const enabled = await until(() => Fields.isEnabled(button), ENABLE_WAIT_MS, button);
    const untouched = doc.activeElement === focusBefore || doc.activeElement === doc.body;
    if (!enabled || userEdited || submitted || !untouched || !button.isConnected) return;
    button.focus();
  }

  /** Presses the submit button once the page enables it, if the values are still in place. */
  async function autoSubmit(/** @type {HTMLElement} */ button) {
    const enabled = await until(() => Fields.isEnabled(button), ENABLE_WAIT_MS, button);
    // Give the page's own input handlers a turn before pressing its button.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (userEdited || submitted) return;
    if (!enabled || !valuesInPlace() || !button.isConnected) {
      banner.show({ state: 'ready', tone: 'warn', text: t('switchAutoSubmitSkipped', [wanted.parentAlias, wanted.roleName]) });
      return;
    }
    submitted = true;
    button.click();
  }

  /**
   * Resolves to true once `test()` holds (checked on every change of `target`'s attributes), or
   * false after `ms`.
   * @param {() => boolean} test @param {number} ms @param {Element} target
   */
  function until(test, ms, target) {
    if (test()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!test()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(true);
      });
      observer.observe(target, { attributes: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve(test());
      }, ms);
    });
  }

  function scheduleValidation() {
    clearTimeout(validateTimer);
    validateTimer = setTimeout(() => void validateTyped(), VALIDATE_DEBOUNCE_MS);
  }

  /** Checks what is in the fields now (typed by hand) and offers to save it when it is valid and new. */
  async function validateTyped() {
    if (!form) return;
    const values = { parentAlias: form.account.value.trim(), roleName: form.role.value.trim() };
    if (!values.parentAlias || !values.roleName) {
      banner.show({ state: 'hand', text: t('switchHand') });
      return;
    }
    const checked = await send({ type: 'switch.validate', ...values });
    // Ignore an answer overtaken by more typing.
    if (form.account.value.trim() !== values.parentAlias || form.role.value.trim() !== values.roleName) return;
    if ('error' in checked) {
      banner.show({ state: 'error', tone: 'warn', text: t('switchWorkerError', [checked.error.message]) });
      return;
    }
    lastValidation = checked;
    if (!checked.ok) {
      banner.show({ state: 'invalid', tone: 'warn', text: `${t('switchInvalid')}${sentenceGap()}${problemText(checked.problems)}` });
    } else if (checked.profile) {
      banner.show({ state: 'hand', tone: 'ok', profile: checked.profile, text: t('switchKnownProfile') });
    } else {
      banner.show({ state: 'hand', tone: 'ok', text: t('switchOfferSave', [values.parentAlias, values.roleName]), action: t('switchSave') });
    }
  }

  /** The person pressed "Save as profile": the worker validates again and appends the profile. */
  async function saveProfile() {
    if (!form || !lastValidation?.ok) return;
    const values = { parentAlias: form.account.value.trim(), roleName: form.role.value.trim() };
    const reply = await send({ type: 'switch.saveProfile', ...values });
    if ('error' in reply) {
      banner.show({ state: 'error', tone: 'warn', text: t('switchSaveFailed', [reply.error.text ? coreMessage(reply.error.text) : reply.error.message]) });
      return;
    }
    const { saved, profile } = /** @type {{saved: boolean, profile: ProfileRef}} */ (reply);
    banner.show({ state: 'saved', tone: 'ok', profile, text: t(saved ? 'switchSaved' : 'switchKnownProfile') });
  }

  /** What goes between two sentences: a space in English, nothing after a Chinese full stop. */
  function sentenceGap() {
    return t('htmlLang').toLowerCase().startsWith('zh') ? '' : ' ';
  }

  /** @param {Problem[]} problems */
  function problemText(problems) {
    return problems
      .map((p) => t('switchProblem', [t(p.field === 'parentAlias' ? 'switchFieldAccount' : 'switchFieldRole'), coreMessage(p.message)]))
      .join(sentenceGap());
  }

  start();
})();
