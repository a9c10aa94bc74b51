//! The signing area's messages: where signed requests may go (crate/src/endpoint.rs) and what the
//! signers refuse (crate/src/sign).

use crate::message::messages;

messages! { SignMessage

    EndpointHttp "core_endpoint_http" { value: String }
    EndpointScheme "core_endpoint_scheme" { value: String, scheme: String }
    EndpointPath "core_endpoint_path" { value: String }
    EndpointUserInfo "core_endpoint_user_info" { value: String }
    EndpointPort "core_endpoint_port" { value: String }
    EndpointHostEmpty "core_endpoint_host_empty" { value: String }
    EndpointHostLong "core_endpoint_host_long" { value: String }
    EndpointHostCharacter "core_endpoint_host_character" { value: String, character: String }
    EndpointHostNonAscii "core_endpoint_host_non_ascii" { value: String, character: String }
    EndpointHostLabel "core_endpoint_host_label" { value: String }
    EndpointHostIp "core_endpoint_host_ip" { value: String }
    EndpointNotOss "core_endpoint_not_oss" { value: String }
    EndpointBucketDomain "core_endpoint_bucket_domain" { own: String, bucket: String, endpoint: String }
    EndpointBucketDomainNoBucket "core_endpoint_bucket_domain_no_bucket" { own: String, endpoint: String }
    EndpointCnameAliyun "core_endpoint_cname_aliyun" { value: String }
    EndpointNotAliyuncs "core_endpoint_not_aliyuncs" { value: String }
    SignDateMissing "core_sign_date_missing" {}
    SignDateInvalid "core_sign_date_invalid" { field: String, value: String }
    SignExpires "core_sign_expires" { value: String }
    SignCnameBucket "core_sign_cname_bucket" {}
    SignQueryReserved "core_sign_query_reserved" { name: String }
    SignKeyDots "core_sign_key_dots" {}
    SignTokenTwice "core_sign_token_twice" { field: String }
    SignKeyNeedsBucket "core_sign_key_needs_bucket" {}
    SignBucketName "core_sign_bucket_name" { value: String }
    SignKeySlash "core_sign_key_slash" { value: String }
    SignOssMethod "core_sign_oss_method" { value: String, methods: String }
    SignHeaderName "core_sign_header_name" { name: String }
    SignHeaderTwice "core_sign_header_twice" { name: String }
    SignHeaderValue "core_sign_header_value" { character: String }
    SignRpcMethod "core_sign_rpc_method" { value: String }
    SignRpcSignature "core_sign_rpc_signature" {}
    SignPolicyNotObject "core_sign_policy_not_object" {}
    SignPolicyExpiration "core_sign_policy_expiration" {}
    SignPolicyConditions "core_sign_policy_conditions" {}
}
