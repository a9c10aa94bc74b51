//! Reading one request's outcome for a check, and what a failure that says nothing about the
//! setup means: a wrong clock, expired or wrong credentials, a checking identity without the
//! permission, throttling, a failing service, the network, an unreadable answer.

use super::Cx;
use crate::checks::facts::{ApiFailure, Attempt, Outcome};
use crate::checks::graph::State;
use crate::checks::inputs::CredentialsKind;
use crate::checks::known::id;
use crate::checks::report::{Cause, Evidence, Finding, Fix};
use crate::checks::text::{duration, Text};
use serde_json::Value;

/// A request as a check sees it.
pub enum Read<'a> {
    /// Still to be sent (or re-sent), or waiting for what it needs.
    Pending,
    /// It will not be sent.
    NotSent,
    Success(&'a Value),
    Api(&'a ApiFailure),
    /// No usable answer: transport failure, unreadable body, or skipped.
    Unavailable(&'a Attempt),
}

/// Whose credentials signed a request: says which credentials a credentials error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    B,
    A,
    Assumed,
}

impl Whose {
    pub fn of(request_id: &str, in_role: bool) -> Whose {
        match request_id {
            id if id.starts_with("a.") => Whose::A,
            id::B_BUCKETS | id::B_OBJECTS if !in_role => Whose::Assumed,
            _ => Whose::B,
        }
    }
}

impl<'a> Cx<'a> {
    pub fn read(&self, rid: &str) -> Read<'a> {
        match self.graph.state(rid) {
            State::Ready { .. } | State::Waiting => Read::Pending,
            State::Closed => Read::NotSent,
            State::Done => match self.known.facts.last(rid) {
                None => Read::NotSent,
                Some(last) => match &last.outcome {
                    Outcome::Success(v) => Read::Success(v),
                    Outcome::Api(e) => Read::Api(e),
                    _ => Read::Unavailable(last),
                },
            },
        }
    }

    /// Whether a request whose id starts with `prefix` is still to be answered.
    pub fn reads_pending(&self, prefix: &str) -> bool {
        self.graph.entries.iter().any(|e| {
            e.id.starts_with(prefix) && matches!(e.state, State::Ready { .. } | State::Waiting)
        })
    }

    /// The evidence of `rid`'s last attempt.
    pub fn evidence(&self, rid: &str) -> Evidence {
        let attempts = self.known.facts.attempts(rid);
        let action = rid.split('.').nth(1).map(str::to_string);
        let Some(last) = attempts.last() else {
            return Evidence {
                action,
                ..Evidence::default()
            };
        };
        let code = match &last.outcome {
            Outcome::Api(e) => Some(e.code.clone()),
            _ => None,
        };
        Evidence {
            action,
            request_id: last.request_id(),
            code,
            http_status: last.http_status(),
            attempts: u32::try_from(attempts.len()).unwrap_or(u32::MAX),
        }
    }

    /// The finding for an answer that says nothing about the setup (or that the check does
    /// not interpret): always could-not-check, never fail.
    pub fn unavailable(&self, rid: &str, read: &Read) -> Finding {
        let whose = Whose::of(rid, self.known.in_role);
        let finding = match read {
            Read::Pending => return Finding::pending(),
            Read::NotSent => {
                Finding::cannot(Cause::NotRun, Text::new("Not run.", "未执行。"), None)
            }
            Read::Api(e) => self.api_unavailable(e, whose, rid.split('.').nth(1).unwrap_or(rid)),
            Read::Unavailable(attempt) => attempt_unavailable(attempt),
            Read::Success(_) => Finding::cannot(
                Cause::UnexpectedError,
                Text::new(
                    "The answer was not what this check expects.",
                    "应答与该检查预期的不同。",
                ),
                None,
            ),
        };
        finding.with_evidence(self.evidence(rid))
    }

    fn api_unavailable(&self, e: &ApiFailure, whose: Whose, action: &str) -> Finding {
        let code = e.code.as_str();
        let family = code.split('.').next().unwrap_or(code);
        let hint = |fallback: Text| -> Fix {
            Fix::new(match &e.hint {
                Some((en, zh)) => Text::new(en.clone(), zh.clone()),
                None => fallback,
            })
        };
        let action = Text::new(action, action);
        match code {
            "InvalidTimeStamp.Expired" | "RequestTimeTooSkewed" => self.clock_skew(),
            "InvalidSecurityToken.Expired" | "SecurityTokenExpired" => {
                let (summary, fix) = match (whose, self.known.inputs.kind_b) {
                    (Whose::Assumed, _) => (
                        Text::new("The STS credentials from AssumeRole expired before the check used them.", "AssumeRole 返回的 STS 临时凭证在使用前已过期。"),
                        Text::new("Run the checks again: RoleHop assumes the role afresh.", "请重新运行检查：RoleHop 会重新扮演角色。"),
                    ),
                    (Whose::A, _) => (
                        Text::new("The STS token entered for account A has expired.", "为账号 A 输入的 STS Token 已过期。"),
                        Text::new("Get a new STS token for A (or use a RAM user's AccessKey), enter it and run the checks again.", "请为 A 获取新的 STS Token（或改用 RAM 用户的 AccessKey），输入后重新运行检查。"),
                    ),
                    _ => (
                        Text::new("The STS token entered for B has expired: this is not a setup problem, the token is just too old.", "为 B 输入的 STS Token 已过期：这不是配置问题，只是 Token 已失效。"),
                        Text::new("Get a new STS token (e.g. `aliyun sts AssumeRole` or your SSO tool), enter it and run the checks again; or use the RAM user's AccessKey.", "请获取新的 STS Token（如 `aliyun sts AssumeRole` 或单点登录工具），输入后重新运行检查；或改用 RAM 用户的 AccessKey。"),
                    ),
                };
                Finding::cannot(Cause::StsTokenExpired, summary, Some(Fix::new(fix)))
            }
            _ if family == "InvalidAccessKeyId"
                || family == "InvalidSecurityToken"
                || matches!(code, "SignatureDoesNotMatch" | "MissingSecurityToken" | "IncompleteSignature" | "InvalidAccessKeySecret") =>
            {
                let whom = match whose {
                    Whose::A => Text::new("A's", "A 的"),
                    Whose::B => Text::new("B's", "B 的"),
                    Whose::Assumed => Text::new("the role session's", "角色会话的"),
                };
                let sts = if whose == Whose::B && self.known.inputs.kind_b == CredentialsKind::Sts {
                    Text::new(" (an STS token must be given with its own AccessKey ID and secret)", "（STS Token 须与其对应的 AccessKey ID 和 Secret 一起提供）")
                } else {
                    Text::new("", "")
                };
                Finding::cannot(
                    Cause::InvalidCredentials,
                    Text::new(
                        format!("{} was refused with {code}: {} credentials are wrong{}.", action.en, whom.en, sts.en),
                        format!("{} 被拒绝（{code}）：{}凭证有误{}。", action.zh, whom.zh, sts.zh),
                    ),
                    Some(hint(Text::new("Enter the AccessKey ID and secret again, exactly as issued.", "请重新输入签发时的 AccessKey ID 和 Secret。"))),
                )
            }
            _ if family == "Throttling" || e.status == Some(429) => Finding::cannot(
                Cause::Throttled,
                Text::new(
                    format!("{} was throttled ({code}) on every attempt.", action.en),
                    format!("{} 每次尝试都被限流（{code}）。", action.zh),
                ),
                Some(Fix::new(Text::new("Wait a minute and run the checks again.", "请稍等一分钟后重新运行检查。"))),
            ),
            _ if e.status.is_some_and(|s| s >= 500) || matches!(code, "ServiceUnavailable" | "InternalError" | "ServiceBusy") => Finding::cannot(
                Cause::ServerError,
                Text::new(
                    format!("{} failed on the service's side ({code}) on every attempt: this says nothing about the setup.", action.en),
                    format!("{} 每次尝试都因服务端故障失败（{code}）：这与配置无关。", action.zh),
                ),
                Some(hint(Text::new("Run the checks again in a few minutes.", "请几分钟后重新运行检查。"))),
            ),
            _ if matches!(family, "NoPermission" | "Forbidden" | "AccessDenied") => Finding::cannot(
                Cause::NotPermitted,
                Text::new(
                    format!("The identity running this check may not call {} ({code}), so it could not be checked.", action.en),
                    format!("执行该检查的身份无权调用 {}（{code}），因此无法检查。", action.zh),
                ),
                Some(hint(Text::new("Grant the permission, or run the check with credentials that have it.", "请授予相应权限，或改用具备该权限的凭证执行检查。"))),
            ),
            _ => Finding::cannot(
                Cause::UnexpectedError,
                Text::new(
                    format!("{} failed with {code}: {}", action.en, e.message),
                    format!("{} 失败（{code}）：{}", action.zh, e.message),
                ),
                Some(hint(Text::new("See the Alibaba Cloud error center for this code.", "请在阿里云错误中心查询该错误码。"))),
            ),
        }
    }

    /// Clock skew: the server refused the request's time.
    pub fn clock_skew(&self) -> Finding {
        let measured = match self.skew {
            Some(s) if s != 0 => {
                let d = duration(s);
                if s > 0 {
                    Text::new(
                        format!(" Your clock is {} ahead of the server's.", d.en),
                        format!("本机时钟比服务端快 {}。", d.zh),
                    )
                } else {
                    Text::new(
                        format!(" Your clock is {} behind the server's.", d.en),
                        format!("本机时钟比服务端慢 {}。", d.zh),
                    )
                }
            }
            _ => Text::new("", ""),
        };
        Finding::cannot(
            Cause::ClockSkew,
            Text::new(
                format!("The server refused the request's time: this computer's clock is more than 15 minutes off.{} This is not a credentials or setup problem.", measured.en),
                format!("服务端拒绝了请求时间：本机时钟偏差超过 15 分钟。{}这不是凭证或配置问题。", measured.zh),
            ),
            Some(Fix::new(Text::new(
                "Set the computer's clock to synchronise automatically (Windows: Settings > Time > Sync now; macOS: Date & Time > Set automatically; Linux: timedatectl set-ntp true), then run the checks again.",
                "请开启系统时间自动同步（Windows：设置 > 时间 > 立即同步；macOS：日期与时间 > 自动设置；Linux：timedatectl set-ntp true），然后重新运行检查。",
            ))),
        )
    }
}

fn attempt_unavailable(attempt: &Attempt) -> Finding {
    match &attempt.outcome {
        Outcome::Transport(reason) => Finding::cannot(
            Cause::TransportError,
            Text::new(
                format!("No answer from the service ({reason}), on every attempt: this says nothing about the setup."),
                format!("每次尝试都没有收到服务端应答（{reason}）：这与配置无关。"),
            ),
            Some(Fix::new(Text::new(
                "Check the network path to *.aliyuncs.com (proxy, firewall, VPN), then run the checks again.",
                "请检查到 *.aliyuncs.com 的网络（代理、防火墙、VPN），然后重新运行检查。",
            ))),
        ),
        Outcome::Malformed(reason) => Finding::cannot(
            Cause::MalformedResponse,
            Text::new(
                format!("The answer could not be read on every attempt ({reason}): this says nothing about the setup."),
                format!("每次尝试的应答都无法解析（{reason}）：这与配置无关。"),
            ),
            Some(Fix::new(Text::new(
                "Run the checks again later; if it persists, something between you and *.aliyuncs.com (a proxy) alters the answers.",
                "请稍后重新运行检查；若持续出现，可能是您与 *.aliyuncs.com 之间的代理改动了应答。",
            ))),
        ),
        Outcome::Skipped(reason) => Finding::cannot(
            Cause::NotRun,
            Text::new(format!("Not run: {reason}"), format!("未执行：{reason}")),
            None,
        ),
        Outcome::Success(_) | Outcome::Api(_) => Finding::cannot(
            Cause::UnexpectedError,
            Text::new("Unexpected answer.", "意外的应答。"),
            None,
        ),
    }
}
