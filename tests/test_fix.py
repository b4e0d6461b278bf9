"""--fix, --unsafe-fixes and --diff: fixes applied in passes, idempotent, written atomically and
byte for byte outside the fixed spans (encoding, BOM, line ends)."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lintnews import files as files_module
from lintnews.cli import cli
from lintnews.config import Config
from lintnews.engine import Linter
from lintnews.finding import Finding, Fix, Position, Severity
from lintnews.fixes import apply_fixes, fix_file, fix_text

REPO = Path(__file__).resolve().parent.parent

#: House rules for these tests: a safe fix that overlaps MT102's, an unsafe one, one with '&'.
PACK = """\
rules:
  - code: HS001
    name: house-rocket-fire
    kind: substitution
    severity: warning
    summary: Rocket fire that hit something was an attack.
    message: "Write '{right}'."
    fix: safe
    swap:
      rocket fire hit: rocket attack hit
    examples:
      bad:
        - {text: "A [[rocket fire hit]] it.", fixed: "A rocket attack hit it."}
      good:
        - "Rocket fire was heard."
  - code: HS002
    name: house-kyiv
    kind: substitution
    severity: warning
    summary: House spelling of the Ukrainian capital.
    message: "Write '{right}'."
    fix: unsafe
    swap:
      Kiev: Kyiv
    examples:
      bad:
        - {text: "The mayor of [[Kiev]] spoke.", fixed: "The mayor of Kyiv spoke."}
      good:
        - "The mayor of Kyiv spoke."
  - code: HS003
    name: house-r-and-d
    kind: substitution
    severity: warning
    summary: R&D, not R and D.
    message: "Write '{right}'."
    fix: safe
    swap:
      R and D: R&D
    examples:
      bad:
        - {text: "Spending on [[R and D]] rose.", fixed: "Spending on R&D rose."}
      good:
        - "Spending on R&D rose."
"""

SELECT = "MT102,HS"


@pytest.fixture
def pack(tmp_path) -> Path:
    directory = tmp_path / "house"
    directory.mkdir()
    (directory / "house.yaml").write_text(PACK)
    return directory


def run(*args, cwd=None):
    proc = subprocess.run([sys.executable, "-m", "lintnews", *map(str, args)], capture_output=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".lintnews-tmp"))


# --- the passes ------------------------------------------------------------------------------
def _finding(start, end, replacement, code="XX001"):
    return Finding("t", Position(1, start + 1), Position(1, end + 1), code, "x", Severity.WARNING, "m",
                   fix=Fix(replacement), offset=start, end_offset=end)


def test_overlapping_fixes_take_the_first_then_the_next_pass():
    text = "abcdef"
    findings = [_finding(2, 5, "X", "XX002"), _finding(1, 4, "Y", "XX001"), _finding(4, 6, "Z")]
    assert apply_fixes(text, findings) == ("aYZ", 2)
    # The same findings in another order give the same result.
    assert apply_fixes(text, list(reversed(findings))) == ("aYZ", 2)


def test_fixes_that_undo_each_other_stop_and_do_not_loop():
    swaps = {"colour": "color", "color": "colour"}

    def lint(text):
        for wrong, right in swaps.items():
            at = text.find(wrong)
            if at >= 0 and text[at:at + len(wrong)] == wrong and not text.startswith(right, at):
                return [_finding(at, at + len(wrong), right)]
        return []

    fixed = fix_text("the colour red", lint)
    assert fixed.text == "the color red" and fixed.applied == 1
    assert len(fixed.findings) == 1  # what would undo it is reported, not applied


def test_overlapping_rules_fixed_in_passes_and_fixing_again_changes_nothing(pack):
    linter = Linter(Config(select=("MT102", "HS"), rules=(str(pack),)))

    def lint(text):
        from lintnews.document import Document

        return linter.lint(Document.from_text(text)).findings

    before = "Tension rose after a rocket fire hit the base in Kiev.\n"
    codes = sorted(f.code for f in lint(before))
    assert codes == ["HS001", "HS002", "MT102"]  # MT102 and HS001 overlap on "rocket fire"
    fixed = fix_text(before, lint)
    assert fixed.text == "Tension rose after a rocket attack hit the base in Kiev.\n"
    assert [f.code for f in fixed.findings] == ["HS002"]  # unsafe: left for --unsafe-fixes
    again = fix_text(fixed.text, lint)
    assert (again.text, again.applied) == (fixed.text, 0)
    unsafe = fix_text(before, lint, unsafe=True)
    assert unsafe.text == "Tension rose after a rocket attack hit the base in Kyiv.\n" and unsafe.findings == []


# --- the command line ------------------------------------------------------------------------
def test_fix_writes_reports_what_remains_and_a_second_run_changes_nothing(tmp_path, pack):
    article = tmp_path / "a.txt"
    article.write_text("Tension rose after a rocket fire hit the base.\n\nThe mayor of Kiev spoke.\n")
    code, out, err = run("check", "--select", SELECT, "--rules", pack, "--fix", article)
    assert article.read_text() == "Tension rose after a rocket attack hit the base.\n\nThe mayor of Kiev spoke.\n"
    assert code == 1  # the unsafe HS002 finding remains
    assert out.splitlines() == [f"{article}:3:14: HS002 [warning] Write 'Kyiv'. [unsafe fix]",
                                "Found 1 finding (1 warning) in 1 file. Fixed 1."]
    first = article.read_bytes()
    code, out, _ = run("check", "--select", SELECT, "--rules", pack, "--fix", article)
    assert article.read_bytes() == first and "Fixed" not in out and code == 1
    code, out, _ = run("check", "--select", SELECT, "--rules", pack, "--fix", "--unsafe-fixes", article)
    assert code == 0 and out == "No findings in 1 file. Fixed 1.\n"
    assert article.read_text().endswith("The mayor of Kyiv spoke.\n")


def test_diff_prints_a_patch_and_writes_nothing(tmp_path, pack):
    article = tmp_path / "a.md"
    original = "# Talks\n\nTension rose after a rocket fire hit the base.\nNo newline here, Kiev"
    article.write_text(original)
    code, out, err = run("check", "--select", SELECT, "--rules", pack, "--diff", "--unsafe-fixes", "a.md",
                         cwd=tmp_path)
    assert article.read_text() == original
    assert code == 1
    assert out == ("--- a/a.md\n+++ b/a.md\n@@ -1,4 +1,4 @@\n # Talks\n \n"
                   "-Tension rose after a rocket fire hit the base.\n"
                   "-No newline here, Kiev\n\\ No newline at end of file\n"
                   "+Tension rose after a rocket attack hit the base.\n"
                   "+No newline here, Kyiv\n\\ No newline at end of file\n")
    assert err == "lintnews: 2 fixes to apply in 1 file; 0 findings would remain\n"
    # The patch applies and gives what --fix writes.
    subprocess.run(["git", "apply", "-"], input=out.encode(), cwd=tmp_path, check=True)
    assert article.read_text() == ("# Talks\n\nTension rose after a rocket attack hit the base.\n"
                                   "No newline here, Kyiv")
    assert run("check", "--select", SELECT, "--rules", pack, "--diff", "--unsafe-fixes", article)[:2] == (0, "")


def test_crlf_bom_and_non_ascii_are_kept_byte_for_byte(tmp_path, pack):
    article = tmp_path / "a.txt"
    original = ("\ufeffL’ambassade — “Kiev”:\r\nTension rose after a rocket fire hit the base.\r\n"
                "Old Mac line\rR and D rose by 5 %.\u00a0\r\n\r\nEnd without a line end").encode("utf-8")
    article.write_bytes(original)
    code, _, _ = run("check", "--select", SELECT, "--rules", pack, "--fix", "--unsafe-fixes", article)
    expected = (original.replace("Kiev".encode(), b"Kyiv").replace(b"a rocket fire", b"a rocket attack")
                .replace(b"R and D", b"R&D"))
    assert article.read_bytes() == expected
    assert code == 0


def test_a_file_that_is_not_utf8_is_written_back_in_its_encoding(tmp_path, pack):
    article = tmp_path / "a.txt"
    original = "Le café: prices are lower than in the Hexagon.\r\n".encode("cp1252")
    article.write_bytes(original)
    code, out, _ = run("check", "--select", "MT102,IO001", "--fix", article)
    assert article.read_bytes() == original.replace(b"the Hexagon", b"France")
    assert "IO001" in out and "decoded as cp1252" in out  # the encoding warning stays


def test_html_fix_escapes_and_never_touches_markup(tmp_path, pack):
    article = tmp_path / "a.html"
    article.write_text('<p title="R and D">Spending on R and D rose.</p>\n'
                      '<p>It hit a <b>rocket</b> fire hit zone and the&nbsp;Hexagon.</p>\n')
    code, out, _ = run("check", "--select", SELECT, "--rules", pack, "--format", "json", article)
    import json

    found = {(f["code"], f["start"]["line"], f["start"]["column"]): f["fix"] for f in json.loads(out)["findings"]}
    # Found across tags and references, but only the span of plain prose has a fix.
    assert found == {("HS003", 1, 32): {"replacement": "R&D", "safe": True},
                     ("MT102", 2, 11): None, ("HS001", 2, 16): None,  # "a <b>rocket</b> fire hit"
                     ("MT102", 2, 45): None}  # "the&nbsp;Hexagon"
    run("check", "--select", SELECT, "--rules", pack, "--fix", article)
    assert article.read_text() == ('<p title="R and D">Spending on R&amp;D rose.</p>\n'
                                   '<p>It hit a <b>rocket</b> fire hit zone and the&nbsp;Hexagon.</p>\n')


# --- failures leave the file as it was ----------------------------------------------------------
BAD = "Tension rose after a rocket fire hit the base.\r\n"


def test_failure_in_the_middle_of_the_write_leaves_the_original(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_bytes(BAD.encode())

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files_module.os, "fsync", disk_full)
    result = fix_file(Linter(Config(select=("MT102",))), str(article))
    assert result.error == f"{article}: cannot write (No space left on device); the file is unchanged"
    assert article.read_bytes() == BAD.encode()
    assert leftovers(tmp_path) == []
    assert [f.code for f in result.findings] == ["MT102"] and result.applied == 0


def test_ctrl_c_during_fix_exits_130_and_leaves_no_half_written_file(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_bytes(BAD.encode())

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(files_module.os, "replace", interrupted)
    result = CliRunner().invoke(cli, ["check", "--select", "MT102", "--fix", str(article)])
    assert result.exit_code == 130
    assert article.read_bytes() == BAD.encode()
    assert leftovers(tmp_path) == []


def test_read_only_file_is_a_clear_error_and_stays_untouched(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(BAD.encode())
    article.chmod(0o444)
    other = tmp_path / "b.txt"
    other.write_bytes(BAD.encode())
    code, out, err = run("check", "--select", "MT102", "--fix", article, other)
    assert code == 2
    assert err == f"lintnews: error: {article}: read-only file, not fixed; the file is unchanged\n"
    assert article.read_bytes() == BAD.encode() and stat.S_IMODE(article.stat().st_mode) == 0o444
    assert other.read_bytes() == BAD.replace("rocket fire", "rocket attack").encode()  # the run went on
    assert out.splitlines()[0].startswith(f"{article}:1:20: MT102")  # still reported


def test_fix_keeps_the_mode_and_follows_a_symbolic_link(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(BAD.encode())
    article.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    assert run("check", "--select", "MT102", "--fix", link)[0] == 0
    assert link.is_symlink() and stat.S_IMODE(article.stat().st_mode) == 0o640
    assert article.read_bytes() == BAD.replace("rocket fire", "rocket attack").encode()


def test_fix_options_that_cannot_work_are_usage_errors(tmp_path):
    code, _, err = run("check", "--fix", "-")
    assert (code, err) == (2, "lintnews: error: standard input cannot be fixed in place: use --diff\n")
    article = tmp_path / "a.txt"
    article.write_text(BAD)
    code, _, err = run("check", "--unsafe-fixes", article)
    assert (code, err) == (2, "lintnews: error: --unsafe-fixes works with --fix or --diff\n")


def test_a_replacement_the_file_encoding_cannot_hold_is_an_error_not_a_broken_file(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "p.yaml").write_text(PACK.replace("Kiev: Kyiv", "Kiev: Kyiv ✓").replace(
        "fixed: \"The mayor of Kyiv spoke.\"", "fixed: \"The mayor of Kyiv ✓ spoke.\"").replace(
        "- \"The mayor of Kyiv spoke.\"", "- \"The mayor of Kyiv ✓ spoke.\""))
    article = tmp_path / "a.txt"
    original = "Le café: the mayor of Kiev spoke.\n".encode("cp1252")
    article.write_bytes(original)
    code, out, err = run("check", "--select", "HS002", "--rules", pack, "--fix", "--unsafe-fixes", article)
    assert code == 2 and article.read_bytes() == original
    assert err == (f"lintnews: error: {article}: a fix puts '✓' into a file stored as cp1252; "
                   f"the file is unchanged\n")
    assert "HS002" in out


def test_markdown_marks_inside_a_span_keep_the_finding_but_lose_the_fix():
    from .helpers import lint

    findings = lint("After a **rocket fire** hit, prices in [the Hexagon](https://x.org) fell.\n",
                    select=["MT102"], format="markdown", path="a.md")
    assert [(f.excerpt, f.fix) for f in findings] == [
        ("a **rocket fire", None),  # replacing it would drop the opening "**"
        ("the Hexagon", Fix("France", True)),  # link text is prose
    ]
    assert findings[0].suggestions == ("a rocket attack",)
