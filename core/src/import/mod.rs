//! Importing plans from the tables councils keep: CSV, TSV, markdown tables,
//! workbooks (xlsx, xls, ods) and Word documents (docx).
//!
//! [`read_workbook`] and [`read_table`] read bytes into rows of text (and,
//! for workbooks and Word documents, cell fill colours) and find each
//! sheet's header row; [`import_plan`] turns a table into a
//! [`Plan`], recognising columns by their many spellings (`By when?`,
//! `Lead Officer(s)`, `R/A/G`), and coping with the noise of tables copied
//! out of documents: title rows, headers repeated after page breaks, rows
//! split over a page break, section rows naming an objective, cells of
//! bullet lists, HTML fragments, `_` for empty. Nothing is dropped or
//! changed without a warning naming its row and column: markup removed (text
//! that only looks like a tag, `a<b and c>d`, is kept as written), a second
//! Lead column (both are read, as one list), rows without a ref read into
//! the action above, a CSV quote that never closes, spreadsheet error values
//! (`#REF!` is never a lead). Text may be UTF-8, UTF-16 or Windows-1252.
//! There is no I/O here: callers pass bytes.
//!
//! ```
//! use lineofsight::import::{import_plan, ImportOptions};
//!
//! let csv = "Lancashire action plan\nRef,Action,Lead,By when?,RAG\n1,Launch Mind of My Own,Participation Team,Dec-19,Green\n";
//! let (plan, report) = import_plan(csv.as_bytes(), &ImportOptions::default())?;
//! assert_eq!(plan.title, "Lancashire action plan");
//! let action = plan.actions().next().unwrap();
//! assert_eq!(action.timescale.raw(), "Dec-19");
//! assert_eq!(plan.lead_names(action), ["Participation Team"]);
//! assert!(report.warnings.is_empty());
//! # Ok::<(), lineofsight::import::ImportError>(())
//! ```

mod build;
mod cells;
mod columns;
mod delimited;
mod docx;
mod error;
mod headers;
mod layout;
mod legend;
mod limits;
mod mapping;
#[cfg(feature = "xlsx")]
mod ods;
mod own_export;
#[cfg(feature = "xlsx")]
mod own_workbook;
mod refusal;
mod sniff;
mod spellings;
#[cfg(any(feature = "xlsx", feature = "docx"))]
mod unpacked;
#[cfg(feature = "xlsx")]
mod xls;
mod xlsx;
#[cfg(feature = "xlsx")]
mod xlsx_refs;

use serde::Deserialize;

pub use crate::rating::Fill;
pub use error::{ImportError, ImportWarning};
pub use headers::Field;
pub(crate) use limits::thousands;
pub use limits::Limits;
pub use mapping::{ImportOptions, LabelTarget, LeadSpelling, ListCells};

use crate::plan::Plan;
use sniff::Container;

/// The format of the bytes to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TableFormat {
    /// Work it out: a zip (`PK`) with `word/document.xml` is a Word
    /// document, any other zip or OLE file a workbook (an encrypted Office
    /// file or a Word 97–2003 `.doc` is an error saying so); text with tabs
    /// is TSV, lines starting with `|` a markdown table, otherwise CSV.
    #[default]
    Auto,
    /// Comma-separated values (quoted fields allowed).
    Csv,
    /// Tab-separated values (quotes are kept as text).
    Tsv,
    /// A markdown table (`| a | b |`).
    Markdown,
    /// A workbook: xlsx, xlsm, xlsb, xls or ods.
    Xlsx,
    /// A Word document (.docx), read as one table named `document` (needs
    /// the default `docx` feature).
    ///
    /// Its rows, in document order, are: the document's title (the Title
    /// style, or else the first heading before any table) as a one-cell
    /// row; then for each table the headings above it that no earlier table
    /// was under (Heading styles or outline levels, or a short paragraph all
    /// in bold, which counts as the deepest level), each a one-cell row, and
    /// the table's rows. When the headings above tables are of more than one
    /// level, the top level's are written `# Heading` so the importer makes
    /// them groups, and the nearest heading is the objective. Other
    /// paragraphs outside tables are not read. **Rows are numbered 1, 2, 3…
    /// in that order**, counting only the rows given (title, headings, table
    /// rows), since a Word document has no row numbers of its own.
    ///
    /// In a cell, paragraphs and line breaks are separated by `\n`, list
    /// paragraphs (numbered, or List Bullet/List Number styles) start with
    /// `• `, tabs are spaces, deleted text is left out and inserted text
    /// kept, and a table nested in a cell gives its text to the cell. A cell
    /// spanning *n* columns (`w:gridSpan`) is its text then *n*−1 empty
    /// cells, so columns line up with the header; a cell continuing a
    /// vertical merge is empty (so the row continues the action above). A
    /// cell's shading (`w:shd`, or its paragraph's) is its [`Row::fills`]
    /// entry.
    #[cfg_attr(
        feature = "docx",
        doc = r#"
# Example

```
use lineofsight::import::{import_plan, read_table, ImportOptions, TableFormat};
use lineofsight::Rating;

let bytes = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/two_tables.docx"));
let table = read_table(bytes, TableFormat::Auto)?;
assert_eq!(table.name, "document");
let text: Vec<String> = table.rows.iter().map(|r| r.cells.join(" | ")).collect();
assert_eq!(text[..4], [
    "Corporate Parenting Action Plan",
    "Objective 1 - Stable homes",
    "Ref | Action | Lead | By when? | RAG",
    "1.1 | Review placements | Head of Service | Dec-19 | Green",
]);
// Action 1.2's RAG cell has no text, only a red fill.
let row = &table.rows[4];
assert_eq!((row.number, row.cells[4].as_str()), (5, ""));
assert_eq!(row.fills.get(4).copied().flatten().and_then(Rating::from_fill), Some(Rating::Red));

let (plan, _) = import_plan(bytes, &ImportOptions::default())?;
assert_eq!(plan.objectives.len(), 2);
assert_eq!(plan.objectives[1].title, "Care leavers are housed");
# Ok::<(), lineofsight::import::ImportError>(())
```
"#
    )]
    Docx,
}

/// One row of a table: its number in the input (line or sheet row, from 1),
/// its cells as text, and their fill colours where the format has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row's number in the input, from 1.
    pub number: usize,
    /// The cells, as written.
    pub cells: Vec<String>,
    /// Each cell's fill colour, parallel to `cells`: either empty (the
    /// format has no fills, as for CSV, TSV and markdown, or no cell of the
    /// row is filled) or one entry per cell. Read from a Word cell's shading
    /// and an xlsx cell's solid fill; [`Rating::from_fill`](crate::Rating::from_fill)
    /// says which rating a colour stands for. Look cells up with
    /// `row.fills.get(i).copied().flatten()`.
    pub fills: Vec<Option<Fill>>,
}

/// A table read from text or one sheet of a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The sheet's name (`table` for text).
    pub name: String,
    /// Every row, including title rows above the header.
    pub rows: Vec<Row>,
    /// The index in `rows` of the header row, when one was found.
    pub header: Option<usize>,
}

impl Table {
    /// The header row's cells, if a header was found.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::import::{read_table, TableFormat};
    ///
    /// let t = read_table(b"My plan\nRef,Action\n1,Do it\n", TableFormat::Csv)?;
    /// assert_eq!(t.headers(), Some(&["Ref".to_string(), "Action".to_string()][..]));
    /// # Ok::<(), lineofsight::import::ImportError>(())
    /// ```
    pub fn headers(&self) -> Option<&[String]> {
        self.header
            .and_then(|i| self.rows.get(i))
            .map(|r| r.cells.as_slice())
    }

    /// The rows below the header (all rows when there is no header).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::import::{read_table, TableFormat};
    ///
    /// let t = read_table(b"Ref\tAction\n1\tDo it\n2\tDo more\n", TableFormat::Auto)?;
    /// assert_eq!(t.data_rows().len(), 2);
    /// assert_eq!(t.data_rows()[1].number, 3);
    /// # Ok::<(), lineofsight::import::ImportError>(())
    /// ```
    pub fn data_rows(&self) -> &[Row] {
        match self.header {
            Some(i) => self.rows.get(i + 1..).unwrap_or(&[]),
            None => &self.rows,
        }
    }
}

/// Reads every table in the bytes: each sheet of a workbook, the one table
/// of a text file, or a Word document's tables as one table (see
/// [`TableFormat::Docx`]), each with its header row found.
///
/// # Errors
///
/// Returns [`ImportError::Unreadable`] when a workbook or document cannot be
/// opened (not a zip, encrypted, no `word/document.xml`, malformed XML, no
/// tables in a document) or a CSV is malformed, and when there are no rows
/// at all; [`ImportError::TooLarge`] past the default [`Limits`] (use
/// [`import_plan`] with [`ImportOptions::limits`] to raise them).
///
/// # Example
///
/// ```
/// use lineofsight::import::{read_workbook, TableFormat};
///
/// let sheets = read_workbook("Title\n\nArea,Code,Count\nLancashire,888,2042\n".as_bytes(), TableFormat::Auto)?;
/// assert_eq!(sheets.len(), 1);
/// assert_eq!(sheets[0].headers().unwrap()[1], "Code");
/// assert!(read_workbook(b"PK\x03\x04garbage", TableFormat::Auto).is_err());
/// # Ok::<(), lineofsight::import::ImportError>(())
/// ```
pub fn read_workbook(bytes: &[u8], format: TableFormat) -> Result<Vec<Table>, ImportError> {
    read_named("input", bytes, format, &Limits::default())
}

pub(crate) fn read_named(
    input: &str,
    bytes: &[u8],
    format: TableFormat,
    limits: &Limits,
) -> Result<Vec<Table>, ImportError> {
    limits.check_input(input, bytes.len())?;
    let container = sniff::container(input, bytes, format)?;
    #[cfg(any(feature = "xlsx", feature = "docx"))]
    if container != Container::Text {
        unpacked::check(input, bytes, limits)?;
    }
    let tables: Vec<Table> = match container {
        Container::Workbook => xlsx::read(input, bytes, limits)?
            .into_iter()
            .map(|(name, rows)| {
                let header = layout::find_header(&rows);
                Table { name, rows, header }
            })
            .collect(),
        Container::Document => {
            let rows = docx::read(input, bytes)?.rows;
            let header = layout::find_header(&rows);
            vec![Table {
                name: "document".to_string(),
                rows,
                header,
            }]
        }
        Container::Text => {
            let text = delimited::decode(bytes);
            vec![text_table(input, &text, format, limits)?]
        }
    };
    if tables.iter().all(|t| {
        t.rows
            .iter()
            .all(|r| r.cells.iter().all(|c| c.trim().is_empty()))
    }) {
        return Err(ImportError::Unreadable {
            input: input.to_string(),
            reason: "there are no rows with any text".to_string(),
        });
    }
    Ok(tables)
}

fn text_table(
    input: &str,
    text: &str,
    format: TableFormat,
    limits: &Limits,
) -> Result<Table, ImportError> {
    if text.contains('\0') {
        return Err(ImportError::Unreadable {
            input: input.to_string(),
            reason: "the text contains NUL bytes: it is binary, not a table".to_string(),
        });
    }
    let format = match format {
        TableFormat::Auto | TableFormat::Xlsx | TableFormat::Docx => delimited::sniff(text),
        other => other,
    };
    let rows = delimited::read(input, text, format, limits)?;
    let header = layout::find_header(&rows);
    Ok(Table {
        name: "table".to_string(),
        rows,
        header,
    })
}

/// Reads one table: the text's table, or the first sheet of a workbook that
/// has a header row (the first sheet when none has).
///
/// # Errors
///
/// As [`read_workbook`].
///
/// # Example
///
/// ```
/// use lineofsight::import::{read_table, TableFormat};
///
/// let t = read_table("\u{feff}Ref;x\tAction\n1\tDo it\n".as_bytes(), TableFormat::Tsv)?;
/// assert_eq!(t.header, Some(0));
/// # Ok::<(), lineofsight::import::ImportError>(())
/// ```
pub fn read_table(bytes: &[u8], format: TableFormat) -> Result<Table, ImportError> {
    let mut tables = read_workbook(bytes, format)?;
    let pick = tables.iter().position(|t| t.header.is_some()).unwrap_or(0);
    Ok(tables.swap_remove(pick))
}

/// Whether a plan file is lineofsight's native plan JSON rather than a
/// table to import with [`import_plan`], decided by its name alone: a
/// `.json` extension, in any case. The one rule the command line and the
/// Python package's `Plan.load` share; a table's own format is then worked
/// out from its content, so a workbook saved as `.csv` still reads.
///
/// # Example
///
/// ```
/// use lineofsight::import::is_plan_json;
///
/// assert!(is_plan_json("plans/lancashire.JSON"));
/// assert!(!is_plan_json("tracker.xlsx"));
/// assert!(!is_plan_json("json")); // no extension
/// ```
pub fn is_plan_json(file_name: &str) -> bool {
    std::path::Path::new(file_name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// What the importer did: the header it used, how each column was read,
/// and every warning.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ImportReport {
    /// The sheet read (`table` for text).
    pub sheet: String,
    /// The header row's number in the input, from 1.
    pub header_row: usize,
    /// Each column's header and the field it was read as (`None`: kept in
    /// the action's `extra`, or, in lineofsight's own table, one of its
    /// columns with no field of its own: objective id, groups, start,
    /// sub-activities).
    pub columns: Vec<(String, Option<Field>)>,
    /// How many rows became actions.
    pub actions: usize,
    /// Everything worth a reader's check, each naming its row and column.
    pub warnings: Vec<ImportWarning>,
}

impl ImportReport {
    /// Adds a warning naming the row (from 1) and column it is about.
    pub(crate) fn warn(&mut self, row: usize, column: &str, message: String) {
        self.warnings.push(ImportWarning {
            row,
            column: column.to_string(),
            message,
        });
    }
}

/// Imports a plan from a table.
///
/// Columns are recognised by header synonyms or the options' explicit
/// mapping; see the [module documentation](self) for the layouts handled.
///
/// # Errors
///
/// [`ImportError::TooLarge`] for input past [`ImportOptions::limits`],
/// [`ImportError::Unreadable`] for bytes that are not a table (saying
/// when they are an encrypted file, or a workbook read as CSV),
/// [`ImportError::NoHeader`] when no row names at least two known columns
/// (or a mapped one), [`ImportError::Mapping`] when the mapping names a
/// column the header lacks (or an index past the table), [`ImportError::NoActions`] when nothing under the
/// header is an action, and [`ImportError::Invalid`] if the result breaks a
/// plan invariant. A file that cannot be made sense of is an error, never an
/// empty plan.
///
/// # Example
///
/// ```
/// use lineofsight::import::{import_plan, ImportError, ImportOptions, ListCells};
///
/// let tsv = "Key Outcome\tAction\tLead\tBy when?\n\
///            Care leavers are housed\t• Review tenancy options • Pilot supported lodgings\tHousing; Leaving Care\tJuly 2019 December 2019\n";
/// // A cell that is only a list gives an action per item.
/// let (plan, report) = import_plan(tsv.as_bytes(), &ImportOptions::default())?;
/// let a: Vec<_> = plan.actions().collect();
/// assert_eq!(a[1].text, "Pilot supported lodgings");
/// assert_eq!(a[1].timescale.raw(), "December 2019");
/// assert_eq!(plan.lead_names(a[1]), ["Housing", "Leaving Care"]);
/// assert!(report.warnings[0].message.contains("list of 2 items"));
///
/// // Or the items are sub-activities of one action, as a mapping may say.
/// let mut options = ImportOptions::default();
/// options.list_cells = ListCells::SubActivities;
/// let (plan, _) = import_plan(tsv.as_bytes(), &options)?;
/// let a = plan.actions().next().unwrap();
/// assert_eq!(a.sub_activities.len(), 2);
/// assert_eq!(a.sub_activities[1].timescale.raw(), "December 2019");
///
/// let err = import_plan(b"just some words\nand more", &ImportOptions::default()).unwrap_err();
/// assert!(matches!(err, ImportError::NoHeader { .. }));
/// # Ok::<(), ImportError>(())
/// ```
pub fn import_plan(
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<(Plan, ImportReport), ImportError> {
    let input = options.input_name.as_str();
    options.limits.check_input(input, bytes.len())?;
    let container = sniff::container(input, bytes, options.format)?;
    let table = if container == Container::Document {
        document_table(input, bytes, options)?
    } else if container == Container::Workbook {
        let tables = read_named(input, bytes, TableFormat::Xlsx, &options.limits)?;
        let pick = if let Some(name) = &options.sheet {
            tables
                .iter()
                .position(|t| &t.name == name)
                .ok_or_else(|| ImportError::Mapping {
                    input: input.to_string(),
                    column: "-".to_string(),
                    reason: format!("the workbook has no sheet called {name:?}"),
                })?
        } else {
            tables
                .iter()
                .position(|t| layout::plan_header(&t.rows, options).is_some())
                .unwrap_or(0)
        };
        return match tables.get(pick) {
            Some(table) => build::build_in(table, options, &tables),
            None => build::build(
                &Table {
                    name: String::new(),
                    rows: Vec::new(),
                    header: None,
                },
                options,
            ),
        };
    } else {
        let text = delimited::decode(bytes);
        let text = layout::slice(input, &text, options)?;
        let csv = match options.format {
            TableFormat::Csv => true,
            TableFormat::Auto | TableFormat::Xlsx | TableFormat::Docx => {
                delimited::sniff(&text) == TableFormat::Csv
            }
            _ => false,
        };
        let table = text_table(input, &text, options.format, &options.limits)?;
        let (plan, mut report) = build::build(&table, options)?;
        if let Some((line, field)) = csv.then(|| delimited::unclosed_quote(&text)).flatten() {
            let column = report
                .columns
                .get(field)
                .map_or_else(|| format!("column {}", field + 1), |(name, _)| name.clone());
            report.warnings.push(ImportWarning {
                row: line,
                column,
                message: "a quote opens this cell and never closes, so every line after it, \
                          to the end of the input, was read into this one cell"
                    .to_string(),
            });
        }
        return Ok((plan, report));
    };
    build::build(&table, options)
}

/// Imports a plan from a table already split into cells: `header`, then
/// `rows`, every cell as text, read as [`import_plan`] reads a CSV of those
/// rows (the header is row 1, the rows 2 onwards). The entry point for
/// tables that are not files, such as a data frame's columns written out
/// as text. lineofsight's own CSV columns
/// ([`CSV_COLUMNS`](crate::export::CSV_COLUMNS), as
/// [`actions_csv`](crate::export::actions_csv) writes them) are read back
/// as the plan they were exported from; any other table by its header and
/// the options' mapping. Cells are read as a CSV's are: dates as text
/// (ISO 8601 `2019-12-31` in the own export's `start`), an empty cell as
/// no value. `options.format` and `options.sheet` play no part.
///
/// # Errors
///
/// [`ImportError::TooLarge`] for a table past [`ImportOptions::limits`]
/// (its rows, columns, cells in all, or the characters of one cell), then
/// the errors of [`import_plan`].
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::actions_csv;
/// use lineofsight::import::{import_cells, read_table, ImportError, ImportOptions, TableFormat};
/// use lineofsight::report::{BoardReport, ReportOptions};
///
/// // A plan's own CSV as cells, as a data frame of it would hold them.
/// let plan = lineofsight::builtin("lancashire")?;
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let rules = plan.rules_or_default();
/// let csv = actions_csv(&BoardReport::build(&plan, as_of, &rules, &ReportOptions::default()))?;
/// let table = read_table(csv.as_bytes(), TableFormat::Csv)?;
/// let header = table.rows[0].cells.clone();
/// let rows: Vec<Vec<String>> = table.rows[1..].iter().map(|r| r.cells.clone()).collect();
/// let (back, _) = import_cells(header, rows, &ImportOptions::default())?;
/// let again = actions_csv(&BoardReport::build(&back, as_of, &rules, &ReportOptions::default()))?;
/// assert_eq!(again, csv);
///
/// // Any other table is read by its header, as import_plan reads one.
/// let header = vec!["Ref".to_string(), "Action".to_string(), "By when?".to_string()];
/// let rows = vec![vec!["1".to_string(), "Refresh the pledge".to_string(), "Mar-20".to_string()]];
/// let (plan, _) = import_cells(header, rows, &ImportOptions::default())?;
/// assert_eq!(plan.actions().next().unwrap().timescale.raw(), "Mar-20");
///
/// // Past a limit, the error names the setting to raise.
/// let mut options = ImportOptions::default();
/// options.limits.max_rows = 1;
/// let rows = vec![vec!["1".to_string(), "Refresh the pledge".to_string()]];
/// let err = import_cells(vec!["Ref".into(), "Action".into()], rows, &options).unwrap_err();
/// assert!(matches!(err, ImportError::TooLarge { .. }));
/// assert!(err.to_string().contains("max_rows"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn import_cells(
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    options: &ImportOptions,
) -> Result<(Plan, ImportReport), ImportError> {
    let input = options.input_name.as_str();
    let limits = &options.limits;
    let mut cells = 0usize;
    let table_rows = std::iter::once(header)
        .chain(rows)
        .enumerate()
        .map(|(i, cells_of_row)| {
            let at = |col: usize| move || format!("row {}, column {}", i + 1, col + 1);
            if let Some(last) = cells_of_row.len().checked_sub(1) {
                limits.check_position(input, at(last), i, last)?;
            } else {
                limits.check_position(input, at(0), i, 0)?;
            }
            cells = cells.saturating_add(cells_of_row.len());
            limits.check_cells(input, at(cells_of_row.len().saturating_sub(1)), cells)?;
            for (c, text) in cells_of_row.iter().enumerate() {
                limits.check_cell(input, at(c), text)?;
            }
            Ok(Row {
                number: i + 1,
                cells: cells_of_row,
                fills: Vec::new(),
            })
        })
        .collect::<Result<Vec<Row>, ImportError>>()?;
    let table = Table {
        name: "table".to_string(),
        rows: table_rows,
        header: Some(0),
    };
    build::build(&table, options)
}

/// A Word document's table for [`import_plan`], with the first table's
/// header row moved up above the headings and one-cell rows over it (after
/// the title), so the builder reads those headings as it reads the headings of
/// later tables (an objective, or `# ` a group) rather than as notes above
/// the header. Row numbers are kept.
fn document_table(
    input: &str,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<Table, ImportError> {
    if let Some(name) = options.sheet.as_ref().filter(|n| *n != "document") {
        return Err(ImportError::Mapping {
            input: input.to_string(),
            column: "-".to_string(),
            reason: format!(
                "a Word document is read as one table called \"document\", not {name:?}"
            ),
        });
    }
    let doc = docx::read(input, bytes)?;
    let mut rows = doc.rows;
    if let Some(h) = layout::plan_header(&rows, options) {
        let top = usize::from(doc.titled);
        let mut to = h;
        // Over one-cell rows: headings, and rows spanning the table's width.
        let single = |r: &Row| r.cells.iter().skip(1).all(|c| c.trim().is_empty());
        while to > top && rows.get(to - 1).is_some_and(single) {
            to -= 1;
        }
        if to < h {
            let header = rows.remove(h);
            rows.insert(to, header);
        }
    }
    let header = layout::find_header(&rows);
    Ok(Table {
        name: "document".to_string(),
        rows,
        header,
    })
}
