"""The publish-time stage of the generic extractor: where a page keeps its date, best first.

GNE reads dates from meta tags and the text around the headline; modern platforms also keep
them in JSON-LD, ``<time datetime>`` and script variables (``var publish_time = "..."``,
``"publishTime": 1600000000``). Sources are tried in order of how often they are right on
Chinese news pages; the parsing itself is ``delegation_crawler.news.dates``, the one parser.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

from delegation_crawler.news.dates import ParsedDate, date_in_url, find_datetime, from_timestamp, parse_relative

from . import patterns as P

# Head metadata that names the publish time (lower-cased name/property/itemprop), best first.
META_KEYS = (
    "article:published_time", "og:article:published_time", "og:release_date", "pubdate", "publishdate",
    "publish_date", "published_time", "datepublished", "firstpublishedtime", "article:published",
    "og:published_time", "weibo:article:create_at", "dc.date.issued", "dc.date", "date", "created", "pubtime",
)
_SCRIPT_VAR = re.compile(
    r"""["']?(?:publish_?time|publish_?date|pub_?time|pub_?date|pubdate|ptime|release_?time|datePublished|"""
    r"""create_?time|ctime|news_?time|article_?time)["']?\s*[:=]\s*["']?(?P<value>[^"',;}\n]{6,40})""",
    re.I,
)
_LABEL = re.compile(r"发布|发表|时间|日期|来源|稿源|更新")
_LD_KEYS = ("datePublished", "dateCreated", "uploadDate", "pubDate")


def head_dates(root) -> dict[str, str]:
    """Date-bearing values read before scripts and <head> are dropped: ``ld:`` from JSON-LD,
    ``time:`` from <time datetime>/itemprop, ``script:`` from script variables."""
    found: dict[str, str] = {}
    for script in root.iter("script"):
        text = script.text or ""
        if not text.strip():
            continue
        if "ld+json" in (script.get("type") or ""):
            value = _ld_date(text)
            if value and "ld:" not in found:
                found["ld:"] = value
        elif "script:" not in found and len(text) < 500_000:
            match = _SCRIPT_VAR.search(text)
            if match:
                found["script:"] = match["value"].strip()
    for el in root.iter("time", "span", "div", "p", "em", "abbr"):
        if el.get("itemprop") in ("datePublished", "dateCreated") or (el.tag == "time" and el.get("datetime")):
            value = el.get("datetime") or el.get("content") or "".join(el.itertext())
            if value and value.strip():
                found.setdefault("time:", P.squash(value))
                break
    return found


def _ld_date(text: str) -> str | None:
    try:
        data = json.loads(text)
    except ValueError:
        match = re.search(r'"(?:%s)"\s*:\s*"([^"]{6,40})"' % "|".join(_LD_KEYS), text)
        return match[1] if match else None
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            for key in _LD_KEYS:
                if isinstance(node.get(key), str):
                    return node[key]
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
    return None


def _from_value(value: str) -> ParsedDate | None:
    value = value.strip()
    if value.isdigit():
        return from_timestamp(value)
    return find_datetime(value)


def find_published(meta_texts: list[str], near_title: list[str], head: dict, url: str | None,
                   fetched_at: datetime | None = None) -> tuple[ParsedDate | None, str | None]:
    """The publish time and the line it came from (a text line the meta list should show).

    Order: labelled meta lines (``发布时间:``), other meta lines, machine-readable head values
    (meta tags, JSON-LD, <time>, script variables), short lines near the headline, relative
    forms (``3小时前``) against the fetch time, and last the URL path.
    """
    labelled = [line for line in meta_texts if _LABEL.search(P.fold(line))]
    for line in labelled + [line for line in meta_texts if line not in labelled]:
        parsed = find_datetime(P.fold(line))
        if parsed:
            return parsed, None
    for key in [f"meta:{k}" for k in META_KEYS] + ["ld:", "time:", "script:"]:
        if head.get(key):
            parsed = _from_value(head[key])
            if parsed:
                return parsed, None
    for line in near_title:
        parsed = find_datetime(P.fold(line))
        if parsed:
            return parsed, line
    if fetched_at is not None:
        for line in meta_texts + near_title:
            parsed = parse_relative(P.fold(line), fetched_at)
            if parsed:
                return parsed, None
    day = date_in_url(url, month_folders=False) if url else None
    if day:
        return find_datetime(day.isoformat()), None
    return None, None


def fill_date(result, meta_texts, blocks, title_index, first_body, head, url, fetched_at) -> None:
    lo = max(0, (title_index if title_index is not None else first_body) - 3)
    near_title = [blocks[i].text for i in range(lo, min(len(blocks), first_body + 1)) if len(blocks[i].text) <= 80]
    parsed, line = find_published(meta_texts, near_title, head, url, fetched_at)
    if line is not None:
        result.meta.append(line)
    if parsed:
        result.published, result.published_precision = parsed.value.isoformat(), parsed.precision
    else:
        result.reason = result.reason or "no publish time on the page (take it from the list page)"

