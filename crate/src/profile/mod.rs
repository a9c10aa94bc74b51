//! Switch profiles: the INI text users keep in a repository (`[profile <id>]` sections with
//! `account`, `role_name` / `role_arn`, `display_name`, `color`, `group`, `site`, `note`), its
//! parser (every error with line:column and what was expected), the checks of the documented
//! alias, UID and role-name rules, the canonical serialiser, the aliyun CLI's `config.json`
//! import and export, and the Switch Role page URLs.
//!
//! Layers: `ini` (one line -> header or key = value), `fields` (values -> a checked
//! [`Profile`]; `hidden` is its rule for invisible formatting characters), `parse` (text -> profiles + errors), `serialize` (profiles -> canonical text),
//! `aliyun_cli` (config.json <-> profiles), `switch` (profile -> URLs).

pub mod account;
pub mod aliyun_cli;
pub mod fields;
pub mod hidden;
mod ini;
pub mod model;
mod parse;
mod serialize;
pub mod switch;

pub use model::{AccountKind, Fix, Parsed, Profile, ProfileError, Site};
pub use parse::{parse, MAX_ERRORS};
pub use serialize::to_text;
pub use switch::{switch_url, SwitchField, SwitchUrl};
