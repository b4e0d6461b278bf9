"""`--format github`: GitHub Actions workflow commands, escaped as the runner requires."""
from __future__ import annotations

import json

from lintnews.finding import Finding, Position, Severity
from lintnews.output import Report
from lintnews.output.github import command, escape_data, escape_property

from .test_cli import run


def finding(path="a.txt", message="French guillemets.", severity=Severity.WARNING, article=None):
    return Finding(path, Position(1, 9), Position(1, 15), "TY004", "guillemets", severity, message,
                   offset=8, end_offset=14, article=article)


def test_cli_prints_one_command_per_finding(tmp_path):
    (tmp_path / "a.txt").write_text("He said « no » to them.\n\nWhat now ?\n", encoding="utf-8")
    code, out, _ = run("check", "--isolated", "--select", "TY001,TY004", "--format", "github", "a.txt", cwd=tmp_path)
    assert code == 1
    assert out.splitlines() == [
        "::warning file=a.txt,line=1,col=9,endLine=1,endColumn=15,title=TY004::"
        "French guillemets: write “no”, without spaces inside the marks.",
        "::warning file=a.txt,line=3,col=9,endLine=3,endColumn=11,title=TY001::"
        "French spacing before '?': remove the space.",
    ]


def test_levels():
    report = Report(root=".")
    assert command(report, finding(severity=Severity.ERROR)).startswith("::error ")
    assert command(report, finding(severity=Severity.WARNING)).startswith("::warning ")
    assert command(report, finding(severity=Severity.INFO)).startswith("::notice ")


def test_escaping():
    assert escape_data("50% of\r\nvotes: yes, no") == "50%25 of%0D%0Avotes: yes, no"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = command(Report(root="/news"), finding(path="/news/desk: 1,2.txt", message="Line one.\nLine 2: 5%"))
    assert line == ("::warning file=desk%3A 1%2C2.txt,line=1,col=9,endLine=1,endColumn=15,title=TY004::"
                    "Line one.%0ALine 2: 5%25")


def test_paths_relative_to_the_repository_root(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.md").write_text("He said « no » to them.\n", encoding="utf-8")
    out = run("check", "--isolated", "--select", "TY004", "--format", "github", "a.md", cwd=tmp_path / "desk")[1]
    assert out.startswith("::warning file=desk/a.md,line=1,col=9,")


def test_standard_input_has_no_file():
    code, out, _ = run("check", "--isolated", "--select", "TY004", "--format", "github", "-",
                       stdin="He said « no » to them.\n".encode())
    assert out == "::warning title=TY004::French guillemets: write “no”, without spaces inside the marks.\n"


def test_batch_articles_point_at_their_line(tmp_path):
    lines = [json.dumps({"id": "a1", "text": "The talks ended."}),
             json.dumps({"id": "b,2", "text": "First.\nHe said « no » to them."}, ensure_ascii=False)]
    (tmp_path / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run("check", "--isolated", "--select", "TY004", "--format", "github", "b.jsonl", cwd=tmp_path)[1]
    assert out == ("::warning file=b.jsonl,line=2,title=TY004::French guillemets: write “no”, without spaces "
                   "inside the marks. (article b,2, line 2, column 9)\n")


def test_json_lines_and_statistics(tmp_path):
    (tmp_path / "a.txt").write_text("He said « no » to them.\n\nWhat now ?\n\n« Yes » too.\n", encoding="utf-8")
    out = run("check", "--isolated", "--select", "TY001,TY004", "--format", "json-lines", "a.txt", cwd=tmp_path)[1]
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["code"], r["start"]["line"], r["start"]["column"]) for r in rows] == [
        ("TY004", 1, 9), ("TY001", 3, 9), ("TY004", 5, 1)]
    out = run("check", "--isolated", "--select", "TY001,TY004", "--statistics", "a.txt", cwd=tmp_path)[1]
    assert [line.split() for line in out.splitlines()[:2]] == [
        ["2", "TY004", "guillemets", "[*]"], ["1", "TY001", "space-before-punctuation", "[*]"]]
    assert out.splitlines()[2].startswith("Found 3 findings")
    out = run("check", "--isolated", "--select", "TY001,TY004", "--statistics", "--format", "json", "a.txt",
              cwd=tmp_path)[1]
    assert json.loads(out) == [{"code": "TY004", "name": "guillemets", "count": 2, "fixable": 2},
                               {"code": "TY001", "name": "space-before-punctuation", "count": 1, "fixable": 1}]
    code, _, err = run("check", "--statistics", "--format", "github", "a.txt", cwd=tmp_path)
    assert code == 2 and err.startswith("lintnews: error: --statistics prints text or json")
