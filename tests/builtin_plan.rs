//! The built-in Lancashire plan is faithful to its sources.

use std::collections::BTreeMap;

use lineofsight::plan::{Action, LeadKind};
use lineofsight::{Plan, Rating};

fn plan() -> Plan {
    lineofsight::builtin("lancashire").expect("the built-in plan loads")
}

fn from(plan: &Plan, source: &str) -> Vec<Action> {
    plan.actions()
        .filter(|a| a.source.as_deref() == Some(source))
        .cloned()
        .collect()
}

#[test]
fn seed_002_has_all_102_rated_rows_as_recorded() {
    let plan = plan();
    let rows = from(&plan, "s002");
    assert_eq!(rows.len(), 102);
    let mut counts: BTreeMap<Rating, usize> = BTreeMap::new();
    for a in &rows {
        let r = a
            .recorded_rating
            .as_ref()
            .expect("every seed 002 row is rated")
            .rating;
        *counts.entry(r).or_default() += 1;
        assert!(a.reference.is_some(), "{} has its ref", a.id);
    }
    assert_eq!(counts.get(&Rating::Green), Some(&64));
    assert_eq!(counts.get(&Rating::Red), Some(&34));
    assert_eq!(counts.get(&Rating::Amber), Some(&4));
}

#[test]
fn seed_002_spot_checks() {
    let plan = plan();
    let rows = from(&plan, "s002");
    let by_ref = |objective: &str, r: &str| {
        rows.iter()
            .find(|a| {
                a.id.starts_with(&format!("cps-o{objective}-"))
                    && a.reference.as_ref().is_some_and(|x| x.as_str() == r)
            })
            .unwrap_or_else(|| panic!("objective {objective} ref {r}"))
    };
    assert_eq!(by_ref("1", "8c").timescale.raw(), "31/04/2019");
    assert_eq!(by_ref("1", "3a1").timescale.raw(), "Nov 18 – Nov 19");
    assert_eq!(by_ref("3", "6").timescale.raw(), "30/11/ 2019");
    assert_eq!(
        by_ref("3", "12a -b")
            .reference
            .as_ref()
            .expect("ref")
            .covers(),
        ["12a", "12b"]
    );
    assert_eq!(
        by_ref("2", "5a-c")
            .reference
            .as_ref()
            .expect("ref")
            .covers(),
        ["5a", "5b", "5c"]
    );
    assert_eq!(
        by_ref("5", "4")
            .recorded_rating
            .as_ref()
            .expect("rated")
            .rating,
        Rating::Amber
    );
    assert_eq!(
        by_ref("2", "3c").text,
        "Increase use of Family Group Conference: Early Help Prior to an Initial Child Protection Conference (ICPC) or as part of the Child Protection (CP) Plan. Prior to initiating pre-proceedings."
    );
    // Duplicates in the source stay duplicates: refs 1 and 2 of objective 1 share a text.
    assert_eq!(by_ref("1", "1").text, by_ref("1", "2").text);
}

#[test]
fn seed_000_objectives_and_actions() {
    let plan = plan();
    let cps: Vec<_> = plan
        .objectives
        .iter()
        .filter(|o| o.group.as_deref() == Some("cps"))
        .collect();
    assert_eq!(cps.len(), 9);
    assert_eq!(cps[0].motto.as_deref(), Some("Nothing about me without me"));
    assert!(cps[0]
        .aim
        .as_deref()
        .is_some_and(|a| a.starts_with("To ensure that children and young people are consulted")));
    assert!(
        cps.iter().all(|o| o.approach.is_some()),
        "every objective has seed 002's approach"
    );
    assert_eq!(cps[0].links.len(), 4);
    let rows = from(&plan, "s000");
    assert_eq!(rows.len(), 29);
    let achieved: Vec<_> = rows
        .iter()
        .filter(|a| a.timescale.raw() == "Achieved")
        .collect();
    assert_eq!(achieved.len(), 2);
    assert!(achieved.iter().all(|a| !a.state.is_open()));
    assert!(rows
        .iter()
        .any(|a| a.timescale.raw() == "Immediate and ongoing."));
    assert!(rows
        .iter()
        .any(|a| a.evidence.as_deref() == Some("PROUD event")));
}

#[test]
fn seed_003_priorities() {
    let plan = plan();
    let titles: Vec<&str> = plan.priorities.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Achieving Permanence",
            "Improving sufficiency to provide the right home at the right place",
            "Improving social, physical, emotional and mental health support and outcomes",
            "Improving education, employment and training opportunities and outcomes",
        ]
    );
    assert!(plan
        .priorities
        .iter()
        .all(|p| !p.objectives.is_empty() && p.note.is_some()));
}

#[test]
fn seed_001_outcomes_actions_and_leads() {
    let plan = plan();
    let outcomes: Vec<_> = plan
        .objectives
        .iter()
        .filter(|o| o.source.as_deref() == Some("s001"))
        .collect();
    assert_eq!(outcomes.len(), 25);
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| o.group.as_deref() == Some("claap-care-leavers"))
            .count(),
        2
    );
    let rows = from(&plan, "s001");
    assert_eq!(rows.len(), 28);
    // Re-joined across page breaks.
    assert!(outcomes.iter().any(|o| o.title
        == "Improved school attendance and attainment for children looked after and care leavers"));
    assert!(outcomes
        .iter()
        .any(|o| o.title == "Effective remand Management"));
    assert!(rows
        .iter()
        .any(|a| a.text == "LINX members are able to influence commissioning of provision"));
    assert!(rows.iter().any(|a| a.timescale.raw() == "September 2015"
        && a.text
            .starts_with("Strengthen the role of the Virtual School")));
    // "Children's Social Care" is one lead, used by many actions.
    let csc = plan
        .leads
        .iter()
        .filter(|l| l.name == "Children's Social Care")
        .count();
    assert_eq!(csc, 1);
    let uses = rows
        .iter()
        .filter(|a| a.leads.iter().any(|l| l == "childrens-social-care"))
        .count();
    assert!(uses >= 10, "{uses}");
}

#[test]
fn every_lead_is_used_and_kinds_are_kept() {
    let plan = plan();
    for lead in &plan.leads {
        assert!(
            plan.actions().any(|a| a.leads.contains(&lead.id)),
            "lead {} is never used",
            lead.id
        );
    }
    assert!(plan.leads.iter().any(|l| l.kind == LeadKind::Role));
    assert!(plan.leads.iter().any(|l| l.kind == LeadKind::Team));
    assert!(plan.leads.iter().any(|l| l.kind == LeadKind::Organisation));
}

#[test]
fn every_part_names_its_source() {
    let plan = plan();
    assert_eq!(plan.sources.len(), 5);
    assert!(plan.actions().all(|a| a.source.is_some()));
    assert!(plan.objectives.iter().all(|o| o.source.is_some()));
}

#[test]
fn seed_004_outcomes_activities_and_measures() {
    let plan = plan();
    let outcomes: Vec<_> = plan
        .objectives
        .iter()
        .filter(|o| o.source.as_deref() == Some("s004"))
        .collect();
    assert_eq!(outcomes.len(), 21);
    let refs: Vec<&str> = outcomes
        .iter()
        .filter_map(|o| o.reference.as_ref())
        .map(lineofsight::plan::Ref::as_str)
        .collect();
    assert_eq!(refs.first(), Some(&"1.1"));
    assert_eq!(refs.last(), Some(&"4.6"));
    assert_eq!(outcomes.iter().map(|o| o.measures.len()).sum::<usize>(), 63);
    for (group, n) in [
        ("cip-governance", 8),
        ("cip-prevention", 3),
        ("cip-purposeful-practice", 4),
        ("cip-permanence", 6),
    ] {
        assert_eq!(
            outcomes
                .iter()
                .filter(|o| o.group.as_deref() == Some(group))
                .count(),
            n,
            "{group}"
        );
    }
    let o = |r: &str| {
        outcomes
            .iter()
            .find(|o| o.reference.as_ref().is_some_and(|x| x.as_str() == r))
            .expect("outcome")
    };
    // Activities carry their own dates, paired in order with the When? cell.
    let a32 = &o("3.2").actions[0];
    assert_eq!(a32.sub_activities.len(), 9);
    assert_eq!(
        a32.sub_activities[4].timescale.raw(),
        "October 2017 ongoing"
    );
    assert_eq!(plan.lead_names(a32), ["Tracey Poole-Nandy"]);
    assert!(plan.names_people());
    // Where the dates do not line up with the activities, the cell is kept whole.
    let a16 = &o("1.6").actions[0];
    assert!(a16.sub_activities.iter().all(|s| s.timescale.is_empty()));
    assert_eq!(a16.timescale.raw(), "October 2017 November 2017");
    // Measures carried over a page break stay with their outcome.
    assert!(o("3.1")
        .measures
        .iter()
        .any(|m| m.text == "Less than 20% of audited CLA cases are inadequate"));
    assert!(o("4.5")
        .measures
        .iter()
        .any(|m| m.text == "There are less than 64 CLA per 10,000 of the population"));
    assert_eq!(o("4.2").title, "Children in our care and those leaving have access to a clear local offer that meets their needs");
    assert_eq!(
        plan.lead_names(&o("1.8").actions[0]),
        ["Director of Children's Services"]
    );
    assert_eq!(plan.lead_names(&o("2.3").actions[0]).len(), 2);
}
