//! `Principal`: only in trust policies, a map of known principal types to well-formed values.

use super::document::Decoder;
use super::values::{got, member};
use crate::message::PolicyMessage;
use crate::policy::finding::Finding;
use crate::policy::json::{Json, Member, Node};
use crate::policy::model::{PolicyKind, Principal, PrincipalEntry, PrincipalKind};
use crate::policy::names::check_principal;
use crate::policy::path::Path;

impl Decoder {
    /// `Some(None)`: no principal (fine in identity policies); `None`: a problem was reported.
    pub fn principal(&mut self, node: &Node, path: &Path) -> Option<Option<Principal>> {
        let m = member(node, "Principal");
        match (self.kind, m) {
            (PolicyKind::Identity, None) => return Some(None),
            (PolicyKind::Identity, Some(m)) => {
                self.report(
                    Finding::error(
                        "principal-in-identity-policy",
                        path.key("Principal"),
                        PolicyMessage::PrincipalInIdentity {},
                    )
                    .at(Some(m.key_pos))
                    .fix(PolicyMessage::FixRemovePrincipal {}, None),
                );
                return None;
            }
            (PolicyKind::Trust, None) => {
                self.report(
                    Finding::error(
                        "missing-principal",
                        path.key("Principal"),
                        PolicyMessage::MissingPrincipal {},
                    )
                    .at(Some(node.pos))
                    .fix(
                        PolicyMessage::FixAddTrusted {},
                        Some("{\"RAM\": [\"acs:ram::<trusted uid>:root\"]}".into()),
                    ),
                );
                return None;
            }
            (PolicyKind::Trust, Some(_)) => {}
        }
        let m = m?;
        let ppath = path.key("Principal");
        let Json::Object(members) = &m.value.value else {
            let snippet = match &m.value.value {
                Json::String(s) => Some(format!(
                    "{{\"RAM\": [{}]}}",
                    serde_json::Value::String(s.clone())
                )),
                _ => None,
            };
            self.report(
                Finding::error(
                    "bad-principal",
                    ppath,
                    PolicyMessage::BadPrincipal { got: got(&m.value) },
                )
                .at(Some(m.value.pos))
                .fix(PolicyMessage::FixPrincipalType {}, snippet),
            );
            return None;
        };
        if members.is_empty() {
            self.error(
                "bad-principal",
                ppath,
                m.value.pos,
                PolicyMessage::EmptyPrincipal {},
            );
            return None;
        }
        let names = PrincipalKind::ALL.map(PrincipalKind::name);
        let mut entries = Vec::new();
        let mut ok = true;
        for pm in members {
            let Some(kind) = PrincipalKind::from_name(&pm.key) else {
                ok = false;
                self.unknown_principal_type(pm, &ppath, &names);
                continue;
            };
            let epath = ppath.key(&pm.key);
            let Some(values) = self.string_list(&pm.value, &epath, &pm.key) else {
                ok = false;
                continue;
            };
            for (i, (value, vnode)) in values.iter().enumerate() {
                if let Err(bad) = check_principal(kind, value) {
                    ok = false;
                    let vpath = if matches!(pm.value.value, Json::Array(_)) {
                        epath.index(i)
                    } else {
                        epath.clone()
                    };
                    self.bad_name("malformed-principal", vpath, vnode.pos, bad);
                }
            }
            entries.push(PrincipalEntry {
                kind,
                values: values.into_iter().map(|(v, _)| v).collect(),
            });
        }
        ok.then_some(Some(Principal { entries }))
    }

    fn unknown_principal_type(&mut self, pm: &Member, ppath: &Path, names: &[&str]) {
        let near = names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(&pm.key))
            .copied();
        let finding = Finding::error(
            "unknown-principal-type",
            ppath.key(&pm.key),
            PolicyMessage::UnknownPrincipalType {
                key: pm.key.clone(),
            },
        )
        .at(Some(pm.key_pos));
        self.report(match near {
            Some(n) => finding.fix(
                PolicyMessage::FixRename {
                    name: pm.key.clone(),
                    meant: n.to_string(),
                },
                None,
            ),
            None => finding,
        });
    }
}
