//! The words the library's enums are written as: `Display` writes the word
//! the JSON uses, `FromStr` reads it back in any case and with stray spaces,
//! so a binding or a command line reads `"march"` as [`YearEnd::March`]
//! without a round trip through serde.
//!
//! [`YearEnd::March`]: crate::measure::YearEnd::March

/// A word that is not one of an enum's words.
///
/// # Example
///
/// ```
/// use lineofsight::measure::YearEnd;
///
/// let err = "june".parse::<YearEnd>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown year end \"june\" (expected december or march)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {given:?} (expected {})", expected_words(expected))]
pub struct UnknownWord {
    /// What was being read, e.g. `year end`.
    pub what: &'static str,
    /// The text given.
    pub given: String,
    /// The words accepted.
    pub expected: &'static [&'static str],
}

/// `a, b or c`.
fn expected_words(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// `Display`, `FromStr` and `WORDS` for a unit-only enum whose serde names
/// are the words given. A unit test checks every word against serde.
macro_rules! words {
    ($ty:ident in $module:literal, $what:literal, {
        $first:ident => $first_word:literal $(, $variant:ident => $word:literal)* $(,)?
    }) => {
        impl $ty {
            #[doc = concat!("Every ", $what, " as written in JSON, in declaration order.")]
            pub const WORDS: &'static [&'static str] = &[$first_word $(, $word)*];

            #[doc = concat!("The word for this ", $what, ", as written in JSON.")]
            pub fn word(self) -> &'static str {
                match self {
                    $ty::$first => $first_word,
                    $($ty::$variant => $word,)*
                }
            }
        }

        #[doc = concat!("Writes the ", $what, " as JSON writes it.")]
        ///
        /// # Example
        ///
        /// ```
        #[doc = concat!("use lineofsight::", $module, "::", stringify!($ty), ";")]
        ///
        #[doc = concat!("assert_eq!(", stringify!($ty), "::", stringify!($first), ".to_string(), \"", $first_word, "\");")]
        /// ```
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.word())
            }
        }

        #[doc = concat!("Reads a ", $what, " from its JSON word, in any case, trimmed.")]
        ///
        /// # Errors
        ///
        /// [`UnknownWord`](crate::UnknownWord) naming the text and the words accepted.
        ///
        /// # Example
        ///
        /// ```
        #[doc = concat!("use lineofsight::", $module, "::", stringify!($ty), ";")]
        ///
        #[doc = concat!("let read: ", stringify!($ty), " = \" ", $first_word, " \".to_uppercase().parse()?;")]
        #[doc = concat!("assert_eq!(read, ", stringify!($ty), "::", stringify!($first), ");")]
        #[doc = concat!("assert!(\"no such word\".parse::<", stringify!($ty), ">().is_err());")]
        /// # Ok::<(), lineofsight::UnknownWord>(())
        /// ```
        impl std::str::FromStr for $ty {
            type Err = $crate::words::UnknownWord;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let t = s.trim();
                if t.eq_ignore_ascii_case($first_word) {
                    return Ok($ty::$first);
                }
                $(if t.eq_ignore_ascii_case($word) {
                    return Ok($ty::$variant);
                })*
                Err($crate::words::UnknownWord {
                    what: $what,
                    given: s.to_string(),
                    expected: $ty::WORDS,
                })
            }
        }
    };
}

use crate::import::{Field, LabelTarget, ListCells, TableFormat};
use crate::measure::{
    AreaLevel, Comparison, PeriodKind, PeriodStatus, Polarity, QuartileBand, Suppression, Trend,
    YearEnd,
};
use crate::plan::{Aggregation, Frequency, LeadKind, Lifecycle, WarningKind};
use crate::rating::{Rating, Scale};
use crate::rules::{ManualOverride, ReasonCode};
use crate::timescale::{Cadence, Precision, ProblemKind};

words!(Scale in "rating", "rating scale", { Rag => "rag", Brag => "brag", Ipa5 => "ipa5" });
words!(Lifecycle in "plan", "lifecycle state", {
    NotStarted => "not_started",
    InProgress => "in_progress",
    Complete => "complete",
    Deferred => "deferred",
    Cancelled => "cancelled",
});
words!(LeadKind in "plan", "lead kind", {
    Role => "role",
    Team => "team",
    Organisation => "organisation",
    Person => "person",
});
words!(Frequency in "plan", "frequency", {
    Monthly => "monthly",
    Quarterly => "quarterly",
    Annual => "annual",
});
words!(Aggregation in "plan", "aggregation", { Sum => "sum", Mean => "mean", Last => "last" });
words!(WarningKind in "plan", "warning kind", {
    DuplicateRef => "duplicate_ref",
    ImpossibleDate => "impossible_date",
    TimescaleNotUnderstood => "timescale_not_understood",
    TimescalePartlyRead => "timescale_partly_read",
});
words!(ReasonCode in "rules", "reason code", {
    Complete => "complete",
    Deferred => "deferred",
    Cancelled => "cancelled",
    Overdue => "overdue",
    DueSoon => "due_soon",
    OnTrack => "on_track",
    NotYetStarted => "not_yet_started",
    BehindExpectedProgress => "behind_expected_progress",
    OngoingUpdated => "ongoing_updated",
    UpdateOverdue => "update_overdue",
    NoProgressUpdate => "no_progress_update",
    NoTimescale => "no_timescale",
    ToBeConfirmed => "to_be_confirmed",
    TimescaleNotUnderstood => "timescale_not_understood",
    RollUp => "roll_up",
    NothingRated => "nothing_rated",
    OnTarget => "on_target",
    WithinTolerance => "within_tolerance",
    OffTarget => "off_target",
    OffTargetImproving => "off_target_improving",
    NoValue => "no_value",
    QualitativeMeasure => "qualitative_measure",
    RatedByHand => "rated_by_hand",
    TargetNotUnderstood => "target_not_understood",
});
words!(ManualOverride in "rules", "manual override", {
    Never => "never",
    WorseOnly => "worse_only",
    Always => "always",
});
words!(TableFormat in "import", "table format", {
    Auto => "auto",
    Csv => "csv",
    Tsv => "tsv",
    Markdown => "markdown",
    Xlsx => "xlsx",
    Docx => "docx",
});
words!(ListCells in "import", "list-cells option", {
    Actions => "actions",
    SubActivities => "sub_activities",
});
words!(LabelTarget in "import", "label target", {
    Measures => "measures",
    Approach => "approach",
    Aim => "aim",
    Impact => "impact",
    Notes => "notes",
});
words!(Field in "import", "column field", {
    Ref => "ref",
    Action => "action",
    Lead => "lead",
    Timescale => "timescale",
    Progress => "progress",
    UpdateDate => "update_date",
    Status => "status",
    Evidence => "evidence",
    Rag => "rag",
    Objective => "objective",
    ObjectiveRef => "objective_ref",
    Measure => "measure",
    Impact => "impact",
    Id => "id",
    Ignore => "ignore",
});
words!(Precision in "timescale", "precision", {
    Day => "day",
    Week => "week",
    Month => "month",
    Quarter => "quarter",
    Year => "year",
    FinancialYear => "financial_year",
    AcademicYear => "academic_year",
});
words!(Cadence in "timescale", "cadence", {
    Weekly => "weekly",
    Monthly => "monthly",
    Quarterly => "quarterly",
    Termly => "termly",
    Annually => "annually",
    EachMeeting => "each_meeting",
});
words!(ProblemKind in "timescale", "timescale problem", {
    ImpossibleDate => "impossible_date",
    NotUnderstood => "not_understood",
    Ignored => "ignored",
});
words!(Suppression in "measure", "suppression", {
    Confidential => "confidential",
    NotAvailable => "not_available",
    NotApplicable => "not_applicable",
    Low => "low",
    LowReliability => "low_reliability",
    Missing => "missing",
});
words!(QuartileBand in "measure", "quartile band", { A => "A", B => "B", C => "C", D => "D" });
words!(Polarity in "measure", "polarity", {
    HigherIsBetter => "higher_is_better",
    LowerIsBetter => "lower_is_better",
    None => "none",
});
words!(PeriodKind in "measure", "period kind", {
    Year => "year",
    FinancialYear => "financial_year",
    AcademicYear => "academic_year",
    Quarter => "quarter",
    Month => "month",
    Span => "span",
});
words!(PeriodStatus in "measure", "period status", {
    Provisional => "provisional",
    Revised => "revised",
    Final => "final",
    Outturn => "outturn",
});
words!(YearEnd in "measure", "year end", { December => "december", March => "march" });
words!(AreaLevel in "measure", "area level", {
    National => "national",
    Regional => "regional",
    LocalAuthority => "local_authority",
});
words!(Comparison in "measure", "comparison", {
    AtLeast => "at_least",
    AtMost => "at_most",
    Above => "above",
    Below => "below",
    Equal => "equal",
    Between => "between",
    IncreaseTo => "increase_to",
    DecreaseTo => "decrease_to",
    Maintain => "maintain",
});
words!(Trend in "measure", "trend", {
    Improving => "improving",
    Worsening => "worsening",
    NoChange => "no_change",
    Up => "up",
    Down => "down",
    NotComparable => "not_comparable",
});

/// The words a rating is read from: its JSON code (`amber_green`).
const RATING_CODES: &[&str] = &[
    "red",
    "amber_red",
    "amber",
    "amber_green",
    "green",
    "blue",
    "not_rated",
    "no_data",
];

/// Reads a rating from its JSON code (`amber_green`) or its English name
/// (`Amber/Green`, which `Display` writes), in any case, trimmed. For the
/// spellings councils use in trackers (`A/G`, `On track`), see
/// [`Rating::parse`].
///
/// # Errors
///
/// [`UnknownWord`] naming the text and the codes accepted.
///
/// # Example
///
/// ```
/// use lineofsight::Rating;
///
/// assert_eq!(" Amber_Green ".parse::<Rating>()?, Rating::AmberGreen);
/// assert_eq!(Rating::NotRated.to_string().parse::<Rating>()?, Rating::NotRated);
/// assert!("purple".parse::<Rating>().is_err());
/// # Ok::<(), lineofsight::UnknownWord>(())
/// ```
impl std::str::FromStr for Rating {
    type Err = UnknownWord;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Rating::ALL
            .into_iter()
            .find(|r| t.eq_ignore_ascii_case(r.code()) || t.eq_ignore_ascii_case(r.name()))
            .ok_or_else(|| UnknownWord {
                what: "rating",
                given: s.to_string(),
                expected: RATING_CODES,
            })
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::{Debug, Display};
    use std::str::FromStr;

    use serde::de::DeserializeOwned;
    use serde::Serialize;

    use super::*;

    /// Every word parses, displays as itself, and is what serde reads.
    fn reads<T>(words: &[&str])
    where
        T: FromStr<Err = UnknownWord> + Display + DeserializeOwned + PartialEq + Debug,
    {
        for word in words {
            let value: T = word.parse().expect("a word parses");
            assert_eq!(value.to_string(), *word);
            let from_serde: T =
                serde_json::from_value(serde_json::Value::String((*word).to_string()))
                    .expect("serde reads the word");
            assert_eq!(from_serde, value);
        }
    }

    /// As [`reads`], and serde writes the same word.
    fn agrees<T>(words: &[&str])
    where
        T: FromStr<Err = UnknownWord> + Display + DeserializeOwned + Serialize + PartialEq + Debug,
    {
        reads::<T>(words);
        for word in words {
            let value: T = word.parse().expect("a word parses");
            assert_eq!(serde_json::to_value(&value).expect("serialises"), *word);
        }
    }

    #[test]
    fn every_word_is_the_serde_name() {
        agrees::<Scale>(Scale::WORDS);
        agrees::<Lifecycle>(Lifecycle::WORDS);
        agrees::<LeadKind>(LeadKind::WORDS);
        agrees::<Frequency>(Frequency::WORDS);
        agrees::<Aggregation>(Aggregation::WORDS);
        agrees::<WarningKind>(WarningKind::WORDS);
        agrees::<ReasonCode>(ReasonCode::WORDS);
        agrees::<ManualOverride>(ManualOverride::WORDS);
        agrees::<Field>(Field::WORDS);
        agrees::<Precision>(Precision::WORDS);
        agrees::<Cadence>(Cadence::WORDS);
        agrees::<ProblemKind>(ProblemKind::WORDS);
        agrees::<Suppression>(Suppression::WORDS);
        agrees::<QuartileBand>(QuartileBand::WORDS);
        agrees::<Polarity>(Polarity::WORDS);
        agrees::<PeriodKind>(PeriodKind::WORDS);
        agrees::<PeriodStatus>(PeriodStatus::WORDS);
        agrees::<YearEnd>(YearEnd::WORDS);
        agrees::<AreaLevel>(AreaLevel::WORDS);
        agrees::<Comparison>(Comparison::WORDS);
        agrees::<Trend>(Trend::WORDS);
        // The import options are only read, never written.
        reads::<TableFormat>(TableFormat::WORDS);
        reads::<ListCells>(ListCells::WORDS);
        reads::<LabelTarget>(LabelTarget::WORDS);
    }

    #[test]
    fn ratings_read_codes_and_names() {
        for r in Rating::ALL {
            assert_eq!(r.code().parse::<Rating>(), Ok(r));
            assert_eq!(r.to_string().to_uppercase().parse::<Rating>(), Ok(r));
            assert_eq!(serde_json::to_value(r).expect("serialises"), r.code());
        }
        assert_eq!(RATING_CODES, Rating::ALL.map(Rating::code));
    }

    #[test]
    fn unknown_words_name_the_text_and_the_words() {
        let err = " Weekly? ".parse::<Cadence>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown cadence \" Weekly? \" (expected weekly, monthly, quarterly, termly, \
             annually or each_meeting)"
        );
        assert_eq!(err.given, " Weekly? ");
        assert_eq!(err.expected, Cadence::WORDS);
    }
}
