"""LanguageTool for the grammar check: one server for a whole run, and a clear error when it fails.

Where LanguageTool comes from:

- a running server, given with `--languagetool-url URL`, `LINTNEWS_LANGUAGETOOL_URL` or the
  `languagetool-url` setting (scripts/run-tests.sh starts one from languagetool/pom.xml);
- otherwise language-tool-python's own local mode, which starts a server itself. `prepare()`
  does that once, in the process that starts the run, and hands the server's URL to worker
  processes (through LINTNEWS_LANGUAGETOOL_URL): a run never starts more than one server.

Texts go to the server through language-tool-python, several at a time (`threads`, at most
LanguageTool's own default of 10 check threads). That is safe only because of `_bmp`:
language-tool-python's `Match` converts LanguageTool's UTF-16 offsets into code points with a
cache kept on the class, shared by every thread (one client per thread would not help). Each
character outside the Basic Multilingual Plane (an emoji) is sent as U+FFFC, the object
replacement character: one UTF-16 unit like one code point, so the offsets LanguageTool returns
are already offsets into our text and the shared cache is never used.

A server that is not there, that answers later than `timeout` seconds, or that dies during the
run ends the run with `LanguageToolUnavailable` (exit code 2, the message names the URL) before
anything is printed or written.
"""
from __future__ import annotations

import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .config import Config
from .errors import LintnewsError

#: Seconds to wait for one answer. language-tool-python asks twice before it gives up.
DEFAULT_TIMEOUT = 60.0
#: LanguageTool's default `maxCheckThreads`: more requests than that only wait in its queue.
SERVER_THREADS = 10

ASTRAL = re.compile("[\U00010000-\U0010ffff]")
PLACEHOLDER = "\ufffc"


class LanguageToolUnavailable(LintnewsError):
    """LanguageTool could not be reached, answered too late, died, or answered with an error."""


@dataclass(frozen=True)
class Match:
    """One LanguageTool match, with offsets into the text that was sent."""

    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]
    start: int
    end: int


def default_threads() -> int:
    """Requests in flight at once: one per CPU (the server usually runs on this machine), at most
    the server's own thread count."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(SERVER_THREADS, cpus))


def server_url(config: Config) -> str | None:
    """The server the run uses: the setting, else LINTNEWS_LANGUAGETOOL_URL, else None (local mode)."""
    url = config.languagetool_url or os.environ.get("LINTNEWS_LANGUAGETOOL_URL") or None
    if url is None:
        return None
    # language-tool-python appends "v2/" itself; accept the URL with or without it.
    return re.sub(r"/+(?:v2/*)?$", "", url.strip())


def language(config: Config) -> str:
    return config.variant if config.lang == "en" else config.lang


def _bmp(text: str) -> str:
    return ASTRAL.sub(PLACEHOLDER, text)


class Client:
    """A language-tool-python client for one server, language and rule choice."""

    def __init__(self, url: str | None, language: str, disabled=(), enabled=(),
                 timeout: float = DEFAULT_TIMEOUT, threads: int | None = None):
        import language_tool_python
        import requests
        from language_tool_python.exceptions import LanguageToolError

        self.where = url or "the local server started by language-tool-python"
        self.timeout = timeout
        self.threads = threads or default_threads()
        self._requests = requests

        class Tool(language_tool_python.LanguageTool):
            # language-tool-python's per-request timeout; a class attribute because it is used
            # by the constructor already (its first request lists the server's languages).
            _TIMEOUT = timeout

        try:
            if url:
                self.tool = Tool(language, remote_server=url)
            else:
                self.tool = Tool(language)
        except LanguageToolError as exc:
            raise self._error(exc, starting=True) from None
        except ValueError as exc:  # an unknown language
            raise LanguageToolUnavailable(f"LanguageTool at {self.where}: {exc}") from None
        except Exception as exc:  # local mode: no Java, no LanguageTool download, a port in use...
            if url:
                raise
            raise LanguageToolUnavailable(
                f"language-tool-python could not start a local LanguageTool ({type(exc).__name__}: "
                f"{(str(exc).splitlines() or [''])[0][:200]}); give a running server with --languagetool-url"
            ) from None
        self.tool.disabled_rules = set(disabled)
        self.tool.enabled_rules = set(enabled)
        self.url = self.tool.url.rstrip("/").removesuffix("/v2")

    def check(self, texts: list[str]) -> list[list[Match]]:
        """LanguageTool's matches for each text, several texts in flight at once."""
        if len(texts) <= 1 or self.threads == 1:
            return [self._check(t) for t in texts]
        with ThreadPoolExecutor(min(self.threads, len(texts))) as pool:
            return list(pool.map(self._check, texts))

    def _check(self, text: str) -> list[Match]:
        from language_tool_python.exceptions import LanguageToolError

        try:
            found = self.tool.check(_bmp(text))
        except LanguageToolError as exc:
            raise self._error(exc) from None
        except (KeyError, TypeError) as exc:
            raise LanguageToolUnavailable(
                f"LanguageTool at {self.where} gave an answer without matches ({exc})") from None
        return [Match(m.rule_id, m.category, m.rule_issue_type, m.message, tuple(m.replacements),
                      m.offset, m.offset + m.error_length) for m in found]

    def _error(self, exc: Exception, starting: bool = False) -> LanguageToolUnavailable:
        requests = self._requests
        cause = exc.__cause__
        if isinstance(cause, requests.Timeout):
            what = f"did not answer within {self.timeout:g} seconds"
        elif isinstance(cause, requests.ConnectionError):
            what = ("is not reachable: is a server listening there?" if starting else
                    "stopped answering during the run: the server may have died")
        elif cause is not None:
            what = f"failed: {type(cause).__name__}"
        else:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            what = f"failed: {first[:200]}"
        return LanguageToolUnavailable(f"LanguageTool at {self.where} {what}")

    def close(self) -> None:
        self.tool.close()


_clients: dict[tuple, Client] = {}
_lock = threading.Lock()


def client(config: Config, disabled=(), enabled=()) -> Client:
    """The process's client for this server and rule choice, made on first use.

    In local mode every configuration shares the one server language-tool-python started.
    """
    url = server_url(config)
    if url is None and _clients.get("local") is not None:
        url = _clients["local"].url
    key = (url, language(config), frozenset(disabled), frozenset(enabled), config.languagetool_timeout,
           config.languagetool_threads)
    with _lock:
        found = _clients.get(key)
        if found is None:
            found = Client(url, language(config), disabled, enabled, config.languagetool_timeout,
                           config.languagetool_threads)
            _clients[key] = found
            if url is None:
                _clients["local"] = found
        return found


def prepare(configs) -> None:
    """Called before a run, with the configuration of each file: if one of them has `grammar`
    on, reach its server now (or start the local one), so that a missing server stops the run
    before any file is linted. A local server's URL is put in LINTNEWS_LANGUAGETOOL_URL, which
    worker processes inherit: they use that server instead of starting their own."""
    config = next((c for c in configs if c.grammar), None)
    if config is None:
        return
    found = client(config)
    if server_url(config) is None:
        os.environ["LINTNEWS_LANGUAGETOOL_URL"] = found.url
