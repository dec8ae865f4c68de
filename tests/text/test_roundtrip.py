"""Corruption round trips: damage clean seed paragraphs per class, repair, measure CER."""

from __future__ import annotations

import pytest

from delegation_crawler.text import corruption

from tests.text.seeds import seed_texts

TARGET = {"gbk_misalignment": 0.02, "gbk_misalignment (traditional)": 0.02}
DEFAULT_TARGET = 0.005


@pytest.fixture(scope="module")
def results():
    paragraphs = corruption.clean_paragraphs(list(seed_texts().values()))
    assert len(paragraphs) >= 20
    return corruption.measure_round_trips(paragraphs)


def test_every_class_was_exercised_and_damaged(results):
    assert set(results) == {
        "pinyin_residue", "mojibake_utf8_as_gbk", "mojibake_gbk_as_latin1", "mojibake_utf8_as_latin1",
        "gbk_misalignment", "gbk_misalignment (traditional)", "lost_character", "doubled_punctuation",
    }
    for kind, (cases, before, _after) in results.items():
        assert cases >= 20 and before > 0.005, kind


def test_character_error_rate_after_repair_is_under_target(results):
    for kind, (_cases, _before, after) in results.items():
        assert after < TARGET.get(kind, DEFAULT_TARGET), (kind, after)


def test_character_error_rate_measure():
    assert corruption.character_error_rate("abc", "abc") == 0
    assert corruption.character_error_rate("abd", "abc") == pytest.approx(1 / 3)
    assert corruption.character_error_rate("", "") == 0
