// The message router: validates every message, checks the sender may send it, and answers from
// the core. Pure apart from the injected core, so it is unit-tested in Node as well.

import { classifySender } from './senders.js';
import { validateMessage } from './messages.js';
import { consolePage, PAGE_DESCRIPTIONS, switchRolePage } from './content-pages.js';
import { InvalidContentMessage } from './switch.js';
import { RAM_CONSOLE_DESCRIPTION, ramConsolePage } from './ram-helper.js';

/** @typedef {import('../shared/contract').MessageType} MessageType */
/** @typedef {import('../shared/contract').MessageOf<MessageType>} AnyMessage */
/** @typedef {import('../shared/contract').MessageErrorKind} MessageErrorKind */
/** @typedef {import('../shared/contract').MessageError} MessageError */
/** @typedef {import('../shared/core.js').Core} Core */
/** @typedef {import('./senders.js').SenderInfo} SenderInfo */

/**
 * What the worker injects for messages the core alone cannot answer (storage, network). Absent
 * in tests that exercise only the core's messages.
 * @typedef {object} Services
 * @property {Pick<typeof import('./credentials.js'), 'setCredentials' | 'clearCredentials' | 'credentialsStatus'>} [credentials]
 * @property {(inputs: Record<string, unknown>) => Promise<Record<string, unknown>>} [runChecks]
 * @property {(message: {profile: Record<string, unknown>, readOnly: boolean}) => Promise<unknown>} [openConsole]
 *   Open console (console.js)
 * @property {ReturnType<typeof import('./switch.js').createContentServices>} [content] answers the
 *   content scripts' messages (switch.*, identity.lookup)
 * @property {ReturnType<typeof import('./ram-helper.js').createRamHelperServices>} [ramHelper] answers
 *   the RAM console helper panel (ramHelper.*)
 */
/** @typedef {import('./content-pages.js').SwitchRolePage | import('./content-pages.js').ConsolePage | import('./ram-helper.js').RamConsolePage} ContentPage */
/** The core as the content services use it (profileParse, profileSerialize). */
/** @typedef {import('./profile-index.js').ProfileCore} ProfileCore */

/**
 * What each trusted message does. The core answers with a result or `{error}`; both go back as is.
 * `page` is the sender's page for content-script message types (checked before the handler runs).
 * @type {{readonly [T in MessageType]: (core: Core, message: import('../shared/contract').MessageOf<T>, services: Services, page: any) => unknown}}
 */
const HANDLERS = Object.freeze({
  'credentials.set': (_core, message, services) => service(services.credentials, message.type).setCredentials(message.side, message.credentials),
  'credentials.clear': (_core, message, services) => service(services.credentials, message.type).clearCredentials(message.side),
  'credentials.status': (_core, message, services) => service(services.credentials, message.type).credentialsStatus(),
  'checks.run': (_core, message, services) => service(services.runChecks, message.type)(message.inputs),
  'console.open': (_core, message, services) => service(services.openConsole, message.type)(message),
  'core.version': (core) => core.version(),
  'core.selfCheck': (core) => core.selfCheck(),
  'core.sign': (core, message) => core.sign(message.request),
  'core.request': (core, message) => core.request(message.request),
  'core.parseResponse': (core, message) => core.parseResponse(message.response),
  'switch.context': (_core, message, services, page) => service(services.content, message.type).switchContext(message, page),
  'switch.validate': (core, message, services, page) =>
    service(services.content, message.type).switchValidate(/** @type {ProfileCore} */ (/** @type {unknown} */ (core)), message, page),
  'switch.saveProfile': (core, message, services, page) =>
    service(services.content, message.type).switchSaveProfile(/** @type {ProfileCore} */ (/** @type {unknown} */ (core)), message, page),
  'identity.lookup': (core, message, services, page) =>
    service(services.content, message.type).identityLookup(/** @type {ProfileCore} */ (/** @type {unknown} */ (core)), message, page),
  'ramHelper.context': (core, message, services, page) => service(services.ramHelper, message.type).context(core, message, page),
  'ramHelper.checkTrust': (core, message, services, page) => service(services.ramHelper, message.type).checkTrust(core, message, page),
  'ramHelper.panel': (_core, message, services) => service(services.ramHelper, message.type).panel(message),
  'ramHelper.copy': (core, message, services, page) => service(services.ramHelper, message.type).copy(core, message, page),
});

/**
 * The core's wasm modules each message needs (extension/shared/core.js), loaded at the first
 * message that needs them: a worker woken for a switch never compiles the checks, one woken for
 * `core.version` compiles the api module beside the profiles module it starts at once.
 * @type {Partial<Record<MessageType, import('../shared/core.js').CoreModule[]>>}
 */
const CORE_MODULES = Object.freeze({
  'checks.run': ['api', 'checks'],
  'console.open': ['api'],
  'core.version': ['api'],
  'core.selfCheck': ['api'],
  'core.sign': ['api'],
  'core.request': ['api'],
  'core.parseResponse': ['api'],
  'switch.validate': ['profiles'],
  'switch.saveProfile': ['profiles', 'transfer'],
  'identity.lookup': ['profiles'],
  'ramHelper.context': ['tutorial'],
  'ramHelper.checkTrust': ['tutorial', 'policy'],
  'ramHelper.copy': ['tutorial'],
});

/** Every page rule's name in "accepted only from" errors. */
const DESCRIPTIONS = Object.freeze({ ...PAGE_DESCRIPTIONS, 'ram-console': RAM_CONSOLE_DESCRIPTION });

/**
 * Message types content scripts may send, each only from the exact pages its content script runs
 * on (content-pages.js; decided from the browser's sender, never from the message). Extension
 * pages cannot send these either: they are bound to a web page.
 * @type {Readonly<Record<string, {kind: keyof typeof DESCRIPTIONS, page: (sender: SenderInfo) => ContentPage | null}>>}
 */
const CONTENT_SCRIPT_PAGES = Object.freeze({
  'switch.context': { kind: 'switch-role', page: switchRolePage },
  'switch.validate': { kind: 'switch-role', page: switchRolePage },
  'switch.saveProfile': { kind: 'switch-role', page: switchRolePage },
  'identity.lookup': { kind: 'console', page: consolePage },
  'ramHelper.context': { kind: 'ram-console', page: ramConsolePage },
  'ramHelper.checkTrust': { kind: 'ram-console', page: ramConsolePage },
  'ramHelper.panel': { kind: 'ram-console', page: ramConsolePage },
  'ramHelper.copy': { kind: 'ram-console', page: ramConsolePage },
});

/** @type {ReadonlySet<MessageType>} */
export const CONTENT_SCRIPT_TYPES = new Set(/** @type {MessageType[]} */ (Object.keys(CONTENT_SCRIPT_PAGES)));

/**
 * @param {{core: Promise<Core>, extensionId: string, extensionBase: string, services?: Services}} options
 * @returns {(message: unknown, sender: SenderInfo) => Promise<unknown>}
 */
export function createRouter({ core, extensionId, extensionBase, services = {} }) {
  return async function route(message, sender) {
    const from = classifySender(sender, { extensionId, extensionBase });
    if (from === 'foreign') {
      return messageError('not-allowed', 'messages from other extensions are not accepted');
    }
    const checked = validateMessage(message);
    if (!checked.ok) return messageError('invalid-message', checked.reason);
    const { type } = checked.message;
    if (from === 'content-script' && !CONTENT_SCRIPT_TYPES.has(type)) {
      return messageError('not-allowed', `content scripts may not send ${type} messages`);
    }
    const rule = Object.prototype.hasOwnProperty.call(CONTENT_SCRIPT_PAGES, type) ? CONTENT_SCRIPT_PAGES[type] : null;
    const page = rule ? rule.page(sender) : null;
    if (rule && !page) {
      return messageError('not-allowed', `${type} messages are accepted only from ${DESCRIPTIONS[rule.kind]}`);
    }
    let loaded;
    try {
      loaded = await core;
      const modules = CORE_MODULES[type];
      // A stand-in core (tests) has no `load`: it has every function at once, or none it needs.
      if (modules) await loaded?.load?.(...modules);
    } catch (e) {
      return messageError('core-unavailable', `the WebAssembly core failed to load: ${errorText(e)}`);
    }
    try {
      const handler = /** @type {(core: Core, message: AnyMessage, services: Services, page: ContentPage | null) => unknown} */ (HANDLERS[type]);
      return await handler(loaded, checked.message, services, page);
    } catch (e) {
      if (e instanceof InvalidContentMessage) return messageError('invalid-message', e.message);
      return messageError('internal', `${type} failed: ${errorText(e)}`);
    }
  };
}

/**
 * @param {MessageErrorKind} kind
 * @param {string} message
 * @returns {MessageError}
 */
export function messageError(kind, message) {
  return { error: { kind, message } };
}

/**
 * @template S
 * @param {S | undefined} injected
 * @param {MessageType} type
 * @returns {S}
 */
function service(injected, type) {
  if (injected === undefined) throw new Error(`no service answers ${type} in this router`);
  return injected;
}

/** @param {unknown} e */
function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}
