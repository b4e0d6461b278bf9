"""House knowledge kept as data in rules/knowledge/: title conventions, officeholders, lexicons."""
from __future__ import annotations

from functools import lru_cache

from .errors import RulePackError
from .packs import builtin_pack_dir, cached_by_content


@lru_cache(maxsize=None)
def load(name: str):
    """The parsed rules/knowledge/NAME.yaml (read once per process)."""
    path = builtin_pack_dir() / "knowledge" / f"{name}.yaml"
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise RulePackError(f"{path}: knowledge file missing") from None
    # Parsed once, then read from the user cache until the file changes (start-up time).
    return cached_by_content(f"knowledge-{name}", content, lambda: _parse(path, content))


def _parse(path, content: bytes):
    import yaml  # only when the file changed since it was cached: start-up time

    try:
        return yaml.load(content.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise RulePackError(f"{path}: invalid YAML: {exc}") from None
