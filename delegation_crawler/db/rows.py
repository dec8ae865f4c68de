"""Turn Article / page / crawl-run records into validated warehouse rows.

Validation happens here, before anything reaches SQL: PostgreSQL ``text`` and ``jsonb``
cannot hold NUL (U+0000), and UTF-8 cannot encode lone surrogates, so such a record is
rejected with a reason naming the field (``Rejected``) instead of being altered. Everything
else (quotes, SQL fragments, emoji, megabyte bodies) is passed as a bound parameter / COPY
data and is never interpreted as SQL.
"""

from __future__ import annotations

import base64
import dataclasses
import gzip
import hashlib
import json
import math
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from delegation_crawler.items import Article
from delegation_crawler.news.dates import SHANGHAI

ARTICLE_FIELDS = [f.name for f in dataclasses.fields(Article)]
_ARTICLE_FIELD_SET = frozenset(ARTICLE_FIELDS)
_LIST_OF_STR = ("subtitles", "authors", "photographers", "editors")
_OPTIONAL_STR = (
    "published_precision", "source", "original_title", "home_place", "declared_charset",
    "used_charset", "title_simplified", "body_simplified", "content_hash", "story_id",
    "duplicate_of", "previous_hash",
)


class Rejected(ValueError):
    """A record PostgreSQL cannot store faithfully; the message says which field and why."""


def check_storable(value: Any, where: str) -> None:
    """Raise Rejected unless ``value`` round-trips through PostgreSQL text/jsonb unchanged."""
    if isinstance(value, str):
        if "\x00" in value:
            raise Rejected(f"{where}: contains a NUL character (U+0000), which PostgreSQL text cannot store")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise Rejected(f"{where}: contains a lone surrogate at offset {exc.start}, not encodable as UTF-8") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, (str, int, float, bool, type(None))):
                raise Rejected(f"{where}: object key {key!r} is not a string")
            check_storable(str(key), f"{where} key")
            check_storable(item, f"{where}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            check_storable(item, f"{where}[{index}]")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise Rejected(f"{where}: {value!r} is not a JSON number")
    elif value is None or isinstance(value, (bool, int)):
        return
    else:
        raise Rejected(f"{where}: unsupported type {type(value).__name__}")


def json_text(value: Any, where: str) -> str:
    """JSON for a jsonb column, validated on the serialized text (one C-level dump in the
    common clean case); the slow walk only runs to name the problem.

    Non-string dict keys become strings, as in JSON (and the JSON Lines feed).
    """
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        if "\\u0000" not in text:
            text.encode("utf-8")
            return text
    except (TypeError, ValueError):  # UnicodeEncodeError is a ValueError
        pass
    check_storable(value, where)  # raises, unless the text merely spells a backslash-u0000
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def parse_timestamp(value: Any, where: str) -> datetime | None:
    """ISO 8601 → aware datetime; a naive value is Asia/Shanghai local time."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise Rejected(f"{where}: expected an ISO 8601 string, got {type(value).__name__}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise Rejected(f"{where}: {value!r} is not an ISO 8601 timestamp") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=SHANGHAI)


def _date(value: Any) -> date | None:
    """Lenient: an unparseable visit date becomes NULL (the event jsonb keeps the original)."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def local_content_key(title: str, body: str) -> str:
    """Natural-key fallback when dedupe supplied no content_hash."""
    return "local:" + hashlib.sha256(f"{title}\n\n{body}".encode("utf-8")).hexdigest()


_MUNICIPALITIES = ("11", "12", "31", "50")  # their districts sit directly under the province code


def parent_code(code: str) -> str | None:
    """GB/T 2260 parent by zeroing the lowest non-zero level (county → city → province).

    Only used for places the gazetteer did not load (see delegation_crawler/db/places.py).
    """
    if len(code) != 6 or not code.isdigit():
        return None
    if code[4:] != "00":
        return code[:2] + "0000" if code[:2] in _MUNICIPALITIES else code[:4] + "00"
    if code[2:4] != "00":
        return code[:2] + "0000"
    return None


def _place(value: Any, fallback_code: Any = None) -> dict[str, str | None]:
    if isinstance(value, dict):
        place = {k: (str(value[k]) if value.get(k) is not None else None) for k in ("code", "name", "level", "province")}
    else:
        place = {"code": None, "name": str(value) if value else None, "level": None, "province": None}
    if place["code"] is None and fallback_code:
        place["code"] = str(fallback_code)
    return place


def _named(element: Any) -> tuple[str, str | None]:
    """(name, JSON of the element when it is more than a plain string)."""
    if isinstance(element, dict):
        name = element.get("name") or element.get("title") or ""
        return str(name), json.dumps(element, ensure_ascii=False)
    return str(element), None


@dataclass
class PreparedArticle:
    record: dict[str, Any]  # the Article as a plain dict, exactly as received
    content_key: str
    page_sha256: str | None
    row: tuple
    visit: tuple | None = None
    leaders: list[tuple] = field(default_factory=list)
    agreements: list[tuple] = field(default_factory=list)
    sites: list[tuple] = field(default_factory=list)
    places: list[tuple] = field(default_factory=list)
    story: tuple | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.record["url"], self.content_key)

    def to_deadletter(self) -> dict[str, Any]:
        return {"kind": "article", "page_sha256": self.page_sha256, "record": self.record}


# Column order of ``articles`` rows produced here (and of the staging table).
ARTICLE_COLUMNS = [
    "url", "content_key", "portal", "fetched_at", "title", "body", "schema_version", "subtitles",
    "published", "published_precision", "source", "authors", "photographers", "editors",
    "original_title", "home_place", "images", "extraction", "declared_charset", "used_charset",
    "repairs", "title_simplified", "body_simplified", "event", "content_hash", "story_id",
    "duplicate_of", "revision", "previous_hash", "extra", "page_sha256",
]
JSON_COLUMNS = {"images", "repairs", "event", "extra"}  # rows carry these as JSON text
VISIT_COLUMNS = [
    "story_id", "visitor_code", "visitor_name", "visitor_level", "visitor_province",
    "host_code", "host_name", "host_level", "host_province", "start_date", "end_date",
    "activities", "confidence", "visit_id",
]


def prepare_article(record: dict[str, Any], page_sha256: str | None = None) -> PreparedArticle:
    """Validate an Article dict and build its rows; raise Rejected with the reason."""
    record = dict(record)
    for name, value in record.items():
        if name in _ARTICLE_FIELD_SET and name not in JSON_COLUMNS:
            if isinstance(value, str) and "\x00" not in value and value.isprintable():
                continue  # printable excludes NUL and surrogates: the common case, fast
            check_storable(value, f"article.{name}")
    for name in ("url", "portal", "fetched_at", "title", "body"):
        if not isinstance(record.get(name), str):
            raise Rejected(f"article.{name}: required string missing")
    if not record["url"]:
        raise Rejected("article.url: empty")
    for name in _LIST_OF_STR:
        value = record.setdefault(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise Rejected(f"article.{name}: expected a list of strings")
    for name in _OPTIONAL_STR:
        if record.get(name) is not None and not isinstance(record[name], str):
            raise Rejected(f"article.{name}: expected a string or null")
    for name in ("schema_version", "revision"):
        value = record.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise Rejected(f"article.{name}: expected an integer")
    for name, kind in (("images", list), ("repairs", dict), ("event", dict)):
        if record.get(name) is not None and not isinstance(record[name], kind):
            raise Rejected(f"article.{name}: expected a {kind.__name__}")
    fetched_at = parse_timestamp(record["fetched_at"], "article.fetched_at")
    published = parse_timestamp(record.get("published"), "article.published")
    content_key = record.get("content_hash") or local_content_key(record["title"], record["body"])
    values = {
        **{name: record.get(name) for name in ARTICLE_COLUMNS if name in _ARTICLE_FIELD_SET},
        "content_key": content_key,
        "fetched_at": fetched_at,
        "published": published,
        "schema_version": record.get("schema_version") or 1,
        "images": json_text(record.get("images") or [], "article.images"),
        "repairs": json_text(record.get("repairs") or {}, "article.repairs"),
        "event": None if record.get("event") is None else json_text(record["event"], "article.event"),
        "extraction": record.get("extraction") or "selectors",
        "extra": json_text({k: v for k, v in record.items() if k not in _ARTICLE_FIELD_SET}, "article"),
        "page_sha256": page_sha256,
    }
    for name in _LIST_OF_STR:
        values[name] = text_array_literal(record[name])
    prepared = PreparedArticle(record, content_key, page_sha256, tuple(values[c] for c in ARTICLE_COLUMNS))
    if record.get("story_id"):
        prepared.story = (record["story_id"], record["title"], record["url"], published, published, fetched_at,
                          representative_key(record, published))
    _add_visit(prepared, record.get("event"), record.get("story_id"))
    return prepared


def text_array_literal(values: list[str]) -> str:
    """PostgreSQL array literal for a text[] column (psycopg's generic list adapter costs more
    per item than the rest of the row); every element quoted, so no value is special."""
    return "{" + ",".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values) + "}"


def representative_key(record: dict[str, Any], published: datetime | None) -> str:
    """Sort key choosing a story's representative: originals first, earliest published,
    newest revision, then URL. Any fixed total order works; what matters is that the smallest
    key wins regardless of the order articles are written in."""
    when = published.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f") if published else "~"
    revision = record.get("revision")
    rank = f"{10**9 - revision:010d}" if isinstance(revision, int) and 0 <= revision < 10**9 else "~"
    return f"{1 if record.get('duplicate_of') else 0}|{when}|{rank}|{record['url']}"


def _add_visit(prepared: PreparedArticle, event: dict | None, story_id: str | None) -> None:
    if not isinstance(event, dict) or not event.get("is_delegation_visit"):
        return
    url, key = prepared.key
    visitor = _place(event.get("visitor"), event.get("visitor_code"))
    host = _place(event.get("host"), event.get("host_code"))
    confidence = event.get("confidence")
    prepared.visit = (
        url, key, story_id,
        visitor["code"], visitor["name"], visitor["level"], visitor["province"],
        host["code"], host["name"], host["level"], host["province"],
        _date(event.get("start_date")), _date(event.get("end_date")),
        None if event.get("activities") is None else json.dumps(event["activities"], ensure_ascii=False),
        float(confidence) if isinstance(confidence, (int, float)) and not isinstance(confidence, bool) else None,
        event["visit_id"] if isinstance(event.get("visit_id"), str) else None,
    )
    for position, leader in enumerate(event.get("leaders") or []):
        if isinstance(leader, dict):
            row = (leader.get("name"), leader.get("title"), leader.get("side"))
        else:
            row = (leader, None, None)
        prepared.leaders.append((url, key, position, *(None if v is None else str(v) for v in row)))
    prepared.leaders = [r for r in prepared.leaders if r[3]]
    for target, name in ((prepared.agreements, "agreements"), (prepared.sites, "sites")):
        for position, element in enumerate(event.get(name) or []):
            label, detail = _named(element)
            target.append((url, key, position, label, detail))
    for place in (visitor, host):
        if place["code"] and place["name"]:
            prepared.places.append((place["code"], place["name"], place["level"], parent_code(place["code"])))


@dataclass
class PreparedPage:
    url: str
    sha256: str
    request_url: str
    portal: str
    fetched_at: datetime
    status: int
    headers: dict[str, list[str]]
    encoding: str | None
    body_size: int
    body_gz: bytes

    @property
    def key(self) -> tuple[str, str]:
        return (self.url, self.sha256)

    @property
    def row(self) -> tuple:
        return (self.url, self.sha256, self.request_url, self.portal, self.fetched_at, self.status,
                self.headers, self.encoding, self.body_size, self.body_gz)

    def body(self) -> bytes:
        return gzip.decompress(self.body_gz)

    def to_deadletter(self) -> dict[str, Any]:
        record = dataclasses.asdict(self)
        record["fetched_at"] = self.fetched_at.isoformat()
        record["body_gz"] = base64.b64encode(self.body_gz).decode("ascii")
        return {"kind": "page", "record": record}


PAGE_COLUMNS = ["url", "sha256", "request_url", "portal", "fetched_at", "status", "headers",
                "encoding", "body_size", "body_gz"]


def prepare_page(*, url: str, request_url: str, portal: str, fetched_at: datetime, status: int,
                 headers: dict[str, list[str]], encoding: str | None, body: bytes) -> PreparedPage:
    """A raw page as fetched; body is stored gzip-compressed, keyed by (url, sha256(body))."""
    headers = {k.replace("\x00", "\\x00"): [v.replace("\x00", "\\x00") for v in vs] for k, vs in headers.items()}
    check_storable([url, request_url, portal, encoding, headers], "page")
    return PreparedPage(url, hashlib.sha256(body).hexdigest(), request_url, portal, fetched_at, status,
                        headers, encoding, len(body), gzip.compress(body, compresslevel=6, mtime=0))


def page_from_deadletter(record: dict[str, Any]) -> PreparedPage:
    record = dict(record)
    record["fetched_at"] = parse_timestamp(record["fetched_at"], "page.fetched_at")
    record["body_gz"] = base64.b64decode(record["body_gz"])
    return PreparedPage(**record)


@dataclass
class CrawlRun:
    run_id: str
    spider: str
    started_at: datetime
    finished_at: datetime | None = None
    finish_reason: str | None = None
    deadlettered: int = 0
    stats: dict[str, Any] | None = None

    @property
    def row(self) -> tuple:
        return (self.run_id, self.spider, self.started_at, self.finished_at, self.finish_reason,
                self.deadlettered, self.stats)

    def to_deadletter(self) -> dict[str, Any]:
        record = dataclasses.asdict(self)
        for name in ("started_at", "finished_at"):
            record[name] = record[name].isoformat() if record[name] else None
        return {"kind": "crawl_run", "record": record}


def run_from_deadletter(record: dict[str, Any]) -> CrawlRun:
    record = dict(record)
    for name in ("started_at", "finished_at"):
        record[name] = parse_timestamp(record[name], f"crawl_run.{name}")
    return CrawlRun(**record)


def from_deadletter(line: dict[str, Any]) -> PreparedArticle | PreparedPage | CrawlRun:
    kind = line.get("kind")
    if kind == "article":
        return prepare_article(line["record"], line.get("page_sha256"))
    if kind == "page":
        return page_from_deadletter(line["record"])
    if kind == "crawl_run":
        return run_from_deadletter(line["record"])
    raise Rejected(f"dead-letter line of unknown kind {kind!r}")


def jsonable_stats(stats: dict[str, Any]) -> dict[str, Any]:
    """Scrapy stats hold datetimes; make them JSON (and NUL-free) for crawl_runs.stats."""
    out = {}
    for key, value in stats.items():
        if isinstance(value, datetime):
            value = value.isoformat()
        elif not isinstance(value, (int, float, str, bool, type(None), list, dict)):
            value = str(value)
        if isinstance(value, float) and not math.isfinite(value):
            value = str(value)
        out[key.replace("\x00", "")] = value.replace("\x00", "") if isinstance(value, str) else value
    return out
