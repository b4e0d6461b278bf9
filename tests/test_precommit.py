"""The pre-commit hooks, run by the real pre-commit against this checkout.

An editorial repository with a few articles is made in a temporary directory; `pre-commit
try-repo` installs lintnews from a snapshot of this checkout (committed or not: the files
git would commit) into its own environment, the way an editorial repo pinning a release
would, and runs the hooks. A bad article must fail the hook with lintnews's findings in the
output; a clean one must pass. Installing the hook environment needs the package index.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

BAD = """---
title: Strikes
---
Tension rose after a rocket fire hit the base.

Prices are lower than in the Hexagon.
"""
CLEAN = """---
title: Talks
---
Tension rose after a rocket attack hit the base.
"""
BAD_HTML = """<html><body><nav>a rocket fire</nav>
<p>He spoke in duplex from Brussels.</p>
</body></html>
"""


def _required(ok: bool, what: str) -> None:
    if not ok:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{what} is missing: `bash scripts/run-tests.sh` installs it")
        pytest.skip(f"{what} is missing")


def git(*args, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.org",
                           "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                          cwd=cwd, check=True, capture_output=True, text=True).stdout


def snapshot(target: Path) -> Path:
    """This checkout as a repository of its own: the files git would commit, committed."""
    names = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO).split("\0")
    for name in filter(None, names):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "snapshot", cwd=target)
    return target


@pytest.fixture(scope="module")
def repos(tmp_path_factory):
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        _required(False, "the pre-commit package")
    _required(shutil.which("git") is not None, "git")
    _required((REPO / ".git").exists(), "a git checkout of lintnews")
    root = tmp_path_factory.mktemp("precommit")
    hooks = snapshot(root / "lintnews")
    newsroom = root / "newsroom"
    newsroom.mkdir()
    (newsroom / "bad.md").write_text(BAD)
    (newsroom / "clean.md").write_text(CLEAN)
    (newsroom / "wire.html").write_text(BAD_HTML)
    git("init", "-q", cwd=newsroom)
    git("add", "-A", cwd=newsroom)
    git("commit", "-q", "-m", "articles", cwd=newsroom)
    return hooks, newsroom


def try_repo(hooks: Path, newsroom: Path, *files: str) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org", GIT_COMMITTER_NAME="Desk",
               GIT_COMMITTER_EMAIL="desk@example.org", PRE_COMMIT_COLOR="never")
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "--verbose",
                           "--files", *files], cwd=newsroom, env=env, capture_output=True, text=True,
                          timeout=1200)
    return proc.returncode, proc.stdout + proc.stderr


def test_hooks_fail_a_bad_article_and_fix_it_then_pass_a_clean_one(repos):
    hooks, newsroom = repos
    code, out = try_repo(hooks, newsroom, "bad.md", "wire.html")
    assert code == 1, out
    # The check hook fails with lintnews's findings...
    assert "bad.md:4:20: MT102 [warning] Translationese: write 'a rocket attack' instead of 'a rocket fire'." in out
    assert "bad.md:6:26: MT102 [warning] Translationese: write 'France' instead of 'the Hexagon'." in out
    assert "wire.html:2:13: MT102 [warning] Translationese: write 'live from' instead of 'in duplex from'." in out
    assert "wire.html:1:" not in out  # the navigation is not prose
    # ...and the fix hook rewrites the articles (pre-commit fails it because it changed files).
    assert "files were modified by this hook" in out
    assert (newsroom / "bad.md").read_text() == BAD.replace("a rocket fire", "a rocket attack").replace(
        "the Hexagon", "France")
    assert (newsroom / "wire.html").read_text() == BAD_HTML.replace("in duplex from", "live from")

    code, out = try_repo(hooks, newsroom, "clean.md", "bad.md")
    assert code == 0, out
    assert "MT102" not in out
    assert out.count("Passed") == 2
