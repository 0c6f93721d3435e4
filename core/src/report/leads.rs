//! The report lead by lead: each lead's open actions, soonest due first,
//! for `--by-lead` reports, one file per lead and the leads' calendars.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ReportRow;

/// One lead's part of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct LeadSection {
    /// The lead's name as the report shows it.
    pub name: String,
    /// Their open actions, as positions in the report's `actions`, soonest
    /// due first and undated last.
    pub open: Vec<usize>,
}

/// Every lead with open actions, in alphabetical order (then `No lead`
/// for open actions that name none).
pub(super) fn lead_sections(rows: &[ReportRow]) -> Vec<LeadSection> {
    let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut without = Vec::new();
    for (i, r) in rows.iter().enumerate().filter(|(_, r)| r.open) {
        if r.leads.is_empty() {
            without.push(i);
        }
        for l in &r.leads {
            let list = by_name.entry(l.as_str()).or_default();
            // A lead named twice on one action is listed once.
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let due = |i: &usize| (rows[*i].due.is_none(), rows[*i].due);
    let mut sections: Vec<LeadSection> = by_name
        .into_iter()
        .map(|(name, mut open)| {
            open.sort_by_key(due);
            LeadSection {
                name: name.to_string(),
                open,
            }
        })
        .collect();
    if !without.is_empty() {
        without.sort_by_key(due);
        sections.push(LeadSection {
            name: NO_LEAD.to_string(),
            open: without,
        });
    }
    sections
}

/// The name under which open actions without a lead are listed.
pub const NO_LEAD: &str = "No lead";

/// A lead's name as a file name: lower case letters, digits and hyphens
/// (`Virtual School Head` → `virtual-school-head`), never empty.
///
/// # Example
///
/// ```
/// use lineofsight::report::lead_file_stem;
///
/// assert_eq!(lead_file_stem("Virtual School Head"), "virtual-school-head");
/// assert_eq!(lead_file_stem("Head of Service (CLA/Leaving Care)"), "head-of-service-cla-leaving-care");
/// assert_eq!(lead_file_stem("../.."), "lead");
/// ```
pub fn lead_file_stem(name: &str) -> String {
    let mut stem = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "lead".to_string()
    } else {
        stem.chars().take(80).collect()
    }
}
