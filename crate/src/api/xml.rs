//! A small element tree over quick-xml for OSS bodies, and typed accessors whose errors name the
//! element path (`ListBucketResult/Contents[2]/Size`). Depth is bounded, so no input can
//! exhaust the stack.

use super::json::bad_body;
use crate::error::{Error, Result};
use crate::message::ApiMessage;
use quick_xml::events::Event;
use quick_xml::Reader;

const MAX_DEPTH: usize = 64;

/// One element: its local name, its text (text and CDATA, unescaped, untrimmed) and children.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    fn new(name: &[u8]) -> Element {
        Element {
            name: String::from_utf8_lossy(name).into_owned(),
            ..Element::default()
        }
    }
}

/// Parses an XML document into its root element.
pub fn parse(body: &str) -> Result<Element> {
    let mut reader = Reader::from_str(body);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let offset = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(_) => {
                let at_end =
                    usize::try_from(reader.buffer_position()).is_ok_and(|p| p >= body.len());
                let text = if at_end {
                    ApiMessage::BodyXmlCut {}
                } else {
                    ApiMessage::BodyNotXml {}
                };
                return Err(at_offset(bad_body(text), body, reader.error_position()));
            }
        };
        let fail = |text: ApiMessage| at_offset(bad_body(text), body, offset);
        match event {
            Event::Start(e) => {
                if root.is_some() {
                    return Err(fail(ApiMessage::BodyNotXml {}));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(fail(ApiMessage::BodyXmlDeep { max: MAX_DEPTH }));
                }
                stack.push(Element::new(e.local_name().as_ref()));
            }
            Event::Empty(e) => attach(&mut stack, &mut root, Element::new(e.local_name().as_ref()))
                .map_err(fail)?,
            Event::End(_) => match stack.pop() {
                Some(element) => attach(&mut stack, &mut root, element).map_err(fail)?,
                None => return Err(fail(ApiMessage::BodyNotXml {})),
            },
            Event::Text(t) => {
                let text = t.unescape().map_err(|_| fail(ApiMessage::BodyNotXml {}))?;
                match stack.last_mut() {
                    Some(top) => top.text.push_str(&text),
                    None if text.trim().is_empty() => {}
                    None => return Err(fail(ApiMessage::BodyNotXml {})),
                }
            }
            Event::CData(c) => {
                let text = c.decode().map_err(|_| fail(ApiMessage::BodyNotXml {}))?;
                match stack.last_mut() {
                    Some(top) => top.text.push_str(&text),
                    None => return Err(fail(ApiMessage::BodyNotXml {})),
                }
            }
            Event::Eof => break,
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(at_offset(
            bad_body(ApiMessage::BodyXmlTruncated {
                element: open.name.clone(),
            }),
            body,
            body.len() as u64,
        ));
    }
    root.ok_or_else(|| bad_body(ApiMessage::BodyXmlEmpty {}))
}

fn attach(
    stack: &mut [Element],
    root: &mut Option<Element>,
    element: Element,
) -> std::result::Result<(), ApiMessage> {
    match stack.last_mut() {
        Some(parent) => {
            parent.children.push(element);
            Ok(())
        }
        None if root.is_none() => {
            *root = Some(element);
            Ok(())
        }
        None => Err(ApiMessage::BodyNotXml {}),
    }
}

/// Adds the 1-based line and column of byte `offset` of `body`.
fn at_offset(error: Error, body: &str, offset: u64) -> Error {
    let offset = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(body.len());
    let before = body.as_bytes().get(..offset).unwrap_or_default();
    let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or_default())
        .chars()
        .count()
        + 1;
    error.at_position(line, column)
}

/// An element and its path from the root, with typed accessors.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    element: &'a Element,
    path: String,
}

impl<'a> Node<'a> {
    /// The root, which must be named `expected`.
    pub fn root(element: &'a Element, expected: &str) -> Result<Node<'a>> {
        if element.name != expected {
            return Err(bad_body(ApiMessage::BodyXmlRoot {
                root: element.name.clone(),
                expected: expected.to_string(),
            }));
        }
        Ok(Node {
            element,
            path: expected.to_string(),
        })
    }

    fn missing(&self, name: &str) -> Error {
        bad_body(ApiMessage::BodyXmlMissing {
            element: name.to_string(),
            path: self.path.clone(),
        })
    }

    pub fn child(&self, name: &str) -> Option<Node<'a>> {
        self.element
            .children
            .iter()
            .find(|c| c.name == name)
            .map(|element| Node {
                element,
                path: format!("{}/{name}", self.path),
            })
    }

    pub fn element(&self, name: &str) -> Result<Node<'a>> {
        self.child(name).ok_or_else(|| self.missing(name))
    }

    /// Every child named `name`, in order.
    pub fn all(&self, name: &str) -> Vec<Node<'a>> {
        self.element
            .children
            .iter()
            .filter(|c| c.name == name)
            .enumerate()
            .map(|(i, element)| Node {
                element,
                path: format!("{}/{name}[{}]", self.path, i + 1),
            })
            .collect()
    }

    /// This element's text; an element holding elements is not text.
    pub fn own_text(&self) -> Result<String> {
        if self.element.children.is_empty() {
            Ok(self.element.text.clone())
        } else {
            Err(bad_body(ApiMessage::BodyXmlNotText {
                path: self.path.clone(),
            }))
        }
    }

    pub fn text(&self, name: &str) -> Result<String> {
        self.element(name)?.own_text()
    }

    pub fn opt_text(&self, name: &str) -> Result<Option<String>> {
        self.child(name).map(|c| c.own_text()).transpose()
    }

    pub fn opt_u64(&self, name: &str) -> Result<Option<u64>> {
        let Some(child) = self.child(name) else {
            return Ok(None);
        };
        let text = child.own_text()?;
        let trimmed = text.trim();
        if !trimmed.is_empty() && trimmed.bytes().all(|c| c.is_ascii_digit()) {
            if let Ok(n) = trimmed.parse() {
                return Ok(Some(n));
            }
        }
        Err(bad_body(ApiMessage::BodyValue {
            path: child.path.clone(),
            expected: Box::new(ApiMessage::JsonCount {}),
            value: snippet(&text),
        }))
    }

    pub fn u64(&self, name: &str) -> Result<u64> {
        self.opt_u64(name)?.ok_or_else(|| self.missing(name))
    }

    pub fn opt_bool(&self, name: &str) -> Result<Option<bool>> {
        let Some(child) = self.child(name) else {
            return Ok(None);
        };
        match child.own_text()?.trim() {
            "true" => Ok(Some(true)),
            "false" => Ok(Some(false)),
            other => Err(bad_body(ApiMessage::BodyValue {
                path: child.path.clone(),
                expected: Box::new(ApiMessage::JsonBoolean {}),
                value: snippet(other),
            })),
        }
    }
}

/// A value for a message (which quotes it), cut to 60 characters.
pub fn snippet(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_text_and_entities() {
        let root = parse("<?xml version=\"1.0\"?>\n<R xmlns=\"x\"><A> a &amp; b </A><B/><A><![CDATA[<c>]]></A></R>").unwrap();
        assert_eq!(root.name, "R");
        let node = Node::root(&root, "R").unwrap();
        assert_eq!(node.text("A").unwrap(), " a & b ");
        assert_eq!(node.all("A")[1].own_text().unwrap(), "<c>");
        assert_eq!(node.text("B").unwrap(), "");
        assert_eq!(node.text("C").unwrap_err().en(), "<C> is missing in R.");
    }

    #[test]
    fn malformed_documents_are_errors_with_positions() {
        let err = parse("<R>\n  <A>1</B></R>").unwrap_err();
        assert_eq!(
            (err.line, err.kind),
            (Some(2), crate::ErrorKind::InvalidResponse)
        );
        assert!(parse("<R><A>").unwrap_err().en().contains("cut off"));
        assert!(parse("<R/><S/>").is_err());
        assert!(parse("hello").is_err());
        assert!(parse("").is_err());
        assert!(parse(&"<a>".repeat(100))
            .unwrap_err()
            .en()
            .contains("deeper"));
        let huge = parse("<R><N>99999999999999999999999</N></R>").unwrap();
        assert!(Node::root(&huge, "R").unwrap().opt_u64("N").is_err());
    }
}
