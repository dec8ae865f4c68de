"""Bad input never raises and comes back as a str (timings live in bench/repair.py)."""

from __future__ import annotations

import random

import pytest

from delegation_crawler.text import repair, to_simplified

RNG = random.Random(20)
GARBAGE = bytes(RNG.getrandbits(8) for _ in range(200_000))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "?",
        ",,",
        "\ud800",
        "中\udfff文?字",
        "記者?\ud83d廖藍蕾",
        "".join(chr(c) for c in range(32)) * 10 + "中?文,,。",
        "\ufffd" * 50 + "中\ufffd文",
        "(wǎng)" * 20,
        "網(" * 1000,
        "?" * 10_000 + "中" * 10_000,
        GARBAGE.decode("latin-1"),
        GARBAGE.decode("gbk", errors="replace"),
        GARBAGE.decode("utf-8", errors="surrogateescape"),
        GARBAGE.decode("utf-8", errors="replace"),
    ],
    ids=lambda t: repr(t[:12]),
)
def test_bad_input_does_not_raise(text):
    result = repair(text)
    assert isinstance(result.text, str)
    assert all(isinstance(n, int) and n > 0 for n in result.fixes.values())
    assert isinstance(to_simplified(result.text), str)


def test_non_string_is_a_clear_error():
    with pytest.raises(TypeError):
        repair(b"bytes")  # type: ignore[arg-type]


def test_lone_surrogates_survive_unchanged():
    text = "當地\ud800幹部"
    assert repair(text).text == text
    assert to_simplified(text) == "当地\ud800干部"
