"""Visit dates from story text: ``4月16日至17日``, ``12月8日``, ``2021年12月8日``, ``97日``.

Stories rarely print the year; it comes from the publish time. A story reports what already
happened, so ``12月8日`` published on 2022-01-03 is 2021-12-08 (the latest such date not
after publication; a few days' slack covers announcements).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from delegation_crawler.news.dates import calendar_date, date_in_url, resolve_month_day

_SLACK = timedelta(days=3)
_CLOCK = re.compile(r"\s*\d{1,2}[:：]\d{2}")
__all__ = ["date_in_url", "dateline", "find_damaged", "find_range", "find_relative", "parse_published",
           "stretch_by_duration"]
_META_LABEL = re.compile(r"(?:发布|更新|发表|录入|出版)(?:时间|日期)[：:]?\s*$|(?:时间|日期)[：:]\s*$")
_RANGE_SEP = r"(?:至|到|—|－|-|~|～|–)"
# ``4月16日至17日``, ``4月16至17日``, ``4月16日、17日``, ``3月30日至4月2日``, ``8月11日和12日``.
_FULL_RANGE = re.compile(
    rf"(?:(?P<y>(?:19|20)\d{{2}})年)?(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})(?:日|(?=(?:{_RANGE_SEP}|、)\d{{1,2}}日))"
    rf"(?:(?:上午|下午|晚上|晚)?(?:{_RANGE_SEP}|、)(?:(?P<y2>(?:19|20)\d{{2}})年)?(?:(?P<m2>\d{{1,2}})月)?(?P<d2>\d{{1,2}})日"
    rf"|和(?P<d3>\d{{1,2}})日)?"
)
# ``97日``: the 月 was lost (seed 004); three or four digits then 日, not after 月 or a digit.
_LOST_MONTH = re.compile(r"(?<![\d月年])(?P<md>\d{2,4})日")
_DAY_ONLY = re.compile(r"(?<![\d月年])(?P<d>\d{1,2})(?:日|(?=至\d{1,2}日))(?:(?:上午|下午)?" + _RANGE_SEP + r"(?P<d2>\d{1,2})日)?")


def parse_published(value) -> date | None:
    """Publish date (Beijing calendar day) from ISO 8601, ``2020/9/9 18:21:58``, a datetime or a date."""
    return calendar_date(value)


def _resolve(month: int, day: int, published: date, year: int | None = None) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        return resolve_month_day(month, day, published, slack_days=_SLACK.days)
    except ValueError:  # DateError too
        return None


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DAY_NUMBER = re.compile(r"((?:月|至|到|—|-)\d{1,2})号")
_CN_NUMBER = re.compile(r"([一二三四五六七八九十]{1,3})(?=[月日])")


def _cn_to_int(numeral: str) -> int | None:
    if "十" not in numeral:
        return _CN_DIGITS.get(numeral) if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)


def arabic_dates(text: str) -> str:
    """``十二月八日`` -> ``12月8日`` so one pattern reads both spellings."""
    def swap(match: re.Match) -> str:
        value = _cn_to_int(match.group(1))
        return str(value) if value else match.group(0)
    text = _DAY_NUMBER.sub(r"\1日", text)  # 9月6号至7号: 号 for 日
    return _CN_NUMBER.sub(swap, text)


def find_range(text: str, published: date | None) -> tuple[date, date] | None:
    """First ``M月D日`` (or range) in ``text`` resolved against the publish date."""
    text = arabic_dates(text)
    for match in _FULL_RANGE.finditer(text):
        if text[match.end(): match.end() + 1] in ("电", "讯"):
            continue  # dateline (本报宁波4月25日电, 中国网4月28日讯): when the report was filed, not the visit
        if _CLOCK.match(text, match.end()) or _META_LABEL.search(text[max(0, match.start() - 8): match.start()]):
            continue  # 2023年07月16日 10:02:51, 发布时间：…: the page's own timestamp
        year = int(match["y"]) if match["y"] else None
        if year is None and published is None:
            continue
        start = _resolve(int(match["m"]), int(match["d"]), published or date(year, 12, 31), year)
        if start is None:
            continue
        end = start
        if match["d2"]:
            month2 = int(match["m2"]) if match["m2"] else start.month
            year2 = int(match["y2"]) if match["y2"] else start.year + (1 if month2 < start.month else 0)
            try:
                end = date(year2, month2, int(match["d2"]))
            except ValueError:
                end = start
            if end < start or (end - start).days > 31:
                end = start
        elif match["d3"] and int(match["d3"]) == start.day + 1:
            end = start + timedelta(days=1)  # 11日和12日: two days in a row
        return start, end
    return None


def find_damaged(text: str, published: date | None) -> tuple[date, date] | None:
    """``97日`` (月 lost) or a bare ``17日``: read against the publish month."""
    if published is None:
        return None
    for match in _LOST_MONTH.finditer(text):
        digits = match["md"]
        best = None
        for cut in range(1, len(digits)):
            month, day = int(digits[:cut]), int(digits[cut:])
            if not (1 <= month <= 12 and 1 <= day <= 31) or digits[cut] == "0" and len(digits) - cut > 1:
                continue
            found = _resolve(month, day, published)
            if found and (best is None or found > best):
                best = found
        if best and (published - best).days <= 62:
            tail = re.match(r"(?:至|到|—|－|-|~|～)(\d{1,2})日", text[match.end():])
            if tail and int(tail[1]) >= best.day:  # 1122日至25日
                try:
                    return best, best.replace(day=int(tail[1]))
                except ValueError:
                    pass
            return best, best
    for match in _DAY_ONLY.finditer(text):
        day = int(match["d"])
        month_start = published.replace(day=1)
        try:
            start = published.replace(day=day)
        except ValueError:
            continue
        if start > published + _SLACK:
            previous = month_start - timedelta(days=1)
            try:
                start = previous.replace(day=day)
            except ValueError:
                continue
        end = start
        if match["d2"]:
            try:
                end = start.replace(day=int(match["d2"]))
            except ValueError:
                end = start
            end = end if end >= start else start
        return start, end
    return None


_RELATIVE = {"前天": -2, "前日": -2, "前晚": -2, "昨天": -1, "昨日": -1, "昨晚": -1, "今天": 0, "今日": 0, "今晚": 0}
# 昨(3)日, 前天(27日): the paper names the day it means
_NAMED_DAY = re.compile(r"(?:前天|昨天|昨日|昨|今天|今日|今)\s*[(（](\d{1,2})日?[)）]")
_RELATIVE_RE = re.compile("|".join(_RELATIVE))
_NAMED = re.compile(r"[\u4e00-\u9fff]{0,4}(?:网|报|新闻)")  # 今日房县网讯, 今日头条: a name, not a day


def _day_in_month(day: int, published: date) -> date | None:
    """Day ``day`` of the publish month, else of the month before (a story filed on the 2nd about the 30th)."""
    for month_start in (published.replace(day=1), (published.replace(day=1) - timedelta(days=1)).replace(day=1)):
        try:
            found = month_start.replace(day=day)
        except ValueError:
            continue
        if found <= published + _SLACK:
            return found
    return None


def find_relative(text: str, published: date | None) -> tuple[date, date] | None:
    """``昨日`` / ``今天`` in a paper's story: counted from the publish date."""
    if published is None:
        return None
    named = _NAMED_DAY.search(text)
    if named:
        day = _day_in_month(int(named[1]), published)
        if day is not None:
            return day, day
    match = next((m for m in _RELATIVE_RE.finditer(text) if not _NAMED.match(text, m.end())), None)
    if not match:
        return None
    day = published + timedelta(days=_RELATIVE[match.group(0)])
    return day, day


_DURATION = re.compile(r"为期([两二三四五六七八九十\d]{1,2})天")
_DATELINE = re.compile(r"(\d{1,2})月(\d{1,2})日电")


def stretch_by_duration(span: tuple[date, date], text: str) -> tuple[date, date]:
    """``22日启程…进行为期五天的学习考察``: a one-day span whose text says how long it lasts."""
    start, end = span
    match = _DURATION.search(text)
    if match is None or end != start:
        return span
    days = int(match[1]) if match[1].isdigit() else _cn_to_int(match[1])
    if days and 1 < days <= 31:
        return start, start + timedelta(days=days - 1)
    return span


def dateline(text: str, published: date | None) -> date | None:
    """``本报广州4月14日电``: the day the report was filed (what its 今天 means)."""
    if published is None:
        return None
    match = _DATELINE.search(arabic_dates(text[:200]))
    return _resolve(int(match[1]), int(match[2]), published) if match else None
