//! Zip-based inputs (xlsx, ods, docx) unpacked within
//! [`Limits::max_unpacked_bytes`]: a few KB of zip can unpack to gigabytes.
//!
//! Two checks, before any reader sees the bytes: the sizes the zip's central
//! directory declares, summed (nothing is decompressed for that); then each
//! entry is unpacked into nothing, and one holding more than it declares is
//! refused (the workbook reader's zip would unpack it all). Both cost time
//! linear in the input and the limit, and no memory beyond the
//! decompressor's.

use std::io::Cursor;

use super::limits::{thousands, too_large};
use super::{ImportError, Limits};

/// Refuses a zip whose entries unpack past `max_unpacked_bytes`, naming
/// the entry that went past. Bytes that are not a zip, or a zip the zip
/// reader cannot open, pass: the workbook or document reader says what is
/// wrong with them in its own words.
pub(crate) fn check(input: &str, bytes: &[u8], limits: &Limits) -> Result<(), ImportError> {
    if !bytes.starts_with(b"PK") {
        return Ok(());
    }
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let limit = limits.max_unpacked_bytes;
    // What the central directory declares.
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else {
            continue;
        };
        declared = declared.saturating_add(entry.size());
        if declared > limit as u64 {
            let name = entry
                .name()
                .map_or_else(|_| format!("#{i}"), |n| n.to_string());
            let size = usize::try_from(entry.size()).unwrap_or(usize::MAX);
            return Err(too_large(
                input,
                format!(
                    "entry {name} (unpacks to {} bytes, making {} in all),",
                    thousands(size),
                    thousands(usize::try_from(declared).unwrap_or(usize::MAX))
                ),
                format!("{} bytes unpacked", thousands(limit)),
                "max_unpacked_bytes",
            ));
        }
    }
    // What the entries really hold: the zip reader stops an entry one byte
    // past the size it declares, so this reads at most the sum above.
    for i in 0..zip.len() {
        let Ok(mut entry) = zip.by_index(i) else {
            continue;
        };
        let name = entry
            .name()
            .map_or_else(|_| format!("#{i}"), |n| n.to_string());
        if let Err(e) = std::io::copy(&mut entry, &mut std::io::sink()) {
            // Other read errors (a corrupt or encrypted entry) are the
            // reader's to report, in its words.
            if e.to_string().contains("declared uncompressed size") {
                return Err(ImportError::Unreadable {
                    input: input.to_string(),
                    reason: format!(
                        "entry {name} unpacks to more than the size its header declares \
                         (a damaged or hostile file)"
                    ),
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn zip_of(entries: &[(&str, usize)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, size) in entries {
            zip.start_file(*name, options).expect("starts");
            zip.write_all(&vec![b'x'; *size]).expect("writes");
        }
        zip.finish().expect("finishes").into_inner()
    }

    #[test]
    fn declared_sizes_are_summed_and_the_entry_named() {
        let bytes = zip_of(&[("a.xml", 600), ("xl/sharedStrings.xml", 600)]);
        assert!(bytes.len() < 600, "{} bytes", bytes.len());
        let limits = Limits {
            max_unpacked_bytes: 1_000,
            ..Limits::default()
        };
        let err = check("bomb.xlsx", &bytes, &limits).unwrap_err();
        assert_eq!(
            err.to_string(),
            "bomb.xlsx: entry xl/sharedStrings.xml (unpacks to 600 bytes, making 1,200 in all), \
             is past the limit of 1,000 bytes unpacked \
             (raise ImportOptions.limits.max_unpacked_bytes to read it)"
        );
        assert!(check("ok.xlsx", &bytes, &Limits::default()).is_ok());
        assert!(check("text.csv", b"a,b\n", &limits).is_ok());
        assert!(check("broken.xlsx", b"PK\x03\x04nonsense", &limits).is_ok());
    }

    #[test]
    fn an_entry_that_holds_more_than_it_declares_is_refused() {
        let mut bytes = zip_of(&[("xl/worksheets/sheet1.xml", 5_000)]);
        // Declare 10 bytes in the central directory (and the local header):
        // the uncompressed size is 4 bytes after the CRC.
        let lie = 10u32.to_le_bytes();
        for signature in [&b"PK\x01\x02"[..], &b"PK\x03\x04"[..]] {
            let at = bytes
                .windows(4)
                .position(|w| w == signature)
                .expect("a header");
            let size_at = at + if signature[2] == 1 { 24 } else { 22 };
            bytes[size_at..size_at + 4].copy_from_slice(&lie);
        }
        let limits = Limits {
            max_unpacked_bytes: 1_000,
            ..Limits::default()
        };
        let err = check("liar.xlsx", &bytes, &limits).unwrap_err();
        assert_eq!(
            err.to_string(),
            "liar.xlsx: cannot read the input as a table: entry xl/worksheets/sheet1.xml unpacks to more than the size its \
             header declares (a damaged or hostile file)"
        );
    }
}
