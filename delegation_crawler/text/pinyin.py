"""Pinyin residue: ``網(wǎng)`` — a Han character followed by its own tone-marked reading.

A script-converting mirror annotated converted characters with their pinyin. The
annotation is removed only when it is a reading of the character it follows (pypinyin,
all heteronyms), so ``(记者 李秋玥)``, ``(DEA)``, ``(2020)`` or a pinyin gloss of some other
word stay.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, pinyin

TONE_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ"
_RESIDUE = re.compile(
    r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])"
    r"[(（]([a-z" + TONE_LETTERS + r"\u0300-\u030c]{1,8})[)）]"
)


@lru_cache(maxsize=50_000)
def readings(char: str) -> frozenset[str]:
    """All tone-marked readings pypinyin knows for one character (traditional included)."""
    found = set()
    for item in pinyin(char, style=Style.TONE, heteronym=True, errors="ignore"):
        found.update(item)
    from delegation_crawler.text.lm import model

    simplified = model().simplified(char)
    if simplified != char:
        for item in pinyin(simplified, style=Style.TONE, heteronym=True, errors="ignore"):
            found.update(item)
    return frozenset(found)


def remove_pinyin_residue(text: str) -> tuple[str, int]:
    """Drop ``(pinyin)`` after a character when it is that character's reading."""
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        char, syllable = match.group(1), unicodedata.normalize("NFC", match.group(2))
        if syllable in readings(char):
            count += 1
            return char
        return match.group(0)

    if "(" not in text and "（" not in text:
        return text, 0
    return _RESIDUE.sub(replace, text), count
