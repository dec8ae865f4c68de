"""``repair(text)``: undo the text damage the portals show, one counted step per class.

Order matters: Latin-1 and UTF-8/GBK mojibake first (they create the characters the other
steps look at), then pinyin residue (its `(pīn)` would hide a misaligned run's left edge),
then GBK byte misalignment (which uses `?` markers as lost bytes), then lost-character `?`
(the markers misalignment did not explain), then doubled punctuation. Repair never converts
script; ``to_simplified`` gives the canonical simplified form for its own field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from delegation_crawler.text.lm import model
from delegation_crawler.text.misalignment import fix_misalignment
from delegation_crawler.text.mojibake import fix_latin1_mojibake, fix_utf8_read_as_gbk
from delegation_crawler.text.pinyin import remove_pinyin_residue
from delegation_crawler.text.punctuation import drop_doubled_punctuation, restore_lost_spaces
from delegation_crawler.script import converter

FIX_CLASSES = (
    "mojibake_gbk_as_latin1",
    "mojibake_utf8_as_latin1",
    "mojibake_utf8_as_gbk",
    "pinyin_residue",
    "gbk_misalignment",
    "lost_character",
    "doubled_punctuation",
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
SCRIPT_SAMPLE = 50_000


@dataclass(frozen=True)
class RepairResult:
    text: str
    fixes: dict[str, int] = field(default_factory=dict)  # class -> count, non-zero only


def is_traditional(text: str) -> bool:
    """Whether the text is mostly in traditional script (breaks ties between 议 and 議)."""
    traditional, simplified = model().script_counts(text[:SCRIPT_SAMPLE])
    return traditional > simplified


def repair(text: str, document: str | None = None) -> RepairResult:
    """Repair every damage class in ``text``; never raises on str input.

    ``document``: the whole page when ``text`` is one of its fields, so that guesses of lost
    bytes can use the page's own words and script (the pipeline passes it).
    """
    if not isinstance(text, str):
        raise TypeError(f"repair() takes str, not {type(text).__name__}")
    if document is not None and not isinstance(document, str):
        raise TypeError(f"repair() takes a str document, not {type(document).__name__}")
    if not text or text.isascii() and "?" not in text and ",," not in text:
        return RepairResult(text, {})
    lm = model()
    fixes: dict[str, int] = {}

    def count(kind: str, n: int) -> None:
        if n:
            fixes[kind] = fixes.get(kind, 0) + n

    text, latin = fix_latin1_mojibake(text, lm)
    for kind, n in latin.items():
        count(kind, n)
    # The model-scored passes only run where rare characters or markers cluster.
    traditional = None
    if _has_suspicious_spot(text, lm):
        traditional = is_traditional(document or text)
        text, n = fix_utf8_read_as_gbk(text, lm, traditional)
        count("mojibake_utf8_as_gbk", n)
    text, n = remove_pinyin_residue(text)
    count("pinyin_residue", n)
    if _has_suspicious_spot(text, lm):
        if traditional is None:
            traditional = is_traditional(document or text)
        text, n = fix_misalignment(text, lm, traditional, document)
        count("gbk_misalignment", n)
    text, n = restore_lost_spaces(text)
    count("lost_character", n)
    text, n = drop_doubled_punctuation(text)
    count("doubled_punctuation", n)
    return RepairResult(text, fixes)


def _has_suspicious_spot(text: str, lm) -> bool:
    return next(iter(lm.suspicious_spans(text)), None) is not None


def to_simplified(text: str) -> str:
    """Canonical simplified form (OpenCC t2s) for dedupe and extraction; lone surrogates kept."""
    if not text or text.isascii():
        return text
    t2s = converter("t2s")
    if not _SURROGATE.search(text):
        return t2s.convert(text)
    pieces = _SURROGATE.split(text)
    marks = _SURROGATE.findall(text)
    out = [t2s.convert(pieces[0])]
    for mark, piece in zip(marks, pieces[1:]):
        out.append(mark)
        out.append(t2s.convert(piece))
    return "".join(out)
