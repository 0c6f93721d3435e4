//! Small helpers over quick-xml for WordprocessingML: local names,
//! attributes by local name, on/off values, text references.

use quick_xml::events::{BytesRef, BytesStart};

use crate::rating::Fill;

/// A name without its namespace prefix (`w:tbl` is `tbl`).
pub(super) fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

/// An attribute's value by its local name (`val` finds `w:val`).
pub(super) fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| local(a.key.as_ref()) == name)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_or_else(|_| a.value.to_string(), std::borrow::Cow::into_owned)
        })
}

/// An on/off property such as `<w:b/>` or `<w:b w:val="0"/>`.
pub(super) fn is_on(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, "val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// A number attribute, at most `max`.
pub(super) fn number(e: &BytesStart<'_>, name: &str, max: usize) -> Option<usize> {
    attr(e, name)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(|v| usize::try_from(v.min(max as u64)).unwrap_or(max))
}

/// The colour of `<w:shd>`: its `w:fill`, or for a solid pattern its
/// `w:color`; `auto` and `nil` are no colour.
pub(super) fn shading(e: &BytesStart<'_>) -> Option<Fill> {
    let pattern = attr(e, "val").unwrap_or_default();
    if pattern == "nil" {
        return None;
    }
    let colour = if pattern == "solid" {
        attr(e, "color")
    } else {
        attr(e, "fill")
    };
    colour.as_deref().and_then(Fill::from_hex)
}

/// The text an entity or character reference stands for.
pub(super) fn reference(r: &BytesRef<'_>) -> Option<char> {
    if r.is_char_ref() {
        return r.resolve_char_ref().ok().flatten();
    }
    match r.as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}
