"""Small private date parser for publish times on Chinese news pages.

Private until the shared ``delegation_crawler.dates.parse_datetime`` exists; it returns the
same shape, ``(aware datetime, precision) | None``, so swapping it in is a one-line change.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

try:
    from zoneinfo import ZoneInfo

    SHANGHAI = ZoneInfo("Asia/Shanghai")
except Exception:  # no tz database on the machine: China has used +08:00 since 1991
    SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")

_FULLWIDTH = str.maketrans("０１２３４５６７８９：－／", "0123456789:-/")
_HAS_FULLWIDTH = re.compile("[０-９：－／]")

DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>[01]?\d)\s*[-/.月]\s*(?P<d>[0-3]?\d)(?!\d)\s*日?"
    r"(?:\s*[(（]?(?:星期|周)[一二三四五六日天][)）]?)?"
    r"(?:(?:\s*|T)(?P<H>[0-2]?\d)\s*[:：时時]\s*(?P<M>[0-5]\d)(?!\d)\s*分?"
    r"(?:\s*[:：]\s*(?P<S>[0-5]\d)(?:\.\d+)?)?)?"
    r"(?P<tz>Z|[+-]\d\d:?\d\d)?"
)


def parse_datetime(text: str, *, reference: datetime | None = None):
    """Return ``(datetime in Asia/Shanghai, precision)`` for the first date in ``text``.

    Precision is "second", "minute" or "day"; None when no valid full date is present.
    ``reference`` is accepted for signature compatibility with the shared parser.
    """
    if not text:
        return None
    if _HAS_FULLWIDTH.search(text):
        text = text.translate(_FULLWIDTH)
    for match in DATE_RE.finditer(text):
        parsed = _from_match(match)
        if parsed is not None:
            return parsed
    return None


def _from_match(match: re.Match):
    g = match.groupdict()
    try:
        if g["H"] is None:
            value = datetime(int(g["y"]), int(g["m"]), int(g["d"]), tzinfo=SHANGHAI)
            return value, "day"
        second = int(g["S"]) if g["S"] is not None else 0
        naive = datetime(int(g["y"]), int(g["m"]), int(g["d"]), int(g["H"]), int(g["M"]), second)
    except ValueError:
        return None
    precision = "second" if g["S"] is not None else "minute"
    tz = g["tz"]
    if tz:
        if tz == "Z":
            offset = timezone.utc
        else:
            sign = 1 if tz[0] == "+" else -1
            digits = tz[1:].replace(":", "")
            offset = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        return naive.replace(tzinfo=offset).astimezone(SHANGHAI), precision
    return naive.replace(tzinfo=SHANGHAI), precision


def to_iso(value: datetime) -> str:
    """ISO 8601 with the +08:00 offset spelled out."""
    return value.isoformat()
