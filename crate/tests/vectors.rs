//! The public signing vectors of reference/signing.md, one JSON file each in `tests/vectors/`, run
//! through the public JSON contract (`rolehop::contract::sign`). Every stage the contract answers
//! with must be pinned by the file and equal to it.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

/// The vectors of reference/signing.md for the implemented algorithms: RPC, the HMAC-SHA1
/// primitive, OSS header, OSS presigned URL, PostObject policy.
const EXPECTED_VECTORS: usize = 5;

fn vector_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn load(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs one vector: a contract request, or (for the HMAC primitive, which is not a request of
/// the contract) the one HMAC helper every signer calls.
fn answer(vector: &Value) -> Value {
    if let Some(request) = vector.get("request") {
        return rolehop::contract::sign(&request.to_string())
            .unwrap_or_else(|e| panic!("the core refused the vector's request: {e}"));
    }
    let primitive = &vector["primitive"];
    assert_eq!(primitive["name"], "hmac-sha1-base64", "unknown primitive");
    let (key, data) = (primitive["key"].as_str(), primitive["data"].as_str());
    let (Some(key), Some(data)) = (key, data) else {
        panic!("the primitive needs text key and data");
    };
    serde_json::json!({
        "signature": rolehop::crypto::hmac_sha1_base64(key.as_bytes(), data.as_bytes())
    })
}

#[test]
fn public_vectors_match_every_stage() {
    let files = vector_files();
    assert_eq!(
        files.len(),
        EXPECTED_VECTORS,
        "expected {EXPECTED_VECTORS} vector files, found {files:?}"
    );
    // Every vector runs; all differences are reported together.
    let mut failures = Vec::new();
    for path in files {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let vector = load(&path);
        let expected = vector["expected"]
            .as_object()
            .unwrap_or_else(|| panic!("{name}: no \"expected\" object"));
        let actual = answer(&vector);
        let actual = actual
            .as_object()
            .unwrap_or_else(|| panic!("{name}: the answer is not an object: {actual}"));
        for stage in actual.keys().filter(|k| !expected.contains_key(*k)) {
            failures.push(format!("{name}: the vector does not pin stage {stage}"));
        }
        for (stage, want) in expected {
            match actual.get(stage) {
                Some(got) if got == want => {}
                got => failures.push(format!(
                    "{name}: stage {stage}\n  expected {want}\n  got      {}",
                    got.map_or("nothing".to_string(), Value::to_string)
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
