"""Rate every council's actions in PySpark with lineofsight.rate_actions.

One Spark DataFrame holds every council's actions, one row each, with the
columns rate_actions reads (timescale, state, start, last_update,
percent_complete, recorded) and the action's sub-activities as a list of
structs. `mapInArrow` hands each Arrow record batch to lineofsight's Rust
core, which rates the whole batch at once (no Python object per row); the
sub-activities of the batch are flattened into the second table
rate_actions takes.

Then the same for measures: synthetic LAIT-style observations, banded A-D
(quartiles) per indicator and year with lineofsight.quartile_bands inside
groupBy(...).applyInArrow, checked against one quartile_bands call over the
whole table.

The councils are the built-in plans and --synthetic more made from them
(each a built-in plan whose open actions take another action's timescale,
so the ratings differ). The answer is checked against the object API
(Plan.evaluate(...).actions) on the same plans: every council, every action,
its rating, reason code and due date. Any difference, or an action missing
or extra, exits 1.

    python examples/spark/rate_councils.py [--synthetic N] [--as-of 2019-12-31]

scripts/spark-example.sh installs pyspark into .venv/ and runs this;
README.md beside this file says how to run it on a cluster.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import time
import warnings
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

import lineofsight

OUT_SCHEMA = "council string, action_id string, rating string, reason_code string, due date"


def _date(v: Any) -> datetime.date | None:
    return None if v is None else datetime.date.fromisoformat(str(v)[:10])


def _latest(progress: list[dict[str, Any]], as_of: datetime.date, need: str | None = None) -> dict[str, Any] | None:
    """The last of the latest dated updates on or before as_of (with a
    `need` field, when given): what the plan's actions table holds as
    "latest update" and "recorded as of the date"."""
    best = None
    for u in progress:
        d = _date(u.get("date"))
        if d is None or d > as_of or (need and u.get(need) is None):
            continue
        if best is None or d >= _date(best["date"]):  # type: ignore[operator]
            best = u
    return best


def councils(synthetic: int) -> dict[str, str]:
    """Each council's plan JSON, by council name."""
    plans = {name: lineofsight.Plan.builtin(name).to_json() for name in lineofsight.builtin_plans()}
    names = list(plans)
    for k in range(synthetic):
        base = json.loads(plans[names[k % len(names)]])
        actions = [a for o in base["objectives"] for a in o.get("actions", [])]
        # Open actions without a dated history take another's timescale.
        movable = [a for a in actions if not a.get("history")]
        scales = [a.get("timescale", "") for a in movable]
        for i, a in enumerate(movable):
            a["timescale"] = scales[(i + k + 1) % len(scales)]
        base["organisation"] = f"Synthetic council {k + 1}"
        plans[f"synthetic-{k + 1}"] = json.dumps(base)
    return plans


def action_rows(plans: dict[str, str], as_of: datetime.date) -> pa.Table:
    """Every council's actions as one Arrow table: the columns rate_actions
    reads, the council and action id, and the sub-activities as a list."""
    cols: dict[str, list[Any]] = {k: [] for k in (
        "council", "action_id", "timescale", "state", "start", "last_update",
        "percent_complete", "recorded", "sub_activities")}
    for council, text in plans.items():
        for o in json.loads(text)["objectives"]:
            for a in o.get("actions", []):
                progress = a.get("progress", [])
                latest = _latest(progress, as_of)
                rated = _latest(progress, as_of, "rating")
                cols["council"].append(council)
                cols["action_id"].append(a["id"])
                cols["timescale"].append(a.get("timescale", ""))
                cols["state"].append(a.get("state"))
                cols["start"].append(_date(a.get("start")))
                cols["last_update"].append(_date(latest["date"]) if latest else None)
                cols["percent_complete"].append(latest.get("percent_complete") if latest else None)
                cols["recorded"].append(
                    rated["rating"] if rated else (a.get("recorded_rating") or {}).get("rating"))
                cols["sub_activities"].append([
                    {"timescale": s.get("timescale", ""), "state": s.get("state"), "text": s.get("text", "")}
                    for s in a.get("sub_activities", [])])
    sub = pa.struct([("timescale", pa.string()), ("state", pa.string()), ("text", pa.string())])
    types = {"start": pa.date32(), "last_update": pa.date32(), "percent_complete": pa.float64(),
             "sub_activities": pa.list_(sub)}
    return pa.table({k: pa.array(v, types.get(k, pa.string())) for k, v in cols.items()})


def rate_batches(as_of: datetime.date) -> Any:
    """The function mapInArrow runs on each executor: every batch rated by
    lineofsight.rate_actions, its sub-activities flattened beside it."""

    def rate(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import pyarrow as pa
        import pyarrow.compute as pc

        import lineofsight

        for batch in batches:
            table = pa.Table.from_batches([batch])
            lists = table.column("sub_activities").combine_chunks()
            flat = pc.list_flatten(lists)
            subs = pa.table({
                "action": pc.list_parent_indices(lists).cast(pa.int64()),
                "timescale": flat.field("timescale"),
                "state": flat.field("state"),
                "text": flat.field("text"),
            })
            out = lineofsight.rate_actions(table.drop_columns(["sub_activities"]), as_of, sub_activities=subs)
            yield pa.RecordBatch.from_arrays(
                [
                    batch.column("council"),
                    batch.column("action_id"),
                    out.column("rating").combine_chunks().dictionary_decode(),
                    out.column("reason_code").combine_chunks().dictionary_decode(),
                    out.column("due").combine_chunks(),
                ],
                names=["council", "action_id", "rating", "reason_code", "due"],
            )

    return rate


def lait_observations(councils: int) -> pa.Table:
    """Synthetic LAIT-style observations: each council's value of a few
    indicators over three years, some suppressed (`x`), each indicator with
    its polarity (High or Low is better, or `-`: not banded)."""
    polarity = {"care_leavers_in_education": "High", "placement_moves_3plus": "Low",
                "ks4_attainment_8": "High", "missing_episodes": "Low", "ceased_adopted": "-"}
    cols: dict[str, list[Any]] = {"council": [], "indicator": [], "period": [], "value": [], "polarity": []}
    for c in range(councils):
        for k, (indicator, pol) in enumerate(polarity.items()):
            for year in (2021, 2022, 2023):
                v = (c * 37 + k * 11 + year * 7) % 101 / 2
                cols["council"].append(f"E{10_000_000 + c}")
                cols["indicator"].append(indicator)
                cols["period"].append(str(year))
                cols["value"].append("x" if (c + k + year) % 23 == 0 else f"{v:.1f}")
                cols["polarity"].append(pol)
    return pa.table({k: pa.array(v, pa.string()) for k, v in cols.items()})


def band_group(table: pa.Table) -> pa.Table:
    """The function applyInArrow runs on each (indicator, period) group:
    lineofsight.quartile_bands over the group's values."""
    import pyarrow as pa

    import lineofsight

    bands = lineofsight.quartile_bands(
        table.column("value").to_pylist(), [0] * table.num_rows, table.column("polarity").to_pylist())
    return pa.table({
        "council": table.column("council"),
        "indicator": table.column("indicator"),
        "period": table.column("period"),
        "band": pa.array(bands, pa.string()),
    })


def object_api(plans: dict[str, str], as_of: datetime.date) -> dict[tuple[str, str], tuple[Any, ...]]:
    """The same answer from Plan.evaluate, by (council, action id)."""
    truth: dict[tuple[str, str], tuple[Any, ...]] = {}
    for council, text in plans.items():
        t = lineofsight.Plan.from_json(text).evaluate(as_of=as_of).actions.to_arrow()
        rows = zip(*(t.column(c).to_pylist() for c in ("action_id", "rating", "reason_code", "due")))
        for action_id, rating, code, due in rows:
            truth[(council, action_id)] = (rating, code, due)
    return truth


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", type=int, default=20, help="synthetic councils besides the built-in plans")
    parser.add_argument("--as-of", type=datetime.date.fromisoformat, default=datetime.date(2019, 12, 31))
    parser.add_argument("--batch", type=int, default=1_000, help="rows per Arrow batch (spark.sql.execution.arrow.maxRecordsPerBatch)")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--lait-councils", type=int, default=150, help="councils in the synthetic LAIT observations")
    args = parser.parse_args()

    # Local mode: the Python workers are this interpreter, which has
    # lineofsight, and Spark listens on loopback only.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    local = args.master.startswith("local")
    if local:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # pyspark 4.0 warns that it has not caught up with pandas 3; this
    # example does not use pandas.
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(args.master)
        .appName("lineofsight-rate-councils")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        t0 = time.perf_counter()
        plans = councils(args.synthetic)
        table = action_rows(plans, args.as_of)
        frame = spark.createDataFrame(table).repartition(4, "council")
        rated = frame.mapInArrow(rate_batches(args.as_of), OUT_SCHEMA)
        got_table = rated.toArrow() if hasattr(rated, "toArrow") else pa.Table.from_pandas(rated.toPandas())
        t_spark = time.perf_counter() - t0
        truth = object_api(plans, args.as_of)

        t0 = time.perf_counter()
        lait = lait_observations(args.lait_councils)
        banded = (spark.createDataFrame(lait).groupBy("indicator", "period")
                  .applyInArrow(band_group, "council string, indicator string, period string, band string"))
        banded_table = banded.toArrow() if hasattr(banded, "toArrow") else pa.Table.from_pandas(banded.toPandas())
        t_lait = time.perf_counter() - t0
    finally:
        spark.stop()

    got = {
        (c, a): (r, code, d)
        for c, a, r, code, d in zip(*(got_table.column(n).to_pylist()
                                      for n in ("council", "action_id", "rating", "reason_code", "due")))
    }
    differences = [(k, got.get(k), v) for k, v in truth.items() if got.get(k) != v]
    extra = [k for k in got if k not in truth]
    print(f"{len(plans)} councils, {table.num_rows:,} actions "
          f"({pc.sum(pc.list_value_length(table.column('sub_activities'))).as_py():,} sub-activities) "
          f"rated as of {args.as_of} in Spark ({args.master}, batches of {args.batch:,}) in {t_spark:.1f} s")
    for key, mine, theirs in differences[:10]:
        print(f"  DIFFERENT {key}: Spark {mine}, object API {theirs}")
    if differences or extra or len(got) != got_table.num_rows:
        print(f"FAILED: {len(differences)} differ from the object API, {len(extra)} extra, "
              f"{got_table.num_rows - len(got)} duplicated")
        return 1
    print(f"every rating, reason code and due date is the object API's ({len(truth):,} actions)")

    # The same bands from one call over the whole table, groups by key.
    keys = [f"{i}|{p}" for i, p in zip(lait.column("indicator").to_pylist(), lait.column("period").to_pylist())]
    whole = lineofsight.quartile_bands(lait.column("value").to_pylist(), keys, lait.column("polarity").to_pylist())
    want_bands = dict(zip(zip(*(lait.column(c).to_pylist() for c in ("council", "indicator", "period"))), whole))
    got_bands = dict(zip(zip(*(banded_table.column(c).to_pylist() for c in ("council", "indicator", "period"))),
                         banded_table.column("band").to_pylist()))
    print(f"{lait.num_rows:,} LAIT observations banded A-D per indicator and year in Spark in {t_lait:.1f} s")
    if got_bands != want_bands:
        wrong = [k for k in want_bands if got_bands.get(k) != want_bands[k]]
        print(f"FAILED: {len(wrong)} bands differ from one call over the whole table, e.g. {wrong[:3]}")
        return 1
    counted = sum(b is not None for b in want_bands.values())
    print(f"every band is the one quartile_bands gives over the whole table "
          f"({len(want_bands):,} values, {counted:,} banded)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
