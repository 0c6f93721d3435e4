//! CSV: one flat row per action, with the computed rating and its reason.

use chrono::NaiveDate;

use super::{reason_code, ExportError};
use crate::evaluate::Evaluation;
use crate::plan::Plan;

/// The CSV's header row, in column order.
///
/// # Example
///
/// ```
/// use lineofsight::export::CSV_COLUMNS;
///
/// assert_eq!(CSV_COLUMNS[15], "rating");
/// assert_eq!(CSV_COLUMNS[17..], ["reason_code", "reason"]);
/// ```
pub const CSV_COLUMNS: [&str; 19] = [
    "objective_ref",
    "objective",
    "group",
    "ref",
    "action_id",
    "action",
    "timescale",
    "due",
    "leads",
    "evidence",
    "state",
    "latest_update_date",
    "latest_update",
    "recorded_rating",
    "computed_rating",
    "rating",
    "overridden",
    "reason_code",
    "reason",
];

/// One action as a flat row, shared by the CSV and the workbook's Actions
/// sheet.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::ActionRow;
/// use lineofsight::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
/// let rows = ActionRow::all(&plan, &eval);
/// assert_eq!(rows.len(), plan.actions().count());
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    /// The objective's ref as written, if any.
    pub objective_ref: Option<String>,
    /// The objective's title.
    pub objective: String,
    /// The title of the objective's group, if any.
    pub group: Option<String>,
    /// The action's ref as written, if any.
    pub reference: Option<String>,
    /// The action's id.
    pub action_id: String,
    /// What will be done.
    pub action: String,
    /// The timescale as written.
    pub timescale: String,
    /// Its next due date (or the date it fell due), if any.
    pub due: Option<NaiveDate>,
    /// The names of its leads.
    pub leads: Vec<String>,
    /// The evidence of completion, if stated.
    pub evidence: Option<String>,
    /// Its lifecycle state, in words (`in progress`).
    pub state: String,
    /// The date of the commentary shown as of the evaluation date (the
    /// evaluation's `commentary_date`); `None` when undated or absent.
    pub latest_update_date: Option<NaiveDate>,
    /// The commentary shown as of the evaluation date (the evaluation's
    /// `commentary_note`).
    pub latest_update: Option<String>,
    /// The rating recorded in the plan, if any.
    pub recorded: Option<crate::Rating>,
    /// The rating the rules computed.
    pub computed: crate::Rating,
    /// The rating that stands.
    pub rating: crate::Rating,
    /// Whether the recorded rating replaced the computed one.
    pub overridden: bool,
    /// The reason's code (`overdue`).
    pub reason_code: String,
    /// The reason as a sentence.
    pub reason: String,
}

impl ActionRow {
    /// Every action of the plan as a row, in plan order. `eval` must be the
    /// plan's own evaluation.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::export::ActionRow;
    /// use lineofsight::plan::{Action, Objective, Plan};
    /// use lineofsight::{Rating, RuleSet};
    ///
    /// let mut plan = Plan::new("Plan", "Council");
    /// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
    /// o.actions.push(Action::new("a1", "Improve the Local Offer.", "Nov-19"));
    /// plan.objectives.push(o);
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// let row = &ActionRow::all(&plan, &eval)[0];
    /// assert_eq!(row.rating, Rating::Red);
    /// assert_eq!(row.reason_code, "overdue");
    /// ```
    pub fn all(plan: &Plan, eval: &Evaluation) -> Vec<ActionRow> {
        let mut rows = Vec::with_capacity(eval.actions.len());
        let mut ratings = eval.actions.iter();
        for o in &plan.objectives {
            let group = o
                .group
                .as_deref()
                .and_then(|g| plan.group(g))
                .map(|g| g.title.clone());
            for a in &o.actions {
                let Some(r) = ratings.next() else {
                    return rows;
                };
                rows.push(ActionRow {
                    objective_ref: o.reference.as_ref().map(|r| r.as_str().to_string()),
                    objective: o.title.clone(),
                    group: group.clone(),
                    reference: r.reference.clone(),
                    action_id: a.id.clone(),
                    action: a.text.clone(),
                    timescale: a.timescale.raw().trim().to_string(),
                    due: r.due,
                    leads: plan.lead_names(a).into_iter().map(str::to_string).collect(),
                    evidence: a.evidence.clone(),
                    state: a.state.name().to_string(),
                    latest_update_date: r.commentary_date,
                    latest_update: r.commentary_note.clone(),
                    recorded: r.recorded,
                    computed: r.computed,
                    rating: r.rating,
                    overridden: r.overridden,
                    reason_code: reason_code(r.reason.code),
                    reason: r.reason.message.clone(),
                });
            }
        }
        rows
    }

    /// The leads joined with `; `.
    ///
    /// # Example
    ///
    /// ```
    /// # use lineofsight::export::ActionRow;
    /// # use lineofsight::Rating;
    /// # let mut row = ActionRow { objective_ref: None, objective: "O".into(), group: None,
    /// #     reference: None, action_id: "a".into(), action: "A".into(), timescale: "".into(),
    /// #     due: None, leads: vec![], evidence: None, state: "in progress".into(),
    /// #     latest_update_date: None, latest_update: None, recorded: None,
    /// #     computed: Rating::Green, rating: Rating::Green, overridden: false,
    /// #     reason_code: "on_track".into(), reason: "Green".into() };
    /// row.leads = vec!["Virtual School".into(), "Health".into()];
    /// assert_eq!(row.leads_joined(), "Virtual School; Health");
    /// ```
    pub fn leads_joined(&self) -> String {
        self.leads.join("; ")
    }
}

/// Text that a spreadsheet would run as a formula (`=`, `+`, `@`, or a tab
/// or carriage return first) gets a leading `'`, so opening the CSV in Excel
/// never runs anything from a plan. `-` is left alone: plans start many
/// lines with it.
fn defuse(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The plan's actions as CSV: a header row ([`CSV_COLUMNS`]) and one row
/// per action in plan order, with the rating that stands, the computed
/// rating, the reason code and the reason message. Dates are ISO 8601
/// (`2019-12-31`), ratings their standard names (`Red`), leads joined with
/// `; `. Cells that a spreadsheet would run as a formula are prefixed with
/// `'`.
///
/// # Errors
///
/// [`ExportError::Csv`] if the CSV writer fails (it does not for text).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::{actions_csv, CSV_COLUMNS};
/// use lineofsight::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
/// let csv = actions_csv(&plan, &eval).unwrap();
/// assert!(csv.starts_with(&CSV_COLUMNS.join(",")));
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn actions_csv(plan: &Plan, eval: &Evaluation) -> Result<String, ExportError> {
    let err = |e: ::csv::Error| ExportError::Csv(e.to_string());
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS).map_err(err)?;
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for r in ActionRow::all(plan, eval) {
        let record: [String; 19] = [
            r.objective_ref.clone().unwrap_or_default(),
            r.objective.clone(),
            r.group.clone().unwrap_or_default(),
            r.reference.clone().unwrap_or_default(),
            r.action_id.clone(),
            r.action.clone(),
            r.timescale.clone(),
            date(r.due),
            r.leads_joined(),
            r.evidence.clone().unwrap_or_default(),
            r.state.clone(),
            date(r.latest_update_date),
            r.latest_update.clone().unwrap_or_default(),
            r.recorded.map(|x| x.name().to_string()).unwrap_or_default(),
            r.computed.name().to_string(),
            r.rating.name().to_string(),
            if r.overridden { "yes" } else { "no" }.to_string(),
            r.reason_code.clone(),
            r.reason.clone(),
        ];
        w.write_record(record.iter().map(|c| defuse(c).into_owned()))
            .map_err(err)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::Csv(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Csv(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Action, Objective};
    use crate::RuleSet;

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2019, 12, 31).expect("date")
    }

    #[test]
    fn columns_and_one_row_per_action() {
        let plan = crate::builtin("lancashire").expect("built-in plan");
        let eval = plan.evaluate(as_of(), &RuleSet::default());
        let text = actions_csv(&plan, &eval).expect("csv");
        let mut r = ::csv::Reader::from_reader(text.as_bytes());
        let headers: Vec<String> = r
            .headers()
            .expect("headers")
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(headers, CSV_COLUMNS);
        let rows: Vec<::csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
        assert_eq!(rows.len(), plan.actions().count());
        for (row, rating) in rows.iter().zip(&eval.actions) {
            assert_eq!(row.len(), CSV_COLUMNS.len());
            assert_eq!(&row[4], rating.action_id);
            assert_eq!(&row[15], rating.rating.name());
            assert_eq!(&row[17], reason_code(rating.reason.code));
            assert_eq!(&row[18], rating.reason.message);
        }
    }

    #[test]
    fn commas_quotes_newlines_and_formulas_survive() {
        let mut plan = Plan::new("Plan", "Council");
        let mut o = Objective::new("o1", "One, two");
        o.actions
            .push(Action::new("a1", "Say \"hello\",\nthen go", "31/12/2019"));
        o.actions
            .push(Action::new("a2", "=HYPERLINK(\"http://x\")", "Ongoing"));
        plan.objectives.push(o);
        let eval = plan.evaluate(as_of(), &RuleSet::default());
        let text = actions_csv(&plan, &eval).expect("csv");
        let mut r = ::csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<::csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
        assert_eq!(&rows[0][1], "One, two");
        assert_eq!(&rows[0][5], "Say \"hello\",\nthen go");
        assert_eq!(&rows[0][7], "2019-12-31");
        assert_eq!(&rows[1][5], "'=HYPERLINK(\"http://x\")");
    }
}
