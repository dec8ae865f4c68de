"""People stage: source, authors and editors from meta lines and the body's first and last lines."""

from __future__ import annotations

import re

from delegation_crawler.news.dates import find_datetime

from . import patterns as P


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


def fill_people(result, meta_texts, paragraphs, head) -> None:
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

