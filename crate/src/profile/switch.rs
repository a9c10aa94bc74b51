//! The console's Switch Role page for a profile, and the page that switches back.
//! `https://signin.aliyun.com/switchRole.htm?parentAlias=<account>&roleName=<role>` (the
//! international site: `signin.alibabacloud.com`), with `#rolehop=<marker>` when RoleHop starts
//! the switch: the fragment never reaches the server, and tells RoleHop's content script which
//! pending switch this page belongs to.

use super::account::{self, invalid, Invalid};
use super::model::Site;
use crate::message::ProfileMessage;
use crate::rules::text::MARKER;
use crate::sign::encode::percent_encode_into;
use serde::Serialize;

/// The URLs of one switch (`switchUrl`'s answer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "SwitchUrlResult"))]
#[serde(rename_all = "camelCase")]
pub struct SwitchUrl {
    pub url: String,
    pub exit_url: String,
    pub site: Site,
    pub parent_alias: String,
    pub role_name: String,
}

/// Which input was wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwitchField {
    Account,
    RoleName,
    Marker,
}

/// A marker: 8-64 letters, digits, `_` and `-`.
pub fn check_marker(marker: &str) -> Result<(), Invalid> {
    if let Some((i, c)) = marker.chars().enumerate().find(|&(_, c)| !MARKER.allows(c)) {
        let character = c.to_string();
        return Err(invalid(
            ProfileMessage::ProfileMarkerCharacter { character },
            i,
        ));
    }
    if !(MARKER.min..=MARKER.max).contains(&marker.len()) {
        let count = marker.len();
        return Err(invalid(ProfileMessage::ProfileMarkerLength { count }, 0));
    }
    Ok(())
}

/// The switch and exit URLs for an account and role on a site. Both values are checked
/// (a URL is only ever built for names the Switch Role page can accept) and percent-encoded.
pub fn switch_url(
    account_text: &str,
    role_name: &str,
    site: Site,
    marker: Option<&str>,
) -> Result<SwitchUrl, (SwitchField, Invalid)> {
    account::account(account_text).map_err(|e| (SwitchField::Account, e))?;
    account::role_name(role_name).map_err(|e| (SwitchField::RoleName, e))?;
    if let Some(m) = marker {
        check_marker(m).map_err(|e| (SwitchField::Marker, e))?;
    }
    let host = site.signin_host();
    let mut url = String::with_capacity(96);
    url.push_str("https://");
    url.push_str(host);
    url.push_str("/switchRole.htm?parentAlias=");
    percent_encode_into(&mut url, account_text);
    url.push_str("&roleName=");
    percent_encode_into(&mut url, role_name);
    if let Some(m) = marker {
        url.push_str("#rolehop=");
        url.push_str(m);
    }
    Ok(SwitchUrl {
        url,
        exit_url: format!("https://{host}/exitSwitchedRole.htm"),
        site,
        parent_alias: account_text.to_string(),
        role_name: role_name.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let s = switch_url("acme", "admin-oss", Site::Cn, None).unwrap();
        assert_eq!(
            s.url,
            "https://signin.aliyun.com/switchRole.htm?parentAlias=acme&roleName=admin-oss"
        );
        assert_eq!(s.exit_url, "https://signin.aliyun.com/exitSwitchedRole.htm");
        let s = switch_url(
            "acme.onaliyun.com",
            "r.1",
            Site::Intl,
            Some("0123456789abcdef"),
        )
        .unwrap();
        assert_eq!(s.url, "https://signin.alibabacloud.com/switchRole.htm?parentAlias=acme.onaliyun.com&roleName=r.1#rolehop=0123456789abcdef");
        assert_eq!(
            switch_url("acme", "a b", Site::Cn, None).unwrap_err().0,
            SwitchField::RoleName
        );
        assert_eq!(
            switch_url("acme", "r", Site::Cn, Some("short"))
                .unwrap_err()
                .0,
            SwitchField::Marker
        );
        assert_eq!(
            switch_url("a&b", "r", Site::Cn, None).unwrap_err().0,
            SwitchField::Account
        );
    }
}
