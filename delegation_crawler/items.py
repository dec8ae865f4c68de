"""The two item types that flow through the project.

``ArticlePage`` is what a portal spider yields: the strings its selectors located on one
article page, uninterpreted and possibly damaged. Pipelines repair those strings and then
turn the page into an ``Article``, the record written to JSON Lines / PostgreSQL.
Keeping the two apart means text repair runs before bylines and dates are parsed, and a
spider never has to know how a byline is spelled.

Both are dataclasses used through itemadapter. The output schema is
``delegation_crawler/schema/article.schema.json`` (documented in docs/schema.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1


@dataclass
class ArticlePage:
    """What the selectors found on one article page (spider output)."""

    url: str
    portal: str
    fetched_at: str  # ISO 8601, +08:00
    title: str = ""
    subtitles: list[str] = field(default_factory=list)
    # Lines around the title holding date / source / editor labels, as shown.
    meta: list[str] = field(default_factory=list)
    # Body paragraphs in page order, bylines and editor lines included.
    paragraphs: list[str] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)  # {"url", "caption"}
    # A publish time found elsewhere (list page, URL, meta tag), used when the page shows none.
    published_hint: str | None = None
    # The place whose news this is (6-digit GB/T 2260 code or a place name): the portal's home,
    # or for an aggregator the column's city. Resolves 我市/本报 when the source does not.
    home_place: str | None = None
    # Where the fields came from: "selectors", or "generic" when the generic extractor was used.
    extraction: str = "selectors"
    declared_charset: str | None = None
    used_charset: str | None = None
    repairs: dict[str, int] = field(default_factory=dict)


@dataclass
class Article:
    """One article record (pipeline output); see docs/schema.md."""

    url: str
    portal: str
    fetched_at: str
    title: str
    body: str
    schema_version: int = SCHEMA_VERSION
    subtitles: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601 with +08:00
    published_precision: str | None = None  # "second" | "minute" | "day"
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    original_title: str | None = None
    home_place: str | None = None
    images: list[dict[str, str]] = field(default_factory=list)
    extraction: str = "selectors"
    declared_charset: str | None = None
    used_charset: str | None = None
    # Text repair (encoding-repair issue): fix class -> count, and canonical simplified text.
    repairs: dict[str, int] = field(default_factory=dict)
    title_simplified: str | None = None
    body_simplified: str | None = None
    # Delegation-visit event (extraction issue); None until extracted.
    event: dict[str, Any] | None = None
    # Dedupe (dedupe issue).
    content_hash: str | None = None
    story_id: str | None = None
    duplicate_of: str | None = None
    revision: int | None = None
    previous_hash: str | None = None
