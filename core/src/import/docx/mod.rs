//! Word documents (.docx): every table of the document, in order, as the
//! rows of one table, with the document's title and the headings above
//! each table as one-cell rows.
//!
//! See [`TableFormat::Docx`](super::TableFormat::Docx) for what is read.

#[cfg(feature = "docx")]
mod body;
#[cfg(feature = "docx")]
mod styles;
#[cfg(test)]
#[cfg(feature = "docx")]
mod tests;
#[cfg(feature = "docx")]
mod xml;

use super::{ImportError, Row};

/// A document's rows, and whether the first is its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Document {
    pub rows: Vec<Row>,
    pub titled: bool,
}

/// The most of `word/document.xml` (or `word/styles.xml`) read, unpacked:
/// a council's longest plan is a few megabytes.
#[cfg(feature = "docx")]
const MAX_XML: u64 = 32 << 20;

/// Without the `docx` feature a Word document is unreadable, saying why.
#[cfg(not(feature = "docx"))]
pub(crate) fn read(input: &str, _bytes: &[u8]) -> Result<Document, ImportError> {
    Err(ImportError::Unreadable {
        input: input.to_string(),
        reason: "this build of lineofsight reads no Word documents (the `docx` feature is off); \
                 copy the table into a spreadsheet and save it as CSV"
            .to_string(),
    })
}

/// Reads a .docx.
#[cfg(feature = "docx")]
pub(crate) fn read(input: &str, bytes: &[u8]) -> Result<Document, ImportError> {
    use std::io::{BufReader, Cursor, Read};

    let unreadable = |reason: String| ImportError::Unreadable {
        input: input.to_string(),
        reason,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("not a Word document (.docx): {e}")))?;
    let styles = match zip.by_name("word/styles.xml") {
        Ok(file) => styles::Styles::read(BufReader::new(file.take(MAX_XML)), MAX_XML),
        Err(_) => styles::Styles::default(),
    };
    let file = zip.by_name("word/document.xml").map_err(|e| {
        unreadable(format!(
            "not a Word document (.docx): no word/document.xml ({e})"
        ))
    })?;
    let blocks =
        body::read(BufReader::new(file.take(MAX_XML + 1)), &styles, MAX_XML).map_err(unreadable)?;
    let (rows, titled) = rows(blocks).map_err(|r| unreadable(r.to_string()))?;
    Ok(Document { rows, titled })
}

/// The rows: the title, then for each table the headings above it not yet
/// given and the table's rows, numbered from 1.
#[cfg(feature = "docx")]
fn rows(blocks: Vec<body::Block>) -> Result<(Vec<Row>, bool), &'static str> {
    use body::{Block, ParaKind};

    let first_table = blocks
        .iter()
        .position(|b| matches!(b, Block::Table(_)))
        .ok_or("the document has no tables")?;
    let before = blocks.get(..first_table).unwrap_or(&[]);
    let title = before
        .iter()
        .position(|b| matches!(b, Block::Para(_, ParaKind::Title)))
        .or_else(|| {
            before
                .iter()
                .position(|b| matches!(b, Block::Para(_, ParaKind::Heading(_))))
        });
    // The headings each table is under that no earlier table was.
    let mut open: Vec<(u8, String, bool)> = Vec::new();
    let mut paths: Vec<Vec<(u8, String)>> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::Para(text, ParaKind::Heading(level)) if Some(i) != title => {
                while open.last().is_some_and(|(l, _, _)| l >= level) {
                    open.pop();
                }
                open.push((*level, text.clone(), false));
            }
            Block::Table(_) => {
                let path = open
                    .iter_mut()
                    .filter(|(_, _, given)| !given)
                    .map(|(l, t, given)| {
                        *given = true;
                        (*l, t.clone())
                    })
                    .collect();
                paths.push(path);
            }
            Block::Para(..) => {}
        }
    }
    let mut levels: Vec<u8> = paths.iter().flatten().map(|(l, _)| *l).collect();
    levels.sort_unstable();
    levels.dedup();
    let group_level = (levels.len() >= 2)
        .then(|| levels.first().copied())
        .flatten();

    let mut out: Vec<Row> = Vec::new();
    let mut push = |cells: Vec<String>, fills: Vec<Option<crate::rating::Fill>>| {
        let number = out.len() + 1;
        out.push(Row {
            number,
            cells,
            fills,
        });
    };
    if let Some(Block::Para(text, _)) = title.and_then(|i| blocks.get(i)) {
        push(vec![text.clone()], Vec::new());
    }
    let mut paths = paths.into_iter();
    for block in blocks {
        let Block::Table(table) = block else { continue };
        let path = paths.next().unwrap_or_default();
        let last = path.len().saturating_sub(1);
        for (k, (level, text)) in path.into_iter().enumerate() {
            if Some(level) == group_level {
                push(vec![format!("# {text}")], Vec::new());
                if k < last {
                    continue;
                }
            }
            push(vec![text], Vec::new());
        }
        for row in table {
            push(row.cells, row.fills);
        }
    }
    Ok((out, title.is_some()))
}
