"""Benchmark (not a test): the columnar path against every peer, in one
process, on the same synthetic actions.

Times, on N actions (default 1,000,000: the built-in Lancashire plan's
actions copied, as bench.py makes them) rated as of 2019-12-31:

- lineofsight.rate_actions on a pyarrow table (and on the same data as a
  polars and a pandas frame): the Rust core's columnar path, every rule;
- the object API: Plan.from_json + evaluate + the actions table to Arrow;
- pandas vectorised and pandas row-wise apply (on a sample, scaled up), as
  bench.py writes them;
- polars expressions and DuckDB SQL, written by hand with the same simple
  rules as the pandas version (complete, no timescale, ongoing, overdue,
  due within 30 days, else green; a handful of date forms);

then prints the times, the ratios to rate_actions, and the share of
ratings identical to the object API's (rate_actions must give 100%; the
hand-written peers ignore sub-activities, progress and most timescale
forms). DuckDB is optional (pip install duckdb); without it that row is
skipped.

Build the extension in release mode first (maturin develop --release in
bindings-python/), then: python bindings-python/bench/peers.py [--actions N]
"""

from __future__ import annotations

import argparse
import datetime
import json
import pathlib
import sys
import time
from typing import Any, Callable

import pyarrow as pa

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench import AS_OF, rate_pandas, rate_row, synthetic_plan  # noqa: E402

import lineofsight  # noqa: E402


def timed(label: str, f: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = f()
    dt = time.perf_counter() - t0
    print(f"  {label:<60} {dt:8.3f} s")
    return dt, out


def _date(v: Any) -> datetime.date | None:
    return None if v is None else datetime.date.fromisoformat(str(v)[:10])


def columns(plan: dict[str, Any], as_of: datetime.date) -> tuple[pa.Table, pa.Table]:
    """The actions as the columns rate_actions reads, and their
    sub-activities (the data an analyst's table would hold; not timed)."""
    ts: list[str] = []
    state: list[str | None] = []
    start: list[datetime.date | None] = []
    last: list[datetime.date | None] = []
    pct: list[float | None] = []
    rec: list[str | None] = []
    ids: list[str] = []
    sub_action: list[int] = []
    sub_ts: list[str] = []
    sub_state: list[str | None] = []
    sub_text: list[str] = []
    i = 0
    for o in plan["objectives"]:
        for a in o["actions"]:
            latest = rated = None
            for u in a.get("progress", []):
                d = _date(u.get("date"))
                if d is None or d > as_of:
                    continue
                if latest is None or d >= latest[0]:
                    latest = (d, u)
                if u.get("rating") is not None and (rated is None or d >= rated[0]):
                    rated = (d, u)
            ids.append(a["id"])
            ts.append(a.get("timescale", ""))
            state.append(a.get("state"))
            start.append(_date(a.get("start")))
            last.append(latest[0] if latest else None)
            pct.append(latest[1].get("percent_complete") if latest else None)
            rec.append(rated[1]["rating"] if rated else (a.get("recorded_rating") or {}).get("rating"))
            for s in a.get("sub_activities", []):
                sub_action.append(i)
                sub_ts.append(s.get("timescale", ""))
                sub_state.append(s.get("state"))
                sub_text.append(s.get("text", ""))
            i += 1
    table = pa.table({
        "action_id": pa.array(ids, pa.string()),
        "timescale": pa.array(ts, pa.string()),
        "state": pa.array(state, pa.string()),
        "start": pa.array(start, pa.date32()),
        "last_update": pa.array(last, pa.date32()),
        "percent_complete": pa.array(pct, pa.float64()),
        "recorded": pa.array(rec, pa.string()),
    })
    subs = pa.table({
        "action": pa.array(sub_action, pa.int64()),
        "timescale": pa.array(sub_ts, pa.string()),
        "state": pa.array(sub_state, pa.string()),
        "text": pa.array(sub_text, pa.string()),
    })
    return table, subs


def rate_polars(df: Any, as_of: datetime.date) -> Any:
    """bench.py's simple rules as polars expressions."""
    import polars as pl

    ts = pl.col("timescale").fill_null("").str.strip_chars()
    day = pl.coalesce(
        ts.str.strptime(pl.Date, "%d/%m/%Y", strict=False),
        ts.str.strptime(pl.Date, "%Y-%m-%d", strict=False),
    )
    month = pl.coalesce(
        ts.str.strptime(pl.Date, "%b-%y", strict=False),
        ("01-" + ts).str.strptime(pl.Date, "%d-%b-%y", strict=False),
        ("01 " + ts).str.strptime(pl.Date, "%d %B %Y", strict=False),
    ).dt.month_end()
    due = pl.coalesce(day, month)
    days = (due - pl.lit(as_of)).dt.total_days()
    rating = (
        pl.when(pl.col("state") == "complete").then(pl.lit("blue"))
        .when(ts == "").then(pl.lit("no_data"))
        .when(ts.str.to_lowercase().str.contains("ongoing") & due.is_null()).then(pl.lit("amber"))
        .when(due.is_null()).then(pl.lit("no_data"))
        .when(days < 0).then(pl.lit("red"))
        .when(days <= 30).then(pl.lit("amber"))
        .otherwise(pl.lit("green"))
    )
    return df.select(pl.col("action_id"), rating.alias("rating"), due.alias("due"))


def rate_duckdb(con: Any, table: pa.Table, as_of: datetime.date) -> pa.Table:
    """bench.py's simple rules as DuckDB SQL over the Arrow table."""
    con.register("actions", table)
    result = con.sql(f"""
        WITH t AS (
          SELECT action_id, state, trim(coalesce(timescale, '')) AS ts FROM actions
        ), d AS (
          SELECT *, coalesce(
              try_strptime(ts, '%d/%m/%Y')::DATE,
              try_strptime(ts, '%Y-%m-%d')::DATE,
              last_day(try_strptime('01-' || ts, '%d-%b-%y')::DATE),
              last_day(try_strptime('01 ' || ts, '%d %B %Y')::DATE)
          ) AS due FROM t
        )
        SELECT action_id, CASE
          WHEN state = 'complete' THEN 'blue'
          WHEN ts = '' THEN 'no_data'
          WHEN lower(ts) LIKE '%ongoing%' AND due IS NULL THEN 'amber'
          WHEN due IS NULL THEN 'no_data'
          WHEN due < DATE '{as_of}' THEN 'red'
          WHEN due - DATE '{as_of}' <= 30 THEN 'amber'
          ELSE 'green' END AS rating, due
        FROM d
    """).arrow()
    # DuckDB 1.x gives a Table, 2.x a RecordBatchReader.
    return result.read_all() if hasattr(result, "read_all") else result


# Plan.from_json refuses plan JSON past 100,000,000 bytes by default; a
# million actions are about 470 MB, so the object API raises the limit.
MAX_JSON_BYTES = 1_000_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=20_000)
    args = parser.parse_args()
    n = args.actions

    print(f"== Rating {n:,} actions as of {AS_OF}: the columnar path and its peers ==")
    plan_dict = synthetic_plan(n)
    text = json.dumps(plan_dict)
    table, subs = columns(plan_dict, AS_OF)
    del plan_dict
    print(f"  {table.num_rows:,} actions, {subs.num_rows:,} sub-activities, "
          f"{len(text) / 1e6:.0f} MB of plan JSON")
    times: dict[str, float] = {}
    ratings: dict[str, list[Any]] = {}

    print(" lineofsight.rate_actions (columnar, Arrow in and out)")
    times["rate_actions"], out = timed(
        "rate_actions(pyarrow table, sub_activities=...)",
        lambda: lineofsight.rate_actions(table, as_of=AS_OF, sub_activities=subs))
    ratings["rate_actions"] = out.column("rating").to_pylist()
    t, with_reasons = timed("  ... with reasons=True (the sentence per row)",
                            lambda: lineofsight.rate_actions(table, as_of=AS_OF, sub_activities=subs, reasons=True))
    times["rate_actions, reasons"] = t
    try:
        import polars as pl
        frame = pl.from_arrow(table)
        times["rate_actions(polars)"], _ = timed(
            "rate_actions(polars frame)", lambda: lineofsight.rate_actions(frame, as_of=AS_OF, sub_activities=subs))
    except ImportError:
        pl = None  # type: ignore[assignment]
    pdf = table.to_pandas()
    if hasattr(pdf, "__arrow_c_stream__"):
        times["rate_actions(pandas)"], _ = timed(
            "rate_actions(pandas frame)", lambda: lineofsight.rate_actions(pdf, as_of=AS_OF, sub_activities=subs))

    print(" object API")
    t_load, plan = timed("Plan.from_json(text, max_bytes=...)",
                         lambda: lineofsight.Plan.from_json(text, max_bytes=MAX_JSON_BYTES))
    del text
    t_eval, ev = timed("plan.evaluate(as_of=...)", lambda: plan.evaluate(as_of=AS_OF))
    t_arrow, actions = timed("pa.table(ev.actions)",
                             lambda: pa.table(ev.actions).select(["rating", "reason_message"]))
    times["object API (evaluate + actions)"] = t_eval + t_arrow
    times["object API (+ from_json)"] = t_load + t_eval + t_arrow
    truth = actions.column("rating").to_pylist()
    reasons_same = with_reasons.column("reason").to_pylist() == actions.column("reason_message").to_pylist()
    del plan, ev

    print(" pandas (bench.py's simple rules)")
    pdf["objective_id"] = ""
    pdf["ref"] = None
    times["pandas vectorised"], p_out = timed("rate_pandas(df)", lambda: rate_pandas(pdf, AS_OF))
    ratings["pandas vectorised"] = list(p_out["rating"])
    part = pdf.sample(n=min(args.sample, len(pdf)), random_state=1)
    t, _ = timed(f"df.apply(rate_row, axis=1) on {len(part):,} rows",
                 lambda: part.apply(rate_row, axis=1, args=(AS_OF,)))
    times["pandas row-wise apply (scaled)"] = t * len(pdf) / len(part)

    if pl is not None:
        print(" polars expressions (the same simple rules)")
        times["polars expressions"], pl_out = timed("rate_polars(frame)", lambda: rate_polars(frame, AS_OF))
        ratings["polars expressions"] = pl_out["rating"].to_list()
    try:
        import duckdb
        print(" DuckDB SQL (the same simple rules)")
        con = duckdb.connect()
        times["duckdb SQL"], d_out = timed("SQL over the Arrow table", lambda: rate_duckdb(con, table, AS_OF))
        ratings["duckdb SQL"] = d_out.column("rating").to_pylist()
    except ImportError:
        print(" DuckDB: not installed (pip install duckdb), skipped")

    base = times["rate_actions"]
    print(f"\n  {'':<36} {'time':>9} {'÷ rate_actions':>15} {'same as object API':>19}")
    for name, t in times.items():
        same = ""
        if name in ratings:
            got = ratings[name]
            same = f"{sum(a == b for a, b in zip(got, truth)) / len(truth):.1%}"
        print(f"  {name:<36} {t:8.3f}s {t / base:14.1f}x {same:>19}")
    print(f"  rate_actions throughput: {n / base / 1e6:.1f} M actions/s; "
          f"reasons identical to the object API's: {reasons_same}")


if __name__ == "__main__":
    main()
