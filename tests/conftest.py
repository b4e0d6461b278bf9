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


def languagetool_url() -> str:
    """The LanguageTool server scripts/run-tests.sh started (LINTNEWS_TEST_LANGUAGETOOL_URL).

    Missing or not answering: the test fails under CI=true and is skipped elsewhere.
    """
    import urllib.request

    url = os.environ.get("LINTNEWS_TEST_LANGUAGETOOL_URL", "").rstrip("/")
    problem = None
    if not url:
        problem = "LINTNEWS_TEST_LANGUAGETOOL_URL is not set: run the tests with scripts/run-tests.sh"
    else:
        try:
            urllib.request.urlopen(url + "/v2/healthcheck", timeout=10).close()
        except OSError as exc:
            problem = f"no LanguageTool server answers at {url} (LINTNEWS_TEST_LANGUAGETOOL_URL): {exc}"
    if problem:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(problem)
        pytest.skip(problem)
    return url
