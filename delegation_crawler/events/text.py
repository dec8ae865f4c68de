"""Text preparation for event parsing: simplified script, one punctuation style, sentences.

Parsing works on a canonical copy (OpenCC t2s, full-width punctuation, doubled commas
collapsed) so the patterns are written once; the article's own text is never changed.
"""

from __future__ import annotations

import re

from ..script import converter

_HALF_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"})
_DOUBLED = re.compile(r"[，、；。：][，、；。]+")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
# ASCII digits only: full-width digits are folded so that dates parse.
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# Variant forms OpenCC's t2s leaves alone but place names need (陜西 is printed for 陕西).
_VARIANTS = str.maketrans({"陜": "陕"})

PUNCT = "，。；：、！？（）《》“”‘’\"'\n "


def _t2s():
    return converter("t2s")


def simplified(text: str) -> str:
    """Traditional -> simplified script (a no-op on simplified text)."""
    return _t2s().convert(text) if text else ""


def canonical(text: str) -> str:
    """Simplified script, full-width punctuation, runs of punctuation collapsed.

    A half-width ``?`` between two Han characters is a space the page could not encode
    (seed 000), so it becomes a space rather than a question mark.
    """
    text = simplified(text or "").translate(_DIGITS).translate(_VARIANTS)
    text = re.sub(r"(?<=[\u4e00-\u9fff])\?(?=[\u4e00-\u9fff])", " ", text)
    text = text.translate(_HALF_TO_FULL)
    # Seed 001's damage puts a comma before the real mark (",、" ",。" ",,"): keep the last.
    text = _DOUBLED.sub(lambda m: m.group(0)[-1], text)
    text = _SPACES.sub(" ", text)
    return text.strip()


MAX_SENTENCE = 1000  # longer runs without a full stop are cut, keeping every pattern linear


# A long line broken inside a sentence (a page's hard wrap: 大庆市\n党政考察团): rejoined.
_WRAPPED = re.compile(r"(?<=[^\n。！？：]{20}[\u4e00-\u9fff，、])\n(?=[\u4e00-\u9fff])")


def sentences(text: str) -> list[str]:
    """Sentences ending at 。！？ or a line break, stripped, empty ones dropped."""
    out = []
    for sentence in _SENTENCE.findall(_WRAPPED.sub("", text)):
        sentence = sentence.strip()
        if not sentence.strip(" 。！？"):
            continue
        out.extend(sentence[i: i + MAX_SENTENCE] for i in range(0, len(sentence), MAX_SENTENCE))
    return out
