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

Everything is bounded: input size is capped, libxml2 caps nesting depth, and no step
recurses or is worse than linear in the number of elements (apart from small caps).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from urllib.parse import urljoin

import lxml.etree as etree

from delegation_crawler.news.dates import find_datetime

from . import patterns as P
from .decode import decode_html
from .published import find_published, head_dates

MAX_INPUT_CHARS = 8_000_000  # larger pages are not articles; refuse rather than stall

BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr html li main menu nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul caption".split()
)
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
# compound names the token test cannot see: author bio boxes, ad slots, "about the author"
_CHROME_NAMES = re.compile(r"author[-_]?(?:box|info|bio|card|intro|profile)|about[-_]?author|\bgg[-_]|guanggao")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_PUNCT = re.compile(r"[，。；！？、：“”,;!?]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜]|\s-\s|\s—\s|--|——|\s–\s)\s*")
_HEADLINE_HINT = re.compile(r"title|headline|biaoti|bt|tit|hd|subject|ph", re.I)


@dataclass
class ExtractedArticle:
    """What the generic extractor found on one page; empty strings/lists when not found."""

    title: str = ""
    published: str | None = None
    published_precision: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    body: str = ""
    paragraphs: list[str] = field(default_factory=list)
    meta: list[str] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    reason: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Block:
    text: str
    link_chars: int
    owner: object  # the innermost block-level element holding the text
    cjk: int = 0
    prose: float = 0.0
    chrome: float = 0.0
    boundary: bool = False
    demoted: bool = False  # teaser/comment-like prose (see _demote_items)


def extract_article(html: str | bytes, url: str | None = None, *, fetched_at=None) -> ExtractedArticle:
    """Extract headline, publish time, source, people, body and images from one page.

    ``fetched_at`` (an aware datetime) lets relative times such as ``3小时前`` be read when the
    page gives nothing better.

    Never raises on bad input: the result is empty and ``reason`` says why.
    """
    try:
        return _extract(html, url, fetched_at)
    except Exception as exc:  # a bug or a parser corner case must not kill a crawl
        return ExtractedArticle(reason=f"extractor error: {type(exc).__name__}: {exc}"[:300])


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
    head = _head_info(root)
    _strip_junk(root)
    blocks, images = _linearise(root)
    if not blocks:
        return ExtractedArticle(title=_clean_title_tag(head.get("title", "")), reason="no text on the page")
    return _assemble(root, blocks, images, head, url, fetched_at)


# --------------------------------------------------------------------------- tree cleanup


def _head_info(root) -> dict:
    """Title and meta tags, read before <head> is dropped."""
    info: dict[str, str] = {}
    title_el = root.find(".//title")
    if title_el is not None:
        info["title"] = P.squash(_text(title_el))
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content and key not in info:
            info["meta:" + key] = P.squash(content)
    info.update(head_dates(root))
    return info


def _strip_junk(root) -> None:
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
                body_text = len(_CJK.findall(_text(root))) or 1
            if len(_CJK.findall(_text(el))) > 0.5 * body_text:
                continue
        _drop(el)


def _text(el) -> str:
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


# --------------------------------------------------------------------------- linearise


def _linearise(root):
    """Split the page into text blocks at block tags and <br>; note where images sit."""
    blocks: list[_Block] = []
    images: list[tuple[int, object]] = []  # (index of the next block, img element)
    buf: list[str] = []
    link_chars = 0
    link_depth = 0
    owners = [root]

    def flush():
        nonlocal buf, link_chars
        if not buf:
            return
        text = P.squash("".join(buf))
        if text:
            blocks.append(_Block(text, min(link_chars, len(text)), owners[-1]))
        buf = []
        link_chars = 0

    def add(text):
        nonlocal link_chars
        if text:
            buf.append(text)
            if link_depth:
                link_chars += len(text.strip())

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in BLOCK_TAGS:
                flush()
                owners.append(el)
            elif tag == "br":
                flush()
            elif tag == "img":
                images.append((len(blocks) + (1 if buf and "".join(buf).strip() else 0), el))
            if tag == "a":
                link_depth += 1
            add(el.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
                owners.pop()
            if tag == "a":
                link_depth -= 1
            add(el.tail)
    flush()
    for block in blocks:
        _score(block)
    _demote_items(blocks)
    return blocks, images


def _score(block: _Block) -> None:
    text = block.text
    block.cjk = len(_CJK.findall(text))
    length = len(text)
    if length <= 60 and P.BOUNDARY_RE.match(P.fold(text)):
        block.boundary = True
        block.chrome = 60.0
        return
    link_ratio = block.link_chars / length
    punct = len(_SENTENCE_PUNCT.findall(text))
    if link_ratio < 0.3 and block.cjk >= 8 and (punct >= 1 and block.cjk >= 15 or block.cjk >= 40):
        block.prose = block.cjk * (1.0 + min(punct, 10) / 10)
        block.chrome = block.link_chars
    else:
        block.chrome = block.link_chars * 1.5 + (length - block.link_chars) * 0.3


def _demote_items(blocks) -> None:
    """Prose that reads like a teaser or a comment cannot win the container on its own.

    Teasers follow a headline link or trail off with "..."; comments and teasers sit in list
    items or in runs of identical sibling boxes. Such prose keeps a fifth of its weight, so a
    body that really is a list still scores, but a comment thread cannot outweigh an article.
    """
    item_cache: dict = {}
    for i, block in enumerate(blocks):
        if not block.prose:
            continue
        prev = blocks[i - 1] if i else None
        teaser = (
            prev is not None
            and len(prev.text) >= 6
            and prev.link_chars >= 0.8 * len(prev.text)
            and _related(prev.owner, block.owner)
        )
        if teaser or block.text.endswith(("...", "…")) or _in_item(block.owner, item_cache):
            block.chrome += block.prose * 0.3
            block.prose *= 0.2
            block.demoted = True


def _related(a, b) -> bool:
    """Same box: one owner is the other's parent or grandparent, or they share a parent."""
    pa, pb = a.getparent(), b.getparent()
    return a is pb or b is pa or (pa is not None and pa is pb) or (pb is not None and pb.getparent() is a)


def _in_item(owner, cache) -> bool:
    el = owner
    for _ in range(3):
        if el is None:
            return False
        if el in cache:
            return cache[el]
        tag = el.tag if isinstance(el.tag, str) else ""
        verdict = False
        if tag in ("li", "dd", "dt"):
            verdict = True
        elif tag not in ("p", "body", "html", "td", "span", "font") and el.get("class"):
            # Runs of identical boxes holding short texts: comment or teaser lists. Article
            # paragraphs styled as <div class="para"> are longer on average.
            parent = el.getparent()
            if parent is not None and len(parent) <= 200:
                same = [sib for sib in parent if sib.tag == tag and sib.get("class") == el.get("class")]
                if len(same) >= 3 and len(el) <= 4:
                    average = sum(len(_CJK.findall(_text(sib))) for sib in same) / len(same)
                    verdict = average < 60
        cache[el] = verdict
        if verdict:
            return True
        el = el.getparent()
    return False


# --------------------------------------------------------------------------- assemble


def _assemble(root, blocks, images, head, url, fetched_at=None) -> ExtractedArticle:
    container = _best_container(root, blocks)
    if container is None and any(b.demoted for b in blocks):
        # Every prose block looked like a list item: the page may be one long list-styled story.
        for block in blocks:
            if block.demoted:
                block.prose, block.chrome, block.demoted = block.prose * 5, 0.0, False
        container = _best_container(root, blocks)
    gallery = _gallery(images)
    if gallery and (container is None or _prose_in(container, blocks) < 0.5 * sum(len(c) for _, _, c in gallery)):
        return _gallery_article(root, blocks, gallery, head, url, fetched_at)
    if container is None:
        return ExtractedArticle(title=_clean_title_tag(head.get("title", "")), reason="no article-like text block")
    container = _narrow(container, blocks)
    inside = set(container.iter())
    members = [i for i, b in enumerate(blocks) if b.owner in inside]
    start, end = _richest_segment(blocks, members)
    if start is None:
        return ExtractedArticle(title=_clean_title_tag(head.get("title", "")), reason="no article-like text block")
    container, inside, start, end = _widen(container, inside, blocks, start, end)

    first_prose = next((i for i in range(start, end + 1) if blocks[i].prose and blocks[i].owner in inside), start)
    title, title_index = _find_title(root, blocks, head, first_prose)
    if title_index is not None and start <= title_index <= end:
        start = title_index + 1  # whatever precedes the headline is page chrome
    elif title_index is not None and title_index < start:
        # bylines and lead lines between the headline and a widened body belong to it
        j = start - 1
        while j > title_index and start - j <= 4 and _skippable(blocks[j], inside):
            j -= 1
        start = j + 1
    body_indexes, meta_indexes = [], []
    seen_prose = False
    for i in range(start, end + 1):
        block = blocks[i]
        if block.owner not in inside or block.boundary or i == title_index:
            continue
        text = block.text
        if not body_indexes and title and _same_title(text, title):
            continue  # the headline repeated at the top of the article box
        if _is_meta_line(text) and not block.prose and (not seen_prose or _has_date(text)):
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
    meta_lines = _meta_lines(blocks, title_index, first_body, meta_indexes)
    meta_lines += [i for i in _meta_after(blocks, last_body, meta_lines)]
    meta_texts = [blocks[i].text for i in meta_lines]

    result = ExtractedArticle(title=title, paragraphs=paragraphs, body="\n".join(paragraphs))
    result.meta = meta_texts
    _fill_date(result, meta_texts, blocks, title_index, first_body, head, url, fetched_at)
    _fill_people(result, meta_texts, paragraphs, head)
    if body_indexes:
        result.images = _images(images, blocks, body_indexes[0], body_indexes[-1], inside, url)
    if not paragraphs:
        result.reason = "article container found but no paragraphs survived filtering"
    elif not title:
        result.reason = "no headline found"
    return result


def _best_container(root, blocks):
    """The element whose subtree has the most prose net of chrome (linear, bottom-up)."""
    score: dict = {}
    prose: dict = {}
    for block in blocks:
        score[block.owner] = score.get(block.owner, 0.0) + block.prose - block.chrome
        prose[block.owner] = prose.get(block.owner, 0.0) + block.prose
    best, best_score = None, 0.0
    for el in reversed(list(root.iter())):
        own = score.get(el)
        if own is None:
            continue
        parent = el.getparent()
        if parent is not None:
            score[parent] = score.get(parent, 0.0) + own
            prose[parent] = prose.get(parent, 0.0) + prose.get(el, 0.0)
        if prose.get(el, 0.0) > 0 and own > best_score:
            best, best_score = el, own
    return best


def _prose_in(container, blocks) -> float:
    inside = set(container.iter())
    return sum(b.cjk for b in blocks if b.prose and not b.demoted and b.owner in inside)


def _gallery(images):
    """Picture stories keep their text in caption attributes (DTcms ``<a info="...">``)."""
    found, seen = [], set()
    for position, img in images:
        caption = _attr_caption(img)
        if len(_CJK.findall(caption)) >= 6 and caption not in seen:
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


def _gallery_article(root, blocks, gallery, head, url, fetched_at=None) -> ExtractedArticle:
    first = gallery[0][0]
    title, title_index = _find_title(root, blocks, head, first)
    meta_lines = _meta_lines(blocks, title_index, min(first, len(blocks)), [])
    meta_texts = [blocks[i].text for i in meta_lines]
    captions = [caption for _, _, caption in gallery]
    result = ExtractedArticle(title=title, paragraphs=captions, body="\n".join(captions), meta=meta_texts)
    result.images = [
        {"url": urljoin(url, _img_src(img)) if url else _img_src(img), "caption": caption}
        for _, img, caption in gallery
        if _img_src(img)
    ]
    _fill_date(result, meta_texts, blocks, title_index, min(first, len(blocks) - 1), head, url, fetched_at)
    _fill_people(result, meta_texts, captions, head)
    return result


def _img_src(img) -> str:
    return (img.get("data-original") or img.get("data-src") or img.get("src") or "").strip()


def _narrow(container, blocks):
    """Step down into a child that holds nearly all the prose (a table row whose other cell is
    a sidebar of captions, an article box with a short summary next to it)."""
    prose: dict = {}
    for block in blocks:
        if block.prose and not block.demoted:
            prose[block.owner] = prose.get(block.owner, 0.0) + block.prose
    totals: dict = {}
    for el in container.iter():
        if el in prose:
            node = el
            while node is not None:
                totals[node] = totals.get(node, 0.0) + prose[el]
                if node is container:
                    break
                node = node.getparent()
    while True:
        total = totals.get(container, 0.0)
        best = max(container, key=lambda child: totals.get(child, 0.0), default=None)
        if best is None or total <= 0 or totals.get(best, 0.0) < 0.85 * total:
            return container
        container = best


def _widen(container, inside, blocks, start, end):
    """Flat pages keep paragraphs as siblings of the best one: take in neighbouring prose.

    Walks up to three levels; a level is taken only if it adds real (not teaser-like) prose
    adjacent to the body, skipping at most two short non-link lines (captions) in between.
    """
    if sum(1 for i in range(start, end + 1) if blocks[i].prose and blocks[i].owner in inside) > 1:
        return container, inside, start, end  # the body is already together
    for _ in range(3):
        parent = container.getparent()
        if parent is None:
            break
        wider = set(parent.iter())
        new_start = _reach(blocks, start, -1, wider)
        new_end = _reach(blocks, end, 1, wider)
        if (new_start, new_end) == (start, end):
            break
        container, inside, start, end = parent, wider, new_start, new_end
    return container, inside, start, end


def _reach(blocks, edge, step, inside):
    while True:
        j, skipped = edge + step, 0
        while 0 <= j < len(blocks) and skipped < 2 and _skippable(blocks[j], inside):
            j, skipped = j + step, skipped + 1
        if 0 <= j < len(blocks) and blocks[j].owner in inside and blocks[j].prose and not blocks[j].demoted:
            edge = j
        else:
            return edge


def _skippable(block, inside) -> bool:
    owner = block.owner
    return (
        owner in inside
        and not block.prose
        and not block.boundary
        and block.link_chars < 0.5 * len(block.text)
        and len(block.text) <= 60
        and owner.tag not in ("h1", "h2", "h3")
    )


def _richest_segment(blocks, members):
    """Cut the container's blocks at chrome headings; return the span with most prose.

    A heading inside the story ("延伸阅读: ..." between two halves) must not cut it: a
    neighbouring segment joins when the prose right across the heading sits in the same box
    (same parent element) as the body's own paragraphs.
    """
    segments = []  # [first member position, last member position, prose]
    current = None
    for position, i in enumerate(members):
        if blocks[i].boundary:
            current = None
            continue
        if current is None:
            current = [position, position, 0.0]
            segments.append(current)
        current[1] = position
        current[2] += blocks[i].prose
    if not segments or max(seg[2] for seg in segments) <= 0:
        return None, None
    best = max(range(len(segments)), key=lambda k: segments[k][2])
    lo = hi = best
    while hi + 1 < len(segments) and _continues(blocks, members, segments[lo][0], segments[hi][1], segments[hi + 1], 1):
        hi += 1
    while lo > 0 and _continues(blocks, members, segments[lo][0], segments[hi][1], segments[lo - 1], -1):
        lo -= 1
    return members[segments[lo][0]], members[segments[hi][1]]


def _continues(blocks, members, first, last, segment, step) -> bool:
    """Whether ``segment`` (after, step=1, or before, step=-1) continues the body's box."""
    parents = {blocks[members[k]].owner.getparent() for k in range(first, last + 1) if _strong(blocks[members[k]])}
    order = range(segment[0], segment[1] + 1) if step == 1 else range(segment[1], segment[0] - 1, -1)
    for k in order:
        block = blocks[members[k]]
        if _strong(block):
            return block.owner.getparent() in parents
        if not (len(block.text) <= 60 or block.link_chars > 0.5 * len(block.text)):
            return False  # a long non-prose block: not a short interruption
    return False


def _strong(block) -> bool:
    return block.prose > 0 and not block.demoted


# --------------------------------------------------------------------------- title


def _clean_title_tag(title: str) -> str:
    """Headline part of <title>: "headline_column_site" or "site-headline" (longest non-last part).

    "_column_site" (nothing before the first separator) means the page has no headline.
    """
    parts = [p.strip() for p in _TITLE_SPLIT.split(title.strip())]
    if not parts or not parts[0]:
        return ""
    best = max(parts[:-1] or parts, key=len)
    return _SITE_SUFFIX.sub("", best) if len(parts) == 1 else best


# "标题-秀山网": a bare hyphen before a short site name (hyphens inside headlines have words after)
_SITE_SUFFIX = re.compile(r"-[^-\s]{2,12}(?:网|台|报|政府|在线|新闻|门户|平台|中心)$")


def _same_title(text: str, title: str) -> bool:
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


def _find_title(root, blocks, head, body_start):
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
        if block.cjk < 2 or _is_meta_line(text):
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
        if i + 1 < len(blocks) and i + 1 <= body_start and _is_meta_line(blocks[i + 1].text):
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
    fallback = meta_title or _clean_title_tag(tag_title)
    return fallback, None


_BIG_STYLE = re.compile(r"font-size\s*:\s*(?:(?:1[89]|[2-9]\d)px|(?:1[4-9]|[2-9]\d)pt)|font-weight\s*:\s*(?:bold|[6-9]00)", re.I)


def _prominent(el) -> bool:
    """Styled like a headline: big or bold inline style, or a lone <strong>/<b> inside."""
    if _BIG_STYLE.search(el.get("style") or ""):
        return True
    return len(el) == 1 and el[0].tag in ("strong", "b", "font") and not (el.text or "").strip()


# --------------------------------------------------------------------------- meta


def _is_meta_line(text: str) -> bool:
    if len(text) > 160 or "。" in text:
        return False
    folded = P.fold(text)
    has_label = P.META_LABEL_RE.search(folded) is not None
    has_date = find_datetime(folded) is not None
    if has_date and (has_label or len(text) <= 40):
        return True
    return has_label and bool(re.match(r"^\s*[【\[(（]?\s*(?:来源|稿源|作者|时间|发布|日期|编辑|责任编辑|浏览|阅读|点击)\s*[:：]", folded)) and len(text) <= 80


def _has_date(text: str) -> bool:
    return find_datetime(P.fold(text)) is not None


def _meta_lines(blocks, title_index, first_body, inside_meta):
    """Meta-looking lines between the headline and the body, plus those inside the body."""
    lo = title_index + 1 if title_index is not None else max(0, first_body - 12)
    found = [i for i in range(lo, first_body) if _is_meta_line(blocks[i].text)]
    for i in inside_meta:
        if i not in found:
            found.append(i)
    return sorted(found)


def _meta_after(blocks, last_body, already):
    """Some templates print date and source under the body: look a few lines past it."""
    found = []
    for i in range(last_body + 1, min(len(blocks), last_body + 7)):
        if blocks[i].boundary:
            break
        text = blocks[i].text
        if i not in already and _is_meta_line(text) and _has_date(text):
            found.append(i)
    return found


def _fill_date(result, meta_texts, blocks, title_index, first_body, head, url, fetched_at) -> None:
    lo = max(0, (title_index if title_index is not None else first_body) - 3)
    near_title = [blocks[i].text for i in range(lo, min(len(blocks), first_body + 1)) if len(blocks[i].text) <= 80]
    parsed, line = find_published(meta_texts, near_title, head, url, fetched_at)
    if line is not None:
        result.meta.append(line)
    if parsed:
        result.published, result.published_precision = parsed.value.isoformat(), parsed.precision
    else:
        result.reason = result.reason or "no publish time on the page (take it from the list page)"


def _names(chunk: str) -> list[str]:
    """Personal names at the start of ``chunk``, up to the first role word or non-name."""
    names = []
    for token in re.split(r"[\s?？、,，/]+", chunk):
        token = token.strip("()（）【】[]:：")
        if not token:
            continue
        folded = P.fold(token)
        if folded in ("摄", "供图", "图"):
            return []  # "记者 宋俊康 摄": those were the photographers
        if folded in P.NOT_NAMES or P.NAME_STOP.fullmatch(folded) or not P.NAME_RE.match(token):
            break
        names.append(token)
    return names


def _fill_people(result, meta_texts, paragraphs, head) -> None:
    """Source, authors and editors from meta lines and the body's first and last lines.

    Patterns run on the folded (simplified) text; the fold keeps offsets, so the value is
    sliced from the original and keeps the page's own script.
    """
    short_tail = [p for p in paragraphs[-3:] if len(p) <= 40]
    result.source = (
        _first_match(meta_texts, [P.SOURCE_RE])
        or _first_match(meta_texts + short_tail, [P.SOURCE_RE, P.BARE_SOURCE_RE])
        or head.get("meta:contentsource")
    )

    authors: list[str] = []
    for original in meta_texts:
        authors += _names_after(original, P.AUTHOR_META_RE)
    for text in paragraphs[:4]:  # photo stories open with captions
        authors += _names_after(text[:120], P.REPORTER_RE)
    for text in paragraphs[-3:]:
        authors += _names_after(text[-80:], P.REPORTER_RE)
    result.authors = list(dict.fromkeys(authors))

    editors: list[str] = []
    for original in meta_texts + [p for p in paragraphs[-4:] if len(p) <= 80]:
        editors += _names_after(original, P.EDITOR_RE)
    result.editors = list(dict.fromkeys(editors))


def _first_match(lines, regexes) -> str | None:
    for original in lines:
        folded = P.fold(original)
        for regex in regexes:
            match = regex.search(folded)
            if not match:
                continue
            value = _slice_original(original, folded, match.span(1)).strip("，,。;；")
            if value and "http" not in value and not find_datetime(value):
                return value
    return None


def _names_after(original: str, regex) -> list[str]:
    folded = P.fold(original)
    names: list[str] = []
    for match in regex.finditer(folded):
        if _PHOTO_AFTER.match(folded, match.end(1)):
            continue  # "（本报记者 宋俊康 摄）" names a photographer
        names += _names(_slice_original(original, folded, match.span(1)))
    return names


_PHOTO_AFTER = re.compile(r"\s*(?:摄(?!影)|供图)")


def _slice_original(original: str, folded: str, span) -> str:
    """The fold is length-preserving, so folded offsets index the original text."""
    return original[span[0]:span[1]]


# --------------------------------------------------------------------------- images


def _images(images, blocks, first, last, inside, url):
    found = []
    seen = set()
    for position, img in images:
        if not (first <= position <= last + 1) or img not in inside:
            continue
        src = _img_src(img)
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
            return P.squash(_text(cap))
    if position < len(blocks):
        text = blocks[position].text
        if len(text) <= 60 and ("摄" in P.fold(text) or "图" in text or text.startswith(("▲", "图为"))):
            return text
    alt = P.squash(img.get("alt") or img.get("title") or "")
    if alt and not re.search(r"\.(?:jpe?g|png|gif|webp)$", alt, re.I) and alt not in ("图片", "image", "img"):
        return alt
    return ""
