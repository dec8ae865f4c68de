"""Title stage: the headline, checked against the <title> tag (site suffixes dropped)."""

from __future__ import annotations

import re


from . import patterns as P
from .metalines import is_meta_line


_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜]|\s-\s|\s—\s|--|——|\s–\s)\s*")


_HEADLINE_HINT = re.compile(r"title|headline|biaoti|bt|tit|hd|subject|ph", re.I)


def clean_title_tag(title: str) -> str:
    """Headline part of <title>: "headline_column_site" or "site-headline" (longest non-last part).

    "_column_site" (nothing before the first separator) means the page has no headline.
    """
    parts = [p.strip() for p in _TITLE_SPLIT.split(title.strip())]
    if not parts or not parts[0]:
        return ""
    best = max(parts[:-1] or parts, key=len)
    return _SITE_SUFFIX.sub("", best) if len(parts) == 1 else best


_SITE_SUFFIX = re.compile(r"-[^-\s]{2,12}(?:网|台|报|政府|在线|新闻|门户|平台|中心)$")


def same_title(text: str, title: str) -> bool:
    return _nospace(text) == _nospace(title)


def _nospace(text: str) -> str:
    return P.SPACE_RE.sub("", text)


def _title_tag_agreement(key: str, tag_key: str, tag_parts: list[str]) -> float:
    if not key or not tag_key:
        return 0.0
    length_bonus = min(len(key), 40) / 10
    if key == tag_key:
        return 10 + length_bonus
    if tag_parts and key == max(tag_parts, key=len):
        return 9 + length_bonus
    if key in tag_parts:
        return 2.0  # the site or column name
    if tag_key.startswith(key):
        return 7 + length_bonus
    if tag_key.endswith(key) or key in tag_key:
        return 4.0
    return 0.0


def find_title(root, blocks, head, body_start):
    """The headline: a heading-like block that matches <title>, else the best heading."""
    tag_title = head.get("title", "")
    tag_key = _nospace(tag_title)
    # "headline_column_site", "site-headline": the longest part is the headline, the rest
    # are names a logo or a column heading can also match
    tag_parts = [_nospace(p) for p in re.split(r"[_|｜]|-{1,2}|—{1,2}|–", tag_title) if _nospace(p)]
    meta_title = head.get("meta:articletitle") or head.get("meta:og:title") or head.get("meta:title") or ""
    candidates = []
    window = range(max(0, body_start - 40), min(len(blocks), body_start + 3))
    for i in window:
        block = blocks[i]
        text = block.text
        if not (4 <= len(text) <= 120) or block.boundary or block.link_chars > 0.5 * len(text):
            continue
        if block.cjk < 2 or is_meta_line(text):
            continue
        owner = block.owner
        tag = owner.tag if isinstance(owner.tag, str) else ""
        key = _nospace(text)
        score = 0.0
        if tag in ("h1", "h2", "h3"):
            score += {"h1": 6, "h2": 4, "h3": 3}[tag]
        names = f"{owner.get('class') or ''} {owner.get('id') or ''}"
        if _HEADLINE_HINT.search(names):
            score += 3
        score += _title_tag_agreement(key, tag_key, tag_parts)
        if meta_title and key == _nospace(meta_title):
            score += 8
        if i + 1 < len(blocks) and i + 1 <= body_start and is_meta_line(blocks[i + 1].text):
            score += 4  # the line right above "时间:... 来源:..." is the headline
        if _prominent(owner):
            score += 2
        if text.endswith(("。", "！", "？")) or block.prose and len(text) > 60:
            score -= 6
        if i >= body_start:
            score -= 2
        # nearer the body is likelier the headline than a site banner
        score += max(0.0, 2 - (body_start - i) / 10)
        if score > 3:
            candidates.append((score, -i, text, i))
    if candidates:
        _, _, text, index = max(candidates)
        return text, index
    fallback = meta_title or clean_title_tag(tag_title)
    return fallback, None


_BIG_STYLE = re.compile(r"font-size\s*:\s*(?:(?:1[89]|[2-9]\d)px|(?:1[4-9]|[2-9]\d)pt)|font-weight\s*:\s*(?:bold|[6-9]00)", re.I)


def _prominent(el) -> bool:
    """Styled like a headline: big or bold inline style, or a lone <strong>/<b> inside."""
    if _BIG_STYLE.search(el.get("style") or ""):
        return True
    return len(el) == 1 and el[0].tag in ("strong", "b", "font") and not (el.text or "").strip()

