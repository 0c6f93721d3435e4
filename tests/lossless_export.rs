//! Lossless flat exports: any plan out to lineofsight's CSV and xlsx and
//! back in through the generic importer (`import_plan` with the default
//! options, which recognises lineofsight's own table by its header).
//!
//! **The workbook gives back the whole plan**, equal field for field: its
//! Actions sheet the actions, its outline sheets (Objectives, Measures,
//! Leads, Groups, Plan) everything else, objectives without actions,
//! measures, lead ids and kinds, sources, data sets and rules included.
//! The generated plans below use non-empty text wherever a field may be
//! absent, since an empty cell is no value.
//!
//! **The CSV is one table of actions**, so "the same plan" there is
//! [`Same`]: every objective that has actions, in order, with its id, ref,
//! title and the titles of its group and the groups that one sits in; and
//! every action, in order, with its id, ref, text, timescale as written
//! (trimmed), start date, lead names, evidence, state, recorded rating
//! with its text as written, every progress update (date, note, rating,
//! percentage), every sub-activity (text, timescale, state) and every
//! extra field. What a table of actions does not carry is left out of the
//! comparison: objectives without actions, objectives' aims, approaches,
//! measures and extra fields, lead ids and kinds (leads come back by name,
//! as roles), sources' titles, the plan's title, organisation, period,
//! rules, style and key. Empty text and no text are the same
//! (`evidence: Some("")` comes back as `None`, an extra field with empty
//! text is not kept). The computed columns (due, ratings, reason, the
//! commentary as of the date) are output only: the importer ignores them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lineofsight::import::{import_plan, Field, ImportOptions, TableFormat};
use lineofsight::plan::{
    Action, ActionChange, Group, Lead, LeadKind, Lifecycle, Objective, ProgressUpdate,
    RecordedRating, Ref, SubActivity,
};
use lineofsight::report::{BoardReport, ReportOptions};
use lineofsight::timescale::Timescale;
use lineofsight::{Plan, Rating, RuleSet};
use proptest::prelude::*;

#[derive(Debug, PartialEq)]
struct SameObjective {
    id: String,
    reference: Option<String>,
    title: String,
    groups: Vec<String>,
    actions: Vec<SameAction>,
}

#[derive(Debug, PartialEq)]
struct SameAction {
    id: String,
    reference: Option<String>,
    text: String,
    timescale: String,
    start: Option<NaiveDate>,
    leads: Vec<String>,
    evidence: Option<String>,
    state: Lifecycle,
    recorded: Option<(Rating, Option<String>)>,
    progress: Vec<ProgressUpdate>,
    sub_activities: Vec<(String, String, Option<Lifecycle>)>,
    history: Vec<ActionChange>,
    extra: BTreeMap<String, String>,
}

/// What a flat table of actions keeps of a plan (see the module
/// documentation).
type Same = Vec<SameObjective>;

fn group_path<'a>(plan: &'a Plan, mut id: Option<&'a str>) -> Vec<String> {
    let mut path = Vec::new();
    while let Some(g) = id.and_then(|g| plan.group(g)) {
        path.insert(0, g.title.clone());
        id = g.parent.as_deref();
    }
    path
}

fn same(plan: &Plan) -> Same {
    let text = |t: &Option<String>| t.clone().filter(|t| !t.is_empty());
    plan.objectives
        .iter()
        .filter(|o| !o.actions.is_empty())
        .map(|o| SameObjective {
            id: o.id.clone(),
            reference: o.reference.as_ref().map(|r| r.as_str().to_string()),
            title: o.title.clone(),
            groups: group_path(plan, o.group.as_deref()),
            actions: o
                .actions
                .iter()
                .map(|a| SameAction {
                    id: a.id.clone(),
                    reference: a.reference.as_ref().map(|r| r.as_str().to_string()),
                    text: a.text.clone(),
                    timescale: a.timescale.raw().trim().to_string(),
                    start: a.start,
                    leads: plan.lead_names(a).into_iter().map(str::to_string).collect(),
                    evidence: text(&a.evidence),
                    state: a.state,
                    recorded: a
                        .recorded_rating
                        .as_ref()
                        .map(|r| (r.rating, text(&r.text))),
                    progress: a.progress.clone(),
                    sub_activities: a
                        .sub_activities
                        .iter()
                        .map(|s| (s.text.clone(), s.timescale.raw().to_string(), s.state))
                        .collect(),
                    history: a.history.clone(),
                    extra: a
                        .extra
                        .iter()
                        .filter(|(_, v)| !v.is_empty())
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

fn report(plan: &Plan) -> BoardReport {
    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    BoardReport::build(plan, as_of, &RuleSet::default(), &ReportOptions::default())
}

fn csv_back(plan: &Plan) -> Plan {
    let csv = lineofsight::export::actions_csv(&report(plan)).unwrap();
    let options = {
        let mut built = ImportOptions::default();
        built.format = TableFormat::Csv;
        built
    };
    import_plan(csv.as_bytes(), &options).unwrap().0
}

fn xlsx_back(plan: &Plan) -> Plan {
    let bytes = lineofsight::export::workbook(&report(plan)).unwrap();
    import_plan(&bytes, &ImportOptions::default()).unwrap().0
}

// ---- generated plans ----

/// Text with everything a cell can trip on: formula starts, quotes,
/// separators of the cell syntax, escapes, line breaks, tabs, markup and
/// bullets (which the tracker importer would read as lists).
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => "[a-zA-Z0-9 ]{1,6}",
            1 => prop::sample::select(vec![
                "=", "+", "-", "@", "'", "\"", ",", ";", "|", " | ", "\\", "\\n", "\n", "\t",
                "<b>", "a<b and c>d", "• ", "- ", "1. ", "é", "’", "undated", ": ", "#", "  ",
                "extra: ", "%",
            ])
            .prop_map(str::to_string),
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

fn some_text() -> impl Strategy<Value = String> {
    text().prop_filter("not empty", |t| !t.is_empty())
}

/// A ref as written: trimmed, since refs are.
fn reference() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(some_text().prop_filter_map("blank", |t| {
        Some(t.trim().to_string()).filter(|t| !t.is_empty())
    }))
}

fn date_in(years: std::ops::Range<i32>) -> impl Strategy<Value = NaiveDate> {
    (years, 1u32..13, 1u32..29).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

/// A progress update's date: after every start date (a plan may not have
/// an update before its action started).
fn date() -> impl Strategy<Value = NaiveDate> {
    date_in(1990..2040)
}

/// A start date, before 1900 now and then (which a workbook holds as text).
fn start_date() -> impl Strategy<Value = NaiveDate> {
    date_in(1890..1990)
}

fn rating() -> impl Strategy<Value = Rating> {
    prop::sample::select(Rating::ALL.to_vec())
}

fn state() -> impl Strategy<Value = Lifecycle> {
    prop::sample::select(vec![
        Lifecycle::NotStarted,
        Lifecycle::InProgress,
        Lifecycle::Complete,
        Lifecycle::Deferred,
        Lifecycle::Cancelled,
    ])
}

fn timescale() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        "Nov-19",
        "31/12/2019",
        "Ongoing",
        "Q3 2019/20",
        "-",
        "=TODAY()",
        "Mar-20 | Jun-20",
    ])
    .prop_map(str::to_string)
}

fn progress() -> impl Strategy<Value = ProgressUpdate> {
    (
        proptest::option::of(date()),
        text(),
        proptest::option::of(rating()),
        proptest::option::of(prop::sample::select(vec![0.0, 12.5, 40.0, 100.0])),
        proptest::option::of(some_text()),
    )
        .prop_map(|(date, note, rating, percent_complete, by)| {
            let mut built = ProgressUpdate::undated("");
            built.date = date;
            built.note = note;
            built.rating = rating;
            built.percent_complete = percent_complete;
            built.by = by;
            built
        })
}

fn sub_activity() -> impl Strategy<Value = SubActivity> {
    (text(), timescale(), proptest::option::of(state())).prop_map(|(text, t, state)| {
        let mut built = SubActivity::new("", "");
        built.text = text;
        built.timescale = if t.is_empty() {
            Timescale::default()
        } else {
            Timescale::parse(&t)
        };
        built.state = state;
        built
    })
}

const LEADS: [&str; 6] = [
    "Head of Service",
    "Virtual School Head",
    "Leaving Care; Housing",
    "A\\B team",
    "=Director",
    "'Chair'",
];

const EXTRA_KEYS: [&str; 5] = ["Budget", "rating", "notes", "=x", "Lead"];

#[derive(Debug)]
struct ActionParts {
    reference: Option<String>,
    text: String,
    subs: Vec<SubActivity>,
    leads: Vec<usize>,
    timescale: String,
    start: Option<NaiveDate>,
    evidence: Option<String>,
    progress: Vec<ProgressUpdate>,
    recorded: Option<(Rating, Option<String>)>,
    state: Lifecycle,
    /// Dated changes: the day, and a state (or, when `None`, a timescale
    /// from [`timescale`]) it changed to; chained into a history that ends
    /// at the action's state and timescale.
    history: Vec<(NaiveDate, Option<Lifecycle>, String)>,
    extra: Vec<(usize, String)>,
}

fn action_parts() -> impl Strategy<Value = ActionParts> {
    (
        (
            reference(),
            text(),
            proptest::collection::vec(sub_activity(), 0..3),
            proptest::collection::vec(0..LEADS.len(), 0..3),
            timescale(),
            proptest::option::of(start_date()),
        ),
        (
            proptest::option::of(some_text()),
            proptest::collection::vec(progress(), 0..3),
            proptest::option::of((rating(), proptest::option::of(some_text()))),
            state(),
            proptest::collection::vec((date(), proptest::option::of(state()), timescale()), 0..4),
            proptest::collection::vec((0..EXTRA_KEYS.len(), some_text()), 0..3),
        ),
    )
        .prop_map(
            |(
                (reference, text, subs, leads, timescale, start),
                (evidence, progress, recorded, state, history, extra),
            )| ActionParts {
                reference,
                text,
                subs,
                leads,
                timescale,
                start,
                evidence,
                progress,
                recorded,
                state,
                history,
                extra,
            },
        )
}

/// A history that ends at `state` and `timescale`: each change is from
/// the value before it (in date order) to its own, the last to the
/// action's.
fn history_of(
    mut changes: Vec<(NaiveDate, Option<Lifecycle>, String)>,
    state: Lifecycle,
    timescale: &str,
) -> Vec<ActionChange> {
    changes.sort_by_key(|c| c.0);
    let states: Vec<(NaiveDate, Lifecycle)> = changes
        .iter()
        .filter_map(|(d, s, _)| s.map(|s| (*d, s)))
        .collect();
    let timescales: Vec<(NaiveDate, String)> = changes
        .iter()
        .filter(|(_, s, _)| s.is_none())
        .map(|(d, _, t)| (*d, t.clone()))
        .collect();
    let mut out = Vec::new();
    for (k, (date, from)) in states.iter().enumerate() {
        let to = states.get(k + 1).map_or(state, |n| n.1);
        out.push(ActionChange::State {
            date: *date,
            from: *from,
            to,
        });
    }
    for (k, (date, from)) in timescales.iter().enumerate() {
        let to = timescales.get(k + 1).map_or(timescale, |n| n.1.as_str());
        out.push(ActionChange::Timescale {
            date: *date,
            from: Timescale::parse(from),
            to: Timescale::parse(to),
        });
    }
    out
}

#[derive(Debug)]
struct ObjectiveParts {
    reference: Option<String>,
    title: String,
    group: Option<usize>,
    actions: Vec<ActionParts>,
    /// Aim, motto, approach and impact.
    words: [Option<String>; 4],
    links: Vec<String>,
    /// Measures: one of the built-in plan's (by position), its words and
    /// an extra field.
    measures: Vec<(usize, String, Option<String>)>,
    extra: Vec<(usize, String)>,
    from_source: bool,
}

fn words() -> impl Strategy<Value = [Option<String>; 4]> {
    proptest::array::uniform4(proptest::option::of(some_text()))
}

fn links() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(
        prop::sample::select(vec![
            "https://example.org/a",
            "[not json",
            "=HYPERLINK(\"x\")",
            "two\nlines",
            "",
            "https://example.org/b?x=1;y=2",
        ])
        .prop_map(str::to_string),
        0..3,
    )
}

fn objective_parts() -> impl Strategy<Value = ObjectiveParts> {
    (
        (
            reference(),
            text(),
            proptest::option::of(0usize..3),
            // Objectives without actions now and then (the CSV leaves them
            // out; the workbook keeps them).
            proptest::collection::vec(action_parts(), 0..4),
        ),
        (
            words(),
            links(),
            proptest::collection::vec(
                (0usize..1000, text(), proptest::option::of(some_text())),
                0..3,
            ),
            proptest::collection::vec((0..EXTRA_KEYS.len(), some_text()), 0..2),
            any::<bool>(),
        ),
    )
        .prop_map(
            |((reference, title, group, actions), (words, links, measures, extra, from_source))| {
                ObjectiveParts {
                    reference,
                    title,
                    group,
                    actions,
                    words,
                    links,
                    measures,
                    extra,
                    from_source,
                }
            },
        )
}

/// The plan's own fields: title, organisation, period, version,
/// published, whether it has the built-in plan's data sets and rules, and
/// extra fields.
#[derive(Debug)]
struct PlanParts {
    title: String,
    organisation: String,
    period: Option<String>,
    version: Option<String>,
    published: Option<NaiveDate>,
    with_data: bool,
    with_rules: bool,
    extra: Vec<(usize, String)>,
    sources: Vec<(String, Option<String>)>,
    /// Each lead's kind and, for people, role.
    kinds: Vec<(usize, Option<String>)>,
}

fn plan_parts() -> impl Strategy<Value = PlanParts> {
    (
        (
            text(),
            text(),
            proptest::option::of(some_text()),
            proptest::option::of(some_text()),
            proptest::option::of(date()),
        ),
        (
            any::<bool>(),
            any::<bool>(),
            proptest::collection::vec((0..EXTRA_KEYS.len(), some_text()), 0..3),
            proptest::collection::vec((some_text(), proptest::option::of(some_text())), 1..3),
            proptest::collection::vec((0usize..4, proptest::option::of(some_text())), LEADS.len()),
        ),
    )
        .prop_map(
            |(
                (title, organisation, period, version, published),
                (with_data, with_rules, extra, sources, kinds),
            )| PlanParts {
                title,
                organisation,
                period,
                version,
                published,
                with_data,
                with_rules,
                extra,
                sources,
                kinds,
            },
        )
}

fn parts_with_data(plan: &Plan) -> bool {
    !plan.datasets.is_empty()
}

/// A plan from its parts: groups g1–g3 (g3 sits in g1), objectives with
/// ids that start with formula characters now and then, leads with ids
/// that are not their names' slugs.
fn plan() -> impl Strategy<Value = Plan> {
    (
        proptest::collection::vec(some_text(), 3),
        proptest::collection::vec(objective_parts(), 1..4),
        plan_parts(),
    )
        .prop_map(|(group_titles, objectives, parts)| {
            let mut plan = Plan::new(&parts.title, &parts.organisation);
            plan.period = parts.period;
            plan.version = parts.version;
            plan.published = parts.published;
            for (k, v) in parts.extra {
                plan.extra.insert(EXTRA_KEYS[k].to_string(), v);
            }
            let builtin = lineofsight::builtin("lancashire").unwrap();
            let pool: Vec<_> = builtin
                .objectives
                .iter()
                .flat_map(|o| &o.measures)
                .collect();
            if parts.with_data {
                plan.authority.clone_from(&builtin.authority);
                plan.datasets.clone_from(&builtin.datasets);
            }
            if parts.with_rules {
                plan.rules = Some(RuleSet::default());
            }
            for (i, (title, description)) in parts.sources.into_iter().enumerate() {
                plan.sources.push({
                    let mut built = lineofsight::plan::Source::new("", "");
                    built.id = format!("s{i}");
                    built.title = title;
                    built.description = description;
                    built
                });
            }
            for (i, title) in group_titles.into_iter().enumerate() {
                // Titles differ, so two groups never share a path.
                let mut group = Group::new(&format!("g{}", i + 1), &format!("{title} {i}"));
                group.parent = (i == 2).then(|| "g1".to_string());
                group.source = (i == 1).then(|| "s0".to_string());
                plan.groups.push(group);
            }
            let kinds = [
                LeadKind::Role,
                LeadKind::Team,
                LeadKind::Organisation,
                LeadKind::Person,
            ];
            for (i, name) in LEADS.iter().enumerate() {
                let (kind, role) = &parts.kinds[i];
                let mut lead = Lead::new(&format!("lead{i}"), name, kinds[*kind]);
                if lead.kind == LeadKind::Person {
                    lead.role.clone_from(role);
                }
                plan.leads.push(lead);
            }
            let mut measures = 0;
            for (i, parts) in objectives.into_iter().enumerate() {
                let id = if i == 1 {
                    format!("-o{i}")
                } else {
                    format!("o{i}")
                };
                let mut o = Objective::new(&id, &parts.title);
                o.reference = parts.reference.as_deref().map(Ref::new);
                o.group = parts.group.map(|g| format!("g{}", g + 1));
                [o.aim, o.motto, o.approach, o.impact] = parts.words;
                o.links = parts.links;
                o.source = parts.from_source.then(|| "s0".to_string());
                for (k, v) in parts.extra {
                    o.extra.insert(EXTRA_KEYS[k].to_string(), v);
                }
                for (m, words, extra) in parts.measures {
                    let mut measure = pool[m % pool.len()].clone();
                    if measure.data.is_some() && !parts_with_data(&plan) {
                        measure.data = None;
                    }
                    measures += 1;
                    measure.id = format!("m{measures}");
                    measure.text = words;
                    measure.source.clone_from(&o.source);
                    if let Some(v) = extra {
                        measure.extra.insert("=note".to_string(), v);
                    }
                    o.measures.push(measure);
                }
                for (j, a) in parts.actions.into_iter().enumerate() {
                    let id = if j == 1 {
                        format!("={i}.{j}")
                    } else {
                        format!("a{i}.{j}")
                    };
                    let mut action = Action::new(&id, &a.text, &a.timescale);
                    action.reference = a.reference.as_deref().map(Ref::new);
                    action.sub_activities = a.subs;
                    for l in a.leads {
                        let lead = format!("lead{l}");
                        if !action.leads.contains(&lead) {
                            action.leads.push(lead);
                        }
                    }
                    action.start = a.start;
                    action.evidence = a.evidence;
                    action.progress = a.progress;
                    action.recorded_rating = a.recorded.map(|(rating, text)| {
                        let mut built = RecordedRating::new(lineofsight::rating::Rating::NoData);
                        built.rating = rating;
                        built.text = text;
                        built
                    });
                    action.state = a.state;
                    action.history = history_of(a.history, a.state, &a.timescale);
                    action.source = (j == 0).then(|| "s0".to_string());
                    for (k, v) in a.extra {
                        action.extra.insert(EXTRA_KEYS[k].to_string(), v);
                    }
                    o.actions.push(action);
                }
                plan.objectives.push(o);
            }
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn csv_gives_back_the_same_plan(plan in plan()) {
        prop_assert!(plan.check().is_ok());
        // A CSV of no actions is a header only, which is refused.
        prop_assume!(plan.actions().next().is_some());
        prop_assert_eq!(same(&csv_back(&plan)), same(&plan));
    }
}

proptest! {
    // A workbook takes some milliseconds to write and read: fewer cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn xlsx_gives_back_the_same_plan(plan in plan()) {
        prop_assert!(plan.check().is_ok(), "{:?}", plan.check());
        let back = xlsx_back(&plan);
        if back != plan {
            // The first field that differs, by its JSON path.
            let (a, b) = (serde_json::to_value(&plan).unwrap(), serde_json::to_value(&back).unwrap());
            prop_assert_eq!(serde_json::to_string_pretty(&b).unwrap(), serde_json::to_string_pretty(&a).unwrap());
        }
    }
}

// ---- particular cases ----

fn one_action(text: &str) -> Plan {
    let mut plan = Plan::new("Plan", "Council");
    let mut o = Objective::new("o1", "Objective");
    o.actions.push(Action::new("a1", text, "Dec-19"));
    plan.objectives.push(o);
    plan
}

#[test]
fn a_minus_formula_is_neutralised_and_comes_back_without_its_quote() {
    let payload = "-2+3+cmd|' /C calc'!A0";
    let plan = one_action(payload);
    let csv = lineofsight::export::actions_csv(&report(&plan)).unwrap();
    assert!(csv.contains(&format!(",'{payload},")), "{csv}");
    assert_eq!(csv_back(&plan).objectives[0].actions[0].text, payload);
    assert_eq!(xlsx_back(&plan).objectives[0].actions[0].text, payload);
}

#[test]
fn text_that_starts_with_a_quote_keeps_it() {
    for text in ["'quoted'", "'=1", "''", "\rreturn", "\ttab", "@me"] {
        let plan = one_action(text);
        assert_eq!(
            csv_back(&plan).objectives[0].actions[0].text,
            text,
            "{text:?}"
        );
        assert_eq!(
            xlsx_back(&plan).objectives[0].actions[0].text,
            text,
            "{text:?}"
        );
    }
}

#[test]
fn a_recorded_rating_keeps_its_words() {
    let mut plan = one_action("Review SGO support");
    plan.objectives[0].actions[0].recorded_rating = Some({
        let mut built = RecordedRating::new(lineofsight::rating::Rating::NoData);
        built.rating = Rating::Amber;
        built.text = Some("Amber/Green".into());
        built
    });
    let back = csv_back(&plan);
    let recorded = back.objectives[0].actions[0]
        .recorded_rating
        .clone()
        .unwrap();
    assert_eq!(recorded.rating, Rating::Amber);
    assert_eq!(recorded.text.as_deref(), Some("Amber/Green"));
}

#[test]
fn the_computed_columns_are_recognised_and_left_out() {
    let plan = lineofsight::builtin("lancashire").unwrap();
    let csv = lineofsight::export::actions_csv(&report(&plan)).unwrap();
    // The default options: no mapping, the format sniffed.
    let (back, import) = import_plan(csv.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(same(&back), same(&plan));
    for name in [
        "due",
        "latest_update_date",
        "latest_update",
        "recorded_rating",
        "computed_rating",
        "rating",
        "overridden",
        "reason_code",
        "reason",
        "group",
    ] {
        let field = import
            .columns
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, f)| *f);
        assert_eq!(field, Some(Some(Field::Ignore)), "{name}");
    }
    assert!(back.actions().all(|a| a
        .extra
        .keys()
        .all(|k| plan.actions().any(|b| b.extra.contains_key(k)))));
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
}

#[test]
fn the_workbook_keeps_groups_and_measures_on_their_own_sheets() {
    let plan = lineofsight::builtin("lancashire").unwrap();
    let bytes = lineofsight::export::workbook(&report(&plan)).unwrap();
    let sheets = lineofsight::import::read_workbook(&bytes, TableFormat::Xlsx).unwrap();
    let names: Vec<&str> = sheets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Actions",
            "Measures",
            "Summary",
            "Groups",
            "Objectives",
            "Leads",
            "Plan"
        ]
    );
    let measures = &sheets[1];
    let count = plan
        .objectives
        .iter()
        .map(|o| o.measures.len())
        .sum::<usize>();
    assert_eq!(
        measures.rows.len(),
        count + 1,
        "every measure, rated or not"
    );
    let groups = &sheets[3];
    assert_eq!(groups.rows.len(), plan.groups.len() + 1);
    for (row, g) in groups.rows[1..].iter().zip(&plan.groups) {
        assert_eq!(row.cells[0], g.id);
        assert_eq!(row.cells[1], g.title);
    }
    assert_eq!(same(&xlsx_back(&plan)), same(&plan));
}

#[test]
fn the_workbook_gives_every_built_in_plan_back_whole() {
    for name in lineofsight::BUILTIN_PLANS {
        let plan = lineofsight::builtin(name).unwrap();
        let bytes = lineofsight::export::workbook(&report(&plan)).unwrap();
        let (back, import) = import_plan(&bytes, &ImportOptions::default()).unwrap();
        assert!(import.warnings.is_empty(), "{name}: {:?}", import.warnings);
        if back != plan {
            let json = |p: &Plan| serde_json::to_string_pretty(p).unwrap();
            assert_eq!(json(&back), json(&plan), "{name}");
            panic!("{name}: the same JSON, yet not equal");
        }
    }
}

#[test]
fn leads_that_share_a_name_come_back_as_the_first_with_a_warning() {
    let mut plan = one_action("Cover both areas");
    plan.leads
        .push(Lead::new("sm-east", "Service Manager", LeadKind::Role));
    plan.leads
        .push(Lead::new("sm-west", "Service Manager", LeadKind::Role));
    plan.objectives[0].actions[0].leads = vec!["sm-west".into()];
    let bytes = lineofsight::export::workbook(&report(&plan)).unwrap();
    let (back, import) = import_plan(&bytes, &ImportOptions::default()).unwrap();
    assert_eq!(back.leads, plan.leads, "both leads are kept");
    assert_eq!(back.actions().next().unwrap().leads, ["sm-east"]);
    let w = &import.warnings[0];
    assert_eq!((w.row, w.column.as_str()), (2, "Leads"));
    assert!(
        w.message.contains("2 leads called \"Service Manager\""),
        "{w}"
    );
}

#[test]
fn a_cell_too_long_for_excel_is_an_error_naming_the_sheet_and_cell() {
    let mut plan = one_action("Act");
    let mut m = lineofsight::plan::Measure::new("m1", "Placements");
    m.observations = (0..3_000)
        .map(|i| {
            let mut built = lineofsight::plan::Observation::new(
                "",
                lineofsight::measure::ObservedValue::Number(0.0),
            );
            built.period = format!("Q{} {}", i % 4 + 1, 1000 + i);
            built.value = lineofsight::measure::ObservedValue::Number(f64::from(i));
            built
        })
        .collect();
    plan.objectives[0].measures.push(m);
    let err = lineofsight::export::workbook(&report(&plan)).unwrap_err();
    assert!(
        err.to_string().contains("sheet \"Measures\", cell S2"),
        "{err}"
    );
}

#[test]
fn a_source_title_on_re_import_takes_a_free_id() {
    let mut plan = one_action("Act");
    plan.sources.push({
        let mut built = lineofsight::plan::Source::new("", "");
        built.id = "source".into();
        built.title = "The plan".into();
        built.description = None;
        built
    });
    let bytes = lineofsight::export::workbook(&report(&plan)).unwrap();
    let options = {
        let mut built = ImportOptions::default();
        built.source_title = Some("Q3 tracker".into());
        built
    };
    let (back, _) = import_plan(&bytes, &options).unwrap();
    let ids: Vec<&str> = back.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["source", "source-2"]);
}
