//! JSON Schemas for the plan and rule-set formats, generated with schemars.

/// The JSON Schema of the native plan format, pretty-printed.
///
/// The same schema is checked into the repository as
/// `core/schema/plan.schema.json`; a test fails when they differ.
///
/// # Example
///
/// ```
/// let schema = lineofsight::schema::plan_schema();
/// assert!(schema.contains("\"schema_version\""));
/// ```
pub fn plan_schema() -> String {
    pretty(&schemars::schema_for!(crate::plan::Plan))
}

/// The JSON Schema of a rule set, pretty-printed (checked in as
/// `core/schema/rules.schema.json`).
///
/// # Example
///
/// ```
/// let schema = lineofsight::schema::rules_schema();
/// assert!(schema.contains("due_soon_days"));
/// ```
pub fn rules_schema() -> String {
    pretty(&schemars::schema_for!(crate::rules::RuleSet))
}

/// The JSON Schema of an evaluation (the output of `Plan::evaluate`),
/// pretty-printed (checked in as `core/schema/evaluation.schema.json`).
///
/// # Example
///
/// ```
/// let schema = lineofsight::schema::evaluation_schema();
/// assert!(schema.contains("discrepancies"));
/// ```
pub fn evaluation_schema() -> String {
    pretty(&schemars::schema_for!(
        crate::evaluate::EvaluationRecord<'static>
    ))
}

/// The JSON Schema of the board report (the model every format renders,
/// written by `--format json`), pretty-printed (checked in as
/// `core/schema/report.schema.json`).
///
/// # Example
///
/// ```
/// let schema = lineofsight::schema::report_schema();
/// assert!(schema.contains("moved_deadlines"));
/// ```
pub fn report_schema() -> String {
    pretty(&schemars::schema_for!(crate::report::BoardReport))
}

fn pretty(schema: &schemars::Schema) -> String {
    let mut s = serde_json::to_string_pretty(schema).unwrap_or_default();
    s.push('\n');
    s
}
