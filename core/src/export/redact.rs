//! Publish-safe plans: named people among the leads replaced by their role.

use crate::plan::{LeadKind, Plan};

/// What a named person is called in a published report when the plan does
/// not give their role.
///
/// # Example
///
/// ```
/// assert_eq!(lineofsight::export::NAMED_OFFICER, "Named officer");
/// ```
pub const NAMED_OFFICER: &str = "Named officer";

/// A copy of the plan that is safe to publish: every lead that is a named
/// person ([`LeadKind::Person`]) is replaced by their role, or by
/// [`NAMED_OFFICER`] where no role is given, and becomes a
/// [`LeadKind::Role`]. Their id (which spells the name) is replaced too, and
/// the name is replaced wherever it appears word for word in the plan's
/// text: its title, sources, priorities and groups, objectives, actions,
/// sub-activities, evidence, progress notes and who recorded them,
/// recorded rating notes, measures, and every extra field. Nothing else
/// changes, so the ratings are the same.
///
/// Names written in free text that are not listed as leads cannot be
/// found; check the text before publishing.
///
/// # Example
///
/// ```
/// use lineofsight::export::{redact_people, NAMED_OFFICER};
/// use lineofsight::plan::{Action, Lead, LeadKind, Objective, Plan};
///
/// let mut plan = Plan::new("Plan", "Council");
/// let mut jo = Lead::new("jo-bloggs", "Jo Bloggs", LeadKind::Person);
/// jo.role = Some("Virtual School Head".into());
/// plan.leads.push(jo);
/// plan.leads.push(Lead::new("sam-smith", "Sam Smith", LeadKind::Person));
/// let mut o = Objective::new("o1", "Education");
/// let mut a = Action::new("a1", "Jo Bloggs to agree the model with Sam Smith.", "Dec-19");
/// a.leads = vec!["jo-bloggs".into(), "sam-smith".into()];
/// o.actions.push(a);
/// plan.objectives.push(o);
///
/// let public = redact_people(&plan);
/// assert!(!public.names_people());
/// let a = &public.objectives[0].actions[0];
/// assert_eq!(public.lead_names(a), ["Virtual School Head", NAMED_OFFICER]);
/// assert_eq!(a.text, "Virtual School Head to agree the model with Named officer.");
/// assert!(!public.to_json().contains("Bloggs"));
/// ```
pub fn redact_people(plan: &Plan) -> Plan {
    let mut out = plan.clone();
    // (old id, new id, name, replacement)
    let mut replaced: Vec<(String, String, String, String)> = Vec::new();
    let mut n = 0;
    for lead in out.leads.iter_mut().filter(|l| l.kind == LeadKind::Person) {
        n += 1;
        let label = lead
            .role
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .unwrap_or(NAMED_OFFICER)
            .to_string();
        let new_id = format!("redacted-lead-{n}");
        replaced.push((
            lead.id.clone(),
            new_id.clone(),
            lead.name.clone(),
            label.clone(),
        ));
        lead.id = new_id;
        lead.name = label;
        lead.kind = LeadKind::Role;
        lead.role = None;
    }
    if replaced.is_empty() {
        return out;
    }
    // Every name found in one pass over each text (leftmost, longest
    // first, so `Jo Bloggs-Smith` goes before `Jo Bloggs`); a replacement
    // is never searched again.
    let (names, labels): (Vec<&str>, Vec<&str>) = replaced
        .iter()
        .filter(|(_, _, name, _)| !name.trim().is_empty())
        .map(|(_, _, name, label)| (name.as_str(), label.as_str()))
        .unzip();
    let finder = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&names)
        .ok();
    let scrub = |text: &mut String| match &finder {
        Some(f) => {
            if f.is_match(text.as_str()) {
                *text = f.replace_all(text, &labels);
            }
        }
        // The automaton is too large to build (it never is for real
        // plans): name by name, so no name is left in.
        None => {
            for (name, label) in names.iter().zip(&labels) {
                if text.contains(name) {
                    *text = text.replace(name, label);
                }
            }
        }
    };
    let scrub_opt = |text: &mut Option<String>| {
        if let Some(t) = text {
            scrub(t);
        }
    };
    let new_ids: std::collections::HashMap<&str, &str> = replaced
        .iter()
        .map(|(old, new, ..)| (old.as_str(), new.as_str()))
        .collect();
    let scrub_extra = |extra: &mut std::collections::BTreeMap<String, String>| {
        for v in extra.values_mut() {
            scrub(v);
        }
    };
    scrub(&mut out.title);
    scrub_extra(&mut out.extra);
    for s in &mut out.sources {
        scrub(&mut s.title);
        scrub_opt(&mut s.description);
    }
    for p in &mut out.priorities {
        scrub(&mut p.title);
        scrub_opt(&mut p.note);
    }
    for g in &mut out.groups {
        scrub(&mut g.title);
    }
    for o in &mut out.objectives {
        scrub(&mut o.title);
        scrub_opt(&mut o.aim);
        scrub_opt(&mut o.motto);
        scrub_opt(&mut o.approach);
        scrub_opt(&mut o.impact);
        scrub_extra(&mut o.extra);
        for m in &mut o.measures {
            scrub(&mut m.text);
            scrub_extra(&mut m.extra);
        }
        for a in &mut o.actions {
            scrub(&mut a.text);
            scrub_opt(&mut a.evidence);
            scrub_extra(&mut a.extra);
            for s in &mut a.sub_activities {
                scrub(&mut s.text);
            }
            for p in &mut a.progress {
                scrub(&mut p.note);
                scrub_opt(&mut p.by);
            }
            if let Some(r) = &mut a.recorded_rating {
                scrub_opt(&mut r.text);
            }
            for id in &mut a.leads {
                if let Some(new_id) = new_ids.get(id.as_str()) {
                    *id = (*new_id).to_string();
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_plan_names_nobody_once_redacted() {
        let plan = crate::builtin("lancashire").expect("built-in plan");
        assert!(plan.names_people(), "seed 001 lists a named person");
        let names: Vec<String> = plan
            .leads
            .iter()
            .filter(|l| l.kind == LeadKind::Person)
            .map(|l| l.name.clone())
            .collect();
        let public = redact_people(&plan);
        assert!(!public.names_people());
        let json = public.to_json();
        for name in &names {
            assert!(!json.contains(name.as_str()), "{name} is still in the plan");
        }
        // Every action keeps the same number of leads, and each resolves.
        for (a, b) in plan.actions().zip(public.actions()) {
            assert_eq!(a.leads.len(), b.leads.len());
            for id in &b.leads {
                assert!(
                    public.lead(id).is_some() || plan.lead(id).is_none(),
                    "lead {id} lost"
                );
            }
        }
    }

    #[test]
    fn names_go_from_who_recorded_an_update_and_from_extra_fields() {
        use crate::plan::{Action, Lead, Objective, ProgressUpdate};
        let mut plan = Plan::new("Plan", "Council");
        plan.leads
            .push(Lead::new("jo", "Jo Bloggs", LeadKind::Person));
        plan.extra.insert("Owner".into(), "Jo Bloggs".into());
        let mut o = Objective::new("o1", "Objective");
        o.extra.insert("Lead officer".into(), "Jo Bloggs".into());
        let mut a = Action::new("a1", "Act", "Dec-19");
        a.progress.push(ProgressUpdate {
            by: Some("Jo Bloggs".into()),
            ..ProgressUpdate::undated("Done")
        });
        a.extra.insert("Contact".into(), "Ask Jo Bloggs".into());
        o.actions.push(a);
        plan.objectives.push(o);
        let json = redact_people(&plan).to_json();
        assert!(!json.contains("Bloggs"), "{json}");
    }

    #[test]
    fn plan_without_people_is_unchanged() {
        let plan = Plan::new("Plan", "Council");
        assert_eq!(redact_people(&plan), plan);
    }
}
