//! Which company's account something is about: A owns the role and the buckets, B's users switch
//! in. One type for the checks (a check's or a request's side) and the tutorial's setup (the side
//! "Do it for me" works on); serialised as `"A"` / `"B"`.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AccountSide {
    A,
    B,
}

impl AccountSide {
    /// `"A"` or `"B"`, as the contract writes it.
    pub fn name(self) -> &'static str {
        match self {
            AccountSide::A => "A",
            AccountSide::B => "B",
        }
    }
}
