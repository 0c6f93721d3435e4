//! Recognising header cells by their many spellings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a column holds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The action's reference (`Ref`, `No.`, `NOS`).
    Ref,
    /// What will be done (`Action`, `Activity`, `Actions Required`, `What?`).
    Action,
    /// Who is responsible (`Lead`, `Lead Officer(s)`, `Who?`, `Owner`).
    Lead,
    /// By when (`By when?`, `Timescale`, `Target date`, `Due`).
    Timescale,
    /// Progress reported (`Progress`, `Update`, `Current Status`).
    Progress,
    /// Evidence recorded.
    Evidence,
    /// The recorded rating (`RAG`, `R/A/G`, `Status`).
    Rag,
    /// The objective or outcome the row serves (`Key Outcome`, `Objective`).
    Objective,
    /// The objective's number, in its own column.
    ObjectiveRef,
    /// Measures of success.
    Measure,
    /// The impact expected or seen.
    Impact,
    /// The action's id, when the table carries one (lineofsight's own
    /// exports do). A row with an id always starts a new action.
    Id,
    /// A column to leave out, such as the computed columns of an export;
    /// only an explicit mapping names it.
    Ignore,
}

impl Field {
    /// The field's name as a mapping file spells it, e.g. `objective_ref`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::import::Field;
    ///
    /// assert_eq!(Field::ObjectiveRef.name(), "objective_ref");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Field::Ref => "ref",
            Field::Action => "action",
            Field::Lead => "lead",
            Field::Timescale => "timescale",
            Field::Progress => "progress",
            Field::Evidence => "evidence",
            Field::Rag => "rag",
            Field::Objective => "objective",
            Field::ObjectiveRef => "objective_ref",
            Field::Measure => "measure",
            Field::Impact => "impact",
            Field::Id => "id",
            Field::Ignore => "ignore",
        }
    }

    /// Recognises a header cell by its spellings, ignoring case,
    /// punctuation and spacing: `Lead Officer(s)`, `Who?` and
    /// `Responsible officer` are all [`Field::Lead`].
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::import::Field;
    ///
    /// assert_eq!(Field::from_header("By when?"), Some(Field::Timescale));
    /// assert_eq!(Field::from_header("R/A/G"), Some(Field::Rag));
    /// assert_eq!(Field::from_header("Outcome we are trying to achieve"), Some(Field::Objective));
    /// assert_eq!(Field::from_header("Budget"), None);
    /// ```
    pub fn from_header(text: &str) -> Option<Field> {
        let key = normalise(text);
        if key.is_empty() {
            return None;
        }
        SYNONYMS
            .iter()
            .find(|(_, spellings)| spellings.contains(&key.as_str()))
            .map(|(field, _)| *field)
    }
}

const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::Ref,
        &[
            "ref",
            "reference",
            "no",
            "nos",
            "number",
            "ref no",
            "action ref",
            "action no",
        ],
    ),
    (Field::Id, &["action id", "id"]),
    (
        Field::Action,
        &[
            "action",
            "actions",
            "activity",
            "activities",
            "actions required",
            "action required",
            "what",
            "task",
            "tasks",
            "what will we do",
        ],
    ),
    (
        Field::Lead,
        &[
            "lead",
            "leads",
            "lead officer",
            "lead officers",
            "who",
            "responsible officer",
            "responsible officers",
            "owner",
            "owners",
            "responsible",
            "lead responsibility",
            "by whom",
        ],
    ),
    (
        Field::Timescale,
        &[
            "by when",
            "when",
            "timescale",
            "timescales",
            "target date",
            "target dates",
            "timeline",
            "timelines",
            "due",
            "due date",
            "deadline",
            "completion date",
            "target",
        ],
    ),
    (
        Field::Progress,
        &[
            "progress",
            "update",
            "updates",
            "current status",
            "monitoring and progress",
            "progress update",
            "comments",
            "commentary",
            "progress to date",
        ],
    ),
    (
        Field::Evidence,
        &["evidence", "evidence of impact", "evidence of progress"],
    ),
    (
        Field::Rag,
        &["rag", "rag status", "rag rating", "status", "rating"],
    ),
    (
        Field::Objective,
        &[
            "key outcome",
            "key outcomes",
            "outcome",
            "outcomes",
            "outcome we are trying to achieve",
            "objective",
            "objectives",
            "priority",
            "aim",
        ],
    ),
    (
        Field::Measure,
        &[
            "measures of success",
            "success measures",
            "measure",
            "measures",
            "measure of success",
            "success criteria",
            "kpi",
            "kpis",
        ],
    ),
    (Field::Impact, &["impact", "impacts", "expected impact"]),
];

/// Lower case, punctuation removed (so `R/A/G` is `rag`, `By when?` is
/// `by when`), white space collapsed, `(s)` plurals folded.
pub(crate) fn normalise(text: &str) -> String {
    let text = crate::import::cells::clean_text(text).replace("(s)", "s");
    let kept: String = text
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() {
                Some(c.to_lowercase().next().unwrap_or(c))
            } else if c.is_whitespace() || c == '-' || c == '_' {
                Some(' ')
            } else {
                None
            }
        })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many cells of a row name a field, and whether two cells name the
/// same one.
pub(crate) fn header_score(cells: &[String]) -> usize {
    let mut seen = Vec::new();
    for cell in cells {
        if let Some(f) = Field::from_header(cell) {
            if !seen.contains(&f) {
                seen.push(f);
            }
        }
    }
    seen.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_in_any_case_and_punctuation() {
        for (text, field) in [
            ("Ref", Field::Ref),
            ("No.", Field::Ref),
            ("NOS", Field::Ref),
            ("Actions Required", Field::Action),
            ("What?", Field::Action),
            ("Lead Officer(s)", Field::Lead),
            ("Who?", Field::Lead),
            ("Responsible officer", Field::Lead),
            ("OWNER", Field::Lead),
            ("By when?", Field::Timescale),
            ("Target date", Field::Timescale),
            ("Timeline", Field::Timescale),
            ("Due", Field::Timescale),
            ("Monitoring and progress", Field::Progress),
            ("Current Status", Field::Progress),
            ("Update", Field::Progress),
            ("Evidence", Field::Evidence),
            ("R/A/G", Field::Rag),
            ("Status", Field::Rag),
            ("Key Outcome", Field::Objective),
            ("Outcome we are trying to achieve", Field::Objective),
            ("Measures of success", Field::Measure),
            ("Success measures", Field::Measure),
            ("Impact", Field::Impact),
            ("**Action**", Field::Action),
        ] {
            assert_eq!(Field::from_header(text), Some(field), "{text}");
        }
        assert_eq!(Field::from_header(""), None);
        assert_eq!(Field::from_header("Budget"), None);
    }

    #[test]
    fn header_rows_score_by_distinct_fields() {
        let row = |cells: &[&str]| cells.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            header_score(&row(&["Ref", "Action", "Timescale", "RAG"])),
            4
        );
        assert_eq!(
            header_score(&row(&["Objective 1 - Children have a voice"])),
            0
        );
    }
}
