//! Where things are in the consoles of each site: menu paths in both languages and their URLs
//! (reference/console.md: RAM console routes; the Switch Role page and its parameters).

use super::input::Site;
use crate::message::TutorialMessage;
use crate::sign::encode::percent_encode_into;
use serde::Serialize;

/// `aliyun.com` or `alibabacloud.com`: the domain of the site's consoles and sign-in pages.
fn domain(site: Site) -> &'static str {
    match site {
        Site::Cn => "aliyun.com",
        Site::Intl => "alibabacloud.com",
    }
}

/// A console location: the menu path a person clicks through (the catalog's words), and the page's URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialConsolePath"))]
pub struct ConsolePath {
    pub path: TutorialMessage,
    pub url: String,
}

fn ram(site: Site, route: &str, path: TutorialMessage) -> ConsolePath {
    ConsolePath {
        path,
        url: format!("https://ram.console.{}{route}", domain(site)),
    }
}

pub fn create_role(site: Site) -> ConsolePath {
    ram(site, "/roles/create", TutorialMessage::PathCreateRole {})
}

/// `/roles/detail?roleName=<name>` (the role's Permissions and Trust Policy tabs).
fn role_detail(site: Site, role: &str, path: TutorialMessage) -> ConsolePath {
    let mut route = String::from("/roles/detail?roleName=");
    percent_encode_into(&mut route, role);
    ram(site, &route, path)
}

pub fn edit_trust(site: Site, role: &str) -> ConsolePath {
    let role = role.to_string();
    role_detail(
        site,
        &role,
        TutorialMessage::PathEditTrust { role: role.clone() },
    )
}

pub fn role_permissions(site: Site, role: &str) -> ConsolePath {
    let role = role.to_string();
    role_detail(
        site,
        &role,
        TutorialMessage::PathRolePermissions { role: role.clone() },
    )
}

pub fn role_overview(site: Site, role: &str) -> ConsolePath {
    let role = role.to_string();
    role_detail(
        site,
        &role,
        TutorialMessage::PathRoleOverview { role: role.clone() },
    )
}

pub fn create_policy(site: Site) -> ConsolePath {
    ram(site, "/policies", TutorialMessage::PathCreatePolicy {})
}

pub fn create_user(site: Site) -> ConsolePath {
    ram(site, "/users/create", TutorialMessage::PathCreateUser {})
}

pub fn user_permissions(site: Site, user: &str) -> ConsolePath {
    let user = user.to_string();
    ram(
        site,
        "/users",
        TutorialMessage::PathUserPermissions { user },
    )
}

pub fn users(site: Site, user: &str) -> ConsolePath {
    let user = user.to_string();
    ram(site, "/users", TutorialMessage::PathUserOverview { user })
}

pub fn overview(site: Site) -> ConsolePath {
    ram(site, "/overview", TutorialMessage::PathOverview {})
}

/// The RAM user logon page of the site.
pub fn sign_in(site: Site) -> ConsolePath {
    ConsolePath {
        path: TutorialMessage::PathSignIn {},
        url: format!("https://signin.{}/login.htm", domain(site)),
    }
}

/// The Switch Role page with both fields prefilled (the profile module's URL). The tutorial's
/// input is checked before this runs, so the URL cannot be refused; if it were, the page
/// itself is still the right place to go.
pub fn switch_role(site: Site, parent_alias: &str, role: &str) -> ConsolePath {
    let url = crate::profile::switch_url(parent_alias, role, site, None)
        .map(|s| s.url)
        .unwrap_or_else(|_| format!("https://{}/switchRole.htm", site.signin_host()));
    ConsolePath {
        path: TutorialMessage::PathSwitchRole {},
        url,
    }
}

pub fn oss_buckets(site: Site) -> ConsolePath {
    ConsolePath {
        path: TutorialMessage::PathOssBuckets {},
        url: format!("https://oss.console.{}/bucket", domain(site)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_follow_the_site() {
        assert_eq!(
            create_role(Site::Intl).url,
            "https://ram.console.alibabacloud.com/roles/create"
        );
        assert_eq!(
            switch_role(Site::Cn, "acme", "admin-oss").url,
            "https://signin.aliyun.com/switchRole.htm?parentAlias=acme&roleName=admin-oss"
        );
        assert_eq!(
            edit_trust(Site::Cn, "a.b").url,
            "https://ram.console.aliyun.com/roles/detail?roleName=a.b"
        );
    }
}
