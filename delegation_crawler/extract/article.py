"""Generic article extraction for Chinese news pages (no per-site selectors).

How it works, in one pass over the tree plus a few linear scans:

1. The page is linearised into text blocks (split at block-level tags and ``<br>``), each
   remembering how much of its text is link text and which element owns it.
2. Blocks that read like prose (CJK text with sentence punctuation, few links) score their
   CJK length; link text, short unpunctuated lines and chrome headings (相关新闻, 上一条 ...)
   score against. Scores are summed bottom-up, so every element gets
   ``prose - chrome`` for its whole subtree in linear time, and the best element is the
   article container: a wrapper only wins if the prose it adds outweighs its chrome.
3. Inside the container the block sequence is cut at chrome headings and the richest
   segment is the body: teasers and comments after 新闻推荐 / 网友评论 never join it.
4. Title, meta lines (date, source, editors) and bylines are read around the container.

One module per stage, in the order they run: ``decode`` (bytes to text), ``clean`` (head
metadata, then junk removal), ``blocks`` (linearise and score), ``body`` (container and
segment), ``title``, ``metalines``, ``published``, ``images``; this module assembles the
located parts, and ``news.interpret`` reads them (source, people, the clean body).

Everything is bounded: input size is capped, libxml2 caps nesting depth, and no step
recurses or is worse than linear in the number of elements (apart from small caps).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from urllib.parse import urljoin

import lxml.etree as etree

from delegation_crawler.news.interpret import read_page

from . import patterns as P
from .blocks import linearise
from .body import best_container, narrow, prose_in, richest_segment, skippable, widen
from .clean import head_info, strip_junk
from .decode import decode_html
from .images import body_images, find_gallery, img_src
from .metalines import has_date, is_meta_line, meta_lines_after, meta_lines_between
from .published import fill_date
from .title import clean_title_tag, find_title, same_title


MAX_INPUT_CHARS = 8_000_000  # larger pages are not articles; refuse rather than stall


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class ExtractedArticle:
    """What the generic extractor found on one page; empty strings/lists when not found.

    ``paragraphs``, ``meta`` and ``images`` are the located parts (bylines and editor lines
    still in the paragraphs, as on the page); ``body`` and the people are their reading by
    ``delegation_crawler.news.interpret``, the same reading a portal's selectors get.
    """

    title: str = ""
    subtitles: list[str] = field(default_factory=list)
    published: str | None = None
    published_precision: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    body: str = ""
    paragraphs: list[str] = field(default_factory=list)
    meta: list[str] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    reason: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    def published_text(self) -> str | None:
        """The publish time as text that parses back with its precision (a day stays a day)."""
        if not self.published or self.published_precision not in ("day", "minute"):
            return self.published
        value = datetime.fromisoformat(self.published)
        return value.date().isoformat() if self.published_precision == "day" else value.isoformat(timespec="minutes")


def extract_article(html: str | bytes, url: str | None = None, *, fetched_at=None) -> ExtractedArticle:
    """Extract headline, publish time, source, people, body and images from one page.

    ``fetched_at`` (an aware datetime) lets relative times such as ``3小时前`` be read when the
    page gives nothing better. Never raises on bad input: the result is empty and ``reason``
    says why.
    """
    result = locate_article(html, url, fetched_at=fetched_at)
    if result.paragraphs or result.title:
        read(result)
    return result


def locate_article(html: str | bytes, url: str | None = None, *, fetched_at=None) -> ExtractedArticle:
    """Only the located parts (title, meta lines, paragraphs, images) and the publish time the
    page's machine-readable sources give; the spiders' fallback reads them like selector output."""
    try:
        return _extract(html, url, fetched_at)
    except Exception as exc:  # a bug or a parser corner case must not kill a crawl
        return ExtractedArticle(reason=f"extractor error: {type(exc).__name__}: {exc}"[:300])


def read(result: ExtractedArticle) -> None:
    """Fill source, people and the clean body from the located parts (news.interpret)."""
    reading = read_page(result.title, result.meta, result.paragraphs,
                        captions=[image.get("caption") or "" for image in result.images])
    if reading.published is not None:  # a date the meta lines show; else the located one stays
        result.published, result.published_precision = reading.published.isoformat(), reading.published.precision
    result.source = reading.source
    result.subtitles = reading.subtitles
    result.authors = reading.credits.authors
    result.photographers = reading.credits.photographers
    result.editors = reading.credits.editors
    result.body = "\n".join(reading.body)


def _extract(html: str | bytes, url: str | None, fetched_at=None) -> ExtractedArticle:
    if html is None:
        return ExtractedArticle(reason="empty input")
    if isinstance(html, (bytes, bytearray)):
        if len(html) > MAX_INPUT_CHARS:
            return ExtractedArticle(reason=f"input too large ({len(html)} bytes)")
        text, _charset = decode_html(bytes(html))
    else:
        text = html
    if len(text) > MAX_INPUT_CHARS:
        return ExtractedArticle(reason=f"input too large ({len(text)} chars)")
    if not text.strip():
        return ExtractedArticle(reason="empty input")
    sample = text[:20000]
    junk = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if junk > 0.05 * len(sample):
        return ExtractedArticle(reason="not HTML text (binary or undecodable content)")
    text = _CONTROL.sub("", text)
    # Plain etree elements: lxml.html's per-element class lookup costs ~10% on big pages.
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = etree.fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError) as exc:
        return ExtractedArticle(reason=f"unparseable HTML: {exc}"[:300])
    if root is None:
        return ExtractedArticle(reason="unparseable HTML")
    head = head_info(root)
    strip_junk(root)
    blocks, images = linearise(root)
    if not blocks:
        return ExtractedArticle(title=clean_title_tag(head.get("title", "")), reason="no text on the page")
    return _assemble(root, blocks, images, head, url, fetched_at)


def _assemble(root, blocks, images, head, url, fetched_at=None) -> ExtractedArticle:
    container = best_container(root, blocks)
    if container is None and any(b.demoted for b in blocks):
        # Every prose block looked like a list item: the page may be one long list-styled story.
        for block in blocks:
            if block.demoted:
                block.prose, block.chrome, block.demoted = block.prose * 5, 0.0, False
        container = best_container(root, blocks)
    gallery = find_gallery(images)
    if gallery and (container is None or prose_in(container, blocks) < 0.5 * sum(len(c) for _, _, c in gallery)):
        return _gallery_article(root, blocks, gallery, head, url, fetched_at)
    if container is None:
        return ExtractedArticle(title=clean_title_tag(head.get("title", "")), reason="no article-like text block")
    container = narrow(container, blocks)
    inside = set(container.iter())
    members = [i for i, b in enumerate(blocks) if b.owner in inside]
    start, end = richest_segment(blocks, members)
    if start is None:
        return ExtractedArticle(title=clean_title_tag(head.get("title", "")), reason="no article-like text block")
    container, inside, start, end = widen(container, inside, blocks, start, end)

    first_prose = next((i for i in range(start, end + 1) if blocks[i].prose and blocks[i].owner in inside), start)
    title, title_index = find_title(root, blocks, head, first_prose)
    if title_index is not None and start <= title_index <= end:
        start = title_index + 1  # whatever precedes the headline is page chrome
    elif title_index is not None and title_index < start:
        # bylines and lead lines between the headline and a widened body belong to it
        j = start - 1
        while j > title_index and start - j <= 4 and skippable(blocks[j], inside):
            j -= 1
        start = j + 1
    body_indexes, meta_indexes = [], []
    seen_prose = False
    for i in range(start, end + 1):
        block = blocks[i]
        if block.owner not in inside or block.boundary or i == title_index:
            continue
        text = block.text
        if not body_indexes and title and same_title(text, title):
            continue  # the headline repeated at the top of the article box
        if is_meta_line(text) and not block.prose and (not seen_prose or has_date(text)):
            meta_indexes.append(i)
            continue
        if P.FURNITURE_RE.match(P.fold(text)):
            continue
        if block.link_chars > 0.6 * len(text) and not block.prose:
            continue
        seen_prose = seen_prose or block.prose > 0
        body_indexes.append(i)

    paragraphs = [blocks[i].text for i in body_indexes]
    first_body = body_indexes[0] if body_indexes else start
    last_body = body_indexes[-1] if body_indexes else end
    meta_lines = meta_lines_between(blocks, title_index, first_body, meta_indexes)
    meta_lines += [i for i in meta_lines_after(blocks, last_body, meta_lines)]
    meta_texts = [blocks[i].text for i in meta_lines]

    result = ExtractedArticle(title=title, paragraphs=paragraphs, body="\n".join(paragraphs))
    result.meta = meta_texts
    fill_date(result, meta_texts, blocks, title_index, first_body, head, url, fetched_at)
    if body_indexes:
        result.images = body_images(images, blocks, body_indexes[0], body_indexes[-1], inside, url)
    if not paragraphs:
        result.reason = "article container found but no paragraphs survived filtering"
    elif not title:
        result.reason = "no headline found"
    return result


def _gallery_article(root, blocks, gallery, head, url, fetched_at=None) -> ExtractedArticle:
    first = gallery[0][0]
    title, title_index = find_title(root, blocks, head, first)
    meta_lines = meta_lines_between(blocks, title_index, min(first, len(blocks)), [])
    meta_texts = [blocks[i].text for i in meta_lines]
    captions = [caption for _, _, caption in gallery]
    result = ExtractedArticle(title=title, paragraphs=captions, body="\n".join(captions), meta=meta_texts)
    result.images = [
        {"url": urljoin(url, img_src(img)) if url else img_src(img), "caption": caption}
        for _, img, caption in gallery
        if img_src(img)
    ]
    fill_date(result, meta_texts, blocks, title_index, min(first, len(blocks) - 1), head, url, fetched_at)
    return result

