"""Script conversion (OpenCC), loaded once per process: the one t2s and s2t in the project.

Outside ``text`` so that the event extractor converts script without importing the repair models.

Canonical fields are simplified (``to_simplified``); the corruption generator and the
misalignment scorer need the other direction (``to_traditional``).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=2)
def converter(config: str):
    """An OpenCC converter (``t2s`` or ``s2t``); building one costs a few milliseconds."""
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return converter("t2s").convert(text) if text else text


def to_traditional(text: str) -> str:
    return converter("s2t").convert(text) if text else text
