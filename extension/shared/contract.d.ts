// Types of the core's JSON contract (crate/src/contract) and of the service worker's messages.
// Type declarations only: used by `tsc --checkJs` through JSDoc `import('...')` types; never shipped.
//
// Three kinds of declarations meet here:
// - GENERATED from the core's Rust types: ./generated/core.d.ts, re-exported below. Never edit it;
//   change the Rust type and run `./build.sh types` (crate/src/contract/typescript.rs; `./build.sh test`
//   fails when the file is stale).
// - GENERATED from the service worker's message schema (background/messages.js): the messages and
//   their replies' types, ./generated/messages.d.ts, re-exported below (also `./build.sh types`).
// - WRITTEN BY HAND, in this file: the contract shapes that are not one Rust type (`request`'s
//   per-action fields, from a table; the per-kind map of `sign`'s generated answers; `consoleSignin`'s
//   steps, each made of generated types), in the section
//   marked [core, by hand]; the shapes the service worker's messages carry and other browser-only
//   shapes, in the sections marked [browser, by hand]. tests/unit/contract-declarations.test.js checks real outputs of the core
//   against both.

export * from './generated/core';
export * from './generated/messages';
import type { Message, MessageType, Replies } from './generated/messages';
import type {
  ConsoleAnswerInput,
  ConsoleAssumeInput,
  ConsoleAssumeMode,
  ConsoleAssumeRequest,
  ConsoleHttpAnswer,
  ConsoleLoginInput,
  ConsoleReadOnlyAccount,
  ConsoleRefusedRole,
  ConsoleStepAnswer,
  ConsoleTokenInput,
  CoreErrorResult,
  FormRequest,
  ActionName,
  ApiCredentials,
  ApiRequestFields,
  ApiResponseInput,
  ChainLink,
  CheckId,
  CoreError,
  CoreMessage,
  OssHeaderSignature,
  OssPresignedUrl,
  PolicyFinding,
  PostPolicySignature,
  ProfileError,
  ProfileParseResult,
  RpcSignature,
  Scalar,
  SignRequest,
  SkippedProfile,
  TutorialAudience,
  TutorialConsolePath,
  VersionInfo,
} from './generated/core';

/** The core's error kinds, by their older name. */
export type CoreErrorKind = import('./generated/core').ErrorKind;

// ---------------------------------------------------------------------------------------------
// [core, by hand] The JSON contract: what is not one Rust type
// ---------------------------------------------------------------------------------------------

// `sign()`'s request (SignRequest, Scalar, ...) is generated from crate/src/contract/sign/input.rs.

/** The result of `sign()` for each request kind. */
export interface SignResults {
  rpc: RpcSignature;
  oss: OssHeaderSignature;
  "oss-presign": OssPresignedUrl;
  "post-policy": PostPolicySignature;
}

export type SignResult = SignResults[keyof SignResults];

// `request()`'s common fields (ApiRequestFields, ApiCredentials) and `parseResponse()`'s input
// (ApiResponseInput) are generated from crate/src/contract/{request,parse}.rs.

/** `request()`'s input: the common fields, and the action's own camelCase fields (`api::field_spec`). */
export interface ApiRequestInput extends ApiRequestFields {
  [field: string]: Scalar | null | undefined | ApiCredentials;
}

/**
 * `consoleSignin()`'s input: one step of Open console. Each step's fields are generated types; the
 * core reads `assume`'s in turns (`readOnly`, then `accountUid` for a read-only session, then the
 * rest) and `answer`'s `roleArn` only for a refusal (crate/src/contract/console.rs).
 */
export type ConsoleSigninInput =
  | ({ step: "assume" } & ConsoleAssumeMode & Partial<ConsoleReadOnlyAccount> & ConsoleAssumeInput)
  | ({ step: "answer"; action: "GetCallerIdentity" | "AssumeRole" } & ConsoleAnswerInput & ConsoleRefusedRole)
  | ({ step: "token" } & ConsoleTokenInput)
  | ({ step: "tokenAnswer" } & ConsoleHttpAnswer)
  | ({ step: "login" } & ConsoleLoginInput);

/** `consoleSignin()`'s answer to each step (generated types). */
export interface ConsoleSigninAnswers {
  assume: ConsoleAssumeRequest;
  answer: Extract<ConsoleStepAnswer, { result: unknown } | { refusal: unknown }>;
  token: FormRequest;
  tokenAnswer: Extract<ConsoleStepAnswer, { signinToken: unknown } | { refusal: unknown }>;
  login: Extract<ConsoleStepAnswer, { url: unknown }>;
}

// `policyBuild()`, `policyLint()` and `policySimulate()`: their inputs (PolicyBuildInput,
// PolicyLintInput, PolicySimulateInput) and answers (PolicyLintResult, PolicySimulateResult) are
// generated from crate/src/contract/policy/.

// ---------------------------------------------------------------------------------------------
// Profiles: profileParse, profileSerialize, profileImport, profileExport and switchUrl take and
// answer types generated from crate/src/contract/profile (ProfileParseInput, ProfileSerializeInput,
// ProfileImportInput, ProfileExportInput, SwitchUrlInput and their results).
// ---------------------------------------------------------------------------------------------

// Browser-only: not a shape of the core.
/**
 * A profile error as the options page lists it: the core's ProfileError, or a contract-level
 * CoreError (never expected for profile text) placed at its line:column (default 1:1) so that it
 * is not dropped; its words are then the error's `text`, or its English `message` without one.
 */
export type ShownProfileError = Omit<ProfileError, "message"> & { message: ProfileError["message"] | CoreMessage | string };

// ---------------------------------------------------------------------------------------------
// [browser, by hand] Service worker messages (extension/background/router.js)
// ---------------------------------------------------------------------------------------------

// GENERATED: `Message`, `MessageType`, `Replies` and, for the run port
// (`chrome.runtime.connect({name: "rolehop.run"})`, extension pages only), `PortMessage` and
// `PortMessageType` are in ./generated/messages.d.ts (re-exported above), written from the worker's
// one message schema (WORKER_MESSAGES and PORT_MESSAGES in background/messages.js).

/** The message of one type. */
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/**
 * Errors of the message layer (the core's own errors pass through as `CoreErrorResult`):
 * - `invalid-message`: not an object, unknown `type`, or missing / extra / mistyped fields;
 * - `not-allowed`: a known type this sender may not use (content scripts: only switch.* from the
 *   Switch Role page, identity.lookup from console pages, ramHelper.* from the RAM console);
 * - `core-unavailable`: the WebAssembly core failed to load;
 * - `internal`: a bug; the message says what failed.
 */
export type MessageErrorKind = "invalid-message" | "not-allowed" | "core-unavailable" | "internal";

export interface MessageError {
  error: { kind: MessageErrorKind; message: string };
}

/** What `sendMessage` resolves to for a message type. */
export type ReplyOf<T extends MessageType> = Replies[T] | CoreErrorResult | MessageError;

// ---------------------------------------------------------------------------------------------
// [browser, by hand] Content scripts (extension/content/, extension/background/switch.js)
// ---------------------------------------------------------------------------------------------

/** What a content script learns of a profile: never its text, never a secret. */
export interface ProfileRef {
  id: string;
  displayName: string;
  color?: string;
}

/** `switch.context`: was this Switch Role page opened by RoleHop (a recorded pending switch)? */
export interface SwitchContext {
  fromRoleHop: boolean;
  /** True only when fromRoleHop AND the user enabled settings.autoSubmit. */
  autoSubmit: boolean;
  profile?: ProfileRef;
}

/** `switch.validate`: the core's verdict on an account + role pair, and the profile it already is. */
export interface SwitchValidation {
  ok: boolean;
  /** Each problem's field and what is wrong with it, in the catalog's words. */
  problems: Array<{ field: "parentAlias" | "roleName"; message: CoreMessage }>;
  profile?: ProfileRef;
}

/** The console tab's answer to the popup's `chrome.tabs.sendMessage(tabId, {type: "identity.get"})`. */
export interface ConsoleIdentity {
  accountUid?: string;
  accountType?: "main" | "sub" | "sts";
  roleName?: string;
  sessionName?: string;
  source: "page-config" | "top-nav" | "page-config+top-nav" | "none";
}

// ---------------------------------------------------------------------------------------------
// [browser, by hand] RAM console helper panel (extension/content/ram-helper.js, extension/background/ram-helper.js)
// ---------------------------------------------------------------------------------------------

/** A RAM console page, as background/ram-pages.js reads its address. */
export interface RamPage {
  kind: "roles" | "role-create" | "role-detail" | "users" | "user-create" | "user-detail" | "policies" | "overview" | "other";
  roleName?: string;
  userName?: string;
  userId?: string;
}

/** A tutorial step as the panel names it. */
export interface RamHelperStepRef {
  id: string;
  tutorialStep: 1 | 2 | 3 | 4;
  title: CoreMessage;
  consolePath: TutorialConsolePath;
  done: boolean;
}

/** The step whose work is done on this page, with the values to paste. */
export interface RamHelperStep extends RamHelperStepRef {
  /** `copyId` (for `ramHelper.copy`) on the values with a copy button. */
  values: Array<{ label: CoreMessage; value: string; copy: boolean; copyId?: string }>;
}

/** `ramHelper.context`: everything the panel shows for one page (tutorial values only; nothing secret). */
export interface RamHelperContext {
  /** `no-progress`: the workbench has no values yet; `invalid-inputs`: the core refused them (see problem). */
  state: "ready" | "no-progress" | "invalid-inputs";
  page: RamPage;
  /** The console's site (from its host). */
  site: "cn" | "intl";
  /** The site the workbench's values are for. */
  tutorialSite?: "cn" | "intl";
  /** The audience the workbench remembers: steps done, and the first step not done. */
  progress?: { audience: TutorialAudience; done: number; total: number; next?: RamHelperStepRef };
  step?: RamHelperStep;
  /** Policy documents to paste on this page. */
  /** `title`: how the panel names the document (a catalog message). */
  policies: Array<{ name: string; type: string; title: CoreMessage; text: string; assumed: boolean; copyId: string }>;
  /** Attachments to read from the page's permissions list: attached when any of `policies` is listed. */
  checks: Array<{ id: "role-policy" | "user-policy"; subject: "role" | "user"; name?: string; policies: string[] }>;
  /** Read the trust policy shown on this page and send it with ramHelper.checkTrust. */
  trustCheck: boolean;
  /** The page is about another role or user than the tutorial's (no checks then). */
  otherSubject?: { kind: "role" | "user"; name: string; expected: string };
  /** The core's error for the workbench's values. */
  problem?: { message: string; path?: string };
  /** The chain of the workbench's last finished checks run for these values. */
  chain?: ChainLink[];
}

/**
 * `ramHelper.copy`: whether the worker copied the value. Not copied: `stale` (this page's context no
 * longer offers that value), `busy` (a copy for this tab is under way), `too-often` (30 in the last
 * minute), `not-front-tab` (the tab is not the one shown in the focused window), `unavailable`
 * (the browser refused the clipboard write).
 */
export type RamHelperCopy =
  | { copied: true }
  | { copied: false; reason: "stale" | "busy" | "too-often" | "not-front-tab" | "unavailable" };

/** `ramHelper.checkTrust`: the core's verdict on the trust policy text read from the page. */
export interface RamHelperTrust {
  /** `no-tutorial`: no usable workbench values to compare with; `invalid`: not a valid trust policy. */
  verdict: "trusts" | "partly" | "does-not-trust" | "invalid" | "no-tutorial";
  /** B's account UID. */
  account?: string;
  roleArn?: string;
  /** Each expected principal, with the simulator's explanation (one message per sentence). */
  principals: Array<{ principal: string; allowed: boolean; explanation: CoreMessage[] }>;
  /** The linter's errors and security warnings (at most 5). */
  findings: Array<{ level: string; code: string; message: CoreMessage; path?: string }>;
  problem?: { message: string; path?: string; line?: number; column?: number };
}

// ---------------------------------------------------------------------------------------------
// [browser, by hand] Credentials (extension/background/credentials.js): kept only in chrome.storage.session
// ---------------------------------------------------------------------------------------------

/** `a`: company A (owns the role and buckets); `b`: company B's RAM user. */
export type CredentialSide = "a" | "b";

/** What a page sends: an AccessKey pair, or STS credentials with their token. */
export interface CredentialInput {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** STS only, ISO 8601 UTC. */
  expiration?: string;
}

/** All a page ever learns about stored credentials. */
export interface CredentialSummary {
  kind: "access-key" | "sts";
  /** Masked: `LTAI****abcd`. */
  accessKeyId: string;
  expiration?: string;
  savedAt: number;
}

export interface CredentialsStatus {
  a: CredentialSummary | null;
  b: CredentialSummary | null;
  storage: "session";
}

/** `credentials.set` with something unusable: every problem, by field, with a stable code. */
export interface InvalidCredentialsError {
  error: {
    kind: "invalid-credentials";
    message: string;
    /** The first problem's words for the page (`workbenchCred_<code>`). */
    text: CoreMessage;
    problems: Array<{ field: string; code: string; message: string }>;
  };
}

// ---------------------------------------------------------------------------------------------
// Open console (extension/background/console.js)
// ---------------------------------------------------------------------------------------------

/** The profile fields Open console uses. */
export interface ConsoleProfile {
  id: string;
  displayName: string;
  site: "cn" | "intl";
  roleArn?: string;
  accountUid?: string;
  color?: string;
}

/** The console tab was opened: as whom, until when, and (Firefox) in which container. */
export interface ConsoleOpened {
  opened: { arn: string; expiration: string; readOnly: boolean; container?: string };
}

/** Why Open console stopped, with the message saying what to do. */
export interface ConsoleFailure {
  kind: "no-credentials" | "profile" | "containers" | "input" | "unreachable" | "caller" | "assume-role" | "clock-skew" | "token";
  text: CoreMessage | string;
  /** The policy document the fix names (a refused AssumeRole's diagnosis), to show and copy. */
  policy?: string;
}
