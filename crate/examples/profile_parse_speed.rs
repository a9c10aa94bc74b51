//! How long the popup's every-open work takes natively: parsing 2,000 profiles (the library
//! call, and the `profileParse` contract call with JSON text in and out, as the wasm export does),
//! serialising them, and building a switch URL. Prints medians over many runs.
//!
//! cargo run --release -p rolehop --example profile_parse_speed [-- --emit FILE]
//! (`--emit` writes the 2,000-profile text, for measuring the wasm build from Node.)

use rolehop::contract;
use rolehop::profile::{parse, to_text, Site};
use std::time::{Duration, Instant};

const PROFILES: usize = 2_000;
const RUNS: usize = 200;

/// A realistic profile file: comments, every account form, display names, groups, colours,
/// notes, a few quoted values and Chinese names.
fn workload() -> String {
    let mut text = String::from("# Team profiles, kept in the ops repository\n\n");
    for i in 0..PROFILES {
        let account = match i % 4 {
            0 => format!("team-{i}"),
            1 => format!("{}", 1_746_000_000_000_000u64 + i as u64),
            2 => format!("team-{i}.onaliyun.com"),
            _ => format!("partner-{i}"),
        };
        let role = if i % 4 == 3 {
            format!(
                "role_arn = acs:ram::{}:role/reader-{}\n",
                1_999_000_000_000_000u64 + i as u64,
                i % 9
            )
        } else {
            format!("role_name = admin-oss-{}\n", i % 9)
        };
        let name = if i % 10 == 0 {
            format!("display_name = \"生产环境 {i} ; read-only\"\n")
        } else {
            format!("display_name = Team {i} production (read-only)\n")
        };
        text.push_str(&format!(
            "[profile p{i:04}]                 ; #{i}\n{name}account = {account}\n{role}group = Group {}\ncolor = #{:06x}\nsite = {}\nnote = ask ops@team-{i}.example before writing\n\n",
            i % 40,
            (i * 7919) % 0xff_ffff,
            if i % 3 == 0 { "intl" } else { "cn" },
        ));
    }
    text
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let samples = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    median(samples)
}

fn main() {
    let text = workload();
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--emit") {
        let path = args.get(i + 1).expect("--emit FILE");
        std::fs::write(path, &text).expect("write the workload");
    }
    let parsed = parse(&text, Site::Cn);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors.first());
    assert_eq!(parsed.profiles.len(), PROFILES);
    let request = serde_json::json!({ "text": text }).to_string();
    let profiles_json = serde_json::json!({ "profiles": parsed.profiles }).to_string();
    let switch = serde_json::json!({ "profile": parsed.profiles[5], "marker": "0123456789abcdef0123456789abcdef" }).to_string();

    let parse_only = time(RUNS, || parse(&text, Site::Cn));
    // The wasm export's path: a well-formed request read without a JSON Value, the answer
    // written directly.
    let contract_parse = time(RUNS, || contract::profile_parse_text(&request));
    let serialize = time(RUNS, || to_text(&parsed.profiles));
    let contract_serialize = time(RUNS, || {
        contract::to_text(&contract::profile_serialize(&profiles_json))
    });
    let switch_url = time(RUNS * 10, || {
        contract::to_text(&contract::switch_url(&switch))
    });

    println!(
        "profiles: {PROFILES}, text: {} KB, answer JSON: {} KB",
        text.len() / 1024,
        contract::to_text(&contract::profile_parse(&request)).len() / 1024
    );
    println!(
        "parse (library)                  median {:>8.3} ms",
        parse_only.as_secs_f64() * 1e3
    );
    println!(
        "profileParse (as the wasm export) median {:>8.3} ms",
        contract_parse.as_secs_f64() * 1e3
    );
    println!(
        "serialise (library)              median {:>8.3} ms",
        serialize.as_secs_f64() * 1e3
    );
    println!(
        "profileSerialize (JSON in/out)   median {:>8.3} ms",
        contract_serialize.as_secs_f64() * 1e3
    );
    println!(
        "switchUrl (JSON in/out)          median {:>8.3} us",
        switch_url.as_secs_f64() * 1e6
    );
}
