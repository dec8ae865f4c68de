"""The portals' damage mechanisms, applied programmatically to clean text.

Used by the round-trip tests and ``bench/repair_cer.py``: corrupt clean text one way, repair
it, measure the character error rate against the clean text. Every function takes a
``random.Random`` so runs are reproducible.
"""

from __future__ import annotations

import difflib
import random
import re
from delegation_crawler.script import converter

HAN = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE = re.compile(r"[^，。、；：,.;:\s“”《》（）()]{4,}")


def to_traditional(text: str) -> str:
    return converter("s2t").convert(text)


def add_pinyin_residue(simplified: str) -> tuple[str, str]:
    """The script-converting mirror: s2t, and every converted character annotated with its
    pinyin. Returns (clean traditional text, damaged text)."""
    from pypinyin import Style, pinyin

    traditional = to_traditional(simplified)
    readings = {}  # position -> reading in context (了 in 了解 is liǎo)
    for run in re.finditer(r"[\u4e00-\u9fff]+", simplified):
        for offset, item in enumerate(pinyin(run.group(0), style=Style.TONE)):
            readings[run.start() + offset] = item[0]
    out = []
    for i, (simp, trad) in enumerate(zip(simplified, traditional)):
        out.append(trad)
        if trad != simp and i in readings:
            out.append("(" + readings[i] + ")")
    if len(simplified) != len(traditional):  # a phrase conversion changed the length
        return traditional, traditional
    return traditional, "".join(out)


def drop_gbk_byte(text: str, rng: random.Random) -> str:
    """GBK-encode, drop one byte inside a random Han character, decode (bad bytes → U+FFFD)."""
    positions = [m.start() for m in HAN.finditer(text)]
    if not positions:
        return text
    index = rng.choice(positions)
    head, char, tail = text[:index].encode("gbk"), text[index].encode("gbk"), text[index + 1 :].encode("gbk")
    keep = char[1:] if rng.random() < 0.5 else char[:1]
    return (head + keep + tail).decode("gbk", errors="replace")


def _browser_single_byte(data: bytes) -> str:
    """Bytes read as windows-1252 the way browsers do (undefined bytes → C1 controls)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def mojibake_span(text: str, rng: random.Random, path: str) -> str:
    """Re-decode one random clause with the wrong charset: path is "utf8_as_gbk",
    "gbk_as_latin1" or "utf8_as_latin1"."""
    clauses = list(_CLAUSE.finditer(text))
    if not clauses:
        return text
    m = rng.choice(clauses)
    span = m.group(0)
    if path == "utf8_as_gbk":
        damaged = span.encode("utf-8").decode("gbk", errors="replace")
    elif path == "gbk_as_latin1":
        damaged = _browser_single_byte(span.encode("gbk"))
    elif path == "utf8_as_latin1":
        damaged = _browser_single_byte(span.encode("utf-8"))
    else:
        raise ValueError(f"unknown mojibake path {path!r}")
    return text[: m.start()] + damaged + text[m.end() :]


def insert_no_break_spaces(text: str, rng: random.Random, count: int) -> str:
    """Clean text with byline-like no-break spaces between Han characters."""
    chars = list(text)
    slots = [i for i in range(1, len(chars)) if HAN.match(chars[i - 1]) and HAN.match(chars[i])]
    for i in sorted(rng.sample(slots, min(count, len(slots))), reverse=True):
        chars.insert(i, "\u00a0")
    return "".join(chars)


def no_break_space_to_question_mark(text: str) -> str:
    """A GBK page cannot encode U+00A0: the portal wrote `?`."""
    return text.replace("\u00a0", "?")


def insert_doubled_commas(text: str, rng: random.Random, rate: float = 0.5) -> str:
    """Glue an ASCII comma before punctuation that follows a Han character."""
    return re.sub(
        r"(?<=[\u4e00-\u9fff])(?=[,，、。])",
        lambda m: "," if rng.random() < rate else "",
        text,
    )


def character_error_rate(produced: str, reference: str) -> float:
    """Edit operations (upper bound from difflib opcodes) per reference character."""
    if not reference:
        return 0.0 if not produced else 1.0
    matcher = difflib.SequenceMatcher(None, produced, reference, autojunk=False)
    errors = sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )
    return errors / len(reference)


def clean_paragraphs(texts: list[str]) -> list[str]:
    """Prose paragraphs of repaired texts, simplified, spaces plain: the clean reference."""
    from delegation_crawler.text.repair import repair, to_simplified

    paragraphs = []
    for text in texts:
        for line in to_simplified(repair(text).text).splitlines():
            line = line.replace("\u00a0", " ").replace("\u2003", " ").strip()
            if len(line) >= 40 and line.count("，") + line.count(",") >= 2:
                paragraphs.append(line)
    return paragraphs


def round_trip_cases(paragraphs: list[str], seed: int = 7):
    """(class, clean, damaged) for every paragraph and damage mechanism."""
    rng = random.Random(seed)
    for clean in paragraphs:
        traditional, annotated = add_pinyin_residue(clean)
        yield "pinyin_residue", traditional, annotated
        for path in ("utf8_as_gbk", "gbk_as_latin1", "utf8_as_latin1"):
            yield f"mojibake_{path}", clean, mojibake_span(clean, rng, path)
        yield "gbk_misalignment", clean, drop_gbk_byte(clean, rng)
        yield "gbk_misalignment (traditional)", traditional, drop_gbk_byte(traditional, rng)
        spaced = insert_no_break_spaces(clean, rng, 3)
        yield "lost_character", spaced, no_break_space_to_question_mark(spaced)
        yield "doubled_punctuation", clean, insert_doubled_commas(clean, rng)


def measure_round_trips(paragraphs: list[str], seed: int = 7) -> dict[str, tuple[int, float, float]]:
    """class -> (cases, CER of the damaged text, CER after repair), over all characters."""
    from delegation_crawler.text.repair import repair

    totals: dict[str, list] = {}
    for kind, clean, damaged in round_trip_cases(paragraphs, seed):
        row = totals.setdefault(kind, [0, 0.0, 0.0, 0])
        row[0] += 1
        row[1] += character_error_rate(damaged, clean) * len(clean)
        row[2] += character_error_rate(repair(damaged).text, clean) * len(clean)
        row[3] += len(clean)
    return {k: (n, before / chars, after / chars) for k, (n, before, after, chars) in totals.items()}
