//! Native JSON: the plan, its evaluation and the board report exactly as
//! lineofsight's own types serialise, so they read back as the same data.

use serde::{Deserialize, Serialize};

use crate::evaluate::{Evaluation, EvaluationRecord};
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

/// An evaluation of `plan` as native, pretty-printed JSON (the shape of
/// `core/schema/evaluation.schema.json`): its
/// [`record`](Evaluation::record), with each action's id, ref and
/// commentary read from the plan. It reads back as an
/// [`EvaluationRecord`](crate::evaluate::EvaluationRecord).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::evaluate::EvaluationRecord;
/// use lineofsight::export::evaluation_json;
/// use lineofsight::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
/// let back: EvaluationRecord<'static> = serde_json::from_str(&evaluation_json(&plan, &eval)).unwrap();
/// assert_eq!(back, eval.record(&plan));
/// assert_eq!(back.to_evaluation(&plan), Some(eval));
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn evaluation_json(plan: &Plan, eval: &Evaluation) -> String {
    pretty(&eval.record(plan))
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
///
/// The evaluation is written as its [`record`](Evaluation::record) on the
/// plan, and read back against the plan beside it
/// ([`EvaluationRecord::to_evaluation`]); a document whose evaluation is
/// not of its plan does not read.
#[derive(Debug, Clone, PartialEq)]
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

/// [`PlanExport`] as it is written: the evaluation as its record.
#[derive(Serialize)]
struct PlanExportOut<'a> {
    plan: &'a Plan,
    evaluation: EvaluationRecord<'a>,
}

/// [`PlanExport`] as it is read.
#[derive(Deserialize)]
struct PlanExportIn {
    plan: Plan,
    evaluation: EvaluationRecord<'static>,
}

impl Serialize for PlanExport {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PlanExportOut {
            plan: &self.plan,
            evaluation: self.evaluation.record(&self.plan),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for PlanExport {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let read = PlanExportIn::deserialize(deserializer)?;
        let evaluation = read.evaluation.to_evaluation(&read.plan).ok_or_else(|| {
            serde::de::Error::custom("the evaluation is not of the plan beside it")
        })?;
        Ok(PlanExport {
            plan: read.plan,
            evaluation,
        })
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
