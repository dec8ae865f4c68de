"""What a located news page says: publish time, source, people, title lines and the clean body.

Both ways of locating a page — a portal's selectors and the generic extractor — hand over the
same parts (headline, meta lines, body paragraphs in page order with bylines and editor lines
still in them, image captions, a publish-time hint). They are read here, once, with the one
date parser and the one vocabulary of labels and bylines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from delegation_crawler.news.bylines import Credits, caption_credits, dateline_credits, is_credit_line, parse_credits
from delegation_crawler.news.dates import DateError, ParsedDate, parse_datetime
from delegation_crawler.news.labels import bare_source, read_meta

_ORIGINAL_TITLE = re.compile(r"^\s*[【\[]\s*原\s*(?:标题|標題)\s*[】\]]\s*[:：]?\s*(?P<title>.+)$")
_EDITOR_LINE = re.compile(r"^\s*[【\[(（]?\s*(?:责任编辑|責任編輯|值班编辑|编辑|編輯|责编|責編|审核|審核|校对|校對)\s*[:：]")
_COUNTER = re.compile(r"^\s*\d{1,7}\s*$")
_SENTENCE_END = re.compile(r"[。！？!?；;]\s*$")


@dataclass
class Reading:
    """The interpretation of one page; ``date_problem`` says why ``published`` is None."""

    title: str
    body: list[str]
    subtitles: list[str] = field(default_factory=list)
    published: ParsedDate | None = None
    date_problem: str | None = None  # "no_date" | "bad_date: <detail>"
    source: str | None = None
    credits: Credits = field(default_factory=Credits)
    original_title: str | None = None


# Pinyin residue (責(zé)任編輯) never belongs to a label or a name; unrepaired pages still read right.
_PINYIN_RESIDUE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


def _plain(text: str) -> str:
    """The text for reading labels and names: without pinyin residue (the body keeps it)."""
    return _PINYIN_RESIDUE.sub("", text) if "(" in text else text


def clean_lines(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        line = line.replace("\xa0", " ").replace("\u3000", " ").strip()
        line = re.sub(r"[ \t]{2,}", " ", line)
        if line:
            out.append(line)
    return out


def read_page(title: str, meta_lines: list[str], paragraphs: list[str], *, subtitles: list[str] = (),
              captions: list[str] = (), published_hint: str | None = None) -> Reading:
    """Interpret located parts. Never raises: what is missing is left empty (and said)."""
    title = re.sub(r"\s+", " ", title or "").strip()
    paragraphs = clean_lines(paragraphs)
    meta_lines = clean_lines(meta_lines)
    meta = read_meta(meta_lines)
    reading = Reading(title=title, body=[])
    reading.published, reading.date_problem = _published(meta, published_hint)

    credits = reading.credits
    if any("(" in line for line in meta_lines):  # 責(zé)任編輯: read the people through the residue
        people = read_meta([_plain(line) for line in meta_lines])
        meta = {**meta, **{k: people[k] for k in ("editors", "authors") if k in people}}
    if meta.get("editors"):
        credits.add("editors", parse_credits("编辑:" + meta["editors"]).editors
                    or re.split(r"[\s、,，]+", meta["editors"].strip()))
    if meta.get("authors"):
        credits.add("authors", parse_credits("记者 " + meta["authors"]).authors)

    heading, paragraphs = _split_title_block(title, paragraphs)
    reading.subtitles = [s for s in clean_lines(list(subtitles)) if s != title] + heading
    body = reading.body
    for p in paragraphs:
        match = _ORIGINAL_TITLE.match(p)
        if match:
            reading.original_title = match["title"].strip()
        elif (_EDITOR_LINE.match(_plain(p)) and len(_plain(p)) <= 40) or is_credit_line(_plain(p)):
            credits.merge(parse_credits(_plain(p)))
        else:
            body.append(p)
    while body and _COUNTER.match(body[-1]):  # the CMS's like/click counter after the editor lines
        body.pop()
    for p in body[:3]:  # the dateline opens the story, possibly after a photo caption
        dateline = dateline_credits(_plain(p))
        if dateline:
            credits.merge(dateline)
            break
    for p in body + list(captions):
        credits.merge(caption_credits(_plain(p or "")))
    reading.source = meta.get("source") or bare_source(meta_lines) or bare_source([p for p in body[-3:] if len(p) <= 40])
    return reading


def _published(meta: dict[str, str], hint: str | None) -> tuple[ParsedDate | None, str | None]:
    for text in (meta.get("published"), hint):
        if not text:
            continue
        try:
            parsed = parse_datetime(text)
        except DateError as exc:
            return None, f"bad_date: {exc}"
        if parsed is None:
            return None, f"bad_date: no date in {text!r}"
        return parsed, None
    return None, "no_date"


def _split_title_block(title: str, paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Take 引题/副题 lines and the repeated headline off the top of the body.

    Some CMSs (VSB at chaotian) repeat the headline as the first body lines, with a lead line
    above and a sub-title below: ``蜀道丝路牵手 交流协作共赢 / <headline> / 何树平孙涛讲话 …``.
    """
    norm = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    for i, p in enumerate(paragraphs[:5]):
        if norm(p) == norm(title):
            before, after = paragraphs[:i], []
            rest = paragraphs[i + 1:]
            while rest and len(rest[0]) <= 40 and not _SENTENCE_END.search(rest[0]) and len(after) < 2:
                after.append(rest.pop(0))
            if all(len(b) <= 40 and not _SENTENCE_END.search(b) for b in before):
                return before + after, rest
    return [], paragraphs
