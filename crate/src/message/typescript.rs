//! TypeScript for messages: each area's type is the union of its `{id, args}` shapes, written by
//! [`serialize_said`](super::serialize_said) (the arguments in declared order, each as its type).

/// The TypeScript type of a message argument, as [`ToArg`](super::ToArg) serializes it.
pub trait ArgType {
    fn ts_type() -> String;
}

impl ArgType for String {
    fn ts_type() -> String {
        "string".to_owned()
    }
}

impl ArgType for usize {
    fn ts_type() -> String {
        "number".to_owned()
    }
}

impl ArgType for u64 {
    fn ts_type() -> String {
        "number".to_owned()
    }
}

/// `Arg::Json`: a message as the contract carried it in (`{id, args}`), or a plain text.
impl ArgType for serde_json::Value {
    fn ts_type() -> String {
        "CoreMessage | string".to_owned()
    }
}

impl<T: ts_rs::TS> ArgType for Box<T> {
    fn ts_type() -> String {
        T::name(&ts_rs::Config::new())
    }
}

/// Any message, as the catalogs' renderers take it (`coreMessage` in shared/i18n.js): the shape
/// `serialize_said` writes, without the ids.
pub const CORE_MESSAGE: &str = "export type CoreMessage = { id: string, args: { [name in string]: string | number | CoreMessage } };";

/// `\n  | { id: "core_...", args: { name: string, ... } }` for each message, one per line.
pub fn union(messages: &[(&str, &[(&str, String)])]) -> String {
    let mut out = String::new();
    for (id, args) in messages {
        let args: Vec<String> = args
            .iter()
            .map(|(name, ty)| format!("{name}: {ty}"))
            .collect();
        let args = if args.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            format!("{{ {} }}", args.join(", "))
        };
        out.push_str(&format!("\n  | {{ id: \"{id}\", args: {args} }}"));
    }
    out
}
