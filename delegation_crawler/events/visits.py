"""One visit, many reports: a ``visit_id`` shared by every report of the same visit.

Two outlets report one visit in their own words (the visitor's paper and the host's), so
dedupe keeps them as two stories. They are one visit when visitor and host are the same and
their dates overlap (a day's slack: one report says 12日, the other 12日至13日); a report
without dates matches a visit of the same pair within ``WINDOW`` days of its publication.

``VisitLinker`` keeps the visits it has seen; with a ``path`` it appends each new visit to a
JSON Lines file and reads it back on start, so reports that arrive in later runs link too.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .dates import parse_published

logger = logging.getLogger(__name__)

WINDOW = timedelta(days=7)  # a dateless report: its visit happened within a week of publication
SLACK = timedelta(days=1)


@dataclass(frozen=True)
class _Visit:
    visit_id: str
    start: date
    end: date


def _side_key(side: dict | None) -> str:
    if not isinstance(side, dict):
        return ""
    return side.get("code") or f"name:{side.get('name') or ''}"


def _span(event: dict, published) -> tuple[date, date] | None:
    """(start, end): the visit's own dates, else the publish date widened by WINDOW."""
    try:
        if event.get("start_date"):
            start = date.fromisoformat(event["start_date"])
            end = date.fromisoformat(event.get("end_date") or event["start_date"])
            return start, max(start, end)
    except (TypeError, ValueError):
        pass
    day = parse_published(published)
    return (day - WINDOW, day) if day else None


class VisitLinker:
    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else None
        self._visits: dict[tuple[str, str], list[_Visit]] = {}
        if self.path is not None and self.path.exists():
            self._load()

    def _load(self) -> None:
        with open(self.path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                try:
                    row = json.loads(line)
                    visit = _Visit(row["visit_id"], date.fromisoformat(row["start"]), date.fromisoformat(row["end"]))
                    self._visits.setdefault((row["visitor"], row["host"]), []).append(visit)
                except (ValueError, KeyError, TypeError):
                    logger.warning("%s line %d: not a visit record, skipped", self.path, number)

    def link(self, event: dict | None, published=None) -> str | None:
        """The visit_id of this report's visit (a new one for a visit not seen before)."""
        if not isinstance(event, dict) or not event.get("is_delegation_visit"):
            return None
        pair = (_side_key(event.get("visitor")), _side_key(event.get("host")))
        span = _span(event, published)
        if span is None:
            return self._new(pair, None)
        start, end = span
        for visit in self._visits.get(pair, ()):
            if start <= visit.end + SLACK and visit.start <= end + SLACK:
                return visit.visit_id
        return self._new(pair, (start, end))

    def _new(self, pair: tuple[str, str], span: tuple[date, date] | None) -> str:
        anchor = span[0].isoformat() if span else "undated"
        visit_id = "v-" + hashlib.sha1(f"{pair[0]}|{pair[1]}|{anchor}".encode("utf-8")).hexdigest()[:16]
        if span is None:
            return visit_id
        visit = _Visit(visit_id, *span)
        self._visits.setdefault(pair, []).append(visit)
        if self.path is not None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with open(self.path, "a", encoding="utf-8") as handle:
                    handle.write(json.dumps({"visitor": pair[0], "host": pair[1], "visit_id": visit_id,
                                             "start": span[0].isoformat(), "end": span[1].isoformat()},
                                            ensure_ascii=False) + "\n")
            except OSError as exc:
                logger.warning("visit index %s not written (%s): later runs will not link to this visit", self.path, exc)
        return visit_id
