"""House knowledge kept as data in rules/knowledge/: title conventions, officeholders, lexicons."""
from __future__ import annotations

from functools import lru_cache

import yaml

from .errors import RulePackError
from .packs import builtin_pack_dir


@lru_cache(maxsize=None)
def load(name: str):
    """The parsed rules/knowledge/NAME.yaml (read once per process)."""
    path = builtin_pack_dir() / "knowledge" / f"{name}.yaml"
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError:
        raise RulePackError(f"{path}: knowledge file missing") from None
    except yaml.YAMLError as exc:
        raise RulePackError(f"{path}: invalid YAML: {exc}") from None
