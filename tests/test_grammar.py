"""--grammar against a real LanguageTool server (scripts/run-tests.sh starts it; see conftest).

The fault tests start a LanguageTool server of their own from languagetool/lib, to stop it
(SIGSTOP: a server slower than the timeout) or kill it in the middle of a run.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from lintnews.checks.grammar import _chunks
from lintnews.config import Config
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.languagetool import LanguageToolUnavailable
from lintnews.runner import lint_paths

from .conftest import REPO, languagetool_url
from .helpers import lint


@pytest.fixture(scope="module")
def url() -> str:
    return languagetool_url()


def grammar(text: str, url: str, select=("LT",), **options):
    return [(f.code, f.start.line, f.start.column, f.excerpt) for f in
            lint(text, select=list(select), grammar=True, languagetool_url=url, **options)]


# --- findings --------------------------------------------------------------------------------
def test_a_wrong_article_is_an_lt_finding_with_message_and_replacement(url):
    [f] = lint("The minister bought a apartment in the capital.\n", select=["LT"], grammar=True,
               languagetool_url=url)
    assert (f.code, f.name, str(f.severity)) == ("LTEN_A_VS_AN", "languagetool-misc", "warning")
    assert (f.start.line, f.start.column, f.end.column, f.excerpt) == (1, 21, 22, "a")
    assert "“an”" in f.message
    assert f.suggestions == ("an",)
    assert (f.fix.replacement, f.fix.safe) == ("an", False)


def test_an_agreement_error(url):
    assert grammar("Every morning she go to the market.\n", url) == [("LTHE_VERB_AGR", 1, 19, "go")]


def test_clean_copy_has_no_lt_finding(url):
    text = ("The minister said on Tuesday that talks with the union would resume next week.\n\n"
            "\"We are ready to listen,\" she told reporters outside the ministry.\n\n"
            "Negotiations broke down in March after three days of strikes.\n")
    assert grammar(text, url) == []


def test_positions_with_emoji_and_crlf(url):
    text = ("Fans cheered 🎉 as the team bought a apartment.\r\n\r\n"
            "🎉🎉 Later that night she go home.\r\n")
    assert grammar(text, url) == [("LTEN_A_VS_AN", 1, 35, "a"), ("LTHE_VERB_AGR", 3, 25, "go")]


def test_findings_in_every_part_of_a_long_article(url):
    """Long articles go to the server in several requests at once; offsets stay right."""
    clean = "The committee met on Monday and agreed on a new budget for the coming year.\n\n"
    text = "She go to work.\n\n" + clean * 60 + "He bought a apple.\n\n" + clean * 60 + "They was late.\n"
    assert len(_chunks(Document.from_text(text))) == 5
    assert grammar(text, url, languagetool_threads=3) == [
        ("LTHE_VERB_AGR", 1, 5, "go"), ("LTEN_A_VS_AN", 123, 11, "a"), ("LTPERS_PRONOUN_AGREEMENT", 245, 6, "was")]


def test_matches_on_blanked_markup_are_dropped(url):
    # LanguageTool sees the blanked emphasis marks and link target as runs of spaces.
    text = "Read **the** *report* [here](http://example.com/x), she said.\n"
    assert grammar(text, url, format="markdown") == []


def test_an_lt_finding_that_duplicates_a_lintnews_finding_is_dropped(url):
    text = "Growth reached 2,5% last year, the office said.\n"
    assert grammar(text, url) == [("LTCOMMA_PERIOD_CONFUSION", 1, 16, "2,5%")]
    assert grammar(text, url, select=("LT", "TY005")) == [("TY005", 1, 16, "2,5%")]


# --- selection -------------------------------------------------------------------------------
def test_select_and_ignore_single_languagetool_rules(url):
    text = "She go to the market and bought a apple.\n"
    assert grammar(text, url) == [("LTHE_VERB_AGR", 1, 5, "go"), ("LTEN_A_VS_AN", 1, 33, "a")]
    assert grammar(text, url, select=("LTEN_A_VS_AN",)) == [("LTEN_A_VS_AN", 1, 33, "a")]
    assert grammar(text, url, ignore=("LTEN_A_VS_AN",)) == [("LTHE_VERB_AGR", 1, 5, "go")]
    assert grammar(text, url, ignore=("grammar",)) == []


def test_noisy_rules_are_off_unless_named(url):
    text = "The envoy met Zorvathian officials in Qelmarsk.\n"
    assert grammar(text, url) == []
    assert grammar(text, url, extend_select=("LTMORFOLOGIK_RULE_EN_US",)) == [
        ("LTMORFOLOGIK_RULE_EN_US", 1, 15, "Zorvathian"), ("LTMORFOLOGIK_RULE_EN_US", 1, 39, "Qelmarsk")]
    # "LT" alone names the family, not the noisy rules in it.
    assert grammar(text, url, extend_select=("LT",)) == []


def test_per_file_ignores_take_languagetool_codes(url):
    linter = Linter(Config(select=("LT",), grammar=True, languagetool_url=url, per_file_ignores={"*.txt": ("LTEN_A",)}))
    doc = Document.from_text("She go to the market and bought a apple.\n", path="wire/article.txt")
    assert [f.code for f in linter.lint(doc).findings] == ["LTHE_VERB_AGR"]


def test_without_grammar_no_server_is_asked():
    assert lint("She go to the market.\n", select=["LT"], languagetool_url="http://127.0.0.1:9") == []


def test_seed_gets_no_grammar_false_alarm(url, seed_path):
    """LanguageTool 6.6 does not find S4 (garbled syntax on line 13) and flags nothing else."""
    findings = [f for r in lint_paths([str(seed_path)], Config(select=("LT",), grammar=True, languagetool_url=url))
                for f in r.findings]
    assert [(f.code, f.start.line) for f in findings] == []


# --- a server that is missing, slow or killed ------------------------------------------------
def run_cli(*args, **kw):
    env = {k: v for k, v in os.environ.items() if k != "LINTNEWS_LANGUAGETOOL_URL"}
    return subprocess.run([sys.executable, "-m", "lintnews", *args], capture_output=True, text=True, env=env,
                          cwd=kw.pop("cwd"), timeout=300, **kw)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("The minister bought a apartment in the capital.\n", encoding="utf-8")
    return path


def test_no_server_listening_is_a_one_line_error(tmp_path, article):
    url = f"http://127.0.0.1:{free_port()}"
    report = tmp_path / "report.json"
    r = run_cli("check", "--grammar", "--languagetool-url", url, "--select", "LT", "--format", "json",
                "--output", str(report), str(article), cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr == f"lintnews: error: LanguageTool at {url} is not reachable: is a server listening there?\n"
    assert r.stdout == "" and not report.exists()


def test_languagetool_url_from_the_environment(tmp_path, article):
    url = f"http://127.0.0.1:{free_port()}"
    env = {**os.environ, "LINTNEWS_LANGUAGETOOL_URL": url}
    r = subprocess.run([sys.executable, "-m", "lintnews", "check", "--grammar", "--select", "LT", str(article)],
                       capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert (r.returncode, r.stderr) == (2, f"lintnews: error: LanguageTool at {url} is not reachable: "
                                           f"is a server listening there?\n")


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path

    def wait_for_log(self, text: str, seconds: float = 180) -> None:
        deadline = time.monotonic() + seconds
        while text not in self.log.read_text(errors="replace"):
            assert time.monotonic() < deadline, f"LanguageTool never logged {text!r}"
            time.sleep(0.1)


@pytest.fixture
def own_server(tmp_path):
    """A LanguageTool server for this test alone, from the jars scripts/run-tests.sh fetched."""
    lib = REPO / "languagetool" / "lib"
    if not list(lib.glob("languagetool-server-*.jar")):
        message = f"{lib} has no LanguageTool: run scripts/run-tests.sh"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    port = free_port()
    log = tmp_path / "languagetool.log"
    with open(log, "w") as out:
        process = subprocess.Popen(["java", "-Xmx768m", "-cp", f"{lib}/*", "org.languagetool.server.HTTPServer",
                                    "--port", str(port)], stdout=out, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        deadline = time.monotonic() + 180
        while True:
            assert process.poll() is None, "LanguageTool exited while starting: " + log.read_text()[-2000:]
            try:
                urllib.request.urlopen(server.url + "/v2/healthcheck", timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "LanguageTool did not start"
                time.sleep(0.5)
        yield server
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGCONT)
            process.kill()
        process.wait()


def test_a_server_slower_than_the_timeout(own_server, tmp_path, article):
    report = tmp_path / "report.json"
    os.kill(own_server.process.pid, signal.SIGSTOP)  # the server accepts connections but never answers
    try:
        r = run_cli("check", "--grammar", "--languagetool-url", own_server.url, "--languagetool-timeout", "1",
                    "--select", "LT", "--output", str(report), str(article), cwd=tmp_path)
    finally:
        os.kill(own_server.process.pid, signal.SIGCONT)
    assert r.returncode == 2
    assert r.stderr == f"lintnews: error: LanguageTool at {own_server.url} did not answer within 1 seconds\n"
    assert not report.exists()


def test_a_server_killed_during_the_run(own_server, tmp_path, article):
    """The first article is checked; the server dies; the second one (standard input) cannot be."""
    report = tmp_path / "report.json"
    env = {k: v for k, v in os.environ.items() if k != "LINTNEWS_LANGUAGETOOL_URL"}
    cli = subprocess.Popen([sys.executable, "-m", "lintnews", "check", "--grammar", "--languagetool-url",
                            own_server.url, "--select", "LT", "--jobs", "1", "--output", str(report), str(article),
                            "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env=env, cwd=tmp_path)
    try:
        own_server.wait_for_log("Check done")
        own_server.process.kill()
        own_server.process.wait()
        out, err = cli.communicate("Every morning she go to the market.\n", timeout=300)
    finally:
        if cli.poll() is None:
            cli.kill()
    assert cli.returncode == 2
    assert err == (f"lintnews: error: LanguageTool at {own_server.url} stopped answering during the run: "
                   f"the server may have died\n")
    assert out == "" and not report.exists()


def test_a_server_killed_between_articles_through_the_api(own_server, tmp_path, article):
    second = tmp_path / "second.txt"
    second.write_text("Every morning she go to the market.\n", encoding="utf-8")
    results = lint_paths([str(article), str(second)],
                         Config(select=("LT",), grammar=True, languagetool_url=own_server.url))
    first = next(results)
    assert [f.code for f in first.findings] == ["LTEN_A_VS_AN"]
    own_server.process.kill()
    own_server.process.wait()
    with pytest.raises(LanguageToolUnavailable, match="stopped answering during the run"):
        next(results)
