"""Shared fixtures. `shared` is ../shared beside the repo: required under CI=true, else optional."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LINTNEWS_SHARED", REPO.parent / "shared"))
SEED = "seed/000_67b23fb3398ad85c.txt"


def shared_path(relative: str) -> Path:
    """A file under ../shared; fails under CI=true when missing, skips elsewhere."""
    path = SHARED / relative
    if not path.exists():
        message = f"{path} is missing: tests that read ../shared need it beside the repository"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def seed_path() -> Path:
    return shared_path(SEED)
