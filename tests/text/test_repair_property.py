"""Property: repair(clean) == clean, on clean text from a package corpus and the repaired seeds.

Clean text is assembled from jieba's dictionary words (a real word list shipped in a
package), sentences of the repaired seeds, English, numbers, URLs, legitimate parentheses
and real questions (with a question word).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import jieba
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delegation_crawler.text import repair

from tests.text.seeds import SEEDS


@lru_cache(maxsize=1)
def everyday_words() -> list[str]:
    words = []
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as lines:
        for line in lines:
            word, freq, *_ = line.split(" ")
            if int(freq) >= 2000 and re.fullmatch(r"[\u4e00-\u9fff]{1,4}", word):
                words.append(word)
    return words


@lru_cache(maxsize=1)
def seed_sentences() -> list[str]:
    if not SEEDS.is_dir():
        return ["巴中市党政代表团到我市考察。"]
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = repair(path.read_text(encoding="utf-8")).text
        sentences += [s + "。" for s in re.split(r"[。\n]", text) if len(s) >= 6]
    return sentences


EXTRAS = [
    "(记者 李秋玥)", "(DEA)", "(2020)", "（记者 王悦良）", "https://www.yybnet.net/chengdu/news/201707/7461349.html",
    "2017-07-29 07:34", "3.5%", "GDP增长7.2%", "Python 3.11", "你去哪里?", "这是为什么?", "他来了吗?",
    "Café au lait", "A股", "1,234,567", "“一带一路”", "《共建工业协作示范园框架协议》", "e.g. a, b, c",
    "记者 廖蓝蕾 陈凡逸", "发布时间:2020/9/9 18:21:58", "第6次会议", "Tel: 0839-8621937",
]
PUNCTUATION = ["，", "。", "、", "；", ",", " ", "\n", "：", "！"]

words = st.lists(st.sampled_from(everyday_words()), min_size=1, max_size=12).map("".join)
fragment = st.one_of(words, st.sampled_from(seed_sentences()), st.sampled_from(EXTRAS))
clean_text = st.lists(
    st.tuples(fragment, st.sampled_from(PUNCTUATION)).map("".join), min_size=1, max_size=12
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clean_text)
def test_repair_leaves_clean_text_alone(text):
    result = repair(text)
    assert result.text == text
    assert result.fixes == {}


def test_repair_is_idempotent_on_repaired_seeds():
    for sentence in seed_sentences():
        assert repair(sentence).text == sentence
