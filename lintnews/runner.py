"""One run over many files: discovery, reading, linting, progress. Used by the CLI and the API."""
from __future__ import annotations

import gc
import os
import signal
import sys
from dataclasses import dataclass, field

from .articles import discover, documents
from .config import Config
from .document import Document
from .engine import Linter
from .errors import InputError, LintnewsError, RuleError
from .files import BinaryFile, Source, decode, format_for, read_source
from .finding import Finding


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    skipped: bool = False
    #: Rules that failed on the file (a bug, see engine.failed): one line each. The command
    #: line prints them as errors and ends with exit code 2.
    errors: list[str] = field(default_factory=list)


def read_article(path: str, result) -> "Source | None":
    """Read one path for linting or fixing. Unreadable, binary and empty files become notices
    on `result` (a FileResult or FileFix), not exceptions; None means there is nothing to lint."""
    try:
        source = read_source(path)
    except InputError as exc:
        result.notices.append(str(exc))
        result.skipped = True
        return None
    except BinaryFile:
        result.notices.append(f"{path}: binary file, skipped")
        result.skipped = True
        return None
    if not source.text.strip():
        result.notices.append(f"{path}: empty file, nothing to check")
        return None
    return source


def lint_file(linter: Linter, path: str) -> FileResult:
    """Lint one path. Unreadable and binary files become notices, not exceptions."""
    result = FileResult(path)
    source = read_article(path, result)
    if source is None:
        return result
    docs = documents(source, format_for(path) or "text")
    result.notices.extend(getattr(docs, "notices", ()))  # lines of a JSON Lines batch that were skipped
    for doc in docs:
        out = lint_document(linter, doc)
        result.findings.extend(out.findings)
        result.notices.extend(out.notices)
        result.errors.extend(out.errors)
    return result


#: A text longer than this (in characters) is no single article (the longest run to some
#: 100,000): a concatenated archive, a dump. It is linted in sections of about this size, so
#: time grows linearly and memory stays flat however big the file is.
SECTION_CHARS = 200_000


def lint_document(linter: Linter, doc: Document):
    """The linter's Result for `doc`, section by section when the document is very long.

    Sections end at a paragraph break, else a line break, else a space, near SECTION_CHARS;
    findings keep the file's offsets, lines and columns. Rules that compare parts of an
    article (consistency, duplicates) compare within a section only: a notice says so.
    """
    if len(doc.text) <= SECTION_CHARS:
        return linter.lint(doc)
    import dataclasses

    from .engine import Result

    result = Result([])
    sections = 0
    for start, end in sections_of(doc.prose, SECTION_CHARS):
        sections += 1
        line, column = doc.position(start).line, doc.position(start).column
        part = Document(doc.path, doc.text[start:end], doc.prose[start:end], doc.format, doc.metadata,
                        notes=doc.notes if start == 0 else [], article=doc.article, origin=(line, column))
        out = linter.lint(part)
        result.findings.extend(dataclasses.replace(f, offset=f.offset + start, end_offset=f.end_offset + start)
                               for f in out.findings)
        result.notices.extend(out.notices)
        result.errors.extend(out.errors)
    result.notices.insert(0, f"{doc.name}: {len(doc.text) / 1e6:.1f} million characters, too long for one article: "
                             f"linted in {sections} sections; rules that compare parts of an article "
                             f"compared within each section only")
    return result


def sections_of(prose: str, size: int = SECTION_CHARS):
    """(start, end) of consecutive sections of `prose`, each at most `size` characters."""
    start, n = 0, len(prose)
    while start < n:
        end = min(n, start + size)
        if end < n:
            floor = start + size // 2
            for mark in ("\n\n", "\n", " "):
                cut = prose.rfind(mark, floor, end)
                if cut > 0:
                    end = cut + len(mark)
                    break
        yield start, end
        start = end


class Progress:
    """A one-line counter on stderr, only when stderr is a terminal and the run is long."""

    def __init__(self, total: int, stream=None):
        self.stream = stream or sys.stderr
        self.total = total
        self.on = total > 1 and self.stream.isatty()
        self.done = 0

    def step(self, path: str) -> None:
        if not self.on:
            return
        self.done += 1
        self.stream.write(f"\r\x1b[Klintnews: {self.done}/{self.total} {path[-60:]}")
        self.stream.flush()

    def close(self) -> None:
        if self.on:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def lint_paths(paths, config: Config | None = None, linter: Linter | None = None, jobs: int = 1, settings=None):
    """Lint files and directories; yields a FileResult per file, in command-line order.

    With `jobs` > 1 files are linted by that many worker processes, each with a Linter of its
    own; results still come back in file order, so the output is the same as with one job.

    With `settings` (a lintnews.settings.Settings), each file is linted under the configuration
    file nearest to it, one Linter per configuration file; `config` then holds only the
    command line's globs for finding files. Every configuration is read and checked before
    the first file is linted.
    """
    config = config or (linter.config if linter is not None else Config())
    files = discover(paths, config.include, config.exclude)
    if jobs > 1 and len(files) > 1 and not _can_fork():
        _start_fork_server()  # it loads lintnews on the other core while configurations are read
    if settings is not None:
        files = settings.filter(files, paths)
    # With --grammar: one LanguageTool server for the whole run, reached (or started) now.
    # (The client's module, threads and all, is imported only for a run that has grammar on.)
    configs = (settings.config_for(p) if settings is not None else config for p in files)
    grammar = next((c for c in configs if c.grammar), None)
    if grammar is not None:
        from .languagetool import prepare

        prepare([grammar])
    progress = Progress(len(files))
    try:
        if jobs > 1 and len(files) > 1:
            results = _parallel(files, config, min(jobs, len(files)), settings, linter)
        elif settings is not None:
            results = (lint_file(settings.linter_for(path), path) for path in files)
        else:
            linter = linter or Linter(config)
            results = (lint_file(linter, path) for path in files)
        for result in results:
            yield result
            progress.step(result.path)
    finally:
        progress.close()


# --- parallel runs ----------------------------------------------------------------------------
_worker_linter: Linter | None = None
_worker_settings = None


#: Allocations between two young-generation garbage collections in a lintnews process.
GC_THRESHOLD = (100_000, 50, 100)


def collect_garbage_rarely() -> None:
    """Python's cycle collector runs every 700 allocations by default and walks every young
    object; a lint allocates millions of short-lived tuples and strings (tokens, matches)
    that reference counting frees on its own, and no check builds reference cycles. Raising
    the threshold saves about 15% of a run. Done by the CLI and the worker processes, never
    by the library API (a host program's collector is its own business)."""
    gc.set_threshold(*GC_THRESHOLD)


def exit_without_collecting() -> None:
    """Before the command-line process ends: Python's shutdown runs a full cycle collection
    over every object still alive (the rule packs, langdetect's profiles, the word caches):
    some 40 ms after a run over 1,600 articles, to free memory the process is about to give
    back anyway. Frozen objects are left out of it (gc.freeze); exit handlers and finalisers
    still run and output is flushed as usual."""
    gc.freeze()


def _start_worker(config: Config, settings=None, environ: dict | None = None, linter: Linter | None = None) -> None:
    """Build the worker's Linter once (a forked worker has its parent's, `linter`, or those of
    `settings`, already built). Ctrl-C is the parent's to handle: workers ignore it, so an
    interrupted run prints one message and no traceback per worker. `environ` holds the
    parent's LINTNEWS_ variables as they are now (such as the LanguageTool server prepare()
    started, or the cache directory): a fork server started by an earlier run in the same
    process would hand down the ones of its own start. (multiprocessing passes the current
    directory itself.)"""
    global _worker_linter, _worker_settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    collect_garbage_rarely()
    for key in [k for k in os.environ if k.startswith("LINTNEWS_")]:
        if environ is not None and key not in environ:
            del os.environ[key]
    os.environ.update(environ or {})
    _worker_settings = settings
    _worker_linter = None if settings is not None else linter or Linter(config)


def _lint_chunk(paths: list[str]) -> list[FileResult]:
    if _worker_settings is not None:
        return [lint_file(_worker_settings.linter_for(path), path) for path in paths]
    return [lint_file(_worker_linter, path) for path in paths]


class WorkerTraceback(Exception):
    """Where an unexpected error was raised in a worker process: the cause of the error the
    parent raises again, so a bug's traceback still shows the worker's lines."""


def _serve(conn, config: Config, settings=None, environ: dict | None = None, linter: Linter | None = None) -> None:
    """A worker process: lints the groups of files the parent sends, in the order sent, and
    answers each with (number, results, error, traceback); None, or the parent gone, ends it."""
    _start_worker(config, settings, environ, linter)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        number, paths = job
        try:
            answer = (number, _lint_chunk(paths), None, None)
        except Exception as exc:  # noqa: BLE001 - the parent raises it again
            import traceback

            answer = (number, None, exc, "".join(traceback.format_exception(exc)))
        try:
            conn.send(answer)
        except Exception as exc:  # noqa: BLE001 - an error that cannot be pickled: its text
            conn.send((number, None, RuntimeError(repr(answer[2] or exc)), answer[3]))


def _chunks(files: list[str], jobs: int):
    """Files in small groups: big enough to amortise inter-process traffic, small enough to
    keep every worker busy to the end."""
    size = max(1, min(16, len(files) // (jobs * 8)))
    group = []
    for path in files:
        if path == "-":  # standard input belongs to the parent process
            if group:
                yield group
                group = []
            yield path
            continue
        group.append(path)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def _preload() -> list[str]:
    """What the fork server imports once, so that each worker forked from it starts with
    lintnews's modules, the checks' included, loaded instead of importing them again."""
    import pkgutil

    from . import checks

    return ["lintnews.runner"] + sorted(f"{checks.__name__}.{m.name}" for m in pkgutil.iter_modules(checks.__path__)
                                        if not m.name.startswith("_"))


def _start_fork_server() -> None:
    """Start the fork server now rather than at the first file handed to a worker."""
    context = _pool_context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _can_fork() -> bool:
    """Whether workers may be forked from this process: on Linux, and only while it runs a
    single thread. A child forked from a process with threads (a Dask worker, a LanguageTool
    client's thread pool) can inherit a lock another thread held and wait on it forever; a
    single-threaded process, such as the command line without --grammar, has no such lock."""
    import threading

    return sys.platform.startswith("linux") and threading.active_count() == 1


def _pool_context():
    """Forked workers where that is safe (see _can_fork): they start at once with the parent's
    Linter, rule packs and compiled patterns. Elsewhere workers are started by a fork server,
    a fresh single-threaded process that has imported lintnews; where there is none
    (Windows), they are spawned."""
    import multiprocessing

    if _can_fork():
        return multiprocessing.get_context("fork")
    if "forkserver" not in multiprocessing.get_all_start_methods():  # pragma: no cover - not POSIX
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_preload())
    return context


#: Groups of files queued at a worker: the next one is there when it finishes the current one.
QUEUED_PER_WORKER = 2


def _parallel(files: list[str], config: Config, jobs: int, settings=None, linter: Linter | None = None):
    """Results in file order. Files go to the workers in groups, each worker with at most
    QUEUED_PER_WORKER of them queued and at most four groups per worker sent beyond the
    first whose results are still awaited, so memory stays flat however many files there
    are. Standard input is linted here, in its turn. A worker that dies ends the run with a
    LintnewsError; an error raised in a worker is raised again here."""
    from multiprocessing.connection import wait

    environ = {k: v for k, v in os.environ.items() if k.startswith("LINTNEWS_")}
    context = _pool_context()
    if context.get_start_method() == "fork" and settings is None:
        linter = linter or Linter(config)  # built once here, inherited by every worker
    else:
        linter = None  # a worker that is not forked builds its own: a Linter is not sent to it
    groups = list(_chunks(files, jobs))
    window = jobs * 4
    workers: dict = {}  # connection -> [process, groups queued there]
    answered: dict = {}  # group number -> its results, until their turn
    sent = turn = 0
    finished = False
    try:
        for _ in range(jobs):
            conn, child = context.Pipe()
            process = context.Process(target=_serve, args=(child, config, settings, environ, linter), daemon=True)
            process.start()
            child.close()
            workers[conn] = [process, 0]
        while turn < len(groups):
            for conn, worker in workers.items():
                while worker[1] < QUEUED_PER_WORKER and sent < len(groups) and sent - turn < window:
                    if not isinstance(groups[sent], str):  # standard input waits for its turn here
                        try:
                            conn.send((sent, groups[sent]))
                        except OSError:
                            raise _ended(worker[0]) from None
                        worker[1] += 1
                    sent += 1
            if isinstance(groups[turn], str):
                if linter is None:
                    linter = Linter(config) if settings is None else settings.linter_for(groups[turn])
                yield lint_file(linter, groups[turn])
                turn += 1
            elif turn in answered:
                yield from answered.pop(turn)
                turn += 1
            else:
                for conn in wait(list(workers)):
                    number, results = _answer(conn, workers[conn])
                    answered[number] = results
        finished = True
    finally:
        for conn, (process, _) in workers.items():
            if finished:
                try:
                    conn.send(None)
                except OSError:  # it has ended already
                    pass
            else:  # interrupted, or an error: whatever the workers are doing is not wanted
                process.terminate()
        for conn, (process, _) in workers.items():
            process.join()
            conn.close()


def _answer(conn, worker: list) -> tuple:
    """(group number, results) from a worker that answered; its error raised here."""
    try:
        number, results, error, where = conn.recv()
    except (EOFError, OSError):
        raise _ended(worker[0]) from None
    worker[1] -= 1
    if error is not None:
        if where is not None and not isinstance(error, LintnewsError):
            raise error from WorkerTraceback(where)
        raise error
    return number, results


def _ended(process) -> LintnewsError:
    process.join()
    return LintnewsError(f"a worker process ended unexpectedly (exit code {process.exitcode})")


#: Linters built by lint_text, by configuration: a process linting many strings with one
#: configuration (a worker of a distributed engine) builds its Linter once.
_linters: dict[bytes, Linter] = {}


def linter_for(config: Config) -> Linter:
    """The process's Linter for `config`, built on first use."""
    import pickle

    key = pickle.dumps(config)
    linter = _linters.get(key)
    if linter is None:
        if len(_linters) >= 8:
            _linters.pop(next(iter(_linters)))
        linter = _linters[key] = Linter(config)
    return linter


def lint_text(text: str, path: str = "<text>", config: Config | None = None, format: str | None = None,
              metadata: dict | None = None, linter: Linter | None = None) -> list[Finding]:
    """Lint a string as if it were the file `path`; returns its findings, sorted.

    `format` is text, markdown, html or jsonl (then `text` holds JSON Lines articles); by
    default the extension of `path` says. Nothing is read or printed; the Linter for a
    configuration is built once per process and reused. A rule that fails on the text (a bug)
    raises RuleError, which names the rule, after the other rules have run.
    """
    linter = linter or linter_for(config or Config())
    fmt = format or format_for(path) or "text"
    findings = []
    from .files import Source

    for doc in documents(Source(path, text), fmt, metadata):
        out = lint_document(linter, doc)
        if out.errors:
            more = f" (and {len(out.errors) - 1} more)" if len(out.errors) > 1 else ""
            raise RuleError(out.errors[0] + more)
        findings.extend(out.findings)
    return findings


__all__ = ["lint_paths", "lint_text", "lint_file", "default_jobs", "FileResult", "Document", "decode"]
