//! `Evaluation`: a plan rated as of a date.

use std::rc::Rc;

use lineofsight::export;
use lineofsight::measure::measure_chart;
use lineofsight::report::{BoardReport, ReportOptions, ReportRow, DEFAULT_LOOK_AHEAD_DAYS};
use wasm_bindgen::prelude::*;

use crate::args::{report_options, Arg, FlagArg, NumberArg};
use crate::plan::Plan;
use crate::{error, to_js};

#[wasm_bindgen(typescript_custom_section)]
const REPORT_OPTIONS_TS: &'static str = r#"
/** Options of a board report: the same in every format. */
export interface BoardReportOptions {
  /** How many days ahead to list deadlines (default 90). */
  upcomingDays?: number;
  /** The previous report's date, `YYYY-MM-DD` or a `Date` (its local
   * calendar date): adds what changed since. */
  since?: string | Date;
  /** Replace named people among the leads with their role. */
  publish?: boolean;
  /** Lay the actions out lead by lead. */
  byLead?: boolean;
  /** Keep only this lead's actions. */
  lead?: string;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const REPORT_TABLE_TS: &'static str = r#"
/**
 * Every action's report row (the rows of `Evaluation.rows()`, in plan
 * order) as columns: entry `i` of every column is row `i`. One array per
 * column rather than an object per row, for tables of many actions.
 */
export interface ReportTable {
  /** How many rows. */
  length: number;
  /** The rating each code in `ratings` stands for (code `k` is `ratingNames[k]`). */
  ratingNames: Rating[];
  /** Each row's action id. */
  actionIds: string[];
  /** Each row's objective: its position in `objectives()` (plan order). */
  objectives: Uint32Array;
  /** Each row's ref as written, or `null`. */
  refs: (string | null)[];
  /** What each action will do. */
  texts: string[];
  /** Each timescale as written. */
  timescales: string[];
  /** Every lead name the rows use, each once, in order of first use. */
  leadNames: string[];
  /** Row `i`'s leads are `leadNames[leadIndexes[j]]` for `j` from
   * `leadStarts[i]` up to (not including) `leadStarts[i + 1]`
   * (`length + 1` entries). */
  leadStarts: Uint32Array;
  /** Positions in `leadNames`, row after row (see `leadStarts`). */
  leadIndexes: Uint32Array;
  /** Each row's rating that stands, as a code into `ratingNames`. */
  ratings: Uint8Array;
  /** 1 where the action is still to be done, 0 where not (`ReportRow.open`). */
  open: Uint8Array;
  /** Why the rules rate each so (`ReportRow.reason.message`). */
  reasons: string[];
  /** Each next due date (or the date it fell due), `YYYY-MM-DD`, or `null`. */
  due: (string | null)[];
  /** The progress commentary shown as of the date, or `null`. */
  commentaryNotes: (string | null)[];
  /** The commentary's date, `YYYY-MM-DD`, or `null` when undated or none. */
  commentaryDates: (string | null)[];
}
"#;

/// A plan rated as of a date: every action, objective, group, priority and
/// measure with its rating and reason, and the discrepancies between
/// recorded and computed ratings. The results stay in WebAssembly memory
/// until asked for.
#[wasm_bindgen]
pub struct Evaluation {
    pub(crate) inner: lineofsight::Evaluation,
    pub(crate) plan: Rc<lineofsight::Plan>,
}

#[wasm_bindgen]
impl Evaluation {
    /// The date rated as of, `YYYY-MM-DD`.
    #[wasm_bindgen(getter, js_name = asOf)]
    pub fn as_of(&self) -> String {
        self.inner.as_of.to_string()
    }

    /// Every action's rating, in plan order.
    #[wasm_bindgen(unchecked_return_type = "ActionRating[]")]
    pub fn actions(&self) -> Result<JsValue, JsValue> {
        to_js(&self.record().actions)
    }

    /// Every objective's roll-up, in plan order.
    #[wasm_bindgen(unchecked_return_type = "RollupRating[]")]
    pub fn objectives(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.objectives)
    }

    /// Every group's roll-up (workstreams, sections, source plans).
    #[wasm_bindgen(unchecked_return_type = "RollupRating[]")]
    pub fn groups(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.groups)
    }

    /// Every priority's roll-up.
    #[wasm_bindgen(unchecked_return_type = "RollupRating[]")]
    pub fn priorities(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.priorities)
    }

    /// Every measure of success, rated.
    #[wasm_bindgen(unchecked_return_type = "MeasureRating[]")]
    pub fn measures(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.measures)
    }

    /// Actions whose recorded rating disagrees with the rules.
    #[wasm_bindgen(unchecked_return_type = "Discrepancy[]")]
    pub fn discrepancies(&self) -> Result<JsValue, JsValue> {
        to_js(&self.record().discrepancies)
    }

    /// The whole plan's roll-up: its rating, reason and counts.
    #[wasm_bindgen(unchecked_return_type = "RollupRating")]
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.plan)
    }

    /// How many actions have each rating.
    #[wasm_bindgen(unchecked_return_type = "RatingCounts")]
    pub fn counts(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.plan.counts)
    }

    /// One action's rating, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "ActionRating | undefined")]
    pub fn action(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = Arg::new("Evaluation.action", "id").text(&id)?;
        self.inner
            .action(&self.plan, &id)
            .map_or(Ok(JsValue::UNDEFINED), |a| to_js(&a.record(&self.plan)))
    }

    /// One objective's roll-up, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "RollupRating | undefined")]
    pub fn objective(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = Arg::new("Evaluation.objective", "id").text(&id)?;
        self.inner
            .objective(&id)
            .map_or(Ok(JsValue::UNDEFINED), to_js)
    }

    /// One measure's rating, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "MeasureRating | undefined")]
    pub fn measure(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = Arg::new("Evaluation.measure", "id").text(&id)?;
        self.inner
            .measure(&id)
            .map_or(Ok(JsValue::UNDEFINED), to_js)
    }

    /// The latest period's benchmark of a measure (England, region,
    /// neighbours, quartile band), `null` if it has none, `undefined` for
    /// an unknown id.
    #[wasm_bindgen(js_name = latestBenchmark, unchecked_return_type = "Benchmark | null | undefined")]
    pub fn latest_benchmark(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = Arg::new("Evaluation.latestBenchmark", "id").text(&id)?;
        self.inner
            .measure(&id)
            .map_or(Ok(JsValue::UNDEFINED), |m| to_js(&m.latest_benchmark()))
    }

    /// Open actions due from the as-of date up to `days` days after it,
    /// soonest first. Throws `bad_argument` unless `days` is a whole number
    /// from 0.
    #[wasm_bindgen(js_name = dueWithin, unchecked_return_type = "ActionRating[]")]
    pub fn due_within(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] days: JsValue,
    ) -> Result<JsValue, JsValue> {
        let days = Arg::new("Evaluation.dueWithin", "days").days(&days)?;
        let due: Vec<_> = self
            .inner
            .due_within(days)
            .into_iter()
            .map(|a| a.record(&self.plan))
            .collect();
        to_js(&due)
    }

    /// Every action as a report row (text, timescale, lead names, rating,
    /// reason, open, commentary), in plan order: the board report's rows,
    /// so a plan whose period ended before the date is rated as at its last
    /// day. `table()` gives the same rows as columns.
    #[wasm_bindgen(unchecked_return_type = "ReportRow[]")]
    pub fn rows(&self) -> Result<JsValue, JsValue> {
        to_js(&ReportRow::as_reported(&self.plan, &self.inner))
    }

    /// The rows of `rows()` as columns, one array per column (see
    /// `ReportTable`): the dashboard's table, without an object per row.
    #[wasm_bindgen(unchecked_return_type = "ReportTable")]
    pub fn table(&self) -> Result<JsValue, JsValue> {
        crate::table::report_table(&self.plan, &ReportRow::as_reported(&self.plan, &self.inner))
    }

    /// The board report on this evaluation's own plan as data: the model
    /// every format renders. `options` is a `BoardReportOptions` object (or, as
    /// before, the number of days ahead to look). Throws `bad_argument`
    /// for options it cannot read.
    #[wasm_bindgen(js_name = boardReport, unchecked_return_type = "BoardReport")]
    pub fn board_report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "BoardReportOptions | number")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (options, lead) = report_options("Evaluation.boardReport", &options)?;
        to_js(&self.report(&options, None, lead.as_deref()))
    }

    /// The board report compared with `previous`, last quarter's version of
    /// the plan (actions matched by id or ref): moved deadlines, new and
    /// removed actions, ratings up and down, rated as of `options.since`
    /// (or this evaluation's date).
    #[wasm_bindgen(js_name = boardReportComparedWith, unchecked_return_type = "BoardReport")]
    pub fn board_report_compared_with(
        &self,
        previous: &Plan,
        #[wasm_bindgen(unchecked_param_type = "BoardReportOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (options, lead) = report_options("Evaluation.boardReportComparedWith", &options)?;
        to_js(&self.report(&options, Some(&previous.inner), lead.as_deref()))
    }

    /// The board report in `format` (`html`, `markdown`, `terminal`, `csv`,
    /// `json`, `ics` as a string; `xlsx`, `docx` as a `Uint8Array`), with
    /// `options` as for `boardReport`. Throws `bad_argument` for an unknown
    /// format, `unsupported` for a format this build leaves out, `export`
    /// if a writer fails.
    #[wasm_bindgen(unchecked_return_type = "string | Uint8Array")]
    pub fn render(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] format: JsValue,
        #[wasm_bindgen(unchecked_param_type = "BoardReportOptions | number | undefined")]
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let arg = Arg::new("Evaluation.render", "format");
        let format: export::ReportFormat = arg
            .text(&format)?
            .parse()
            .map_err(|e: export::UnknownFormat| arg.bad(&format!("is not a format: {e}")))?;
        let left_out = match format {
            export::ReportFormat::Xlsx if !cfg!(feature = "xlsx") => Some("xlsx"),
            export::ReportFormat::Docx if !cfg!(feature = "board-paper") => Some("board-paper"),
            export::ReportFormat::Calendar if !cfg!(feature = "calendar") => Some("calendar"),
            _ => None,
        };
        if let Some(feature) = left_out {
            return Err(error::unsupported(&format!(
                "{format} needs a build with the `{feature}` feature (WASM_FEATURES={feature} bash scripts/build-wasm.sh)"
            )));
        }
        let (options, lead) = report_options("Evaluation.render", &options)?;
        let report = self.report(&options, None, lead.as_deref());
        let bytes = export::render(&report, format).map_err(error::export)?;
        Ok(if format.is_text() {
            JsValue::from_str(&String::from_utf8_lossy(&bytes))
        } else {
            js_sys::Uint8Array::from(bytes.as_slice()).into()
        })
    }

    /// A measure's chart as an SVG string drawn by the core (every plan
    /// string in it escaped by the core), or `undefined` for an unknown id.
    #[wasm_bindgen(js_name = measureChart)]
    pub fn measure_chart(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<Option<String>, JsValue> {
        let id = Arg::new("Evaluation.measureChart", "id").text(&id)?;
        Ok(self
            .inner
            .measure(&id)
            .map(|m| measure_chart(m, &self.plan.style)))
    }

    /// The whole evaluation as a plain object.
    #[wasm_bindgen(js_name = toObject, unchecked_return_type = "EvaluationData")]
    pub fn to_object(&self) -> Result<JsValue, JsValue> {
        to_js(&self.record())
    }

    /// The whole evaluation as a plain object, for `JSON.stringify`.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "EvaluationData")]
    pub fn to_json_value(&self) -> Result<JsValue, JsValue> {
        to_js(&self.record())
    }

    /// The whole evaluation as JSON text (the core's serialisation).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsValue> {
        serde_json::to_string(&self.record())
            .map_err(|e| error::bad_argument(&format!("could not write JSON: {e}")))
    }

    /// The accessible, self-contained HTML board report from the core
    /// (`lineofsight::export::render`), looking `upcomingDays` ahead
    /// (default 90). With `publish`, named people among the leads are
    /// replaced by their role first.
    #[wasm_bindgen(js_name = renderHtml)]
    pub fn render_html(
        &self,
        #[wasm_bindgen(js_name = upcomingDays)] upcoming_days: Option<NumberArg>,
        publish: Option<FlagArg>,
    ) -> Result<String, JsValue> {
        let upcoming_days = Arg::new("Evaluation.renderHtml", "upcomingDays")
            .optional_days(upcoming_days.as_deref())?;
        let publish =
            Arg::new("Evaluation.renderHtml", "publish").optional_flag(publish.as_deref())?;
        self.render_text(export::ReportFormat::Html, upcoming_days, publish)
    }

    /// The board report as Markdown for board papers; arguments as
    /// `renderHtml`.
    #[wasm_bindgen(js_name = renderMarkdown)]
    pub fn render_markdown(
        &self,
        #[wasm_bindgen(js_name = upcomingDays)] upcoming_days: Option<NumberArg>,
        publish: Option<FlagArg>,
    ) -> Result<String, JsValue> {
        let upcoming_days = Arg::new("Evaluation.renderMarkdown", "upcomingDays")
            .optional_days(upcoming_days.as_deref())?;
        let publish =
            Arg::new("Evaluation.renderMarkdown", "publish").optional_flag(publish.as_deref())?;
        self.render_text(export::ReportFormat::Markdown, upcoming_days, publish)
    }

    /// Every action with its rating as CSV. Throws `code: "export"` if the
    /// writer fails.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self, publish: Option<FlagArg>) -> Result<String, JsValue> {
        let publish =
            Arg::new("Evaluation.exportCsv", "publish").optional_flag(publish.as_deref())?;
        self.render_text(export::ReportFormat::Csv, None, publish)
    }

    /// The plan and its ratings as an Excel workbook. Only in builds with
    /// the `xlsx` feature; otherwise throws `code: "unsupported"`.
    #[wasm_bindgen(js_name = exportXlsx)]
    pub fn export_xlsx(&self, publish: Option<FlagArg>) -> Result<Vec<u8>, JsValue> {
        let publish =
            Arg::new("Evaluation.exportXlsx", "publish").optional_flag(publish.as_deref())?;
        if cfg!(feature = "xlsx") {
            self.render_format(export::ReportFormat::Xlsx, None, publish)
        } else {
            Err(error::unsupported(
                "exportXlsx needs a build with the `xlsx` feature (WASM_FEATURES=xlsx bash scripts/build-wasm.sh)",
            ))
        }
    }
}

impl Evaluation {
    /// The evaluation as its JSON shows it, with the ids, refs and
    /// commentary read from its own plan.
    fn record(&self) -> lineofsight::evaluate::EvaluationRecord<'_> {
        self.inner.record(&self.plan)
    }

    /// The report model on this evaluation's own plan, date and rules.
    fn report(
        &self,
        options: &ReportOptions,
        previous: Option<&lineofsight::Plan>,
        lead: Option<&str>,
    ) -> BoardReport {
        let (as_of, rules) = (self.inner.as_of, &self.inner.rules);
        let report = match previous {
            Some(p) => BoardReport::build_compared(p, &self.plan, as_of, rules, options),
            None => BoardReport::build(&self.plan, as_of, rules, options),
        };
        match lead {
            Some(l) => report.for_lead(l),
            None => report,
        }
    }

    /// The core's one entry point for every format (`export::render`), for
    /// the older `renderHtml`-style methods.
    fn render_format(
        &self,
        format: export::ReportFormat,
        upcoming_days: Option<u32>,
        publish: Option<bool>,
    ) -> Result<Vec<u8>, JsValue> {
        let options = ReportOptions::default()
            .with_look_ahead_days(upcoming_days.unwrap_or(DEFAULT_LOOK_AHEAD_DAYS))
            .with_publish(publish.unwrap_or(false));
        export::render(&self.report(&options, None, None), format).map_err(error::export)
    }

    fn render_text(
        &self,
        format: export::ReportFormat,
        upcoming_days: Option<u32>,
        publish: Option<bool>,
    ) -> Result<String, JsValue> {
        // The core writes these formats from Rust strings: always UTF-8.
        let bytes = self.render_format(format, upcoming_days, publish)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}
