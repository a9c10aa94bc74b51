//! The requests of the profile calls, as the caller writes them: serde types read by the one
//! path-reporting reader (crate/src/read/). Unknown fields are ignored. Where a request used to
//! be checked part by part (a profile's id before its other fields, every profile before the
//! next is read, the switch target before the marker), it is read in the same stages, so the
//! first problem named is the one named before.

use crate::error::{Error, Result};
use crate::message::{ContractMessage, ProfileMessage};
use crate::profile::fields::{build, check_id, Key, Problem, Values};
use crate::profile::{Profile, Site};
use crate::read::child_path;
use crate::read::Unknown;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// `profileParse`'s request.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProfileParseInput<'a> {
    pub text: &'a str,
    /// For profiles without `site`; default `cn`.
    #[serde(borrow)]
    #[cfg_attr(test, ts(optional = nullable, as = "Option<Site>"))]
    pub default_site: Option<&'a str>,
}

/// `profileSerialize`'s request.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProfileSerializeInput {
    /// Profiles to write; derived fields (`accountKind`, `accountUid`, `line`) are recomputed.
    #[cfg_attr(test, ts(as = "Vec<ProfileFields<'_>>"))]
    pub profiles: ProfileList,
}

/// `profileImport`'s request (its `format` is checked before the rest is read).
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProfileImportInput<'a> {
    #[cfg_attr(test, ts(type = "\"aliyun-cli\""))]
    pub format: de::IgnoredAny,
    /// The text of `~/.aliyun/config.json`. Credentials in it are never read into profiles.
    pub text: &'a str,
    #[serde(borrow)]
    #[cfg_attr(test, ts(optional = nullable, as = "Option<Site>"))]
    pub default_site: Option<&'a str>,
}

/// `profileExport`'s request, as TypeScript sees it: read in two stages, the profiles (each
/// checked) before the options.
#[cfg(test)]
#[derive(ts_rs::TS)]
pub struct ProfileExportInput<'a> {
    #[ts(flatten)]
    pub profiles: ExportProfiles,
    #[ts(flatten)]
    pub options: ExportOptions<'a>,
}

/// `profileExport`'s format and profiles.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ProfileExportProfiles"))]
pub struct ExportProfiles {
    #[cfg_attr(test, ts(type = "\"aliyun-cli\""))]
    pub format: de::IgnoredAny,
    #[cfg_attr(test, ts(as = "Vec<ProfileFields<'_>>"))]
    pub profiles: ProfileList,
}

/// `profileExport`'s options, read once every profile passed.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ProfileExportOptions", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct ExportOptions<'a> {
    /// An existing config.json to merge into; its other profiles and keys are kept.
    #[serde(borrow)]
    pub base: Option<&'a str>,
    /// New profiles become `ChainableRamRoleArn` from this profile (else `RamRoleArn`).
    #[serde(borrow)]
    pub source_profile: Option<&'a str>,
}

/// `switchUrl`'s request, as TypeScript sees it: read in two stages, the target (checked) before
/// the marker.
#[cfg(test)]
#[derive(ts_rs::TS)]
pub struct SwitchUrlInput<'a> {
    #[ts(flatten)]
    pub profile: SwitchProfile<'a>,
    #[ts(flatten)]
    pub marker: SwitchMarker<'a>,
}

/// `switchUrl`'s target.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "SwitchUrlProfile"))]
pub struct SwitchProfile<'a> {
    /// A profile, or only what a switch needs; `null` and `""` fields are absent. Required
    /// (refused without it in words of its own).
    #[serde(borrow)]
    #[cfg_attr(test, ts(as = "SwitchTarget<'_>"))]
    pub profile: Option<SwitchTarget<'a>>,
}

/// What `switchUrl` reads of a profile (its other fields are ignored).
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct SwitchTarget<'a> {
    #[serde(borrow)]
    pub account: Option<&'a str>,
    #[serde(borrow)]
    pub role_name: Option<&'a str>,
    #[serde(borrow)]
    pub role_arn: Option<&'a str>,
    #[serde(borrow)]
    #[cfg_attr(test, ts(as = "Option<Site>"))]
    pub site: Option<&'a str>,
}

/// `switchUrl`'s marker, read once the target passed.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "SwitchUrlMarker"))]
pub struct SwitchMarker<'a> {
    /// 8-64 of `[A-Za-z0-9_-]`; appended as `#rolehop=<marker>`.
    #[serde(borrow)]
    #[cfg_attr(test, ts(optional = nullable))]
    pub marker: Option<&'a str>,
}

/// A profile as a request gives it: `id` and the text fields (`null` and `""` are absent).
/// `accountKind`, `accountUid` and `line`, if given, are ignored: they are recomputed.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct ProfileFields<'a> {
    /// Checked as it is read, before the other fields.
    #[serde(borrow)]
    #[cfg_attr(test, ts(as = "&str"))]
    pub id: ProfileId<'a>,
    #[serde(borrow)]
    pub display_name: Option<&'a str>,
    #[serde(borrow)]
    pub account: Option<&'a str>,
    #[serde(borrow)]
    pub role_name: Option<&'a str>,
    #[serde(borrow)]
    pub role_arn: Option<&'a str>,
    #[serde(borrow)]
    #[cfg_attr(test, ts(as = "Option<Site>"))]
    pub site: Option<&'a str>,
    #[serde(borrow)]
    pub group: Option<&'a str>,
    #[serde(borrow)]
    pub color: Option<&'a str>,
    #[serde(borrow)]
    pub note: Option<&'a str>,
}

/// A profile id that passed `check_id`; another is refused as a value (`What::Value`), worded by
/// [`refused`].
pub struct ProfileId<'a>(pub &'a str);

impl<'de: 'a, 'a> Deserialize<'de> for ProfileId<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let id = <&str>::deserialize(d)?;
        match check_id(id) {
            Ok(()) => Ok(ProfileId(id)),
            Err(_) => Err(de::Error::invalid_value(de::Unexpected::Str(id), &"an id")),
        }
    }
}

/// The profiles of a request, each read and then checked ([`profile_from`]) before the
/// next is read: the first problem in the list is the one named. A problem ends the read with
/// the list holding it (the reader's own failures are about JSON types).
pub struct ProfileList(pub Result<Vec<Profile>>);

impl<'de> Deserialize<'de> for ProfileList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Items;
        impl<'de> Visitor<'de> for Items {
            type Value = ProfileList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut items: A,
            ) -> std::result::Result<ProfileList, A::Error> {
                let mut checked = Checked::default();
                while let Some(fields) = items.next_element::<ProfileFields>()? {
                    if let Err(e) = checked.push(fields) {
                        return Ok(ProfileList(Err(e)));
                    }
                }
                Ok(ProfileList(Ok(checked.profiles)))
            }
        }
        d.deserialize_seq(Items)
    }
}

/// Words what the reader refused in a profile request: a profile id (the only value these
/// requests refuse as they are read).
pub fn refused(u: Unknown<'_>) -> Error {
    match check_id(u.field) {
        Err(e) => Error::invalid_said(u.path, e.message),
        Ok(()) => Error::invalid_said(u.path, ContractMessage::ProfileInvalid {}),
    }
}

/// The site a request names (`defaultSite`), at `path`; none is `cn`.
pub fn site(name: Option<&str>, path: &str) -> Result<Site> {
    let Some(name) = name else {
        return Ok(Site::Cn);
    };
    Site::from_name(name).ok_or_else(|| {
        let text = ProfileMessage::ProfileSiteInvalid { value: name.into() };
        Error::invalid_said(path, text)
    })
}

/// Profiles read one by one ([`ProfileList`]): each checked as the parser checks them,
/// and against the ids before it.
#[derive(Default)]
struct Checked {
    profiles: Vec<Profile>,
    /// Each id in lower case, and the index of its profile.
    ids: std::collections::HashMap<String, usize>,
}

impl Checked {
    fn push(&mut self, fields: ProfileFields) -> Result<()> {
        let i = self.profiles.len();
        let p = profile_from(&fields)
            .map_err(|problems| first_problem(&format!("$.profiles[{i}]"), problems))?;
        if let Some(first) = self.ids.insert(p.id.to_ascii_lowercase(), i) {
            let text = ContractMessage::ProfilesDuplicateId {
                id: p.id.clone(),
                first: format!("$.profiles[{first}]"),
            };
            return Err(Error::invalid_said(format!("$.profiles[{i}].id"), text));
        }
        self.profiles.push(p);
        Ok(())
    }
}

/// One JSON profile, checked by the same rules as the INI text (derived fields such as
/// `accountKind`, `accountUid` and `line` are recomputed, not read). Its id passed as it was read.
pub fn profile_from(fields: &ProfileFields) -> std::result::Result<Profile, Vec<Problem>> {
    let id = fields.id.0;
    let mut values: Values = [None; 8];
    for (key, value) in [
        (Key::DisplayName, fields.display_name),
        (Key::Account, fields.account),
        (Key::RoleName, fields.role_name),
        (Key::RoleArn, fields.role_arn),
        (Key::Site, fields.site),
        (Key::Group, fields.group),
        (Key::Color, fields.color),
        (Key::Note, fields.note),
    ] {
        // "" is absent, and a display name equal to the id is none.
        values[key.index()] = value.filter(|v| !v.is_empty());
    }
    if values[Key::DisplayName.index()] == Some(id) {
        values[Key::DisplayName.index()] = None;
    }
    build(id, &values, Site::Cn)
}

/// The first problem `build` found, at its field of the profile at `path`.
pub fn first_problem(path: &str, problems: Vec<Problem>) -> Error {
    match problems.into_iter().next() {
        Some(p) => Error::said(p.kind, p.message).at(child_path(path, p.key.json_name())),
        None => Error::invalid_said(path, ContractMessage::ProfileInvalid {}),
    }
}
