//! What changed between last quarter's tracker and this quarter's, read
//! from two CSV files of the same plan (tests/fixtures/tracker-2019-q2.csv
//! and tracker-2019-q3.csv), and each lead's own list.

use chrono::NaiveDate;
use lineofsight::import::{import_plan, ImportOptions};
use lineofsight::plan::Plan;
use lineofsight::rating::Rating;
use lineofsight::report::{BoardReport, Movement, ReportOptions, NO_LEAD};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

fn tracker(name: &str) -> Plan {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    let bytes = std::fs::read(&path).expect("the fixture is there");
    let options = {
        let mut built = ImportOptions::default();
        built.input_name = name.to_string();
        built
    };
    let (plan, report) = import_plan(&bytes, &options).expect("imports");
    assert!(report.warnings.is_empty(), "{name}: {:?}", report.warnings);
    plan
}

/// Last quarter's tracker against this quarter's, as of 31/12/2019, with
/// the changes since 30/09/2019 (also what `format_snapshots` renders).
pub(crate) fn compared() -> BoardReport {
    let previous = tracker("tracker-2019-q2.csv");
    let plan = tracker("tracker-2019-q3.csv");
    let options = {
        let mut built = ReportOptions::default();
        built.since = Some(date(2019, 9, 30));
        built
    };
    BoardReport::build_compared(
        &previous,
        &plan,
        date(2019, 12, 31),
        &plan.rules_or_default(),
        &options,
    )
}

/// The refs of the rows at `positions`.
fn refs(report: &BoardReport, positions: &[usize]) -> Vec<String> {
    report
        .rows(positions)
        .map(|r| r.reference.clone().unwrap_or_default())
        .collect()
}

/// Q2 to Q3: 1.1's deadline quietly moved from Dec-19 to Jun-20, 1.2 fell
/// overdue (Green to Red), 1.3 was completed, 3.1 is new (added above the
/// others, so every imported id shifted), 2.3 was dropped, and 2.2's
/// commentary is last quarter's.
#[test]
fn two_tracker_files_give_exactly_the_quarters_changes() {
    let report = compared();
    let changes = report.changes.clone().expect("compared");
    assert_eq!(changes.since, date(2019, 9, 30));
    assert_eq!(
        changes.previous.as_deref(),
        Some("Care Leavers Delivery Plan tracker")
    );

    // The ids differ (3.1 took o1-a1): actions are matched by ref.
    assert_eq!(report.actions[0].action_id, "o1-a1");
    assert_eq!(refs(&report, &changes.new_actions), ["3.1"]);
    let removed: Vec<_> = changes
        .removed
        .iter()
        .map(|r| r.reference.as_deref())
        .collect();
    assert_eq!(removed, [Some("2.3")]);

    assert_eq!(
        changes.moved_deadlines.len(),
        1,
        "{:?}",
        changes.moved_deadlines
    );
    let moved = &changes.moved_deadlines[0];
    assert_eq!(report.actions[moved.row].reference.as_deref(), Some("1.1"));
    assert_eq!(
        (moved.from_timescale.as_str(), moved.to_timescale.as_str()),
        ("Dec-19", "Jun-20")
    );
    assert_eq!(
        (moved.from_due, moved.to_due),
        (Some(date(2019, 12, 31)), Some(date(2020, 6, 30)))
    );
    assert_eq!(moved.days_later, Some(182));

    assert_eq!(refs(&report, &changes.completed), ["1.3"]);
    let rating_moves: Vec<_> = changes
        .ratings
        .iter()
        .map(|m| {
            (
                report.actions[m.row].reference.clone().unwrap_or_default(),
                m.from,
                m.to,
                m.movement,
            )
        })
        .collect();
    assert_eq!(
        rating_moves,
        [
            (
                "1.2".to_string(),
                Rating::Green,
                Rating::Red,
                Movement::Worse
            ),
            (
                "1.3".to_string(),
                Rating::Green,
                Rating::Blue,
                Movement::Better
            ),
        ]
    );
    assert_eq!(changes.ups_and_downs(), (1, 1));
    assert_eq!(refs(&report, &changes.not_updated), ["2.2"]);
}

#[test]
fn the_same_tracker_twice_has_no_changes() {
    let plan = tracker("tracker-2019-q3.csv");
    let options = {
        let mut built = ReportOptions::default();
        built.since = Some(date(2019, 12, 31));
        built
    };
    let report = BoardReport::build_compared(
        &plan,
        &plan,
        date(2019, 12, 31),
        &plan.rules_or_default(),
        &options,
    );
    let changes = report.changes.expect("compared");
    assert!(changes.is_empty(), "{changes:?}");
}

/// One file per lead: every open action is in exactly one lead's list per
/// lead it names, `No lead` takes the rest, and nothing closed is listed.
#[test]
fn each_leads_list_covers_every_open_action_once() {
    let report = compared();
    let mut seen = std::collections::HashMap::<String, usize>::new();
    let mut names = Vec::new();
    for section in &report.leads {
        names.push(section.name.clone());
        let theirs = report.for_lead(&section.name);
        assert_eq!(theirs.lead.as_deref(), Some(section.name.as_str()));
        assert_eq!(theirs.leads.len(), 1);
        let open: Vec<_> = theirs.rows(&theirs.leads[0].open).collect();
        assert_eq!(open.len(), section.open.len());
        for row in open {
            assert!(row.open);
            if section.name == NO_LEAD {
                assert!(row.leads.is_empty());
            } else {
                assert!(row.leads.contains(&section.name));
            }
            *seen
                .entry(format!("{}|{}", row.action_id, section.name))
                .or_default() += 1;
        }
        // The calendar for one lead has their open dated actions only.
        let ics = String::from_utf8(
            lineofsight::export::render(&theirs, lineofsight::export::ReportFormat::Calendar)
                .expect("renders"),
        )
        .expect("text");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), section.open.len());
    }
    assert!(seen.values().all(|&n| n == 1), "{seen:?}");
    for row in report.actions.iter().filter(|r| r.open) {
        let expected: Vec<&str> = if row.leads.is_empty() {
            vec![NO_LEAD]
        } else {
            row.leads.iter().map(String::as_str).collect()
        };
        for lead in expected {
            assert!(
                seen.contains_key(&format!("{}|{lead}", row.action_id)),
                "{} for {lead}",
                row.action_id
            );
        }
    }
    assert!(report.actions.iter().any(|r| !r.open));
    assert!(
        !seen.keys().any(|k| k.starts_with("o1-a4|")),
        "the completed 1.3 is in no list"
    );
    assert_eq!(
        names,
        [
            "Head of HR",
            "Head of Leaving Care",
            "Head of Service",
            "Participation Lead"
        ]
    );
}
