//! A serde serializer that writes rows of structs straight into flattened
//! columns: nested struct fields become `outer_inner` columns, lists of
//! text stay lists (an action's leads), other lists become JSON text. It moves plain data only; it is the fast path behind
//! [`Table`](crate::table::Table) (a million rows without building a JSON
//! tree per row).

use std::collections::HashMap;
use std::fmt;

use serde::ser::{self, Serialize};

/// One cell as serialised; text is a span of its column's text buffer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Leaf {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(usize, usize),
    /// A list of text: the items from `start` to `end` of the column's
    /// `items`.
    List(usize, usize),
}

/// One column's cells, its text kept in one buffer (no allocation per cell).
#[derive(Default)]
pub struct RawCol {
    pub cells: Vec<Leaf>,
    pub text: String,
    /// The items of the column's lists, as spans of `text`.
    pub items: Vec<(usize, usize)>,
}

/// Columns being filled, row by row.
#[derive(Default)]
pub struct Sink {
    pub names: Vec<String>,
    pub cols: Vec<RawCol>,
    index: HashMap<String, usize>,
    prefix: String,
    cursor: usize,
    row: usize,
}

#[derive(Debug)]
pub struct SinkError(String);

impl fmt::Display for SinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SinkError {}

impl ser::Error for SinkError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        SinkError(msg.to_string())
    }
}

impl Sink {
    /// Adds one row; `skip` names top-level fields to leave out.
    pub fn push<T: Serialize>(&mut self, row: &T, skip: &'static [&'static str]) {
        self.cursor = 0;
        self.prefix.clear();
        let _ = row.serialize(RowSer {
            sink: self,
            skip,
            depth: 0,
        });
        self.row += 1;
    }

    /// The columns, each as long as the rows, without the all-null columns
    /// left by an absent nested value whose fields have columns too.
    pub fn finish(mut self) -> (Vec<String>, Vec<RawCol>, usize) {
        let rows = self.row;
        for col in &mut self.cols {
            col.cells.resize(rows, Leaf::Null);
        }
        let keep: Vec<bool> = self
            .names
            .iter()
            .zip(&self.cols)
            .map(|(name, col)| {
                let shadow = format!("{name}_");
                !(col.cells.iter().all(|c| *c == Leaf::Null)
                    && self.names.iter().any(|n| n.starts_with(&shadow)))
            })
            .collect();
        let mut names = Vec::new();
        let mut cols = Vec::new();
        for ((n, c), k) in self.names.into_iter().zip(self.cols).zip(keep) {
            if k {
                names.push(n);
                cols.push(c);
            }
        }
        (names, cols, rows)
    }

    /// The column the current prefix names, made when new, padded to the row.
    fn column(&mut self) -> Option<&mut RawCol> {
        if self.prefix.is_empty() {
            self.prefix.push_str("value");
        }
        let at = if self.names.get(self.cursor) == Some(&self.prefix) {
            self.cursor
        } else if let Some(at) = self.index.get(&self.prefix) {
            *at
        } else {
            self.index.insert(self.prefix.clone(), self.names.len());
            self.names.push(self.prefix.clone());
            self.cols.push(RawCol::default());
            self.names.len() - 1
        };
        self.cursor = at + 1;
        let col = &mut self.cols[at];
        if col.cells.len() < self.row {
            col.cells.resize(self.row, Leaf::Null);
        }
        // A second value for the same column in one row is dropped.
        (col.cells.len() == self.row).then_some(col)
    }

    fn leaf(&mut self, v: Leaf) {
        if let Some(col) = self.column() {
            col.cells.push(v);
        }
    }

    fn text(&mut self, s: &str) {
        if let Some(col) = self.column() {
            let start = col.text.len();
            col.text.push_str(s);
            col.cells.push(Leaf::Str(start, col.text.len()));
        }
    }

    fn list(&mut self, items: &[&str]) {
        if let Some(col) = self.column() {
            let first = col.items.len();
            for item in items {
                let start = col.text.len();
                col.text.push_str(item);
                col.items.push((start, col.text.len()));
            }
            col.cells.push(Leaf::List(first, col.items.len()));
        }
    }

    fn enter(&mut self, key: &str) -> usize {
        let len = self.prefix.len();
        if len > 0 {
            self.prefix.push('_');
        }
        self.prefix.push_str(key);
        len
    }

    fn leave(&mut self, len: usize) {
        self.prefix.truncate(len);
    }
}

struct RowSer<'a> {
    sink: &'a mut Sink,
    skip: &'static [&'static str],
    depth: usize,
}

impl<'a> RowSer<'a> {
    fn child(&mut self) -> RowSer<'_> {
        RowSer {
            sink: self.sink,
            skip: &[],
            depth: self.depth + 1,
        }
    }
}

type R = Result<(), SinkError>;

/// Lists: of text as lists, others (and other values kept whole) as JSON
/// text.
struct Whole<'a> {
    sink: &'a mut Sink,
    items: Vec<serde_json::Value>,
}

impl Whole<'_> {
    fn add<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        let v = serde_json::to_value(v).map_err(|e| SinkError(e.to_string()))?;
        self.items.push(v);
        Ok(())
    }

    fn done(self) -> R {
        if self.items.iter().all(serde_json::Value::is_string) {
            let items: Vec<&str> = self
                .items
                .iter()
                .filter_map(serde_json::Value::as_str)
                .collect();
            self.sink.list(&items);
            return Ok(());
        }
        let text = serde_json::Value::Array(self.items).to_string();
        self.sink.text(&text);
        Ok(())
    }
}

impl ser::SerializeSeq for Whole<'_> {
    type Ok = ();
    type Error = SinkError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        self.add(v)
    }
    fn end(self) -> R {
        self.done()
    }
}

impl ser::SerializeTuple for Whole<'_> {
    type Ok = ();
    type Error = SinkError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        self.add(v)
    }
    fn end(self) -> R {
        self.done()
    }
}

impl ser::SerializeTupleStruct for Whole<'_> {
    type Ok = ();
    type Error = SinkError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        self.add(v)
    }
    fn end(self) -> R {
        self.done()
    }
}

impl ser::SerializeTupleVariant for Whole<'_> {
    type Ok = ();
    type Error = SinkError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        self.add(v)
    }
    fn end(self) -> R {
        self.done()
    }
}

/// Struct fields and map entries, each under its own column prefix.
struct Fields<'a> {
    ser: RowSer<'a>,
    key: Option<String>,
    /// Prefix length to restore at the end (struct variants add one level).
    outer: Option<usize>,
}

impl Fields<'_> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, v: &T) -> R {
        if self.ser.depth == 0 && self.ser.skip.contains(&key) {
            return Ok(());
        }
        let len = self.ser.sink.enter(key);
        let r = v.serialize(self.ser.child());
        self.ser.sink.leave(len);
        r
    }

    fn end(self) -> R {
        if let Some(len) = self.outer {
            self.ser.sink.leave(len);
        }
        Ok(())
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = SinkError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> R {
        self.field(key, v)
    }
    fn end(self) -> R {
        Fields::end(self)
    }
}

impl ser::SerializeStructVariant for Fields<'_> {
    type Ok = ();
    type Error = SinkError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> R {
        self.field(key, v)
    }
    fn end(self) -> R {
        Fields::end(self)
    }
}

impl ser::SerializeMap for Fields<'_> {
    type Ok = ();
    type Error = SinkError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> R {
        let k = match serde_json::to_value(key).map_err(|e| SinkError(e.to_string()))? {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        self.key = Some(k);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        let key = self.key.take().unwrap_or_default();
        self.field(&key, v)
    }
    fn end(self) -> R {
        Fields::end(self)
    }
}

impl<'a> ser::Serializer for RowSer<'a> {
    type Ok = ();
    type Error = SinkError;
    type SerializeSeq = Whole<'a>;
    type SerializeTuple = Whole<'a>;
    type SerializeTupleStruct = Whole<'a>;
    type SerializeTupleVariant = Whole<'a>;
    type SerializeMap = Fields<'a>;
    type SerializeStruct = Fields<'a>;
    type SerializeStructVariant = Fields<'a>;

    fn serialize_bool(self, v: bool) -> R {
        self.sink.leaf(Leaf::Bool(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> R {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> R {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> R {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> R {
        self.sink.leaf(Leaf::Int(v));
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> R {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u16(self, v: u16) -> R {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u32(self, v: u32) -> R {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u64(self, v: u64) -> R {
        match i64::try_from(v) {
            Ok(i) => self.serialize_i64(i),
            Err(_) => self.serialize_f64(v as f64),
        }
    }
    fn serialize_f32(self, v: f32) -> R {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> R {
        // As serde_json writes it: a number that is not finite is null.
        self.sink.leaf(if v.is_finite() {
            Leaf::Float(v)
        } else {
            Leaf::Null
        });
        Ok(())
    }
    fn serialize_char(self, v: char) -> R {
        self.sink.text(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> R {
        self.sink.text(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        self.sink.text(&String::from_utf8_lossy(v));
        Ok(())
    }
    fn serialize_none(self) -> R {
        self.sink.leaf(Leaf::Null);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> R {
        let sink = self.sink;
        let len = sink.enter(variant);
        let r = v.serialize(RowSer {
            sink: &mut *sink,
            skip: &[],
            depth: self.depth + 1,
        });
        sink.leave(len);
        r
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Whole<'a>, SinkError> {
        Ok(Whole {
            sink: self.sink,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Whole<'a>, SinkError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Whole<'a>, SinkError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Whole<'a>, SinkError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Fields<'a>, SinkError> {
        Ok(Fields {
            ser: self,
            key: None,
            outer: None,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'a>, SinkError> {
        Ok(Fields {
            ser: self,
            key: None,
            outer: None,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Fields<'a>, SinkError> {
        let len = self.sink.enter(variant);
        Ok(Fields {
            ser: self,
            key: None,
            outer: Some(len),
        })
    }
}
