//! Native JSON: the plan, its evaluation and the board report exactly as
//! lineofsight's own types serialise, so they read back as the same data.

use serde::{Deserialize, Serialize};

use crate::evaluate::Evaluation;
use crate::plan::Plan;
use crate::report::BoardReport;

pub(super) fn pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value)
        // Serialising plain data to a string cannot fail; keep the message
        // rather than panic if it ever does.
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
        + "\n"
}

/// The plan as native, pretty-printed JSON, readable by
/// [`Plan::from_json`].
///
/// # Example
///
/// ```
/// use lineofsight::export::plan_json;
/// use lineofsight::Plan;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// assert_eq!(Plan::from_json(&plan_json(&plan))?, plan);
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn plan_json(plan: &Plan) -> String {
    pretty(plan)
}

/// An evaluation as native, pretty-printed JSON (the shape of
/// `core/schema/evaluation.schema.json`).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::evaluation_json;
/// use lineofsight::{Evaluation, RuleSet};
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
/// let back: Evaluation = serde_json::from_str(&evaluation_json(&eval)).unwrap();
/// assert_eq!(back, eval);
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn evaluation_json(eval: &Evaluation) -> String {
    pretty(eval)
}

/// The board report as pretty-printed JSON: the report model itself, in
/// the shape of `core/schema/report.schema.json` (lists of actions are
/// positions in `actions`). The plan's outline, which only the workbook
/// needs, is not part of it.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::report_json;
/// use lineofsight::report::{BoardReport, ReportOptions};
/// use lineofsight::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let report = BoardReport::build(&plan, as_of, &RuleSet::default(), &ReportOptions::default());
/// let back: BoardReport = serde_json::from_str(&report_json(&report)).unwrap();
/// let mut without_outline = report;
/// without_outline.outline = None; // the outline is for the workbook, not JSON
/// assert_eq!(back, without_outline);
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn report_json(report: &BoardReport) -> String {
    pretty(report)
}

/// A plan together with its evaluation, in one JSON document
/// (`{"plan": ..., "evaluation": ...}`), for tools that want both.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::PlanExport;
/// use lineofsight::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let evaluation = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
/// let both = PlanExport { plan, evaluation };
/// let back: PlanExport = serde_json::from_str(&both.to_json()).unwrap();
/// assert_eq!(back, both);
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanExport {
    /// The plan.
    pub plan: Plan,
    /// The plan rated as of a date.
    pub evaluation: Evaluation,
}

impl PlanExport {
    /// The plan and its evaluation as pretty-printed JSON.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::export::PlanExport;
    /// use lineofsight::{Plan, RuleSet};
    ///
    /// let plan = Plan::new("Plan", "Council");
    /// let evaluation = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// let json = PlanExport { plan, evaluation }.to_json();
    /// assert!(json.contains("\"evaluation\""));
    /// ```
    pub fn to_json(&self) -> String {
        pretty(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_plan_round_trips_through_json_as_data() {
        let plan = crate::builtin("lancashire").expect("built-in plan");
        let back = Plan::from_json(&plan_json(&plan)).expect("reads back");
        assert_eq!(back, plan);
        // And the copy rates the same.
        let as_of = chrono::NaiveDate::from_ymd_opt(2019, 12, 31).expect("date");
        let rules = plan.rules_or_default();
        assert_eq!(back.evaluate(as_of, &rules), plan.evaluate(as_of, &rules));
    }
}
