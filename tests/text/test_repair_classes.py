"""One test group per damage class, on small hand-made inputs (no seeds needed)."""

from __future__ import annotations

import random

from delegation_crawler.text import corruption, repair, to_simplified
from delegation_crawler.text.lm import model
from delegation_crawler.text.misalignment import fix_misalignment
from delegation_crawler.text.mojibake import fix_latin1_mojibake, fix_utf8_read_as_gbk
from delegation_crawler.text.pinyin import remove_pinyin_residue
from delegation_crawler.text.punctuation import drop_doubled_punctuation, restore_lost_spaces

SENTENCE = "巴中市党政代表团到我市考察，两市签署了合作协议，共同推进产业转移培育。"


def test_utf8_read_as_gbk_is_re_decoded_in_place():
    damaged = "地址：" + "自贡市汇东新区".encode("utf-8").decode("gbk", "replace") + "，电话"
    text, count = fix_utf8_read_as_gbk(damaged, model())
    assert text == "地址：自贡市汇东新区，电话"
    assert count == 1


def test_gbk_read_as_latin1_is_re_decoded():
    text, counts = fix_latin1_mojibake("ÏûÏ¢£º代表团", model())
    assert text == "消息：代表团"
    assert counts["mojibake_gbk_as_latin1"] == 1


def test_utf8_read_as_latin1_is_re_decoded_and_latin_words_stay():
    text, counts = fix_latin1_mojibake("æ–°é—» Café Müller São Paulo", model())
    assert text == "新闻 Café Müller São Paulo"
    assert counts["mojibake_utf8_as_latin1"] == 1


def test_mixed_mojibake_in_one_text():
    damaged = "ÏûÏ¢£º" + "两市签署合作协议".encode("utf-8").decode("gbk", "replace") + "。æ–°é—»"
    result = repair(damaged)
    assert result.text == "消息：两市签署合作协议。新闻"
    assert set(result.fixes) == {"mojibake_gbk_as_latin1", "mojibake_utf8_as_gbk", "mojibake_utf8_as_latin1"}


def test_pinyin_residue_removed_only_when_it_is_the_characters_reading():
    text, count = remove_pinyin_residue("自貢網(wǎng)記者 團(tuán)隊 長(zhǎng)江 好(wǎng) (記者 李秋玥)(DEA)(2020)")
    assert text == "自貢網記者 團隊 長江 好(wǎng) (記者 李秋玥)(DEA)(2020)"
    assert count == 3


def test_misalignment_of_a_dropped_byte_is_realigned():
    clean = "会上，双方共同推进产业转移培育，搭建科技创新平台"
    data = clean.encode("gbk")
    cut = data.index("产".encode("gbk"))  # lose the lead byte of 产
    damaged = (data[:cut] + data[cut + 1 :]).decode("gbk", "replace")
    assert damaged != clean
    text, count = fix_misalignment(damaged, model())
    assert count == 1
    assert corruption.character_error_rate(text, clean) <= 1 / len(clean)
    assert "业转移培育" in text


def test_lost_character_question_marks_become_no_break_spaces_but_questions_stay():
    text, count = restore_lost_spaces("記者?廖藍蕾?陳凡逸 ?攝影。你去哪里?我不知道。为什么?因为下雨")
    assert text == "記者\u00a0廖藍蕾\u00a0陳凡逸 \u00a0攝影。你去哪里?我不知道。为什么?因为下雨"
    assert count == 3


def test_doubled_punctuation():
    text, count = drop_doubled_punctuation("4月29日,,重慶市榮昌區,深入學習,,全面落實,副書記,、區長,新篇章,。a,,b")
    assert text == "4月29日,重慶市榮昌區,深入學習,全面落實,副書記、區長,新篇章。a,,b"
    assert count == 4


def test_repair_counts_every_class_and_keeps_traditional_script():
    damaged = "自貢網(wǎng)記者?廖藍蕾 4月29日,,兩市簽署協議"
    result = repair(damaged)
    assert result.text == "自貢網記者\u00a0廖藍蕾 4月29日,兩市簽署協議"
    assert result.fixes == {"pinyin_residue": 1, "lost_character": 1, "doubled_punctuation": 1}


def test_to_simplified_is_a_separate_step():
    assert to_simplified("當地干部群眾的交口稱贊") == "当地干部群众的交口称赞"
    assert to_simplified("") == ""
    assert to_simplified("a\ud800當") == "a\ud800当"


def test_corruption_helpers_damage_text():
    rng = random.Random(3)
    assert corruption.drop_gbk_byte(SENTENCE, rng) != SENTENCE
    assert corruption.insert_doubled_commas(SENTENCE, rng, rate=1.0).count(",") >= 2
    traditional, annotated = corruption.add_pinyin_residue("代表团")
    assert traditional == "代表團" and annotated == "代表團(tuán)"
