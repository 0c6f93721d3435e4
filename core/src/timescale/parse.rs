//! The timescale parser: a small tokenizer ([`words`]) and a left-to-right
//! scan for date expressions ([`dates`], [`years`]) and keywords (`ongoing`,
//! `quarterly`, `achieved`, `TBC`, `from`). Every word and number the scan
//! does not read is kept as unused text; unused text that looks like part of
//! a date is a [`ProblemKind::Ignored`] warning.

mod dates;
mod words;
mod years;

use chrono::NaiveDate;

use super::{Cadence, DatePoint, Precision, ProblemKind, TimescaleKind, TimescaleProblem};
use dates::{date_at, span, Context, Found};
use words::{
    is_connector, is_date_word, is_filler, is_label_before_non_month, is_label_word,
    is_quarter_word, is_start_marker, is_year_qualifier, month_number, tokenize, Tok, Token,
};

/// A timescale that strict parsing refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
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
    /// The text names a date, but words or numbers that may change it were
    /// not read (`Nov 18-19`).
    #[error("timescale {raw:?}: {fragment:?} was not read: {reason}")]
    Ignored {
        /// The whole timescale text.
        raw: String,
        /// The text that was not read.
        fragment: String,
        /// Why it matters.
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
            ProblemKind::ImpossibleDate => TimescaleError::ImpossibleDate {
                raw: raw.to_string(),
                fragment: p.text.clone(),
                reason: p.reason.clone(),
            },
            ProblemKind::Ignored => TimescaleError::Ignored {
                raw: raw.to_string(),
                fragment: p.text.clone(),
                reason: p.reason.clone(),
            },
            ProblemKind::NotUnderstood => TimescaleError::NotUnderstood {
                raw: raw.to_string(),
                reason: p.reason.clone(),
            },
        }
    }
}

/// Longest text the parser reads; longer cells are not timescales.
const MAX_LEN: usize = 500;

/// What the parser made of a timescale's text.
pub(super) struct Parsed {
    pub(super) kind: TimescaleKind,
    pub(super) problems: Vec<TimescaleProblem>,
    pub(super) unused: Vec<String>,
}

impl Parsed {
    fn plain(kind: TimescaleKind) -> Parsed {
        Parsed {
            kind,
            problems: vec![],
            unused: vec![],
        }
    }
}

fn cadence(word: &str) -> Option<Cadence> {
    Some(match word {
        "weekly" => Cadence::Weekly,
        "monthly" => Cadence::Monthly,
        "quarterly" => Cadence::Quarterly,
        "termly" => Cadence::Termly,
        "annually" | "annual" | "yearly" => Cadence::Annually,
        _ => return None,
    })
}

fn problem(kind: ProblemKind, text: &str, reason: String) -> TimescaleProblem {
    TimescaleProblem {
        kind,
        text: text.to_string(),
        reason,
    }
}

fn not_understood(kind: ProblemKind, text: &str, reason: String, unused: Vec<String>) -> Parsed {
    Parsed {
        kind: TimescaleKind::NotUnderstood,
        problems: vec![problem(kind, text, reason)],
        unused,
    }
}

/// The words and numbers no reading used, as runs of the text.
fn unused_runs(toks: &[Token], used: &[bool], text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize, bool)> = None;
    for (k, t) in toks.iter().enumerate() {
        let free = !used.get(k).copied().unwrap_or(true);
        match &t.tok {
            Tok::Sep(_) if free => {}
            Tok::Num(..) | Tok::Word(_) if free => {
                let datey = match &t.tok {
                    Tok::Num(..) => true,
                    Tok::Word(w) => is_date_word(w),
                    Tok::Sep(_) => false,
                };
                run = Some(match run {
                    Some((s, _, d)) => (s, t.end, d || datey),
                    None => (t.start, t.end, datey),
                });
            }
            _ => {
                if let Some((s, e, d)) = run.take() {
                    out.push((text.get(s..e).unwrap_or_default().to_string(), d));
                }
            }
        }
    }
    if let Some((s, e, d)) = run {
        out.push((text.get(s..e).unwrap_or_default().to_string(), d));
    }
    out
}

pub(super) fn parse(raw: &str) -> Parsed {
    let text = raw.trim().trim_end_matches('.').trim();
    let lower = text.to_lowercase();
    if text.is_empty()
        || matches!(
            lower.as_str(),
            "_" | "-" | "–" | "—" | "n/a" | "na" | "none"
        )
    {
        return Parsed::plain(TimescaleKind::Empty);
    }
    if text.len() > MAX_LEN {
        let shown: String = text.chars().take(40).collect();
        return not_understood(
            ProblemKind::NotUnderstood,
            &format!("{shown}…"),
            format!(
                "a timescale of {} characters is too long to be a date",
                text.chars().count()
            ),
            vec![],
        );
    }
    if matches!(
        lower.as_str(),
        "tbc" | "tba" | "to be confirmed" | "to be agreed" | "tbd"
    ) {
        return Parsed::plain(TimescaleKind::ToBeConfirmed);
    }
    if matches!(
        lower.as_str(),
        "achieved" | "complete" | "completed" | "done"
    ) {
        return Parsed::plain(TimescaleKind::Achieved);
    }
    let toks = tokenize(text);
    // An Excel serial date: a bare 5-digit number (10000 is 18/05/1927,
    // 99999 is in 2173); shorter numbers are more likely years or typos.
    if let [Token {
        tok: Tok::Num(n, 5),
        ..
    }] = toks.as_slice()
    {
        let base = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
        return match base.checked_add_days(chrono::Days::new(*n)) {
            Some(d) => Parsed::plain(TimescaleKind::Point {
                at: span(d, d, Precision::Day),
            }),
            None => not_understood(
                ProblemKind::NotUnderstood,
                text,
                format!("{n} is not a date"),
                vec![],
            ),
        };
    }
    scan(text, &toks)
}

/// What a left-to-right scan of the tokens found.
#[derive(Default)]
struct Scan {
    dates: Vec<(usize, Found)>,
    used: Vec<bool>,
    ongoing_at: Option<usize>,
    immediate: bool,
    cadence_at: Option<(usize, Cadence)>,
    connectors: Vec<usize>,
    /// The token a date must start at to be a start date (`From Sept 22`).
    start_expected: Option<usize>,
    /// The index in `dates` of the date a start marker names.
    start_date: Option<usize>,
}

fn scan_tokens(text: &str, toks: &[Token]) -> Scan {
    let cx = Context {
        academic: toks
            .iter()
            .any(|t| matches!(t.word(), Some("ay" | "academic"))),
    };
    let mut s = Scan {
        used: vec![false; toks.len()],
        ..Scan::default()
    };
    let mut i = 0;
    while i < toks.len() {
        let word = toks[i].word();
        let next = toks.get(i + 1).map(|t| &t.tok);
        // `Stage 3 Jun 2021`, `Phase 2: March 2022`: the number is a label.
        let label_number = matches!(next, Some(Tok::Num(_, 1 | 2)))
            && !matches!(
                toks.get(i + 2).map(|t| &t.tok),
                Some(Tok::Sep('/' | '.' | '-'))
            );
        let month_follows = toks
            .get(i + 2)
            .and_then(Token::word)
            .is_some_and(|w| month_number(w).is_some());
        let label = word
            .is_some_and(|w| is_label_word(w) || (is_label_before_non_month(w) && !month_follows));
        if label && label_number {
            s.used[i] = true;
            s.used[i + 1] = true;
            i += 2;
            continue;
        }
        if let Some((found, n)) = date_at(toks, i, text, cx) {
            if s.start_expected == Some(i) {
                s.start_date = Some(s.dates.len());
            }
            s.dates.push((i, found));
            for u in s.used.iter_mut().skip(i).take(n) {
                *u = true;
            }
            i += n;
            continue;
        }
        // `Q2 March 2020`: a quarter with no year is left unread, but its
        // number is never a day.
        if word.is_some_and(is_quarter_word) && matches!(next, Some(Tok::Num(..))) {
            i += 2;
            continue;
        }
        let mut keep_start = false;
        match &toks[i].tok {
            Tok::Word(w) => {
                let w = w.as_str();
                let known = match w {
                    "ongoing" | "continuous" | "continuing" => {
                        s.ongoing_at = s.ongoing_at.or(Some(i));
                        true
                    }
                    "immediate" | "immediately" => {
                        s.immediate = true;
                        true
                    }
                    "each" | "every" if matches!(next, Some(Tok::Word(n)) if n == "board" || n == "meeting") =>
                    {
                        s.cadence_at = s.cadence_at.or(Some((i, Cadence::EachMeeting)));
                        if let Some(u) = s.used.get_mut(i + 1) {
                            *u = true;
                        }
                        true
                    }
                    w if is_connector(w) => {
                        s.connectors.push(i);
                        true
                    }
                    w if is_start_marker(w) => {
                        s.start_expected = Some(i + 1);
                        keep_start = true;
                        true
                    }
                    w if matches!(w, "in" | "on" | "the" | "of") && s.start_expected == Some(i) => {
                        s.start_expected = Some(i + 1);
                        keep_start = true;
                        true
                    }
                    w => match cadence(w) {
                        Some(c) => {
                            s.cadence_at = s.cadence_at.or(Some((i, c)));
                            true
                        }
                        None => is_filler(w),
                    },
                };
                s.used[i] = known;
            }
            Tok::Sep('-') => s.connectors.push(i),
            _ => {}
        }
        if !keep_start && s.start_expected == Some(i) {
            s.start_expected = None;
        }
        i += 1;
    }
    s
}

fn scan(text: &str, toks: &[Token]) -> Parsed {
    let mut s = scan_tokens(text, toks);
    let points: Vec<(usize, usize, DatePoint)> = s
        .dates
        .iter()
        .enumerate()
        .flat_map(|(k, (at, f))| match f {
            Found::Point(p) => vec![(k, *at, *p)],
            Found::YearRange(a, b) => vec![(k, *at, *a), (k, *at, *b)],
            Found::Impossible { .. } => vec![],
        })
        .collect();
    // `financial year 2019/20`, `2019/20 academic year`: read with the year.
    let names_a_year = points.iter().any(|(_, _, p)| {
        matches!(
            p.precision,
            Precision::Year
                | Precision::FinancialYear
                | Precision::AcademicYear
                | Precision::Quarter
        )
    });
    for (k, t) in toks.iter().enumerate() {
        if names_a_year && t.word().is_some_and(is_year_qualifier) {
            s.used[k] = true;
        }
    }
    let runs = unused_runs(toks, &s.used, text);
    let unused: Vec<String> = runs.iter().map(|(r, _)| r.clone()).collect();

    if let Some((_, Found::Impossible { fragment, reason })) = s
        .dates
        .iter()
        .find(|(_, f)| matches!(f, Found::Impossible { .. }))
    {
        return not_understood(
            ProblemKind::ImpossibleDate,
            fragment.trim(),
            reason.clone(),
            unused,
        );
    }
    if points.is_empty() && s.cadence_at.is_none() && s.ongoing_at.is_none() {
        let reason = if toks
            .iter()
            .any(|t| t.word().and_then(month_number).is_some())
        {
            "it names a month without a year".to_string()
        } else {
            "it names no date, period or ongoing cadence lineofsight recognises".to_string()
        };
        return not_understood(ProblemKind::NotUnderstood, text, reason, unused);
    }
    let problems = runs
        .iter()
        .filter(|(_, datey)| *datey)
        .map(|(run, _)| {
            problem(
                ProblemKind::Ignored,
                run,
                format!("{run:?} was not read, so the date may not be what the text means"),
            )
        })
        .collect();
    Parsed {
        kind: assemble(&s, &points),
        problems,
        unused,
    }
}

/// The kind of timescale the dates and keywords make.
fn assemble(s: &Scan, points: &[(usize, usize, DatePoint)]) -> TimescaleKind {
    let start = s
        .start_date
        .and_then(|k| points.iter().find(|(d, _, _)| *d == k))
        .map(|(_, _, p)| *p);
    // Recurring and ongoing: the start-marked date or the first date before
    // the keyword says when it started, the last other date after it when it
    // stops.
    let around = |at: usize| {
        let from = start.or_else(|| points.iter().find(|(_, p, _)| *p < at).map(|(_, _, d)| *d));
        let until = points
            .iter()
            .rev()
            .find(|(d, p, _)| *p > at && Some(*d) != s.start_date)
            .map(|(_, _, d)| *d);
        (from, until)
    };
    if let Some((at, cadence)) = s.cadence_at {
        let (from, until) = around(at);
        return TimescaleKind::Recurring {
            cadence,
            from,
            until,
        };
    }
    if let Some(at) = s.ongoing_at {
        let (from, until) = around(at);
        return TimescaleKind::Ongoing {
            from,
            until,
            immediate: s.immediate,
        };
    }
    match points {
        [(_, _, one)] if start.is_some() => TimescaleKind::Ongoing {
            from: Some(*one),
            until: None,
            immediate: s.immediate,
        },
        [(_, _, one)] => TimescaleKind::Point { at: *one },
        [(_, a, first), (_, b, second)]
            if s.connectors.iter().any(|c| c > a && c < b)
                || matches!(s.dates.first(), Some((_, Found::YearRange(..)))) =>
        {
            TimescaleKind::Range {
                from: *first,
                to: *second,
            }
        }
        many => {
            let mut dates: Vec<DatePoint> = many.iter().map(|(_, _, d)| *d).collect();
            dates.sort_by_key(|d| (d.start, d.end));
            TimescaleKind::Milestones { dates }
        }
    }
}

#[cfg(test)]
mod tests;
