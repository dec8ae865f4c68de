"""Dead-letter JSON Lines file: what could not be written to PostgreSQL, and its replay.

Each line is ``{"kind": "article"|"page"|"crawl_run", "error": ..., "at": ..., "record": ...}``.
Writers and the replayer take an exclusive ``flock`` on the file, so replaying while a crawl
still appends neither loses nor repeats lines. Replay is idempotent (natural-key upserts), so
a line replayed twice is harmless.
"""

from __future__ import annotations

import fcntl
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from delegation_crawler.db.rows import Rejected, from_deadletter
from delegation_crawler.db.writer import CONNECTION_ERRORS, Batch, Warehouse


def _line(entry: dict) -> str:
    try:
        return json.dumps(entry, ensure_ascii=False) + "\n"
    except UnicodeEncodeError:  # defensive: keep the line, escaped, rather than lose it
        return json.dumps(entry, ensure_ascii=True) + "\n"


@contextmanager
def _locked(path: Path, mode: str):
    """Open and flock; reopen if a replay renamed the file while we waited for the lock."""
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        handle = open(path, mode, encoding="utf-8")
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            if path.exists() and os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino:
                break
        except OSError:
            pass
        handle.close()
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        if not handle.closed:
            handle.close()


def append(path: str | os.PathLike, entries: Iterable, error: str) -> int:
    """Append entries (prepared articles/pages/runs) with the error that stopped them."""
    at = datetime.now(timezone.utc).isoformat()
    lines = [_line({**entry.to_deadletter(), "error": error, "at": at}) for entry in entries]
    with _locked(Path(path), "a") as handle:
        handle.writelines(lines)
    return len(lines)


@dataclass
class ReplayResult:
    replayed: int
    remaining: int
    archived_to: Path | None


def replay(dsn: str, path: str | os.PathLike, batch_size: int = 500) -> ReplayResult:
    """Write every line of the file to the warehouse.

    Lines that still fail (a record rejected as unstorable) are kept in the file; when every
    line is written the file is renamed ``<file>.replayed-<UTC time>``. A connection failure
    aborts with the file untouched (raise), since nothing would be gained by continuing.
    """
    path = Path(path)
    warehouse = Warehouse(dsn)
    try:
        with _locked(path, "r+") as handle:
            lines = [line for line in handle.read().splitlines() if line.strip()]
            kept: list[str] = []
            replayed = 0
            for start in range(0, len(lines), batch_size):
                chunk, entries = [], []
                for line in lines[start:start + batch_size]:
                    try:
                        entries.append(from_deadletter(json.loads(line)))
                        chunk.append(line)
                    except (ValueError, KeyError, TypeError, Rejected):
                        kept.append(line)
                try:
                    warehouse.write(Batch.of(entries))
                    replayed += len(entries)
                except CONNECTION_ERRORS:
                    raise
                except Exception:  # isolate the bad record(s): retry one by one
                    for line, entry in zip(chunk, entries):
                        try:
                            warehouse.write(Batch.of([entry]))
                            replayed += 1
                        except CONNECTION_ERRORS:
                            raise
                        except Exception:
                            kept.append(line)
            archived = None
            if kept:
                handle.seek(0)
                handle.truncate()
                handle.write("".join(line + "\n" for line in kept))
            else:
                stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
                archived = path.with_name(f"{path.name}.replayed-{stamp}")
                path.rename(archived)
            return ReplayResult(replayed, len(kept), archived)
    finally:
        warehouse.close()
