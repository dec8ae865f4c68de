"""The base spider every portal spider fills in with a page description.

A portal module says where things are — which list pages to start from, the selectors of a
list item, its link and date, the pager's next link, and on an article page the title,
sub-titles, meta line, body paragraphs and images — and nothing else. Walking lists,
pagination limits (``-a max_pages=N``, ``-a since=YYYY-MM-DD``), browser rendering, charset
bookkeeping and the drop accounting live here; reading what the strings mean lives in
``delegation_crawler.article`` (run by the article pipeline).

Selectors are CSS, or XPath when they start with ``/``, ``(`` or ``./``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Iterator
from urllib.parse import urlsplit

import scrapy
from parsel import Selector, SelectorList
from scrapy.http import Response, TextResponse

from delegation_crawler.news.dates import SHANGHAI, DateError, parse_datetime
from delegation_crawler.extract import locate_article
from delegation_crawler.items import ArticlePage
from delegation_crawler.portals import home_place
from delegation_crawler.text.charset import header_charset, meta_charset


# Below this many characters of located body text, the selectors are taken to have failed.
MIN_BODY_CHARS = 20


@dataclass(frozen=True)
class ListLayout:
    """Where article links are on a column's list pages."""

    items: str  # one element per listed article
    link: str = "a::attr(href)"  # relative to an item
    date: str | None = None  # relative to an item; its text holds the list date
    next_page: str | None = None  # the pager's "next" link href
    render: bool = False  # the list is filled by script: render it in the browser
    wait_for: str | None = None  # with render: the selector to wait for


@dataclass(frozen=True)
class ArticleLayout:
    """Where the parts of an article page are."""

    title: str
    paragraphs: str  # body paragraph elements (or text/attribute selectors)
    meta: str | None = None  # elements whose text is the date/source/editor line(s)
    subtitles: str | None = None
    images: str | None = None  # <img> elements, or elements carrying an image and a caption


def select(node: Selector | SelectorList | Response, query: str) -> SelectorList:
    if query.startswith(("/", "(", "./")):
        return node.xpath(query)
    return node.css(query)


def text_of(selection: SelectorList) -> list[str]:
    """Visible text of each selected node (element text content, or the text/attribute itself)."""
    texts = []
    for node in selection:
        if isinstance(node.root, str):
            texts.append(node.root)
        else:
            parts = node.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]").getall()
            texts.append(" ".join(p.strip() for p in parts if p.strip()) if len(parts) > 1 else "".join(parts))
    return [t.strip() for t in texts if t and t.strip()]


class PortalSpider(scrapy.Spider):
    """Base for one portal. Subclasses set the class attributes below."""

    # -- what a portal module declares --------------------------------------------------
    home_place: ClassVar[str | None] = None  # overrides the registry's home place (delegation_crawler.portals)
    charset: ClassVar[str | None] = None  # the real site's charset, when known
    start_lists: ClassVar[dict[str, ListLayout]] = {}  # list URL → its layout
    article_layouts: ClassVar[list[tuple[str, ArticleLayout]]] = []  # URL regex → layout

    custom_settings: ClassVar[dict[str, Any]] = {}

    def __init__(self, *args: Any, max_pages: int | str = 5, since: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        try:
            self.max_pages = int(max_pages)
        except ValueError:
            raise ValueError(f"-a max_pages must be a whole number of list pages, not {max_pages!r}") from None
        try:
            self.since: date | None = date.fromisoformat(since) if since else None
        except ValueError:
            raise ValueError(f"-a since must be a date like 2024-01-31, not {since!r}") from None
        self._article_layouts = [(re.compile(p), layout) for p, layout in self.article_layouts]

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        replica_url = kwargs.pop("replica_url", None)
        if replica_url:
            crawler.settings.set("REPLICA_URL", replica_url, priority="cmdline")
        if crawler.settings.get("REPLICA_URL"):
            crawler.settings.setdict(crawler.settings.getdict("REPLICA_PROFILE"), priority="cmdline")
        if any(layout.render for layout in cls.start_lists.values()) and not browser_available(crawler.settings):
            raise ValueError(f"{cls.name}'s lists are rendered by a browser and no Chromium was found "
                             "(PLAYWRIGHT_LAUNCH_OPTIONS executable_path): install it with "
                             "'sudo apt-get install chromium' (or ./install.sh as root), then run again")
        contact = crawler.settings.get("CONTACT")
        if contact and contact not in (crawler.settings.get("USER_AGENT") or ""):
            crawler.settings.set("USER_AGENT", f"{crawler.settings.get('USER_AGENT')} (+{contact})", priority="cmdline")
        return super().from_crawler(crawler, *args, **kwargs)

    # -- lists ------------------------------------------------------------------------------
    async def start(self):
        for url, layout in self.start_lists.items():
            yield self.list_request(url, layout, page=1)

    def list_request(self, url: str, layout: ListLayout, page: int) -> scrapy.Request:
        meta: dict[str, Any] = {"list_layout": layout, "list_page": page}
        if layout.render:
            from scrapy_playwright.page import PageMethod

            meta["playwright"] = True
            if layout.wait_for:
                # bounded like navigation: a list whose data never arrives fails, and is retried
                wait = self.settings.getint("PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT", 30_000)
                meta["playwright_page_methods"] = [PageMethod("wait_for_selector", layout.wait_for, timeout=wait)]
        return scrapy.Request(url, callback=self.parse_list, errback=self.list_failed, meta=meta)

    def parse_list(self, response: Response) -> Iterator[scrapy.Request]:
        """Follow every article on a list page, then the next page.

        @portal_list
        @returns requests 2
        @returns items 0 0
        """
        layout: ListLayout = response.meta["list_layout"]
        page: int = response.meta["list_page"]
        kind = _not_html(response)
        if kind:
            self.logger.warning("List page failed (not_html): %s (%s)", response.url, kind)
            self.crawler.stats.inc_value("lists/failed")
            return
        self.crawler.stats.inc_value("lists/pages")
        items = select(response, layout.items)
        reached_since = False
        links = 0
        for item in items:
            href = select(item, layout.link).get()
            if not href:
                continue
            url = self._followable(response, href)
            if url is None:
                continue
            listed = self._list_date(item, layout)
            if self.since and listed and listed.value.date() < self.since:
                reached_since = True
                continue
            links += 1
            yield scrapy.Request(
                url,
                callback=self.parse_article,
                errback=self.article_failed,
                meta={"article_page": True, "published_hint": _hint(listed)},
            )
        if links == 0 and not reached_since:
            self.logger.warning("List page with no article links: %s", response.url)
            self.crawler.stats.inc_value("lists/empty")
        next_href = select(response, layout.next_page).get() if layout.next_page else None
        if next_href and not reached_since and page < self.max_pages:
            yield self.list_request(response.urljoin(next_href.strip()), layout, page + 1)

    def _followable(self, response: Response, href: str) -> str | None:
        """The absolute http(s) URL of a list link; None (counted) for javascript:, mailto: and
        links that are no URL at all, which would otherwise end the whole list page."""
        try:
            url = response.urljoin(href.strip())
            scheme = urlsplit(url).scheme.lower()
        except ValueError:
            scheme, url = "malformed", ""
        if scheme not in ("http", "https"):
            self.crawler.stats.inc_value(f"lists/skipped_links/{scheme or 'none'}")
            self.logger.debug("List link skipped (%s): %r on %s", scheme, href, response.url)
            return None
        return url

    def _list_date(self, item: Selector, layout: ListLayout):
        if not layout.date:
            return None
        text = " ".join(text_of(select(item, layout.date)))
        try:
            return parse_datetime(text)
        except DateError:
            self.crawler.stats.inc_value("lists/bad_date")
            return None

    def list_failed(self, failure) -> None:
        self.logger.warning("List page failed (%s): %s (%s)", failure_reason(failure), failure.request.url, failure.value)
        self.crawler.stats.inc_value("lists/failed")

    # -- articles ---------------------------------------------------------------------------
    def article_failed(self, failure) -> None:
        reason = failure_reason(failure)
        self.logger.warning("Article page dropped (%s): %s (%s)", reason, failure.request.url, failure.value)
        self.crawler.stats.inc_value(f"articles/dropped/{reason}")

    def article_layout(self, url: str) -> ArticleLayout | None:
        for pattern, layout in self._article_layouts:
            if pattern.search(url):
                return layout
        return None

    def parse_article(self, response: Response) -> Iterator[ArticlePage]:
        """Locate the parts of one article page (the generic extractor when selectors fail).

        @portal_article
        @returns items 1 1
        @returns requests 0 0
        @scrapes url portal title paragraphs fetched_at
        """
        kind = _not_html(response)
        if kind:
            self.logger.warning("Article page dropped (not_html): %s (%s)", response.url, kind)
            self.crawler.stats.inc_value("articles/dropped/not_html")
            return
        page = ArticlePage(
            url=response.url,
            portal=self.name,
            fetched_at=datetime.now(SHANGHAI).isoformat(timespec="seconds"),
            published_hint=response.meta.get("published_hint"),
            home_place=self.home_place_of(response),
            declared_charset=response.meta.get("declared_charset") or declared_charset(response),
            used_charset=response.meta.get("used_charset") or response.encoding,
        )
        layout = self.article_layout(response.url)
        if layout is not None:
            page.title = " ".join(text_of(select(response, layout.title)[:1]))
            page.subtitles = text_of(select(response, layout.subtitles)) if layout.subtitles else []
            page.meta = text_of(select(response, layout.meta)) if layout.meta else []
            page.paragraphs = text_of(select(response, layout.paragraphs))
            page.images = self._images(response, layout)
        if layout is None or sum(map(len, page.paragraphs)) < MIN_BODY_CHARS:
            self._fill_generically(page, response, "no_layout" if layout is None else "thin_body")
        yield page

    def _fill_generically(self, page: ArticlePage, response: TextResponse, why: str) -> None:
        """Fallback, per field: the generic extractor locates what the selectors missed (its
        parts are read by ``build_article`` like selector output, once); counted, so a broken
        selector shows in the stats."""
        located = locate_article(response.text, url=response.url, fetched_at=datetime.fromisoformat(page.fetched_at))
        self.crawler.stats.inc_value(f"extraction/generic_fallback/{why}")
        if not located.paragraphs:
            return
        # A spider with no layouts at all (the generic one) extracts generically by design: not news.
        level = logging.INFO if self.article_layouts else logging.DEBUG
        self.logger.log(level, "Selectors found too little (%s); generic extraction used: %s", why, response.url)
        self.crawler.stats.inc_value("extraction/generic_used")
        page.extraction = "generic"
        page.title = page.title or located.title
        page.meta = page.meta or located.meta
        page.paragraphs = located.paragraphs
        page.images = page.images or located.images
        page.published_hint = page.published_hint or located.published_text()

    def home_place_of(self, response: Response) -> str | None:
        """The place whose news this page is; aggregators override it per column."""
        return self.home_place or home_place(self.name)  # the registry: replica/sites/<portal>/manifest.json

    def _images(self, response: Response, layout: ArticleLayout) -> list[dict[str, str]]:
        if not layout.images:
            return []
        images = []
        for node in select(response, layout.images):
            src = node.xpath("@src").get() or node.xpath(".//img/@src").get()
            if not src:
                continue
            caption = node.xpath("@info").get() or node.xpath("@alt").get() or node.xpath("@title").get() or ""
            images.append({"url": response.urljoin(src.strip()), "caption": caption.strip()})
        return images


def _hint(listed) -> str | None:
    """The list date as ISO 8601, keeping its precision (a date stays a date)."""
    if listed is None:
        return None
    return listed.value.date().isoformat() if listed.precision == "day" else listed.isoformat()


def declared_charset(response: Response) -> str | None:
    """What the page says its charset is, as written: ``header=…; meta=…`` (the parts present)."""
    header = header_charset((response.headers.get("Content-Type") or b"").decode("latin-1"))
    meta = meta_charset(response.body)
    parts = ([f"header={header}"] if header else []) + ([f"meta={meta}"] if meta else [])
    return "; ".join(parts) or None


def _not_html(response: Response) -> str | None:
    """The Content-Type of an answer that is no markup, whatever it claims (a JSON error, PDF
    bytes, plain text); None for a page to read."""
    head = response.body[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if isinstance(response, TextResponse) and head.startswith(b"<"):
        return None
    return response.headers.get("Content-Type", b"").decode("latin-1") or "no Content-Type"


def failure_reason(failure) -> str:
    """A short, countable reason for a failed request: ``http_404``, ``redirect_loop``,
    ``too_large``, ``timeout``, ``bad_compression``, or the error's class name."""
    response = getattr(failure.value, "response", None)
    if response is not None:
        return f"http_{response.status}"
    message = str(failure.value)
    head = message.split(":", 1)[0]
    if re.fullmatch(r"[a-z_]+", head):
        return head  # our own IgnoreRequest("redirect_loop: ...")
    if "max size" in message.lower() or "maxsize" in message.lower():
        return "too_large"
    if "robots.txt" in message:
        return "robots_txt"  # Forbidden by robots.txt
    name = type(failure.value).__name__
    if "Timeout" in name:
        return "timeout"
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower().removesuffix("_error") or "download_error"


def browser_available(settings) -> bool:
    """Whether scrapy-playwright can start a browser: the configured executable exists, or
    Playwright's own Chromium was downloaded (``playwright install chromium``)."""
    import glob
    import os

    if settings.get("PLAYWRIGHT_LAUNCH_OPTIONS") is None:
        return True  # not the project's settings (a unit test's bare crawler): nothing to launch
    path = settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS").get("executable_path")
    if path:
        return os.path.exists(path)
    cache = os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or os.path.expanduser("~/.cache/ms-playwright")
    return bool(glob.glob(os.path.join(cache, "chromium*")))
