"""Block stage: the page as a sequence of text blocks, each scored as prose or chrome."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree as etree

from . import patterns as P
from .clean import all_text


BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr html li main menu nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul caption".split()
)


_SENTENCE_PUNCT = re.compile(r"[，。；！？、：“”,;!?]")


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


def linearise(root):
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
    block.cjk = len(P.CJK.findall(text))
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
                    average = sum(len(P.CJK.findall(all_text(sib))) for sib in same) / len(same)
                    verdict = average < 60
        cache[el] = verdict
        if verdict:
            return True
        el = el.getparent()
    return False

