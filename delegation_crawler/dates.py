"""One date parser for every portal.

The portals print dates as ``2017-07-29 07:34``, ``2024年04月18日 11:12``, ``2020/9/9 18:21:58``,
``2016-12-29`` or, inside a story, ``12月8日`` with the year left to context. All of them are
Beijing time. ``parse_datetime`` returns an aware datetime (Asia/Shanghai) and how precise the
source was, so a date-only value is not mistaken for midnight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

_DIGITS = str.maketrans("０１２３４５６７８９：／－", "0123456789:/-")

_FULL = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?:T|\s)?\s*(?P<H>\d{1,2})\s*[:时時]\s*(?P<M>\d{1,2})(?:\s*[:分]\s*(?P<S>\d{1,2}))?)?"
)
_MONTH_DAY = re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")


class DateError(ValueError):
    """A string that looks like a date but is not a valid one (e.g. ``2020-13-45``)."""


@dataclass(frozen=True)
class ParsedDate:
    value: datetime
    precision: str  # "second" | "minute" | "day"

    def isoformat(self) -> str:
        return self.value.isoformat()


def parse_datetime(text: str | None) -> ParsedDate | None:
    """Find the first full date (with year) in ``text``.

    Returns None when the text holds no date; raises DateError when it holds a date-shaped
    string with impossible values, so callers can tell "absent" from "malformed".
    """
    if not text:
        return None
    match = _FULL.search(text.translate(_DIGITS))
    if not match:
        return None
    parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
    precision = "second" if "S" in parts else "minute" if "M" in parts else "day"
    try:
        value = datetime(
            parts["y"], parts["m"], parts["d"], parts.get("H", 0), parts.get("M", 0), parts.get("S", 0),
            tzinfo=SHANGHAI,
        )
    except ValueError as exc:
        raise DateError(f"invalid date {match.group(0)!r}: {exc}") from None
    return ParsedDate(value, precision)


def resolve_month_day(month: int, day: int, reference: date | datetime) -> date:
    """The date ``month``/``day`` nearest before (or at) ``reference``.

    News reports events that already happened: ``12月8日`` in a story published on
    2022-01-03 is 2021-12-08. A date up to a week after the reference is kept in the
    reference's year (announcements of the next days).
    """
    if isinstance(reference, datetime):
        reference = reference.astimezone(SHANGHAI).date() if reference.tzinfo else reference.date()
    for year in (reference.year, reference.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference + timedelta(days=7):
            return candidate
    raise DateError(f"invalid month/day {month}/{day}")


def find_month_days(text: str, reference: date | datetime) -> list[date]:
    """All ``M月D日`` dates in ``text`` resolved against ``reference``; invalid ones are skipped."""
    found = []
    for match in _MONTH_DAY.finditer(text.translate(_DIGITS)):
        try:
            found.append(resolve_month_day(int(match["m"]), int(match["d"]), reference))
        except DateError:
            continue
    return found
