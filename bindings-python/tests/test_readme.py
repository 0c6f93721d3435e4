"""Every ```python block in README.md runs."""

from __future__ import annotations

import re

import pytest

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```python\n(.*?)^```", README, flags=re.S | re.M)


def test_readme_has_python_blocks() -> None:
    assert BLOCKS, "README.md should show the Python package"


def test_readme_keeps_two_commands() -> None:
    assert len(re.findall(r"^```sh\n", README, flags=re.M)) == 2


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_block_runs(block: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    exec(compile(block, "README.md", "exec"), {"__name__": "__readme__"})
