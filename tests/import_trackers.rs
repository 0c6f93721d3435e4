//! The importer on trackers as councils keep them: commentary, status
//! words, keys, cells with lists and line breaks, structure and refusals.
//! (`tests/corpus.rs` scores whole trackers; these pin each behaviour.)

use chrono::NaiveDate;
use lineofsight::import::{import_plan, ImportError, ImportOptions, ImportReport};
use lineofsight::plan::{Lifecycle, Plan};
use lineofsight::rating::{KeyMeaning, Rating};

fn import(text: &str) -> (Plan, ImportReport) {
    import_plan(text.as_bytes(), &ImportOptions::default()).expect("imports")
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn warned(report: &ImportReport, row: usize, column: &str, text: &str) -> bool {
    report
        .warnings
        .iter()
        .any(|w| w.row == row && w.column == column && w.message.contains(text))
}

#[test]
fn progress_columns_become_dated_updates() {
    let (plan, _) = import(
        "Ref,Action,Lead,Deadline,Q1 update 2019/20,Update as at 30/09/2019,Comments,Last updated\n\
         1,Refresh the pledge,Participation Lead,Mar-20,Draft written,Consulted the CiCC,Sign-off in March,14/10/2019\n",
    );
    let a = plan.actions().next().unwrap();
    let got: Vec<_> = a
        .progress
        .iter()
        .map(|u| (u.date, u.note.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (date(2019, 6, 30), "Draft written"),
            (date(2019, 9, 30), "Consulted the CiCC"),
            (date(2019, 10, 14), "Sign-off in March"),
        ]
    );
    // The commentary shown is the latest, and it counts for staleness.
    let shown = a.commentary(date(2019, 12, 31).unwrap()).unwrap();
    assert_eq!(shown.note, "Sign-off in March");
}

#[test]
fn undated_commentary_is_kept_or_takes_the_reported_date() {
    let csv = "Action,Lead,Progress\nRecruit foster carers,Head of Fostering,12 approved\n";
    let (plan, _) = import(csv);
    let a = plan.actions().next().unwrap();
    assert_eq!(a.progress[0].date, None);
    assert_eq!(a.progress[0].note, "12 approved");
    let options = {
        let mut built = ImportOptions::default();
        built.reported_on = date(2020, 3, 31);
        built
    };
    let (plan, _) = import_plan(csv.as_bytes(), &options).unwrap();
    assert_eq!(
        plan.actions().next().unwrap().progress[0].date,
        date(2020, 3, 31)
    );
    assert_eq!(plan.reported_on, date(2020, 3, 31));
}

#[test]
fn status_is_not_rating() {
    let (plan, report) = import(
        "Ref,Action,Status,RAG,Progress update\n\
         1,Open a children's home,In progress,Amber,Builder appointed\n\
         2,Agree the pledge,Complete,,Signed off\n\
         3,Review short breaks,Merged into 3.2,,\n\
         4,Audit PEPs,,Blue,\n\
         5,Launch a mentoring scheme,,Green,\"Completed. Launched in May with 12 mentors.\"\n",
    );
    let a: Vec<_> = plan.actions().collect();
    assert_eq!(a[0].state, Lifecycle::InProgress);
    assert_eq!(
        a[0].recorded_rating.as_ref().map(|r| r.rating),
        Some(Rating::Amber)
    );
    assert_eq!(a[1].state, Lifecycle::Complete);
    assert!(
        a[1].recorded_rating.is_none(),
        "a status word is not a rating"
    );
    assert_eq!(a[2].state, Lifecycle::Cancelled);
    assert_eq!(
        a[3].state,
        Lifecycle::Complete,
        "a recorded Blue means complete"
    );
    assert_eq!(a[4].state, Lifecycle::Complete);
    assert!(warned(
        &report,
        6,
        "Progress update",
        "opens with \"Completed\""
    ));
}

#[test]
fn keys_declare_their_own_words() {
    let text = "Key: N/A = data not available\nAction,RAG\nReduce missing episodes,N/A\nTrain carers,On course\n";
    let (plan, report) = import(text);
    let a: Vec<_> = plan.actions().collect();
    assert_eq!(
        a[0].recorded_rating.as_ref().map(|r| r.rating),
        Some(Rating::NoData)
    );
    assert_eq!(
        a[1].recorded_rating.as_ref().map(|r| r.rating),
        Some(Rating::Green)
    );
    assert_eq!(plan.rating_key["N/A"], KeyMeaning::Rating(Rating::NoData));
    assert!(warned(&report, 1, "Action", "declares \"N/A\""));

    // A mapping's key, and Yellow between Amber and Green in a four-level key.
    let options =
        ImportOptions::from_json(r#"{"key": {"Parked": {"state": "deferred"}}}"#).unwrap();
    let (plan, _) = import_plan(b"Action,RAG\nA,Parked\nB,Yellow\nC,Amber\n", &options).unwrap();
    let a: Vec<_> = plan.actions().collect();
    assert_eq!(a[0].state, Lifecycle::Deferred);
    assert_eq!(
        a[1].recorded_rating.as_ref().map(|r| r.rating),
        Some(Rating::AmberGreen)
    );

    // Unknown words stay errors that name the text.
    let (plan, report) = import("Action,RAG\nA,Purple\n");
    assert!(plan.actions().next().unwrap().recorded_rating.is_none());
    assert!(warned(&report, 2, "RAG", "\"Purple\""));
}

#[test]
fn cells_as_people_write_them() {
    // Alt+Enter separates leads; a list of actions lines up with the lead
    // and date lines.
    let (plan, report) = import(
        "Ref,Key actions,Responsible officer,Completion date\n\
         1,\"Set up a housing panel\",\"Leaving Care Team Manager\nHousing Options Team Leader\",Dec-20\n\
         2,\"• Buy a property\n• Register with Ofsted\",\"Head of Property\nRegistered Manager\",\"June 2023\nOctober 2023\"\n",
    );
    let a: Vec<_> = plan.actions().collect();
    assert_eq!(
        plan.lead_names(a[0]),
        ["Leaving Care Team Manager", "Housing Options Team Leader"]
    );
    assert_eq!(a[2].text, "Register with Ofsted");
    assert_eq!(plan.lead_names(a[2]), ["Registered Manager"]);
    assert_eq!(a[2].timescale.raw(), "October 2023");
    assert!(warned(&report, 4, "Key actions", "list of 2 items"));
    assert!(plan.actions().all(|a| a.text != plan.title));
}

#[test]
fn structure_parent_refs_cross_refs_and_repeated_headers() {
    let (plan, report) = import(
        "| Ref | Action | Lead | Timescale |\n|---|---|---|---|\n\
         | 2 | Education |  |  |\n\
         | 2.1 | Raise attendance | Virtual School Head | Mar-20 |\n\
         | 12. (40, 112) | Publish the offer | Web Team | Jun-20 |\n\
         Oakleigh MBC – Action Plan    Page 2\n\
         | Ref | Acti… | Lead |  |\n\
         | 2.2 | Track exclusions | Virtual School Head | Jul-20 |\n",
    );
    let a: Vec<_> = plan.actions().collect();
    assert_eq!(a.len(), 3);
    assert_eq!(plan.objectives[0].title, "Education");
    assert_eq!(
        a[1].reference.as_ref().map(lineofsight::plan::Ref::as_str),
        Some("12")
    );
    assert_eq!(a[1].extra["cross_references"], "40, 112");
    assert!(warned(&report, 3, "Ref", "parent of the refs below"));
    assert!(warned(&report, 6, "Ref", "page header or footer"));
    assert!(warned(&report, 7, "Ref", "header is repeated"));
}

#[test]
fn milestones_take_their_section_heading_date() {
    let (plan, report) = import(
        "Ref\tMilestone\tLead\nMilestones to be delivered in Quarter Two 2020/21\t\t\nM1\tJoin the regional framework\tCommissioning Manager\n",
    );
    let a = plan.actions().next().unwrap();
    assert_eq!(a.timescale.due(), date(2020, 9, 30));
    assert!(warned(&report, 3, "-", "section heading"));
}

#[test]
fn refusals_list_the_headers_and_a_mapping_in_crlf_line_numbers() {
    let err = import_plan(
        b"Plan\r\nArea,Who does it,Budget\r\nx,y,z\r\n",
        &ImportOptions::default(),
    )
    .unwrap_err();
    let ImportError::NoHeader { reason, .. } = &err else {
        panic!("{err}");
    };
    assert!(reason.contains("row 2 has the header cells"), "{reason}");
    assert!(reason.contains("\"Who does it\" → lead"), "{reason}");
    assert!(reason.contains(r#"{"columns":{"#), "{reason}");

    let (_, report) = import("Title\r\nAction,RAG\r\n\"Two\r\nlines\",Green\r\nNext,Pink\r\n");
    assert!(
        warned(&report, 5, "RAG", "\"Pink\""),
        "{:?}",
        report.warnings
    );
}

#[test]
fn a_list_read_as_sub_activities_never_takes_the_plan_title() {
    let options = {
        let mut built = ImportOptions::default();
        built.list_cells = lineofsight::import::ListCells::SubActivities;
        built
    };
    let (plan, _) = import_plan(
        "Sufficiency plan\nAction,Lead\n\"• Buy a property\n• Register with Ofsted\",Head of Property\n"
            .as_bytes(),
        &options,
    )
    .unwrap();
    let a = plan.actions().next().unwrap();
    assert_eq!(plan.title, "Sufficiency plan");
    assert_eq!(a.text, "Buy a property");
    assert_eq!(a.sub_activities.len(), 1);
}
