//! Recognising header cells by their many spellings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a column holds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Field {
    /// The action's reference (`Ref`, `No.`, `NOS`).
    Ref,
    /// What will be done (`Action`, `Activity`, `Actions Required`, `What?`).
    Action,
    /// Who is responsible (`Lead`, `Lead Officer(s)`, `Who?`, `Owner`).
    Lead,
    /// By when (`By when?`, `Timescale`, `Target date`, `Due`).
    Timescale,
    /// Progress commentary (`Progress`, `Update (Q3 2019/20)`, `Comments`,
    /// `Position statement`). Several such columns give several updates,
    /// each dated from its header where the header names a date.
    Progress,
    /// The date of the row's progress update (`Last updated`, `Date of
    /// update`).
    UpdateDate,
    /// Where the action is in its life (`Status`, `Stage`, `Current
    /// status`): lifecycle words set the state, rating words the recorded
    /// rating, anything longer is progress commentary.
    Status,
    /// Evidence recorded.
    Evidence,
    /// The recorded rating (`RAG`, `R/A/G`, `RAG status`, `Confidence`).
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
            Field::UpdateDate => "update_date",
            Field::Status => "status",
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
    /// Known spellings are matched whole first; otherwise the header's
    /// words are read: a header names what its main noun names
    /// (`Key future actions`, `Area for improvement` and `Milestones` are
    /// actions, `Accountable officer` a lead, `Target completion` a
    /// timescale, `Update as at 30/09/2019` progress), dates and quarters in
    /// it are left aside, and a word such as `RAG` or `Confidence` makes it
    /// the rating.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::import::Field;
    ///
    /// assert_eq!(Field::from_header("By when?"), Some(Field::Timescale));
    /// assert_eq!(Field::from_header("R/A/G"), Some(Field::Rag));
    /// assert_eq!(Field::from_header("Outcome we are trying to achieve"), Some(Field::Objective));
    /// assert_eq!(Field::from_header("Key future actions"), Some(Field::Action));
    /// assert_eq!(Field::from_header("Update (Q3 2019/20)"), Some(Field::Progress));
    /// assert_eq!(Field::from_header("Date of update"), Some(Field::UpdateDate));
    /// assert_eq!(Field::from_header("Current status"), Some(Field::Status));
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
            .or_else(|| by_words(&normalise(&text.replace(['/', '&', '+'], " "))))
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
            "what we will do",
            "what we are going to do",
            "how we will do it",
            "key actions",
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
    (Field::Rag, &["rag", "rag status", "rag rating", "rating"]),
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

/// Words that name a field wherever they stand in a header.
const WORDS: &[(Field, &[&str])] = &[
    (
        Field::Lead,
        &[
            "lead",
            "leads",
            "officer",
            "officers",
            "owner",
            "owners",
            "responsible",
            "responsibility",
            "accountable",
            "accountability",
            "who",
            "manager",
        ],
    ),
    (
        Field::Ref,
        &["ref", "refs", "reference", "no", "nos", "number", "item"],
    ),
    (Field::Status, &["status", "stage", "state", "lifecycle"]),
    (
        Field::Progress,
        &[
            "progress",
            "update",
            "updates",
            "comment",
            "comments",
            "commentary",
            "position",
            "statement",
            "monitoring",
            "narrative",
            "remarks",
        ],
    ),
    (
        Field::Timescale,
        &[
            "timescale",
            "timescales",
            "deadline",
            "deadlines",
            "date",
            "dates",
            "when",
            "due",
            "completion",
            "timeline",
            "timelines",
            "timeframe",
            "timeframes",
        ],
    ),
    (
        Field::Action,
        &[
            "action",
            "actions",
            "milestone",
            "milestones",
            "activity",
            "activities",
            "task",
            "tasks",
            "recommendation",
            "recommendations",
            "improvement",
            "improvements",
            "deliverable",
            "deliverables",
            "step",
            "steps",
        ],
    ),
    (
        Field::Objective,
        &[
            "outcome",
            "outcomes",
            "objective",
            "objectives",
            "priority",
            "priorities",
            "aim",
            "aims",
            "theme",
            "themes",
            "goal",
            "goals",
            "workstream",
            "strand",
        ],
    ),
    (
        Field::Measure,
        &[
            "measure",
            "measures",
            "criteria",
            "kpi",
            "kpis",
            "indicator",
            "indicators",
        ],
    ),
    (Field::Evidence, &["evidence"]),
    (Field::Impact, &["impact", "impacts"]),
];

/// Words that end a header's main phrase (`Date` **of** `update`).
const PREPOSITIONS: &[&str] = &[
    "of", "to", "for", "as", "at", "in", "on", "against", "with", "from", "by",
];

/// Reads a header by its words; see [`Field::from_header`].
fn by_words(key: &str) -> Option<Field> {
    let words: Vec<&str> = key
        .split(' ')
        .filter(|w| !w.is_empty() && !is_date_word(w))
        .collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    let has = |w: &str| words.contains(&w);
    if has("rag") || has("brag") || has("rating") || has("confidence") {
        return Some(Field::Rag);
    }
    if has("start") || has("started") || has("budget") || has("cost") {
        return None;
    }
    let updated = has("update") || has("updated") || has("reviewed") || has("review");
    if (has("date") && updated) || has("updated") || (has("last") && updated) {
        return Some(Field::UpdateDate);
    }
    let head_len = words
        .iter()
        .skip(1)
        .position(|w| PREPOSITIONS.contains(w))
        .map_or(words.len(), |i| i + 1);
    let (head, rest) = words.split_at(head_len);
    head.iter().rev().chain(rest.iter().rev()).find_map(|w| {
        WORDS
            .iter()
            .find(|(_, spellings)| spellings.contains(w))
            .map(|(field, _)| *field)
    })
}

/// Whether a header word is part of a date or period (`q3`, `2019`,
/// `june`, `30`), which says when, not what.
pub(crate) fn is_date_word(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
        || matches!(word, "q1" | "q2" | "q3" | "q4" | "quarter")
        || super::cells::month(word)
}

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
            ("Current Status", Field::Status),
            ("Update", Field::Progress),
            ("Evidence", Field::Evidence),
            ("R/A/G", Field::Rag),
            ("Status", Field::Status),
            ("Milestone(s)", Field::Action),
            ("Key actions", Field::Action),
            ("Key future actions", Field::Action),
            ("Area for improvement", Field::Action),
            ("Recommendation", Field::Action),
            ("Desired outcome", Field::Objective),
            ("Expected outcome", Field::Objective),
            ("Success criteria", Field::Measure),
            ("Responsible officer", Field::Lead),
            ("Accountable", Field::Lead),
            ("Action owner", Field::Lead),
            ("Deadline", Field::Timescale),
            ("Completion date", Field::Timescale),
            ("Target completion", Field::Timescale),
            ("RAG status", Field::Rag),
            ("Confidence", Field::Rag),
            ("Progress update", Field::Progress),
            ("Update (Q3 2019/20)", Field::Progress),
            ("Update as at 30/09/2019", Field::Progress),
            ("Position statement", Field::Progress),
            ("Current position", Field::Progress),
            ("Comments", Field::Progress),
            ("Last updated", Field::UpdateDate),
            ("Date of update", Field::UpdateDate),
            ("Stage", Field::Status),
            ("Action ref", Field::Ref),
            ("Evidence of impact", Field::Evidence),
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
        let row = |cells: &[&str]| cells.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            header_score(&row(&["Ref", "Action", "Timescale", "RAG"])),
            4
        );
        assert_eq!(
            header_score(&row(&["Objective 1 - Children have a voice in their care"])),
            0
        );
        assert!(
            header_score(&row(&[
                "Review the action plan",
                "Head of Service",
                "Dec-19"
            ])) < 2
        );
    }
}
