//! Real Word tables: a header row Word repeats on every page the table
//! runs to, body rows that do not split across pages, fixed column widths
//! that add up to the page, and RAG cells drawn as shape, word and fill.

use docx_rs::{
    Paragraph, Shading, ShdType, Table, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

use super::styles::{TABLE, TABLE_HEADING, TABLE_TEXT, TEXT_WIDTH};
use super::text::lines;
use crate::rating::Rating;
use crate::report::BoardReport;

/// The header row's fill.
const HEAD_FILL: &str = "D9E2F3";

/// A cell's content.
pub(super) enum Cell {
    /// Plain text (line breaks kept).
    Text(String),
    /// A rating as its shape, word and fill, with words after it (`(recorded)`).
    Rag(Rating, &'static str),
}

impl Cell {
    pub(super) fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

/// Column widths in twentieths of a point from relative weights, adding up
/// to the width between the margins.
fn widths(weights: &[usize]) -> Vec<usize> {
    let total: usize = weights.iter().sum::<usize>().max(1);
    let mut out: Vec<usize> = weights.iter().map(|w| w * TEXT_WIDTH / total).collect();
    let used: usize = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last += TEXT_WIDTH - used;
    }
    out
}

fn cell(p: Paragraph, width: usize) -> TableCell {
    TableCell::new()
        .add_paragraph(p)
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Top)
}

fn body_cell(report: &BoardReport, c: &Cell, width: usize) -> TableCell {
    match c {
        Cell::Text(s) => cell(lines(TABLE_TEXT, s), width),
        Cell::Rag(r, after) => {
            let look = report.look(*r);
            let words = if after.is_empty() {
                look.chip()
            } else {
                format!("{} {after}", look.chip())
            };
            let p = Paragraph::new().style(TABLE_HEADING).add_run(
                docx_rs::Run::new()
                    .add_text(super::text::clean(&words))
                    .color(look.text_colour.trim_start_matches('#')),
            );
            cell(p, width).shading(
                Shading::new()
                    .shd_type(ShdType::Clear)
                    .color("auto")
                    .fill(look.colour_hex()),
            )
        }
    }
}

/// A table with a header row (`(heading, weight)` per column) and body
/// rows. Rows never split across pages; the header repeats (see
/// `repeat_header_rows`).
pub(super) fn table(report: &BoardReport, columns: &[(&str, usize)], rows: &[Vec<Cell>]) -> Table {
    let w = widths(&columns.iter().map(|(_, w)| *w).collect::<Vec<_>>());
    let head = TableRow::new(
        columns
            .iter()
            .zip(&w)
            .map(|((h, _), &width)| {
                cell(lines(TABLE_HEADING, h), width).shading(
                    Shading::new()
                        .shd_type(ShdType::Clear)
                        .color("auto")
                        .fill(HEAD_FILL),
                )
            })
            .collect(),
    )
    .cant_split();
    let mut all = vec![head];
    for r in rows {
        all.push(
            TableRow::new(
                r.iter()
                    .zip(&w)
                    .map(|(c, &width)| body_cell(report, c, width))
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(all)
        .style(TABLE)
        .margins(TableCellMargins::new().margin(30, 60, 30, 60))
        .set_grid(w)
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// A table of actions (positions in the report's `actions`): ref, action,
/// timescale, lead, latest commentary, RAG and reason; with
/// `with_objective` the objective's ref first, with `recorded` the rating
/// recorded in the plan before the RAG.
pub(super) fn actions(
    report: &BoardReport,
    positions: &[usize],
    with_objective: bool,
    recorded: bool,
) -> Table {
    let mut columns: Vec<(&str, usize)> = Vec::new();
    if with_objective {
        columns.push(("Objective", 9));
    }
    columns.extend([
        ("Ref", 5),
        ("Action", if with_objective { 21 } else { 25 }),
        ("Timescale", 11),
        ("Lead", if with_objective { 11 } else { 12 }),
        ("Latest commentary", if with_objective { 19 } else { 22 }),
    ]);
    if recorded {
        columns.push(("Recorded", 10));
    }
    columns.extend([("RAG", 10), ("Reason", 15)]);
    let rows: Vec<Vec<Cell>> = report
        .rows(positions)
        .map(|r| {
            let mut row = Vec::with_capacity(columns.len());
            if with_objective {
                row.push(Cell::text(r.objective_label()));
            }
            row.extend([
                Cell::text(r.reference.as_deref().unwrap_or("")),
                Cell::text(r.text.as_str()),
                Cell::text(r.timescale.as_str()),
                Cell::text(r.leads.join("; ")),
                Cell::text(r.commentary_line().unwrap_or_default()),
            ]);
            if recorded {
                row.push(match r.recorded {
                    Some(x) => Cell::Rag(x, ""),
                    None => Cell::text("–"),
                });
            }
            row.push(Cell::Rag(
                r.rating,
                if r.overridden { "(recorded)" } else { "" },
            ));
            row.push(Cell::text(r.reason.message().as_ref()));
            row
        })
        .collect();
    table(report, &columns, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fill_the_page() {
        let w = widths(&[6, 24, 9, 11, 22, 10, 18]);
        assert_eq!(w.iter().sum::<usize>(), TEXT_WIDTH);
        assert!(w[1] > 4 * w[0]);
    }
}
