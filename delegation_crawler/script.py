"""Script conversion (OpenCC), loaded once per process: the one t2s and s2t in the project.

Outside ``text`` so that the event extractor converts script without importing the repair models.

Canonical fields are simplified (``to_simplified``); the corruption generator and the
misalignment scorer need the other direction (``to_traditional``).
"""

from __future__ import annotations

import re
from functools import lru_cache

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class _Converter:
    """OpenCC, fed only text it can encode: a lone surrogate (from a broken page or a fuzzer)
    becomes U+FFFD instead of raising UnicodeEncodeError deep inside the extractor."""

    def __init__(self, opencc_converter):
        self._convert = opencc_converter.convert

    def convert(self, text: str) -> str:
        if _LONE_SURROGATE.search(text):
            text = _LONE_SURROGATE.sub("\ufffd", text)
        return self._convert(text)


@lru_cache(maxsize=2)
def converter(config: str) -> _Converter:
    """An OpenCC converter (``t2s`` or ``s2t``); building one costs a few milliseconds."""
    import opencc

    return _Converter(opencc.OpenCC(config))


def to_simplified(text: str) -> str:
    return converter("t2s").convert(text) if text else text


def to_traditional(text: str) -> str:
    return converter("s2t").convert(text) if text else text
