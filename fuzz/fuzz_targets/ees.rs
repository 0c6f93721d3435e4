//! EES (Explore Education Statistics) CSV files read by `read_ees`: never
//! a panic, with and without a filter column.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lineofsight::measure::{read_ees, EesQuery, Polarity, Unit};

fuzz_target!(|bytes: &[u8]| {
    let mut q = { let mut built = EesQuery::new("", "", "", ""); built.id = "cla-rate".into(); built.title = "CLA per 10,000".into(); built.source = "DfE".into(); built.value_column = "rate_per_10000".into(); built.filters = Vec::new(); built.polarity = Polarity::LowerIsBetter; built.unit = Unit::Rate { per: 10_000 }; built };
    if let Err(e) = read_ees(bytes, &q) {
        let _ = e.to_string();
    }
    q.filters.push((
        "population_type".into(),
        "Children looked after on 31 March each year".into(),
    ));
    q.unit = Unit::Percent;
    let _ = read_ees(bytes, &q);
});
