//! Measure targets (`less than 64 CLA per 10,000 by March 2019`): never a
//! panic; every target read has finite values, can be described, and comes
//! back unchanged through its JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lineofsight::measure::{parse_target, Polarity, Target};

fuzz_target!(|text: &str| {
    let reading = parse_target(text);
    for t in reading.targets() {
        assert!(t.value.is_finite(), "{text:?}: {t:?}");
        assert!(t.upper.is_none_or(f64::is_finite), "{text:?}: {t:?}");
        assert!(
            t.baseline.as_ref().is_none_or(|b| b.value.is_finite()),
            "{text:?}: {t:?}"
        );
        let _ = t.describe();
        let _ = t.is_met(t.value, Polarity::None);
        let json = serde_json::to_string(t).unwrap_or_default();
        let back: Option<Target> = serde_json::from_str(&json).ok();
        assert_eq!(back.as_ref(), Some(t), "{text:?} through {json}");
    }
});
