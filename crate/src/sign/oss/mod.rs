//! OSS signature V1: the `Authorization: OSS <id>:<signature>` header and presigned URLs.
//!
//! StringToSign = `VERB\nContent-MD5\nContent-Type\nDate\n` + CanonicalizedOSSHeaders +
//! CanonicalizedResource; signature = Base64(HMAC-SHA1(secret, StringToSign)).

mod canonical;
mod header;
mod names;
mod presign;
mod request;

pub use canonical::{
    canonicalized_oss_headers, canonicalized_resource, is_subresource, SUBRESOURCES,
};
pub use header::{sign_header, OssHeaderSignature};
pub use names::{check_bucket, check_key};
pub use presign::{presign, OssPresignedUrl, PresignHost};
pub use request::{OssCredentials, OssRequest};
