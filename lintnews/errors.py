"""Errors that end a run with a one-line message and exit code 2."""


class LintnewsError(Exception):
    """Base: the message is shown as one line, the exit code is 2."""

    exit_code = 2


class InputError(LintnewsError):
    """A path that cannot be read, or input that cannot be linted."""


class ConfigError(LintnewsError):
    """A bad option, configuration file or rule selection."""


class RulePackError(LintnewsError):
    """A rule pack (YAML) that is malformed: the message names the file and line."""


class RuleError(LintnewsError):
    """A rule that raised an exception on an article: a bug in the rule, not in the article
    (the command line reports it, keeps the other rules' findings, and exits with 2)."""
