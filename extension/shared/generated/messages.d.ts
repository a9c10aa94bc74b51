// GENERATED from the service worker's message schema (WORKER_MESSAGES and PORT_MESSAGES in
// extension/background/messages.js) by extension/build/message-types.js: do not edit. Regenerate
// with `./build.sh types`. The types it names are declared in ../contract.d.ts, which re-exports this.

import type { ApiRequestInput, ApiResponseInput, BuiltRequest, ConsoleFailure, ConsoleOpened, CredentialInput, CredentialSide, CredentialsStatus, ParsedResponse, ProfileRef, RamHelperContext, RamHelperCopy, RamHelperTrust, SelfCheckResult, SignRequest, SignResult, SwitchContext, SwitchValidation, VersionInfo } from '../contract';

/** Every message the service worker understands (chrome.runtime.sendMessage); extra or missing fields are refused. */
export type Message =
  | { type: "core.version" }
  | { type: "core.selfCheck" }
  | { type: "core.sign"; request: SignRequest }
  | { type: "core.request"; request: ApiRequestInput }
  | { type: "core.parseResponse"; response: ApiResponseInput }
  /** Credentials for this session (workbench); trusted extension pages only. */
  | { type: "credentials.set"; side: CredentialSide; credentials: CredentialInput }
  | { type: "credentials.clear"; side: CredentialSide | "all" }
  | { type: "credentials.status" }
  /** The verification checks in one go: the answer is the whole report (pages that want live progress use the run port instead). */
  | { type: "checks.run"; inputs: Record<string, unknown> }
  /** Open console (popup): the profile as the popup parsed it, and whether read-only. */
  | { type: "console.open"; profile: Record<string, unknown>; readOnly: boolean }
  /** Switch Role page: was it opened by RoleHop (a pending switch with this marker)? */
  | { type: "switch.context"; marker?: string; parentAlias: string; roleName: string }
  /** Switch Role page: the core's verdict on the account and role typed, and the profile they already are. */
  | { type: "switch.validate"; parentAlias: string; roleName: string }
  /** Switch Role page: save the account and role typed as a profile. */
  | { type: "switch.saveProfile"; parentAlias: string; roleName: string }
  /** Console pages: the profile of the identity the console shows, if there is one. */
  | { type: "identity.lookup"; accountUid: string; roleName: string }
  /** RAM console helper panel (ram-helper.js): everything it shows for the page's route. */
  | { type: "ramHelper.context"; path: string }
  /** RAM console helper panel: the verdict on a trust policy read from the page. */
  | { type: "ramHelper.checkTrust"; policy: string }
  /** RAM console helper panel: whether it is collapsed, answered, and remembered when `collapsed` is given (the worker keeps it; content scripts cannot reach storage). */
  | { type: "ramHelper.panel"; collapsed?: boolean }
  /** RAM console helper panel: a copy button pressed, as the route and one of the context's copy ids (never the text). */
  | { type: "ramHelper.copy"; path: string; copyId: string };

export type MessageType = Message["type"];

/** The answer to each message type when it succeeds. */
export interface Replies {
  "core.version": VersionInfo;
  "core.selfCheck": SelfCheckResult;
  "core.sign": SignResult;
  "core.request": BuiltRequest;
  "core.parseResponse": ParsedResponse;
  "credentials.set": CredentialsStatus;
  "credentials.clear": CredentialsStatus;
  "credentials.status": CredentialsStatus;
  "checks.run": Record<string, unknown>;
  "console.open": ConsoleOpened | { error: ConsoleFailure };
  "switch.context": SwitchContext;
  "switch.validate": SwitchValidation;
  "switch.saveProfile": { saved: boolean; profile: ProfileRef };
  "identity.lookup": { profile?: ProfileRef };
  "ramHelper.context": RamHelperContext;
  "ramHelper.checkTrust": RamHelperTrust;
  "ramHelper.panel": { collapsed: boolean };
  "ramHelper.copy": RamHelperCopy;
}

/** Messages a page sends on a `rolehop.run` port: runs that stream their progress back, and the confirmations "Do it for me" waits for. */
export type PortMessage =
  | { type: "checks.run"; inputs: Record<string, unknown> }
  | { type: "setup.run"; inputs: Record<string, unknown> }
  /** `send`: this write; `send-all`: this and every later write without asking; `cancel`: stop here. */
  | { type: "setup.confirm"; stepId: string; decision: "send" | "send-all" | "cancel" }
  | { type: "setup.cancel" }
  /** While a preview waits for the user: keeps the service worker from being stopped as idle. */
  | { type: "run.keepalive" };

export type PortMessageType = PortMessage["type"];
