"""Shared helpers for the lineofsight Python tests."""

from __future__ import annotations

import datetime
import json
import pathlib
from typing import Any

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
VECTORS = REPO / "tests" / "vectors"


def without_pyarrow(code: str) -> None:
    """Runs ``code`` in a fresh interpreter in which pyarrow cannot be
    imported. pandas decides when it is imported whether its strings are
    Arrow-backed, so pyarrow must be missing before pandas is imported: hiding
    it in this process, where pandas is already loaded, tests a pandas no user
    has."""
    import subprocess
    import sys

    prelude = "import sys\nsys.modules['pyarrow'] = None\n"
    subprocess.run([sys.executable, "-c", prelude + code], check=True, cwd=REPO)


def vectors(name: str) -> Any:
    """One of the shared, language-neutral test vector files."""
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


def plain(value: Any) -> Any:
    """Python results as JSON would write them (dates as ISO text)."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


@pytest.fixture(scope="session")
def lancashire():  # type: ignore[no-untyped-def]
    import lineofsight

    return lineofsight.Plan.builtin("lancashire")


@pytest.fixture(scope="session")
def evaluation(lancashire):  # type: ignore[no-untyped-def]
    return lancashire.evaluate(as_of=datetime.date(2019, 12, 31))
