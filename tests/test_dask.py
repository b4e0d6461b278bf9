"""examples/dask_archive.py on a real local Dask cluster (two worker processes) over the WMT14
articles as JSON Lines: its findings are the CLI's, in the same order."""
from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys

from dask.distributed import Client, LocalCluster

from lintnews import Config

from .conftest import REPO, shared_path


def load_example(monkeypatch):
    """Import examples/dask_archive.py here and make it importable by the worker processes,
    as a module of the user's own would be on a real cluster."""
    examples = str(REPO / "examples")
    monkeypatch.syspath_prepend(examples)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in (examples, os.environ.get("PYTHONPATH")) if p))
    return importlib.import_module("dask_archive")


def test_a_dask_cluster_lints_an_archive_as_the_cli_does(tmp_path, monkeypatch):
    from bench.wmt import write_jsonl

    archive = tmp_path / "rbmt4.jsonl"
    write_jsonl(shared_path("corpora/wmt14-fr-en/newstest2014.fr-en.rbmt4.0"), archive)
    cli = subprocess.run([sys.executable, "-m", "lintnews", "check", "--format", "json", "--fail-on", "never",
                          "--jobs", "1", str(archive)], capture_output=True, text=True, cwd=tmp_path)
    assert cli.returncode == 0, cli.stderr
    expected = json.loads(cli.stdout)["findings"]
    assert len(expected) > 100
    assert len({f["article"] for f in expected}) > 50

    example = load_example(monkeypatch)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        # Small blocks: the archive is cut into many tasks, shared by both workers.
        found = example.lint_archives(client, [str(archive)], Config(), blocksize="32KB", timeout=600)
        workers = {w for w, keys in client.has_what().items()}
    assert len(workers) == 2
    assert found == expected
