"""Benchmark (not a test): lineofsight through Python against idiomatic
pandas/numpy implementations of the same rules.

1. Rate 1,000,000 actions: a synthetic plan made of copies of the built-in
   Lancashire plan's actions, rated as of 2019-12-31 by the Rust core
   (Plan.evaluate, then the actions table out through Arrow), against
   pandas: due dates parsed with pd.to_datetime (once per distinct
   timescale), ratings with np.select, reasons with vectorised string
   operations; and a row-wise DataFrame.apply on a sample, extrapolated.
2. Band all LAIT observations (../shared/data/lait/bds_long_0.parquet beside
   the checkout, or under $LINEOFSIGHT_SHARED)
   into quartiles A-D per indicator and period, polarity from the LAIT
   data dictionary: lineofsight.quartile_bands against pandas groupby
   quantiles and np.select.

Build the extension in release mode first (maturin develop --release in
bindings-python/), then run: python bindings-python/bench/bench.py
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import sys
import time
from typing import Any, Callable

import numpy as np
import pandas as pd
import pyarrow as pa

import lineofsight

AS_OF = datetime.date(2019, 12, 31)
REPO = pathlib.Path(__file__).resolve().parents[2]
LAIT = pathlib.Path(os.environ.get("LINEOFSIGHT_SHARED", REPO.parent / "shared")) / "data" / "lait"


def timed(label: str, f: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = f()
    dt = time.perf_counter() - t0
    print(f"  {label:<58} {dt:8.3f} s")
    return dt, out


# ---------------------------------------------------------------- actions


def synthetic_plan(n: int) -> dict[str, Any]:
    """The built-in plan's actions copied until there are n, with unique ids."""
    base = json.loads(lineofsight.Plan.builtin("lancashire").to_json())
    objectives = [o for o in base["objectives"] if o.get("actions")]
    for o in objectives:
        o.pop("measures", None)
    out: list[dict[str, Any]] = []
    total, k = 0, 0
    template = json.dumps(objectives)
    while total < n:
        for o in json.loads(template):
            if total >= n:
                break
            o["id"] = f"{o['id']}~{k}"
            o["actions"] = o["actions"][: n - total]
            for a in o["actions"]:
                a["id"] = f"{a['id']}~{k}"
            total += len(o["actions"])
            out.append(o)
        k += 1
    base["objectives"] = out
    base.pop("priorities", None)
    base.pop("datasets", None)
    base.pop("authority", None)
    return base


def action_frame(plan: dict[str, Any]) -> pd.DataFrame:
    """The flat table an analyst would start from."""
    rows = [
        {
            "action_id": a["id"],
            "objective_id": o["id"],
            "ref": a.get("ref"),
            "timescale": a.get("timescale", ""),
            "state": a.get("state", "in_progress"),
            "recorded": (a.get("recorded_rating") or {}).get("rating"),
        }
        for o in plan["objectives"]
        for a in o["actions"]
    ]
    return pd.DataFrame(rows)


def rate_pandas(df: pd.DataFrame, as_of: datetime.date) -> pd.DataFrame:
    """The default rules, vectorised: complete → blue; no timescale → no
    data; ongoing with no progress update → amber; past due → red; due
    within 30 days → amber; else green; unreadable → no data."""
    ts = df["timescale"].fillna("").str.strip()
    uniq = pd.Series(ts.unique())
    parsed = pd.to_datetime(uniq, dayfirst=True, errors="coerce", format="mixed")
    # Month-only timescales (Dec-19) mean the end of the month.
    month_only = uniq.str.fullmatch(r"[A-Za-z]{3,9}[- ]\d{2,4}")
    parsed = parsed.where(~month_only, parsed + pd.offsets.MonthEnd(0))
    due = ts.map(dict(zip(uniq, parsed)))
    now = pd.Timestamp(as_of)
    days = (due - now).dt.days
    ongoing = ts.str.contains("ongoing", case=False, regex=False)
    complete = df["state"].eq("complete")
    conditions = [
        complete,
        ts.eq(""),
        ongoing & due.isna(),
        due.isna(),
        days < 0,
        days <= 30,
    ]
    rating = np.select(
        conditions, ["blue", "no_data", "amber", "no_data", "red", "amber"], default="green"
    )
    due_text = due.dt.strftime("%d/%m/%Y")
    ago = np.where(days < 0, (-days).astype("Int64").astype(str) + " days ago", "")
    reason = np.select(
        [rating == "red", (rating == "amber") & due.notna()],
        [
            "Red: due " + due_text + ", " + pd.Series(ago, index=df.index) + ", not complete",
            "Amber: due " + due_text + ", not complete",
        ],
        default=pd.Series(rating, index=df.index).str.capitalize(),
    )
    out = df[["action_id", "objective_id", "ref"]].copy()
    out["rating"] = rating
    out["reason_message"] = reason
    out["due"] = due.dt.date
    out["discrepancy"] = df["recorded"].notna() & (df["recorded"] != out["rating"])
    return out


def rate_row(row: pd.Series, as_of: datetime.date) -> tuple[str, str]:
    """The same rules for one row, as a DataFrame.apply function."""
    ts = (row["timescale"] or "").strip()
    if row["state"] == "complete":
        return "blue", "Blue: complete"
    if not ts:
        return "no_data", "No data: no timescale given"
    due = pd.to_datetime(ts, dayfirst=True, errors="coerce")
    if pd.isna(due):
        if "ongoing" in ts.lower():
            return "amber", "Amber: ongoing, no progress update on record"
        return "no_data", f"No data: timescale {ts!r} could not be read"
    days = (due.date() - as_of).days
    if days < 0:
        return "red", f"Red: due {due:%d/%m/%Y}, {-days} days ago, not complete"
    if days <= 30:
        return "amber", f"Amber: due {due:%d/%m/%Y}, not complete"
    return "green", "Green: on track"


def bench_actions(n: int, sample: int) -> dict[str, float]:
    print(f"\n== Rating {n:,} actions as of {AS_OF} ==")
    plan_dict = synthetic_plan(n)
    text = json.dumps(plan_dict)
    df = action_frame(plan_dict)
    print(f"  synthetic plan: {len(plan_dict['objectives']):,} objectives, "
          f"{len(df):,} actions, {len(text) / 1e6:.0f} MB of JSON")

    print(" lineofsight (Rust core through Python)")
    t_load, plan = timed("Plan.from_json (parse, check the plan)", lambda: lineofsight.Plan.from_json(text))
    t_eval, ev = timed("plan.evaluate(as_of=...) (rate, roll up, audit)", lambda: plan.evaluate(as_of=AS_OF))
    t_arrow, table = timed("pa.table(ev.actions) (Arrow out)", lambda: pa.table(ev.actions))
    t_pd, frame = timed("ev.actions.to_pandas()", lambda: ev.actions.to_pandas())
    los = t_eval + t_arrow

    print(" pandas/numpy (vectorised: to_datetime per distinct text, np.select)")
    t_vec, out = timed("rate_pandas(df)", lambda: rate_pandas(df, AS_OF))

    print(f" pandas row-wise DataFrame.apply on {sample:,} rows, extrapolated")
    part = df.sample(n=min(sample, len(df)), random_state=1)
    t_apply_sample, _ = timed(
        "df.apply(rate_row, axis=1)", lambda: part.apply(rate_row, axis=1, args=(AS_OF,))
    )
    t_apply = t_apply_sample * len(df) / len(part)
    print(f"  {'extrapolated to all rows':<58} {t_apply:8.3f} s")

    agree = (frame["rating"].to_numpy() == out["rating"].to_numpy()).mean()
    print(f"  pandas ratings agree with the core's on {agree:.1%} of actions "
          f"(the pandas version ignores sub-activities and reads fewer timescale forms)")
    assert table.num_rows == n
    print(f"  RATIO vectorised pandas / lineofsight (evaluate + Arrow):  {t_vec / los:6.2f}x")
    print(f"  RATIO row-wise apply / lineofsight (evaluate + Arrow):     {t_apply / los:6.2f}x")
    print(f"  lineofsight throughput: {n / los / 1e6:.2f} M actions/s "
          f"(plus {t_load:.2f} s to load the plan JSON)")
    return {"lineofsight": los, "load": t_load, "pandas": t_vec, "apply": t_apply,
            "to_pandas": t_pd, "agree": float(agree)}


# ---------------------------------------------------------------- LAIT


def bench_lait() -> dict[str, float]:
    path = LAIT / "bds_long_0.parquet"
    print(f"\n== Banding LAIT observations into quartiles ({path.name}) ==")
    df = pd.read_parquet(path)
    dictionary = pd.read_csv(LAIT / "lait_data_dictionary.csv")
    polarity = (
        dictionary.drop_duplicates("Measure_short").set_index("Measure_short")["Polarity"].fillna("-")
    )
    print(f"  {len(df):,} observations, {df['Short Desc'].nunique()} indicators")

    def with_lineofsight() -> list[str | None]:
        groups = (df["Short Desc"] + "\x1f" + df["Years"]).tolist()
        pol = df["Short Desc"].map(polarity).fillna("-").tolist()
        local = (df["LA Number"] < 970).tolist()  # 970 England, 980-990 regions
        return lineofsight.quartile_bands(df["Values"].tolist(), groups, pol, local)

    def with_pandas() -> np.ndarray:
        value = pd.to_numeric(df["Values"].str.replace(",", "", regex=False), errors="coerce")
        local = df["LA Number"] < 970
        keys = [df["Short Desc"], df["Years"]]
        q = value.where(local).groupby(keys).quantile([0.25, 0.5, 0.75]).unstack()
        q = q.reindex(pd.MultiIndex.from_arrays(keys)).to_numpy()
        q1, med, q3 = q[:, 0], q[:, 1], q[:, 2]
        pol = df["Short Desc"].map(polarity).fillna("-").to_numpy()
        v = value.to_numpy()
        high, low = pol == "High", pol == "Low"
        ok = ~np.isnan(v) & ~np.isnan(med)
        return np.select(
            [ok & high & (v >= q3), ok & high & (v >= med), ok & high & (v >= q1), ok & high,
             ok & low & (v <= q1), ok & low & (v <= med), ok & low & (v <= q3), ok & low],
            ["A", "B", "C", "D", "A", "B", "C", "D"],
            default=None,
        )

    t_los, bands = timed("lineofsight.quartile_bands (lists in, list out)", with_lineofsight)
    t_pd, pbands = timed("pandas groupby().quantile + np.select", with_pandas)
    agree = np.mean([a == b for a, b in zip(bands, pbands)])
    counted = sum(b is not None for b in bands)
    print(f"  {counted:,} observations banded; pandas agrees on {agree:.2%} of rows")
    print(f"  RATIO pandas / lineofsight: {t_pd / t_los:6.2f}x")
    return {"lineofsight": t_los, "pandas": t_pd, "agree": float(agree)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=20_000)
    parser.add_argument("--skip-lait", action="store_true")
    args = parser.parse_args()
    a = bench_actions(args.actions, args.sample)
    summary = {"actions": a}
    if not args.skip_lait and (LAIT / "bds_long_0.parquet").exists():
        summary["lait"] = bench_lait()
    elif not args.skip_lait:
        print(f"SKIP: LAIT banding: no {LAIT / 'bds_long_0.parquet'} (set LINEOFSIGHT_SHARED)", file=sys.stderr)
    print("\n== Summary ==")
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
