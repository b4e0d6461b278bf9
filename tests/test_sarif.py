"""SARIF output: valid against the SARIF 2.1.0 schema (../shared/schemas) and carrying what GitHub
code scanning requires, for the seed article, Markdown, HTML and a JSON Lines batch."""
from __future__ import annotations

import json

import jsonschema
import pytest

from lintnews.explain import explain_text
from lintnews.finding import Finding, Position, Severity
from lintnews.output import Report
from lintnews.output.sarif import MAX_RESULTS, document
from lintnews.runner import lint_paths
from lintnews.settings import Settings

from .conftest import SEED, shared_path
from .test_cli import run


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(shared_path("schemas/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def sarif(paths, root, select=None, isolated=True):
    settings = Settings({"select": tuple(select)} if select else {}, isolated=isolated)
    report = Report(root=str(root))
    for result in lint_paths([str(p) for p in paths], settings.command_line(), settings=settings):
        report.files += 1
        report.findings.extend(result.findings)
    report.rules = settings.rules()
    report.locate_articles()
    return report, document(report)


def assert_github_ready(validator, log, report):
    """Everything GitHub code scanning requires of a SARIF upload (see ../shared/NOTES.md)."""
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(log["runs"]) == 1
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "lintnews" and driver["version"] and driver["informationUri"].startswith("https://")
    assert run_["columnKind"] == "unicodeCodePoints"
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) >= {r.code for r in report.rules}
    for rule in driver["rules"]:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert isinstance(rule["properties"]["tags"], list) and rule["properties"]["tags"]
    assert len(run_["results"]) == len(report.findings)
    for result in run_["results"]:
        assert result["ruleId"] in rules and driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note") and result["message"]["text"]
        assert len(result["locations"]) == 1
        physical = result["locations"][0]["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not uri.startswith(("/", "file:")) and ".." not in uri
        region = physical["region"]
        assert set(region) == {"startLine", "startColumn", "endLine", "endColumn"}
        assert (region["startLine"], region["startColumn"]) <= (region["endLine"], region["endColumn"])
        assert result["partialFingerprints"]["primaryLocationLineHash"]
    return run_


def test_seed_article(validator, seed_path):
    report, log = sarif([seed_path], seed_path.parent.parent)
    run_ = assert_github_ready(validator, log, report)
    results = run_["results"]
    assert results, "the seed has findings"
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {SEED}
    # M1: MT001 on "Defense Minister Mark Esper" at 1:126, end column exclusive, with its fix.
    esper = [r for r in results if r["ruleId"] == "MT001"
             and r["locations"][0]["physicalLocation"]["region"]["startColumn"] == 126]
    assert len(esper) == 1
    region = esper[0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 126, "endLine": 1,
                      "endColumn": 126 + len("Defense Minister Mark Esper")}
    assert esper[0]["level"] == "error"
    change = esper[0]["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"] == {"uri": SEED, "uriBaseId": "%SRCROOT%"}
    assert change["replacements"] == [{"deletedRegion": region,
                                       "insertedContent": {"text": "Defense Secretary Mark Esper"}}]
    # Rules without a fix give none; info findings are notes.
    assert all("fixes" not in r for r in results if r["ruleId"] in ("MT101", "CL001"))
    assert {r["level"] for r in results if r["ruleId"] == "MT103"} == {"note"}
    fingerprints = [r["partialFingerprints"]["primaryLocationLineHash"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)


def test_rules_carry_the_explain_text(validator, tmp_path):
    article = tmp_path / "a.md"
    article.write_text("He said « no » to them.\n", encoding="utf-8")
    report, log = sarif([article], tmp_path, select=["TY"])
    assert_github_ready(validator, log, report)
    driver = log["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r.code for r in report.rules]
    assert all(r["id"].startswith("TY") for r in driver["rules"])
    rule = next(r for r in report.rules if r.code == "TY004")
    described = next(d for d in driver["rules"] if d["id"] == "TY004")
    assert described["name"] == "guillemets" and described["shortDescription"]["text"] == rule.summary
    assert described["help"] == {"text": explain_text(rule), "markdown": explain_text(rule, markdown=True)}
    assert described["defaultConfiguration"]["level"] == "warning"
    assert "typography" in described["properties"]["tags"]


def test_columns_are_code_points_and_end_is_exclusive(validator, tmp_path):
    article = tmp_path / "a.md"
    article.write_text("🎉🎉 He said « no » to them.\n", encoding="utf-8")
    report, log = sarif([article], tmp_path, select=["TY004"])
    assert_github_ready(validator, log, report)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    # Two emoji are two code points (four UTF-16 units): the guillemet is at column 12, not 14.
    assert region == {"startLine": 1, "startColumn": 12, "endLine": 1, "endColumn": 18}


def test_fingerprints_survive_a_line_inserted_above(tmp_path):
    text = "Intro.\n\nHe said « no » to them.\n\nWhat now ?\n\nShe said « yes » and « no » again.\n"
    article = tmp_path / "a.md"
    article.write_text(text, encoding="utf-8")
    _, before = sarif([article], tmp_path, select=["TY"])
    article.write_text("A new first paragraph.\n\nIntro, rewritten.\n\n" + text.split("\n", 2)[2], encoding="utf-8")
    _, after = sarif([article], tmp_path, select=["TY"])

    def keyed(log):
        return [(r["ruleId"], r["partialFingerprints"]["primaryLocationLineHash"],
                 r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in log["runs"][0]["results"]]

    old, new = keyed(before), keyed(after)
    assert len(old) == len(new) == 4
    assert [(c, fp) for c, fp, _ in old] == [(c, fp) for c, fp, _ in new]
    assert [line + 2 for _, _, line in old] == [line for _, _, line in new]
    assert len({fp for _, fp, _ in old}) == 4  # "« no »" twice: told apart by occurrence


def test_paths_are_relative_to_the_root_and_percent_encoded(validator, tmp_path):
    article = tmp_path / "news desk" / "a#1.md"
    article.parent.mkdir()
    article.write_text("He said « no » to them.\n", encoding="utf-8")
    report, log = sarif([article], tmp_path, select=["TY004"])
    assert_github_ready(validator, log, report)
    run_ = log["runs"][0]
    assert run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news%20desk/a%231.md"
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == f"file://{tmp_path.as_posix()}/"


def test_html_input(validator, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body>\n<h1>Talks</h1>\n<p>He said « no » to them.</p>\n</body></html>\n",
                    encoding="utf-8")
    report, log = sarif([page], tmp_path, select=["TY004"])
    run_ = assert_github_ready(validator, log, report)
    [result] = run_["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "page.html"
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 12, "endLine": 3, "endColumn": 18}


def test_json_lines_batch_points_at_the_article_line(validator, tmp_path):
    batch = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a1", "text": "The talks ended."}),
             "",
             json.dumps({"id": "b2", "text": "First line.\nHe said « no » to them."}, ensure_ascii=False)]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report, log = sarif([batch], tmp_path, select=["TY004"])
    run_ = assert_github_ready(validator, log, report)
    [result] = run_["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": len(lines[2]) + 1}
    assert result["locations"][0]["logicalLocations"] == [{"name": "b2", "kind": "object"}]
    assert result["message"]["text"].endswith("(article b2, line 2, column 9)")
    assert result["properties"]["articleRegion"] == {"startLine": 2, "startColumn": 9, "endLine": 2, "endColumn": 15}
    assert "fixes" not in result  # the article's text is escaped inside the JSON line


def test_codes_reported_outside_the_rule_list_get_a_descriptor(validator, tmp_path):
    finding = Finding(str(tmp_path / "a.txt"), Position(1, 1), Position(1, 4), "LTMORFOLOGIK_RULE_EN_US",
                      "languagetool", Severity.WARNING, "Possible spelling mistake found.", excerpt="Teh")
    report = Report([finding], files=1, root=str(tmp_path))
    log = document(report)
    assert not list(validator.iter_errors(log))
    [rule] = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "LTMORFOLOGIK_RULE_EN_US" and log["runs"][0]["results"][0]["ruleIndex"] == 0


def test_more_results_than_github_accepts(tmp_path):
    findings = [Finding(str(tmp_path / "a.txt"), Position(i + 1, 1), Position(i + 1, 2), "TY004", "guillemets",
                        Severity.WARNING, "French guillemets.", offset=i, end_offset=i + 1, excerpt="«")
                for i in range(MAX_RESULTS + 3)]
    run_ = document(Report(findings, files=1, root=str(tmp_path)))["runs"][0]
    assert len(run_["results"]) == MAX_RESULTS
    note = run_["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert note.startswith("3 findings were left out")


def test_cli_output_file(validator, tmp_path):
    (tmp_path / "a.md").write_text("He said « no » to them.\n", encoding="utf-8")
    code, out, _ = run("check", "--isolated", "--select", "TY004", "--format", "sarif", "--output", "out.sarif",
                       "a.md", cwd=tmp_path)
    assert (code, out) == (1, "")
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert not list(validator.iter_errors(log))
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "TY004"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "a.md", "uriBaseId": "%SRCROOT%"}
    # --statistics with --output: the report goes to the file, the counts to standard output.
    code, out, _ = run("check", "--isolated", "--select", "TY004", "--format", "sarif", "-o", "again.sarif",
                       "--statistics", "a.md", cwd=tmp_path)
    assert code == 1 and out.splitlines()[0].split() == ["1", "TY004", "guillemets", "[*]"]
    assert json.loads((tmp_path / "again.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]


def test_cli_paths_relative_to_the_repository_root(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.md").write_text("He said « no » to them.\n", encoding="utf-8")
    code, out, _ = run("check", "--isolated", "--select", "TY004", "--format", "sarif", "a.md", cwd=tmp_path / "desk")
    log = json.loads(out)
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "desk/a.md"
