//! Observed values: a number, or a published symbol saying why there is none.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a published table has no number in a cell. These are states, never
/// zeros and never errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Suppression {
    /// `c`: confidential, suppressed to protect individuals.
    Confidential,
    /// `x`: not available.
    NotAvailable,
    /// `z`: not applicable.
    NotApplicable,
    /// `low` or `k`: a small number, rounded away (fewer than 0.5 or 5).
    Low,
    /// `u`: published as of low reliability and withheld.
    LowReliability,
    /// `-`, `.`, `..`, `:`, `n/a`, `NA` or a blank cell: no value.
    Missing,
}

impl Suppression {
    /// The symbol a DfE table writes for this state (`Missing` is written `-`).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::Suppression;
    ///
    /// assert_eq!(Suppression::Confidential.symbol(), "c");
    /// ```
    pub fn symbol(self) -> &'static str {
        match self {
            Suppression::Confidential => "c",
            Suppression::NotAvailable => "x",
            Suppression::NotApplicable => "z",
            Suppression::Low => "low",
            Suppression::LowReliability => "u",
            Suppression::Missing => "-",
        }
    }

    /// What the state means, in words for a report.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::Suppression;
    ///
    /// assert_eq!(Suppression::NotApplicable.describe(), "not applicable (z)");
    /// ```
    pub fn describe(self) -> &'static str {
        match self {
            Suppression::Confidential => "suppressed to protect confidentiality (c)",
            Suppression::NotAvailable => "not available (x)",
            Suppression::NotApplicable => "not applicable (z)",
            Suppression::Low => "a small number rounded away (low)",
            Suppression::LowReliability => "withheld as of low reliability (u)",
            Suppression::Missing => "not published (-)",
        }
    }

    /// Reads a suppression symbol, case-insensitively; `None` if the text is
    /// not one.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::Suppression;
    ///
    /// assert_eq!(Suppression::parse(" C "), Some(Suppression::Confidential));
    /// assert_eq!(Suppression::parse(""), Some(Suppression::Missing));
    /// assert_eq!(Suppression::parse("12"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Suppression> {
        // Compared without a lowercased copy: this runs once per cell.
        const SYMBOLS: [(&str, Suppression); 14] = [
            ("c", Suppression::Confidential),
            ("x", Suppression::NotAvailable),
            ("z", Suppression::NotApplicable),
            ("low", Suppression::Low),
            ("k", Suppression::Low),
            ("u", Suppression::LowReliability),
            ("", Suppression::Missing),
            ("-", Suppression::Missing),
            (".", Suppression::Missing),
            ("..", Suppression::Missing),
            (":", Suppression::Missing),
            ("n/a", Suppression::Missing),
            ("na", Suppression::Missing),
            ("_", Suppression::Missing),
        ];
        let t = text.trim();
        if t.len() > 3 {
            return None;
        }
        if t == "\u{2013}" {
            return Some(Suppression::Missing);
        }
        SYMBOLS
            .iter()
            .find(|(symbol, _)| t.eq_ignore_ascii_case(symbol))
            .map(|(_, s)| *s)
    }
}

/// One published value: a number, or the reason there is none.
///
/// In JSON a number is a number and a suppressed value is its symbol
/// (`"c"`, `"x"`, `"z"`, `"low"`, `"u"`, `"-"`); numeric strings such as
/// `"9.3699999999999992"`, `"45%"` or `"1,699"` are read as numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ObservedValue {
    /// A number.
    Number(f64),
    /// No number, and why.
    Suppressed(Suppression),
}

/// A cell that is neither a number nor a known suppression symbol.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is neither a number nor a suppression symbol (c, x, z, low, k, u, -, ., .., :, blank)")]
pub struct ValueError {
    /// The text as found.
    pub text: String,
}

impl ObservedValue {
    /// Reads a published cell.
    ///
    /// # Errors
    ///
    /// [`ValueError`] when the text is neither a number nor a symbol.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::{ObservedValue, Suppression};
    ///
    /// assert_eq!(ObservedValue::parse("1,699")?, ObservedValue::Number(1699.0));
    /// assert_eq!(ObservedValue::parse("45%")?, ObservedValue::Number(45.0));
    /// assert_eq!(ObservedValue::parse("c")?, ObservedValue::Suppressed(Suppression::Confidential));
    /// assert!(ObservedValue::parse("about ten").is_err());
    /// # Ok::<(), lineofsight::measure::ValueError>(())
    /// ```
    pub fn parse(text: &str) -> Result<ObservedValue, ValueError> {
        if let Some(s) = Suppression::parse(text) {
            return Ok(ObservedValue::Suppressed(s));
        }
        let t = text.trim();
        let t = t.strip_suffix('%').unwrap_or(t).trim();
        // Thousands separators dropped, copying only when there are some.
        let cleaned: std::borrow::Cow<'_, str> = if t.contains(',') {
            t.chars().filter(|c| *c != ',').collect::<String>().into()
        } else {
            t.into()
        };
        match cleaned.parse::<f64>() {
            Ok(v) if v.is_finite() && !cleaned.starts_with('+') => Ok(ObservedValue::Number(v)),
            _ => Err(ValueError {
                text: text.to_string(),
            }),
        }
    }

    /// The number, if there is one.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::{ObservedValue, Suppression};
    ///
    /// assert_eq!(ObservedValue::Number(2.5).number(), Some(2.5));
    /// assert_eq!(ObservedValue::Suppressed(Suppression::Low).number(), None);
    /// ```
    pub fn number(self) -> Option<f64> {
        match self {
            ObservedValue::Number(v) => Some(v),
            ObservedValue::Suppressed(_) => None,
        }
    }
}

impl fmt::Display for ObservedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ObservedValue::Number(v) => write!(f, "{}", format_number(*v)),
            ObservedValue::Suppressed(s) => f.write_str(s.symbol()),
        }
    }
}

/// A number as a report writes it: no trailing `.0`, at most two decimals.
pub(crate) fn format_number(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else if (rounded * 10.0).fract() == 0.0 {
        format!("{rounded:.1}")
    } else {
        format!("{rounded:.2}")
    }
}

impl Serialize for ObservedValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ObservedValue::Number(v) => s.serialize_f64(*v),
            ObservedValue::Suppressed(x) => s.serialize_str(x.symbol()),
        }
    }
}

impl<'de> Deserialize<'de> for ObservedValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(f64),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Number(v) if v.is_finite() => Ok(ObservedValue::Number(v)),
            Raw::Number(v) => Err(serde::de::Error::custom(format!(
                "{v} is not a finite number"
            ))),
            Raw::Text(t) => ObservedValue::parse(&t).map_err(serde::de::Error::custom),
        }
    }
}

impl JsonSchema for ObservedValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ObservedValue".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number, a numeric string, or a suppression symbol: c, x, z, low, k, u, -, ., .., :, blank.",
            "type": ["number", "string"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_suppression_symbol_is_a_state() {
        for (text, want) in [
            ("c", Suppression::Confidential),
            ("x", Suppression::NotAvailable),
            ("z", Suppression::NotApplicable),
            ("low", Suppression::Low),
            ("LOW", Suppression::Low),
            ("k", Suppression::Low),
            ("u", Suppression::LowReliability),
            ("-", Suppression::Missing),
            (".", Suppression::Missing),
            ("..", Suppression::Missing),
            (":", Suppression::Missing),
            ("", Suppression::Missing),
            ("   ", Suppression::Missing),
            ("n/a", Suppression::Missing),
        ] {
            assert_eq!(
                ObservedValue::parse(text),
                Ok(ObservedValue::Suppressed(want)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn numbers_as_published() {
        for (text, want) in [
            ("12", 12.0),
            ("9.3699999999999992", 9.37),
            (" 1,699 ", 1699.0),
            ("45%", 45.0),
            ("-3.5", -3.5),
            ("0", 0.0),
        ] {
            let got = ObservedValue::parse(text).unwrap().number().unwrap();
            assert!((got - want).abs() < 1e-9, "{text:?}: {got}");
        }
        for bad in ["NaN", "inf", "ten", "1.2.3", "+4"] {
            assert!(ObservedValue::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn json_round_trip() {
        let v: Vec<ObservedValue> = serde_json::from_str(r#"[1.5, "c", "2,000", "-"]"#).unwrap();
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"[1.5,"c",2000.0,"-"]"#
        );
        assert!(serde_json::from_str::<ObservedValue>(r#""lots""#).is_err());
    }

    #[test]
    fn report_numbers() {
        assert_eq!(format_number(64.0), "64");
        assert_eq!(format_number(9.369_999_9), "9.37");
        assert_eq!(format_number(45.5), "45.5");
    }
}
