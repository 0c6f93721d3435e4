//! The leads' calendar (.ics, RFC 5545): every open action's due date as an
//! all-day event, one per lead, so each lead gets the reminder in Outlook.

use std::fmt::Write;

use chrono::{Days, NaiveDate, NaiveTime, TimeZone, Utc};
use icalendar::{Alarm, Calendar, Class, Component, Event, EventLike, Property};

use crate::report::{BoardReport, ReportRow};
use crate::rules::reason::uk_date;

/// How long a summary's action text may be before it is shortened.
const SUMMARY_TEXT_CHARS: usize = 60;

/// How many days before a deadline the reminder goes off.
const REMINDER_DAYS: i64 = 7;

/// The board report's leads' calendar: an iCalendar (RFC 5545) file with
/// one all-day event on the due date of every open action that has one,
/// for each of its leads (`No lead` when it names none), drawn from the
/// report's [`leads`](BoardReport::leads).
///
/// * `SUMMARY`: `Due: <ref> <action text>`, the text shortened to about 60
///   characters; `DESCRIPTION`: the objective, the rating's word and
///   reason, the latest commentary, the leads and the report it came from;
///   `CATEGORIES`: the lead, so Outlook can filter and colour by lead.
/// * An action with two leads is two events, one in each lead's category:
///   each lead gets their own reminder, and a lead's own file (from
///   [`BoardReport::for_lead`]) has exactly their events.
/// * `UID`: the plan's title, the action's ref (its id when it has none)
///   and the lead, so importing next quarter's calendar updates each event
///   rather than adding a second one, and a lead's own file and the whole
///   calendar name an event alike. `SEQUENCE` counts days from 2000-01-01
///   to the report's date, so a later report's event supersedes an
///   earlier one.
/// * `DTSTAMP` and `LAST-MODIFIED` are the report's date: nothing is read
///   from the clock, and the same report always gives the same bytes.
/// * Text is escaped by icalendar (backslash, comma, semicolon, newline);
///   carriage returns and other control characters, which a calendar's
///   text may not contain, are dropped first.
///
/// Requires the `calendar` feature (on by default).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::calendar_ics;
/// use lineofsight::plan::{Action, Lead, LeadKind, Objective, Plan};
/// use lineofsight::report::{BoardReport, ReportOptions};
/// use lineofsight::RuleSet;
///
/// let mut plan = Plan::new("Care Leavers Plan", "Council");
/// plan.leads.push(Lead::new("vsh", "Virtual School Head", LeadKind::Role));
/// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
/// let mut a = Action::new("a1", "Refresh the pledge, with young people; publish it.", "Mar-20");
/// a.reference = Some("1.1".into());
/// a.leads.push("vsh".into());
/// o.actions.push(a);
/// plan.objectives.push(o);
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let report = BoardReport::build(&plan, as_of, &RuleSet::default(), &ReportOptions::default());
/// let ics = calendar_ics(&report);
/// assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
/// assert!(ics.contains("SUMMARY:Due: 1.1 Refresh the pledge\\, with young people\\; publish it.\r\n"));
/// assert!(ics.contains("DTSTART;VALUE=DATE:20200331\r\n"));
/// assert!(ics.contains("CATEGORIES:Virtual School Head\r\n"));
/// assert!(ics.contains("DTSTAMP:20191231T000000Z\r\n"));
/// assert_eq!(ics, calendar_ics(&report)); // no clock, no random numbers
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "calendar")))]
pub fn calendar_ics(report: &BoardReport) -> String {
    let stamp = Utc.from_utc_datetime(&report.as_of.and_time(NaiveTime::MIN));
    let sequence = u32::try_from(
        (report.as_of - NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(report.as_of)).num_days(),
    )
    .unwrap_or(0);
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            "-//lineofsight//Board report calendar//EN",
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"));
    calendar.name(&clean(&format!(
        "{}: deadlines",
        report.lead.as_deref().unwrap_or(&report.title)
    )));
    calendar.description(&clean(&report.subtitle));
    for section in &report.leads {
        for row in report.rows(&section.open) {
            let Some(due) = row.due else { continue };
            let uid = uid(&report.title, row, &section.name);
            let reminder = format!("{} {}", due_summary(row), uk_date(due));
            let mut alarm =
                Alarm::display(&clean(&reminder), -chrono::Duration::days(REMINDER_DAYS));
            // Left unset, icalendar would stamp the alarm with the clock
            // and a random UID (RFC 9074 gives alarms a UID).
            alarm.timestamp(stamp).uid(&format!("{uid}-reminder"));
            let event = Event::new()
                .uid(&uid)
                .timestamp(stamp)
                .last_modified(stamp)
                .sequence(sequence)
                .starts(due)
                .ends(due.checked_add_days(Days::new(1)).unwrap_or(due))
                .summary(&clean(&due_summary(row)))
                .description(&clean(&description(report, row)))
                .categories([clean(&section.name)])
                .class(Class::Public)
                .add_property("TRANSP", "TRANSPARENT")
                .alarm(alarm)
                .done();
            calendar.push(event);
        }
    }
    calendar.done().to_string()
}

/// `Due: 1.1 Refresh the pledge`: the ref and the action's text, shortened
/// at a word to about 60 characters.
fn due_summary(row: &ReportRow) -> String {
    let text = shorten(&row.text, SUMMARY_TEXT_CHARS);
    match row.reference.as_deref().map(str::trim) {
        Some(r) if !r.is_empty() => format!("Due: {r} {text}"),
        _ => format!("Due: {text}"),
    }
}

/// The first line of `text`, cut at a word to at most about `max`
/// characters, with `…` when cut.
fn shorten(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let whole = words.join(" ");
    if whole.chars().count() <= max {
        return whole;
    }
    let mut out = String::new();
    for w in words {
        if out.chars().count() + w.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        out = whole.chars().take(max).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '.', ' ']);
    format!("{out}…")
}

/// The event's description: the objective, the rating and why, the latest
/// commentary, the leads and which report it came from.
fn description(report: &BoardReport, row: &ReportRow) -> String {
    let look = report.look(row.rating);
    let objective = match &row.objective_ref {
        Some(r) => format!("{r} {}", row.objective),
        None => row.objective.clone(),
    };
    let commentary = row
        .commentary_line()
        .unwrap_or_else(|| "none recorded".to_string());
    let leads = if row.leads.is_empty() {
        crate::report::NO_LEAD.to_string()
    } else {
        row.leads.join(", ")
    };
    format!(
        "{}\n\nObjective: {objective}\nTimescale: {}\nRating: {} ({})\nLatest commentary: {commentary}\nLead: {leads}\n\nFrom {}: {}",
        row.text.trim(),
        row.timescale,
        look.label,
        row.reason.message(),
        report.title,
        report.subtitle,
    )
}

/// A stable event id: the plan's title, the action's ref (or id) and the
/// lead, each written in letters, digits, `.`, `-` and `_` with anything
/// else as `%XX`, so different names never give the same id.
fn uid(title: &str, row: &ReportRow, lead: &str) -> String {
    let action = match row.reference.as_deref().map(str::trim) {
        Some(r) if !r.is_empty() => format!("ref-{}", uid_part(r)),
        _ => format!("id-{}", uid_part(&row.action_id)),
    };
    format!(
        "{}/{action}/{}@lineofsight",
        uid_part(title.trim()),
        uid_part(lead)
    )
}

fn uid_part(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.to_lowercase().bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Text as a calendar may hold it: line breaks as `\n` (icalendar escapes
/// them), tabs kept, carriage returns and other control characters
/// dropped.
fn clean(s: &str) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Action, Lead, LeadKind, Objective, Plan, ProgressUpdate};
    use crate::report::ReportOptions;
    use crate::RuleSet;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn plan() -> Plan {
        let mut plan = Plan::new("Plan; with, marks", "Council");
        plan.leads
            .push(Lead::new("vsh", "Virtual School Head", LeadKind::Role));
        plan.leads
            .push(Lead::new("hos", "Head of Service, CLA", LeadKind::Role));
        let mut o = Objective::new("o1", "Care leavers have a Local Offer");
        let mut a = Action::new(
            "a1",
            "Refresh the pledge;\r\nwith young people, carers\u{7} and\u{0} staff.",
            "Mar-20",
        );
        a.reference = Some("1.1".into());
        a.leads = vec!["vsh".into(), "hos".into()];
        a.progress.push(ProgressUpdate::dated(
            d(2019, 11, 30),
            "Draft agreed, sign-off\nin January; \\ pending.",
        ));
        o.actions.push(a);
        o.actions
            .push(Action::new("a2", "No lead, no date.", "Ongoing"));
        o.actions.push(Action::new("a3", "No lead.", "Jun-20"));
        let mut done = Action::new("a4", "Done already.", "Jan-20");
        done.leads = vec!["vsh".into()];
        done.state = crate::plan::Lifecycle::Complete;
        o.actions.push(done);
        plan.objectives.push(o);
        plan
    }

    fn report() -> BoardReport {
        BoardReport::build(
            &plan(),
            d(2019, 12, 31),
            &RuleSet::default(),
            &ReportOptions::default(),
        )
    }

    /// The calendar unfolded (RFC 5545 3.1) into logical lines.
    fn lines(ics: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for l in ics.split("\r\n") {
            if let Some(rest) = l.strip_prefix(' ') {
                if let Some(last) = out.last_mut() {
                    last.push_str(rest);
                }
            } else if !l.is_empty() {
                out.push(l.to_string());
            }
        }
        out
    }

    #[test]
    fn one_event_per_lead_for_open_dated_actions() {
        let ics = calendar_ics(&report());
        let lines = lines(&ics);
        let events = lines.iter().filter(|l| *l == "BEGIN:VEVENT").count();
        // a1 for each of its two leads, a3 under No lead; a2 has no date,
        // a4 is complete.
        assert_eq!(events, 3);
        let categories: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("CATEGORIES:"))
            .collect();
        assert_eq!(
            categories,
            ["Head of Service\\, CLA", "Virtual School Head", "No lead"]
        );
        assert!(lines.contains(&"DTSTART;VALUE=DATE:20200331".to_string()));
        assert!(lines.contains(&"DTEND;VALUE=DATE:20200401".to_string()));
    }

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        let ics = calendar_ics(&report());
        assert!(
            ics.is_ascii()
                || ics
                    .chars()
                    .all(|c| c == '\r' || c == '\n' || !c.is_control())
        );
        assert!(!ics.replace("\r\n", "").contains('\r'));
        assert!(!ics.replace("\r\n", "").contains('\n'));
        let lines = lines(&ics);
        let summary = lines
            .iter()
            .find(|l| l.starts_with("SUMMARY:Due: 1.1"))
            .unwrap();
        assert_eq!(
            summary,
            "SUMMARY:Due: 1.1 Refresh the pledge\\; with young people\\, carers and staff."
        );
        let description = lines
            .iter()
            .find(|l| l.starts_with("DESCRIPTION:Refresh"))
            .unwrap();
        assert!(
            description.contains("Refresh the pledge\\;\\nwith young people\\, carers and staff.")
        );
        assert!(description.contains(
            "Latest commentary: 30/11/2019: Draft agreed\\, sign-off\\nin January\\; \\\\ pending."
        ));
        assert!(description.contains("\\nRating: "));
        assert!(description.contains("Objective: Care leavers have a Local Offer"));
    }

    #[test]
    fn stamps_and_ids_come_from_the_report_not_the_clock() {
        let report = report();
        let ics = calendar_ics(&report);
        assert_eq!(ics, calendar_ics(&report));
        let lines = lines(&ics);
        for l in lines.iter().filter(|l| l.starts_with("DTSTAMP")) {
            assert_eq!(l, "DTSTAMP:20191231T000000Z");
        }
        let uids: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("UID:"))
            .filter(|u| !u.ends_with("-reminder"))
            .collect();
        assert_eq!(uids.len(), 3);
        assert!(
            uids.contains(&"plan%3B%20with%2C%20marks/ref-1.1/virtual%20school%20head@lineofsight")
        );
        // A lead's own calendar names their event as the whole one does.
        let theirs = calendar_ics(&report.for_lead("Virtual School Head"));
        let their_lines = super::tests::lines(&theirs);
        let their_uids: Vec<&str> = their_lines
            .iter()
            .filter_map(|l| l.strip_prefix("UID:"))
            .filter(|u| !u.ends_with("-reminder"))
            .collect();
        assert_eq!(
            their_uids,
            ["plan%3B%20with%2C%20marks/ref-1.1/virtual%20school%20head@lineofsight"]
        );
    }

    #[test]
    fn long_text_is_shortened_at_a_word() {
        let s = shorten(&"word ".repeat(40), 20);
        assert_eq!(s, "word word word word…");
        assert_eq!(shorten("short", 20), "short");
        assert_eq!(shorten(&"x".repeat(30), 10), format!("{}…", "x".repeat(10)));
    }
}
