//! Word documents (.docx): the bytes as a file, or, when they start with
//! `<`, as `word/document.xml` (then NUL and `word/styles.xml`) packed into
//! a document here, so mutations reach the XML reader past the zip's
//! checksums. Never a panic; a plan imported passes `Plan::check`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lineofsight::import::{import_plan, read_table, ImportOptions, TableFormat};
use lineofsight_fuzz::{check_import, document};

fuzz_target!(|data: &[u8]| {
    let packed;
    let bytes = if data.first() == Some(&b'<') {
        packed = document(data);
        &packed
    } else {
        data
    };
    let _ = read_table(bytes, TableFormat::Docx);
    let options = { let mut built = ImportOptions::default(); built.format = TableFormat::Docx; built.input_name = "fuzz.docx".into(); built };
    check_import(import_plan(bytes, &options));
});
