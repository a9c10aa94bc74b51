//! The sizes the policy calls accept (design decision 7: bounded work on any input). Generous for
//! real use: RAM itself accepts documents of 6,144 characters and ARNs of about a kilobyte;
//! anything larger is refused up front with what the limit is, instead of being worked on
//! without bound.

use crate::error::{Error, Result};
use crate::message::PolicyMessage;

pub use crate::policy::document::{check_document, MAX_DOCUMENT_BYTES};

/// The largest request text of `policyLint`, `policySimulate` and `policyBuild` (a batch of
/// requests with its documents).
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// The longest principal, action, resource, context key or context value of a simulated
/// request (an OSS object ARN is at most about 1,100 characters).
pub const MAX_REQUEST_FIELD_CHARS: usize = 2048;

/// At most this many requests times document bytes per call: each request is decided against
/// every statement.
pub const MAX_BATCH_WORK: u64 = 1 << 28;

/// The answer's explanations (`detail: "full"`) may be about this large, plus
/// `EXPLANATION_FACTOR` times the request's size.
pub const EXPLANATION_BASE: usize = 32 * 1024 * 1024;
pub const EXPLANATION_FACTOR: usize = 8;

/// The request text of a policy call.
pub fn check_input(input: &str) -> Result<()> {
    if input.len() <= MAX_INPUT_BYTES {
        return Ok(());
    }
    Err(Error::invalid_said(
        "$",
        PolicyMessage::InputTooLarge {
            size: input.len(),
            max: MAX_INPUT_BYTES,
        },
    ))
}

/// One text field of a simulated request at `path`.
pub fn check_field(text: &str, path: &str) -> Result<()> {
    // Bytes bound characters from above: count only when the bytes exceed the limit.
    if text.len() <= MAX_REQUEST_FIELD_CHARS || text.chars().count() <= MAX_REQUEST_FIELD_CHARS {
        return Ok(());
    }
    Err(Error::invalid_said(
        path,
        PolicyMessage::FieldTooLong {
            size: text.chars().count(),
            max: MAX_REQUEST_FIELD_CHARS,
        },
    ))
}

/// `requests` requests against documents of `document_bytes` bytes in all.
pub fn check_batch(requests: usize, document_bytes: usize) -> Result<()> {
    let work = (requests as u64).saturating_mul(document_bytes.max(1) as u64);
    if work <= MAX_BATCH_WORK {
        return Ok(());
    }
    let most = MAX_BATCH_WORK / document_bytes.max(1) as u64;
    Err(Error::invalid_said(
        "$.requests",
        PolicyMessage::BatchTooLarge {
            requests,
            bytes: document_bytes,
            most: most as usize,
        },
    ))
}

/// The explanations' budget for a request of `input_bytes`.
pub fn explanation_budget(input_bytes: usize) -> usize {
    EXPLANATION_BASE.saturating_add(input_bytes.saturating_mul(EXPLANATION_FACTOR))
}

/// The error when the explanations would pass `budget` bytes.
pub fn explanations_too_large(budget: usize) -> Error {
    Error::invalid_said("$.detail", PolicyMessage::ExplanationsTooLarge { budget })
}
