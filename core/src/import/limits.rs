//! The sizes the importer reads before it refuses: one place, documented,
//! and raisable by the caller through [`ImportOptions::limits`](super::ImportOptions::limits).

use serde::Deserialize;

use super::ImportError;

/// How large an input the importer reads. Past any of these the import
/// stops with [`ImportError::TooLarge`], naming the sheet and cell (or row
/// and column) and the setting to raise, **before** memory for the oversized
/// part is allocated: workbooks are read cell by cell (xlsx, xlsb), or
/// walked record by record before calamine reads them whole (xls, ods), and
/// the used range is checked as it grows, so a 2 KB workbook with one cell
/// at `XFD1048576` (or `IV65536` in an xls) is refused at once instead of
/// allocating the whole grid.
///
/// The defaults are far above any real action plan or tracker (the largest
/// seen have a few thousand rows and under 60 columns) and keep the worst
/// case to a few hundred MB of memory and seconds of work:
///
/// | Field | Default | Why |
/// |---|---|---|
/// | `max_rows` | 100,000 | 20× the largest tracker seen; a sheet row number past it is refused |
/// | `max_columns` | 1,000 (`ALL`) | plans have tens of columns; a cell right of column 1,000 is refused |
/// | `max_cells` | 5,000,000 | the rows × columns of a sheet's used range (rows are read as a grid), or all the cells of a CSV, TSV or markdown table; 5 M empty cells cost about 120 MB. An xls or ods is read whole, every sheet at once, so there it bounds the used ranges of all its sheets together (and, in an xls, each sheet's DIMENSIONS record (the range it declares, which calamine reserves room for)) |
/// | `max_cell_chars` | 1,000,000 | 1 M characters is hundreds of pages of text in one cell |
/// | `max_input_bytes` | 200,000,000 | 200 MB of file, checked before anything is read |
/// | `max_unpacked_bytes` | 500,000,000 | what a zip (xlsx, ods, docx) unpacks to, all entries together: the sizes its directory declares, then the bytes really unpacked, before any reader sees it |
///
/// In a mapping file: `{"limits": {"max_rows": 500000}}`; fields not given
/// keep their defaults.
///
/// # Example
///
/// ```
/// use lineofsight::import::{import_plan, ImportError, ImportOptions, Limits};
///
/// let csv = "Ref,Action,Lead\n1,Do it,Alice\n2,Do more,Bob\n";
/// let mut limits = Limits::default();
/// limits.max_input_bytes = 10;
/// let tight = ImportOptions::default().with_limits(limits);
/// let err = import_plan(csv.as_bytes(), &tight).unwrap_err();
/// assert!(matches!(err, ImportError::TooLarge { .. }));
/// assert!(err.to_string().contains("raise ImportOptions.limits.max_input_bytes"));
///
/// let o = ImportOptions::from_json(r#"{"limits": {"max_rows": 500000}}"#)?;
/// assert_eq!(o.limits.max_rows, 500_000);
/// assert_eq!(o.limits.max_columns, Limits::default().max_columns);
/// # Ok::<(), ImportError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Limits {
    /// The last sheet row (from 1) or text row read.
    pub max_rows: usize,
    /// The last sheet column (from 1) or text column read.
    pub max_columns: usize,
    /// The most cells in a sheet's used range (rows × columns); in an xls
    /// or ods, in all its sheets' used ranges together.
    pub max_cells: usize,
    /// The longest cell, in characters.
    pub max_cell_chars: usize,
    /// The largest input, in bytes.
    pub max_input_bytes: usize,
    /// The most bytes a zip-based input (xlsx, ods, docx) unpacks to, all
    /// its entries together.
    pub max_unpacked_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_rows: 100_000,
            max_columns: 1_000,
            max_cells: 5_000_000,
            max_cell_chars: 1_000_000,
            max_input_bytes: 200_000_000,
            max_unpacked_bytes: 500_000_000,
        }
    }
}

impl Limits {
    /// Refuses an input of `bytes` bytes, named `input` in the error, when it
    /// is longer than `max_input_bytes`. The importer checks this first;
    /// a caller that must copy the bytes before importing them (the
    /// WebAssembly package copies them into its memory) checks it before
    /// the copy, so an oversized input costs nothing.
    ///
    /// # Errors
    ///
    /// [`ImportError::TooLarge`] naming the input, its size and the setting
    /// to raise.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::import::Limits;
    ///
    /// let limits = Limits::default();
    /// assert!(limits.check_input("plan.csv", 1_000).is_ok());
    /// let err = limits.check_input("plan.csv", 300_000_000).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "plan.csv: the input (300,000,000 bytes) is past the limit of 200,000,000 bytes \
    ///      (raise ImportOptions.limits.max_input_bytes to read it)"
    /// );
    /// ```
    pub fn check_input(&self, input: &str, bytes: usize) -> Result<(), ImportError> {
        if bytes > self.max_input_bytes {
            return Err(too_large(
                input,
                format!("the input ({} bytes)", thousands(bytes)),
                format!("{} bytes", thousands(self.max_input_bytes)),
                "max_input_bytes",
            ));
        }
        Ok(())
    }

    /// Refuses a cell at a row or column (both from 0) past the limits; `at`
    /// names it (`sheet Actions: cell B2`, `row 2, column 2`).
    pub(crate) fn check_position(
        &self,
        input: &str,
        at: impl Fn() -> String,
        row: usize,
        col: usize,
    ) -> Result<(), ImportError> {
        if col >= self.max_columns {
            return Err(too_large(
                input,
                at(),
                format!("{} columns", thousands(self.max_columns)),
                "max_columns",
            ));
        }
        if row >= self.max_rows {
            return Err(too_large(
                input,
                at(),
                format!("{} rows", thousands(self.max_rows)),
                "max_rows",
            ));
        }
        Ok(())
    }

    /// Refuses a text table once its cells so far, `cells`, number more than
    /// `max_cells`; `at` names the cell that went past.
    pub(crate) fn check_cells(
        &self,
        input: &str,
        at: impl Fn() -> String,
        cells: usize,
    ) -> Result<(), ImportError> {
        if cells > self.max_cells {
            return Err(too_large(
                input,
                format!("{}, making {} cells in all,", at(), thousands(cells)),
                format!("{} cells", thousands(self.max_cells)),
                "max_cells",
            ));
        }
        Ok(())
    }

    /// Refuses a cell longer than `max_cell_chars`.
    pub(crate) fn check_cell(
        &self,
        input: &str,
        at: impl Fn() -> String,
        text: &str,
    ) -> Result<(), ImportError> {
        // Bytes bound characters from above: count only when it matters.
        if text.len() > self.max_cell_chars {
            let chars = text.chars().count();
            if chars > self.max_cell_chars {
                return Err(too_large(
                    input,
                    format!("{} ({} characters)", at(), thousands(chars)),
                    format!("{} characters per cell", thousands(self.max_cell_chars)),
                    "max_cell_chars",
                ));
            }
        }
        Ok(())
    }
}

pub(crate) fn too_large(input: &str, at: String, limit: String, setting: &str) -> ImportError {
    ImportError::TooLarge {
        input: input.to_string(),
        at,
        limit,
        setting: setting.to_string(),
    }
}

/// `1234567` as `1,234,567`.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A cell's A1 name from its row and column, both from 0 (`XFD1048576`).
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
pub(crate) fn cell_name(row: u64, col: u64) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = u8::try_from((c - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + rem));
        c = (c - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
        assert_eq!(cell_name(4, 26), "AA5");
        assert_eq!(cell_name(0, 999), "ALL1");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(200_000_000), "200,000,000");
    }

    #[test]
    fn cell_length_counts_characters() {
        let l = Limits {
            max_cell_chars: 3,
            ..Limits::default()
        };
        assert!(l.check_cell("t", || "x".into(), "ééé").is_ok());
        let e = l.check_cell("t", || "row 2, column 1".into(), "abcd");
        assert_eq!(
            e.unwrap_err().to_string(),
            "t: row 2, column 1 (4 characters) is past the limit of 3 characters per cell \
             (raise ImportOptions.limits.max_cell_chars to read it)"
        );
    }
}
