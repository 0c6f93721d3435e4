"""The README's Python blocks and the notebook's code cells type-check against
the installed package's stubs with ``mypy --strict`` and ``pyright`` (strict),
as an analyst's editor would check them, and so does a file of
``assert_type`` promises the stubs make (issue 12)."""

from __future__ import annotations

import json
import pathlib
import re
import subprocess
import sys

import pytest

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
NOTEBOOK = REPO / "examples" / "analyst_tour.ipynb"

# Cells end with a bare expression for Jupyter to show, which is the point of
# a notebook; everything else is checked strictly.
PYRIGHT_CONFIG = {
    "typeCheckingMode": "strict",
    "reportUnusedExpression": "none",
    "pythonVersion": f"{sys.version_info.major}.{sys.version_info.minor}",
}


# What the stubs promise, checked by both type checkers (and run, so it is
# true at run time too): the return type follows the format, tables convert
# to typed frames, and every kind of date is accepted.
PROMISES = """\
import datetime
from typing import assert_type

import numpy
import pandas
import polars

import lineofsight

plan = lineofsight.Plan.builtin("lancashire")
ev = plan.evaluate(as_of=numpy.datetime64("2019-12-31"))
assert_type(ev.export("docx"), bytes)
assert_type(ev.export("xlsx", since=pandas.Timestamp("2019-09-30")), bytes)
assert_type(ev.export(), str)
assert ev.export("markdown").startswith("#")
assert_type(ev.export(str(".CSV")), str | bytes)
assert_type(ev.actions.to_pandas(), pandas.DataFrame)
assert_type(ev.actions.to_polars(), polars.DataFrame)
assert_type(lineofsight.parse_ratings(["R", "A/G"]), list[str])
assert_type(lineofsight.parse_ratings(["R", None, "?"], errors="none"), list[str | None])
when: lineofsight.DateLike = datetime.datetime(2019, 12, 31, 9, 0)
assert len(plan.changes("2019-09-30", when)) > 0
"""


def examples() -> dict[str, str]:
    """The code to check, by file name: each README block is a program of
    its own (test_readme runs them apart); the notebook's cells share one
    namespace, so they are one program, in order, without IPython magics."""
    blocks = re.findall(r"^```python\n(.*?)^```", README, flags=re.S | re.M)
    files = {f"readme_block{i}.py": block for i, block in enumerate(blocks)}
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = [
        "".join(c["source"]) for c in cells if c["cell_type"] == "code"
    ]
    lines = [
        line
        for cell in code
        for line in (cell + "\n").splitlines()
        if not line.lstrip().startswith(("%", "!"))
    ]
    files["analyst_tour.py"] = "\n".join(lines) + "\n"
    files["promises.py"] = PROMISES
    return files


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    root = tmp_path_factory.mktemp("typing")
    for name, code in examples().items():
        (root / name).write_text(code, encoding="utf-8")
    (root / "pyrightconfig.json").write_text(json.dumps(PYRIGHT_CONFIG), encoding="utf-8")
    return root


def run(args: list[str], cwd: pathlib.Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_there_is_code_to_check() -> None:
    files = examples()
    assert any(n.startswith("readme_block") for n in files)
    assert "to_pandas()" in files["analyst_tour.py"]


def test_the_promises_hold_at_run_time() -> None:
    exec(compile(PROMISES, "promises.py", "exec"), {"__name__": "__promises__"})


def test_mypy_strict_passes(checked: pathlib.Path) -> None:
    files = sorted(p.name for p in checked.glob("*.py"))
    result = run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(REPO / ".mypy_cache" / "examples"),
            *files,
        ],
        checked,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pyright_passes(checked: pathlib.Path) -> None:
    result = run(
        [sys.executable, "-m", "pyright", "--pythonpath", sys.executable, "."],
        checked,
    )
    assert result.returncode == 0, result.stdout + result.stderr
