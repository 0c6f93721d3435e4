#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora from the repository's tests.

    python3 fuzz/seeds.py OUT_DIR

fills OUT_DIR/<target>/ with one file per seed, named by its SHA-1 (as
libFuzzer names what it finds), from tests/vectors/*.json, tests/fixtures,
tests/corpus, tests/mappings, the built-in plans' smaller JSON files and the
small hand-written seeds in fuzz/seeds/. Running it again adds nothing new.
Seeds are generated, not committed: only fuzz/seeds/ is in git.
"""

import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
# Larger seeds make libFuzzer try longer inputs everywhere (its -max_len is
# the largest seed's size) and run slower; the big built-in plans add
# little that the vectors' plans and the smaller built-in files lack.
MAX_SEED = 64 * 1024


def write(out, target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data or len(data) > MAX_SEED:
        return
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def vector(name):
    return json.loads((TESTS / "vectors" / f"{name}.json").read_text("utf-8"))


def strings_under(value, keys):
    """Every string value under one of `keys`, anywhere in `value`."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k in keys and isinstance(v, str):
                yield v
            else:
                yield from strings_under(v, keys)
    elif isinstance(value, list):
        for v in value:
            yield from strings_under(v, keys)


def plans():
    """Every plan in the shared vectors, and the smaller built-in plans."""
    for name in ["ratings", "measures", "reports"]:
        for case in vector(name)["cases"]:
            for key in ["plan", "previous"]:
                if isinstance(case.get(key), dict):
                    yield case[key]
    for path in sorted((ROOT / "core" / "data").glob("*.json")):
        if path.stat().st_size <= MAX_SEED:
            yield json.loads(path.read_text("utf-8"))


def small_styles(document, styles):
    """The styles `document` uses (and the ones they are based on), so a
    Word seed does not carry the 350 KB of styles Word writes."""
    by_id = {
        m.group(1): m.group(0)
        for m in re.finditer(rb'<w:style\b[^>]*w:styleId="([^"]*)".*?</w:style>', styles, re.S)
    }
    wanted = set(re.findall(rb'w:(?:p|r)Style w:val="([^"]*)"', document))
    kept, todo = {}, list(wanted)
    while todo:
        sid = todo.pop()
        if sid in kept or sid not in by_id:
            continue
        kept[sid] = by_id[sid]
        todo += re.findall(rb'<w:basedOn w:val="([^"]*)"', by_id[sid])
    head = styles.split(b"<w:style ", 1)[0]
    return head + b"".join(kept.values()) + b"</w:styles>"


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fuzz" / "corpus"

    for case in vector("timescales")["cases"]:
        write(out, "timescale", case["raw"])
    for case in vector("rating_spellings")["cases"]:
        write(out, "rating_word", case["text"])
    for case in vector("targets")["cases"]:
        write(out, "target", case["text"])
    for case in vector("periods")["cases"]:
        if "label" in case:
            write(out, "period", case["label"])
        else:
            write(out, "period", f'{case["time_period"]}|{case["time_identifier"]}')
    for case in vector("values")["cases"]:
        write(out, "period", case["text"])
    for plan in plans():
        write(out, "plan_json", json.dumps(plan, ensure_ascii=False, indent=1))
        for text in strings_under(plan, {"timescale", "start", "due"}):
            write(out, "timescale", text)
        for text in strings_under(plan, {"rating", "recorded_rating", "status"}):
            write(out, "rating_word", text)
        for text in strings_under(plan, {"target", "text"}):
            if any(c.isdigit() for c in text):
                write(out, "target", text)
        for text in strings_under(plan, {"period"}):
            write(out, "period", text)

    trackers = sorted((TESTS / "corpus").iterdir()) + sorted((TESTS / "fixtures").iterdir())
    text_kinds = {".csv": "csv", ".tsv": "tsv", ".md": "markdown"}
    for path in trackers:
        kind = text_kinds.get(path.suffix)
        if kind:
            write(out, kind, path.read_bytes())
        elif path.suffix == ".xlsx":
            write(out, "xlsx", path.read_bytes())
            with zipfile.ZipFile(path) as z:
                names = z.namelist()
                parts = [
                    z.read(n) if n in names else b""
                    for n in ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"]
                ]
            write(out, "xlsx", b"\0".join(parts))
        elif path.suffix == ".docx":
            write(out, "docx", path.read_bytes())
            with zipfile.ZipFile(path) as z:
                document = z.read("word/document.xml")
                styles = z.read("word/styles.xml") if "word/styles.xml" in z.namelist() else b""
            write(out, "docx", document + b"\0" + small_styles(document, styles))
    write(out, "docx", (ROOT / "core" / "tests" / "data" / "two_tables.docx").read_bytes())

    mappings = sorted((TESTS / "mappings").glob("*.json")) + [
        ROOT / "core" / "data" / "mappings" / "lineofsight-export.json"
    ]
    fixture = (TESTS / "fixtures" / "tracker-2019-q3.csv").read_bytes()
    for path in mappings:
        write(out, "mapping", path.read_bytes())
        write(out, "mapping", path.read_bytes() + b"\0" + fixture)

    # The hand-written seeds: EES files, hostile cases from issue 13.
    for path in sorted((ROOT / "fuzz" / "seeds").glob("*/*")):
        write(out, path.parent.name, path.read_bytes())

    for d in sorted(out.iterdir()):
        print(f"{d.name}: {sum(1 for _ in d.iterdir())} inputs")


if __name__ == "__main__":
    main()
