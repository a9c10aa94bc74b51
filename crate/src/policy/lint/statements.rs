//! Checks of one statement at a time, in the order their findings are listed: actions and broad
//! grants, then (identity policies) resources and OSS levels, conditions, and a read-only
//! intent. Each concern has its own file.

use super::actions::{actions, broad_grants, read_only};
use super::conditions::conditions;
use super::context::{statement_path, Ctx};
use super::options::Intent;
use super::resources::{assume_any_role, oss_levels, resources};
use crate::policy::model::{PolicyKind, Statement};

/// Runs every per-statement check over `statements` (index in the source array, statement).
pub fn check(ctx: &mut Ctx<'_>, statements: &[(usize, &Statement)]) {
    for &(index, s) in statements {
        let path = statement_path(index);
        actions(ctx, &path, s);
        broad_grants(ctx, &path, s);
        if ctx.kind == PolicyKind::Identity {
            resources(ctx, &path, s);
            oss_levels(ctx, &path, s);
            assume_any_role(ctx, &path, s);
        }
        conditions(ctx, &path, s);
        if ctx.options.intent == Intent::ReadOnly {
            read_only(ctx, &path, s);
        }
    }
}
