"""Interpretation shared by every portal: an ``ArticlePage`` (located strings) → an ``Article``.

Spiders only say where the title, the meta line and the body paragraphs are. Everything a
portal spells in words — ``来源:``/``發布時間:`` labels, bylines, ``【原标题】`` lines,
``编辑:``/``责任编辑:`` lines, the like count the CMS prints after the body, 引题/副题 lines
repeated above the body — is read here, the same way for all portals.
"""

from __future__ import annotations

import re

from delegation_crawler.bylines import Credits, caption_credits, dateline_credits, is_credit_line, parse_credits
from delegation_crawler.news.dates import DateError, ParsedDate, parse_datetime
from delegation_crawler.items import Article, ArticlePage


class ArticleRejected(ValueError):
    """The page cannot become an article; ``reason`` is a short stats key (``no_body`` …)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


_LABELS = {
    "source": ("来源", "來源", "稿源", "出处", "出處"),
    "published": ("发布时间", "發布時間", "发布日期", "發布日期", "时间", "時間", "日期", "发表时间", "發表時間"),
    "editors": ("责任编辑", "責任編輯", "编辑", "編輯", "责编", "責編"),
    "authors": ("作者", "记者", "記者"),
    "ignored": ("阅读", "閱讀", "点击", "點擊", "浏览", "瀏覽", "字号", "字號", "分享到", "访问量", "訪問量"),
}
_FIELD_OF = {label: name for name, labels in _LABELS.items() for label in labels}
_LABEL = re.compile(
    r"(%s)\s*[:：]" % "|".join(sorted(map(re.escape, _FIELD_OF), key=len, reverse=True))
)
_DATE_OR_URL = re.compile(r"\s*(?:(?:19|20)\d{2}\s*[-/.年].*|https?://\S*.*)$")
_ORIGINAL_TITLE = re.compile(r"^\s*[【\[]\s*原\s*(?:标题|標題)\s*[】\]]\s*[:：]?\s*(?P<title>.+)$")
_EDITOR_LINE = re.compile(r"^\s*(?:责任编辑|責任編輯|编辑|編輯|责编|責編|审核|審核|校对|校對)\s*[:：]")
_COUNTER = re.compile(r"^\s*\d{1,7}\s*$")
_SENTENCE_END = re.compile(r"[。！？!?；;]\s*$")


def read_meta(lines: list[str]) -> dict[str, str]:
    """Label → value from meta lines such as ``时间:2024年04月18日 11:12   来源:广元日报   阅读:``."""
    found: dict[str, str] = {}
    for line in lines:
        marks = list(_LABEL.finditer(line))
        for mark, following in zip(marks, marks[1:] + [None]):
            value = line[mark.end(): following.start() if following else len(line)]
            value = value.replace("\xa0", " ").strip(" \u3000|丨")
            name = _FIELD_OF[mark.group(1)]
            if value and name not in found:
                found[name] = value
        if "published" not in found:
            # An unlabelled date, as in yybnet's "来源:攀枝花日报 2017-07-29 07:34".
            try:
                if parse_datetime(line):
                    found["published"] = line
            except DateError:
                found["published"] = line
    if "source" in found:
        found["source"] = _DATE_OR_URL.sub("", found["source"]).strip() or found["source"]
    return found


def _published(meta: dict[str, str], hint: str | None) -> ParsedDate:
    for text in (meta.get("published"), hint):
        if not text:
            continue
        try:
            parsed = parse_datetime(text)
        except DateError as exc:
            raise ArticleRejected("bad_date", str(exc)) from None
        if parsed is None:
            raise ArticleRejected("bad_date", f"no date in {text!r}")
        return parsed
    raise ArticleRejected("no_date", "the page shows no publish time and the list gave none")


def _clean(paragraphs: list[str]) -> list[str]:
    out = []
    for p in paragraphs:
        p = p.replace("\xa0", " ").replace("\u3000", " ").strip()
        p = re.sub(r"[ \t]{2,}", " ", p)
        if p:
            out.append(p)
    return out


def _split_title_block(title: str, paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Take 引题/副题 lines and the repeated headline off the top of the body.

    Some CMSs (VSB at chaotian) repeat the headline as the first body lines, with a lead line
    above and a sub-title below: ``蜀道丝路牵手 交流协作共赢 / <headline> / 何树平孙涛讲话 …``.
    """
    head = [p for p in paragraphs[:5]]
    norm = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    for i, p in enumerate(head):
        if norm(p) == norm(title):
            before, after = paragraphs[:i], []
            rest = paragraphs[i + 1:]
            while rest and len(rest[0]) <= 40 and not _SENTENCE_END.search(rest[0]) and len(after) < 2:
                after.append(rest.pop(0))
            if all(len(b) <= 40 and not _SENTENCE_END.search(b) for b in before):
                return before + after, rest
    return [], paragraphs


def build_article(page: ArticlePage) -> Article:
    """Interpret one located page; raises ArticleRejected with a reason when it is no article."""
    title = re.sub(r"\s+", " ", page.title or "").strip()
    if not title:
        raise ArticleRejected("no_title")
    paragraphs = _clean(page.paragraphs)
    meta = read_meta(_clean(page.meta))
    published = _published(meta, page.published_hint)

    credits = Credits()
    if meta.get("editors"):
        credits.add("editors", re.split(r"[\s、,，]+", meta["editors"].strip()))
    if meta.get("authors"):
        credits.add("authors", parse_credits("记者 " + meta["authors"]).authors)

    subtitles, paragraphs = _split_title_block(title, paragraphs)
    subtitles = [s for s in _clean(page.subtitles) if s != title] + subtitles

    original_title = None
    body: list[str] = []
    for p in paragraphs:
        match = _ORIGINAL_TITLE.match(p)
        if match:
            original_title = match["title"].strip()
        elif _EDITOR_LINE.match(p) and len(p) <= 40:
            credits.merge(parse_credits(p))
        elif is_credit_line(p):
            credits.merge(parse_credits(p))
        else:
            body.append(p)
    # The CMS's like/click counter printed after the editor lines.
    while body and _COUNTER.match(body[-1]):
        body.pop()
    for p in body[:3]:  # the dateline opens the story, possibly after a photo caption
        dateline = dateline_credits(p)
        if dateline:
            credits.merge(dateline)
            break
    for p in body:
        credits.merge(caption_credits(p))
    for image in page.images:
        credits.merge(caption_credits(image.get("caption") or ""))

    if not body:
        raise ArticleRejected("no_body")
    return Article(
        url=page.url,
        portal=page.portal,
        fetched_at=page.fetched_at,
        title=title,
        subtitles=subtitles,
        body="\n".join(body),
        published=published.isoformat(),
        published_precision=published.precision,
        source=meta.get("source"),
        authors=credits.authors,
        photographers=credits.photographers,
        editors=credits.editors,
        original_title=original_title,
        home_place=page.home_place,
        images=page.images,
        extraction=page.extraction,
        declared_charset=page.declared_charset,
        used_charset=page.used_charset,
        repairs=dict(page.repairs),
    )
