//! A plan's native JSON (`Plan::from_json`): never a panic; a plan that
//! loads passes its check, comes back unchanged through its JSON, and can
//! be evaluated and its warnings listed.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use lineofsight::plan::Plan;

fuzz_target!(|json: &str| {
    match Plan::from_json(json) {
        Ok(plan) => {
            assert!(plan.check().is_ok());
            let again = Plan::from_json(&plan.to_json());
            assert_eq!(again.as_ref().ok(), Some(&plan), "{again:?}");
            let _ = plan.warnings();
            let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap_or_default();
            let _ = plan.evaluate(as_of, &plan.rules_or_default());
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
