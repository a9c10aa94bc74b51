//! The chain's messages: the names of the links the pages draw (crate/src/checks/chain.rs).

use crate::message::messages;

messages! { ChainMessage

    TitleBUser "core_chain_title_b_user" {}
    TitleAssumeGrant "core_chain_title_assume_grant" {}
    TitleRoleTrust "core_chain_title_role_trust" {}
    TitleOssPermission "core_chain_title_oss_permission" {}
    TitleBucket "core_chain_title_bucket" {}
}
