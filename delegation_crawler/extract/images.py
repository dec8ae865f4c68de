"""Image stage: body images with captions, and photo galleries whose captions are the story."""

from __future__ import annotations

import re
from urllib.parse import urljoin


from . import patterns as P
from .clean import all_text


def find_gallery(images):
    """Picture stories keep their text in caption attributes (DTcms ``<a info="...">``)."""
    found, seen = [], set()
    for position, img in images:
        caption = _attr_caption(img)
        if len(P.CJK.findall(caption)) >= 6 and caption not in seen:
            seen.add(caption)
            found.append((position, img, caption))
    return found if len(found) >= 2 else []


def _attr_caption(img) -> str:
    parent = img.getparent()
    for el in (img, parent):
        if el is None:
            continue
        for attr in ("info", "data-caption", "data-title", "title", "alt"):
            value = P.squash(el.get(attr) or "")
            if value:
                return value
    return ""


def img_src(img) -> str:
    return (img.get("data-original") or img.get("data-src") or img.get("src") or "").strip()


def body_images(images, blocks, first, last, inside, url):
    found = []
    seen = set()
    for position, img in images:
        if not (first <= position <= last + 1) or img not in inside:
            continue
        src = img_src(img)
        if not src or src.startswith("data:") or _tiny(img):
            continue
        full = urljoin(url, src) if url else src
        if full in seen:
            continue
        seen.add(full)
        found.append({"url": full, "caption": _caption(img, blocks, position)})
    return found


def _tiny(img) -> bool:
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip().rstrip("px")
        if value.isdigit() and int(value) < 60:
            return True
    return False


def _caption(img, blocks, position) -> str:
    parent = img.getparent()
    while parent is not None and parent.tag not in ("figure", "body"):
        parent = parent.getparent()
    if parent is not None and parent.tag == "figure":
        cap = parent.find(".//figcaption")
        if cap is not None:
            return P.squash(all_text(cap))
    if position < len(blocks):
        text = blocks[position].text
        if len(text) <= 60 and ("摄" in P.fold(text) or "图" in text or text.startswith(("▲", "图为"))):
            return text
    alt = P.squash(img.get("alt") or img.get("title") or "")
    if alt and not re.search(r"\.(?:jpe?g|png|gif|webp)$", alt, re.I) and alt not in ("图片", "image", "img"):
        return alt
    return ""

