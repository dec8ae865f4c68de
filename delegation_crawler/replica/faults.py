"""Faults the replica server can answer with, so that tests see what the real world does.

A ``FaultPlan`` picks, for each URL, whether it is faulted and how: by path rules (``fnmatch``
patterns on ``/<host>/<path>``) or by a seeded share of all URLs. Transient faults clear after
``clears_after`` faulted answers of the same URL (then the page is served as usual); permanent
ones never clear. The choice depends only on the seed and the URL, so a run can be repeated.

    ReplicaServer(faults=FaultPlan(rate=0.2, seed=1))          # 20 % of URLs, transient kinds
    ReplicaServer(faults=FaultPlan(rules=[("/www.zgm.cn/html/*", "bad_gzip")]))
"""

from __future__ import annotations

import fnmatch
import hashlib
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

# Cleared by a retry: what a busy or flaky server does.
TRANSIENT = ("http_500", "http_502", "http_503", "http_503_retry_after", "http_429", "reset", "timeout",
             "truncated", "bad_gzip")
# Never cleared: what a broken or hostile server does.
PERMANENT = ("pdf", "huge", "redirect_loop", "redirect_offsite", "redirect_private", "json", "gone")
KINDS = TRANSIENT + PERMANENT


@dataclass
class FaultPlan:
    rate: float = 0.0  # share of URLs faulted by the seeded draw
    seed: int = 0
    kinds: tuple[str, ...] = TRANSIENT  # the draw picks one of these per URL
    rules: list[tuple[str, str]] = field(default_factory=list)  # (pattern, kind), tried first
    clears_after: int = 1  # faulted answers of one URL before a transient fault clears
    timeout_seconds: float = 5.0  # how long a "timeout" answer stalls
    served: Counter = field(default_factory=Counter, repr=False)  # faulted answers per URL
    asked: dict = field(default_factory=dict, repr=False)  # URL with a planned fault -> request times
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        unknown = {kind for _, kind in self.rules} | set(self.kinds)
        unknown -= set(KINDS)
        if unknown:
            raise ValueError(f"unknown fault kinds {sorted(unknown)}; known: {', '.join(KINDS)}")

    def kind_for(self, url: str) -> str | None:
        """The fault planned for ``url`` (``/<host>/<path>``), or None."""
        kind = next((k for pattern, k in self.rules if fnmatch.fnmatchcase(url, pattern)), None)
        if kind is None and self.rate > 0:
            digest = hashlib.sha256(f"{self.seed}:{url}".encode()).digest()
            if int.from_bytes(digest[:8], "big") / 2**64 < self.rate:
                kind = self.kinds[digest[8] % len(self.kinds)]
        return kind

    def fault_for(self, url: str) -> str | None:
        """The fault to answer this request of ``url`` with, counting it; None: serve it well."""
        kind = self.kind_for(url)
        if kind is None:
            return None
        with self._lock:
            self.asked.setdefault(url, []).append(time.monotonic())
            if kind in TRANSIENT and self.served[url] >= self.clears_after:
                return None
            self.served[url] += 1
        return kind

    @classmethod
    def parse(cls, spec: str) -> FaultPlan:
        """``rate=0.2,seed=1[,clears_after=2][,kinds=http_500+reset]`` (the serve command's --faults)."""
        values: dict = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            key, _, value = part.partition("=")
            if key in ("rate", "timeout_seconds"):
                values[key] = float(value)
            elif key in ("seed", "clears_after"):
                values[key] = int(value)
            elif key == "kinds":
                values[key] = tuple(value.split("+"))
            else:
                raise ValueError(f"--faults: unknown key {key!r} (rate, seed, clears_after, kinds, timeout_seconds)")
        return cls(**values)
