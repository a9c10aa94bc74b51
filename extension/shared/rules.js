// Generated from crate/src/rules/text.rs by crate/tests/rules_js.rs: do not edit.
// Regenerate with ./build.sh types.
// The core's text rules for pages and the service worker.

/** An account UID: 16 digits. */
export const UID = /^[0-9]{16}$/;

/** A RAM role name: 1-64 letters, digits, `.` and `-`. */
export const ROLE_NAME = /^[A-Za-z0-9.-]{1,64}$/;

/** A RAM user name: 1-64 letters, digits, `.`, `_`, `@` and `-`. */
export const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;

/** The one-use marker of a switch RoleHop started: 8-64 letters, digits, `_` and `-`. */
export const MARKER = /^[A-Za-z0-9_-]{8,64}$/;

/** An OSS bucket name: 3-63 lowercase letters, digits and `-`, starting and ending with a letter or digit. */
export const BUCKET = /^(?![-])[a-z0-9-]{3,63}(?<![-])$/;
