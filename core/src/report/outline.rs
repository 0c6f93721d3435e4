//! The plan as written, without its actions: what the workbook carries
//! besides the action rows, so that re-importing it gives the whole plan
//! back (objectives without actions, aims and links, measures, leads with
//! their ids and kinds, groups, sources and the plan's own settings).

use std::collections::HashSet;

use crate::plan::{Objective, Plan};

/// `plan` without its actions. Struct literals without `..`, so a field
/// added to [`Plan`] or [`Objective`] fails to compile here until the
/// outline (and so the workbook) says what becomes of it.
pub(crate) fn outline(plan: &Plan) -> Plan {
    let Plan {
        schema_version,
        title,
        organisation,
        period,
        dates,
        version,
        published,
        reported_on,
        sources,
        priorities,
        groups,
        objectives,
        leads,
        authority,
        datasets,
        rules,
        style,
        rating_key,
        extra,
    } = plan;
    Plan {
        schema_version: *schema_version,
        title: title.clone(),
        organisation: organisation.clone(),
        period: period.clone(),
        dates: *dates,
        version: version.clone(),
        published: *published,
        reported_on: *reported_on,
        sources: sources.clone(),
        priorities: priorities.clone(),
        groups: groups.clone(),
        objectives: objectives.iter().map(without_actions).collect(),
        leads: leads.clone(),
        authority: authority.clone(),
        datasets: datasets.clone(),
        rules: rules.clone(),
        style: style.clone(),
        rating_key: rating_key.clone(),
        extra: extra.clone(),
    }
}

fn without_actions(o: &Objective) -> Objective {
    let Objective {
        id,
        reference,
        title,
        aim,
        motto,
        approach,
        impact,
        links,
        group,
        source,
        actions: _,
        measures,
        extra,
    } = o;
    Objective {
        id: id.clone(),
        reference: reference.clone(),
        title: title.clone(),
        aim: aim.clone(),
        motto: motto.clone(),
        approach: approach.clone(),
        impact: impact.clone(),
        links: links.clone(),
        group: group.clone(),
        source: source.clone(),
        actions: Vec::new(),
        measures: measures.clone(),
        extra: extra.clone(),
    }
}

/// The outline of one lead's list: the objectives the list keeps, without
/// measures (a lead's list has none), and the lead it is for.
pub(crate) fn for_lead(outline: &Plan, objectives: &HashSet<&str>, lead: &str) -> Plan {
    let mut mine = outline.clone();
    mine.objectives
        .retain(|o| objectives.contains(o.id.as_str()));
    for o in &mut mine.objectives {
        o.measures.clear();
    }
    mine.leads.retain(|l| l.name == lead);
    mine
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outline_is_the_plan_without_its_actions() {
        let plan = crate::builtin("lancashire").expect("built-in plan");
        let o = outline(&plan);
        assert_eq!(o.actions().count(), 0);
        let mut stripped = plan.clone();
        for o in &mut stripped.objectives {
            o.actions.clear();
        }
        assert_eq!(o, stripped);
    }
}
