"""Nothing a scraper produces may crash lintnews or damage a file.

Property tests (hypothesis) throw random Unicode, Markdown and HTML at the linter and check
what must hold for every input: no exception, every span inside the text, every line and
column the one the offset gives, SARIF valid against the official schema, fixes idempotent.
CI runs a fixed, derandomised number of examples; `python -m bench.run --hypothesis N` runs
more (LINTNEWS_HYPOTHESIS_EXAMPLES). Then the named hostile inputs of issue 6, each with its
own test (the HTML, --fix and Ctrl-C ones live with the HTML and fix tests).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from lintnews import Config, lint_paths, lint_text
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.fixes import fix_text
from lintnews.packs import load_packs
from lintnews.prefilter import fold
from lintnews.runner import SECTION_CHARS, linter_for

from .conftest import shared_path

EXAMPLES = int(os.environ.get("LINTNEWS_HYPOTHESIS_EXAMPLES", "0") or 0)
PROPERTY = settings(
    max_examples=EXAMPLES or 40,
    # CI: the same examples every run (a failure is reproducible); the benchmark: new ones.
    derandomize=not EXAMPLES,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Pieces of news copy that wake up the rules (translation artefacts, typography, clean-up
# leftovers, suppression comments), written for these tests, and characters that are hard
# on offsets: CR, CRLF, emoji outside the BMP, combining marks, NBSP, RTL text.
NEWS = [
    "The head of French diplomacy", " said on Tuesday", " « quoted » ", " 3,5 %", " M. Dupont",
    " the Minister of the Interior", " in the frame of", "Read also: ", "Newsletter", " logo_FR",
    " photo.jpg", " - ", " ?", " !", " :", "...", "  ", ". ", ", ", "’", "\"", "«", "»", "—",
    " a précisé", " selon", " during the day.", " since 3 years", " 2024", " 12 mars",
    "lintnews-disable-next-line MT101", "# lintnews-disable", "lintnews-enable", " the the ",
    "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u202f", "😀", "e\u0301", "\u200b", "שלום", "İ", "ß",
]
MARKDOWN = ["# ", "## ", "```\n", "~~~", "`", "*", "**", "_", "> ", "- ", "1. ", "[link](http://x.org/a)",
            "![logo](a.png)", "<!-- ", " -->", "---\n", "---\ndate: 2020-01-10\n---\n", "<b>", "</b>", "[ref]: x"]
HTML = ["<p>", "</p>", "<div>", "</div>", "<h2>", "</h2>", "<br>", "<script>", "</script>", "<style>",
        "</style>", "&amp;", "&nbsp;", "&#x2014;", "&#8217;", "&bogus;", "<!--", "-->", "<a href='x.html'>",
        "</a>", "<img alt='photo.jpg' src='p.png'>", "<figcaption>", "</figcaption>", "<", ">", "<p class=\"x"]


def pieces(*extra: list[str]):
    alphabet = st.characters(blacklist_categories=("Cs",))
    piece = st.one_of(st.sampled_from(NEWS + [p for e in extra for p in e]), st.text(alphabet, max_size=12))
    return st.lists(piece, max_size=40).map("".join)


def expected_position(text: str, offset: int) -> tuple[int, int]:
    """(line, column) of `offset` counted here independently: CRLF, CR and LF end a line."""
    before = text[:offset]
    breaks = list(re.finditer(r"\r\n|\r|\n", before))
    line_start = breaks[-1].end() if breaks else 0
    # A CR at the end of `before` followed by LF in the text is half a CRLF: not a break yet.
    if before.endswith("\r") and text[offset:offset + 1] == "\n":
        breaks = breaks[:-1]
        line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


def assert_sound(text: str, findings) -> None:
    for f in findings:
        assert 0 <= f.offset <= f.end_offset <= len(text), f
        assert f.excerpt == text[f.offset:f.end_offset], f
        assert (f.start.line, f.start.column) == expected_position(text, f.offset), f
        assert (f.end.line, f.end.column) == expected_position(text, f.end_offset), f
        assert f.message.strip(), f
        json.dumps(f.to_dict())


@pytest.fixture(scope="module")
def sarif_validator():
    import jsonschema

    schema = json.loads(shared_path("schemas/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def sarif_errors(validator, path: str, findings) -> list[str]:
    from lintnews.output import Report
    from lintnews.output.sarif import document

    report = Report(findings=findings, files=1, rules=linter_for(Config()).enabled, root=".")
    return [e.message for e in validator.iter_errors(document(report))]


def lint_as(path: str):
    return lambda text: lint_text(text, path=path)


# --- properties ---------------------------------------------------------------------------------
@PROPERTY
@given(text=pieces())
def test_property_plain_text(text, sarif_validator):
    findings = lint_text(text, path="article.txt")
    assert_sound(text, findings)
    assert sarif_errors(sarif_validator, "article.txt", findings) == []


@PROPERTY
@given(text=pieces(MARKDOWN))
def test_property_markdown(text, sarif_validator):
    findings = lint_text(text, path="article.md")
    assert_sound(text, findings)
    assert sarif_errors(sarif_validator, "article.md", findings) == []


@PROPERTY
@given(text=pieces(HTML))
def test_property_html(text, sarif_validator):
    findings = lint_text(text, path="article.html")
    assert_sound(text, findings)
    assert sarif_errors(sarif_validator, "article.html", findings) == []


@PROPERTY
@given(text=pieces(MARKDOWN), path=st.sampled_from(["article.txt", "article.md"]))
def test_property_fixes_are_idempotent(text, path):
    lint = lint_as(path)
    once = fix_text(text, lint)
    assert_sound(once.text, once.findings)
    again = fix_text(once.text, lint)
    assert again.applied == 0 and again.text == once.text


@PROPERTY
@given(text=pieces(), size=st.integers(min_value=5, max_value=60))
def test_property_sections_keep_file_positions(text, size):
    """A text linted in sections (as a huge file is) reports the file's offsets, lines, columns."""
    import lintnews.runner as runner

    text = text * 3
    saved = runner.SECTION_CHARS
    runner.SECTION_CHARS = size
    try:
        findings = lint_text(text, path="article.txt")
    finally:
        runner.SECTION_CHARS = saved
    assert_sound(text, findings)


# --- named hostile inputs -----------------------------------------------------------------------
def lintnews(*args, cwd=None, env=None, timeout=900):
    return subprocess.run([sys.executable, "-m", "lintnews", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=timeout)


def assert_clean_exit(proc, codes=(0, 1)):
    assert proc.returncode in codes, proc.stderr
    assert "Traceback" not in proc.stderr


SENTENCE = "The council approved the new budget on Tuesday after a short debate in the town hall. "


def test_twenty_megabytes_without_a_newline(tmp_path):
    path = tmp_path / "dump.txt"
    body = SENTENCE * (20_000_000 // len(SENTENCE))
    # One artefact near the end, far beyond the first section, to prove the end is linted too.
    body += "Later the head of French diplomacy flew home."
    path.write_text(body, encoding="utf-8")
    before = path.read_bytes()
    proc = lintnews("check", "--jobs", 1, "--select", "MT101", path)
    assert_clean_exit(proc, (1,))
    column = body.index("the head of French diplomacy") + 1
    assert proc.stdout.splitlines()[0] == (
        f"{path}:1:{column}: MT101 [warning] Translationese: write 'France's foreign minister' or 'the French "
        f"foreign minister' instead of 'the head of French diplomacy'."), proc.stdout
    sections = -(-len(body) // SECTION_CHARS)
    assert re.search(rf"{re.escape(str(path))}: 20\.0 million characters, too long for one article: linted in "
                     rf"({sections}|{sections + 1}) sections", proc.stderr), proc.stderr
    assert path.read_bytes() == before


def test_nul_bytes_at_the_start_mean_a_binary_file(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"The mayor\x00 spoke.\x00\x00\n")
    proc = lintnews("check", path)
    assert_clean_exit(proc, (0,))
    assert proc.stdout == "No findings in 0 files.\n"
    assert f"{path}: binary file, skipped" in proc.stderr


def test_nul_bytes_deep_in_a_text_file_are_linted_around(tmp_path):
    path = tmp_path / "late-nul.txt"
    text = SENTENCE * 120 + "\x00\x00" + "\nLater the head of French diplomacy flew home.\n"
    path.write_text(text, encoding="utf-8")
    found = [r for r in lint_paths([str(path)], Config(select=("MT101",)))]
    assert len(found) == 1 and not found[0].skipped
    assert [(f.code, f.start.line, f.start.column) for f in found[0].findings] == [("MT101", 2, 7)]
    assert_sound(text, found[0].findings)


def test_invalid_utf8_in_the_middle_is_read_with_a_fallback_and_reported(tmp_path):
    path = tmp_path / "mixed.txt"
    head = ("Le caf" + "é" + " est ferm" + "é" + ".\n").encode("utf-8")
    path.write_bytes(head + b"The mayor said \xe9t\xe9 was long.\nLater the head of French diplomacy flew home.\n")
    result = next(lint_paths([str(path)], Config(select=("IO001", "MT101"))))
    assert [(f.code, f.start.line, f.start.column) for f in result.findings] == [("IO001", 1, 1), ("MT101", 3, 7)]
    assert f"first bad byte at offset {len(head) + 15}" in result.findings[0].message
    assert "decoded as cp1252" in result.findings[0].message


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\r\n"])
def test_empty_files(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    proc = lintnews("check", path)
    assert_clean_exit(proc, (0,))
    assert f"{path}: empty file, nothing to check" in proc.stderr


def _three_files(tmp_path):
    paths = []
    for name in ("a.txt", "b.txt", "c.txt"):
        p = tmp_path / name
        p.write_text("Later the head of French diplomacy flew home.\n", encoding="utf-8")
        paths.append(p)
    return paths


def test_a_file_that_disappears_mid_run(tmp_path):
    a, b, c = _three_files(tmp_path)
    results = lint_paths([str(tmp_path)], Config(select=("MT101",)))
    first = next(results)
    b.unlink()
    rest = list(results)
    assert [r.path for r in [first, *rest]] == [str(a), str(b), str(c)]
    assert [len(r.findings) for r in [first, *rest]] == [1, 0, 1]
    assert rest[0].skipped and rest[0].notices == [f"{b}: no such file"]


def test_a_file_that_becomes_unreadable_mid_run(tmp_path, monkeypatch):
    a, b, c = _three_files(tmp_path)
    results = lint_paths([str(tmp_path)], Config(select=("MT101",)))
    first = next(results)
    # Root reads files whatever their mode: make opening `b` fail the way a chmod 000 does.
    import builtins

    from lintnews import files

    def opened(path, *args, **kwargs):
        if str(path) == str(b):
            raise PermissionError(13, "Permission denied", str(path))
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr(files, "open", opened, raising=False)
    rest = list(results)
    assert [len(r.findings) for r in [first, *rest]] == [1, 0, 1]
    assert rest[0].skipped and rest[0].notices == [f"{b}: permission denied"]


def test_a_file_replaced_by_a_directory_mid_run(tmp_path):
    a, b, c = _three_files(tmp_path)
    results = lint_paths([str(tmp_path)], Config(select=("MT101",)))
    next(results)
    b.unlink()
    b.mkdir()
    rest = list(results)
    assert rest[0].notices == [f"{b}: is a directory"] and len(rest[1].findings) == 1


CATASTROPHIC_PACK = """\
rules:
  - code: ZZ901
    name: shouting-word
    kind: existence
    severity: warning
    summary: A line that is one word.
    patterns:
      - '^(?:\\w|\\w\\w)+$'
    examples:
      bad: ['[[Wow]]']
      good: ['Not one word.']
"""


def lint_with_pack(tmp_path, pack: str, select: str, last_line: str, *others):
    """An article with an MT101 finding and `last_line`, linted with the user `pack` and the
    other paths: (the article, the finished process)."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "evil.yaml").write_text(pack, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Later the head of French diplomacy flew home.\n\n" + last_line + "\n", encoding="utf-8")
    return article, lintnews("check", "--jobs", 1, "--rules", rules, "--select", select, article, *others,
                             env={"LINTNEWS_CACHE_DIR": str(tmp_path / "cache")})


def test_a_catastrophic_user_regex_is_stopped_and_named_and_the_run_goes_on(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Wow\n", encoding="utf-8")
    article, proc = lint_with_pack(tmp_path, CATASTROPHIC_PACK, "MT101,ZZ901", "Stop" + "p" * 60 + "!", other)
    assert_clean_exit(proc, (1,))
    assert (f"lintnews: {article}: rule ZZ901 (shouting-word) stopped: a pattern ran longer than its timeout"
            in proc.stderr), proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.startswith(f"{article}:1:7: MT101 ") for line in lines), proc.stdout
    assert any(line.startswith(f"{other}:1:1: ZZ901 ") for line in lines), proc.stdout


CATASTROPHIC_EXCEPTION_PACK = """\
rules:
  - code: ZZ902
    name: stop-word
    kind: existence
    severity: warning
    summary: The word Stop.
    tokens: [Stop]
    exceptions:
      - '(?:\\w|\\w\\w)+$'
    examples:
      bad: ['[[Stop]] here.']
      good: ['Go on.']
"""


def test_a_catastrophic_exception_pattern_is_stopped_and_named_and_the_run_goes_on(tmp_path):
    article, proc = lint_with_pack(tmp_path, CATASTROPHIC_EXCEPTION_PACK, "MT101,ZZ902", "Stop " + "p" * 60 + "!")
    assert_clean_exit(proc, (1,))
    assert proc.stderr.splitlines() == [
        f"lintnews: {article}: rule ZZ902 (stop-word) stopped: a pattern ran longer than its timeout; the "
        f"rule's other findings in this file are dropped"]
    assert [line.split(" ")[:2] for line in proc.stdout.splitlines()[:-1]] == [[f"{article}:1:7:", "MT101"]]


#: The command line with TY009's helper broken on purpose: a stand-in for a rule with a bug.
BROKEN_RULE = """\
import sys
from lintnews.checks import typography
def broken(n): raise RuntimeError("broken on purpose")
typography.english_ordinal = broken
from lintnews.cli import main
main()
"""


def broken_rule_error(path) -> str:
    return (f"lintnews: error: {path}: rule TY009 (french-ordinal) failed: RuntimeError: broken on purpose "
            f"at <string>:3; its findings in this file are left out (a bug: please report it with the file)")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_rule_that_raises_loses_its_findings_in_that_file_and_the_run_goes_on_to_exit_2(tmp_path, jobs):
    article = tmp_path / "a.txt"
    article.write_text("The 3e round ended.\n\nLater the head of French diplomacy flew home.\n", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("The head of French diplomacy flew home.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", BROKEN_RULE, "check", "--jobs", str(jobs), "--select",
                           "MT101,TY009", str(article), str(other)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines() == [broken_rule_error(article)]
    lines = proc.stdout.splitlines()
    assert [line.split(" ")[:2] for line in lines[:-1]] == [[f"{article}:3:7:", "MT101"], [f"{other}:1:1:", "MT101"]]
    assert lines[-1].startswith("Found 2 findings")


def test_sarif_and_github_reports_say_a_rule_failed(tmp_path, sarif_validator):
    article = tmp_path / "a.txt"
    article.write_text("The 3e round ended.\n\nLater the head of French diplomacy flew home.\n", encoding="utf-8")
    error = broken_rule_error(article).removeprefix("lintnews: error: ")
    report = tmp_path / "out.sarif"
    proc = subprocess.run([sys.executable, "-c", BROKEN_RULE, "check", "--select", "MT101,TY009", "--format",
                           "sarif", "--output", str(report), str(article)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr
    log = json.loads(report.read_text(encoding="utf-8"))
    assert [e.message for e in sarif_validator.iter_errors(log)] == []
    [run_] = log["runs"]
    assert [r["ruleId"] for r in run_["results"]] == ["MT101"]
    assert run_["invocations"] == [{"executionSuccessful": False, "toolExecutionNotifications": [
        {"level": "error", "message": {"text": error}}]}]
    proc = subprocess.run([sys.executable, "-c", BROKEN_RULE, "check", "--select", "MT101,TY009", "--format",
                           "github", str(article)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("::warning file=") and ",title=MT101::" in lines[0]
    assert lines[1:] == [f"::error title=lintnews::{error}"]


def test_fix_applies_the_other_rules_fixes_when_a_rule_raises(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The 3e day began after a rocket fire hit the base.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", BROKEN_RULE, "check", "--fix", "--select", "MT102,TY009",
                           str(article)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines() == [broken_rule_error(article)]
    assert article.read_text(encoding="utf-8") == "The 3e day began after a rocket attack hit the base.\n"


def test_a_failure_is_one_line_and_quotes_at_most_200_characters_of_the_exception():
    from lintnews.engine import failed

    rule = linter_for(Config()).ruleset.resolve("TY009")
    doc = Document.from_text("x", path="a.jsonl", article="a17")
    line = failed(doc, rule, ValueError("first line\n  second line"))
    assert line == ("a.jsonl[a17]: rule TY009 (french-ordinal) failed: ValueError: first line second line; its "
                    "findings in this file are left out (a bug: please report it with the file)")
    line = failed(doc, rule, ValueError("x" * 500))
    assert f"ValueError: {'x' * 199}…; its findings" in line and "\n" not in line


def test_lint_text_raises_rule_error_naming_the_rule_that_raised(monkeypatch):
    from lintnews import RuleError
    from lintnews.checks import typography

    def broken(n):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(typography, "english_ordinal", broken)
    with pytest.raises(RuleError, match=r"^<text>: rule TY009 \(french-ordinal\) failed: RuntimeError: broken "
                                        r"on purpose at test_robustness\.py:\d+; its findings"):
        lint_text("The 3e round ended.", config=Config(select=("MT101", "TY009")))


def test_a_pack_that_constructs_python_objects_is_refused(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    marker = tmp_path / "pwned"
    (rules / "evil.yaml").write_text(
        f"rules: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("A quiet day.\n", encoding="utf-8")
    proc = lintnews("check", "--rules", rules, article, env={"LINTNEWS_CACHE_DIR": "off"})
    assert proc.returncode == 2
    assert not marker.exists()
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert proc.stderr.startswith(f"lintnews: error: {rules / 'evil.yaml'}:1: invalid YAML: "), proc.stderr
    assert "python/object/apply:os.system" in proc.stderr and "Traceback" not in proc.stderr


# --- the compiled-pack cache --------------------------------------------------------------------
USER_PACK = """\
rules:
  - code: ZZ902
    name: stale-word
    kind: substitution
    severity: warning
    summary: A word the house style replaces.
    message: "{message}"
    swap: {{foobaz: barqux}}
    examples:
      bad: ['A [[foobaz]] here.']
      good: ['A barqux here.']
"""


def _user_pack(tmp_path, message="Write '{right}'."):
    rules = tmp_path / "rules"
    rules.mkdir(exist_ok=True)
    (rules / "house.yaml").write_text(USER_PACK.format(message=message), encoding="utf-8")
    return rules


def test_compiled_packs_are_cached_and_reused(tmp_path, monkeypatch):
    import lintnews.packs as packs

    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(tmp_path / "cache"))
    rules = _user_pack(tmp_path)
    first = load_packs([rules])
    assert len(list((tmp_path / "cache").glob("packs-*.pickle"))) == 1

    def parse_again(_directories):
        raise AssertionError("the packs were parsed again despite an up-to-date cache")

    monkeypatch.setattr(packs, "_parse_packs", parse_again)
    second = load_packs([rules])
    assert [d.rule for d in second] == [d.rule for d in first]
    assert second[0].rule.message == "Write '{right}'."


def test_an_edited_pack_is_read_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(tmp_path / "cache"))
    rules = _user_pack(tmp_path)
    assert load_packs([rules])[0].rule.message == "Write '{right}'."
    _user_pack(tmp_path, message="House style: '{right}'.")
    assert load_packs([rules])[0].rule.message == "House style: '{right}'."
    assert len(list((tmp_path / "cache").glob("packs-*.pickle"))) == 2


def test_a_corrupt_cache_entry_is_ignored_and_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(tmp_path / "cache"))
    rules = _user_pack(tmp_path)
    load_packs([rules])
    (entry,) = (tmp_path / "cache").glob("packs-*.pickle")
    entry.write_bytes(b"\x80\x05not a pickle at all")
    assert load_packs([rules])[0].rule.code == "ZZ902"
    assert entry.read_bytes().startswith(b"\x80") and len(entry.read_bytes()) > 100


def test_an_unwritable_cache_directory_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    # Root may write anywhere whatever the modes: a cache "directory" under a file cannot be made.
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(blocker / "cache"))
    rules = _user_pack(tmp_path)
    assert load_packs([rules])[0].rule.code == "ZZ902"
    article = tmp_path / "a.txt"
    article.write_text("A foobaz here.\n", encoding="utf-8")
    proc = lintnews("check", "--rules", rules, "--select", "ZZ902", article,
                    env={"LINTNEWS_CACHE_DIR": str(blocker / "cache")})
    assert_clean_exit(proc, (1,))
    assert proc.stdout.startswith(f"{article}:1:3: ZZ902 [warning] Write 'barqux'.")


def test_the_checks_patterns_are_compiled_once_and_read_back_from_the_cache(tmp_path, monkeypatch):
    import regex

    import lintnews.packs as packs

    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(packs, "_compiled", None)  # as in a new process
    source = r"(?<![\w-])(?P<day>Mon|Tues)day\b"
    first = packs.compile_cached(source, regex.IGNORECASE)
    (entry,) = (tmp_path / "cache").glob("patterns-*.pickle")

    def no_compiling(*args, **kwargs):
        raise AssertionError("a cached pattern was compiled again")

    monkeypatch.setattr(packs, "_compiled", None)
    monkeypatch.setattr(regex, "compile", no_compiling)
    again = packs.compile_cached(source, regex.IGNORECASE)
    assert again is not first and (again.pattern, again.flags) == (first.pattern, first.flags)
    assert [m.span("day") for m in again.finditer("on monday, not on TUESDAY")] == [(3, 6), (18, 22)]

    # Another version of `regex` (its compiled code may differ) reads another entry.
    monkeypatch.undo()
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(packs, "_compiled", None)
    monkeypatch.setattr(regex, "__version__", "0.0.test")
    compiled = []
    real_compile = regex.compile
    monkeypatch.setattr(regex, "compile", lambda *a: compiled.append(a) or real_compile(*a))
    assert packs.compile_cached(source, regex.IGNORECASE).search("Tuesday").group("day") == "Tues"
    assert compiled == [(source, regex.IGNORECASE)]
    assert len(list((tmp_path / "cache").glob("patterns-*.pickle"))) == 2


def test_a_damaged_pattern_cache_is_compiled_again_and_replaced(tmp_path, monkeypatch):
    import pickle

    import lintnews.packs as packs

    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(packs, "_compiled", None)
    packs.compile_cached(r"\bquai\b")
    (entry,) = (tmp_path / "cache").glob("patterns-*.pickle")
    entry.write_bytes(b"\x80\x05damaged")
    monkeypatch.setattr(packs, "_compiled", None)
    assert packs.compile_cached(r"\bquai\b").search("le quai d'Orsay").span() == (3, 7)
    assert pickle.loads(entry.read_bytes())[(r"\bquai\b", 0)].pattern == r"\bquai\b"


def test_the_checks_patterns_are_the_same_in_every_process(tmp_path):
    """The alternations of titles, country words and month names are built from sets: their
    order must not depend on the process's string hashing, or every run would miss the cache
    (and add its own variants to it)."""
    article = tmp_path / "a.txt"
    article.write_text("US Defense Minister Mark Esper spoke on Tuesday, January 31, 2020, with "
                       "former President Barack Obama.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    sizes = []
    for seed in ("1", "2", "3"):
        proc = lintnews("check", article, env={"LINTNEWS_CACHE_DIR": str(cache), "PYTHONHASHSEED": seed})
        assert_clean_exit(proc)
        (entry,) = cache.glob("patterns-*.pickle")
        sizes.append(entry.stat().st_size)
    assert sizes[0] == sizes[1] == sizes[2]


# --- the pattern pre-filter ---------------------------------------------------------------------
def _gated_patterns():
    from lintnews.packs import builtin_pack_dir

    return [(d.rule.code, pattern, (g, *more)) for d in load_packs([builtin_pack_dir()])
            for (pattern, _), g, more in zip(d.patterns, d.gates, d.more_gates) if g is not None]


GATED = _gated_patterns()

#: Those whose gates need scoped case flags, letters beyond ASCII or a symbol alone: line
#: patterns of the clean-up packs (CL004, CL007, CL008, CL009), looked at more closely below.
NEWLY_GATED = [g for g in GATED if any(s in g[1].pattern for s in ("(?i:", "(?-i:")) or not g[1].pattern.isascii()]

#: Pieces around a gate's strings that complete a line pattern's match.
LINE_PIECES = ["\n", ": ", ":", " / ", "/", "|", " - ", "(", "[", ")", "]", "©", " ", "\t", "> ", "» ", "\u2013"]


def _cases(s: str):
    """`s` in the cases a match may have, the Turkish i's among them ("i" matches "İ" and "I"
    matches "ı" case-insensitively in `regex`; casefold keeps them apart)."""
    return st.sampled_from([s, s.upper(), s.title(), s.capitalize(), s.replace("i", "İ"),
                            s.upper().replace("I", "ı")])


def _gate_text(all_gates):
    own = st.sampled_from([s for _, strings in all_gates for s in strings]).flatmap(_cases)
    return st.lists(st.one_of(own, st.sampled_from(NEWS + LINE_PIECES), st.text(max_size=6)), max_size=12).map("".join)


def _line_text(all_gates):
    """Lines made of a gate's string between what line patterns allow around it."""
    own = st.sampled_from([s for _, strings in all_gates for s in strings]).flatmap(_cases)
    line = st.tuples(st.sampled_from(["", " ", "\t", "(", "[", "> ", "• "]), own,
                     st.sampled_from(["", "s", ":", ": AFP", " © Reuters", " | Getty", " / EPA", ") ", " - x",
                                      "\u2013 y"]),
                     st.text(max_size=4)).map("".join)
    return st.lists(st.one_of(line, st.sampled_from(NEWS)), min_size=1, max_size=6).map("\n".join)


def test_most_built_in_patterns_have_a_gate():
    total = sum(len(d.patterns) for d in load_packs([__import__("lintnews.packs").packs.builtin_pack_dir()]))
    assert len(GATED) >= total // 2


@PROPERTY
@given(data=st.data())
def test_property_a_gate_never_hides_a_match(data):
    """Text made of a gated pattern's own strings (in any case) and news copy: whenever the
    pattern matches, its gate lets it run."""
    code, pattern, all_gates = data.draw(st.sampled_from(GATED))
    _assert_gates_pass(code, pattern, all_gates, data.draw(_gate_text(all_gates)))


@PROPERTY
@given(data=st.data())
def test_property_a_line_pattern_gate_never_hides_a_match(data):
    """The same for the patterns gated through scoped case flags, letters beyond ASCII or a
    symbol alone, on lines shaped as their matches are."""
    code, pattern, all_gates = data.draw(st.sampled_from(NEWLY_GATED))
    text = data.draw(_line_text(all_gates))
    _assert_gates_pass(code, pattern, all_gates, text)
    present = _GATE_INDEX.present(fold(text))
    if pattern.search(text):
        for _, gate_strings in all_gates:
            assert not present.isdisjoint(gate_strings), (code, pattern.pattern, text)


def _assert_gates_pass(code, pattern, all_gates, text):
    from lintnews.prefilter import passes

    if pattern.search(text):
        for gate_ in all_gates:
            assert passes(gate_, text, lambda: fold(text)), (code, pattern.pattern, text, gate_)


@PROPERTY
@given(data=st.data())
def test_property_the_gate_index_never_hides_a_match(data):
    """The one-pass GateIndex over the folded text, as the Linter uses it: whenever a gated
    pattern matches, every one of its gates has a string among those reported present."""
    code, pattern, all_gates = data.draw(st.sampled_from(GATED))
    text = data.draw(_gate_text(all_gates))
    from lintnews.prefilter import aligned

    # Without the text, and with it (as the Linter asks, when the text is aligned with its fold).
    for present in (_GATE_INDEX.present(fold(text)),
                    _GATE_INDEX.present(fold(text), text if aligned(text, fold(text)) else None)):
        for folded, gate_strings in all_gates:
            for s in gate_strings:
                if s in (fold(text) if folded else text):
                    assert s in present, (code, s, text)
        if pattern.search(text):
            for _, gate_strings in all_gates:
                assert not present.isdisjoint(gate_strings), (code, pattern.pattern, text)


_GATE_INDEX = __import__("lintnews.prefilter").prefilter.GateIndex([g for _, _, gs in GATED for g in gs])


def test_the_line_patterns_are_gated():
    assert {code for code, _, _ in NEWLY_GATED} >= {"CL004", "CL007", "CL008", "CL009"}


def test_fold_agrees_with_regex_on_every_ascii_letter():
    """Each character `regex` matches with an ASCII letter regardless of case folds as the
    letter does ("İ" with "i", "ı" with "I", "K" with "k", "ſ" with "s")."""
    import string

    import regex

    from lintnews.prefilter import _case_partners, _every_character

    assert {"\u0130", "\u0131", "\u212a", "\u017f"} <= set().union(*map(_case_partners, string.ascii_letters))
    for letter in string.ascii_letters:
        # Found among the partners of all ASCII, as among all of Unicode.
        assert _case_partners(letter) == set(regex.findall("(?-f)(?i)" + letter, _every_character(), flags=regex.V1))
        assert {fold(c) for c in _case_partners(letter)} == {letter.lower()}, letter


def test_a_letter_that_folds_unlike_its_regex_partners_is_an_unknown_character():
    """A case pair that `regex` knows and Python's Unicode tables do not (Unicode 16 paired
    "ƛ" with U+A7DC): the folded text would not show the match, so no gate string has it."""
    from lintnews.prefilter import _case_partners, gate

    odd = [c for c in "\u019b\u0264\u1c89\ua7cc" if any(fold(p) != fold(c) for p in _case_partners(c))]
    if not odd:
        pytest.skip("regex and Python agree on these letters' cases")
    assert gate(f"abcd{odd[0]}xyz", True) == (True, ("abcd",))
    assert gate(f"abcd{odd[0]}xyz", False) == (False, (f"abcd{odd[0]}xyz",))  # case-sensitive: kept


def test_a_turkish_capital_i_does_not_hide_a_match():
    import regex

    from lintnews.packs import compile_pattern
    from lintnews.prefilter import gate, passes

    for pattern, text in (("reading time", "READ\u0130NG TIME"), ("READING TIME", "read\u0131ng time")):
        assert compile_pattern(pattern, regex.IGNORECASE | regex.V1).search(text)
        assert passes(gate(pattern, True), text, lambda: fold(text))


def test_the_gate_index_reports_a_case_sensitive_string_by_its_folded_form():
    from lintnews.prefilter import GateIndex

    index = GateIndex([(False, ("the World",)), (True, ("head of ",))])
    assert index.present("read in the world today") == {"the World"}
    # The folded form is enough: the pattern may run in vain, never be skipped wrongly.
    assert index.present("the world") == {"the World"}
    assert index.present("the head of state") == {"head of "}
    assert index.present("nothing here") == frozenset()


def test_given_the_text_the_gate_index_reports_a_case_sensitive_string_only_as_written():
    """The "ap" of "Perhaps" is no "AP": with the text at hand the index says so, and the
    patterns gated on "AP" are not run (nor tried at that line)."""
    from lintnews.prefilter import GateIndex

    index = GateIndex([(False, ("AP",)), (False, ("the World",)), (True, ("head of ",))])
    text = "Perhaps the world will see. The Head of AP said."
    assert index.present(fold(text)) == {"AP", "the World", "head of "}
    present = index.present(fold(text), text)
    assert present == {"AP", "head of "}
    assert present.spans["AP"] == [(40, 42)] and text[40:42] == "AP"
    assert index.present(fold("Perhaps not."), "Perhaps not.") == frozenset()


@pytest.mark.parametrize("pattern, ignorecase, expected", [
    (r"\bthe head of (?:French|US) diplomacy\b", True, (True, ("the head of ",))),
    (r"\b(?:very|so) deceived\b", True, (True, (" deceived",))),
    (r"\b[Tt]he\s+head\s+of\s+(?:French|US)\s+diplomacy\b", False, (False, ("diplomacy",))),
    (r"(?<![\w/.])[\w-]+\.(?:jpe?g|png)\b", False, (False, (".jp", ".png"))),
    (r"(?i)Reading time", False, (True, ("reading time",))),
    (r"(?i:Foo)bar", False, (True, ("foobar",))),        # a scoped flag: folded, as a part needs
    (r"(?x:a b)cde", False, (False, ("cde",))),           # other scoped flags are not trusted
    (r"^[ \t]*(?-i:READ ALSO|SEE ALSO)\b", True, (False, ("READ ALSO", "SEE ALSO"))),  # case-sensitive
    (r"^(?:Video player|Loading video|(?-i:VIDEO)(?=[ \t]*:))\b", True, (True, ("video",))),  # contains the rest
    (r"^[ \t]*[(\[]?(?i:photos?|photograph|cr\u00e9dits? photo)[ \t]*(?::|\u00a9)", False,
     (True, ("cr\u00e9dit", "photo"))),
    (r"^[ \t]*(?:Tags?|Mots-cl\u00e9s)[ \t]*:", True, (True, ("mots-cl\u00e9s", "tag"))),
    (r"^[ \t]*(?:\u00c0 lire|Voir aussi)[ \t]*:", True, (True, ("voir aussi", "\u00e0 lire"))),
    (r"(?i)\u0130stanbul", False, (True, ("istanbul",))),  # "İ" folds as regex matches it: "i"
    (r"^[ \t]*[(\[]?\u00a9[^\n]{1,80}?(?=[ \t]*$)", False, (False, ("\u00a9",))),  # a symbol alone
    (r"\d+ ?\u2013", False, None),                         # a dash alone is in every article
    (r"(?<=\p{Ll}{2})[ \u00a0]*:(\p{Lu}\p{Ll})", False, (False, (":",))),  # most articles have no colon
    (r"\w+ ?;\w", False, (False, (";",))),
    (r"\w+ ?,\w", False, None),                           # a comma is in every article
    (r"^(?:AFP|AP|Reuters)(?: Photo)?$", False, (False, ("AFP", "AP", "Reuters"))),  # two capitals, as they are
    (r"^(?:AFP|AP|Reuters)(?: Photo)?$", True, None),      # "ap": too short, nothing after it required
    (r"^(?:AFP|Ap|Reuters)(?: Photo)?$", False, None),
    (r"^(?:AFP|AP|Reuters)[ \t]*/ Photo", False, (False, ("/ Photo",))),  # a later part required
    (r"\p{Lu}\p{Ll}+ diplomacy", False, (False, (" diplomacy",))),  # a property is a class
    (r"(?<=\p{L})[ \u00a0]+([?!])", False, (False, (" !", " ?", "\u00a0!", "\u00a0?"))),
    (r"\b(?:IMG|DSC)_\d+", True, (True, ("dsc_", "img_"))),
    (r"[[:alpha:]]+ing", False, None),
    (r"(?:ab|c)d", False, None),                          # a 1-letter alternative: too weak a gate
    (r"\d+ %", False, (False, (" %",))),                  # two characters, one of them punctuation
    (r"\d+ a", False, None),                              # two characters, a letter and a space
    (r"(?i)caf\u00e9 (?:noir|au lait)", False, (True, ("caf\u00e9 au lait", "caf\u00e9 noir"))),  # beyond ASCII
    (r"\b(?:doping|anti-doping) control\b", True, (True, ("doping control",))),  # one string contains the other
])
def test_gates(pattern, ignorecase, expected):
    from lintnews.prefilter import gate

    assert gate(pattern, ignorecase) == expected


LINE_PATTERNS = [
    r"^[ \t]*(?:Read also|See)[ \t]*:[^\n]{0,20}?(?=[ \t]*$)",  # a whole line, as the clean-up packs write them
    r"^ab\n?",                                                 # a match that takes the newline with it
    r"^(?:a|)",                                                # an empty match at some line starts
    r"^(?<=\n)b|c",                                            # a top-level alternation: no variant
]


@pytest.mark.parametrize("pattern", LINE_PATTERNS)
@PROPERTY
@given(text=st.text(alphabet="ab \t:\nRdeSalso", max_size=40))
def test_property_line_variants_find_what_finditer_finds(pattern, text):
    """A `^` pattern run as "\n" + the rest (packs._line_matches) finds exactly the
    matches the pattern's own finditer finds, in order."""
    import regex

    from lintnews.packs import _line_matches, compile_pattern
    from lintnews.prefilter import line_anchored

    flags = regex.MULTILINE | regex.V1 | regex.IGNORECASE
    compiled = compile_pattern(pattern, flags)
    expected = [(m.start(), m.end()) for m in compiled.finditer(text)]
    if not line_anchored(pattern):
        assert "|" in pattern
        return
    variant = compile_pattern("\n(?:" + pattern[1:] + ")", flags)
    assert [(m.start(), m.end()) for m in _line_matches(compiled, variant, text)] == expected


def test_whole_line_patterns_get_a_line_variant():
    from lintnews.packs import builtin_pack_dir

    anchored = [d.rule.code for d in load_packs([builtin_pack_dir()]) for v in d.line_variants if v is not None]
    assert {"CL004", "CL007", "CL008", "CL009"} <= set(anchored)


def test_a_second_gate_when_the_first_is_common():
    from lintnews.prefilter import gates

    assert gates(r"\b(?:man|woman|boy) (?:aged )?of ([0-9]{1,2}) years\b", True) == (
        (True, (" years",)), (True, tuple(f"{d} years" for d in range(10))))
    # "identity controls?": the second set is implied by the first, not tested twice.
    assert gates(r"\bidentity controls?\b", True) == ((True, ("identity control",)),)


def test_a_case_sensitive_gate_looks_at_the_text_as_it_is():
    from lintnews.prefilter import gate, passes

    g = gate(r"\bthe World\b", False)
    assert g == (False, ("the World",))
    assert passes(g, "read in the World today", lambda: "")
    assert not passes(g, "read in THE WORLD today", lambda: "read in the world today")


# --- windows: a gated pattern run only around its gate's strings -------------------------------
@pytest.mark.parametrize("pattern, expected", [
    # 3 + " of " + 3 digits + " years" + " old"; \b looks one character each way (one more kept).
    (r"\b(?:man|boy) of ([0-9]{1,3}) years(?: old)?\b", (20, 2, 2)),
    (r"(?<=\bdaily\s)(?:the )?Release\b", (11, 8, 2)),    # the look-behind: \b + "daily" + \s
    (r"\bthe World(?=[ \t](?:newspaper|daily)\b)", (9, 2, 12)),
    (r"\bthe World(?=[ \t]+(?:newspaper|daily)\b)", None),   # an unbounded look-ahead
    (r"(?=abc(?<=x))d", (1, 2, 4)),                       # a look-behind inside a look-ahead
    (r"[\w-]+\.(?:jpe?g|png)", None),                     # unbounded
    (r"(?<=a+)b", None),                                  # an unbounded look-behind (regex allows it)
    (r"a?", None),                                        # may match nothing
    (r"\bfoo\b|x{2000}", None),                           # wider than MAX_REACH
    (r"(?|(a)|(b))c", None),                              # syntax of regex alone
])
def test_reach(pattern, expected):
    from lintnews.prefilter import reach

    assert reach(pattern) == expected


@pytest.mark.parametrize("pattern, expected", [
    (r"(?<![\p{L}\p{N}])Mmes?\.?(?=[ \u00a0]\p{Lu})", True),   # regex finds the "M" itself
    (r"\bthe World\b", True),
    (r"\b(?:man|boy) of 4 years\b", False),
    (r"(?<=daily\s)(?:the )?Release\b", False),
])
def test_leads_with_literal(pattern, expected):
    from lintnews.prefilter import leads_with_literal

    assert leads_with_literal(pattern) is expected


def test_windows_cover_every_start_near_a_string_and_merge():
    from lintnews.prefilter import GateIndex

    index = GateIndex([(True, (" years",)), (True, ("daily",))])
    present = index.present(" years old, six years ago; the daily")
    assert present == {" years", "daily"}
    assert present.spans == {" years": [(0, 6), (15, 21)], "daily": [(31, 36)]}
    # A match of at most 20 characters that looks 2 beyond its end holds " years": it starts
    # from 22 characters before the string's end to 2 after the string's start.
    assert present.windows((" years",), 20, 2, 2) == [(0, 17)]
    assert present.windows((" years",), 5, 1, 1) == [(0, 1), (15, 16)]
    assert present.windows(("daily",), 5, 1, 1) == [(30, 32)]
    assert present.windows(("absent",), 5, 1, 1) == []


def test_a_text_whose_folding_grows_is_not_windowed():
    from lintnews.prefilter import aligned, fold

    assert aligned("The 45 years", fold("The 45 years"))
    assert aligned("İstanbul", fold("İstanbul"))              # "i̇" folded back to one "i"
    assert not aligned("Straße, 45 years", fold("Straße, 45 years"))  # "ß" folds to "ss"
    assert not aligned("i\u0307ß", fold("i\u0307ß"))          # one dot lost, one letter grown


def _windowed_patterns():
    from lintnews.prefilter import leads_with_literal, reach

    from lintnews.packs import builtin_pack_dir

    examples = {d.rule.code: [e.text.replace("[[", "").replace("]]", "") for e in (*d.rule.bad, *d.rule.good)]
                for d in load_packs([builtin_pack_dir()])}
    out = []
    for code, pattern, all_gates in GATED:
        source = pattern.pattern.removeprefix("(?-f)")
        r = reach(source)
        if r is not None:
            out.append((code, pattern, all_gates, r, leads_with_literal(source), examples[code]))
    return out


WINDOWED = _windowed_patterns()


def test_the_costly_patterns_are_windowed():
    windowed = {code for code, _, _, _, literal, _ in WINDOWED if not literal}
    assert {"MT104", "MT109"} <= windowed


@PROPERTY
@given(data=st.data())
def test_property_windows_find_what_finditer_finds(data):
    """Every gated built-in pattern with a reach (the windowed ones and those that lead with a
    literal alike), searched only in the windows around its gate's strings, finds exactly the
    matches of its finditer over the whole text, in order, with the same groups: on its rule's
    examples, whole or cut, joined to news copy and to its gate's strings in any case."""
    from lintnews.packs import _windowed
    from lintnews.prefilter import aligned

    code, pattern, all_gates, r, _, examples = data.draw(st.sampled_from(WINDOWED))
    # The rule's examples (which hold matches), cut anywhere, among news copy and its strings.
    piece = st.sampled_from(examples).flatmap(lambda e: st.tuples(st.integers(0, len(e)), st.integers(0, len(e))).map(
        lambda ij: e[min(ij):max(ij)] if ij[0] > 0 or ij[1] < len(e) else e))
    text = data.draw(st.lists(st.one_of(piece, _gate_text(all_gates)), max_size=6).map("".join))
    folded = fold(text)
    expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    if not aligned(text, folded):
        return
    present = _GATE_INDEX.present(folded)
    windows = present.windows(all_gates[0][1], *r)
    assert [(m.span(), m.groups()) for m in _windowed(pattern, text, windows, r)] == expected, (code, text)


#: Words and marks around a lost space: function words, other lower-case runs, capitals of
#: several scripts, letters that are lower case without being ASCII.
GLUED = ["of", "the", "than", "an", "between", "against", "Emmanuel", "Macron", "Mc", "Donald", "iPhone",
         "É", "émile", "ā", "Ā", "ǅ", "ß", "x", "Zz", " ", "\n", ".", "-", "'", "1", "”", "_",
         " ofÉmile", " againstThe", " betweenMc", "thanThe", " anĀ", " inParis ", " ofāZz"]


def test_glued_words_finds_a_function_word_glued_to_a_name():
    from lintnews.checks.typography import glued_words

    hits = list(glued_words(Document.from_text("A visit ofÉmile Zola, thanThe rest.\n"), None))
    assert [(h.start, h.end, h.replacement) for h in hits] == [(8, 15, "of Émile"), (22, 29, "than The")]


@PROPERTY
@given(text=st.lists(st.sampled_from(GLUED), max_size=14).map("".join))
def test_property_glued_words_find_what_the_whole_pattern_finds(text):
    """TY010 tries GLUED_WORD only at the function words before each capital its gate finds: the
    same findings, in the same order, as the pattern over the whole text kept to function words."""
    from lintnews.checks.typography import GLUED_FUNCTION_WORDS, GLUED_WORD, glued_words

    expected = [(m.start(), m.end()) for m in GLUED_WORD.finditer(text) if m.group("a") in GLUED_FUNCTION_WORDS]
    found = [(h.start, h.end) for h in glued_words(Document.from_text(text), None)
             if h.message.startswith("Missing space: '")]
    assert found == expected, text


# Python checks that look for strings in the engine's gate index (prefilter.occurs) instead of
# searching the article with a regex: each gate regex and the strings that stand for it.
def _string_gates():
    from lintnews.checks import typography as t

    return [("TY009", t.FRENCH_ORDINAL_GATE, t.FRENCH_ORDINAL_STRINGS),
            ("TY005", t.FRENCH_NUMBER_GATES[1], t.FRENCH_NUMBER_STRINGS),
            ("TY006", t.FRENCH_TIME_GATE, t.FRENCH_TIME_STRINGS)]


def test_the_engine_looks_for_the_strings_python_checks_ask_about():
    from lintnews.prefilter import PRESENT, occurs

    linter = Linter(Config())
    for code, _, strings in _string_gates():
        assert linter.ruleset.python[code].strings == strings
        assert strings <= linter.gates.asked
    doc = Document.from_text("The 3e round starts at 20h30.\n")
    linter.lint(doc)
    present = doc.memoized(PRESENT)
    assert {"3e", "h3"} <= present and "1 000" not in present
    # From the engine's pass, or searched for when no engine ran: the same answers.
    alone = Document.from_text(doc.text)
    for _, _, strings in _string_gates():
        assert occurs(doc, strings) == occurs(alone, strings)
    assert [occurs(alone, s) for _, _, s in _string_gates()] == [True, False, True]


@PROPERTY
@given(text=st.lists(st.sampled_from(["1", "0", "9", "e", "E", "r", "è", "È", "h", "H", " ", "\u00a0", "%", "+",
                                      ",", "x", "000", "ème", "er ", "+ ", "h ", "1 "]), max_size=12).map("".join))
def test_property_the_strings_stand_for_the_gate_regexes(text):
    """Wherever a gate regex finds something, one of its strings is in the folded text: an
    article the strings rule out could not pass the regex either."""
    from lintnews.prefilter import fold

    folded = fold(text)
    for code, gate_regex, strings in _string_gates():
        if gate_regex.search(text):
            assert any(s in folded for s in strings), (code, text)


@PROPERTY
@given(text=st.lists(st.sampled_from(['"', "“", "”", "«", "»", "‘", "’", " ", "\u00a0", "\u202f", "…", ".", "...",
                                      "word", "it’s", "\n", '""', '”...»', '" … "', '» ”']), max_size=16).map("".join))
def test_property_quote_marks_found_as_the_patterns_find_them(text):
    """The marks found by str.find are the matches of the character class; the mashed closing
    marks tried only at them are those TWO_CLOSING.finditer finds over the whole text."""
    import re

    from lintnews.checks.quotes import MARK_CHARACTERS, TWO_CLOSING, _two_closing, mark_positions

    doc = Document.from_text(text)
    assert mark_positions(doc) == [m.start() for m in re.finditer(f"[{MARK_CHARACTERS}]", doc.prose)]
    assert [m.span() for m in _two_closing(doc)] == [m.span() for m in TWO_CLOSING.finditer(doc.prose)], text


@PROPERTY
@given(text=st.lists(st.sampled_from(["a", "B", "é", "1", ".", "_", " ", "\t", "\n", "-", ",", "NATO", "U.S.",
                                      "\u00a0"]), max_size=12).map("".join))
def test_property_the_word_before_a_title_found_from_the_end(text):
    """The word before a title, searched for from the end, is what a search from the start finds."""
    import regex

    from lintnews.checks.titles import _WORD_BEFORE

    found, forward = _WORD_BEFORE.search(text), regex.search(r"([\w.]+)[\s]*$", text)
    assert (found and (found.span(), found.group(1))) == (forward and (forward.span(), forward.group(1))), text


@PROPERTY
@given(text=st.lists(st.sampled_from(["w", "W", ".", "ww", "www.", "WwW.", "a", " ", "\n", "law.", "\u0130", "\u1e98"]),
                     max_size=10).map("".join))
def test_property_www_found_in_any_case_without_a_lower_case_copy(text):
    from lintnews.markup import _has_www

    assert _has_www(text) == ("www." in text.lower()), text


@PROPERTY
@given(text=st.lists(st.sampled_from(["a", "é", "1", ".", ",", "!", "?", "…", " ", "\u00a0", "\u202f", "”", "“", "\n"]),
                     max_size=12).map("".join))
def test_property_spaces_before_closing_marks_found_at_the_marks(text):
    """MT204's space before a closing mark, tried at each ”, is what the pattern finds."""
    from lintnews.checks.quotes import SPACE_BEFORE_CLOSING, _spaces_before_closing

    assert [(m.start(1), m.end()) for m in _spaces_before_closing(text)] == [
        (m.start(1), m.end()) for m in SPACE_BEFORE_CLOSING.finditer(text)], text


@PROPERTY
@given(text=st.lists(st.sampled_from(["0", "1", "9", "12", "123", "1234", " ", "%", "+", "a", "é", ",", "\n", "€",
                                      "\ud800"]), max_size=12).map("".join))
def test_property_spaced_numbers_found_in_bytes_as_by_the_gate(text):
    """TY005's second gate, looked for in the text's bytes turned into classes, finds what the
    pattern finds (for a text whose digits are 0-9)."""
    from lintnews.checks.typography import FRENCH_NUMBER_GATES, _spaced_number

    assert _spaced_number(text) == (FRENCH_NUMBER_GATES[1].search(text) is not None), text


@PROPERTY
@given(text=st.lists(st.sampled_from([" ", "\n", "March 3, 2019", "x", "29", "30", "31", "300", ":", "_", "3", "2",
                                      "\u0663"]), max_size=10).map("".join))
def test_property_late_days_found_at_their_digits_as_over_the_text(text):
    """FC002's late days, tried at their digits, are what the pattern finds in the whole text."""
    from lintnews.checks.dates import _LATE_DAY, _has_late_day

    assert _has_late_day(text) == (_LATE_DAY.search(text) is not None), text


@PROPERTY
@given(text=st.lists(st.sampled_from(["h", "H", " ", "\u00a0", "0", "1", "2", "5", "6", "\u0663", "20", "24", "25",
                                      "a", ":", ".", ",", "h3", "18h00"]), max_size=12).map("".join))
def test_property_french_times_found_at_their_h_as_over_the_text(text):
    """TY006's pattern tried only before the h its gate finds gives what finditer gives."""
    from lintnews.checks.typography import FRENCH_TIME, _french_times

    assert [m.span() for m in _french_times(text)] == [m.span() for m in FRENCH_TIME.finditer(text)], text


@PROPERTY
@given(text=st.lists(st.sampled_from(["a ", "A ", "a", " ", "said", "Said", "SAID", "explained", "saidx", "'s", "_",
                                      "é", "area ", "\n", ".", "added"]), max_size=12).map("".join))
def test_property_auxiliary_candidates_found_from_the_participles(text):
    """LD003's candidates, found from the participles the article has, are the pattern's matches
    over the text whose word is a participle (a token of its own, so in the vocabulary)."""
    from lintnews.checks.language import AUXILIARY_CANDIDATE, _auxiliary_candidates, french_lexicon

    doc, participles = Document.from_text(text), french_lexicon()[3]
    assert [m.span() for m in _auxiliary_candidates(doc, participles)] == [
        m.span() for m in AUXILIARY_CANDIDATE.finditer(doc.prose)
        if m.group(1).lower() in participles and m.group(1).lower() in doc.vocabulary], text


@PROPERTY
@given(text=st.lists(st.sampled_from(["the", "The", "of", "Of", " ", "  ", "\n", "\u00a0", "'", "’", "l", "d", "qu",
                                      "lorsqu", "jusqu", "s", "Iran", "État", "a-b", "-", "x", "é", "1", "."]),
                     max_size=14).map("".join))
def test_property_elisions_found_at_their_marks_as_over_the_text(text):
    """MT202's patterns tried only at the marks their gates find give what finditer gives."""
    from lintnews.checks.quotes import (ELISION_GATES, FRENCH_ELISION, STRAY_APOSTROPHE, STRAY_APOSTROPHE_GATES,
                                        _elisions, _passes, _stray_apostrophes)

    if _passes(STRAY_APOSTROPHE_GATES, text):
        assert [(m.start("the"), m.end(), m.group("word")) for m in _stray_apostrophes(text)] == [
            (m.start(), m.end(), m.group("word")) for m in STRAY_APOSTROPHE.finditer(text)], text
    else:
        assert STRAY_APOSTROPHE.search(text) is None, text
    if _passes(ELISION_GATES, text):
        assert [m.span() for m in _elisions(text)] == [m.span() for m in FRENCH_ELISION.finditer(text)], text
    else:
        assert FRENCH_ELISION.search(text) is None, text


@PROPERTY
@given(text=st.text(alphabet=st.characters(max_codepoint=127), max_size=60)
       | st.lists(st.sampled_from(["ofEmmanuel", "iPhone", "aA", "zZ", "AAa", "a", "B", "é", "Ɛ", " ", "."]),
                  max_size=12).map("".join))
def test_property_glued_word_capitals_found_as_the_gate_finds_them(text):
    """TY010's capitals after a lower-case letter, found in ASCII bytes, are the gate's matches."""
    from lintnews.checks.typography import GLUED_WORD_GATE, _capitals_after_lower

    assert list(_capitals_after_lower(text)) == [m.start() for m in GLUED_WORD_GATE.finditer(text)], text


@PROPERTY
@given(text=st.text(alphabet=st.characters(max_codepoint=127), max_size=60)
       | st.lists(st.sampled_from(["don't", "a_b", "_", "x'", "'y", "U.S.", "9", " ", "\x1c", "\t", "-"]),
                  max_size=12).map("".join))
def test_property_ascii_tokens_split_as_the_unicode_pattern(text):
    """An ASCII article is split into tokens with ASCII ranges, as the Unicode pattern splits it."""
    from lintnews.document import TOKEN_SPLIT, TOKEN_SPLIT_ASCII, TOKEN_SPLIT_ASCII_PLAIN, TOKEN_SPLIT_PLAIN

    assert TOKEN_SPLIT_ASCII.split(text) == TOKEN_SPLIT.split(text)
    if "_" not in text:  # the patterns for text without an underscore
        assert TOKEN_SPLIT_ASCII_PLAIN.split(text) == TOKEN_SPLIT_PLAIN.split(text) == TOKEN_SPLIT.split(text)


#: Lines that repeat, end one another, differ only in case or white space, or share a tail.
REPEATABLE = ["Sign up for our morning briefing", "Newsletter Sign up for our morning briefing",
              "SIGN UP  for our morning\tbriefing", "our morning briefing", "The strike closed three schools",
              "the talks resumed after the strike closed three schools", "Talks resume.", "x" * 13,
              "y" + "x" * 13, "Straße im Süden der Stadt heute", "STRASSE im Süden der Stadt heute",
              "im\u00a0Süden der Stadt heute", "\u2003", "", " ",
              # Folded for the gates, "İ" and "ı" become "i" and combining dots go.
              "İSTANBUL talks resume today", "ıstanbul talks resume today", "\u0307" * 24 + "x"]


@PROPERTY
@given(lines=st.lists(st.sampled_from(REPEATABLE), max_size=12), gaps=st.lists(st.sampled_from(["\n", "\n\n"]),
                                                                                 min_size=12, max_size=12))
@example(lines=["\u0307" * 24 + "x"] * 2, gaps=["\n\n"] * 12)
@example(lines=["İSTANBUL talks resume today", "ıstanbul talks resume today"], gaps=["\n\n"] * 12)
def test_property_the_duplicate_line_gate_never_hides_a_finding(lines, gaps):
    """CL003 compares lines one by one only where its gate (lines that share a tail, one ending
    the other) lets it: the same findings as comparing every article's lines."""
    from unittest import mock

    from lintnews.checks import cleanup

    text = "".join(line + gap for line, gap in zip(lines, gaps))
    doc = Document.from_text(text)
    found = [(h.start, h.end, h.message) for h in cleanup.duplicate_line(doc, None)]
    with mock.patch.object(cleanup, "_may_repeat_lines", lambda doc: True):
        expected = [(h.start, h.end, h.message) for h in cleanup.duplicate_line(Document.from_text(text), None)]
    assert found == expected, text
    assert cleanup._may_repeat_lines(doc) or not expected


#: Sentences and pieces in English, French and another script, with quotation marks: spans that
#: langdetect judges, spans too short for it (six words is just long enough), and quotations
#: inside English paragraphs.
PASSAGES = ["The minister met the union leaders for two hours on Monday.",
            "Le ministre a ensuite rencontré les représentants des syndicats pendant deux heures.",
            "Les syndicats rencontreront les représentants gouvernementaux.",
            "Министр встретился с представителями профсоюзов в понедельник утром.",
            "He said: « la réforme des retraites sera votée avant la fin de l'année prochaine ».",
            "The prime minister, who spoke to reporters in the capital on Monday after a long meeting with "
            "the unions, told them that \"la réforme des retraites sera votée avant la fin de l'année\" and left.",
            "\"Nous ne reculerons pas devant la pression de la rue, jamais\", he said.",
            "“We will not give in to the pressure of the street, not ever,” she said.",
            "Talks resume.", "Sit-in", "Strike Continues In The Northern Towns Of The Country", "« Oui »", "\""]


@PROPERTY
@given(text=st.lists(st.tuples(st.sampled_from(PASSAGES), st.sampled_from([" ", "\n", "\n\n"])),
                     max_size=8).map(lambda pieces: "".join(a + b for a, b in pieces)))
# A foreign sentence in an English paragraph, a paragraph of six foreign words, one in another
# script without any listed function word, a foreign quotation in a long English sentence.
@example(text=f"{PASSAGES[0]} {PASSAGES[2]}\n")
@example(text=f"Talks resume.\n\n{PASSAGES[2]}\n")
@example(text=f"Talks resume.\n\n{PASSAGES[3]}\n")
@example(text=f"{PASSAGES[5]}\n")
def test_property_ld001_looks_at_every_paragraph_that_may_hold_a_foreign_span(text):
    """LD001 looks only at the paragraphs its bulk test (suspects), the sentence count or an
    opening quotation mark point to: the same findings as looking at every paragraph."""
    from unittest import mock

    from lintnews.checks import language
    from lintnews.config import Config as C

    ctx = Linter(C()).context
    doc = Document.from_text(text)
    counts = language._WordCounts(doc, "en")
    suspects, holders = counts.suspects(doc.paragraphs)
    assert {k for k, p in enumerate(doc.paragraphs) if counts.foreign_signs(p.start, p.end, p.text)} <= suspects
    # No sentence, and no span at all, has signs of another language outside the holders.
    assert {s.paragraph for s in doc.sentences if counts.foreign_signs(s.start, s.end, s.text)} <= holders
    assert {k for k, p in enumerate(doc.paragraphs) for a in range(p.start, p.end + 1) for b in range(a, p.end + 1)
            if (a == p.start or not doc.prose[a - 1].isalnum()) and counts.foreign_signs(a, b, doc.prose[a:b])
            } <= holders
    found = [(h.start, h.end, h.message) for h in language.untranslated_passage(doc, ctx)]
    if language._no_foreign_signs(doc, "en"):
        assert not holders, text
    with mock.patch.object(language._WordCounts, "suspects", lambda self, spans: (set(range(len(spans))),) * 2), \
            mock.patch.object(language, "_no_foreign_signs", lambda doc, target: False):
        every = [(h.start, h.end, h.message) for h in language.untranslated_passage(Document.from_text(text), ctx)]
    assert found == every, text


@PROPERTY
@given(text=st.text(alphabet=st.sampled_from("aZ9_ \u00a0\n'’-.“éÉßµª²¼ÿĀſǅȳɐ\u0250Жж٣\u2003\u02bc"), max_size=40))
def test_property_latin_tokens_split_as_the_unicode_pattern(text):
    """An article whose letters and digits are all Latin (up to U+024F) is split into tokens with
    ranges, as the Unicode pattern splits it; any other letter or digit takes the Unicode pattern."""
    from lintnews.document import TOKEN_SPLIT, TOKEN_SPLIT_LATIN, TOKEN_SPLIT_LATIN_PLAIN, TOKEN_SPLIT_PLAIN

    doc = Document.from_text(text)
    if all(c < "\u0250" or not c.isalnum() for c in doc.non_ascii_characters):
        assert TOKEN_SPLIT_LATIN.split(text) == TOKEN_SPLIT.split(text), text
        if "_" not in text:
            assert TOKEN_SPLIT_LATIN_PLAIN.split(text) == TOKEN_SPLIT.split(text), text
    if "_" not in text:
        assert TOKEN_SPLIT_PLAIN.split(text) == TOKEN_SPLIT.split(text), text
    parts = TOKEN_SPLIT.split(doc.prose)
    assert doc.tokens.texts == parts[1::2], text


def _lexicon_sample():
    from lintnews.checks.language import french_lexicon

    lexicon, loanwords = french_lexicon()[:2]
    return sorted(lexicon)[::7] + sorted(loanwords)[::5]


@PROPERTY
@given(words=st.sets(st.one_of(st.sampled_from(_lexicon_sample()), st.sampled_from(
    ["cédé", "où", "café", "été", "qu'il", "l’élysée", "naïve", "déjà", "vu", "the", "minister", "regimes", "Ça"]),
    st.text(alphabet="abcdeéèàçœ'’-", min_size=1, max_size=8)), max_size=30))
def test_property_french_words_are_judged_as_one_by_one(words):
    """LD002 judges only an article's words beyond ASCII one by one, and takes its ASCII words
    the lexicon has as French: the same French words as judging every word."""
    from lintnews.checks import language

    assert language._french_among(set(words)) == {w for w in words if language._gloss(w) is not None}
    ascii_words = {w for w in words if w.isascii()}
    assert language._french_among(ascii_words, True) == {w for w in ascii_words if language._gloss(w) is not None}


@PROPERTY
@given(text=st.text(alphabet=st.sampled_from("aBz09 \n'’_-.,:éÉÆæŒœØøßİı²ªÿ“”«»–\u0301\u00a0ЖΣ"), max_size=60))
@example(text="Don't go to O'Hare's gate, she said.")
@example(text="Aujourd’hui, l’Élysée a reçu Mme Œuvray et M. Ærø.")
@example(text="Aujourd’hui, l’Élysée a reçu Mme Müller à 10 h.")
@example(text="Le Président a reçu Mme Müller à Paris.")  # no apostrophe: the vocabulary, folded
@example(text="The minister met Mr Smith in Paris.")
def test_property_word_runs_hold_every_run_of_word_characters(text):
    """The words names and titles are looked up in (officeholders.word_runs), taken from the
    tokens when the prose is Latin without an underscore: every run of word characters of the
    folded prose, and beside them only strings that no folded run can be (punctuation, words
    with an apostrophe or with letters not folded)."""
    import regex

    from lintnews.checks.officeholders import fold, folded_prose, word_runs

    doc = Document.from_text(text)
    runs = set(regex.findall(r"\w+", folded_prose(doc)))
    found = word_runs(doc)
    assert runs <= found, text
    assert not {w for w in found - runs if regex.fullmatch(r"\w+", w) and fold(w) == w}, text


def _single_line_rules():
    from lintnews.packs import builtin_pack_dir

    return [d for d in load_packs([builtin_pack_dir()]) if any(d.single_lines)]


SINGLE_LINE_RULES = _single_line_rules()


def test_the_clean_up_line_patterns_are_tried_at_their_lines_only():
    assert {"CL001", "CL002", "CL004", "CL007", "CL008", "CL009"} <= {d.rule.code for d in SINGLE_LINE_RULES}


@PROPERTY
@given(data=st.data())
def test_property_line_patterns_tried_at_the_lines_of_their_gates_find_what_finditer_finds(data):
    """A whole-line pattern tried only at the start of the lines that hold one of its gate's
    strings (packs._at_lines, through the rule's scan as the Linter runs it): every match its
    own finditer finds, in order."""
    from lintnews.prefilter import PRESENT, folded_text

    declared = data.draw(st.sampled_from(SINGLE_LINE_RULES))
    all_gates = [g for g in declared.all_gates() if g is not None]
    text = data.draw(st.one_of(_line_text(all_gates), _gate_text(all_gates)))
    doc = Document.from_text(text)
    present = doc.remember(PRESENT, _LINE_GATE_INDEX.present(folded_text(doc)))
    expected = [(m.start(), m.end(), m.expand(payload) if isinstance(payload, str) else payload)
                for pattern, payload in declared.patterns for m in pattern.finditer(doc.prose) if m.end() > m.start()]
    assert list(declared.scan(doc, present)) == expected, (declared.rule.code, text)


_LINE_GATE_INDEX = __import__("lintnews.prefilter").prefilter.GateIndex(
    [g for d in SINGLE_LINE_RULES for g in d.all_gates() if g is not None])


@pytest.mark.parametrize("pattern, expected", [
    (r"^[ \t]*[(\[]?(?:AFP|AP)[^\n]{0,60}?(?=[ \t]*$)", True),   # look-arounds take no character
    (r"^a.b", True), (r"^\p{L}+x", True), (r"^[\w-]+\d", True),
    (r"^[^\S\n]+x", True),                                        # white space but the line break
    (r"^a\s+b", False), (r"^[\W]", False), (r"^[^a]b", False), (r"^a\n?", False),
    (r"^(?s:a.b)", False), (r"(?s)^a.b", False),                 # a dot that takes "\n"
    (r"^\P{L}", False),                                           # a negated property
    (r"^(a)\1", False),                                           # a back-reference: not known
])
def test_single_line(pattern, expected):
    from lintnews.prefilter import single_line

    assert single_line(pattern) is expected


@pytest.mark.parametrize("code, text", [
    ("CL004", "Read also: the budget vote\nThe talks went on.\nRead more: the strike\n\nSee also: x\n"),
    ("CL007", "Photo: AFP\nThe crowd grew.\n[Image: Reuters]\nphoto credit: J. Martin\n© Reuters 2020\n"),
    ("CL009", "Tags: budget, strike\nTopics: unions\nThe end.\nKeywords: a\n"),
])
def test_line_patterns_find_every_matching_line(code, text):
    from lintnews.prefilter import PRESENT, folded_text

    (declared,) = [d for d in SINGLE_LINE_RULES if d.rule.code == code]
    doc = Document.from_text(text)
    present = doc.remember(PRESENT, _LINE_GATE_INDEX.present(folded_text(doc)))
    expected = [(m.start(), m.end()) for pattern, _ in declared.patterns for m in pattern.finditer(doc.prose)]
    assert len(expected) >= 3
    assert [(s, e) for s, e, _ in declared.scan(doc, present)] == expected


@PROPERTY
@given(text=st.text(alphabet=st.sampled_from("aZ9 -'’Éé²ªßÿĀāſǅȳɐ\u0250Ж\u2019\u00a0ºÞþ"), max_size=40))
def test_property_capitalised_runs_of_latin_prose_are_those_of_module_regex(text):
    """FC040's capitalised runs in prose whose letters are all Latin, found with module re: the
    same as the Unicode-category pattern of module regex finds."""
    from lintnews.checks import spelling

    if Document.from_text(text).latin:
        assert spelling._CAPITALISED_LATIN.findall(text) == spelling._CAPITALISED.findall(text), text
