//! CSV: one flat row per action of the board report, with the computed
//! rating and its reason.

use chrono::NaiveDate;

use super::{reason_code, ExportError};
use crate::report::BoardReport;

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

/// The report's actions as CSV: a header row ([`CSV_COLUMNS`]) and one row
/// per action in plan order (every action, open or not), with the rating that stands, the computed
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
/// use lineofsight::report::{BoardReport, ReportOptions};
/// use lineofsight::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let report = BoardReport::build(&plan, as_of, &RuleSet::default(), &ReportOptions::default());
/// let csv = actions_csv(&report).unwrap();
/// assert!(csv.starts_with(&CSV_COLUMNS.join(",")));
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn actions_csv(report: &BoardReport) -> Result<String, ExportError> {
    let err = |e: ::csv::Error| ExportError::Csv(e.to_string());
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS).map_err(err)?;
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for r in &report.actions {
        let record: [String; 19] = [
            r.objective_ref.clone().unwrap_or_default(),
            r.objective.clone(),
            r.group.clone().unwrap_or_default(),
            r.reference.clone().unwrap_or_default(),
            r.action_id.clone(),
            r.text.clone(),
            r.timescale.clone(),
            date(r.due),
            r.leads.join("; "),
            r.evidence.clone().unwrap_or_default(),
            r.state.name().to_string(),
            date(r.commentary_date),
            r.commentary_note.clone().unwrap_or_default(),
            r.recorded.map(|x| x.name().to_string()).unwrap_or_default(),
            r.computed.name().to_string(),
            r.rating.name().to_string(),
            if r.overridden { "yes" } else { "no" }.to_string(),
            reason_code(r.reason.code),
            r.reason.message.clone(),
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
    use crate::plan::{Action, Objective, Plan};
    use crate::report::ReportOptions;
    use crate::RuleSet;

    fn csv_of(plan: &Plan) -> String {
        let report = BoardReport::build(
            plan,
            as_of(),
            &RuleSet::default(),
            &ReportOptions::default(),
        );
        actions_csv(&report).expect("csv")
    }

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2019, 12, 31).expect("date")
    }

    #[test]
    fn columns_and_one_row_per_action() {
        let plan = crate::builtin("lancashire").expect("built-in plan");
        let eval = plan.evaluate(as_of(), &RuleSet::default());
        let text = csv_of(&plan);
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
        let text = csv_of(&plan);
        let mut r = ::csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<::csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
        assert_eq!(&rows[0][1], "One, two");
        assert_eq!(&rows[0][5], "Say \"hello\",\nthen go");
        assert_eq!(&rows[0][7], "2019-12-31");
        assert_eq!(&rows[1][5], "'=HYPERLINK(\"http://x\")");
    }
}
