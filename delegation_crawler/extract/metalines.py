"""Meta-line stage: the short lines around the headline and under the body (date, source, editors)."""

from __future__ import annotations

import re

from delegation_crawler.news.dates import find_datetime
from delegation_crawler.news.bylines import is_credit_line
from delegation_crawler.news.labels import META_WORDS

from . import patterns as P


def is_meta_line(text: str) -> bool:
    if len(text) > 160 or "。" in text:
        return False
    folded = P.fold(text)
    has_label = META_WORDS.search(folded) is not None
    has_date = find_datetime(folded) is not None
    if has_date and (has_label or len(text) <= 40):
        return True
    return has_label and bool(re.match(r"^\s*[【\[(（]?\s*(?:来源|稿源|作者|时间|发布|日期|编辑|责任编辑|浏览|阅读|点击)\s*[:：]", folded)) and len(text) <= 80


def has_date(text: str) -> bool:
    return find_datetime(P.fold(text)) is not None


def meta_lines_between(blocks, title_index, first_body, inside_meta):
    """Meta-looking lines between the headline and the body, plus those inside the body."""
    lo = title_index + 1 if title_index is not None else max(0, first_body - 12)
    found = [i for i in range(lo, first_body) if is_meta_line(blocks[i].text)]
    for i in inside_meta:
        if i not in found:
            found.append(i)
    return sorted(found)


def meta_lines_after(blocks, last_body, already):
    """Some templates print date and source, or the editor line, just under the body (outside
    its box, as in ``<div class="editor">责任编辑:张琳</div>``): look a few lines past it."""
    found = []
    for i in range(last_body + 1, min(len(blocks), last_body + 7)):
        if blocks[i].boundary:
            break
        text = blocks[i].text
        if i in already:
            continue
        if (is_meta_line(text) and has_date(text)) or (len(text) <= 40 and is_credit_line(text)) or (
                len(text) <= 40 and _EDITOR_LINE.match(P.fold(text))):
            found.append(i)
    return found


_EDITOR_LINE = re.compile(r"^\s*[【\[(（]?\s*(?:责任编辑|值班编辑|编辑|责编|审核|校对)\s*[:：]\s*[\u4e00-\u9fff]{2,4}")

