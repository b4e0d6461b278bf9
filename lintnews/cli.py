"""The `lintnews` command. Thin: options in, Config built, runner called, printer chosen."""
from __future__ import annotations

import sys

import click

from . import __version__
from .config import Config, parse_date, split_codes
from .errors import LintnewsError
from .finding import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


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
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="warning",
              show_default=True, help="Lowest severity that makes the exit code 1.")
@click.option("--include", multiple=True, help="Glob: in directories, lint only matching files.")
@click.option("--exclude", multiple=True, help="Glob: skip matching files and directories.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(), help="Extra rule-pack directory (YAML).")
@click.option("--date", "ref_date", help="Reference date YYYY-MM-DD for years the article does not give.")
@click.option("--lang", default="en", show_default=True, help="Language the articles should be in.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary line or notices.")
def check(paths, select, extend_select, ignore, fmt, fail_on, include, exclude, rule_dirs, ref_date, lang, quiet):
    """Lint articles: files, directories, or - for standard input."""
    from .engine import Linter
    from .output import Report, writer
    from .runner import lint_paths

    try:
        config = Config(
            select=split_codes(select) or None, extend_select=split_codes(extend_select),
            ignore=split_codes(ignore), include=include, exclude=exclude, rules=tuple(rule_dirs),
            date=parse_date(ref_date) if ref_date else None, lang=lang,
            fail_on=Severity.parse(fail_on) if fail_on != "never" else None,
        )
        linter = Linter(config)
        report = Report(rules=linter.enabled)
        for result in lint_paths(paths, config, linter):
            report.files += 0 if result.skipped else 1
            report.findings.extend(result.findings)
            if not quiet:
                for message in result.notices:
                    notice(message)
    except LintnewsError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        click.echo("lintnews: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    out = sys.stdout
    if quiet and fmt == "text":
        from .output.text import line

        for f in report.findings:
            out.write(line(f) + "\n")
    else:
        writer(fmt)(report, out)
    out.flush()
    threshold = config.fail_on
    failing = threshold is not None and any(f.severity >= threshold for f in report.findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


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
