// "About RoleHop": the core's version and a live self-check, both answered by the service worker
// (so they also prove the worker's copy of the core works). Run after the profile list is ready,
// so they never compete with it.

import { t } from '../shared/i18n.js';
import { sendMessage, replyError } from '../shared/messages.js';

/** @param {string} id @returns {HTMLElement} */
function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`popup.html has no #${id}`);
  return el;
}

export async function showVersion() {
  const versionEl = byId('core-version');
  const signingEl = byId('core-signing');
  try {
    const reply = await sendMessage({ type: 'core.version' });
    const error = replyError(reply);
    if (error || !('version' in reply)) throw new Error(error?.message ?? 'no version in the answer');
    versionEl.textContent = `${reply.name} ${reply.version}`;
    signingEl.textContent = reply.signing.join(', ');
  } catch (e) {
    versionEl.textContent = t('unknownValue');
    signingEl.textContent = t('statusError', errorText(e));
  } finally {
    versionEl.removeAttribute('aria-busy');
  }
}

export async function runSelfCheck() {
  const status = byId('check-status');
  const expected = byId('check-expected');
  const actual = byId('check-actual');
  const rerun = /** @type {HTMLButtonElement} */ (byId('check-rerun'));
  rerun.disabled = true;
  setStatus(status, 'pending', t('statusChecking'));
  try {
    const reply = await sendMessage({ type: 'core.selfCheck' });
    const error = replyError(reply);
    if (error || !('ok' in reply)) throw new Error(error?.message ?? 'no result in the answer');
    expected.textContent = reply.expected;
    actual.textContent = reply.actual;
    setStatus(status, reply.ok ? 'pass' : 'fail', t(reply.ok ? 'statusPass' : 'statusFail'));
  } catch (e) {
    setStatus(status, 'error', t('statusError', errorText(e)));
  } finally {
    rerun.disabled = false;
  }
}

/** Wires the "run again" button and starts both. */
export function startAbout() {
  byId('check-rerun').addEventListener('click', () => void runSelfCheck());
  void showVersion();
  void runSelfCheck();
}

/**
 * @param {HTMLElement} el
 * @param {'pending' | 'pass' | 'fail' | 'error'} result
 * @param {string} text
 */
function setStatus(el, result, text) {
  el.dataset.result = result;
  el.textContent = text;
}

/** @param {unknown} e */
function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}
