//! OSS results (XML bodies): ListBuckets, ListObjects (v1 and v2), GetBucketInfo.

use super::xml::Node;
use crate::error::Result;
use crate::message::ApiMessage;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "OssOwner"))]
#[serde(rename_all = "camelCase")]
pub struct Owner {
    pub id: String,
    pub display_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BucketSummary {
    pub name: String,
    /// `oss-cn-hangzhou`.
    pub location: String,
    /// `cn-hangzhou` (absent in older answers).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub region: Option<String>,
    pub creation_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub storage_class: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub extranet_endpoint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub intranet_endpoint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ListBucketsResult {
    pub owner: Owner,
    pub buckets: Vec<BucketSummary>,
    pub is_truncated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub next_marker: Option<String>,
    /// From the `x-oss-request-id` response header.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ObjectSummary {
    pub key: String,
    pub last_modified: String,
    pub e_tag: String,
    pub size: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub storage_class: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub object_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub owner: Option<Owner>,
}

/// ListObjects (v1: marker / nextMarker) and ListObjectsV2 (continuationToken /
/// nextContinuationToken / startAfter / keyCount).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ListObjectsResult {
    pub name: String,
    pub prefix: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub marker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub continuation_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub start_after: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub max_keys: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub delimiter: Option<String>,
    pub is_truncated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub next_marker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub next_continuation_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub key_count: Option<u64>,
    pub contents: Vec<ObjectSummary>,
    pub common_prefixes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BucketInfo {
    pub name: String,
    pub location: String,
    pub creation_date: String,
    pub owner: Owner,
    /// `private`, `public-read` or `public-read-write`.
    pub acl: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub storage_class: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub extranet_endpoint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub intranet_endpoint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub data_redundancy_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub request_id: Option<String>,
}

fn owner(node: &Node) -> Result<Owner> {
    Ok(Owner {
        id: node.text("ID")?,
        display_name: node.opt_text("DisplayName")?.unwrap_or_default(),
    })
}

pub fn list_buckets(root: &Node, request_id: Option<String>) -> Result<ListBucketsResult> {
    let buckets = match root.child("Buckets") {
        None => Vec::new(),
        Some(list) => list
            .all("Bucket")
            .iter()
            .map(|b| {
                Ok(BucketSummary {
                    name: b.text("Name")?,
                    location: b.text("Location")?,
                    region: b.opt_text("Region")?,
                    creation_date: b.text("CreationDate")?,
                    storage_class: b.opt_text("StorageClass")?,
                    extranet_endpoint: b.opt_text("ExtranetEndpoint")?,
                    intranet_endpoint: b.opt_text("IntranetEndpoint")?,
                })
            })
            .collect::<Result<_>>()?,
    };
    Ok(ListBucketsResult {
        owner: owner(&root.element("Owner")?)?,
        buckets,
        is_truncated: root.opt_bool("IsTruncated")?.unwrap_or(false),
        next_marker: non_empty(root.opt_text("NextMarker")?),
        request_id,
    })
}

pub fn list_objects(root: &Node, request_id: Option<String>) -> Result<ListObjectsResult> {
    let contents = root
        .all("Contents")
        .iter()
        .map(|c| {
            Ok(ObjectSummary {
                key: c.text("Key")?,
                last_modified: c.text("LastModified")?,
                e_tag: c.text("ETag")?,
                size: c.u64("Size")?,
                storage_class: c.opt_text("StorageClass")?,
                object_type: c.opt_text("Type")?,
                owner: c.child("Owner").map(|o| owner(&o)).transpose()?,
            })
        })
        .collect::<Result<_>>()?;
    let mut common_prefixes = Vec::new();
    for group in root.all("CommonPrefixes") {
        for prefix in group.all("Prefix") {
            common_prefixes.push(prefix.own_text()?);
        }
    }
    let is_truncated = root.opt_bool("IsTruncated")?.ok_or_else(|| {
        super::json::bad_body(ApiMessage::BodyXmlMissing {
            element: "IsTruncated".to_string(),
            path: "ListBucketResult".to_string(),
        })
    })?;
    Ok(ListObjectsResult {
        name: root.text("Name")?,
        prefix: root.opt_text("Prefix")?.unwrap_or_default(),
        marker: root.opt_text("Marker")?,
        continuation_token: root.opt_text("ContinuationToken")?,
        start_after: root.opt_text("StartAfter")?,
        max_keys: root.opt_u64("MaxKeys")?,
        delimiter: root.opt_text("Delimiter")?,
        is_truncated,
        next_marker: non_empty(root.opt_text("NextMarker")?),
        next_continuation_token: non_empty(root.opt_text("NextContinuationToken")?),
        key_count: root.opt_u64("KeyCount")?,
        contents,
        common_prefixes,
        request_id,
    })
}

pub fn bucket_info(root: &Node, request_id: Option<String>) -> Result<BucketInfo> {
    let bucket = root.element("Bucket")?;
    Ok(BucketInfo {
        name: bucket.text("Name")?,
        location: bucket.text("Location")?,
        creation_date: bucket.text("CreationDate")?,
        owner: owner(&bucket.element("Owner")?)?,
        acl: bucket.element("AccessControlList")?.text("Grant")?,
        storage_class: bucket.opt_text("StorageClass")?,
        extranet_endpoint: bucket.opt_text("ExtranetEndpoint")?,
        intranet_endpoint: bucket.opt_text("IntranetEndpoint")?,
        region: bucket.opt_text("Region")?,
        data_redundancy_type: bucket.opt_text("DataRedundancyType")?,
        request_id,
    })
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.is_empty())
}
