//! Rating words (`A/G`, `Amber-Red`, `Completed`, `On track`) read by
//! `Rating::parse` and the built-in tracker key: never a panic, and a word
//! read as a rating names the rating whose own name (`Amber/Green`) reads
//! back the same. (Its JSON code does not always: `amber_green` is refused.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use lineofsight::rating::{Fill, Rating, RatingKey};

fuzz_target!(|text: &str| {
    match Rating::parse_recorded(text) {
        Ok(s) => {
            let r = s.rating;
            assert_eq!(
                Rating::parse(r.name()).ok(),
                Some(r),
                "{text:?} read as {r:?}"
            );
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
    let _ = RatingKey::default().read(text);
    let key = RatingKey::default().with_yellow_between_amber_and_green();
    let _ = key.read(text);
    let _ = key.opening_state(text);
    if let Some(fill) = Fill::from_hex(text) {
        assert_eq!(Fill::from_hex(&fill.to_string()), Some(fill), "{text:?}");
        let _ = Rating::from_fill(fill);
    }
});
