//! The fast path of `policySimulate` for well-formed batches (`requests`): typed deserialisation
//! that borrows from the input instead of building a `serde_json::Value` per request, which is
//! most of the cost of a large batch. Anything unusual (an escaped string, a null or nested
//! context value, a duplicate key, a field of the wrong type) makes it step aside, and the checked
//! path reads the request and reports the precise error; both share the policy loading and the
//! simulator, so they cannot decide differently.

use super::answer::SimulateAnswer;
use super::limits;
use super::loaded::{load_policies, Detail, Explanations, PolicyInputs};
use super::values::to_value;
use crate::error::Result;
use crate::policy::eval::{Request, Trace};
use crate::policy::explain;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

#[derive(Deserialize)]
struct Batch<'a> {
    #[serde(rename = "identityPolicies")]
    identity_policies: Option<Value>,
    #[serde(rename = "sessionPolicy")]
    session_policy: Option<Value>,
    #[serde(rename = "trustPolicy")]
    trust_policy: Option<Value>,
    #[serde(borrow)]
    requests: Vec<FastRequest<'a>>,
    /// Only to notice `request` beside `requests` (the checked path explains that error).
    request: Option<Value>,
    detail: Option<Detail>,
}

#[derive(Deserialize)]
struct FastRequest<'a> {
    #[serde(borrow)]
    principal: Option<&'a str>,
    #[serde(borrow)]
    action: &'a str,
    #[serde(borrow)]
    resource: Option<&'a str>,
    #[serde(borrow)]
    context: Option<FastContext<'a>>,
}

/// `{"key": value or [values]}` with scalar values, in order.
struct FastContext<'a>(Vec<(&'a str, Scalars<'a>)>);

/// A context value: a scalar or an array of scalars, as the text the simulator compares. One
/// value (the usual case) needs no vector.
enum Scalars<'a> {
    One(Cow<'a, str>),
    Many(Vec<Cow<'a, str>>),
}

impl<'a> Scalars<'a> {
    fn as_slice(&self) -> &[Cow<'a, str>] {
        match self {
            Scalars::One(v) => std::slice::from_ref(v),
            Scalars::Many(vs) => vs,
        }
    }
}

/// `Some(result)` when the input is a well-formed batch; `None` to use the checked path.
pub(super) fn try_fast(input: &str) -> Option<Result<Value>> {
    let batch: Batch<'_> = serde_json::from_str(input).ok()?;
    // A request too long to simulate is refused by the checked path, with its path.
    if batch.request.is_some() || batch.requests.iter().any(FastRequest::too_long) {
        return None;
    }
    Some(run(batch, input.len()))
}

fn run(batch: Batch<'_>, input_bytes: usize) -> Result<Value> {
    let loaded = load_policies(PolicyInputs {
        identity: batch.identity_policies.as_ref(),
        session: batch.session_policy.as_ref(),
        trust: batch.trust_policy.as_ref(),
    })?;
    let detail = batch.detail.unwrap_or_default();
    limits::check_batch(batch.requests.len(), loaded.document_bytes)?;
    let sim = &loaded.simulator;
    let mut trace = Trace::default();
    let mut explanations = Explanations::new(input_bytes);
    // One request, refilled for each: its strings and context keep their buffers.
    let mut request = Request::default();
    let policies = loaded.described;
    let answer = if detail == Detail::Full {
        let mut results = Vec::with_capacity(batch.requests.len());
        for fast in &batch.requests {
            fast.fill(&mut request);
            let decision = sim.decide(&request, &mut trace);
            explanations.spend(sim, &request, &trace)?;
            results.push(explain(sim, &request, decision, &trace));
        }
        SimulateAnswer::Explanations { results, policies }
    } else {
        let mut decisions = Vec::with_capacity(batch.requests.len());
        for fast in &batch.requests {
            fast.fill(&mut request);
            decisions.push(sim.decide(&request, &mut trace));
        }
        SimulateAnswer::Decisions {
            decisions,
            policies,
        }
    };
    Ok(to_value(&answer))
}

impl FastRequest<'_> {
    /// Whether a text field is past `limits::MAX_REQUEST_FIELD_CHARS`.
    fn too_long(&self) -> bool {
        let long = |s: &str| limits::check_field(s, "").is_err();
        [self.principal, Some(self.action), self.resource]
            .into_iter()
            .flatten()
            .any(long)
            || self
                .context
                .iter()
                .flat_map(|c| &c.0)
                .any(|(key, values)| long(key) || values.as_slice().iter().any(|v| long(v)))
    }

    /// Writes this request into `request`, reusing its buffers.
    fn fill(&self, request: &mut Request) {
        match (self.principal, &mut request.principal) {
            (Some(p), Some(buffer)) => {
                buffer.clear();
                buffer.push_str(p);
            }
            (p, slot) => *slot = p.map(str::to_string),
        }
        request.action.clear();
        request.action.push_str(self.action);
        request.resource.clear();
        request.resource.push_str(self.resource.unwrap_or("*"));
        request.context.clear();
        for (key, values) in self.context.iter().flat_map(|c| c.0.iter()) {
            request
                .context
                .insert_all(key, values.as_slice().iter().map(|v| v.as_ref()));
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for FastContext<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = FastContext<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of context keys")
            }
            fn visit_map<M: MapAccess<'de>>(
                self,
                mut map: M,
            ) -> std::result::Result<Self::Value, M::Error> {
                let mut entries = Vec::new();
                while let Some((key, values)) = map.next_entry::<&'de str, Scalars<'de>>()? {
                    entries.push((key, values));
                }
                Ok(FastContext(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Scalars<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor { nested: false })
    }
}

/// Reads a scalar, or (at the top level only) an array of scalars.
struct ScalarVisitor {
    nested: bool,
}

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalars<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number or boolean, or an array of them")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> std::result::Result<Self::Value, E> {
        Ok(Scalars::One(Cow::Borrowed(v)))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> std::result::Result<Self::Value, E> {
        Ok(Scalars::One(Cow::Borrowed(if v {
            "true"
        } else {
            "false"
        })))
    }

    // Numbers as serde_json::Number writes them, exactly like the checked path.
    fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Self::Value, E> {
        Ok(Scalars::One(Cow::Owned(
            serde_json::Number::from(v).to_string(),
        )))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Self::Value, E> {
        Ok(Scalars::One(Cow::Owned(
            serde_json::Number::from(v).to_string(),
        )))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Self::Value, E> {
        let n = serde_json::Number::from_f64(v).ok_or_else(|| E::custom("not a finite number"))?;
        Ok(Scalars::One(Cow::Owned(n.to_string())))
    }

    fn visit_seq<S: SeqAccess<'de>>(
        self,
        mut seq: S,
    ) -> std::result::Result<Self::Value, S::Error> {
        if self.nested {
            return Err(de::Error::custom("nested array"));
        }
        let mut values = Vec::new();
        while let Some(item) = seq.next_element_seed(NestedScalar)? {
            match item {
                Scalars::One(v) => values.push(v),
                Scalars::Many(vs) => values.extend(vs),
            }
        }
        Ok(Scalars::Many(values))
    }
}

/// One element of a context value array: a scalar only.
struct NestedScalar;

impl<'de> de::DeserializeSeed<'de> for NestedScalar {
    type Value = Scalars<'de>;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> std::result::Result<Self::Value, D::Error> {
        deserializer.deserialize_any(ScalarVisitor { nested: true })
    }
}

#[cfg(test)]
mod tests {
    use crate::contract::policy_simulate;
    use serde_json::json;

    /// The fast path and the checked path agree, including on odd but valid inputs that make the
    /// fast path step aside (escapes, numbers, nulls).
    #[test]
    fn fast_and_checked_paths_agree() {
        let policy = r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"*","Condition":{"NumericLessThan":{"oss:MaxKeys":10},"Bool":{"acs:SecureTransport":true}}}]}"#;
        let requests = json!([
            {"action": "oss:GetObject", "resource": "acs:oss:*:1:b/k", "context": {"oss:MaxKeys": 5, "acs:SecureTransport": true}},
            {"action": "oss:GetObject", "resource": "acs:oss:*:1:b/k", "context": {"oss:MaxKeys": 5.5e0, "acs:SecureTransport": [false, "true"]}},
            {"action": "oss:GetObject", "resource": "acs:oss:*:1:b/é", "principal": null, "context": {"oss:MaxKeys": "50"}},
            {"action": "oss:GetObject", "resource": "acs:oss:*:1:b/k\n", "context": null}
        ]);
        let batch = json!({ "identityPolicies": [{"name": "p", "document": policy}], "requests": requests, "detail": "decision" });
        let fast = policy_simulate(&batch.to_string()).unwrap();
        assert_eq!(
            fast["decisions"],
            json!(["Allow", "Allow", "ImplicitDeny", "ImplicitDeny"])
        );
        for (i, r) in requests.as_array().unwrap().iter().enumerate() {
            let one = json!({ "identityPolicies": [{"name": "p", "document": policy}], "request": r, "detail": "decision" });
            assert_eq!(
                policy_simulate(&one.to_string()).unwrap()["decision"],
                fast["decisions"][i],
                "request {i}"
            );
        }
        // Well-formed batches take the fast path; an escaped string makes it step aside, and the
        // answer is the same.
        let plain = json!({ "identityPolicies": [], "requests": [requests[0].clone(), requests[1].clone()] });
        assert!(super::try_fast(&plain.to_string()).is_some());
        let escaped = batch
            .to_string()
            .replace("oss:GetObject\"", "oss:Get\\u004fbject\"");
        assert!(super::try_fast(&escaped).is_none());
        assert_eq!(
            policy_simulate(&escaped).unwrap()["decisions"],
            fast["decisions"]
        );
    }

    #[test]
    fn errors_come_from_the_checked_path() {
        let e = policy_simulate(
            &json!({ "identityPolicies": [], "requests": [{"action": "a:b"}, {"resource": "*"}] })
                .to_string(),
        )
        .unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.requests[1].action"));
        let e = policy_simulate(&json!({ "identityPolicies": [], "requests": [{"action": "a:b", "context": {"k": [[1]]}}] }).to_string()).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.requests[0].context.k[0]"));
        let e = policy_simulate(
            &json!({ "identityPolicies": [], "requests": [], "request": {"action": "a:b"} })
                .to_string(),
        )
        .unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.requests"));
        let e = policy_simulate(
            &json!({ "identityPolicies": [], "requests": [], "detail": "some" }).to_string(),
        )
        .unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.detail"));
    }
}
