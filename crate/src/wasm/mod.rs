//! The wasm-bindgen surface, and nothing else: each export takes and returns JSON text of the
//! contract documented in the README (`{"error": {...}}` on failure).
//!
//! The exports come in modules by who loads them (extension/shared/core.js), each built as its own
//! wasm by a crate feature (build.sh): a page or the worker compiles only the code it calls. A
//! build without any of the features has every export.

/// Declares the modules, each with its feature: built when that feature is on, or when none is.
macro_rules! modules {
    ($($module:ident: $feature:literal),* $(,)?) => {
        modules!(@each [$($feature),*] $($module $feature)*);
    };
    (@each $all:tt $($module:ident $feature:literal)*) => {
        $(modules!(@one $all $module $feature);)*
    };
    (@one [$($any:literal),*] $module:ident $feature:literal) => {
        #[cfg(all(target_arch = "wasm32", any(feature = $feature, not(any($(feature = $any),*)))))]
        mod $module;
    };
}

modules! {
    profiles: "wasm-profiles",
    transfer: "wasm-transfer",
    api: "wasm-api",
    checks: "wasm-checks",
    tutorial: "wasm-tutorial",
    policy: "wasm-policy",
}

// Bench only: JS values in and out through serde-wasm-bindgen (bench/boundary).
#[cfg(all(target_arch = "wasm32", feature = "wasm-swb"))]
mod values;

// The profiles module's writer; also built natively in tests, which hold it to the contract's.
#[cfg(any(
    test,
    feature = "wasm-profiles",
    not(any(
        feature = "wasm-profiles",
        feature = "wasm-transfer",
        feature = "wasm-api",
        feature = "wasm-checks",
        feature = "wasm-tutorial",
        feature = "wasm-policy"
    ))
))]
mod narrow;
