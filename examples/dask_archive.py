"""Lint an archive of JSON Lines articles on a Dask cluster, with lintnews's Python API.

An archive of millions of articles is more than one machine lints in a coffee break; a
cluster that already runs Dask can do it. Each archive is read in blocks of whole lines,
each block goes to a worker, the worker lints every article of its block with
`lintnews.lint_text` (one Linter per worker process, built on first use) and sends back the
findings as plain dicts. The result is the `findings` list `lintnews check --format json`
prints for the same files, in the same order.

    pip install 'dask[bag]' distributed
    python examples/dask_archive.py archive.jsonl [more.jsonl ...] [--scheduler tcp://HOST:8786]
        [--workers 2] [--blocksize 1MB] [--select MT,CL] > findings.json

Without --scheduler a local cluster of --workers processes is started on 127.0.0.1.
Articles should carry an `id`: an article without one is named by its line number, and a
block does not know the line numbers of the file it was cut from.
"""
from __future__ import annotations

import argparse
import json
import sys

import lintnews


def lint_block(lines, path: str, config: lintnews.Config) -> list[dict]:
    """The findings of the articles in one block of an archive's lines, as dicts."""
    found = []
    for line in lines:
        if line.strip():
            found.extend(f.to_dict() for f in lintnews.lint_text(line, path=path, config=config, format="jsonl"))
    return found


def lint_archives(client, paths: list[str], config: lintnews.Config | None = None,
                  blocksize: str = "1MB", timeout: float | None = None) -> list[dict]:
    """Findings of every article of `paths` (JSON Lines files), linted on `client`'s cluster.

    `timeout` (seconds) bounds the wait: a cluster whose workers cannot run the tasks (say,
    lintnews is not installed there) otherwise waits for ever."""
    import dask.bag as db

    config = config or lintnews.Config()
    bags = [db.read_text(path, blocksize=blocksize).map_partitions(lint_block, path, config) for path in paths]
    return client.compute(db.concat(bags)).result(timeout=timeout)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archives", nargs="+", help="JSON Lines files, one article an object per line")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    parser.add_argument("--blocksize", default="1MB", help="bytes of the archive per task")
    parser.add_argument("--select", default="", help="rules to run, as lintnews check --select")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    config = lintnews.Config(select=tuple(s for s in args.select.split(",") if s) or None)
    if args.scheduler:
        client, cluster = Client(args.scheduler), None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        findings = lint_archives(client, args.archives, config, args.blocksize)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    json.dump({"findings": findings}, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
