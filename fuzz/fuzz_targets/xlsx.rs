//! Workbooks (xlsx, ods, xls): the bytes as a file, or, when they start
//! with `<`, as a sheet's XML (then NUL, the shared strings' XML, NUL, the
//! styles' XML) packed into a workbook here, so mutations reach the sheet
//! reader past the zip's checksums. Never a panic, never an allocation for
//! the whole used range; a plan imported passes `Plan::check`. (Cell
//! references calamine 0.38 overflows on, which this target found, are
//! refused by core/src/import/xlsx_refs.rs before calamine reads them.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use lineofsight::import::{import_plan, read_workbook, ImportOptions, TableFormat};
use lineofsight_fuzz::{check_import, workbook};

fuzz_target!(|data: &[u8]| {
    let packed;
    let bytes = if data.first() == Some(&b'<') {
        packed = workbook(data);
        &packed
    } else {
        data
    };
    let _ = read_workbook(bytes, TableFormat::Xlsx);
    let options = { let mut built = ImportOptions::default(); built.format = TableFormat::Xlsx; built.input_name = "fuzz.xlsx".into(); built };
    check_import(import_plan(bytes, &options));
});
