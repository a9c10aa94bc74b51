//! Command-line flags shared by `rolehop policy` and `rolehop tutorial`: `--name value` pairs
//! (repeatable; the last one wins for a single value), switches without a value, and bare words.
//! What is wrong with a command line is a catalog message (help.rs renders it).

use rolehop::message::CliMessage;

/// Parsed flags: options by name (without the leading `--`) and bare words, in order.
pub struct Args {
    pub words: Vec<String>,
    options: Vec<(String, Option<String>)>,
    /// The flags (with `--`) that take no value.
    switches: &'static [&'static str],
}

impl Args {
    /// Reads `args`; bare words are kept in `words`.
    pub fn parse(args: &[&str], switches: &'static [&'static str]) -> Result<Args, CliMessage> {
        Args::read(args, switches, true)
    }

    /// Reads `args` where every argument is a flag: a bare word is an error.
    pub fn parse_flags(
        args: &[&str],
        switches: &'static [&'static str],
    ) -> Result<Args, CliMessage> {
        Args::read(args, switches, false)
    }

    fn read(
        args: &[&str],
        switches: &'static [&'static str],
        words_allowed: bool,
    ) -> Result<Args, CliMessage> {
        let mut words = Vec::new();
        let mut options = Vec::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let Some(name) = arg.strip_prefix("--") else {
                if !words_allowed {
                    return Err(CliMessage::UnexpectedArgument {
                        argument: format!("{arg:?}"),
                    });
                }
                words.push(arg.to_string());
                continue;
            };
            let value = if switches.contains(arg) {
                None
            } else {
                let value = rest.next().ok_or_else(|| CliMessage::FlagNeedsValue {
                    flag: arg.to_string(),
                })?;
                Some(value.to_string())
            };
            options.push((name.to_string(), value));
        }
        Ok(Args {
            words,
            options,
            switches,
        })
    }

    /// Every value given to `--name`, in order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.options
            .iter()
            .filter(|(n, _)| n == name)
            .filter_map(|(_, v)| v.clone())
            .collect()
    }

    /// The last value given to `--name`.
    pub fn one(&self, name: &str) -> Option<String> {
        self.all(name).pop()
    }

    /// Whether `--name` was given at all.
    pub fn has(&self, name: &str) -> bool {
        self.options.iter().any(|(n, _)| n == name)
    }

    /// Every flag must be a switch or one of `known` (names without `--`).
    pub fn check(&self, known: &[&str]) -> Result<(), CliMessage> {
        match self.options.iter().find(|(n, _)| {
            !known.contains(&n.as_str()) && !self.switches.contains(&format!("--{n}").as_str())
        }) {
            Some((n, _)) => Err(CliMessage::UnknownFlag {
                flag: format!("--{n}"),
            }),
            None => Ok(()),
        }
    }
}
