//! A key written above a tracker's table (`Key: N/A = data not available,
//! Yellow = minor slippage`): the words it declares for ratings and states.

use crate::rating::{KeyMeaning, RatingKey};

/// The words a key line declares, each with what it means: `N/A = data
/// not available` declares `N/A` as no data. Words the key already reads
/// the same way, and lines that are not a key, give nothing.
pub(crate) fn read_legend(text: &str, key: &RatingKey) -> Vec<(String, KeyMeaning)> {
    let lower = text.to_lowercase();
    let body = match lower.find("key") {
        Some(i) if text.get(i..).is_some_and(|rest| rest.contains(':')) => text
            .get(i..)
            .and_then(|rest| rest.split_once(':'))
            .map_or("", |(_, after)| after),
        _ if text.contains('=') => text,
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    for part in body.split([',', ';', '\n', '|']) {
        let Some((word, meaning)) = part.split_once('=') else {
            continue;
        };
        let (word, meaning) = (word.trim(), meaning.trim());
        if word.is_empty() || word.split_whitespace().count() > 4 {
            continue;
        }
        let Ok(reading) = key.read(meaning) else {
            continue;
        };
        let declared = match (reading.rating, reading.state) {
            (Some(r), _) => KeyMeaning::Rating(r),
            (None, Some(state)) => KeyMeaning::State { state },
            (None, None) => continue,
        };
        let already = key.read(word).ok().is_some_and(|r| {
            (r.rating, r.state)
                == match declared {
                    KeyMeaning::Rating(rating) => (Some(rating), r.state),
                    KeyMeaning::State { state } => (r.rating, Some(state)),
                }
        });
        if !already {
            out.push((word.to_string(), declared));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rating::Rating;

    #[test]
    fn a_key_line_declares_words() {
        let key = RatingKey::default();
        assert_eq!(
            read_legend("Key: N/A = data not available, G = on track", &key),
            [("N/A".to_string(), KeyMeaning::Rating(Rating::NoData))]
        );
        assert!(read_legend("Corporate Parenting Plan 2019", &key).is_empty());
        assert!(read_legend("Key: see the last page", &key).is_empty());
    }
}
