//! The Word board paper: a valid package with the paper's parts, every
//! section, header rows that repeat, named styles, A4, and plan text that
//! cannot break the XML. Self-contained: it needs nothing but the crate.

use std::io::Read;

use chrono::NaiveDate;
use lineofsight::export::docx::BoardPaper;
use lineofsight::export::{render, ReportFormat};
use lineofsight::plan::{Action, Lead, LeadKind, Objective, Plan, ProgressUpdate};
use lineofsight::report::{BoardReport, ReportOptions};
use lineofsight::RuleSet;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 12, 31).unwrap()
}

fn lancashire() -> BoardReport {
    let plan = lineofsight::builtin("lancashire").unwrap();
    BoardReport::build(
        &plan,
        as_of(),
        &plan.rules_or_default(),
        &ReportOptions::default(),
    )
}

/// The package's parts: (name, bytes).
fn parts(docx: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().to_string(), bytes)
        })
        .collect()
}

fn part(parts: &[(String, Vec<u8>)], name: &str) -> String {
    let (_, bytes) = parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8(bytes.clone()).expect("UTF-8")
}

/// Every `<` opens a tag, every `&` an entity, and no character XML cannot
/// hold is there: enough to show plan text did not break out.
fn assert_well_formed_text(xml: &str) {
    for (i, c) in xml.char_indices() {
        assert!(
            !c.is_control() || matches!(c, '\n' | '\r' | '\t'),
            "control character {c:?} at {i}"
        );
        if c == '<' {
            let next = xml[i + 1..].chars().next().unwrap();
            assert!(
                next.is_ascii_alphabetic() || matches!(next, '/' | '?' | '!'),
                "bare < at {i}: {}",
                &xml[i..(i + 40).min(xml.len())]
            );
        }
        if c == '&' {
            let rest = &xml[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#"]
                    .iter()
                    .any(|e| rest.starts_with(e)),
                "bare & at {i}"
            );
        }
    }
}

#[test]
fn the_built_in_plans_paper_has_every_section() {
    let report = lancashire();
    let docx = render(&report, ReportFormat::Docx).expect("a paper");
    assert!(docx.starts_with(b"PK"));
    let parts = parts(&docx);
    let document = part(&parts, "word/document.xml");
    let styles = part(&parts, "word/styles.xml");
    part(&parts, "[Content_Types].xml");
    assert_well_formed_text(&document);
    for section in [
        report.title.as_str(),
        "Summary",
        "Overall position:",
        "Biggest exceptions",
        "Exceptions: ",
        "Actions by objective",
        "Actions by rating, objective by objective",
        "Measures of success",
        "Deadlines in the next 90 days",
        "Discrepancies: ",
        "Data warnings",
    ] {
        assert!(document.contains(section), "no {section:?}");
    }
    // Without fonts no chart is drawn, and the paper says so.
    assert!(!parts.iter().any(|(n, _)| n.starts_with("word/media/")
        && std::path::Path::new(n)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("png"))));
    assert!(document.contains("left out of this copy"));
    // Sections in order, the summary first, then a page break.
    let at = |s: &str| document.find(s).unwrap();
    assert!(at("Summary") < at("Biggest exceptions"));
    assert!(at("Biggest exceptions") < at("w:type=\"page\""));
    assert!(at("w:type=\"page\"") < at("Exceptions: "));
    assert!(at("Exceptions: ") < at("Actions by objective</w:t>"));
    assert!(at("Actions by objective</w:t>") < at("Measures of success"));
    assert!(at("Measures of success") < at("Deadlines in the next"));
    assert!(at("Deadlines in the next") < at("Discrepancies: "));
    // Real tables whose header rows repeat and whose rows do not split.
    let tables = document.matches("<w:tbl>").count();
    assert!(tables > 10);
    assert_eq!(document.matches("<w:tblHeader />").count(), tables);
    assert!(document.contains("<w:cantSplit />"));
    // RAG as shape, word and fill.
    assert!(document.contains("✖ Red"));
    assert!(document.contains("w:fill=\"f4a6a6\""));
    // A4 portrait, named styles, no fonts on runs.
    assert!(document.contains("w:w=\"11906\"") && document.contains("w:h=\"16838\""));
    for style in [
        "Title",
        "Heading1",
        "Heading2",
        "Normal",
        "TableText",
        "BoardTable",
    ] {
        assert!(
            styles.contains(&format!("w:styleId=\"{style}\"")),
            "no style {style}"
        );
        assert!(
            document.contains(&format!("w:val=\"{style}\"")),
            "{style} unused"
        );
    }
    assert!(!document.contains("<w:rFonts"), "a font on a run");
    assert!(styles.contains("<w:rFonts"));
}

#[test]
fn hostile_plan_text_is_escaped_or_removed() {
    let mut plan = Plan::new("Plan <b>&amp; \"quoted\"", "Council \u{1}& Co");
    plan.leads
        .push(Lead::new("l1", "A & B <Head>", LeadKind::Role));
    let mut o = Objective::new("o1", "Objective </w:t></w:r> & \u{0}end");
    o.aim = Some("Aim with ]]> and <![CDATA[".into());
    let mut a = Action::new(
        "a1",
        "Agree <script>alert('x')</script> & \"go\"\u{1b}[31m\u{7}",
        "Nov-19",
    );
    a.leads.push("l1".into());
    a.progress.push(ProgressUpdate::dated(
        NaiveDate::from_ymd_opt(2019, 11, 1).unwrap(),
        "Line one\r\nline two\u{b}\u{c}\u{FFFF}",
    ));
    o.actions.push(a);
    plan.objectives.push(o);
    let report = BoardReport::build(
        &plan,
        as_of(),
        &RuleSet::default(),
        &ReportOptions::default(),
    );
    let docx = BoardPaper::default().render(&report).unwrap();
    let parts = parts(&docx);
    let document = part(&parts, "word/document.xml");
    assert_well_formed_text(&document);
    assert!(document.contains("Plan &lt;b&gt;&amp;amp; &quot;quoted&quot;"));
    assert!(document
        .contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;go&quot;[31m"));
    assert!(document.contains("A &amp; B &lt;Head&gt;"));
    assert!(document.contains("&lt;/w:t&gt;&lt;/w:r&gt; &amp; end"));
    assert!(!document.contains('\u{FFFF}'));
    // A line break in commentary is a Word line break.
    assert!(document.contains("Line one</w:t>"));
    assert!(document.contains("<w:br w:type=\"textWrapping\" />"));
}

/// The font files under the standard font directory, if any.
fn fonts() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from("/usr/share/fonts")];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "ttf") {
                out.extend(std::fs::read(&p));
            }
        }
    }
    out
}

#[test]
fn with_fonts_the_charts_are_pictures_with_alt_text() {
    let fonts = fonts();
    let paper = BoardPaper::new(&fonts);
    if !paper.draws_charts() {
        eprintln!("SKIPPED with_fonts_the_charts_are_pictures_with_alt_text: no fonts under the system font directory");
        return;
    }
    let report = lancashire();
    let parts = parts(&paper.render(&report).unwrap());
    let pngs = parts
        .iter()
        .filter(|(n, b)| n.starts_with("word/media/") && b.starts_with(b"\x89PNG"))
        .count();
    let with_data = report.measures.iter().filter(|m| m.chart.is_some()).count();
    assert_eq!(pngs, 1 + with_data);
    let document = part(&parts, "word/document.xml");
    assert!(document.contains("descr=\"Actions by rating, objective by objective\""));
    assert!(document.contains("<wp:docPr id=\"2\""));
    assert!(!document.contains("left out of this copy"));
}
