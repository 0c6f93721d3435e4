//! Text from a plan lands in every output as text (issue 13, items 2 and
//! 8). The hostile plan, tests/fixtures/hostile-plan.json, puts a script
//! tag, an attribute break-out, quotes, `|` and `\|`, `&amp;`, template
//! syntax, terminal escapes, control characters and an unclosed
//! right-to-left override into every text field a plan has. The Python
//! notebook output and the dashboard run the same file.

use chrono::NaiveDate;
use lineofsight::export::{render, ReportFormat};
use lineofsight::report::{BoardReport, ReportOptions};
use lineofsight::{Plan, RuleSet};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn report() -> (Plan, BoardReport) {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/hostile-plan.json"
    ))
    .expect("fixture");
    let plan = Plan::from_json(&json).expect("the hostile plan loads");
    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("date");
    let report = BoardReport::build(&plan, as_of, &RuleSet::default(), &ReportOptions::default());
    (plan, report)
}

fn text(format: ReportFormat) -> String {
    let (_, report) = report();
    String::from_utf8(render(&report, format).expect("renders")).expect("UTF-8")
}

const OPENERS: [char; 7] = [
    '\u{202a}', '\u{202b}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}',
];
const CLOSERS: [char; 2] = ['\u{202c}', '\u{2069}'];

/// Every right-to-left control the plan opens is closed again.
fn assert_bidi_closed(out: &str, what: &str) {
    let opened = out.chars().filter(|c| OPENERS.contains(c)).count();
    let closed = out.chars().filter(|c| CLOSERS.contains(c)).count();
    assert!(opened > 0, "{what}: the plan's override reaches the output");
    assert!(closed >= opened, "{what}: {opened} opened, {closed} closed");
}

fn assert_no_controls(out: &str, what: &str, allowed: &[char]) {
    if let Some(c) = out.chars().find(|c| c.is_control() && !allowed.contains(c)) {
        panic!("{what}: control character {c:?} from the plan reaches the output");
    }
}

#[test]
fn the_terminal_report_has_no_control_characters_from_the_plan() {
    let out = text(ReportFormat::Terminal);
    assert_no_controls(&out, "terminal", &['\n']);
    assert!(
        out.contains("[2J"),
        "the rest of the escape is kept as text"
    );
    assert_bidi_closed(&out, "terminal");
}

#[test]
fn the_html_report_shows_every_attack_as_text() {
    let out = text(ReportFormat::Html);
    for markup in ["<script", "<img", "onerror=\"", "<b>"] {
        assert!(
            !out.contains(markup),
            "html: {markup} reaches the page as markup"
        );
    }
    assert!(out.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"));
    assert!(
        out.contains("&amp;amp;"),
        "an entity in the plan stays as written"
    );
    assert_no_controls(&out, "html", &['\n', '\t', '\r']);
    assert_bidi_closed(&out, "html");
}

#[test]
fn every_svg_chart_is_well_formed_xml() {
    let (_, report) = report();
    roxmltree::Document::parse(&report.summary.chart).expect("the summary chart is XML");
    let html = text(ReportFormat::Html);
    let mut charts = 0;
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").expect("closed") + start + "</svg>".len();
        let svg = &rest[start..end];
        // The HTML report writes SVG inline, where the namespace is implied.
        let svg = svg.replacen(
            "<svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"",
            usize::from(!svg.contains("xmlns=")),
        );
        roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("chart {charts}: {e}\n{svg}"));
        charts += 1;
        rest = &rest[end..];
    }
    assert!(charts >= 1, "the HTML report draws its chart");
}

/// The text of every cell of every Markdown table, as a Markdown reader
/// shows it.
fn markdown_cells(markdown: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => cells.extend(cell.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("markdown: {h:?} is read as HTML"),
            Event::Start(Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }) => {
                assert!(
                    cell.is_none(),
                    "markdown: plan text is read as markup: {event:?}"
                );
            }
            _ => {}
        }
    }
    cells
}

#[test]
fn markdown_table_cells_read_back_as_the_plan_wrote_them() {
    let (plan, _) = report();
    let out = text(ReportFormat::Markdown);
    assert_no_controls(&out, "markdown", &['\n']);
    assert_bidi_closed(&out, "markdown");
    let cells = markdown_cells(&out);
    let action = &plan.objectives[0].actions[0];
    // The cell shows the text without its control characters, with the
    // override closed.
    let expected: String = action
        .text
        .chars()
        .filter(|c| !c.is_control())
        .chain(['\u{2069}'])
        .collect::<String>();
    let expected = expected.split_whitespace().collect::<Vec<_>>().join(" ");
    let found = cells
        .iter()
        .filter(|c| c.contains("Action <script>"))
        .collect::<Vec<_>>();
    assert!(
        !found.is_empty(),
        "the action's text is a table cell: {cells:#?}"
    );
    for cell in found {
        assert_eq!(
            cell.split_whitespace().collect::<Vec<_>>().join(" "),
            expected
        );
    }
}
