#!/usr/bin/env python3
"""Builds core/data/lancashire.json, the built-in plan, from the public
Lancashire County Council documents in shared/seeds/.

Usage: python3 tools/seeds/build_lancashire.py [SEEDS_DIR] [OUT]

Deterministic: the same seeds give byte-identical output. Standard library only.
See README.md beside this file for what comes from where and every editorial
judgement.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def lead_id(name):
    """Mirrors lineofsight::plan::lead_id."""
    words = re.split(r"[^\w'’]+", name)
    out = []
    for w in words:
        w = "".join(c for c in w if c.isalnum()).lower()
        if w:
            out.append(w)
    return "-".join(out)


def clean(text):
    """Removes HTML tags and stray markup, normalises white space."""
    text = re.sub(r"<[^>]*>", " ", text)
    text = text.replace("br>", " ")
    text = re.sub(r"\s+", " ", text)
    return text.strip()


def unquote(text):
    text = text.strip()
    text = text.strip("‘’'\"").strip()
    if text.endswith("’.") or text.endswith("'."):
        text = text[:-2] + "."
    return text.strip("‘’'\" ").strip()


def seed(seeds, prefix):
    (path,) = sorted(seeds.glob(prefix + "_*.txt"))
    return path.read_text(encoding="utf-8")


class Leads:
    """The plan's leads, de-duplicated by name."""

    def __init__(self):
        self.by_id = {}

    def add(self, name, kind, role=None):
        name = re.sub(r"\s+", " ", name).strip()
        lid = lead_id(name)
        if lid not in self.by_id:
            lead = {"id": lid, "name": name, "kind": kind}
            if role:
                lead["role"] = role
            self.by_id[lid] = lead
        return lid

    def sorted(self):
        return [self.by_id[k] for k in sorted(self.by_id)]


# ---------------------------------------------------------------- seed 000

def parse_000(text):
    """The delivery plan: 9 objectives, each with Action / Evidence / Target date rows."""
    objectives = []
    parts = re.split(r"^\s*Objective (\d+)\s*$", text, flags=re.M)
    for num, body in zip(parts[1::2], parts[2::2]):
        head, _, table = body.partition("\tAction")
        head_lines = [l.strip() for l in head.strip().split("\n") if l.strip()]
        title = head_lines[0]
        quoted = " ".join(head_lines[1:])
        quotes = [unquote(q) for q in re.findall(r"‘(.*?)’\.?", quoted, flags=re.S)]
        aim = re.sub(r"\s+", " ", quotes[0]) if quotes else None
        motto = quotes[1] if len(quotes) > 1 else None
        table = table.split("\tImpact")[0]
        rows = []
        for block in re.split(r"\n *\n", table):
            cells = []
            for line in block.split("\n"):
                if line.startswith("\t"):
                    cells.append(line[1:])
                elif cells and line.strip():
                    cells[-1] += "\n" + line
            cells = [re.sub(r"\s+", " ", c).strip() for c in cells]
            if len(cells) != 3 or cells[0] in ("", "Evidence") or cells[0].startswith("Action"):
                continue
            rows.append(cells)
        objectives.append({"num": num, "title": title, "aim": aim, "motto": motto, "rows": rows})
    return objectives


# ---------------------------------------------------------------- seed 002

ROW = re.compile(r"^([^\t\s][^\t]*)\t(.*)\t(.*)\t(Green|Red|Amber)\s*$")


def parse_002(text):
    """The board's Summary of Open Actions: per objective its approach, then rated rows."""
    objectives = {}
    current = None
    pending_approach = False
    for line in text.split("\n"):
        m = re.match(r"^Objective (\d+)\s*[–-]", line)
        if m:
            current = objectives.setdefault(m.group(1), {"rows": [], "approach": None})
            pending_approach = False
            continue
        if line.startswith("How will we Achieve this:"):
            rest = clean(line[len("How will we Achieve this:"):])
            if rest:
                current["approach"] = unquote(rest)
            else:
                pending_approach = True
            continue
        if pending_approach and line.strip().startswith("- "):
            current["approach"] = unquote(clean(line.strip()[2:]))
            pending_approach = False
            continue
        m = ROW.match(line)
        if m and current is not None:
            ref, action, timescale, rag = (s.strip() for s in m.groups())
            current["rows"].append((ref, clean(action), re.sub(r"\s+", " ", timescale).strip(), rag))
    return objectives


def safe(ref):
    return re.sub(r"[^0-9A-Za-z.]+", "-", ref).strip("-")


# ---------------------------------------------------------------- seed 003

def parse_003(text):
    _, _, rest = text.partition("4 Corporate Parenting priorities:")
    priorities = []
    for line in rest.strip().split("\n"):
        line = line.strip()
        if line.startswith("- "):
            priorities.append(line[2:].strip())
        elif priorities:
            break
    obj1 = text.split("## OBJECTIVE 1")[1].split("## OBJECTIVE 2")[0]
    links = re.findall(r"\]\((https?://[^)]+)\)", obj1)
    return priorities, links


# Which delivery-plan objectives serve which priority. Seed 003 does not say;
# this is lineofsight's reading of the objectives' titles and aims.
PRIORITY_LINKS = {
    "Achieving Permanence": ["cps-o2", "cps-o5"],
    "Improving sufficiency to provide the right home at the right place": ["cps-o5", "cps-o3"],
    "Improving social, physical, emotional and mental health support and outcomes": ["cps-o6", "cps-o8"],
    "Improving education, employment and training opportunities and outcomes": ["cps-o4", "cps-o7"],
}


def build(seeds):
    leads = Leads()
    plan = {
        "schema_version": 1,
        "title": "Lancashire corporate parenting plans",
        "organisation": "Lancashire County Council",
        "period": "2014–2022",
        "sources": [
            {"id": "s000", "title": "Corporate Parenting Strategy delivery plan",
             "description": "Lancashire County Council's delivery plan for its corporate parenting strategy: 9 objectives, each with actions, evidence and target dates (2019)."},
            {"id": "s001", "title": "Children Looked After Strategic Action Plan 2014-17",
             "description": "Key outcomes, actions, leads and dates ('By when?'); the Progress and RAG columns are mostly empty."},
            {"id": "s002", "title": "Appendix A – Summary of Corporate Parenting Strategy Delivery Plan: Open Actions",
             "description": "A Corporate Parenting Board paper: per objective its aim and approach, then the open actions with ref, action, timescale and recorded RAG (102 rated rows)."},
            {"id": "s003", "title": "Corporate Parenting Strategy (4 priorities, 8 objectives)",
             "description": "The later strategy: 4 corporate parenting priorities and 8 objectives with aims and links."},
            {"id": "s004", "title": "Lancashire Children's Services Continuous Improvement Plan - September 2017",
             "description": "Workstreams of numbered outcomes, each with activities and their dates, who leads, and measures of success."},
        ],
        "priorities": [],
        "groups": [
            {"id": "cps", "title": "Corporate Parenting Strategy delivery plan", "source": "s000"},
        ],
        "objectives": [],
        "leads": [],
        "extra": {
            "provenance": "Built by tools/seeds/build_lancashire.py from public Lancashire County Council documents (text extracted from the published Word/PDF files).",
            "licence": "The plans are public documents of Lancashire County Council, reproduced for testing and demonstration.",
        },
    }

    o000 = parse_000(seed(seeds, "000"))
    o002 = parse_002(seed(seeds, "002"))
    priorities, links = parse_003(seed(seeds, "003"))

    for o in o000:
        num = o["num"]
        oid = f"cps-o{num}"
        obj = {"id": oid, "ref": num, "title": o["title"]}
        if o["aim"]:
            obj["aim"] = o["aim"]
        if o["motto"]:
            obj["motto"] = o["motto"]
        approach = o002.get(num, {}).get("approach")
        if approach:
            obj["approach"] = approach
        if num == "1":
            obj["links"] = links
        obj["group"] = "cps"
        obj["source"] = "s000"
        actions = []
        for i, (text, evidence, target) in enumerate(o["rows"], 1):
            a = {"id": f"{oid}-000-{i}", "text": text}
            if target:
                a["timescale"] = target
            if evidence:
                a["evidence"] = evidence
            if target.strip().rstrip(".").lower() == "achieved":
                a["state"] = "complete"
            a["source"] = "s000"
            actions.append(a)
        seen = {}
        for ref, text, timescale, rag in o002.get(num, {}).get("rows", []):
            base = f"{oid}-002-{safe(ref)}"
            seen[base] = seen.get(base, 0) + 1
            aid = base if seen[base] == 1 else f"{base}-{seen[base]}"
            a = {"id": aid, "ref": ref, "text": text}
            if timescale:
                a["timescale"] = timescale
            a["recorded_rating"] = {"rating": rag.lower(), "text": rag}
            a["source"] = "s002"
            actions.append(a)
        obj["actions"] = actions
        plan["objectives"].append(obj)

    for i, title in enumerate(priorities, 1):
        plan["priorities"].append({
            "id": f"p{i}", "title": title, "objectives": PRIORITY_LINKS[title], "source": "s003",
            "note": "Links to objectives are lineofsight's editorial mapping; the strategy does not state them.",
        })

    add_001(plan, leads, seed(seeds, "001"))
    add_004(plan, leads, seed(seeds, "004"))
    plan["leads"] = leads.sorted()
    return plan


# Seed 001's lead cells run names together with no delimiter
# ("Start Well Commissioning Public Health"). Each known spelling maps to the
# lead's name and kind; a cell is read by taking the longest known spelling at
# each point. A cell with text no spelling matches stops the build.
LEADS_001 = {
    "Children's Social Care SMT": ("Children's Social Care SMT", "team"),
    "Children's Social Care": ("Children's Social Care", "team"),
    # The cell reads "Children's Social LINX": the word "Care" is lost in the source.
    "Children's Social": ("Children's Social Care", "team"),
    "Senior Manager Lancaster/ Wyre/ Fylde": ("Senior Manager Lancaster/Wyre/Fylde", "role"),
    "Senior Manager Preston/ Chorley/ South Ribble": ("Senior Manager Preston/Chorley/South Ribble", "role"),
    "Legal Services": ("Legal Services", "team"),
    "Finance": ("Finance", "team"),
    "Start Well Commissioning Services": ("Start Well Commissioning", "team"),
    "Start Well Commissioning": ("Start Well Commissioning", "team"),
    "Commissioning- Start Well": ("Start Well Commissioning", "team"),
    "LINX": ("LINX (Children in Care Council)", "organisation"),
    "Fostering Service": ("Fostering Service", "team"),
    "Fostering": ("Fostering Service", "team"),
    "Adoption": ("Adoption Service", "team"),
    "Residential Services": ("Residential Services", "team"),
    "Residential Homes": ("Residential Homes", "team"),
    "Strategic Lead for Participation": ("Strategic Lead for Participation", "role"),
    "Inclusion and Disability Support Services": ("Inclusion and Disability Support Services", "team"),
    "Virtual School Head": ("Virtual School Head", "role"),
    "Virtual Headteacher": ("Virtual School Head", "role"),
    "Virtual School": ("Virtual School", "team"),
    "Independent Reviewing Officers": ("Independent Reviewing Officers", "team"),
    "Governor Services": ("Governor Services", "team"),
    "Wellbeing/ Prevention and Early Help": ("Wellbeing, Prevention and Early Help", "team"),
    "Public Health- CLA Nurses": ("Public Health – CLA Nurses", "team"),
    "Public Health": ("Public Health", "team"),
    "Health and Wellbeing Boards-": ("Health and Wellbeing Boards", "organisation"),
    "Health Equity, Welfare and Partnerships": ("Health Equity, Welfare and Partnerships", "team"),
    "Young People's Service": ("Young People's Service", "team"),
    "Children's Partnership Boards": ("Children's Partnership Boards", "organisation"),
    "District Councils": ("District Councils", "organisation"),
    "Young Inspectors": ("Young Inspectors", "team"),
    "Power (Participation group for children and young people with Special Educational Needs and Disabilities- SEND)":
        ("POWAR (participation group for children and young people with SEND)", "organisation"),
    "Employment Support Team": ("Employment Support Team", "team"),
    "Personal Advisors": ("Personal Advisors", "team"),
    "Performance, Development and Review Officers": ("Performance, Development and Review Officers", "team"),
    "Audit Team": ("Audit Team", "team"),
    "Head of Youth Offending Service": ("Head of Youth Offending Service", "role"),
    "Head of Children's Social Care": ("Head of Children's Social Care", "role"),
    "Strategy Development Officer": ("Strategy Development Officer", "role"),
    "District Housing Teams": ("District Housing Teams", "team"),
    "Housing Providers": ("Housing Providers", "organisation"),
    "Lancashire County Council": ("Lancashire County Council", "organisation"),
    "Preston City Council": ("Preston City Council", "organisation"),
    "Community Gateway Housing Association": ("Community Gateway Housing Association", "organisation"),
}

# The first rows after a repeated page header that continue the row before
# the page break (matched on the start of the Key Outcome or Action cell).
CONTINUATIONS_001 = ("provision", "attendance and attainment", "available services", "complex needs",
                     "plans", "apprenticeship scheme", "Management")

def split_leads(cell, spellings):
    text = re.sub(r"\s+", " ", cell.replace("•", " ").replace(";", " ")).strip()
    names = []
    while text:
        text = text.lstrip(" /")
        if not text:
            break
        match = max((k for k in spellings if text.startswith(k)), key=len, default=None)
        if match is None:
            raise SystemExit(f"unknown lead text {text!r} in cell {cell!r}: add it to the spellings table")
        names.append(spellings[match])
        text = text[len(match):]
    return names


def add_001(plan, leads, text):
    """Seed 001: key outcomes become objectives; each row an action."""
    plan["groups"].append({"id": "claap", "title": "Children Looked After Strategic Action Plan 2014-17", "source": "s001"})
    rows = []
    after_header = False
    for line in text.split("\n"):
        cells = (line.split("\t") + [""] * 6)[:6]
        if cells[0] == "Key Outcome":
            after_header = True
            continue
        if not line.strip() or "\t" not in line:
            continue
        ko, action, lead, when, progress, rag = (c.strip() for c in cells)
        if ko == "Care Leavers" and not any((action, lead, when)):
            rows.append({"section": "Care Leavers"})
            continue
        first = ko or action
        if after_header and rows and first.startswith(CONTINUATIONS_001):
            prev = rows[-1]
            for key, value in (("ko", ko), ("action", action), ("lead", lead), ("when", when), ("progress", progress)):
                if value:
                    prev[key] = (prev[key] + " " + value).strip()
        else:
            rows.append({"ko": ko, "action": action, "lead": lead, "when": when, "progress": progress, "rag": rag})
        after_header = False

    group = "claap"
    objective = None
    k = 0
    for row in rows:
        if "section" in row:
            plan["groups"].append({"id": "claap-care-leavers", "title": "Care Leavers", "parent": "claap", "source": "s001"})
            group = "claap-care-leavers"
            continue
        if row["ko"]:
            k += 1
            objective = {"id": f"claap-k{k}", "title": re.sub(r"\s+", " ", row["ko"]), "group": group,
                         "source": "s001", "actions": []}
            plan["objectives"].append(objective)
        # The extracted text has lost the cell's bullet marks, so the action
        # is kept as one text, as written.
        n = len(objective["actions"]) + 1
        a = {"id": f"{objective['id']}-a{n}", "text": re.sub(r"\s+", " ", row["action"]).strip()}
        ids = []
        for name, kind in split_leads(row["lead"], LEADS_001):
            lid = leads.add(name, kind)
            if lid not in ids:
                ids.append(lid)
        if ids:
            a["leads"] = ids
        when = re.sub(r"\s+", " ", row["when"]).strip()
        if when:
            a["timescale"] = when
        a["source"] = "s001"
        progress = re.sub(r"\s+", " ", row["progress"]).strip()
        if progress and progress != "_":
            a["extra"] = {"progress": progress}
        objective["actions"].append(a)


# Seed 004: outcome numbers' first digit names the workstream they sit under.
WORKSTREAMS_004 = {
    "1": ("cip-governance", "Governance"),
    "2": ("cip-prevention", "Prevention and Demand Management"),
    "3": ("cip-purposeful-practice", "Purposeful Practice"),
    "4": ("cip-permanence", "Permanence and Corporate Parenting"),
}

# Margin notes that the text extraction ran into outcome titles.
MARGIN_NOTES_004 = {
    "4.2": ("Children in our care and those leaving have access to a clear local offer that meets their needs",
            "Needs to have housing and employment offer; Needs WPEH offer"),
}

# Text at the top of a continued cell that finishes the activity before the
# page break although it starts with a capital.
CONTINUED_ITEMS_004 = {"SMT on the effectiveness of CiN/Early Help pathways"}

# Named people among seed 004's leads (everyone else is a post).
PEOPLE_004 = {"Tracey Poole-Nandy"}

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
WHEN_004 = re.compile(rf"(?:(?:{MONTHS})\s+\d{{4}}(?:\s+(?:and\s+)?ongoing)?|Ongoing|Quarterly)")


def html_items(fragment):
    """Splits a cell into (lead-in text, [list items]); nested lists are flattened."""
    fragment = fragment.replace("▪", " ")
    first = re.search(r"<ul|<ol|<li", fragment)
    lead_in = clean(fragment[: first.start()]) if first else clean(fragment)
    items = [clean(i) for i in re.findall(r"<li>(.*?)(?=<li>|</li>|<ol|<ul)", fragment, flags=re.S)] if first else []
    # Text between lists (an inner heading such as "Elements to include in the
    # strategy:") is not an activity and is left out.
    return lead_in, [i for i in items if i]


def add_004(plan, leads, text):
    """Seed 004: workstreams of outcomes; each outcome one action whose
    sub-activities carry their own dates; measures of success per outcome."""
    plan["groups"].append({"id": "cip", "title": "Continuous Improvement Plan 2017", "source": "s004"})
    for gid, title in WORKSTREAMS_004.values():
        plan["groups"].append({"id": gid, "title": title, "parent": "cip", "source": "s004"})
    body = text.split("## Programme Plan", 1)[1]
    outcomes = []
    current = None
    measures_open = False
    for line in body.split("\n"):
        cells = line.split("\t")
        stripped = line.strip()
        if re.match(r"^\d\.\d$", cells[0].strip()) and len(cells) >= 4:
            ref = cells[0].strip()
            current = {"ref": ref, "title": cells[1], "rows": [], "measures": []}
            outcomes.append(current)
            current["rows"].append((cells[2], cells[3], cells[4] if len(cells) > 4 else ""))
            measures_open = False
            continue
        if current is None:
            continue
        if "Measures of success" in line:
            items = [clean(i) for i in re.findall(r"<li>(.*?)</li>", line.replace("▪", " "), flags=re.S)]
            current["measures"].extend(i for i in items if i)
            measures_open = not items
            continue
        if stripped.startswith("<ul") and "\t" in line and cells[0].strip():
            # A measures list carried over a page break.
            current["measures"].extend(clean(i) for i in re.findall(r"<li>(.*?)</li>", line.replace("▪", " ")))
            continue
        if measures_open and stripped.startswith("- "):
            current["measures"].append(clean(stripped[2:]))
            continue
        if len(cells) >= 4 and cells[0].strip() == "" and (cells[1].strip() or cells[2].strip()):
            current["title"] += " " + cells[1]
            current["rows"].append((cells[2], cells[3], cells[4] if len(cells) > 4 else ""))
            measures_open = False

    for o in outcomes:
        ref = o["ref"]
        gid, _ = WORKSTREAMS_004[ref[0]]
        oid = f"cip-{ref}"
        title = clean(o["title"])
        obj = {"id": oid, "ref": ref, "title": title, "group": gid, "source": "s004"}
        if ref in MARGIN_NOTES_004:
            obj["title"], notes = MARGIN_NOTES_004[ref]
            obj["extra"] = {"notes": notes}
        lead_in = ""
        items = []
        whens = []
        whos = []
        for i, (activity, when, who) in enumerate(o["rows"]):
            head, found = html_items(activity)
            if i == 0:
                lead_in = head
            elif head:
                head = re.sub(r"^\d+\.\s*", "", head)
                if (head[:1].islower() or head in CONTINUED_ITEMS_004) and items:
                    items[-1] += " " + head
                else:
                    items.append(head)
            for item in found:
                if item[:1].islower() and items and i > 0 and not found.index(item):
                    items[-1] += " " + item
                else:
                    items.append(item)
            whens.append(clean(when))
            whos.append(who)
        when_text = re.sub(r"\s+", " ", " ".join(w for w in whens if w)).strip()
        dates = WHEN_004.findall(when_text)
        action = {"id": f"{oid}-a", "ref": ref,
                  "text": lead_in.rstrip() if lead_in else f"Activities for outcome {ref}: {obj['title']}"}
        if len(dates) == len(items):
            action["sub_activities"] = [{"text": t, "timescale": d} for t, d in zip(items, dates)]
        else:
            action["sub_activities"] = [{"text": t} for t in items]
            action["timescale"] = when_text
            action["extra"] = {"timescale_note": f"The When? cell has {len(dates)} dates for {len(items)} activities, so they are kept together as the action's timescale."}
        names = []
        for who in whos:
            parts = re.findall(r"<p>(.*?)</p>", who)
            if parts:
                names.extend(clean(p) for p in parts)
            elif clean(who):
                if names and not re.findall(r"<p>", " ".join(whos)):
                    names[-1] = names[-1] + " " + clean(who)
                else:
                    names.append(clean(who))
        ids = []
        for name in names:
            lid = leads.add(name, "person" if name in PEOPLE_004 else "role")
            if lid not in ids:
                ids.append(lid)
        action["leads"] = ids
        action["source"] = "s004"
        obj["actions"] = [action]
        obj["measures"] = [{"id": f"{oid}-m{k}", "text": m, "source": "s004"} for k, m in enumerate(o["measures"], 1)]
        plan["objectives"].append(obj)


def add_measure_data(plan):
    """Published data for the measures DfE publishes: the extract written by
    tools/data/build_lait_extract.py (authority, data sets, measure links)."""
    extract = json.loads((ROOT / "core" / "data" / "lancashire-measures.json").read_text(encoding="utf-8"))
    plan["authority"] = extract["authority"]
    plan["datasets"] = extract["datasets"]
    links = extract["links"]
    for o in plan["objectives"]:
        for m in o.get("measures", []):
            if m["id"] in links:
                m["data"] = links[m["id"]]
    missing = set(links) - {m["id"] for o in plan["objectives"] for m in o.get("measures", [])}
    assert not missing, f"measures not in the plan: {missing}"


# The separate plans in the combined set: each is a plan of its own, with its
# own period. Their dates are lineofsight's reading of the documents (see
# tools/seeds/README.md, "The separate plans"); the combined `lancashire`
# plan has no dates of its own.
PLANS = [
    {
        "name": "lancashire-cla-2014-17",
        "title": "Children Looked After Strategic Action Plan 2014-17",
        "period": "2014–17",
        "dates": {"start": "2014-04-01", "end": "2017-03-31"},
        "sources": ["s001"],
    },
    {
        "name": "lancashire-cip-2017",
        "title": "Lancashire Children's Services Continuous Improvement Plan - September 2017",
        "period": "September 2017 – March 2019",
        "published": "2017-09-01",
        "dates": {"start": "2017-09-01", "end": "2019-03-31"},
        "sources": ["s004"],
    },
    {
        "name": "lancashire-cps-2018-20",
        "title": "Corporate Parenting Strategy delivery plan",
        "period": "November 2018 – September 2020",
        "dates": {"start": "2018-11-01", "end": "2020-09-30"},
        "sources": ["s000", "s002", "s003"],
    },
]


def used_ids(value, key):
    """Every id listed under `key` anywhere in `value` (e.g. an objective's
    actions' and sub-activities' leads)."""
    found = set()
    if isinstance(value, dict):
        for k, v in value.items():
            if k == key and isinstance(v, list):
                found.update(v)
            else:
                found |= used_ids(v, key)
    elif isinstance(value, list):
        for v in value:
            found |= used_ids(v, key)
    return found


def split(plan, spec):
    """One plan of the combined set: the objectives, groups, priorities and
    leads that came from its sources, in the combined plan's order; the
    measures data only where its measures use it."""
    sources = set(spec["sources"])
    objectives = [o for o in plan["objectives"] if o["source"] in sources]
    leads = used_ids(objectives, "leads")
    out = {"schema_version": plan["schema_version"], "title": spec["title"],
           "organisation": plan["organisation"], "period": spec["period"], "dates": spec["dates"]}
    if "published" in spec:
        out["published"] = spec["published"]
    out["sources"] = [s for s in plan["sources"] if s["id"] in sources]
    priorities = [p for p in plan["priorities"] if p["source"] in sources]
    if priorities:
        out["priorities"] = priorities
    out["groups"] = [g for g in plan["groups"] if g["source"] in sources]
    out["objectives"] = objectives
    out["leads"] = [l for l in plan["leads"] if l["id"] in leads]
    if any("data" in m for o in objectives for m in o.get("measures", [])):
        out["authority"] = plan["authority"]
        out["datasets"] = plan["datasets"]
    out["extra"] = dict(plan["extra"], part_of="lancashire (the combined set of Lancashire's plans)")
    return out


def write(plan, out):
    # Each data set area on one line keeps the file readable and small.
    plan = json.loads(json.dumps(plan))
    compact = {}
    for d in plan.get("datasets", []):
        for i, area in enumerate(d["areas"]):
            key = f"@@area-{len(compact)}@@"
            compact[key] = json.dumps(area, ensure_ascii=False, separators=(", ", ": "))
            d["areas"][i] = key
    text = json.dumps(plan, indent=2, ensure_ascii=False)
    for key, area in compact.items():
        text = text.replace(f'"{key}"', area)
    out.write_text(text + "\n", encoding="utf-8")
    n = sum(len(o["actions"]) for o in plan["objectives"])
    print(f"wrote {out}: {len(plan['objectives'])} objectives, {n} actions, {len(plan['leads'])} leads")


def main():
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "seeds"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "core" / "data" / "lancashire.json"
    plan = build(seeds)
    add_measure_data(plan)
    write(plan, out)
    # The separate plans go next to the combined one.
    for spec in PLANS:
        write(split(plan, spec), out.with_name(spec["name"] + ".json"))
    covered = [o["id"] for spec in PLANS for o in split(plan, spec)["objectives"]]
    assert sorted(covered) == sorted(o["id"] for o in plan["objectives"]), "the plans do not cover the set"


if __name__ == "__main__":
    main()
