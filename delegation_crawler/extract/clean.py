"""Tree cleanup stage: head metadata is read first, then scripts, hidden and chrome elements go."""

from __future__ import annotations

import re


from . import patterns as P
from .published import head_dates


DROP_TAGS = frozenset(
    "script style noscript iframe object embed svg canvas template select option textarea "
    "button input link meta map area audio video source head".split()
)


CHROME_TAGS = frozenset(("nav", "aside"))


CHROME_WORDS = frozenset(
    "nav navbar navi menu submenu topbar footer foot copyright comment comments cmt pinglun "
    "share bdshare jiathis breadcrumb crumb crumbs position location sidebar aside related "
    "relate xgxw recommend tuijian pager pagination paging prevnext updown login search "
    "toolbar ad ads advert adv banner gotop totop qrcode ewm friendlink links hotnews "
    "rank ranking".split()
)


_TOKEN_SPLIT = re.compile(r"[\s_\-]+")


_CHROME_NAMES = re.compile(r"author[-_]?(?:box|info|bio|card|intro|profile)|about[-_]?author|\bgg[-_]|guanggao")


def head_info(root) -> dict:
    """Title and meta tags, read before <head> is dropped."""
    info: dict[str, str] = {}
    title_el = root.find(".//title")
    if title_el is not None:
        info["title"] = P.squash(all_text(title_el))
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content and key not in info:
            info["meta:" + key] = P.squash(content)
    info.update(head_dates(root))
    return info


def strip_junk(root) -> None:
    """Drop scripts, forms controls, hidden and obviously-chrome elements (keeping tails)."""
    doomed = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in DROP_TAGS:
            doomed.append(el)
            continue
        style = el.get("style")
        if style and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style, re.I):
            doomed.append(el)
            continue
        if tag in CHROME_TAGS or (tag == "footer" and not _inside_article(el)):
            doomed.append(el)
            continue
        if tag in ("html", "body"):
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if names.strip() and (CHROME_WORDS.intersection(_TOKEN_SPLIT.split(names)) or _CHROME_NAMES.search(names)):
            doomed.append(el)
    body_text = 0
    for el in doomed:
        if el.getparent() is None:
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag and tag not in DROP_TAGS and tag not in CHROME_TAGS and tag != "footer":
            # Class-matched element: keep it if it holds most of the page's prose (a
            # content div misnamed "...-share-..." must not take the article with it).
            if not body_text:
                body_text = len(P.CJK.findall(all_text(root))) or 1
            if len(P.CJK.findall(all_text(el))) > 0.5 * body_text:
                continue
        _drop(el)


def all_text(el) -> str:
    return "".join(el.itertext())


def _drop(el) -> None:
    """Remove ``el`` but keep its tail text (what lxml.html's drop_tree does)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _inside_article(el) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag == "article":
            return True
        parent = parent.getparent()
    return False

