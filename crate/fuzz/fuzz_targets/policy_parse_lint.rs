//! Policy parser, linter, serialiser and simulator on arbitrary text: nothing may panic, and the
//! layers must agree (a text parses exactly when the linter reports no error other than size; a
//! parsed policy round-trips through both serialisations; its simulation never fails).

#![no_main]

use libfuzzer_sys::fuzz_target;
use rolehop::policy::lint::{lint, Intent, LintOptions};
use rolehop::policy::model::PolicyKind;
use rolehop::policy::{
    explain, parse, to_compact, to_pretty, Context, Level, Request, Side, Simulator, Trace,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for kind in [None, Some(PolicyKind::Identity), Some(PolicyKind::Trust)] {
        let options = LintOptions {
            kind,
            intent: Intent::ReadOnly,
            trusted_principals: vec!["acs:ram::1:user/a".into()],
        };
        let report = lint(text, &options);
        let errors = report
            .findings
            .iter()
            .filter(|f| f.level == Level::Error && f.code != "policy-too-large")
            .count();
        let parsed = parse(text, report.kind);
        assert_eq!(
            parsed.is_ok(),
            errors == 0,
            "parser and linter disagree on {text:?}"
        );
        let Ok(policy) = parsed else {
            continue;
        };
        for again in [to_pretty(&policy), to_compact(&policy)] {
            assert_eq!(
                parse(&again, report.kind).as_ref(),
                Ok(&policy),
                "round trip of {again:?}"
            );
        }
        let side = if report.kind == PolicyKind::Trust {
            Side::Trust
        } else {
            Side::Identity
        };
        let mut sim = Simulator::new();
        sim.add("fuzz", side, false, &policy);
        let mut context = Context::default();
        context.insert("acs:SourceIp", &["10.0.0.1"]);
        context.insert("oss:Prefix", &[text.get(..text.len().min(8)).unwrap_or("")]);
        let request = Request {
            principal: Some("acs:ram::1:user/a".into()),
            action: "sts:AssumeRole".into(),
            resource: "acs:oss:*:1:b/k".into(),
            context,
        };
        let mut trace = Trace::default();
        let decision = sim.decide(&request, &mut trace);
        let explained = explain(&sim, &request, decision, &trace);
        assert_eq!(explained.decision, decision.name());
    }
});
