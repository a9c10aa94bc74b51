//! Terraform (alicloud provider) blocks for the same resources the console steps create.
//!
//! Argument names follow the provider's current documentation: `alicloud_ram_role` takes
//! `role_name` and `assume_role_policy_document` (provider 1.252.0 and later; older versions call
//! them `name` and `document`), `alicloud_ram_policy` takes `policy_name` and `policy_document`,
//! `alicloud_ram_user` takes `name`. Every block says which version it needs.

/// Provider note placed above a role block.
pub const ROLE_NOTE: &str = "# alicloud provider >= 1.252.0 (role_name, assume_role_policy_document);\n# before 1.252.0 the same arguments are called name and document.";

/// A Terraform identifier from a RAM name: `admin.oss` -> `admin_oss` (must start with a letter).
pub fn ident(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert_str(0, "r_");
    }
    out
}

/// A quoted HCL string: `"`, `\` escaped, and template sequences `${` / `%{` made literal.
pub fn string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    out.push_str(&literal(
        &value
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n"),
    ));
    out.push('"');
    out
}

/// `${` -> `$${`, `%{` -> `%%{`: HCL would read them as template interpolation or directives.
fn literal(text: &str) -> String {
    text.replace("${", "$${").replace("%{", "%%{")
}

/// A heredoc holding a JSON document verbatim (apart from template escapes).
pub fn heredoc(document: &str) -> String {
    format!("<<EOF\n{}\nEOF", literal(document))
}

/// `resource "<kind>" "<name>" {` + aligned `key = value` lines + `}`. Values are HCL expressions
/// already (quoted strings via [`string`], references, heredocs).
pub fn resource(kind: &str, name: &str, args: &[(&str, String)]) -> String {
    let width = args.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let mut out = format!("resource \"{kind}\" \"{name}\" {{\n");
    for (key, value) in args {
        out.push_str(&format!("  {key:<width$} = {value}\n"));
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_and_strings() {
        assert_eq!(ident("admin.oss"), "admin_oss");
        assert_eq!(ident("1abc"), "r_1abc");
        assert_eq!(string("a\"b${x}"), "\"a\\\"b$${x}\"");
        assert_eq!(
            heredoc("{\"k\": \"%{v}\"}"),
            "<<EOF\n{\"k\": \"%%{v}\"}\nEOF"
        );
    }

    #[test]
    fn resource_block() {
        let block = resource(
            "alicloud_ram_user",
            "alice",
            &[("name", string("alice")), ("display_name", string("Alice"))],
        );
        assert_eq!(
            block,
            "resource \"alicloud_ram_user\" \"alice\" {\n  name         = \"alice\"\n  display_name = \"Alice\"\n}"
        );
    }
}
