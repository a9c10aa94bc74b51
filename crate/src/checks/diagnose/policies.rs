//! Attached policies as the simulator sees them: the live text from GetPolicy when it was read,
//! else the catalog's assumed text of a system policy, else unknown (and said so).

use crate::api::{ApiResult, PolicyListResult};
use crate::checks::facts::Facts;
use crate::checks::known::{id, listed_policies};
pub use crate::checks::loaded_policies::{from_input, Loaded};
use crate::policy::eval::{Context, Decision, Request, Simulator, Trace};
use crate::policy::model::PolicyKind;
use crate::policy::{explain, parse, Explanation};

/// The policies a ListPoliciesFor* answer listed (`side` 'a' or 'b' names the GetPolicy ids).
pub fn from_listing(facts: &Facts, side: char, listing: &PolicyListResult) -> Loaded {
    let mut loaded = Loaded::new();
    for (policy_type, name) in listed_policies(listing) {
        let text = match facts.success(&id::get_policy(side, &policy_type, &name)) {
            Some(ApiResult::Policy(read)) => read.default_policy_version.as_ref(),
            _ => None,
        };
        let live = text.and_then(|v| parse(&v.policy_document, PolicyKind::Identity).ok());
        match live {
            Some(policy) => loaded.add(&name, &policy, false),
            None if policy_type == "System" && loaded.add_catalog(&name) => {}
            None => loaded.unknown.push(name),
        }
    }
    loaded
}

/// One decision with its explanation.
pub fn decide(
    simulator: &Simulator,
    principal: Option<&str>,
    action: &str,
    resource: &str,
    context: &[(&str, &str)],
) -> (Decision, Explanation) {
    let mut ctx = Context::default();
    for (key, value) in context {
        ctx.insert(key, &[value]);
    }
    let request = Request {
        principal: principal.map(str::to_string),
        action: action.to_string(),
        resource: resource.to_string(),
        context: ctx,
    };
    let mut trace = Trace::default();
    let decision = simulator.decide(&request, &mut trace);
    let explanation = explain(simulator, &request, decision, &trace);
    (decision, explanation)
}
