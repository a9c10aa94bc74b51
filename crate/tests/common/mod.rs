//! Shared by the CLI tests: run the built `rolehop` binary and read what it printed.
//!
//! Each test file is its own crate and uses only some of these helpers, so the unused ones would
//! trip the dead-code lint there: hence `#[allow(dead_code)]` on each item.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `rolehop ARGS` in the crate directory with `stdin` written to it; captures both outputs.
#[allow(dead_code)]
pub fn rolehop(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rolehop"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A usage error exits before reading stdin: a broken pipe is not the test's concern.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

#[allow(dead_code)]
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[allow(dead_code)]
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Writes `text` to a file named `name` in a directory of this test process; returns its path.
#[allow(dead_code)]
pub fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("rolehop-cli-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}
