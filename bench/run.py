"""The performance benchmark: throughput, parallel speed-up, start-up, memory, linearity.

    python -m bench.run [--runs 5] [--quick] [--no-proselint] [--hypothesis 2000]
                        [--languagetool-url http://127.0.0.1:8081]

Builds its corpora from ../shared/corpora/wmt14-fr-en (each `# genre=news ... docid=`
document of every system becomes one article file: about 1,600 articles, 3.6 MB; the same
text as one large file, and that file doubled and quadrupled), then times whole
`lintnews check` processes with the default rule set (no grammar), as a user or CI runs
them, and prints the median of --runs runs of each measurement. The runs over the article
files (cold start, --jobs 1, --jobs 2, proselint), those of the large file (1x, 2x, 4x) and
those of --grammar are made in rounds, one of each per round, and the ratios (speed-up,
proselint, 4x/1x, LanguageTool overhead) are the medians of the rounds' ratios: a host that
slows down for a while slows them all alike.

- MB/s and articles/s over the article files, with --jobs 1 and --jobs 2, and the host's
  parallel capacity for this work: two independent --jobs 1 processes, each on half the
  articles, side by side against one after the other (what --jobs 2 can gain at most on this
  machine: two vCPUs that share a core, or a busy host, give less than 2x);
- cold start: the wall time of `lintnews check` on one 5 KB article (the compiled rule packs
  in the user cache, as on every run after the first; the first, empty-cache run is shown too);
- peak RSS of the lintnews process (and, with --jobs 2, of the largest worker);
- the large file at 1x, 2x and 4x its size, and the 4x/1x time ratio (cost must grow
  linearly);
- proselint (pip install proselint) on the same article files, and lintnews's throughput
  as a multiple of proselint's, so that figures from a busy machine still compare;
- with --languagetool-url, the --grammar run against that server, and lintnews's overhead
  over the time LanguageTool itself takes for the same articles;
- with --hypothesis N, the property tests of tests/test_robustness.py with N examples each.

Before timing it writes lintnews's bytecode, as installing the wheel with pip does (an
editable install has none, and PYTHONDONTWRITEBYTECODE would keep every run compiling it).

Each target of issue 6 is printed with "ok" or "MISSED". Timings depend on the machine's
load: take figures to publish on a quiet machine.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .wmt import CORPUS, SYSTEMS, article_text, corpus_file, documents

REPO = Path(__file__).resolve().parent.parent

TARGETS = {
    "mbps_1": 2.0,          # MB/s, one process
    "speedup_2": 1.7,       # --jobs 2 over --jobs 1
    "cold_start": 0.3,      # seconds
    "rss_mb": 150.0,        # peak RSS, MB
    "vs_proselint": 5.0,    # throughput multiple
    "linear_4x": 4.5,       # time(4x) / time(1x)
    "lt_overhead": 0.20,    # share of LanguageTool's own time
}


# --- corpora ---------------------------------------------------------------------------------
def build_corpora(work: Path, systems=SYSTEMS) -> dict:
    """Article files, one large file of the same text, the large file 2x and 4x, one 5 KB article."""
    articles_dir = work / "articles"
    articles_dir.mkdir(parents=True)
    texts = []
    for system in systems:
        for i, (docid, _genre, sentences) in enumerate(documents(corpus_file(system))):
            text = article_text(sentences)
            texts.append(text)
            (articles_dir / f"{system}-{i:04d}.txt").write_text(text, encoding="utf-8")
    large = "\n".join(texts)
    sizes = {}
    for factor in (1, 2, 4):
        path = work / f"large-{factor}x.txt"
        path.write_text("\n".join([large] * factor), encoding="utf-8")
        sizes[factor] = path
    # The articles in two halves (every other file), for the host's parallel capacity.
    halves = (work / "half-a", work / "half-b")
    for which, half in enumerate(halves):
        half.mkdir()
        for path in sorted(articles_dir.iterdir())[which::2]:
            shutil.copyfile(path, half / path.name)
    # One article of about 5 KB: the corpus article closest to that size.
    small = min(texts, key=lambda t: abs(len(t.encode("utf-8")) - 5000))
    (work / "small.txt").write_text(small, encoding="utf-8")
    return {
        "articles": articles_dir,
        "count": len(texts),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "large": sizes,
        "small": work / "small.txt",
        "halves": halves,
    }


# --- running and timing ------------------------------------------------------------------------
def compile_bytecode() -> None:
    """Write lintnews's bytecode (__pycache__), as pip does when it installs the wheel. An
    editable install (pip install -e) has none, and where PYTHONDONTWRITEBYTECODE is set no
    run writes it: every process would compile every module again, some 0.1 s that a user's
    installation never spends."""
    import compileall

    import lintnews

    package = Path(lintnews.__file__).resolve().parent
    if not compileall.compile_dir(str(package), quiet=1):
        raise SystemExit(f"bench: could not compile {package}")


def run(argv: list[str], env=None) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS in MB (the process or its largest child), exit code, and CPU
    seconds (user and system, of the process and the workers it waited for)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(argv)} failed with exit code {proc.returncode}:\n{err[-2000:]}")
    return wall, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime


def in_rounds(commands: dict, runs: int, env=None, side_by_side_runs: dict | None = None) -> tuple[dict, dict, dict]:
    """Each command run once per round, for `runs` rounds: its wall seconds, peak RSS in MB and
    CPU seconds, a list of each by key. Each of `side_by_side_runs` (key -> commands started
    together) is timed once per round too, among the walls."""
    side_by_side_runs = side_by_side_runs or {}
    walls: dict = {key: [] for key in [*commands, *side_by_side_runs]}
    rss: dict = {key: [] for key in commands}
    cpu: dict = {key: [] for key in commands}
    for _ in range(runs):
        for key, argv in commands.items():
            wall, mb_rss, _, seconds = run(argv, env)
            walls[key].append(wall)
            rss[key].append(mb_rss)
            cpu[key].append(seconds)
        for key, argvs in side_by_side_runs.items():
            walls[key].append(side_by_side(argvs, env))
    return walls, rss, cpu


def side_by_side(argvs: list[list[str]], env=None) -> float:
    """Wall seconds for commands started together, until the last one ends."""
    start = time.perf_counter()
    procs = [subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env) for argv in argvs]
    for proc in procs:
        if proc.wait() not in (0, 1):
            raise SystemExit(f"bench: {' '.join(proc.args)} failed with exit code {proc.returncode}")
    return time.perf_counter() - start


def lintnews(*args) -> list[str]:
    return [sys.executable, "-m", "lintnews", "check", "--quiet", "--fail-on", "never", *map(str, args)]


def reference_loop() -> float:
    """Seconds for a fixed loop of pure Python in a fresh interpreter (best of three): the
    figures above scale with it, so runs on one machine at two moments compare."""
    code = "import time\ns = time.perf_counter()\nx = 0\nfor i in range(3_000_000): x += i % 7\nprint(time.perf_counter() - s)"
    return min(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
               for _ in range(3))


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


# --- the benchmark -------------------------------------------------------------------------------
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement (the median is shown)")
    parser.add_argument("--quick", action="store_true", help="one system's articles, 3 runs: a smoke test")
    parser.add_argument("--no-proselint", action="store_true", help="skip the proselint comparison")
    parser.add_argument("--hypothesis", type=int, default=0, metavar="N",
                        help="also run the property tests with N examples each")
    parser.add_argument("--languagetool-url", help="a running LanguageTool server: measure --grammar too")
    parser.add_argument("--keep", metavar="DIR", help="build the corpora in DIR and keep them")
    args = parser.parse_args(argv)
    runs = 3 if args.quick and args.runs == 5 else args.runs

    if not CORPUS.is_dir():
        raise SystemExit(f"bench: the corpus is missing: {CORPUS}")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="lintnews-bench-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    cache = Path(tempfile.mkdtemp(prefix="lintnews-bench-cache-"))
    env = {**os.environ, "LINTNEWS_CACHE_DIR": str(cache)}
    try:
        corpora = build_corpora(work, SYSTEMS[:1] if args.quick else SYSTEMS)
        compile_bytecode()
        return report(corpora, runs, env, cache, args)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def report(corpora: dict, runs: int, env: dict, cache: Path, args) -> int:
    mb = corpora["bytes"] / 1e6
    n = corpora["count"]
    missed = []

    def target(key: str, ok: bool) -> str:
        if not ok:
            missed.append(key)
        return verdict(ok)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"lintnews benchmark: {n} articles, {mb:.2f} MB from {CORPUS.name}; {os.cpu_count()} CPUs, "
          f"load average {load:.2f}; median of {runs} runs; default rules, no grammar")
    print(f"machine speed: {reference_loop():.3f} s for a reference loop of pure Python (taken again "
          f"at the end: a shared host that is busy shows here)")

    # Cold start, --jobs 1, --jobs 2 and proselint are measured in rounds, one run of each per
    # round: a machine that slows down for a while (other work on its host) slows every one of
    # them alike, and the speed-up and the proselint ratio are taken round by round.
    first = run(lintnews("--jobs", 1, corpora["small"]), env)[0]  # the empty pack cache
    proselint = None if args.no_proselint else shutil.which("proselint")
    commands = {"cold": lintnews("--jobs", 1, corpora["small"]),
                "jobs1": lintnews("--jobs", 1, corpora["articles"]),
                "jobs2": lintnews("--jobs", 2, corpora["articles"])}
    if proselint is not None:
        # proselint keeps no cache between runs in 0.16; each run reads every file afresh.
        commands["proselint"] = [proselint, "check", "-o", "compact", str(corpora["articles"])]
    # The host's parallel capacity for this very work: the two halves of the articles linted by
    # two independent --jobs 1 processes, one after the other and then side by side.
    halves = [lintnews("--jobs", 1, half) for half in corpora["halves"]]
    commands.update({"half_a": halves[0], "half_b": halves[1]})
    walls, rss, cpu = in_rounds(commands, runs, env, {"halves": halves})
    capacity = statistics.median((a + b) / both for a, b, both in zip(walls["half_a"], walls["half_b"], walls["halves"]))
    cold, t1, t2 = (statistics.median(walls[k]) for k in ("cold", "jobs1", "jobs2"))
    cold_rss, rss1, rss2 = (max(rss[k]) for k in ("cold", "jobs1", "jobs2"))

    size = corpora["small"].stat().st_size
    print(f"\ncold start, one {size / 1000:.1f} KB article:  {cold:.3f} s   "
          f"(first run, empty pack cache: {first:.3f} s)   target <= {TARGETS['cold_start']} s: "
          f"{target('cold_start', cold <= TARGETS['cold_start'])}")

    # Throughput over the article files.
    mbps1, mbps2 = mb / t1, mb / t2
    speedup = statistics.median(a / b for a, b in zip(walls["jobs1"], walls["jobs2"]))
    print(f"\narticles, --jobs 1:  {t1:6.2f} s  {mbps1:5.2f} MB/s  {n / t1:7.0f} articles/s   "
          f"target >= {TARGETS['mbps_1']} MB/s: {target('mbps_1', mbps1 >= TARGETS['mbps_1'])}   "
          f"(CPU {statistics.median(cpu['jobs1']):.2f} s: {mb / statistics.median(cpu['jobs1']):.2f} MB per CPU second)")
    print(f"articles, --jobs 2:  {t2:6.2f} s  {mbps2:5.2f} MB/s  {n / t2:7.0f} articles/s   "
          f"speed-up {speedup:.2f}x (median of the rounds' ratios), target >= {TARGETS['speedup_2']}x: "
          f"{target('speedup_2', speedup >= TARGETS['speedup_2'])}")
    print(f"host's parallel capacity: {capacity:.2f}x  (two independent --jobs 1 processes, each on half the "
          f"articles, side by side against one after the other; 2.00x on two free cores): the most --jobs 2 "
          f"can gain here; it reaches {speedup / capacity:.0%} of it")

    # Linearity on one large file: 1x, 2x and 4x in rounds too, the ratio taken round by round.
    sizes = corpora["large"]
    large_walls, large_rss, _ = in_rounds({factor: lintnews("--jobs", 1, path) for factor, path in sizes.items()},
                                          runs, env)
    large = {factor: (statistics.median(large_walls[factor]), max(large_rss[factor])) for factor in sizes}
    for factor, path in sizes.items():
        print(f"{'' if factor > 1 else chr(10)}large file {factor}x ({path.stat().st_size / 1e6:5.1f} MB): "
              f"{large[factor][0]:6.2f} s  {path.stat().st_size / 1e6 / large[factor][0]:5.2f} MB/s  "
              f"peak RSS {large[factor][1]:6.1f} MB")
    ratio = statistics.median(b / a for a, b in zip(large_walls[1], large_walls[4]))
    print(f"time 4x / 1x: {ratio:.2f} (median of the rounds' ratios)   target <= {TARGETS['linear_4x']}: "
          f"{target('linear_4x', ratio <= TARGETS['linear_4x'])}")

    # The target is for runs over many files ("however many files"); one 14 MB file is shown beside it.
    peak = max(cold_rss, rss1, rss2)
    print(f"\npeak RSS: {peak:.1f} MB (one article {cold_rss:.1f}, {n} articles --jobs 1 {rss1:.1f}, "
          f"--jobs 2 largest process {rss2:.1f})   target <= {TARGETS['rss_mb']:.0f} MB: "
          f"{target('rss_mb', peak <= TARGETS['rss_mb'])};  one file of {corpora['large'][4].stat().st_size / 1e6:.0f} MB: "
          f"{large[4][1]:.1f} MB")

    if args.no_proselint:
        pass
    elif proselint is None:
        print("\nproselint: not installed (pip install proselint), comparison skipped")
        missed.append("vs_proselint (not run)")
    else:
        tp = statistics.median(walls["proselint"])
        times = statistics.median(p / a for a, p in zip(walls["jobs1"], walls["proselint"]))
        print(f"\nproselint, same articles: {tp:6.2f} s  {mb / tp:5.2f} MB/s  {n / tp:7.0f} articles/s   "
              f"lintnews --jobs 1 throughput / proselint's: {times:.2f}x (median of the rounds' ratios), "
              f"target >= {TARGETS['vs_proselint']}x: {target('vs_proselint', times >= TARGETS['vs_proselint'])}")
        by_cpu = statistics.median(p / a for a, p in zip(cpu["jobs1"], cpu["proselint"]))
        print(f"  the same in CPU time (user and system): proselint {statistics.median(cpu['proselint']):.2f} s, "
              f"lintnews {statistics.median(cpu['jobs1']):.2f} s, {by_cpu:.2f}x: a host that takes the CPU away "
              f"from a run for a while shows as wall time above CPU time")

    if args.languagetool_url:
        grammar_overhead(corpora, runs, env, args.languagetool_url, target)

    if args.hypothesis:
        print(f"\nproperty tests, {args.hypothesis} examples each:", flush=True)
        status = subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                  str(REPO / "tests" / "test_robustness.py"), "-k", "property"],
                                 env={**env, "LINTNEWS_HYPOTHESIS_EXAMPLES": str(args.hypothesis)}, cwd=REPO)
        if status:
            missed.append("property tests")

    print(f"\nmachine speed at the end: {reference_loop():.3f} s for the reference loop")
    print("\nall targets met" if not missed else f"\nmissed: {', '.join(missed)}")
    return 1 if missed else 0


def grammar_overhead(corpora: dict, runs: int, env: dict, url: str, target) -> None:
    """lintnews --grammar against LanguageTool's own time for the same articles.

    LanguageTool's time is measured by posting every article to the server directly, with as
    many requests in flight as lintnews uses; the overhead is what lintnews adds on top."""
    import json
    import urllib.parse
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    from lintnews.languagetool import default_threads  # as many requests in flight as lintnews

    files = sorted(corpora["articles"].iterdir())[:200]
    subset = Path(tempfile.mkdtemp(prefix="lintnews-bench-lt-"))
    for path in files:
        shutil.copy(path, subset / path.name)

    def post(path: Path) -> None:
        data = urllib.parse.urlencode({"language": "en-US", "text": path.read_text(encoding="utf-8")}).encode()
        with urllib.request.urlopen(url.rstrip("/") + "/v2/check", data=data, timeout=120) as response:
            json.load(response)

    def direct() -> float:
        start = time.perf_counter()
        with ThreadPoolExecutor(default_threads()) as pool:
            list(pool.map(post, files))
        return time.perf_counter() - start

    try:
        direct()  # the server's first requests are slow while its rules load
        rounds = []  # (LanguageTool alone, lintnews --grammar, lintnews without grammar), in rounds
        for _ in range(runs):
            rounds.append((direct(), run(lintnews("--grammar", "--languagetool-url", url, "--jobs", 1, subset), env)[0],
                           run(lintnews("--jobs", 1, subset), env)[0]))
    finally:
        shutil.rmtree(subset, ignore_errors=True)
    lt, ours, plain = (statistics.median(r[i] for r in rounds) for i in range(3))
    overhead = statistics.median((o - d) / d for d, o, _ in rounds)
    print(f"\n--grammar, {len(files)} articles: {ours:.2f} s; LanguageTool alone {lt:.2f} s; without grammar "
          f"{plain:.2f} s; lintnews overhead {overhead:.0%} of LanguageTool's time, target < "
          f"{TARGETS['lt_overhead']:.0%}: {target('lt_overhead', overhead < TARGETS['lt_overhead'])}")


if __name__ == "__main__":
    sys.exit(main())
