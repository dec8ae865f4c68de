"""A character unigram/bigram language model of Chinese, built from jieba's dictionary.

jieba ships a 349k-word frequency dictionary (dict.txt) compiled from real corpora; spreading
each word's frequency over its characters and in-word character pairs gives a usable
character model without bundling any corpus of our own (and without touching our fixtures).
Traditional characters are scored through a per-character t2s map, so the one model serves
both scripts. Used to tell garbled runs (mojibake, byte misalignment) from real text.
"""

from __future__ import annotations

import math
import operator
import os
import re
from collections import Counter
from functools import lru_cache

import jieba

from ..buildcache import cache_path, load_or_build
from delegation_crawler.script import converter

# Interpolation weight of the bigram estimate against the unigram one.
BIGRAM_WEIGHT = 0.6
# Weight of the document's own bigrams (a cache model: names repeat within an article).
CACHE_WEIGHT = 0.3


# jieba's dictionary has words only; punctuation gets a rough news-text prior (cost in nats,
# i.e. -log of its share among characters) so that a lost byte can still be resolved to the
# likely mark.
PUNCTUATION_COST = {
    "，": 3.0, "。": 3.6, "、": 4.6, "“": 5.2, "”": 5.2, "《": 5.6, "》": 5.6, "：": 5.8,
    "（": 6.2, "）": 6.2, "；": 7.0, "！": 7.5, "？": 7.8, "…": 8.5, "—": 8.5, "·": 8.5,
    "「": 9.0, "」": 9.0, "【": 9.0, "】": 9.0,
}


NEIGHBOURS = 60  # partners kept per character for lost-character guesses
SCRIPT_COST = 2.0  # a guessed character of the other script must be that much likelier
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LATIN1_HIGH = re.compile(r"[\x80-\xff]")
RARE_COST = 10.0  # unigram cost above which a character counts as rare (everyday ones: 4-9)
# Whitespace and punctuation of everyday Chinese text (not in the word dictionary).
EVERYDAY_SYMBOLS = "\u00a0\u2002\u2003\u3000·—–…‘’“”、。〈〉《》「」『』【】〔〕！＂＃＄％＆＇（）＊＋，－．／：；＜＝＞？＠［＼］＿｛｜｝～" + "".join(
    chr(c) for c in range(0xFF10, 0xFF1A)
)
LINE_FINAL = frozenset("。！？）”」』》…!?)")
LINE_MEDIAL = frozenset("，、：；（“「『《,:;(")


def _dictionary_path() -> str:
    return os.path.join(os.path.dirname(jieba.__file__), "dict.txt")


class CharModel:
    """Costs (negative natural log probabilities) of characters and character pairs."""

    def __init__(self, unigrams: Counter, bigrams: Counter, t2s: dict[str, str]):
        self.t2s = t2s
        self._memo: dict[str, float] = {}  # dictionary-only pair probabilities
        self.simplified_only = frozenset(t2s.values()) - frozenset(t2s)
        total = sum(unigrams.values())
        vocabulary = len(unigrams) + 1
        self._uni = {c: n for c, n in unigrams.items()}
        self._bi = bigrams
        self._total = total
        # Unknown characters: half a count, so that any known character beats them.
        self.unknown_cost = -math.log(0.5 / (total + vocabulary))
        self._first = Counter()
        for pair, n in bigrams.items():
            self._first[pair[0]] += n

    @property
    def everyday_table(self) -> dict[int, str]:
        """The everyday characters (as a str.translate-style table of code points)."""
        if self._everyday is None:
            table = {}
            for ch, n in self._uni.items():
                if len(ch) == 1 and -math.log(n / self._total) <= RARE_COST:
                    table[ord(ch)] = "\x01"
            for trad, simp in self.t2s.items():
                if ord(simp) in table:
                    table[ord(trad)] = "\x01"
            for ch in EVERYDAY_SYMBOLS:
                table[ord(ch)] = "\x01"
            self._everyday = table
        return self._everyday

    _everyday = None

    def suspicious_spans(self, text: str):
        """Start/end offsets of places with two rare characters close together, or a `?`/U+FFFD
        next to non-ASCII text: where garbled runs can be. Linear, mostly in C."""
        if text.isascii():
            return
        for match in self.suspicious_pattern.finditer(text):
            yield match.start(), match.end()

    @property
    def rare_pattern(self):
        """One non-ASCII character outside the everyday set (Latin-1 letters excluded: they are
        counted separately)."""
        self.suspicious_pattern  # builds both
        return self._rare

    _rare = None

    @property
    def suspicious_pattern(self):
        """Two rare non-ASCII characters at most two everyday ones apart, or a `?`/U+FFFD
        touching non-ASCII text. The everyday characters are compiled into the regex as a
        charset: one C-level scan of the text."""
        if self._suspicious is None:
            everyday = "".join(sorted(chr(c) for c in self.everyday_table))
            ranges, start, prev = [], None, None
            for ch in everyday:
                if prev is not None and ord(ch) == ord(prev) + 1:
                    prev = ch
                    continue
                if start is not None:
                    ranges.append((start, prev))
                start = prev = ch
            if start is not None:
                ranges.append((start, prev))
            charset = "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in ranges)
            rare = f"[^\\x00-\\x7f{charset}]"
            common = f"[{charset}]"
            wide = "[^\\x00-\\x7f?]"
            self._rare = re.compile(rare[:-1] + "\\x80-\\xff]")
            self._suspicious = re.compile(
                f"{rare}{common}{{0,2}}{rare}|[?\\ufffd](?={wide})|(?<={wide})[?\\ufffd]"
            )
        return self._suspicious

    _suspicious = None

    def script_counts(self, text: str) -> tuple[int, int]:
        """(traditional-only, simplified-only) character counts."""
        if self._script_table is None:
            table = {ord(c): "\x02" for c in self.t2s}
            table.update({ord(c): "\x03" for c in self.simplified_only})
            self._script_table = table
        marked = text.translate(self._script_table)
        return marked.count("\x02"), marked.count("\x03")

    _script_table = None

    def garbage_blocks(self, text: str, block: int = 2000, share: float = 0.35) -> set[int]:
        """Indexes of ``block``-sized stretches where rare characters exceed ``share`` of the
        non-ASCII ones: binary garbage or a whole wrong charset, not local damage."""
        found = set()
        for index in range(0, len(text), block):
            chunk = text[index : index + block]
            if chunk.isascii():
                continue
            wide = len(_NON_ASCII.findall(chunk))
            rare = len(self.rare_pattern.findall(chunk)) + len(_LATIN1_HIGH.findall(chunk))
            if rare / wide > share:
                found.add(index // block)
        return found

    def script_cost(self, ch: str, traditional: bool) -> float:
        """A small cost for a character of the other script (ties between 议 and 議)."""
        if traditional:
            return SCRIPT_COST if ch in self.simplified_only else 0.0
        return SCRIPT_COST if ch in self.t2s else 0.0

    def neighbours(self, left: str, right: str) -> set[str]:
        """Characters seen in a word after ``left`` or before ``right`` (guess candidates)."""
        if self._after is None:
            after, before = {}, {}
            for pair, n in self._bi.items():
                after.setdefault(pair[0], []).append((n, pair[1]))
                before.setdefault(pair[1], []).append((n, pair[0]))
            # Keep the most frequent partners only: bounded work per guess.
            self._after = {a: [c for _, c in sorted(v, reverse=True)[:NEIGHBOURS]] for a, v in after.items()}
            self._before = {b: [c for _, c in sorted(v, reverse=True)[:NEIGHBOURS]] for b, v in before.items()}
        t2s = self.t2s
        found = set(self._after.get(t2s.get(left, left), ()))
        found.update(self._before.get(t2s.get(right, right), ()))
        return found

    _after = _before = None

    @property
    def t2s_table(self) -> dict[int, str]:
        if self._t2s_table is None:
            self._t2s_table = {ord(t): s for t, s in self.t2s.items()}
        return self._t2s_table

    _t2s_table = None

    def simplified(self, ch: str) -> str:
        return self.t2s.get(ch, ch)

    @lru_cache(maxsize=200_000)
    def unigram_cost(self, ch: str) -> float:
        n = self._uni.get(self.t2s.get(ch, ch))
        return -math.log(n / self._total) if n else self.unknown_cost

    def pair_known(self, pair: str) -> bool:
        """Whether a (simplified) character pair occurs inside some dictionary word."""
        return pair in self._bi

    def known(self, ch: str) -> bool:
        return self.t2s.get(ch, ch) in self._uni

    def probability(self, prev: str, ch: str, cache: Counter | None = None) -> float:
        t2s = self.t2s
        a, b = t2s.get(prev, prev), t2s.get(ch, ch)
        pair = a + b
        p = self._memo.get(pair)
        if p is None:
            p = self._uni.get(b, 0.5) / self._total
            first = self._first.get(a)
            if first:
                p = (1 - BIGRAM_WEIGHT) * p + BIGRAM_WEIGHT * self._bi.get(pair, 0) / first
            if len(self._memo) > 1_000_000:
                self._memo.clear()
            self._memo[pair] = p
        if cache is not None:
            seen_after = cache.get(a)
            if seen_after:
                p = (1 - CACHE_WEIGHT) * p + CACHE_WEIGHT * cache.get(pair, 0) / seen_after
        return p

    def cost(self, prev: str, ch: str, cache: Counter | None = None) -> float:
        """-log P(ch | prev); prev may be any character (non-Han contexts fall back to unigrams)."""
        return -math.log(self.probability(prev, ch, cache))

    def end_cost(self, ch: str) -> float:
        """-log P(line ends | ch): a line ends on 。）” or a Han character, rarely on ，、（."""
        if ch in LINE_FINAL:
            return 0.7
        if ch in LINE_MEDIAL:
            return 8.0
        return 3.0

    def next_cost(self, ch: str, right: str, cache=None) -> float:
        """Cost of what follows ``ch``: the next character, or the end of the line."""
        if right in ("", "\n", "\r"):
            return self.end_cost(ch)
        return self.cost(ch, right, cache)

    def text_cost(self, prev: str, text: str, cache: Counter | None = None) -> float:
        total = 0.0
        for ch in text:
            total += self.cost(prev, ch, cache)
            prev = ch
        return total


def document_cache(text: str, model: CharModel) -> Counter:
    """Counts of the document's own character pairs (key "ab") and characters (key "a"),
    in simplified script. Built with C-level loops: linear and fast."""
    simplified = text.translate(model.t2s_table)
    counts = Counter(map(operator.add, simplified, simplified[1:]))
    counts.update(simplified)
    return counts


def _t2s_map() -> dict[str, str]:
    """Single-character t2s mapping for every GBK/Big5 character OpenCC changes."""
    chars = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            for codec in ("gbk", "big5hkscs"):
                try:
                    ch = bytes((lead, trail)).decode(codec)
                except UnicodeDecodeError:
                    continue
                if len(ch) == 1 and ch >= "\u3400":
                    chars.add(ch)
    ordered = sorted(chars)
    converted = converter("t2s").convert("\n".join(ordered)).split("\n")
    return {t: s for t, s in zip(ordered, converted) if len(s) == 1 and s != t}


MODEL_FORMAT = 1  # bump when the counts below change meaning


def _cache_path() -> str:
    """Where the built counts are kept between processes (keyed by the dictionary file)."""
    import opencc

    return cache_path("charmodel", _dictionary_path(), MODEL_FORMAT, "-" + getattr(opencc, "__version__", ""))


def _build_counts() -> tuple[Counter, Counter, dict[str, str]]:
    unigrams: Counter = Counter()
    bigrams: Counter = Counter()
    with open(_dictionary_path(), encoding="utf-8") as lines:
        for line in lines:
            parts = line.split(" ")
            if len(parts) < 2:
                continue
            word, freq = parts[0], int(parts[1])
            for ch in word:
                unigrams[ch] += freq
            for i in range(len(word) - 1):
                bigrams[word[i : i + 2]] += freq
    total = sum(unigrams.values())
    for mark, cost in PUNCTUATION_COST.items():
        unigrams[mark] = max(1, int(total * math.exp(-cost)))
    return unigrams, bigrams, _t2s_map()


@lru_cache(maxsize=1)
def model() -> CharModel:
    """The shared model: built once per process (about 1.5 s), or loaded from the pickle a
    previous process left in the cache folder (about 0.4 s). A broken cache is rebuilt."""
    try:
        path = _cache_path()
    except OSError:
        path = None
    unigrams, bigrams, t2s = load_or_build(path, lambda: tuple(map(_plain, _build_counts())))
    return CharModel(Counter(unigrams), Counter(bigrams), t2s)


def _plain(value):
    return dict(value) if isinstance(value, Counter) else value
