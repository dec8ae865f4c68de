"""Acceptance on the five seed texts: every damage class repaired, expected strings hold."""

from __future__ import annotations

import re

import pytest

from delegation_crawler.text import repair, to_simplified
from delegation_crawler.text.pinyin import TONE_LETTERS

from tests.text.seeds import expected, seed_texts

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
PINYIN_RESIDUE = re.compile(rf"[{HAN}][(（][a-z{TONE_LETTERS}]+[)）]")
QUESTION_BETWEEN_HAN = re.compile(rf"[{HAN}] ?\? ?[{HAN}]")
DOUBLED = re.compile(r"[,，][,，、。]")

# expected.jsonl strings that repair is responsible for. The others (【原标题】 and editor
# lines, 002-004's site chrome) are removed by the article-fields step, not by repair.
REPAIR_EXCLUDES = {
    "000_54cda5ca0dd2751a.txt": ["(wǎng)", "?shù)"],
    "001_cff38797c6928161.txt": [",,", ",、", ",。", "(wǎng)"],
}


@pytest.fixture(scope="module")
def repaired():
    return {name: repair(text) for name, text in seed_texts().items()}


def test_all_five_seeds_are_present(repaired):
    assert len(repaired) == 5


def test_no_pinyin_residue_question_marks_or_doubled_punctuation_remain(repaired):
    for name, result in repaired.items():
        assert not PINYIN_RESIDUE.search(result.text), name
        assert not QUESTION_BETWEEN_HAN.search(result.text), name
        assert not DOUBLED.search(result.text), name


def test_seed_000_misalignment_is_realigned(repaired):
    result = repaired["000_54cda5ca0dd2751a.txt"]
    assert "贏得了當地干部群眾的交口稱贊。" in result.text
    assert result.fixes["gbk_misalignment"] == 1


def test_seed_004_byline_tail_is_realigned(repaired):
    result = repaired["004_29e6a95d79ed7dd2.txt"]
    assert "全媒體記者 楊俊）" in result.text
    assert result.fixes["gbk_misalignment"] == 1


def test_repair_keeps_traditional_script(repaired):
    assert "代表團到我市考察" in repaired["000_54cda5ca0dd2751a.txt"].text
    assert "代表团到我市考察" not in repaired["000_54cda5ca0dd2751a.txt"].text


def test_clean_seeds_need_no_repair(repaired):
    for name in ("002_a53d50f8d4c75885.txt", "003_044381c29e18b771.txt"):
        assert repaired[name].fixes == {}
        assert repaired[name].text == seed_texts()[name]


def test_expected_body_strings_hold_on_the_simplified_repaired_text(repaired):
    rows = expected()
    for name, result in repaired.items():
        simplified = to_simplified(result.text)
        for wanted in rows[name]["body_contains"]:
            assert wanted in simplified, (name, wanted)
        for unwanted in REPAIR_EXCLUDES.get(name, []):
            assert unwanted not in result.text, (name, unwanted)


def test_byline_question_marks_become_no_break_spaces(repaired):
    text = repaired["000_54cda5ca0dd2751a.txt"].text
    assert text.startswith("自貢網記者\u00a0廖藍蕾\u00a0陳凡逸 \u00a0攝影 \u00a0羅祥瑞\n")
