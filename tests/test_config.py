"""Configuration files: discovery (nearest wins), every key, --config/--isolated, command-line
overrides, and an error naming the file and the key for every kind of mistake."""
from __future__ import annotations

import datetime as dt
import os
import textwrap

import pytest

from lintnews.errors import ConfigError
from lintnews.finding import Severity
from lintnews.runner import lint_paths
from lintnews.settings import Settings

from .test_cli import assert_one_line_error, run

GUILLEMETS = "He said « no » to them.\n"  # TY004 at 1:9
SPACED = "What now ?\n"  # TY001 at 1:9


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def codes(paths, settings=None, **kw):
    settings = settings or Settings(kw.pop("overrides", None), **kw)
    config = settings.command_line()
    return sorted((os.path.basename(f.path), f.code, str(f.severity))
                  for r in lint_paths([str(p) for p in paths], config, settings=settings) for f in r.findings)


# --- discovery ------------------------------------------------------------------------------
def test_lintnews_toml_applies_to_articles_below_it(tmp_path):
    write(tmp_path / "lintnews.toml", 'select = ["TY004"]\n')
    article = write(tmp_path / "desk" / "a.txt", GUILLEMETS + SPACED)
    assert codes([article]) == [("a.txt", "TY004", "warning")]


def test_the_nearest_file_wins(tmp_path):
    write(tmp_path / "lintnews.toml", 'select = ["TY004"]\n')
    write(tmp_path / "sport" / "lintnews.toml", 'select = ["TY001"]\n')
    top = write(tmp_path / "top.txt", GUILLEMETS + SPACED)
    sport = write(tmp_path / "sport" / "s.txt", GUILLEMETS + SPACED)
    settings = Settings()
    assert codes([top, sport], settings) == [("s.txt", "TY001", "warning"), ("top.txt", "TY004", "warning")]
    assert len(settings._linters) == 2  # one Linter per configuration file


def test_pyproject_tool_lintnews_table(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.lintnews]\nselect = ["TY001"]\n')
    article = write(tmp_path / "a.txt", GUILLEMETS + SPACED)
    assert codes([article]) == [("a.txt", "TY001", "warning")]


def test_pyproject_without_the_table_is_passed_over(tmp_path):
    write(tmp_path / "lintnews.toml", 'select = ["TY001"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    article = write(tmp_path / "sub" / "a.txt", GUILLEMETS + SPACED)
    assert codes([article]) == [("a.txt", "TY001", "warning")]


def test_lintnews_toml_before_pyproject_in_one_directory(tmp_path):
    write(tmp_path / "lintnews.toml", 'select = ["TY001"]\n')
    write(tmp_path / "pyproject.toml", '[tool.lintnews]\nselect = ["TY004"]\n')
    assert codes([write(tmp_path / "a.txt", GUILLEMETS + SPACED)]) == [("a.txt", "TY001", "warning")]


def test_config_option_forces_one_file(tmp_path):
    write(tmp_path / "lintnews.toml", 'select = ["TY001"]\n')
    forced = write(tmp_path / "elsewhere" / "strict.toml", 'select = ["TY004"]\n')
    article = write(tmp_path / "a.txt", GUILLEMETS + SPACED)
    assert codes([article], config_file=str(forced)) == [("a.txt", "TY004", "warning")]


def test_isolated_ignores_every_file(tmp_path):
    write(tmp_path / "lintnews.toml", 'select = ["TY001"]\nignore = ["TY"]\n')
    article = write(tmp_path / "a.txt", GUILLEMETS + SPACED)
    got = codes([article], overrides={"select": ("TY",)}, isolated=True)
    assert got == [("a.txt", "TY001", "warning"), ("a.txt", "TY004", "warning")]


def test_config_and_isolated_together_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="--config and --isolated"):
        Settings(config_file=str(write(tmp_path / "x.toml", "")), isolated=True)


# --- each key -------------------------------------------------------------------------------
def test_select_ignore_extend_select(tmp_path):
    write(tmp_path / "lintnews.toml", 'select = ["TY"]\nignore = ["TY001"]\nextend-select = ["IO100"]\n')
    article = write(tmp_path / "a.md", GUILLEMETS + SPACED + "<!-- lintnews-disable-next-line TY004 -->\nEnd.\n")
    assert codes([article]) == [("a.md", "IO100", "warning"), ("a.md", "TY004", "warning")]


def test_per_file_ignores_globs_relative_to_the_file(tmp_path):
    write(tmp_path / "lintnews.toml", """\
        select = ["TY"]
        [per-file-ignores]
        "wire/*.txt" = ["TY004"]
        "quotes" = ["space-before-punctuation"]
        """)
    wire = write(tmp_path / "wire" / "w.txt", GUILLEMETS + SPACED)
    quoted = write(tmp_path / "quotes" / "deep" / "q.txt", GUILLEMETS + SPACED)
    other = write(tmp_path / "o.txt", GUILLEMETS + SPACED)
    assert codes([wire, quoted, other]) == [
        ("o.txt", "TY001", "warning"), ("o.txt", "TY004", "warning"),
        ("q.txt", "TY004", "warning"), ("w.txt", "TY001", "warning")]


def test_severity_overrides_and_fail_on(tmp_path):
    write(tmp_path / "lintnews.toml", 'select = ["TY"]\nfail-on = "error"\n[severity]\nTY004 = "error"\n'
                                      'space-before-punctuation = "info"\n')
    article = write(tmp_path / "a.txt", GUILLEMETS + SPACED)
    assert codes([article]) == [("a.txt", "TY001", "info"), ("a.txt", "TY004", "error")]
    assert Settings().config_for(str(article)).fail_on == Severity.ERROR


def test_fail_on_decides_the_exit_code(tmp_path):
    write(tmp_path / "lintnews.toml", 'select = ["TY001"]\nfail-on = "error"\n')
    write(tmp_path / "a.txt", SPACED)
    code, out, _ = run("check", "a.txt", cwd=tmp_path)
    assert code == 0 and "TY001" in out
    assert run("check", "--fail-on", "warning", "a.txt", cwd=tmp_path)[0] == 1
    write(tmp_path / "lintnews.toml", 'select = ["TY001"]\nfail-on = "never"\n[severity]\nTY001 = "error"\n')
    assert run("check", "a.txt", cwd=tmp_path)[0] == 0


def test_lang_variant_date_grammar_url(tmp_path):
    write(tmp_path / "lintnews.toml", """\
        lang = "fr"
        variant = "en-GB"
        date = 2020-01-10
        grammar = true
        languagetool-url = "http://127.0.0.1:8081/"
        languagetool-timeout = 5
        """)
    config = Settings().config_for(str(write(tmp_path / "a.txt", "x\n")))
    assert (config.lang, config.variant, config.date, config.grammar, config.languagetool_url,
            config.languagetool_timeout) == ("fr", "en-GB", dt.date(2020, 1, 10), True, "http://127.0.0.1:8081", 5.0)
    write(tmp_path / "lintnews.toml", 'date = "2019-12-31"\n')
    assert Settings().config_for(str(tmp_path / "a.txt")).date == dt.date(2019, 12, 31)


def test_grammar_key_turns_the_languagetool_rules_on(tmp_path):
    article = write(tmp_path / "a.txt", "x\n")
    write(tmp_path / "lintnews.toml", 'select = ["LT"]\ngrammar = false\n')
    assert [r.code for r in Settings().linter_for(str(article)).enabled] == []
    write(tmp_path / "lintnews.toml", 'select = ["LT"]\ngrammar = true\n')
    enabled = [r.code for r in Settings().linter_for(str(article)).enabled]
    assert enabled and all(c.startswith("LT") for c in enabled)


def test_variant_reaches_the_checks_per_folder(tmp_path):
    """Checks read ctx.config.variant (titles: Defense/Defence); each folder gets its own."""
    write(tmp_path / "gb" / "lintnews.toml", 'variant = "en-GB"\n')
    write(tmp_path / "us" / "lintnews.toml", 'variant = "en-US"\n')
    settings = Settings()
    gb = settings.linter_for(str(write(tmp_path / "gb" / "a.txt", "x\n")))
    us = settings.linter_for(str(write(tmp_path / "us" / "a.txt", "x\n")))
    assert (gb.context.config.variant, us.context.config.variant) == ("en-GB", "en-US")


def test_rules_directories_relative_to_the_file(tmp_path):
    write(tmp_path / "house" / "spellings.yaml", """\
        rules:
          - code: HS001
            name: house-spellings
            kind: substitution
            severity: warning
            summary: House spellings.
            fix: safe
            swap:
              Kiev: Kyiv
            examples:
              bad:
                - {text: "The mayor of [[Kiev]] spoke.", fixed: "The mayor of Kyiv spoke."}
              good:
                - "The mayor of Kyiv spoke."
        """)
    write(tmp_path / "lintnews.toml", 'rules = ["house"]\nselect = ["HS"]\n')
    article = write(tmp_path / "desk" / "a.txt", "The mayor of Kiev spoke.\n")
    assert codes([article]) == [("a.txt", "HS001", "warning")]


def test_include_and_exclude_in_directory_searches(tmp_path):
    write(tmp_path / "lintnews.toml", 'select = ["TY004"]\ninclude = ["*.md"]\nexclude = ["drafts"]\n')
    write(tmp_path / "a.md", GUILLEMETS)
    write(tmp_path / "b.txt", GUILLEMETS)
    write(tmp_path / "drafts" / "c.md", GUILLEMETS)
    named = write(tmp_path / "named.txt", GUILLEMETS)
    assert codes([tmp_path]) == [("a.md", "TY004", "warning")]
    # A file named on the command line is linted even if `include` does not take it.
    assert codes([named]) == [("named.txt", "TY004", "warning")]
    assert codes([tmp_path / "drafts" / "c.md"]) == []


# --- command-line options over the file -------------------------------------------------------
def test_command_line_overrides_the_file(tmp_path):
    write(tmp_path / "lintnews.toml", 'select = ["TY004"]\nextend-select = ["CL"]\nignore = ["TY001"]\n'
                                      'lang = "fr"\n')
    article = write(tmp_path / "a.txt", GUILLEMETS + SPACED)
    # --select replaces select and drops extend-select; the file's ignore still holds.
    settings = Settings({"select": ("TY",), "lang": "en"})
    config = settings.config_for(str(article))
    assert (config.select, config.extend_select, config.ignore, config.lang) == (("TY",), (), ("TY001",), "en")
    assert codes([article], settings) == [("a.txt", "TY004", "warning")]
    # --ignore adds to the file's list.
    assert codes([article], overrides={"ignore": ("TY004",)}) == []


# --- errors ---------------------------------------------------------------------------------
@pytest.mark.parametrize("body, words", [
    ('selec = ["TY"]\n', ["unknown key 'selec'", "did you mean 'select'"]),
    ('extend_select = ["TY"]\n', ["unknown key 'extend_select'", "'extend-select'"]),
    ('select = "TY001"\n', ["select: expected a list of rule codes", "got a string", '["TY001"]']),
    ('ignore = [1]\n', ["ignore: expected a list of rule codes", "an integer (1)"]),
    ('extend-select = {TY = 1}\n', ["extend-select: expected a list", "got a table"]),
    ('per-file-ignores = ["x"]\n', ["per-file-ignores: expected a table of glob"]),
    ('[per-file-ignores]\n"*.md" = "TY"\n', ["per-file-ignores: expected a list of rule codes for '*.md'"]),
    ('[severity]\nTY004 = "fatal"\n', ["severity: expected a severity ('error', 'warning' or 'info') for TY004",
                                       "'fatal'"]),
    ('severity = "error"\n', ["severity: expected a table of rule code = severity"]),
    ('fail-on = "errors"\n', ["fail-on: expected one of 'error', 'warning', 'info', 'never'"]),
    ('fail-on = true\n', ["fail-on: expected one of", "a boolean (true)"]),
    ('lang = 3\n', ["lang: expected a language code", "an integer (3)"]),
    ('variant = "en-AU"\n', ["variant: expected one of 'en-US', 'en-GB'", "'en-AU'"]),
    ('date = "10/01/2020"\n', ["date: expected a date written YYYY-MM-DD", "'10/01/2020'"]),
    ('date = 2020-01-10T10:00:00\n', ["date: expected a date", "a date and time"]),
    ('rules = "packs"\n', ["rules: expected a list of rule-pack directories"]),
    ('rules = ["missing"]\n', ["rules: expected a directory of rule packs", "'missing'"]),
    ('grammar = "yes"\n', ["grammar: expected true or false", "'yes'"]),
    ('languagetool-url = "ftp://127.0.0.1:8081"\n', ["languagetool-url: expected the http(s) URL of a "
                                                      "LanguageTool server", "'ftp://127.0.0.1:8081'"]),
    ('languagetool-url = 8081\n', ["languagetool-url: expected", "an integer (8081)"]),
    ('languagetool-timeout = 0\n', ["languagetool-timeout: expected a number of seconds above 0", "(0)"]),
    ('include = "*.md"\n', ["include: expected a list of globs"]),
    ('exclude = [true]\n', ["exclude: expected a list of globs", "a boolean"]),
    ('select = ["ZZ9"]\n', ["select: unknown rule code, prefix or name 'ZZ9'"]),
    ('extend-select = ["TY001", "nope-rule"]\n', ["extend-select: unknown rule code, prefix or name 'nope-rule'"]),
    ('ignore = ["QQ"]\n', ["ignore: unknown rule code", "'QQ'"]),
    ('[severity]\nZZ001 = "error"\n', ["severity: unknown rule code or name 'ZZ001'"]),
    ('[per-file-ignores]\n"*.md" = ["ZZ1"]\n', ["per-file-ignores.'*.md': unknown rule code", "'ZZ1'"]),
    ('select = [\n', ["invalid TOML"]),
])
def test_every_mistake_names_the_file_the_key_and_what_was_expected(tmp_path, body, words):
    config = write(tmp_path / "lintnews.toml", body)
    article = write(tmp_path / "a.txt", GUILLEMETS)
    with pytest.raises(ConfigError) as err:
        list(lint_paths([str(article)], settings=Settings()))
    message = str(err.value)
    assert message.startswith(f"{config}: "), message
    for w in words:
        assert w in message, message


def test_pyproject_errors_name_the_table(tmp_path):
    config = write(tmp_path / "pyproject.toml", '[tool.lintnews]\nselect = "TY"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml: tool.lintnews.select: expected a list"):
        Settings().config_for(str(write(tmp_path / "a.txt", GUILLEMETS)))
    write(tmp_path / "pyproject.toml", '[tool]\nlintnews = 3\n')
    with pytest.raises(ConfigError, match="tool.lintnews: expected a table, got an integer"):
        Settings().config_for(str(tmp_path / "a.txt"))
    assert config.exists()


def test_forced_file_must_exist_and_have_settings(tmp_path):
    with pytest.raises(ConfigError, match="no such configuration file"):
        Settings(config_file=str(tmp_path / "none.toml"))
    without = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool.lintnews\] table"):
        Settings(config_file=str(without))


def test_cli_reports_a_config_error_in_one_line_with_exit_2(tmp_path):
    write(tmp_path / "lintnews.toml", 'select = ["TY004"]\nfail_on = "error"\n')
    write(tmp_path / "a.txt", GUILLEMETS)
    code, _, err = run("check", "a.txt", cwd=tmp_path)
    assert code == 2
    assert_one_line_error(err, "lintnews.toml", "unknown key 'fail_on'", "did you mean 'fail-on'")


def test_cli_config_and_isolated_options(tmp_path):
    write(tmp_path / "lintnews.toml", 'select = ["ZZ9"]\n')  # broken: only --isolated gets past it
    forced = write(tmp_path / "ok.toml", 'select = ["TY001"]\n')
    write(tmp_path / "a.txt", GUILLEMETS + SPACED)
    assert run("check", "a.txt", cwd=tmp_path)[0] == 2
    code, out, _ = run("check", "--config", forced, "a.txt", cwd=tmp_path)
    assert code == 1 and "TY001" in out and "TY004" not in out
    code, out, _ = run("check", "--isolated", "--select", "TY004", "a.txt", cwd=tmp_path)
    assert code == 1 and "TY004" in out and "TY001" not in out
    code, _, err = run("check", "--isolated", "--config", forced, "a.txt", cwd=tmp_path)
    assert code == 2
    assert_one_line_error(err, "--config and --isolated")


def test_parallel_runs_and_fixes_use_each_articles_configuration(tmp_path):
    for desk, code in (("a", "TY004"), ("b", "TY001")):
        write(tmp_path / desk / "lintnews.toml", f'select = ["{code}"]\n')
        for i in range(3):
            write(tmp_path / desk / f"f{i}.txt", GUILLEMETS + SPACED)
    code, out, _ = run("check", "-j", "2", ".", cwd=tmp_path)
    found = sorted(line.split(":")[0] + " " + line.split()[1] for line in out.splitlines()[:-1])
    assert code == 1 and found == [f"./a/f{i}.txt TY004" for i in range(3)] + [f"./b/f{i}.txt TY001" for i in range(3)]
    code, out, _ = run("check", "--diff", "a/f0.txt", "b/f0.txt", cwd=tmp_path)
    changed = [line for line in out.splitlines() if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))]
    assert changed == ["-He said « no » to them.", "+He said “no” to them.", "-What now ?", "+What now?"]
