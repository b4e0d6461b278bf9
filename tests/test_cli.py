"""The command line: output format, exit codes, and bad input handled without a traceback."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


BAD_ARTICLE = "The talks ended.\n\nDefense Minister Mark Esper spoke to reporters.\n"
CLEAN_ARTICLE = "The talks ended on Monday.\n\nDefense Secretary Mark Esper spoke to reporters.\n"


def run(*args, stdin: bytes | None = None, cwd=None):
    proc = subprocess.run([sys.executable, "-m", "lintnews", *map(str, args)], input=stdin,
                          capture_output=True, cwd=cwd, env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def assert_one_line_error(err: str, *words):
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lintnews: error:"), err
    assert "Traceback" not in err
    for w in words:
        assert w in lines[0]


def test_findings_text_format_and_exit_1(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(BAD_ARTICLE)
    code, out, err = run("check", article)
    assert code == 1
    first = out.splitlines()[0]
    assert first == (f"{article}:3:1: MT001 [error] US officials are secretaries, not ministers: "
                     f"use 'Defense Secretary Mark Esper'. [*]")
    assert out.splitlines()[-1].startswith("Found 1 finding (1 error) in 1 file.")


def test_clean_article_exit_0(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(CLEAN_ARTICLE)
    code, out, _ = run("check", article)
    assert (code, out) == (0, "No findings in 1 file.\n")


def test_stdin_and_json_format():
    code, out, _ = run("check", "--format", "json", "-", stdin=BAD_ARTICLE.encode())
    assert code == 1
    data = json.loads(out)
    assert data["version"] == 1 and data["summary"]["findings"] == 1
    f = data["findings"][0]
    assert (f["path"], f["code"], f["start"], f["end"]) == ("-", "MT001", {"line": 3, "column": 1}, {"line": 3, "column": 28})
    assert f["fix"] == {"replacement": "Defense Secretary Mark Esper", "safe": True}


def test_select_ignore_and_fail_on(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(BAD_ARTICLE + "\nThe strikes followed a rocket fire on the base.\n")
    assert run("check", "--select", "MT1", article)[1].count("MT102") == 1
    out = run("check", "--select", "MT", "--ignore", "official-title", article)[1]
    assert "MT001" not in out and "MT102" in out
    assert run("check", "--fail-on", "never", article)[0] == 0
    assert run("check", "--select", "MT102", "--fail-on", "error", article)[0] == 0


def test_unknown_rule_is_a_usage_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(CLEAN_ARTICLE)
    code, _, err = run("check", "--select", "ZZ9", article)
    assert code == 2
    assert_one_line_error(err, "ZZ9")


def test_missing_path(tmp_path):
    code, _, err = run("check", tmp_path / "nope.txt")
    assert code == 2
    assert_one_line_error(err, "nope.txt", "no such file")


def test_directory_without_supported_files(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    code, _, err = run("check", tmp_path)
    assert code == 2
    assert_one_line_error(err, "no supported files")


def test_directory_is_searched_and_excludes_apply(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "one.txt").write_text(BAD_ARTICLE)
    (tmp_path / "desk" / "two.md").write_text(BAD_ARTICLE)
    (tmp_path / "desk" / "notes.csv").write_text(BAD_ARTICLE)
    code, out, _ = run("check", "--exclude", "two.md", tmp_path)
    assert code == 1 and "one.txt:3:1: MT001" in out and "two.md" not in out and "notes.csv" not in out


def test_binary_file_is_skipped_with_a_notice(tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "ok.txt").write_text(CLEAN_ARTICLE)
    code, out, err = run("check", tmp_path / "blob.txt", tmp_path / "ok.txt")
    assert code == 0
    assert err.strip() == f"lintnews: {tmp_path / 'blob.txt'}: binary file, skipped"
    assert out == "No findings in 1 file.\n"


def test_invalid_utf8_falls_back_with_an_encoding_finding(tmp_path):
    article = tmp_path / "cp1252.txt"
    article.write_bytes("Le ministre a été reçu à l'Élysée.\n".encode("cp1252"))
    code, out, _ = run("check", "--select", "IO001", article)
    assert code == 1
    assert f"{article}:1:1: IO001 [warning] File is not valid UTF-8 (first bad byte at offset 14); decoded as cp1252" in out


def test_empty_file_gives_a_notice(tmp_path):
    article = tmp_path / "empty.txt"
    article.write_text("")
    code, out, err = run("check", article)
    assert code == 0 and err.strip() == f"lintnews: {article}: empty file, nothing to check"


def test_malformed_rule_pack_names_file_and_line(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text("rules:\n  - code: HS001\n    name: house-style\n    kind: existence\n"
                    "    severity: loud\n    summary: x\n    tokens: [foo]\n"
                    "    examples: {bad: ['[[foo]]'], good: ['bar']}\n")
    article = tmp_path / "a.txt"
    article.write_text(CLEAN_ARTICLE)
    code, _, err = run("check", "--rules", tmp_path, article)
    assert code == 2
    assert_one_line_error(err, f"{pack}:2:", "severity", "'loud'")


@pytest.mark.parametrize("message, problem", [
    ("Found {nope}.", "unknown field {nope}"),
    ("Found {match.upper}.", "unknown field {match.upper}"),
    ("Found {}.", "unknown field {}"),
    ("Found }.", "Single '}' encountered in format string"),
])
def test_a_pack_message_with_a_field_its_rule_does_not_fill_is_refused_when_read(tmp_path, message, problem):
    pack = tmp_path / "house.yaml"
    pack.write_text("rules:\n  - code: HS001\n    name: house-style\n    kind: existence\n"
                    f"    severity: warning\n    summary: x\n    message: \"{message}\"\n    tokens: [foo]\n"
                    "    examples: {bad: ['[[foo]]'], good: ['bar']}\n")
    article = tmp_path / "a.txt"
    article.write_text("A foo.\n")
    code, _, err = run("check", "--rules", tmp_path, article)
    assert code == 2
    assert_one_line_error(err, f"{pack}:2: rule HS001: message {message!r}: {problem} (the message of a rule "
                               f"of kind existence may use {{match}};")


def test_invalid_yaml_pack(tmp_path):
    (tmp_path / "broken.yaml").write_text("rules:\n  - code: [unclosed\n")
    code, _, err = run("rules", "--rules", tmp_path)
    assert code == 2
    assert_one_line_error(err, "broken.yaml:", "invalid YAML")


def test_house_rule_pack_is_applied(tmp_path):
    (tmp_path / "house.yaml").write_text(
        "rules:\n  - code: HS001\n    name: house-style\n    kind: substitution\n    severity: warning\n"
        "    summary: House spellings.\n    fix: safe\n    swap: {Kiev: Kyiv}\n"
        "    examples: {bad: [{text: '[[Kiev]] is cold.', fixed: 'Kyiv is cold.'}], good: ['Kyiv is cold.']}\n")
    article = tmp_path / "a.txt"
    article.write_text("The mayor of Kiev spoke.\n")
    code, out, _ = run("check", "--rules", tmp_path, article)
    assert code == 1 and f"{article}:1:14: HS001 [warning] Use 'Kyiv' instead of 'Kiev'. [*]" in out


def test_rules_and_explain():
    code, out, _ = run("rules")
    assert code == 0 and any(line.startswith("MT001  official-title") for line in out.splitlines())
    code, out, _ = run("explain", "official-title")
    assert code == 0 and out.startswith("MT001 (official-title)") and "Why it matters" in out
    code, _, err = run("explain", "XX123")
    assert code == 2
    assert_one_line_error(err, "XX123")
