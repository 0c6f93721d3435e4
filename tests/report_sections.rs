//! The shape of the board report in every format drawn from one model: the
//! summary comes first, changes since the previous report show a moved
//! deadline, `by_lead` lays the open actions out lead by lead, sections
//! with nothing in them are left out, and every format agrees on the
//! counts.

use chrono::NaiveDate;
use lineofsight::export::{actions_csv, render_html, render_markdown, report_json};
use lineofsight::plan::{Action, Lead, LeadKind, Objective, Plan};
use lineofsight::report::{render_terminal, BoardReport, ReportOptions, Section};
use lineofsight::RuleSet;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// A small tracker whose first action is due `due`; the second is led by
/// someone else and due in June.
fn tracker(due: &str) -> Plan {
    let mut plan = Plan::new("Care leavers tracker", "Northshire Council");
    plan.leads
        .push(Lead::new("vsh", "Virtual School Head", LeadKind::Role));
    plan.leads
        .push(Lead::new("hos", "Head of Service", LeadKind::Role));
    let mut o = Objective::new("o1", "Care leavers have a Local Offer");
    let mut a1 = Action::new("a1", "Refresh the pledge.", due);
    a1.leads.push("vsh".into());
    let mut a2 = Action::new("a2", "Review SGO support.", "Jun-20");
    a2.leads.push("hos".into());
    o.actions.extend([a1, a2]);
    plan.objectives.push(o);
    plan
}

fn since() -> ReportOptions {
    {
        let mut built = ReportOptions::default();
        built.since = Some(d(2019, 9, 30));
        built
    }
}

fn compared() -> BoardReport {
    BoardReport::build_compared(
        &tracker("Dec-19"),
        &tracker("Jun-20"),
        d(2019, 12, 31),
        &RuleSet::default(),
        &since(),
    )
}

fn position(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is missing"))
}

#[test]
fn the_summary_comes_first_in_each_format() {
    let plan = lineofsight::builtin("lancashire").expect("built-in plan");
    let report = BoardReport::build(
        &plan,
        d(2019, 12, 31),
        &plan.rules_or_default(),
        &ReportOptions::default(),
    );
    assert_eq!(report.sections()[0], Section::Summary);
    let text = render_terminal(&report);
    let summary = position(&text, "SUMMARY");
    for later in [
        "MEASURES OF SUCCESS",
        "OPEN ACTIONS BY OBJECTIVE",
        "EXCEPTIONS:",
    ] {
        assert!(
            summary < position(&text, later),
            "{later} before the summary"
        );
    }
    let md = render_markdown(&report);
    let first_section = md
        .lines()
        .find(|l| l.starts_with("## "))
        .expect("a section");
    assert_eq!(first_section, "## Summary");
    assert!(position(&md, "**Biggest exceptions:**") < position(&md, "## Measures of success"));
    let html = render_html(&report, &[]);
    let first = position(&html, "<section id=");
    assert_eq!(&html[first..first + 21], "<section id=\"summary\"");
    // The chart is inline, on the summary page, before any other section.
    assert!(position(&html, "<svg") < position(&html, "<section id=\"measures\""));
    assert!(html.contains(".first-page{break-after:page"));
}

#[test]
fn changes_since_the_previous_report_show_a_moved_deadline() {
    let report = compared();
    let changes = report.changes.as_ref().expect("changes");
    assert_eq!(changes.moved_deadlines.len(), 1);
    assert_eq!(changes.moved_deadlines[0].shift(), "182 days later");
    assert!(report.sections().contains(&Section::Changes));

    let text = render_terminal(&report);
    assert!(text.contains("1 deadline moved"), "{text}");
    assert!(position(&text, "1 deadline moved") < position(&text, "CHANGES SINCE 30/09/2019"));
    assert!(text.contains("DEADLINES MOVED: 1"));
    assert!(text.contains("Dec-19 → Jun-20 (182 days later)"), "{text}");

    let md = render_markdown(&report);
    assert!(md.contains("## Changes since 30/09/2019"));
    assert!(md.contains("### Deadlines moved: 1"));
    assert!(
        md.contains("| Refresh the pledge. | Dec-19 | Jun-20 | **182 days later** |"),
        "{md}"
    );

    let html = render_html(&report, &[]);
    assert!(html.contains("<h2 id=\"changes-heading\">Changes since 30/09/2019</h2>"));
    assert!(html.contains("<caption>Deadlines moved: 1</caption>"));
    assert!(html.contains(
        "<td>Dec-19</td><td>Jun-20</td><td class=\"moved-by\"><strong>182 days later</strong>"
    ));
    assert!(html.contains("<a href=\"#changes\">Changes since 30/09/2019</a>"));
}

#[test]
fn by_lead_lays_the_open_actions_out_lead_by_lead() {
    let options = {
        let mut built = ReportOptions::default();
        built.by_lead = true;
        built
    };
    let report = BoardReport::build(
        &tracker("Mar-20"),
        d(2019, 12, 31),
        &RuleSet::default(),
        &options,
    );
    assert!(report.sections().contains(&Section::OpenByLead));
    assert!(!report.sections().contains(&Section::OpenByObjective));
    let names: Vec<&str> = report.leads.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Head of Service", "Virtual School Head"]);

    let text = render_terminal(&report);
    assert!(!text.contains("OPEN ACTIONS BY OBJECTIVE"));
    assert!(position(&text, "SUMMARY") < position(&text, "OPEN ACTIONS BY LEAD"));
    assert!(
        position(&text, "Head of Service: 1 open actions")
            < position(&text, "Virtual School Head: 1 open actions")
    );

    let md = render_markdown(&report);
    assert!(!md.contains("## Open actions by objective"));
    assert!(
        position(&md, "### Head of Service: 1 open action")
            < position(&md, "### Virtual School Head: 1 open action")
    );

    let html = render_html(&report, &[]);
    assert!(html.contains("<h2 id=\"open-actions-heading\">Open actions by lead</h2>"));
    assert!(
        position(&html, "<h3 id=\"lead-1-heading\">Head of Service")
            < position(&html, "<h3 id=\"lead-2-heading\">Virtual School Head")
    );
    assert!(!html.contains("id=\"objective-1\""));

    let one = report.for_lead("Virtual School Head");
    assert!(render_markdown(&one).contains("Actions led by Virtual School Head"));
}

#[test]
fn sections_with_nothing_in_them_are_left_out() {
    // Nothing due within 90 days, nothing overdue, nothing recorded, no
    // measures, no previous report.
    let report = BoardReport::build(
        &tracker("Jun-20"),
        d(2019, 12, 31),
        &RuleSet::default(),
        &ReportOptions::default(),
    );
    assert_eq!(
        report.sections(),
        [Section::Summary, Section::OpenByObjective]
    );
    let text = render_terminal(&report);
    let md = render_markdown(&report);
    let html = render_html(&report, &[]);
    for out in [&text, &md, &html] {
        assert!(!out.contains("None."), "an empty section is shown");
    }
    for gone in [
        "EXCEPTIONS",
        "DUE IN THE NEXT",
        "DISCREPANCIES",
        "CHANGES SINCE",
        "MEASURES",
    ] {
        assert!(!text.contains(gone), "terminal shows {gone}");
    }
    for gone in [
        "## Exceptions",
        "## Due in the next",
        "## Discrepancies",
        "## Changes",
        "## Measures",
        "Biggest exceptions",
    ] {
        assert!(!md.contains(gone), "markdown shows {gone}");
    }
    for gone in [
        "#exceptions",
        "#upcoming",
        "#discrepancies",
        "#changes",
        "#measures",
        "<tbody>\n</tbody>",
        "Biggest exceptions",
    ] {
        assert!(!html.contains(gone), "html shows {gone}");
    }
    assert!(html.contains("<li><a href=\"#summary\">Summary</a></li>"));
    assert!(html.contains("<li><a href=\"#open-actions\">Open actions by objective</a></li>"));
}

/// The records of a CSV document (quotes and quoted line breaks allowed).
fn csv_records(csv: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[test]
fn every_format_of_one_model_agrees_on_the_counts() {
    let plan = lineofsight::builtin("lancashire").expect("built-in plan");
    let report = BoardReport::build(
        &plan,
        d(2019, 12, 31),
        &plan.rules_or_default(),
        &ReportOptions::default(),
    );
    let red = report.summary.counts.red;
    assert!(red > 0);

    let text = render_terminal(&report);
    let whole = text
        .lines()
        .find(|l| l.starts_with("Whole plan"))
        .expect("whole plan line");
    let numbers: Vec<usize> = whole
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert_eq!(numbers[0], red, "terminal");

    let md = render_markdown(&report);
    assert!(
        md.contains(&format!("| **Whole plan** | {red} |")),
        "markdown"
    );

    let html = render_html(&report, &[]);
    let counts = &html[position(&html, "<table class=\"counts\">")..];
    let first = &counts[position(counts, "<td class=\"num\">") + 16..];
    assert_eq!(
        first[..first.find('<').expect("cell end")].parse::<usize>(),
        Ok(red),
        "html"
    );

    let csv = actions_csv(&report).expect("csv");
    let records = csv_records(&csv);
    let rating = records[0]
        .iter()
        .position(|c| c == "rating")
        .expect("rating column");
    let csv_red = records[1..]
        .iter()
        .filter(|r| matches!(r[rating].as_str(), "Red" | "Amber/Red"))
        .count();
    assert_eq!(csv_red, red, "csv");

    let json: serde_json::Value = serde_json::from_str(&report_json(&report)).expect("json");
    assert_eq!(json["summary"]["counts"]["red"], red, "json");
}

#[test]
#[ignore = "prints the compared report for a person to read"]
fn print_compared() {
    let report = compared();
    println!("{}", render_terminal(&report));
    println!("{}", render_markdown(&report));
    std::fs::write(
        std::env::temp_dir().join("compared.html"),
        render_html(&report, &[]),
    )
    .expect("write");
}
