"""The `lintnews` command. Thin: options in, Config built, runner called, printer chosen."""
from __future__ import annotations

import sys

import click

from . import __version__
from .config import parse_date, split_codes
from .errors import ConfigError, LintnewsError
from .finding import Severity
from .output import FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def command_line_settings(select, extend_select, ignore, include, exclude, rule_dirs, ref_date, lang,
                          fail_on) -> dict:
    """The Config fields the command line sets; configuration files supply the others."""
    given = {"select": split_codes(select), "extend_select": split_codes(extend_select),
             "ignore": split_codes(ignore), "include": tuple(include), "exclude": tuple(exclude),
             "rules": tuple(rule_dirs)}
    out = {key: value for key, value in given.items() if value}
    if ref_date:
        out["date"] = parse_date(ref_date)
    if lang is not None:
        out["lang"] = lang
    if fail_on is not None:
        out["fail_on"] = None if fail_on == "never" else Severity.parse(fail_on)
    return out


def fail(message: str) -> None:
    click.echo(f"lintnews: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def notice(message: str) -> None:
    click.echo(f"lintnews: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lintnews")
def cli():
    """A linter for machine-translated and scraped news copy.

    Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage, configuration or
    input error, 130 interrupted.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--select", multiple=True, help="Rules to run: codes, prefixes (MT, FC0) or names; comma-separated.")
@click.option("--extend-select", multiple=True, help="Rules to run in addition to the default set.")
@click.option("--ignore", multiple=True, help="Rules not to run: codes, prefixes or names.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True,
              help="text, json, json-lines, sarif (GitHub code scanning) or github (Actions annotations).")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False),
              help="Write the report to FILE instead of standard output.")
@click.option("--statistics", is_flag=True,
              help="Print how many findings each rule has instead of the findings (with --output: besides).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Lowest severity that makes the exit code 1.  [default: warning]")
@click.option("--include", multiple=True, help="Glob: in directories, lint only matching files.")
@click.option("--exclude", multiple=True, help="Glob: skip matching files and directories.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(), help="Extra rule-pack directory (YAML).")
@click.option("--date", "ref_date", help="Reference date YYYY-MM-DD for years the article does not give.")
@click.option("--lang", default=None, help="Language the articles should be in.  [default: en]")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this configuration file for every article (lintnews.toml or pyproject.toml).")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary line or notices.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Files linted in parallel (worker processes). Default: the number of CPUs.")
@click.option("--grammar/--no-grammar", default=None,
              help="Run LanguageTool's grammar checks (LT codes).  [default: no]")
@click.option("--languagetool-url", envvar="LINTNEWS_LANGUAGETOOL_URL", default=None,
              help="A running LanguageTool server for --grammar (env LINTNEWS_LANGUAGETOOL_URL). "
                   "Default: language-tool-python starts one.")
@click.option("--languagetool-timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds to wait for each LanguageTool answer.  [default: 60]")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
def check(paths, select, extend_select, ignore, fmt, output, statistics, fail_on, include, exclude, rule_dirs,
          ref_date, lang, config_file, isolated, quiet, jobs, grammar, languagetool_url, languagetool_timeout, fix,
          unsafe_fixes, diff):
    """Lint articles: files, directories, or - for standard input."""
    from .output import Report, writer
    from .runner import collect_garbage_rarely, default_jobs, lint_paths
    from .settings import Settings

    try:
        overrides = command_line_settings(select, extend_select, ignore, include, exclude, rule_dirs, ref_date,
                                          lang, fail_on)
        for key, value in (("grammar", grammar), ("languagetool_url", languagetool_url),
                           ("languagetool_timeout", languagetool_timeout)):
            if value is not None:
                overrides[key] = value
        if statistics and not output and fmt not in ("text", "json"):
            raise ConfigError(f"--statistics prints text or json, not {fmt}: add --output FILE for the {fmt} report")
        settings = Settings(overrides, config_file, isolated)
        config = settings.command_line()
        if unsafe_fixes and not (fix or diff):
            raise ConfigError("--unsafe-fixes works with --fix or --diff")
        if fix and not diff and "-" in paths:
            raise ConfigError("standard input cannot be fixed in place: use --diff")
        report = Report()
        collect_garbage_rarely()
        if fix or diff:
            from .fixes import fix_file

            results = (fix_file(settings.linter_for(path), path, unsafe_fixes, not diff)
                       for path in settings.files(paths))
        else:
            results = lint_paths(paths, config, jobs=jobs or default_jobs(), settings=settings)
        diffs, errors, failing = [], 0, False  # errors: files --fix could not write, rules that failed
        for result in results:
            threshold = settings.config_for(result.path).fail_on  # the article's own configuration's
            failing = failing or (threshold is not None and any(f.severity >= threshold for f in result.findings))
            report.files += 0 if result.skipped else 1
            report.findings.extend(result.findings)
            report.fixed += getattr(result, "applied", 0)
            diffs.append(getattr(result, "diff", ""))
            if getattr(result, "error", None):
                errors += 1
                click.echo(f"lintnews: error: {result.error}", err=True)
            for message in result.errors:  # a rule that failed: its findings in the file are missing
                errors += 1
                report.errors.append(message)
                click.echo(f"lintnews: error: {message}", err=True)
            if not quiet:
                for message in result.notices:
                    notice(message)
        report.rules = settings.rules()
        if fmt in ("sarif", "github"):
            report.locate_articles()
    except LintnewsError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        click.echo("lintnews: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    out = sys.stdout
    if diff:
        # Standard output is the patch alone, so it can be piped to `git apply` or `patch`.
        out.write("".join(diffs))
        out.flush()
        if not quiet:
            files = sum(1 for d in diffs if d)
            notice(f"{report.fixed} fix{'es' if report.fixed != 1 else ''} to apply in {files} "
                   f"file{'s' if files != 1 else ''}; {len(report.findings)} finding"
                   f"{'s' if len(report.findings) != 1 else ''} would remain")
        failing = any(diffs) or failing
        sys.exit(EXIT_ERROR if errors else EXIT_FINDINGS if failing else EXIT_OK)
    if output:
        import io

        out = io.StringIO()
    if statistics:
        from .output.statistics import write as write_statistics

        if output:
            writer(fmt)(report, out)
        write_statistics(report, sys.stdout, "json" if fmt == "json" and not output else "text", quiet)
    elif quiet and fmt == "text":
        from .output.text import line

        for f in report.findings:
            out.write(line(f) + "\n")
    else:
        writer(fmt)(report, out)
    if output:
        from .files import write_atomically

        try:
            write_atomically(output, out.getvalue().encode("utf-8"))
        except OSError as exc:
            fail(f"{output}: cannot write the report ({exc.strerror or exc})")
    else:
        out.flush()
    sys.exit(EXIT_ERROR if errors else EXIT_FINDINGS if failing else EXIT_OK)


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(), help="Extra rule-pack directory.")
def list_rules(fmt, rule_dirs):
    """List every rule: code, name, severity, family, fix."""
    from .engine import RuleSet

    try:
        ruleset = RuleSet(rule_dirs)
    except LintnewsError as exc:
        fail(str(exc))
    if fmt == "json":
        import json

        click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": str(r.severity),
                                "family": r.family_name, "fix": r.fix, "default": r.default,
                                "summary": r.summary} for r in ruleset.sorted()], indent=2))
        return
    for r in ruleset.sorted():
        fix = {"safe": "fix", "unsafe": "fix(unsafe)", None: ""}[r.fix]
        off = "" if r.default else " (opt-in)"
        click.echo(f"{r.code}  {r.name:<28} {str(r.severity):<8} {r.family_name:<28} {fix:<12} {r.summary}{off}")


@cli.command()
@click.argument("rule")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(), help="Extra rule-pack directory.")
def explain(rule, rule_dirs):
    """Show a rule's documentation: what it does, why it matters, examples."""
    from .engine import RuleSet
    from .explain import explain_text

    try:
        ruleset = RuleSet(rule_dirs)
    except LintnewsError as exc:
        fail(str(exc))
    found = ruleset.resolve(rule)
    if found is None:
        fail(f"unknown rule {rule!r} (see 'lintnews rules')")
    click.echo(explain_text(found))


def main():
    try:
        cli(prog_name="lintnews")
    except KeyboardInterrupt:
        click.echo("lintnews: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        from .runner import exit_without_collecting

        exit_without_collecting()
