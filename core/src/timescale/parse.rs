//! The timescale parser (stub: replaced by the real parser).
use super::{TimescaleKind, TimescaleProblem};

/// A timescale that strict parsing refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimescaleError {
    /// The text names a date that does not exist.
    #[error("timescale {raw:?}: {fragment:?} is not a real date: {reason}")]
    ImpossibleDate {
        /// The whole timescale text.
        raw: String,
        /// The part that names the impossible date.
        fragment: String,
        /// Why it is impossible.
        reason: String,
    },
    /// The text matches no known form.
    #[error("timescale {raw:?} is not understood: {reason}")]
    NotUnderstood {
        /// The whole timescale text.
        raw: String,
        /// What the parser could not read.
        reason: String,
    },
}

impl TimescaleError {
    pub(crate) fn from_problem(raw: &str, p: &TimescaleProblem) -> Self {
        match p.kind {
            super::ProblemKind::ImpossibleDate => TimescaleError::ImpossibleDate {
                raw: raw.to_string(),
                fragment: p.text.clone(),
                reason: p.reason.clone(),
            },
            super::ProblemKind::NotUnderstood => TimescaleError::NotUnderstood {
                raw: raw.to_string(),
                reason: p.reason.clone(),
            },
        }
    }
}

pub(super) fn parse(raw: &str) -> (TimescaleKind, Vec<TimescaleProblem>) {
    if raw.trim().is_empty() {
        return (TimescaleKind::Empty, vec![]);
    }
    (TimescaleKind::NotUnderstood, vec![])
}
