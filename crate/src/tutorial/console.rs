//! Where things are in the consoles of each site: menu paths in both languages and their URLs
//! (reference/console.md: RAM console routes; the Switch Role page and its parameters).

use super::input::Site;
use crate::checks::text::Text;
use crate::sign::encode::percent_encode_into;
use serde_json::{json, Value};

/// `aliyun.com` or `alibabacloud.com`: the domain of the site's consoles and sign-in pages.
fn domain(site: Site) -> &'static str {
    match site {
        Site::Cn => "aliyun.com",
        Site::Intl => "alibabacloud.com",
    }
}

/// A console location: the menu path a person clicks through, and the page's URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsolePath {
    pub path: Text,
    pub url: String,
}

impl ConsolePath {
    pub fn to_json(&self) -> Value {
        json!({ "en": self.path.en, "zh": self.path.zh, "url": self.url })
    }
}

fn ram(site: Site, route: &str, en: &str, zh: &str) -> ConsolePath {
    ConsolePath {
        path: Text::new(
            format!("RAM console > {en}"),
            format!("RAM 访问控制控制台 > {zh}"),
        ),
        url: format!("https://ram.console.{}{route}", domain(site)),
    }
}

pub fn create_role(site: Site) -> ConsolePath {
    ram(
        site,
        "/roles/create",
        "Identities > Roles > Create Role",
        "身份管理 > 角色 > 创建角色",
    )
}

/// `/roles/detail?roleName=<name>` (the role's Permissions and Trust Policy tabs).
fn role_detail(site: Site, role: &str, en: &str, zh: &str) -> ConsolePath {
    let mut route = String::from("/roles/detail?roleName=");
    percent_encode_into(&mut route, role);
    ram(
        site,
        &route,
        &format!("Identities > Roles > {role} > {en}"),
        &format!("身份管理 > 角色 > {role} > {zh}"),
    )
}

pub fn edit_trust(site: Site, role: &str) -> ConsolePath {
    role_detail(
        site,
        role,
        "Trust Policy > Edit Trust Policy",
        "信任策略 > 编辑信任策略",
    )
}

pub fn role_permissions(site: Site, role: &str) -> ConsolePath {
    role_detail(
        site,
        role,
        "Permissions > Grant Permission",
        "权限管理 > 新增授权",
    )
}

pub fn role_overview(site: Site, role: &str) -> ConsolePath {
    role_detail(
        site,
        role,
        "Trust Policy / Permissions",
        "信任策略 / 权限管理",
    )
}

pub fn create_policy(site: Site) -> ConsolePath {
    ram(
        site,
        "/policies",
        "Permissions > Policies > Create Policy > JSON",
        "权限管理 > 权限策略 > 创建权限策略 > 脚本编辑",
    )
}

pub fn create_user(site: Site) -> ConsolePath {
    ram(
        site,
        "/users/create",
        "Identities > Users > Create User",
        "身份管理 > 用户 > 创建用户",
    )
}

pub fn user_permissions(site: Site, user: &str) -> ConsolePath {
    ram(
        site,
        "/users",
        &format!("Identities > Users > {user} > Permissions > Add Permissions"),
        &format!("身份管理 > 用户 > {user} > 权限管理 > 新增授权"),
    )
}

pub fn users(site: Site, user: &str) -> ConsolePath {
    ram(
        site,
        "/users",
        &format!("Identities > Users > {user} > Permissions"),
        &format!("身份管理 > 用户 > {user} > 权限管理"),
    )
}

pub fn overview(site: Site) -> ConsolePath {
    ram(site, "/overview", "Overview", "概览")
}

/// The RAM user logon page of the site.
pub fn sign_in(site: Site) -> ConsolePath {
    ConsolePath {
        path: Text::new("RAM user logon", "RAM 用户登录"),
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
        path: Text::new(
            "Console > your avatar (top right) > Switch Identity",
            "控制台 > 右上角头像 > 切换身份",
        ),
        url,
    }
}

pub fn oss_buckets(site: Site) -> ConsolePath {
    ConsolePath {
        path: Text::new("OSS console > Buckets", "对象存储 OSS 控制台 > Bucket 列表"),
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
