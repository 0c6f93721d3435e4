"""Extract the published data the built-in Lancashire plan's measures need.

Reads the DfE's Local Authority Interactive Tool data (LAIT, bds_long_0.parquet
and its data dictionary) and the April 2021 statistical neighbour groupings
from ../shared/data, and writes core/data/lancashire-measures.json: four
indicators for every area LAIT publishes (all local authorities, the regions
and England, for every year it has), Lancashire's authority record with its
10 statistical neighbours, and which seed 004 measure each indicator feeds.

Only this extract ships in the project, never the whole files.
Needs pyarrow (a developer tool, not run by the tests):

    python -m pip install pyarrow
    python tools/data/build_lait_extract.py [../shared/data]
"""

import csv
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[2]
LICENCE = "Open Government Licence v3.0"
LAIT_SOURCE = ("Department for Education, Local Authority Interactive Tool (LAIT), "
               "dfe-analytical-services/local-authority-interactive-tool, 01_data/02_prod/bds_long_0.parquet, commit 2e30e395 (April 2026)")
SN_SOURCE = ("Department for Education, statistical neighbour groupings (April 2021), "
             "dfe-analytical-services/CSC_outcomes_and_enablers, data-raw/New_Statistical_Neighbour_Groupings_April_2021.csv, commit 2f5d11a4")

# LAIT indicator -> (data set id, unit, measure it feeds, note)
INDICATORS = {
    "LAC": ("lait-lac", {"unit": "rate", "per": 10000}, "cip-4.5-m1",
            "LAIT's children looked after at 31 March per 10,000 children."),
    "CareLeaverEET": ("lait-care-leavers-eet", {"unit": "percent"}, "cip-4.2-m1",
                      "The plan says CLA; DfE publishes education, employment or training for care leavers (aged 19 to 21), the nearest published measure."),
    "CareLeaverAcc": ("lait-care-leavers-accommodation", {"unit": "percent"}, "cip-4.2-m3",
                      "The plan says CLA; DfE publishes suitable accommodation for care leavers (aged 19 to 21), the nearest published measure."),
    "LACStable_2016on": ("lait-placement-stability", {"unit": "percent"}, "cip-4.5-m4",
                         "DfE counts children with 3 or more placements in the year; the plan says more than three."),
}
REGION_CODES = {
    "North East": "980", "North West": "981", "Yorkshire and The Humber": "982", "Yorkshire and the Humber": "982",
    "East Midlands": "983", "West Midlands": "984", "East of England": "985", "Inner London": "987",
    "Outer London": "988", "London": "986", "South East": "989", "South West": "990",
}


def value(text):
    text = (text or "").strip()
    try:
        v = float(text)
    except ValueError:
        return text if text else "-"
    v = round(v, 6)
    return int(v) if v == int(v) else v


def main():
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    table = pq.read_table(data / "lait" / "bds_long_0.parquet").to_pylist()
    with open(data / "lait" / "lait_data_dictionary.csv", encoding="utf-8-sig", newline="") as f:
        dictionary = {r["Measure_short"]: r for r in csv.DictReader(f)}
    datasets = []
    for code, (ds_id, unit, _, _) in INDICATORS.items():
        d = dictionary[code]
        areas = {}
        for r in table:
            if r["Short Desc"] != code:
                continue
            num = str(int(r["LA Number"]))
            n = int(num)
            level = "national" if n == 970 else "regional" if n >= 980 else "local_authority"
            area = areas.setdefault(num, {"code": num, "name": r["LA and Regions"], "level": level, "values": {}})
            if level == "local_authority" and r["Region"] in REGION_CODES:
                area["region"] = REGION_CODES[r["Region"]]
            area["values"][r["Years"]] = value(r["Values"])
        polarity = {"High": "higher_is_better", "Low": "lower_is_better"}.get(d["Polarity"].strip(), "none")
        datasets.append({
            "id": ds_id,
            "title": " ".join((d["Chart_title"] or d["Measure"]).split()),
            "indicator": code,
            "source": LAIT_SOURCE,
            "licence": LICENCE,
            "polarity": polarity,
            "unit": unit,
            "year_end": "march",
            "areas": sorted(areas.values(), key=lambda a: (a["level"] != "national", a["level"] != "regional", int(a["code"]))),
        })
    with open(data / "dfe" / "New_Statistical_Neighbour_Groupings_April_2021.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    lanc = next(r for r in rows if r[1] == "Lancashire")
    neighbours = [lanc[i] for i in range(5, 25, 2)]
    extract = {
        "authority": {"code": lanc[0], "name": "Lancashire", "region": "981", "neighbours": neighbours,
                      "neighbours_source": SN_SOURCE},
        "datasets": datasets,
        "links": {m: {"dataset": ds, "note": note} for (ds, _, m, note) in INDICATORS.values()},
    }
    out = ROOT / "core" / "data" / "lancashire-measures.json"
    out.write_text(json.dumps(extract, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(datasets)} data sets, {sum(len(d['areas']) for d in datasets)} area series")


if __name__ == "__main__":
    main()
