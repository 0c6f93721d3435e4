"""examples/analyst_tour.ipynb runs headless from top to bottom."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from conftest import REPO

NOTEBOOK = REPO / "examples" / "analyst_tour.ipynb"


def test_analyst_tour_runs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}
    )
    client.execute()  # raises CellExecutionError if any cell errors
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "lineofsight-evaluation" in html  # the evaluation's rich display
    assert "lineofsight-measure" in html  # a measure with its chart
    assert "<table" in html  # the pandas discrepancy table
