//! What to do about an API error, in English and Chinese, for the codes RoleHop's checks meet.
//! Matching is by code (exact or family prefix), refined by the action and the message.

use super::action::{Action, Service};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub en: String,
    pub zh: String,
}

impl Hint {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Hint {
        Hint {
            en: en.into(),
            zh: zh.into(),
        }
    }
}

/// What is known about an error when choosing its hint.
pub struct Context<'a> {
    pub action: Action,
    pub code: &'a str,
    pub message: &'a str,
    pub status: u16,
    pub server_date: Option<&'a str>,
    /// OSS's `<Endpoint>`: where the bucket must be addressed.
    pub endpoint: Option<&'a str>,
}

/// The hint for an error other than SignatureDoesNotMatch (see `diff::explain`).
pub fn hint(ctx: &Context) -> Hint {
    let code = ctx.code;
    let family = code.split('.').next().unwrap_or(code);
    let action = ctx.action.name();
    match (code, family) {
        ("NoPermission", _) if ctx.message.contains("root account") => Hint::new(
            "AssumeRole was called with the Alibaba Cloud account's own (root) AccessKey, and roles can only be \
             assumed by RAM users or roles. Create a RAM user, attach AliyunSTSAssumeRoleAccess (or sts:AssumeRole \
             on this role's ARN) to it, and use that user's AccessKey.",
            "您在使用阿里云主账号（root）的 AccessKey 调用 AssumeRole，而角色只能由 RAM 用户或 RAM 角色扮演。\
             请创建 RAM 用户，为其授予 AliyunSTSAssumeRoleAccess（或仅对该角色 ARN 的 sts:AssumeRole），并使用该用户的 AccessKey。",
        ),
        ("NoPermission", _) if ctx.action == Action::AssumeRole => Hint::new(
            "AssumeRole was refused, for one of two reasons. (1) Your RAM user may not assume this role: in your own \
             account, attach AliyunSTSAssumeRoleAccess, or a policy allowing sts:AssumeRole on the role's ARN, to \
             the user (tutorial step 2). (2) The role's trust policy does not trust your account: in the role \
             owner's account, edit the trust policy so that Principal.RAM lists acs:ram::<your account UID>:root \
             (tutorial step 1). GetCallerIdentity shows your account UID.",
            "AssumeRole 被拒绝，原因有两种可能：(1) 您的 RAM 用户无权扮演该角色：请在您自己的账号中为该用户授予 \
             AliyunSTSAssumeRoleAccess，或允许对该角色 ARN 执行 sts:AssumeRole 的策略（教程第 2 步）；(2) 角色的信任策略\
             未信任您的账号：请在角色所属账号中修改信任策略，使 Principal.RAM 包含 acs:ram::<您的账号 UID>:root\
             （教程第 1 步）。GetCallerIdentity 可查看您的账号 UID。",
        ),
        ("NoPermission" | "Forbidden", _) | (_, "NoPermission") | (_, "Forbidden") => {
            missing_permission(ctx.action)
        }
        ("EntityNotExist.Role", _) => Hint::new(
            "The role does not exist in the target account. Check the role name (spelling) and the account UID in \
             the role ARN; the role is created in the owner's account (tutorial step 1).",
            "目标账号中不存在该角色。请检查角色名称拼写和角色 ARN 中的账号 UID；角色需在资源所属账号中创建（教程第 1 步）。",
        ),
        ("EntityNotExist.User", _) => Hint::new(
            "No RAM user has this name in the account: check the user name (the part before @ in the logon name).",
            "该账号下不存在此 RAM 用户：请检查用户名（登录名中 @ 之前的部分）。",
        ),
        (_, "EntityNotExist") => Hint::new(
            "The named entity does not exist. For policies, check the name and PolicyType: System for \
             Alibaba Cloud's Aliyun* policies, Custom for policies created in the account.",
            "指定的对象不存在。若为权限策略，请检查名称和 PolicyType：阿里云的 Aliyun* 策略为 System，账号内自建的策略为 Custom。",
        ),
        (_, "EntityAlreadyExists") if code.ends_with(".Policy") => Hint::new(
            "This policy is already attached: nothing to do.",
            "该策略已经授权，无需重复操作。",
        ),
        (_, "EntityAlreadyExists") => Hint::new(
            "An entity with this name already exists in the account: use it as it is, or choose another name.",
            "账号中已存在同名对象：可直接使用，或换一个名称。",
        ),
        (_, "DeleteConflict") => Hint::new(
            "The entity is still in use (for example a policy is attached): detach it first, then retry.",
            "该对象仍在使用中（例如策略仍被授权）：请先解除关联后重试。",
        ),
        (_, "LimitExceeded") => Hint::new(
            "A quota was reached (a role takes at most 20 system and 10 custom policies): detach policies that are \
             not needed, or combine custom policies into one.",
            "已达到配额上限（一个角色最多授权 20 个系统策略和 10 个自定义策略）：请解除不需要的策略，或合并自定义策略。",
        ),
        ("InvalidParameter.PolicyGrammar", _) | (_, "MalformedPolicyDocument") => Hint::new(
            "The policy document breaks RAM's policy grammar: it needs \"Version\": \"1\" and a Statement list whose \
             entries have Effect, Action and Resource (trust policies: Principal instead of Resource).",
            "策略文档不符合 RAM 策略语法：需要 \"Version\": \"1\" 以及 Statement 列表，每条包含 Effect、Action 和 Resource\
             （信任策略用 Principal 代替 Resource）。",
        ),
        _ if family == "InvalidParameter" && code.contains("DurationSeconds") => Hint::new(
            "DurationSeconds is above the role's MaxSessionDuration (3600 seconds unless the role's owner raised \
             it): ask for less, or have the owner raise MaxSessionDuration (UpdateRole, up to 43200).",
            "DurationSeconds 超过了角色的最大会话时间 MaxSessionDuration（默认 3600 秒）：请减小该值，或请角色所属账号\
             通过 UpdateRole 调大 MaxSessionDuration（最大 43200）。",
        ),
        ("InvalidParameter.RoleSessionName", _) => Hint::new(
            "The role session name must be 2-64 characters of letters, digits, '.', '@', '-' and '_'.",
            "角色会话名称须为 2-64 个字符，仅含字母、数字、“.”、“@”、“-”和“_”。",
        ),
        (_, "InvalidParameter" | "MissingParameter" | "InvalidArgument") => Hint::new(
            format!("The service rejected a parameter of {action}: {}. Correct it and retry.", ctx.message),
            format!("服务端拒绝了 {action} 的参数：{}。请修正后重试。", ctx.message),
        ),
        ("InvalidTimeStamp.Expired" | "RequestTimeTooSkewed", _) => clock_skew(ctx.server_date),
        ("InvalidTimeStamp.Format", _) => Hint::new(
            "The request time is not in the form the service takes (YYYY-MM-DDThh:mm:ssZ, UTC): build the request \
             again with `request`, unchanged.",
            "请求时间格式不正确（须为 UTC 的 YYYY-MM-DDThh:mm:ssZ）：请用 `request` 重新构建请求并原样发送。",
        ),
        ("SignatureNonceUsed", _) => Hint::new(
            "This SignatureNonce was already used: every request needs a fresh random nonce (e.g. \
             crypto.randomUUID()). Build the request again with a new nonce; do not resend a built request.",
            "该 SignatureNonce 已被使用：每个请求都需要新的随机值（如 crypto.randomUUID()）。请用新的 nonce 重新构建请求，不要重发旧请求。",
        ),
        ("IncompleteSignature", _) | (_, "MissingSignature") => Hint::new(
            "The signature is missing or incomplete: send the request exactly as built, with its Signature \
             parameter or Authorization header.",
            "签名缺失或不完整：请原样发送构建出的请求，包含 Signature 参数或 Authorization 请求头。",
        ),
        ("InvalidSecurityToken.Expired" | "SecurityTokenExpired", _) => Hint::new(
            "The STS token has expired: get new credentials (AssumeRole again, or a fresh token from where this \
             one came) and retry. Tokens last DurationSeconds (900-43200 seconds).",
            "STS 临时凭证已过期：请重新获取（再次调用 AssumeRole，或从原来源获取新 Token）后重试。Token 有效期为 DurationSeconds（900-43200 秒）。",
        ),
        ("InvalidSecurityToken.MismatchWithAccessKey", _) => Hint::new(
            "The security token does not belong to this AccessKey ID: use AccessKeyId, AccessKeySecret and \
             SecurityToken from the same AssumeRole answer.",
            "SecurityToken 与 AccessKey ID 不匹配：请使用同一次 AssumeRole 返回的 AccessKeyId、AccessKeySecret 和 SecurityToken。",
        ),
        ("MissingSecurityToken", _) => Hint::new(
            "These are temporary (STS.) credentials and the security token was not sent: give the securityToken \
             issued with them.",
            "这是 STS 临时凭证（STS. 开头），但没有发送 SecurityToken：请同时提供签发时返回的 securityToken。",
        ),
        (_, "InvalidSecurityToken") => Hint::new(
            "The security token is damaged or not an STS token: paste the whole token (it is long and easily cut \
             when copied) from the same answer as the AccessKey ID.",
            "SecurityToken 已损坏或不是有效的 STS Token：请完整粘贴与 AccessKey ID 同时签发的 Token（Token 很长，复制时容易截断）。",
        ),
        ("InvalidAccessKeyId.Inactive", _) => Hint::new(
            "This AccessKey is disabled: enable it in the RAM console (the user's AccessKey list) or create a new one.",
            "该 AccessKey 已被禁用：请在 RAM 控制台（用户的 AccessKey 列表）中启用，或创建新的 AccessKey。",
        ),
        (_, "InvalidAccessKeyId") => Hint::new(
            "The AccessKey ID does not exist: check it for typos and that it was not deleted. For STS \
             credentials it may have expired: get new ones.",
            "AccessKey ID 不存在：请检查是否输错、是否已被删除。若为 STS 临时凭证，可能已过期，请重新获取。",
        ),
        (_, "Throttling") | ("ServiceUnavailable" | "InternalError" | "ServiceBusy", _) | (_, "InternalError") => Hint::new(
            "The service is busy or failed temporarily: wait a few seconds and retry (back off on repeats).",
            "服务繁忙或暂时故障：请等待几秒后重试（多次失败时逐步延长间隔）。",
        ),
        ("AccessDenied", _) if ctx.endpoint.is_some() || ctx.message.contains("endpoint") => wrong_endpoint(ctx.endpoint),
        ("AccessDenied", _) if ctx.action.service() == Service::Oss => oss_denied(ctx.action),
        ("AccessDenied", _) => Hint::new(
            format!("Access denied for {action}: the identity lacks the permission; attach a policy that grants it."),
            format!("{action} 访问被拒绝：当前身份缺少相应权限，请授予包含该操作的策略。"),
        ),
        ("PermanentRedirect", _) => wrong_endpoint(ctx.endpoint),
        ("NoSuchBucket", _) => Hint::new(
            "No bucket has this name: check the spelling, and that the bucket exists in the account you expect.",
            "不存在该名称的 Bucket：请检查拼写，并确认它存在于预期的账号中。",
        ),
        ("NoSuchKey", _) => Hint::new(
            "No object has this key in the bucket: check the key (case and path).",
            "Bucket 中不存在该 Object：请检查 Object 名称（大小写和路径）。",
        ),
        ("InvalidBucketName", _) => Hint::new(
            "The bucket name is invalid: 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.",
            "Bucket 名称无效：须为 3-63 个小写字母、数字和短横线，且以字母或数字开头和结尾。",
        ),
        _ if is_http_code(code) => http_failure(ctx.status),
        _ => Hint::new(
            format!("{action} failed with {code}: {}. See the Alibaba Cloud error center for this code.", ctx.message),
            format!("{action} 失败，错误码 {code}：{}。请在阿里云错误中心查询该错误码。", ctx.message),
        ),
    }
}

/// The code given to answers that carry no API error (`Http502`).
pub fn http_code(status: u16) -> String {
    format!("Http{status}")
}

fn is_http_code(code: &str) -> bool {
    code.strip_prefix("Http")
        .is_some_and(|n| n.len() == 3 && n.bytes().all(|c| c.is_ascii_digit()))
}

fn clock_skew(server_date: Option<&str>) -> Hint {
    let (en, zh) = match server_date {
        Some(date) => (
            format!(" The server's time was {date}."),
            format!("服务端时间为 {date}。"),
        ),
        None => (String::new(), String::new()),
    };
    Hint::new(
        format!(
            "Your computer's clock differs from the server's by more than 15 minutes.{en} Set the system clock \
             to synchronise automatically, then build the request again."
        ),
        format!("本机时钟与服务端相差超过 15 分钟。{zh}请开启系统时间自动同步后重新构建请求。"),
    )
}

fn wrong_endpoint(endpoint: Option<&str>) -> Hint {
    match endpoint {
        Some(endpoint) => Hint::new(
            format!("The bucket is in another region: send the request to {endpoint} (set endpoint, or the matching region)."),
            format!("该 Bucket 位于其他地域：请将请求发送到 {endpoint}（设置 endpoint 或对应的 region）。"),
        ),
        None => Hint::new(
            "The bucket must be addressed through its own region's endpoint: set region (or endpoint) to the bucket's region.",
            "必须通过 Bucket 所在地域的 Endpoint 访问：请将 region（或 endpoint）设置为 Bucket 所在地域。",
        ),
    }
}

/// The identity lacks the API permission `<service>:<action>`.
fn missing_permission(action: Action) -> Hint {
    let name = action.name();
    let (en, zh) = match action.service() {
        Service::Ram => (
            " (AliyunRAMReadOnlyAccess covers Get*/List*, AliyunRAMFullAccess covers changes)",
            "（AliyunRAMReadOnlyAccess 覆盖 Get*/List*，AliyunRAMFullAccess 覆盖修改操作）",
        ),
        _ => ("", ""),
    };
    let permission = match action.service() {
        Service::Sts => format!("sts:{name}"),
        Service::Ram => format!("ram:{name}"),
        Service::Oss => format!("oss:{name}"),
    };
    Hint::new(
        format!(
            "Your identity is not allowed to call {name}. Have an administrator of the account attach a \
             policy granting {permission}{en}, or run this check with credentials that have it."
        ),
        format!("当前身份无权调用 {name}。请账号管理员为其授予包含 {permission} 的策略{zh}，或改用具备该权限的凭证执行检查。"),
    )
}

/// OSS refused: the role lacks the OSS policy of tutorial step 1 (or a bucket policy denies).
fn oss_denied(action: Action) -> Hint {
    let (en, zh) = match action {
        Action::ListBuckets => (
            "a custom policy allowing oss:ListBuckets".to_string(),
            "允许 oss:ListBuckets 的自定义策略".to_string(),
        ),
        other => {
            let permission = if other == Action::GetBucketInfo {
                "GetBucketInfo"
            } else {
                "ListObjects"
            };
            (
                format!("a custom policy allowing oss:{permission} on this bucket"),
                format!("允许对该 Bucket 执行 oss:{permission} 的自定义策略"),
            )
        }
    };
    let name = action.name();
    Hint::new(
        format!(
            "OSS refused {name}: this identity has no OSS permission for it. In the bucket owner's account, \
             attach AliyunOSSReadOnlyAccess (or {en}) to the role (tutorial step 1); a bucket policy may also \
             deny it."
        ),
        format!(
            "OSS 拒绝了 {name}：当前身份没有相应的 OSS 权限。请在 Bucket 所属账号中为角色授予 AliyunOSSReadOnlyAccess\
             （或{zh}）（教程第 1 步）；Bucket Policy 也可能拒绝了访问。"
        ),
    )
}

fn http_failure(status: u16) -> Hint {
    if status >= 500 {
        Hint::new(
            format!("The gateway or service failed (HTTP {status}) without an API error: retry in a minute; if it persists, check a proxy or firewall between you and *.aliyuncs.com."),
            format!("网关或服务故障（HTTP {status}），未返回 API 错误：请稍后重试；若持续出现，请检查与 *.aliyuncs.com 之间的代理或防火墙。"),
        )
    } else {
        Hint::new(
            format!("The answer (HTTP {status}) is not an Alibaba Cloud API error: a proxy, firewall or captive portal may have answered instead. Check the network path to *.aliyuncs.com."),
            format!("该响应（HTTP {status}）不是阿里云 API 错误：可能是代理、防火墙或网络认证页面代为响应。请检查到 *.aliyuncs.com 的网络。"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(action: Action, code: &'static str, message: &'static str) -> Context<'static> {
        Context {
            action,
            code,
            message,
            status: 403,
            server_date: Some("Thu, 01 Jan 2026 00:20:00 GMT"),
            endpoint: None,
        }
    }

    #[test]
    fn codes_pick_their_hints() {
        let root = hint(&ctx(
            Action::AssumeRole,
            "NoPermission",
            "Roles may not be assumed by root accounts.",
        ));
        assert!(root.en.contains("root") && root.zh.contains("主账号"));
        let trust = hint(&ctx(
            Action::AssumeRole,
            "NoPermission",
            "You are not authorized to do this action.",
        ));
        assert!(
            trust.en.contains("trust policy") && trust.en.contains("AliyunSTSAssumeRoleAccess")
        );
        let ram = hint(&ctx(Action::GetRole, "NoPermission", "x"));
        assert!(ram.en.contains("ram:GetRole"));
        assert!(hint(&ctx(Action::ListObjects, "RequestTimeTooSkewed", "x"))
            .en
            .contains("00:20:00"));
        assert!(hint(&ctx(Action::GetRole, "Throttling.User", "x"))
            .en
            .contains("retry"));
        assert!(hint(&ctx(Action::ListObjects, "AccessDenied", "x"))
            .en
            .contains("oss:ListObjects"));
        assert!(hint(&ctx(Action::GetRole, "Http502", "x"))
            .en
            .contains("HTTP 403"));
        assert!(hint(&ctx(Action::GetRole, "Weird.Code", "odd"))
            .en
            .contains("Weird.Code: odd"));
    }
}
