"""The one way this project reads a date: page timestamps, URLs, and dates written in stories.

Pages print publish times as ``2017-07-29 07:34``, ``2024年04月18日(星期四) 11:12``,
``2020/9/9 18:21:58``, ``2021-12-09T10:00:00Z``, ``7/5/2005 9:23:57 PM`` or ``Saturday,
September 10th, 2005 10:56 am``; platforms add ``昨天 10:12`` and ``3小时前``; stories say
``12月8日`` and leave the year to context. A time without a zone is Beijing time.
``parse_datetime`` returns an aware datetime in Asia/Shanghai and how precise the source was,
so a date-only value is never mistaken for midnight.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import NamedTuple

try:
    from zoneinfo import ZoneInfo

    SHANGHAI = ZoneInfo("Asia/Shanghai")
except Exception:  # no tz database on the machine: China has used +08:00 since 1991
    SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")

_FULLWIDTH = str.maketrans("０１２３４５６７８９：／－．", "0123456789:/-.")
_CLOCK = (r"(?P<H>[0-2]?\d)\s*[:：时時点]\s*(?P<M>[0-5]\d)(?!\d)\s*分?"
          r"(?:\s*[:：]\s*(?P<S>[0-5]\d)(?:[.,]\d+)?)?(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?")
_ZONE = r"(?:\s*(?P<tz>Z(?![A-Za-z])|(?:UTC|GMT)?[+-]\d\d:?\d\d))?"
_WEEKDAY = r"(?:\s*[(（]?(?:星期|周|礼拜)[一二三四五六日天][)）]?)?"
# 2024-04-18 11:12, 2024年04月18日(星期四) 下午3:30, 2021-12-09T10:00:00Z, 2020.9.9
_YMD = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?P<sep>[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    + _WEEKDAY + r"(?:(?:\s*|T)(?:(?P<half>上午|下午|中午|晚上|傍晚|凌晨|早上|晚)\s*)?" + _CLOCK + r")?" + _ZONE
)
# 7/5/2005 9:23:57 PM (US order; a day above 12 in front means D/M/Y)
_MDY = re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d\d)(?!\d)(?:\s+" + _CLOCK + r")?" + _ZONE)
_MONTHS = {name: n for n, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
     "sep sept september", "oct october", "nov november", "dec december"), start=1) for name in names.split()}
_MONTH_NAME = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
# Saturday, September 10th, 2005 10:56 am / 10 September 2005 / Sep 10, 2005
_ENGLISH = re.compile(
    r"(?<![A-Za-z])(?:" + _MONTH_NAME + r"\s+" + _ORDINAL + r",?\s+|" + _ORDINAL.replace("?P<d>", "?P<d2>")
    + r"\s+" + _MONTH_NAME.replace("?P<mon>", "?P<mon2>") + r",?\s+)(?P<y>(?:19|20)\d\d)(?!\d)"
    r"(?:,?\s+(?:at\s+)?" + _CLOCK + r")?" + _ZONE, re.I)
_MONTH_DAY = re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")


class DateError(ValueError):
    """A string that looks like a date but is not a valid one (e.g. ``2020-13-45``)."""


class ParsedDate(NamedTuple):
    value: datetime
    precision: str  # "second" | "minute" | "day"

    def isoformat(self) -> str:
        return self.value.isoformat()


def parse_datetime(text: str | None) -> ParsedDate | None:
    """The first valid full date (with year) in ``text``, any of the forms above.

    None when the text holds no date; DateError when it holds only date-shaped strings with
    impossible values, so callers can tell "absent" from "malformed".
    """
    if not text or not isinstance(text, str):
        return None
    text = text.translate(_FULLWIDTH)
    candidates = sorted(
        (match.start(), order, match) for order, regex in enumerate((_YMD, _MDY, _ENGLISH))
        for match in regex.finditer(text[:4000])
    )
    malformed = None
    for _, _, match in candidates:
        try:
            return _from_match(match)
        except ValueError as exc:
            malformed = malformed or f"invalid date {match.group(0).strip()!r}: {exc}"
    if malformed:
        raise DateError(malformed)
    return None


def find_datetime(text: str | None) -> ParsedDate | None:
    """Like ``parse_datetime``, but a malformed date counts as no date (for scanning page text)."""
    try:
        return parse_datetime(text)
    except DateError:
        return None


def _from_match(match: re.Match) -> ParsedDate:
    g = match.groupdict()
    if g.get("mon") or g.get("mon2"):
        month, day = _MONTHS[(g["mon"] or g["mon2"]).lower()], int(g["d"] or g["d2"])
    else:
        month, day = int(g["m"]), int(g["d"])
        if match.re is _MDY and month > 12 >= day:  # 25/12/2019: day first
            month, day = day, month
    year = int(g["y"])
    if g.get("H") is None:
        return ParsedDate(datetime(year, month, day, tzinfo=SHANGHAI), "day")
    hour, minute = int(g["H"]), int(g["M"])
    hour = _twelve_hour(hour, g.get("half"), g.get("ampm"))
    second = int(g["S"]) if g.get("S") is not None else 0
    naive = datetime(year, month, day, hour, minute, second)
    precision = "second" if g.get("S") is not None else "minute"
    zone = _zone(g.get("tz"))
    if zone is None:
        return ParsedDate(naive.replace(tzinfo=SHANGHAI), precision)
    return ParsedDate(naive.replace(tzinfo=zone).astimezone(SHANGHAI), precision)


def _twelve_hour(hour: int, half: str | None, ampm: str | None) -> int:
    pm = (ampm or "").lower().startswith("p") or half in ("下午", "晚上", "傍晚", "晚") or (half == "中午" and hour < 11)
    am = (ampm or "").lower().startswith("a") or half in ("上午", "凌晨", "早上")
    if hour > 23 or ((ampm or half) and hour > 12):
        raise ValueError(f"hour {hour} out of range")
    if pm and hour < 12:
        return hour + 12
    if am and hour == 12:
        return 0
    return hour


def _zone(tz: str | None):
    if not tz:
        return None
    tz = tz.upper().replace("UTC", "").replace("GMT", "")
    if tz == "Z":
        return timezone.utc
    sign = 1 if tz[0] == "+" else -1
    digits = tz[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def from_timestamp(value: int | float | str) -> ParsedDate | None:
    """A Unix timestamp in seconds or milliseconds (script variables), if it is plausible news time."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number > 1e11:
        number /= 1000
    if not 631152000 <= number <= 4102444800:  # 1990 .. 2100
        return None
    return ParsedDate(datetime.fromtimestamp(number, SHANGHAI), "second")


_AGO = re.compile(r"(?P<n>\d{1,3})\s*(?P<unit>秒|分钟|小时|天|日|seconds?|minutes?|mins?|hours?|days?)\s*(?:前|ago)", re.I)
_NAMED_DAY = re.compile(r"(?P<word>刚刚|今天|今日|昨天|昨日|前天|yesterday|today)\s*(?:" + _CLOCK + r")?", re.I)
_YEARLESS = re.compile(r"(?<![\d\-/.年])(?P<m>[01]?\d)(?:-|月)(?P<d>[0-3]?\d)日?\s+" + _CLOCK)
_DAY_OFFSET = {"今天": 0, "今日": 0, "today": 0, "刚刚": 0, "昨天": -1, "昨日": -1, "yesterday": -1, "前天": -2}


def parse_relative(text: str | None, reference: datetime) -> ParsedDate | None:
    """``3小时前``, ``昨天 10:12``, ``刚刚``, ``05-20 10:12``: platform times, read against the
    fetch time. Use only when the page gives no full date."""
    if not text or reference is None:
        return None
    text = text.translate(_FULLWIDTH)[:2000]
    now = reference.astimezone(SHANGHAI) if reference.tzinfo else reference.replace(tzinfo=SHANGHAI)
    ago = _AGO.search(text)
    if ago:
        unit = ago["unit"].lower()
        seconds = {"秒": 1, "s": 1, "分": 60, "m": 60, "小": 3600, "h": 3600, "天": 86400, "日": 86400, "d": 86400}[unit[0]]
        value = now - timedelta(seconds=int(ago["n"]) * seconds)
        return ParsedDate(value.replace(second=0, microsecond=0), "day" if seconds == 86400 else "minute")
    named = _NAMED_DAY.search(text)
    if named:
        day = now + timedelta(days=_DAY_OFFSET[named["word"].lower()])
        if named["word"] == "刚刚":
            return ParsedDate(now.replace(second=0, microsecond=0), "minute")
        if named["H"] is None:
            return ParsedDate(day.replace(hour=0, minute=0, second=0, microsecond=0), "day")
        try:
            return ParsedDate(day.replace(hour=int(named["H"]), minute=int(named["M"]), second=0, microsecond=0), "minute")
        except ValueError:
            return None
    yearless = _YEARLESS.search(text)
    if yearless:
        try:
            day = resolve_month_day(int(yearless["m"]), int(yearless["d"]), now)
            value = datetime(day.year, day.month, day.day, int(yearless["H"]), int(yearless["M"]), tzinfo=SHANGHAI)
        except (ValueError, DateError):
            return None
        return ParsedDate(value, "minute")
    return None


def resolve_month_day(month: int, day: int, reference: date | datetime, slack_days: int = 7) -> date:
    """The date ``month``/``day`` nearest before (or at) ``reference``.

    News reports what already happened: ``12月8日`` in a story published on 2022-01-03 is
    2021-12-08. A date up to ``slack_days`` after the reference stays in the reference's year
    (announcements of the next days).
    """
    if isinstance(reference, datetime):
        reference = reference.astimezone(SHANGHAI).date() if reference.tzinfo else reference.date()
    for year in (reference.year, reference.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference + timedelta(days=slack_days):
            return candidate
    raise DateError(f"invalid month/day {month}/{day}")


def find_month_days(text: str, reference: date | datetime) -> list[date]:
    """All ``M月D日`` dates in ``text`` resolved against ``reference``; invalid ones are skipped."""
    found = []
    for match in _MONTH_DAY.finditer(text.translate(_FULLWIDTH)):
        try:
            found.append(resolve_month_day(int(match["m"]), int(match["d"]), reference))
        except DateError:
            continue
    return found


def calendar_date(value) -> date | None:
    """A publish value (ISO string, datetime, date, or page text) as its Beijing calendar date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(SHANGHAI).date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    parsed = find_datetime(str(value))
    return parsed.value.date() if parsed else None


_URL_YEAR = re.compile(r"/((?:19|20)\d{2})/")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})[-_]?(0[1-9]|1[0-2])/")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_url(url: str | None, *, month_folders: bool = True, year_folders: bool = False) -> date | None:
    """The publish date many CMSs put in the path (``/2020-11/16/``, ``t20201116_``, ``/c/2017/12/06/``);
    a month folder alone (``/202311/``) gives that month's last day, a year folder
    (``/zhengxie/2022/201916.html``, only with ``year_folders``) that year's: the latest it can be."""
    if not url or not isinstance(url, str):
        return None
    for match in _URL_DATE.finditer(url[:300]):
        try:
            found = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
        if found.year >= 1995:
            return found
    month = _URL_MONTH.search(url[:300]) if month_folders else None
    if month:
        year, number = int(month[1]), int(month[2])
        return date(year + number // 12, number % 12 + 1, 1) - timedelta(days=1)
    year = _URL_YEAR.search(url[:300]) if year_folders else None
    if year:
        return date(int(year[1]), 12, 31)
    return None
