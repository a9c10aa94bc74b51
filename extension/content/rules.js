// Generated from crate/src/rules/text.rs by crate/tests/rules_js.rs: do not edit.
// Regenerate with ./build.sh types.
// The core's text rules for the content scripts (classic scripts share this global).

const RoleHopRules = Object.freeze({
  /** An account UID: 16 digits. */
  UID: /^[0-9]{16}$/,
  /** A RAM role name: 1-64 letters, digits, `.` and `-`. */
  ROLE_NAME: /^[A-Za-z0-9.-]{1,64}$/,
  /** A RAM user name: 1-64 letters, digits, `.`, `_`, `@` and `-`. */
  USER_NAME: /^[A-Za-z0-9._@-]{1,64}$/,
  /** The one-use marker of a switch RoleHop started: 8-64 letters, digits, `_` and `-`. */
  MARKER: /^[A-Za-z0-9_-]{8,64}$/,
  /** An OSS bucket name: 3-63 lowercase letters, digits and `-`, starting and ending with a letter or digit. */
  BUCKET: /^(?![-])[a-z0-9-]{3,63}(?<![-])$/,
});
