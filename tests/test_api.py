"""The Python API (lintnews.lint_text, lint_paths, Finding.to_dict) and parallel runs (--jobs)."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

import pytest

import lintnews
from lintnews import Config, FileResult, Finding, lint_paths, lint_text
from lintnews import runner

from .conftest import shared_path

ARTEFACT = "Later the head of French diplomacy flew home.\n"
MT101 = Config(select=("MT101",))


def test_lint_text_gives_findings_with_positions():
    findings = lint_text("A quiet start.\n" + ARTEFACT, path="story.txt", config=MT101)
    assert [(f.path, f.code, f.name, f.start.line, f.start.column, f.end.line, f.end.column, f.excerpt)
            for f in findings] == [("story.txt", "MT101", "diplomacy-calque", 2, 7, 2, 35,
                                    "the head of French diplomacy")]
    assert "foreign minister" in findings[0].message


def test_the_path_extension_gives_the_format():
    text = "# A title\n\nIn code: `the head of French diplomacy`.\n"
    assert lint_text(text, path="story.md", config=MT101) == []
    assert [f.start.column for f in lint_text(text, path="story.txt", config=MT101)] == [11]
    assert [f.start.line for f in lint_text(text, path="story", config=MT101, format="markdown")] == []


def test_finding_to_dict_is_the_json_shape():
    (finding,) = lint_text(ARTEFACT, path="story.txt", config=MT101)
    data = finding.to_dict()
    assert data["code"] == "MT101" and data["severity"] == "warning"
    assert data["start"] == {"line": 1, "column": 7} and data["end"] == {"line": 1, "column": 35}
    assert (data["offset"], data["end_offset"]) == (6, 34)
    assert json.loads(json.dumps(data)) == data
    assert "article" not in data


def test_json_lines_text_names_its_articles():
    line = json.dumps({"id": "a-17", "text": ARTEFACT})
    (finding,) = lint_text(line + "\n", path="batch.jsonl", config=MT101)
    assert (finding.path, finding.article, finding.start.line, finding.start.column) == ("batch.jsonl", "a-17", 1, 7)
    assert finding.to_dict()["article"] == "a-17"


def test_api_objects_are_picklable():
    config = Config(select=("MT", "CL"), ignore=("CL001",), severity={"MT101": "error"})
    findings = lint_text(ARTEFACT, path="story.txt", config=config)
    assert findings and findings[0].severity == lintnews.Severity.ERROR
    assert pickle.loads(pickle.dumps(config)) == config
    assert pickle.loads(pickle.dumps(findings)) == findings
    result = FileResult("story.txt", findings, ["a notice"])
    assert pickle.loads(pickle.dumps(result)) == result
    for function in (lint_text, lint_paths, Finding.to_dict):
        assert pickle.loads(pickle.dumps(function)) is function


def test_the_api_prints_nothing_and_writes_nothing(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(ARTEFACT, encoding="utf-8")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    results = list(lint_paths([str(tmp_path)], MT101))
    assert [len(r.findings) for r in results] == [1]
    assert len(lint_text(ARTEFACT, config=MT101)) == 1
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()} == before
    assert capsys.readouterr() == ("", "")


def test_importing_lintnews_imports_nothing_heavy():
    code = ("import sys, lintnews; heavy = ['click', 'regex', 'yaml', 'jsonschema', 'langdetect', "
            "'language_tool_python', 'lintnews.engine']; print([m for m in heavy if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_run_with_cached_packs_imports_no_schema_validator_nor_unused_heavy_modules(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTEFACT, encoding="utf-8")
    env = {**os.environ, "LINTNEWS_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-X", "importtime", "-m", "lintnews", "check", "--jobs", "1", "--select", "MT,CL",
               str(article)]
    first = subprocess.run(command, capture_output=True, text=True, env=env)
    assert first.returncode == 1 and "jsonschema" in first.stderr  # the packs were parsed and validated
    second = subprocess.run(command, capture_output=True, text=True, env=env)
    assert second.returncode == 1 and second.stdout == first.stdout
    imported = {line.split("|")[-1].strip() for line in second.stderr.splitlines() if "|" in line}
    assert not {"jsonschema", "langdetect", "language_tool_python"} & imported, sorted(imported)


def _corpus_articles(tmp_path, system: str, count: int):
    from bench.wmt import article_text, documents

    source = shared_path(f"corpora/wmt14-fr-en/newstest2014.fr-en.{system}")
    out = tmp_path / system
    out.mkdir()
    for i, (_docid, _genre, sentences) in enumerate(documents(source)[:count]):
        (out / f"{i:03d}.txt").write_text(article_text(sentences), encoding="utf-8")
    return out


def test_lint_paths_in_parallel_gives_the_same_results_in_the_same_order(tmp_path):
    articles = _corpus_articles(tmp_path, "rbmt4.0", 40)
    (articles / "050-empty.txt").write_bytes(b"")
    (articles / "051-binary.txt").write_bytes(b"\x00\x01\x02binary")
    serial = list(lint_paths([str(articles)], Config(), jobs=1))
    parallel = list(lint_paths([str(articles)], Config(), jobs=2))
    assert sum(len(r.findings) for r in serial) > 40
    assert parallel == serial
    assert [r.path for r in parallel] == sorted(str(p) for p in articles.iterdir())


def test_parallel_workers_use_the_environment_of_their_own_run(tmp_path, monkeypatch):
    # In a process with threads, workers come from a fork server that outlives one run: each
    # run must hand them its own LINTNEWS_ variables (the LanguageTool server, the cache
    # directory), not those of the run that started the server. Here the compiled packs must
    # land in each run's cache directory. (Forked workers have the environment of the moment.)
    monkeypatch.setattr(runner, "_can_fork", lambda: False)
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(ARTEFACT, encoding="utf-8")
    for name in ("first-cache", "second-cache"):
        monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(tmp_path / name))
        results = list(lint_paths([str(tmp_path / f"{i}.txt") for i in range(4)], MT101, jobs=2))
        assert [[(f.code, f.start.line) for f in r.findings] for r in results] == [[("MT101", 1)]] * 4
        assert list((tmp_path / name).iterdir()), f"the workers did not use {name}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_workers_are_forked_only_from_a_process_without_threads():
    import threading

    if threading.active_count() > 1:  # an earlier test left a thread running (a cluster, a client)
        pytest.skip("this test process already runs threads")
    assert runner._pool_context().get_start_method() == "fork"
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert runner._pool_context().get_start_method() == "forkserver"
    finally:
        release.set()
        thread.join()
    assert runner._pool_context().get_start_method() == "fork"


def test_forked_and_fork_server_workers_give_the_same_results(tmp_path, monkeypatch):
    articles = _corpus_articles(tmp_path, "onlineC.0", 24)
    forked = list(lint_paths([str(articles)], Config(), jobs=2))
    monkeypatch.setattr(runner, "_can_fork", lambda: False)
    served = list(lint_paths([str(articles)], Config(), jobs=2))
    assert sum(len(r.findings) for r in forked) > 12
    assert served == forked


def _articles_with_artefact(tmp_path, count: int) -> list[str]:
    paths = []
    for i in range(count):
        (tmp_path / f"{i:02d}.txt").write_text(ARTEFACT, encoding="utf-8")
        paths.append(str(tmp_path / f"{i:02d}.txt"))
    return paths


def _failing_on(name: str, failure):
    """A lint_file for the (forked) workers that calls `failure` on the article `name`."""
    real = runner.lint_file

    def lint_file(linter, path):
        if path.endswith(name):
            failure()
        return real(linter, path)
    return lint_file


def _no_worker_left():
    import multiprocessing

    return multiprocessing.active_children() == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_worker_that_dies_ends_the_run_with_an_error_naming_its_exit_code(tmp_path, monkeypatch):
    paths = _articles_with_artefact(tmp_path, 30)
    monkeypatch.setattr(runner, "lint_file", _failing_on("17.txt", lambda: os._exit(9)))
    with pytest.raises(lintnews.LintnewsError, match=r"^a worker process ended unexpectedly \(exit code 9\)$"):
        list(lint_paths(paths, MT101, jobs=2))
    assert _no_worker_left()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_an_error_in_a_worker_is_raised_again_with_the_workers_traceback(tmp_path, monkeypatch):
    paths = _articles_with_artefact(tmp_path, 30)

    def bug():
        raise ValueError("a bug in a check")

    monkeypatch.setattr(runner, "lint_file", _failing_on("21.txt", bug))
    results = lint_paths(paths, MT101, jobs=2)
    with pytest.raises(ValueError, match="^a bug in a check$") as raised:
        list(results)
    assert isinstance(raised.value.__cause__, runner.WorkerTraceback)
    assert "in bug" in str(raised.value.__cause__) and "ValueError: a bug in a check" in str(raised.value.__cause__)
    assert _no_worker_left()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_lintnews_error_in_a_worker_comes_back_as_it_is(tmp_path, monkeypatch):
    paths = _articles_with_artefact(tmp_path, 6)

    def refuse():
        raise lintnews.errors.InputError("the server said no")

    monkeypatch.setattr(runner, "lint_file", _failing_on("03.txt", refuse))
    with pytest.raises(lintnews.errors.InputError, match="^the server said no$") as raised:
        list(lint_paths(paths, MT101, jobs=2))
    assert raised.value.__cause__ is None


def test_a_parallel_run_left_early_stops_its_workers(tmp_path):
    results = lint_paths(_articles_with_artefact(tmp_path, 40), MT101, jobs=2)
    first = next(results)
    assert [f.code for f in first.findings] == ["MT101"]
    results.close()
    assert _no_worker_left()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups as a terminal makes them")
def test_ctrl_c_during_a_parallel_run_exits_130_with_one_message_and_no_worker_left(tmp_path):
    import signal
    import time

    story = ARTEFACT + "".join(f"Paragraph {i} says nothing wrong at all, at some length.\n\n" for i in range(150))
    for i in range(3000):  # several seconds of work: the interrupt comes in the middle of it
        (tmp_path / f"{i:04d}.txt").write_text(story, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "lintnews", "check", "--jobs", "2", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(1.5)
    os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C does: to every process of the foreground group
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out, err) == (130, "", "lintnews: interrupted\n")
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # no worker outlived the run


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cli_output_is_identical_with_one_or_two_jobs(tmp_path, fmt):
    articles = _corpus_articles(tmp_path, "onlineC.0", 60)
    runs = [subprocess.run([sys.executable, "-m", "lintnews", "check", "--format", fmt, "--jobs", jobs,
                            str(articles)], capture_output=True, text=True, cwd=tmp_path) for jobs in ("1", "2")]
    assert runs[0].returncode == runs[1].returncode == 1, runs[0].stderr
    assert runs[0].stdout == runs[1].stdout
    assert runs[0].stderr == runs[1].stderr
    assert runs[0].stdout.count("\n") > 60


def test_output_the_caller_had_not_flushed_comes_out_once_with_forked_workers(tmp_path):
    # A forked worker flushes the streams it inherited when it ends; multiprocessing flushes
    # them before it forks, so a host program's pending output is not written again by each.
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(ARTEFACT, encoding="utf-8")
    script = ("import sys, lintnews\n"
              "print('before the run', end='')\n"
              f"results = list(lintnews.lint_paths([{str(tmp_path)!r}], jobs=2))\n"
              "print(); print(len(results), sum(len(r.findings) for r in results))\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "before the run\n6 6\n"
