"""When a JSON Lines output really holds an article, and what a killed run left in it.

An article counts as delivered (the dedupe state will not emit it again) only once it is
durable in the output: the file flushed and fsync'ed. A run killed between writing and
recording leaves lines in the file that the state still calls undelivered; the next run reads
the file's unconfirmed tail (everything after the offset the journal in ``STATE_DIR`` holds
for it), marks what it finds delivered, and cuts a half-written last line. So a
killed-and-resumed series appending to one file holds every article exactly once, and a series
of per-run files (``%(time)s``) holds each article in exactly one of them.

No Scrapy here: the extension ``delegation_crawler.extensions.delivery`` drives it.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import IO, Callable, Iterator

logger = logging.getLogger(__name__)


class OutputJournal:
    """``outputs.jsonl``: per output file, the byte offset from which its lines are not yet known
    to be delivered: where the current run began writing it, or its end after a clean close.

    Append-only while a run writes (a short line at each start and end), compacted when opened.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.offsets: dict[str, int] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    row = json.loads(line)
                    self.offsets[row["path"]] = int(row["offset"])
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut by a kill: the one before it still holds
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._rewrite()

    def _rewrite(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            for path, offset in self.offsets.items():
                if Path(path).exists():
                    handle.write(json.dumps({"path": path, "offset": offset}, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(self.path)
        self.offsets = {p: o for p, o in self.offsets.items() if Path(p).exists()}

    def record(self, path: str, offset: int) -> None:
        if self.offsets.get(path) == offset:
            return
        self.offsets[path] = offset
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps({"path": path, "offset": offset}, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())


def sync(handle: IO[bytes]) -> int:
    """Flush and fsync an open output; the byte offset now durable (its current end)."""
    handle.flush()
    try:
        os.fsync(handle.fileno())
    except (OSError, ValueError):  # a pipe or a terminal: flushed is all there is
        pass
    return handle.tell() if handle.seekable() else 0


def unconfirmed_tail(path: str, offset: int) -> tuple[Iterator[dict], int]:
    """The items written to ``path`` after ``offset``, and the offset the file is whole up to.

    A half-written last line (a kill in mid-write) is cut off, so that the next run's
    appends start on a line of their own; its article is undelivered and comes again. A file
    shorter than ``offset`` was replaced since: it is read from the start.
    """
    size = os.path.getsize(path)
    start = offset if offset <= size else 0
    with open(path, "rb") as handle:
        handle.seek(start)
        tail = handle.read()
    whole = tail.rfind(b"\n") + 1
    if whole < len(tail):
        logger.warning("%s: cutting %d bytes of a half-written last line (a killed run's); "
                       "that article is delivered again", path, len(tail) - whole)
        with open(path, "r+b") as handle:
            handle.truncate(start + whole)
            os.fsync(handle.fileno())

    def items() -> Iterator[dict]:
        for line in tail[:whole].splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if isinstance(row, dict):
                yield row

    return items(), start + whole


def reconcile(journal: OutputJournal, mark: Callable[[dict], bool]) -> int:
    """Read back what earlier runs wrote after their last confirmed offset; ``mark(item)`` says
    whether the item was still undelivered. How many were."""
    found = 0
    for path, offset in list(journal.offsets.items()):
        if not os.path.exists(path):
            continue
        items, end = unconfirmed_tail(path, offset)
        found += sum(1 for item in items if mark(item))
        journal.record(path, end)
    return found
