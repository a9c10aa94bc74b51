//! The hostile inputs of tests/lib/hostile-cases.json through the JSON contract, natively: wall
//! time and peak heap of one call (a counting allocator), for bench/hostile/. One case per process
//! so that a slow or failing case cannot disturb the others' figures.
//!
//!   hostile list             the case names, one a line
//!   hostile run NAME         runs one case; prints {"name", "ms", "peakBytes", "answerBytes", "outcome"}
//!   hostile emit DIR         writes each case's request as DIR/NAME.json (for the wasm run)
//!
//! It uses only `rolehop::contract::{policy_lint, policy_simulate, to_text}`, so the same file
//! also builds against older versions of the crate (the bench's "before" column).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

#[path = "../tests/common/hostile.rs"]
mod hostile;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        System.dealloc(p, layout);
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = System.realloc(p, layout, new_size);
        if !q.is_null() {
            if new_size >= layout.size() {
                let now = IN_USE.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["list"] => {
            for name in hostile::names() {
                println!("{name}");
            }
        }
        ["emit", dir] => {
            std::fs::create_dir_all(dir).expect("create the output folder");
            for c in hostile::names().iter().map(|n| hostile::case(n)) {
                let file = std::path::Path::new(dir).join(format!("{}.json", c.name));
                let meta = serde_json::json!({"name": c.name, "what": c.what, "call": c.call, "documentBytes": c.document_bytes});
                std::fs::write(&file, &c.input).expect("write the input");
                std::fs::write(file.with_extension("meta.json"), meta.to_string())
                    .expect("write the description");
            }
        }
        ["run", name] => run(name),
        _ => {
            eprintln!("usage: hostile list | hostile run NAME | hostile emit DIR");
            std::process::exit(2);
        }
    }
}

fn run(name: &str) {
    let case = hostile::case(name);
    let base = IN_USE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = Instant::now();
    let answer = match case.call.as_str() {
        "policyLint" => rolehop::contract::policy_lint(&case.input),
        _ => rolehop::contract::policy_simulate(&case.input),
    };
    let text = rolehop::contract::to_text(&answer);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let peak = PEAK.load(Ordering::Relaxed) - base;
    let outcome = match &answer {
        Err(e) => format!("error {}: {}", serde_json::json!(e.kind), e.message),
        Ok(v) if case.call == "policyLint" => {
            let findings = v["findings"].as_array().map_or(0, Vec::len);
            let bounded = v["findings"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|f| f["code"] == "too-large-to-check")
                .count();
            format!("{findings} findings ({bounded} too-large-to-check)")
        }
        Ok(v) => format!("decision {}", v["decision"].as_str().unwrap_or("?")),
    };
    println!(
        "{}",
        serde_json::json!({
            "name": case.name,
            "documentBytes": case.document_bytes,
            "ms": (ms * 10.0).round() / 10.0,
            "peakBytes": peak,
            "answerBytes": text.len(),
            "outcome": outcome,
        })
    );
}
