//! CSV: one flat row per action of the board report, with the computed
//! rating and its reason, and everything about the action a flat table can
//! hold (see the [module documentation](super#flat-tables-csv-and-xlsx)).

use super::table_cells::{cell, extra_keys, neutralise, COLUMNS, EXTRA_PREFIX};
use super::ExportError;
use crate::report::BoardReport;

/// The CSV's fixed header row, in column order; a column
/// `extra: <key>` follows for each key of the actions' extra fields.
///
/// # Example
///
/// ```
/// use lineofsight::export::CSV_COLUMNS;
///
/// assert_eq!(CSV_COLUMNS[15], "rating");
/// assert_eq!(CSV_COLUMNS[17..19], ["reason_code", "reason"]);
/// assert_eq!(CSV_COLUMNS[24..], ["progress", "sub_activities", "source", "history"]);
/// ```
pub const CSV_COLUMNS: [&str; 28] = [
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
    "objective_id",
    "groups",
    "start",
    "recorded_rag",
    "recorded_rag_text",
    "progress",
    "sub_activities",
    "source",
    "history",
];

/// The report's actions as CSV: a header row ([`CSV_COLUMNS`], then an
/// `extra: <key>` column per extra field) and one row per action in plan
/// order (every action, open or not), with the rating that stands, the
/// computed rating, the reason code and the reason message, and the
/// action's state, recorded rating as written, every progress update,
/// sub-activities, groups and extra fields. Dates are ISO 8601
/// (`2019-12-31`), ratings their standard names (`Red`), leads joined with
/// `; `. A cell starting with `=`, `+`, `-`, `@`, a tab, a carriage return
/// or `'` gets one `'` in front, so no spreadsheet runs it as a formula;
/// [`import_plan`](crate::import::import_plan) takes it off again.
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
    let err = |part: &'static str| {
        move |e: ::csv::Error| ExportError::Csv {
            part,
            source: e.into(),
        }
    };
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let extras = extra_keys(report);
    let header = CSV_COLUMNS
        .iter()
        .map(|c| (*c).to_string())
        .chain(extras.iter().map(|k| format!("{EXTRA_PREFIX}{k}")));
    w.write_record(header.map(|h| neutralise(&h).into_owned()))
        .map_err(err("the header"))?;
    for r in &report.actions {
        let fixed = COLUMNS.iter().map(|(c, ..)| cell(r, *c));
        let extra = extras
            .iter()
            .map(|k| r.extra.get(k).cloned().unwrap_or_default());
        w.write_record(fixed.chain(extra).map(|c| neutralise(&c).into_owned()))
            .map_err(err("a row"))?;
    }
    let bytes = w.into_inner().map_err(|e| ExportError::Csv {
        part: "the output",
        source: e.into_error().into(),
    })?;
    String::from_utf8(bytes).map_err(|e| ExportError::Csv {
        part: "the output",
        source: e.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::reason_code;
    use crate::plan::{Action, Objective, Plan};
    use crate::report::ReportOptions;
    use crate::RuleSet;
    use chrono::NaiveDate;

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
        assert_eq!(headers[..CSV_COLUMNS.len()], CSV_COLUMNS);
        assert!(headers[CSV_COLUMNS.len()..]
            .iter()
            .all(|h| h.starts_with(EXTRA_PREFIX)));
        let rows: Vec<::csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
        assert_eq!(rows.len(), plan.actions().count());
        for (row, rating) in rows.iter().zip(&eval.actions) {
            assert_eq!(row.len(), headers.len());
            assert_eq!(Some(&row[4]), rating.action_id(&plan));
            assert_eq!(&row[15], rating.rating.name());
            assert_eq!(&row[17], reason_code(rating.reason.code));
            assert_eq!(&row[18], rating.reason.message());
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

    #[test]
    fn the_header_is_the_shared_column_list() {
        let names: Vec<&str> = COLUMNS.iter().map(|(_, csv, ..)| *csv).collect();
        assert_eq!(names, CSV_COLUMNS);
    }
}
