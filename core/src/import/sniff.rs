//! What kind of file the bytes are: a workbook, a Word document or text;
//! and the Office files no reader here opens (encrypted, Word 97–2003).

use super::{ImportError, TableFormat};

/// The reader bytes go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    /// xlsx, xlsm, xlsb, xls or ods, through calamine.
    Workbook,
    /// A Word document (.docx).
    Document,
    /// CSV, TSV or markdown.
    Text,
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Which reader the bytes go to, given the format asked for.
///
/// A zip is a Word document when an entry is named `word/document.xml` and
/// none `xl/workbook.xml` (entry names are stored uncompressed in a zip, so
/// this needs no unpacking). An OLE file holding an `EncryptedPackage` is a
/// password-protected Office file, and one holding a `WordDocument` stream
/// a Word 97–2003 document: both are errors saying so.
pub(crate) fn container(
    input: &str,
    bytes: &[u8],
    format: TableFormat,
) -> Result<Container, ImportError> {
    let unreadable = |reason: &str| ImportError::Unreadable {
        input: input.to_string(),
        reason: reason.to_string(),
    };
    // Whatever the format asked for: an encrypted file or an old Word
    // document is said to be one, never called binary text.
    if bytes.starts_with(OLE) {
        if contains(bytes, &utf16("EncryptedPackage")) {
            return Err(unreadable(
                "the file is encrypted (password protected): open it in Office, \
                 remove the password (File > Info > Protect) and save it again",
            ));
        }
        if contains(bytes, &utf16("WordDocument")) {
            return Err(unreadable(
                "a Word 97–2003 document (.doc) is not read: save it as a Word document (.docx)",
            ));
        }
    }
    let zip = bytes.starts_with(ZIP);
    let ole = bytes.starts_with(&OLE[..4]);
    Ok(match format {
        TableFormat::Csv | TableFormat::Tsv | TableFormat::Markdown if zip || ole => {
            let (kind, ext) = match (zip, contains(bytes, b"word/document.xml")) {
                (true, true) => ("a Word document", "docx"),
                (true, false) => ("a workbook (xlsx or ods)", "xlsx"),
                _ => ("a workbook (xls)", "xls"),
            };
            return Err(unreadable(&format!(
                "the file is {kind}, not {} text (is it named .{ext} under another name?): \
                 read it with format \"auto\"",
                format_name(format)
            )));
        }
        // A workbook or document asked for, but the bytes are text (a CSV
        // saved with a .xlsx name): read the text.
        TableFormat::Xlsx | TableFormat::Docx if !zip && !ole && !bytes.is_empty() => {
            Container::Text
        }
        TableFormat::Docx => Container::Document,
        TableFormat::Xlsx => Container::Workbook,
        TableFormat::Auto if zip => {
            if contains(bytes, b"word/document.xml") && !contains(bytes, b"xl/workbook.xml") {
                Container::Document
            } else {
                Container::Workbook
            }
        }
        TableFormat::Auto if ole => Container::Workbook,
        _ => Container::Text,
    })
}

fn format_name(format: TableFormat) -> &'static str {
    match format {
        TableFormat::Tsv => "TSV",
        TableFormat::Markdown => "markdown",
        _ => "CSV",
    }
}

fn utf16(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// Whether `needle` occurs in `hay`: linear in `hay` for the short needles
/// used here.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    match needle.first() {
        Some(&first) => hay
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == first)
            .any(|(i, _)| hay.get(i..).is_some_and(|rest| rest.starts_with(needle))),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ole(stream: &str) -> Vec<u8> {
        let mut b = OLE.to_vec();
        b.extend(vec![0; 100]);
        b.extend(utf16(stream));
        b
    }

    #[test]
    fn containers() {
        let kind = |b: &[u8], f| container("in", b, f);
        let docx = b"PK\x03\x04....word/document.xml....".to_vec();
        let xlsx = b"PK\x03\x04....xl/workbook.xml....".to_vec();
        assert_eq!(kind(&docx, TableFormat::Auto), Ok(Container::Document));
        assert_eq!(kind(&xlsx, TableFormat::Auto), Ok(Container::Workbook));
        assert_eq!(kind(&xlsx, TableFormat::Docx), Ok(Container::Document));
        assert_eq!(kind(b"a,b\n", TableFormat::Auto), Ok(Container::Text));
        assert!(kind(&docx, TableFormat::Csv)
            .unwrap_err()
            .to_string()
            .contains("the file is a Word document, not CSV text"));
        assert_eq!(kind(b"a,b\n", TableFormat::Xlsx), Ok(Container::Text));
    }

    #[test]
    fn encrypted_and_legacy_word() {
        let err = container("plan.csv", &ole("EncryptedPackage"), TableFormat::Csv).unwrap_err();
        assert!(err.to_string().contains("password protected"), "{err}");
        let err = container("plan.docx", &ole("EncryptedPackage"), TableFormat::Auto).unwrap_err();
        assert!(err.to_string().starts_with("plan.docx: "), "{err}");
        assert!(err.to_string().contains("encrypted"), "{err}");
        let err = container("plan.doc", &ole("WordDocument"), TableFormat::Docx).unwrap_err();
        assert!(err.to_string().contains(".docx"), "{err}");
        assert_eq!(
            container("x.xls", &ole("Workbook"), TableFormat::Auto),
            Ok(Container::Workbook)
        );
    }
}
