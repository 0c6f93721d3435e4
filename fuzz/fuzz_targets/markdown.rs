//! Markdown trackers: read and imported with the default options and with
//! the options for lineofsight's own export. Never a panic; a plan
//! imported passes `Plan::check` and comes back unchanged through its JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lineofsight::import::{import_plan, read_table, ImportOptions, TableFormat};
use lineofsight_fuzz::check_import;

fuzz_target!(|bytes: &[u8]| {
    let _ = read_table(bytes, TableFormat::Markdown);
    for options in [
        ImportOptions::default(),
        ImportOptions::lineofsight_export(),
    ] {
        let options = { let mut built = options; built.format = TableFormat::Markdown; built };
        check_import(import_plan(bytes, &options));
    }
});
