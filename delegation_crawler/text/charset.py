"""Pick the charset under which a page's bytes read as plausible Chinese text.

Portals declare charsets wrongly (an HTTP header saying utf-8 or ISO-8859-1 over GBK bytes,
gb2312 over GBK-only characters, nothing at all). A wrong decoding is easy to see in the
result: U+FFFD replacement characters (bytes invalid in the claimed charset), Latin-1
letters, kana or box-drawing symbols (GBK/Big5 bytes read as cp1252 or as each other), or a
flood of rare Han characters (UTF-8 bytes read as GBK). ``implausibility`` measures that
share; ``choose_charset`` compares candidate decodings by it. No Scrapy imports: the
downloader middleware is a thin adapter over this module.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

from w3lib.encoding import resolve_encoding

# Score at most this many characters: enough for a verdict, bounded time on huge bodies.
SCORE_LIMIT = 200_000
# Below this the current decoding is accepted without trying others.
ACCEPTABLE = 0.15

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:\-]+)", re.I)
_META_CHARSET = re.compile(
    rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I
)
# Tone-marked pinyin vowels show up in real pages (pinyin annotations): half weight.
_PINYIN_VOWELS = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ")


def _decode_range(encoding: str, leads: range, trails: range) -> set[str]:
    chars = set()
    for lead in leads:
        for trail in trails:
            try:
                chars.add(bytes((lead, trail)).decode(encoding))
            except UnicodeDecodeError:
                pass
    return chars


@lru_cache(maxsize=1)
def common_han() -> frozenset[str]:
    """Han characters in everyday use: GB2312 level 1 (simplified) ∪ Big5 level 1 (traditional)."""
    simplified = _decode_range("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
    traditional = _decode_range("big5", range(0xA4, 0xC7), range(0x40, 0x7F))
    traditional |= _decode_range("big5", range(0xA4, 0xC6), range(0xA1, 0xFF))
    return frozenset(simplified | traditional)


def _is_plausible_symbol(code: int) -> bool:
    return (
        0x2000 <= code <= 0x206F  # general punctuation “”—…
        or 0x3000 <= code <= 0x303F  # CJK punctuation 、。《》【】
        or 0xFF01 <= code <= 0xFF5E  # full-width forms ，：（）
        or 0x2160 <= code <= 0x217F  # Roman numerals
        or 0x2460 <= code <= 0x24FF  # circled numbers
        or 0x25A0 <= code <= 0x25FF  # geometric shapes ■●
        or code in (0x00A0, 0x00B7, 0x00D7, 0x00B0, 0x00A9, 0x00AE, 0x2116, 0x2103, 0xFEFF)
    )


def _is_han(code: int) -> bool:
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FA1F


@lru_cache(maxsize=65536)
def _char_cost(ch: str) -> float:
    """0 for what a Chinese news page is made of, 1 for signs of a wrong decoding."""
    code = ord(ch)
    if ch in common_han() or _is_plausible_symbol(code):
        return 0.0
    if _is_han(code) or ch in _PINYIN_VOWELS:
        return 0.5
    return 1.0  # U+FFFD, Latin-1 letters, kana, Greek, box drawing, private use, controls


def implausibility(text: str) -> float:
    """Share (0..1) of non-ASCII characters that betray a wrong charset; 0 for pure ASCII."""
    chars = _NON_ASCII.findall(text[:SCORE_LIMIT])
    if not chars:
        return 0.0
    return sum(map(_char_cost, chars)) / len(chars)


def normalise(label: str | None) -> str | None:
    """A declared label as the codec Python should use (gb2312/gbk → gb18030, big5 → big5hkscs)."""
    if not label:
        return None
    try:
        return codecs.lookup(resolve_encoding(label) or label).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    """The charset label of a Content-Type header, as written."""
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1).lower() if match else None


def meta_charset(body: bytes) -> str | None:
    """The charset label of the first <meta> declaration in the first 4 KB, as written."""
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "replace").lower() if match else None


def detected_charset(body: bytes) -> str | None:
    """charset-normalizer's guess (only called when the declared charsets look wrong)."""
    from charset_normalizer import from_bytes

    best = from_bytes(body[:SCORE_LIMIT]).best()
    return best.encoding if best else None


def _is_utf8(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@dataclass(frozen=True)
class CharsetChoice:
    encoding: str  # Python codec name
    implausibility: float


def score_decoding(body: bytes, encoding: str) -> CharsetChoice | None:
    codec = normalise(encoding)
    if codec is None:
        return None
    text = body[: SCORE_LIMIT * 4].decode(codec, errors="replace")
    return CharsetChoice(codec, implausibility(text))


def choose_charset(
    body: bytes, current: str, current_text: str, candidates: list[str | None], detect=True
) -> CharsetChoice:
    """The best decoding among the current one and the candidates.

    The current decoding wins unless it looks wrong (implausibility above ACCEPTABLE) and a
    candidate halves its implausibility. charset-normalizer is asked only when no declared
    candidate is acceptable.
    """
    current_codec = normalise(current) or current
    if _is_utf8(body):
        # Valid UTF-8 with non-ASCII bytes is practically never another charset's bytes
        # (and a Japanese or European UTF-8 page must not be "corrected" to GB18030).
        return CharsetChoice("utf-8", 0.0 if current_codec == "utf-8" else implausibility(current_text))
    current_score = implausibility(current_text)
    best = CharsetChoice(current_codec, current_score)
    if best.implausibility <= ACCEPTABLE:
        return best
    tried = {current_codec}
    fallbacks = ["gb18030", "utf-8", "big5hkscs"]

    def consider(label):
        nonlocal best
        choice = score_decoding(body, label) if label else None
        if choice is None or choice.encoding in tried:
            return
        tried.add(choice.encoding)
        if choice.implausibility < best.implausibility:
            best = choice

    for label in candidates:
        consider(label)
    if best.implausibility > ACCEPTABLE:
        for label in fallbacks:
            consider(label)
    if best.implausibility > ACCEPTABLE and detect:
        consider(detected_charset(body))
    if best.encoding != current_codec and best.implausibility >= current_score / 2:
        return CharsetChoice(current_codec, current_score)
    return best


# Sixteen or more UTF-8 characters of two to four bytes in a row. About a fifth of common GBK
# characters happen to be valid two-byte UTF-8 (lead C2-D7, trail A1-BF), so shorter runs occur
# in plain GBK text; sixteen in a row do about once in 10^12 positions. UTF-8 pasted into a GBK
# page always makes them.
_UTF8_RUN = re.compile(rb"(?:[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}){16,}")
MIXED_SHARE = 0.05  # of the non-ASCII bytes, in such runs, before a GBK page counts as mixed


def utf8_runs_share(body: bytes) -> float:
    """How much of a non-UTF-8 page's non-ASCII bytes are long runs of valid UTF-8 text."""
    non_ascii = sum(1 for b in body if b >= 0x80)
    if not non_ascii:
        return 0.0
    return sum(m.end() - m.start() for m in _UTF8_RUN.finditer(body)) / non_ascii


def decode_mixed(body: bytes, other: str = "gb18030") -> str:
    """A page of two charsets: its long UTF-8 runs as UTF-8, the rest as ``other``."""
    out, last = [], 0
    for match in _UTF8_RUN.finditer(body):
        out.append(body[last: match.start()].decode(other, errors="replace"))
        out.append(match.group(0).decode("utf-8"))
        last = match.end()
    out.append(body[last:].decode(other, errors="replace"))
    return "".join(out)
