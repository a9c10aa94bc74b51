// The `rolehop.run` port: an extension page connects, asks for a checks run or a setup run, and
// receives the progress as it happens; "Do it for me" waits on this port for the user's decision
// before each write. Only the extension's own pages may connect (content scripts are
// disconnected at once, as are other extensions); every message is validated like the router's.

import { classifySender } from './senders.js';
import { validatePortMessage } from './messages.js';
import { runChecks } from './checks.js';
import { runSetup } from './setup.js';

export const RUN_PORT_NAME = 'rolehop.run';

/**
 * @typedef {object} RunPortOptions
 * @property {Promise<any>} core
 * @property {string} extensionId
 * @property {string} extensionBase
 */

/**
 * The chrome.runtime.onConnect listener.
 * @param {RunPortOptions} options
 * @returns {(port: chrome.runtime.Port) => void}
 */
export function createRunPortListener({ core, extensionId, extensionBase }) {
  return (port) => {
    if (port.name !== RUN_PORT_NAME) return; // another module's port
    const from = classifySender(port.sender ?? {}, { extensionId, extensionBase });
    if (from !== 'extension-page') {
      post(port, { event: 'error', error: { kind: 'not-allowed', message: 'only RoleHop\'s own pages may run checks or setup' } });
      port.disconnect();
      return;
    }
    serve(port, core);
  };
}

/** @param {chrome.runtime.Port} port @param {Promise<any>} corePromise */
function serve(port, corePromise) {
  let busy = false;
  let connected = true;
  const abort = new AbortController();
  /** @type {((decision: import('./setup.js').Decision) => void) | null} */
  let pendingConfirm = null;
  /** @type {string | null} */
  let pendingStep = null;

  port.onDisconnect.addListener(() => {
    connected = false;
    abort.abort();
    pendingConfirm?.('cancel');
  });

  port.onMessage.addListener(async (raw) => {
    const checked = validatePortMessage(raw);
    if (!checked.ok) {
      post(port, { event: 'error', error: { kind: 'invalid-message', message: checked.reason } });
      return;
    }
    const message = checked.message;
    if (message.type === 'run.keepalive') return; // its arrival alone resets the worker's idle timer
    if (message.type === 'setup.confirm' || message.type === 'setup.cancel') {
      const decision = message.type === 'setup.cancel' ? 'cancel' : message.decision;
      if (!pendingConfirm || (message.type === 'setup.confirm' && message.stepId !== pendingStep)) {
        post(port, { event: 'error', error: { kind: 'invalid-message', message: `nothing is waiting for a decision on ${message.type === 'setup.confirm' ? message.stepId : 'this port'}` } });
        return;
      }
      if (decision !== 'send' && decision !== 'send-all' && decision !== 'cancel') {
        post(port, { event: 'error', error: { kind: 'invalid-message', message: `decision must be "send", "send-all" or "cancel", got ${JSON.stringify(decision)}` } });
        return;
      }
      const resolve = pendingConfirm;
      pendingConfirm = null;
      pendingStep = null;
      resolve(decision);
      return;
    }
    if (busy) {
      post(port, { event: 'error', error: { kind: 'busy', message: 'a run is already going on this port' } });
      return;
    }
    busy = true;
    try {
      const core = await corePromise;
      if (message.type === 'checks.run') {
        // The core's wasm modules a run needs, loaded at its first (extension/shared/core.js).
        await core.load?.('api', 'checks');
        const outcome = await runChecks(core, message.inputs, {
          signal: abort.signal,
          onProgress: (update) => connected && post(port, { event: 'checks.progress', ...update }),
        });
        post(port, 'error' in outcome ? { event: 'error', error: outcome.error } : { event: 'checks.done', ...outcome });
      } else {
        await core.load?.('api', 'checks', 'tutorial');
        const outcome = await runSetup(core, message.inputs, {
          confirm: ({ stepId, operation, request }) => new Promise((resolve) => {
            if (!connected) return resolve('cancel');
            pendingConfirm = resolve;
            pendingStep = stepId;
            post(port, { event: 'setup.confirm', stepId, operation, request });
          }),
          onProgress: (update) => connected && post(port, update),
        });
        post(port, outcome.error ? { event: 'error', error: outcome.error } : { event: 'setup.done', result: outcome });
      }
    } catch (e) {
      post(port, { event: 'error', error: { kind: 'internal', message: `${message.type} failed: ${e instanceof Error ? e.message : e}` } });
    } finally {
      busy = false;
    }
  });
}

/** Posts unless the page has gone. @param {chrome.runtime.Port} port @param {unknown} event */
function post(port, event) {
  try {
    port.postMessage(event);
  } catch {
    // The page closed: nothing to tell.
  }
}
