//! The JSON path of a loading error, found by walking the text to where
//! `serde_json` stopped rather than by a second, path-tracking parse (a
//! second copy of every type's deserialiser in the WebAssembly module). A
//! test checks it against `serde_path_to_error` over many broken plans.

use std::fmt::Write as _;

use super::{offset_of, push_key};

/// A step of a JSON path, as `serde_path_to_error` records it.
enum Step {
    /// An object's key, unescaped.
    Key(String),
    /// An array's index.
    Index(usize),
    /// A key that was not read (a syntax error before or inside it): `?`.
    Unknown,
}

/// Where the walk of the text stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// A value, or inside one that is a string, number or literal.
    Value,
    /// A key or `}` (just after `{`), a key (after `,`), or inside a key.
    Key,
    /// The `:` after a key.
    Colon,
    /// `,` or the closing bracket, after a value.
    Next,
}

/// One open object or array in the walk: the key being read (objects) or
/// the index (arrays).
struct Open {
    key: Option<String>,
    index: usize,
    array: bool,
}

/// The JSON path of a `serde_json` error met while deserialising `json`,
/// exactly as `serde_path_to_error` would name it (`$.objectives[0].title`;
/// a test checks the two agree over thousands of broken plans), found
/// without a second, path-tracking parse: the text is walked to where the
/// error stands. A syntax error is found by the walk itself; an error in
/// the data (a wrong type, a missing field, a bad date) stands at
/// `serde_json`'s line and column. A syntax error inside a field that is
/// not read (`ignored`, from `serde_ignored`) is named by that field, as
/// nothing below it was tracked.
pub(super) fn error_path(
    json: &str,
    e: &serde_json::Error,
    ignored: &[String],
    reparse: &dyn Fn(&str) -> Option<serde_json::Error>,
) -> String {
    // `serde_json`'s column counts the bytes read on the line.
    let at = (offset_of(json, e.line(), e.column()) + 1).min(json.len());
    // A syntax error is where the walk finds one; `serde_json` stands at it
    // or just past it. Anything else (a wrong type, a number out of range,
    // `null` where a word must be) stands where `serde_json` stopped.
    let grammar = matches!(
        e.classify(),
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof
    )
    .then(|| walk(json, None))
    .flatten()
    .filter(|w| w.stop < at || w.stop == json.len());
    let syntax = grammar.is_some();
    let Some(Walk {
        open,
        expect,
        stop,
        first,
        closed,
    }) = grammar.or_else(|| walk(json, Some(at)))
    else {
        return "$".to_string();
    };
    let message = e.to_string();
    // The steps down to the innermost open object or array, each value
    // being read named by its key or index.
    let mut steps: Vec<Step> = Vec::new();
    let last = open.len().saturating_sub(1);
    for (depth, frame) in open.iter().enumerate() {
        let inner = depth == last;
        let step = if frame.array {
            Step::Index(frame.index)
        } else {
            match &frame.key {
                Some(k) => Step::Key(k.clone()),
                None => Step::Unknown,
            }
        };
        if !inner {
            steps.push(step);
            continue;
        }
        let value = if syntax {
            match expect {
                // `serde_json` looks for the end of an array before reading
                // an element: the end of the text there is the array's.
                Expect::Value if frame.array && stop >= json.len() => None,
                Expect::Value => Some(step),
                Expect::Key | Expect::Next if !frame.array => Some(Step::Unknown),
                _ => None,
            }
        } else {
            // An error in the data stands just after the value it is about
            // (`serde_json` reads a struct's closing brace before it reports
            // a missing field), or at the `{` or `[` of a value of the wrong
            // type; an unknown field (strict) just after its key. An error
            // found after a value was read (a date or number checked, a
            // tagged enum) stands where its object or array next stopped:
            // past the closing bracket when the value was the last one.
            match expect {
                _ if first => None,
                Expect::Next => match &closed {
                    Some(c) if last_value_failed(json, stop, c, e, reparse) => {
                        steps.push(step);
                        Some(if c.array {
                            Step::Index(c.index)
                        } else {
                            c.key.clone().map_or(Step::Unknown, Step::Key)
                        })
                    }
                    _ => Some(step),
                },
                Expect::Value => Some(step),
                Expect::Colon if message.starts_with("unknown field") => Some(step),
                _ => None,
            }
        };
        steps.extend(value);
    }
    if syntax {
        // Below a field not read, nothing is tracked.
        let mut plain = "$".to_string();
        for (n, step) in steps.iter().enumerate() {
            match step {
                Step::Key(k) => push_key(&mut plain, k),
                Step::Index(i) => {
                    let _ = write!(plain, "[{i}]");
                }
                Step::Unknown => break,
            }
            if ignored.contains(&plain) {
                steps.truncate(n + 1);
                break;
            }
        }
    }
    if steps.is_empty() {
        return "$".to_string();
    }
    let mut path = "$".to_string();
    for step in &steps {
        match step {
            Step::Key(k) => {
                path.push('.');
                path.push_str(k);
            }
            Step::Index(i) => {
                let _ = write!(path, "[{i}]");
            }
            Step::Unknown => path.push_str(".?"),
        }
    }
    path
}

/// Whether an error standing just past the closing bracket of `closed`
/// is about its last value (checked after it was read: a date, a tagged
/// enum) rather than about the object itself (a missing field, a
/// flattened field). The two stand at the same byte; parsed again with a
/// field no type reads put after the last one, the first stops before it
/// and the second after. Arrays: about the last element unless the array's
/// length is wrong.
fn last_value_failed(
    json: &str,
    stop: usize,
    closed: &Open,
    e: &serde_json::Error,
    reparse: &dyn Fn(&str) -> Option<serde_json::Error>,
) -> bool {
    if closed.array {
        return !e.to_string().starts_with("invalid length");
    }
    let bracket = stop.saturating_sub(1);
    if closed.key.is_none() {
        return false;
    }
    let (Some(head), Some(tail)) = (json.get(..bracket), json.get(bracket..)) else {
        return false;
    };
    let again = format!("{head},\"\\u0000\":0{tail}");
    reparse(&again).is_some_and(|e| offset_of(&again, e.line(), e.column()) < bracket)
}

/// Where a [`walk`] stopped.
struct Walk {
    /// The objects and arrays open there, outermost first.
    open: Vec<Open>,
    /// What comes next.
    expect: Expect,
    /// The byte.
    stop: usize,
    /// Just after the `{` or `[` of the innermost open one.
    first: bool,
    /// The object or array whose closing bracket is the byte before.
    closed: Option<Open>,
}

/// Walks JSON text as `serde_json` reads it: to the first syntax error
/// (`stop` `None`; `None` back if there is none), or to byte `stop`.
/// Gives the open objects and arrays, what comes next, and the byte where
/// the walk stopped.
fn walk(json: &str, stop: Option<usize>) -> Option<Walk> {
    let bytes = json.as_bytes();
    let end = stop.unwrap_or(usize::MAX);
    let mut open: Vec<Open> = Vec::new();
    let mut expect = Expect::Value;
    // Just after `{` or `[`, where the closing bracket may come at once.
    let mut first = false;
    let mut i = 0;
    // The object or array whose closing bracket ends at `closed.1`.
    let mut closed: Option<(Open, usize)> = None;
    macro_rules! at {
        ($at:expr) => {
            return Some(Walk {
                first,
                closed: closed.filter(|c| c.1 == $at).map(|c| c.0),
                open,
                expect,
                stop: $at,
            })
        };
    }
    loop {
        while i < end && matches!(bytes.get(i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            i += 1;
        }
        let Some(&b) = bytes.get(i).filter(|_| i < end) else {
            at!(i);
        };
        let array = open.last().is_some_and(|o| o.array);
        let closing = if array { b']' } else { b'}' };
        if first && b == closing {
            i += 1;
            first = false;
            closed = open.pop().map(|o| (o, i));
            expect = Expect::Next;
        } else {
            first = false;
            match expect {
                Expect::Key => {
                    if b != b'"' {
                        at!(i);
                    }
                    let Some(next) = string(bytes, i) else {
                        at!(i);
                    };
                    if next > end {
                        at!(end);
                    }
                    if let Some(o) = open.last_mut() {
                        o.key = json
                            .get(i..next)
                            .and_then(|k| serde_json::from_str::<String>(k).ok());
                    }
                    i = next;
                    expect = Expect::Colon;
                }
                Expect::Colon => {
                    if b != b':' {
                        at!(i);
                    }
                    i += 1;
                    expect = Expect::Value;
                }
                Expect::Next => {
                    if b == closing && !open.is_empty() {
                        i += 1;
                        closed = open.pop().map(|o| (o, i));
                    } else if b == b',' && !open.is_empty() {
                        i += 1;
                        if let Some(o) = open.last_mut() {
                            o.index += 1;
                            o.key = None;
                        }
                        expect = if array { Expect::Value } else { Expect::Key };
                        if array {
                            // `serde_json` looks past the comma before the
                            // element is read: a `]` or the end there is the
                            // array's error, not the element's.
                            while i < end
                                && matches!(bytes.get(i), Some(b' ' | b'\n' | b'\r' | b'\t'))
                            {
                                i += 1;
                            }
                            if i < end && matches!(bytes.get(i), Some(b']') | None) {
                                expect = Expect::Next;
                                at!(i);
                            }
                        }
                    } else {
                        at!(i);
                    }
                }
                Expect::Value => {
                    let next = match b {
                        b'{' | b'[' => {
                            open.push(Open {
                                key: None,
                                index: 0,
                                array: b == b'[',
                            });
                            first = true;
                            expect = if b == b'[' {
                                Expect::Value
                            } else {
                                Expect::Key
                            };
                            i += 1;
                            continue;
                        }
                        b'"' => string(bytes, i),
                        _ => scalar(bytes, i),
                    };
                    let Some(next) = next else {
                        at!(i);
                    };
                    if next > end {
                        at!(end);
                    }
                    i = next;
                    expect = Expect::Next;
                }
            }
        }
        if open.is_empty() && expect == Expect::Next {
            // The root value is read; what follows is for `de.end()`.
            stop?;
            at!(i);
        }
    }
}

/// The byte after the JSON string starting at `start` (its `"`), or `None`
/// if it is not a string `serde_json` reads: unclosed, a control character,
/// a bad escape. (Unpaired surrogates in `\\u` escapes are not checked;
/// [`error_path`] then falls back to where `serde_json` stopped.)
fn string(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        match *bytes.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => match *bytes.get(i + 1)? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                b'u' => {
                    let hex = bytes.get(i + 2..i + 6)?;
                    if !hex.iter().all(u8::is_ascii_hexdigit) {
                        return None;
                    }
                    i += 6;
                }
                _ => return None,
            },
            0..=0x1F => return None,
            _ => i += 1,
        }
    }
}

/// The byte after the number, `true`, `false` or `null` at `start`, or
/// `None` if there is none there as `serde_json` reads them.
fn scalar(bytes: &[u8], start: usize) -> Option<usize> {
    for word in [&b"true"[..], b"false", b"null"] {
        if bytes.get(start).is_some_and(|b| *b == word[0]) {
            return bytes
                .get(start..)?
                .starts_with(word)
                .then_some(start + word.len());
        }
    }
    let digits = |mut i: usize| {
        let from = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        (i > from).then_some(i)
    };
    let mut i = start;
    if bytes.get(i) == Some(&b'-') {
        i += 1;
    }
    i = if bytes.get(i) == Some(&b'0') {
        if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        i + 1
    } else {
        digits(i)?
    };
    if bytes.get(i) == Some(&b'.') {
        i = digits(i + 1)?;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        i = digits(i)?;
    }
    Some(i)
}
