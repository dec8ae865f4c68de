"""Mojibake inside text: runs decoded with the wrong charset, re-decoded run by run.

Three paths the portals show, possibly mixed in one page:
* UTF-8 bytes read as GBK: ``鍦板潃`` (地址) — ``fix_utf8_read_as_gbk``
* GBK bytes read as Latin-1/cp1252: ``ÏûÏ¢£º`` (消息：) — ``fix_latin1_mojibake``
* UTF-8 bytes read as Latin-1/cp1252: ``æ–°é—»`` (新闻) — ``fix_latin1_mojibake``
Only damaged runs are re-decoded, and only when the result reads as everyday Chinese (the
character model scores it clearly better), so legitimate Latin text (Café, Müller) stays.
"""

from __future__ import annotations

import bisect

import re

from delegation_crawler.text.charset import common_han
from delegation_crawler.text.lm import CharModel

# cp1252's printable characters in 0x80-0x9F, mapped back to their byte values.
_CP1252_BYTES = {}
for _byte in range(0x80, 0xA0):
    try:
        _CP1252_BYTES[ord(bytes([_byte]).decode("cp1252"))] = chr(_byte)
    except UnicodeDecodeError:
        pass
_CP1252_CHARS = "".join(chr(c) for c in _CP1252_BYTES)
# A run of characters that can stand for bytes >= 0x80 under Latin-1/cp1252, with ASCII
# 0x40-0x7E allowed inside (GBK trail bytes).
_LATIN_RUN = re.compile(
    "[\x80-\xff" + re.escape(_CP1252_CHARS) + "](?:[\x40-\x7e\x80-\xff" + re.escape(_CP1252_CHARS) + "])*"
)
# Two characters from the Latin run class in a row (a lone “ or é is no mojibake run).
_LATIN_START = re.compile(
    "[\x80-\xff" + re.escape(_CP1252_CHARS) + "][\x40-\x7e\x80-\xff" + re.escape(_CP1252_CHARS) + "]"
)
_UTF8_SEQ = re.compile(
    "(?:[\xe0-\xef][\x80-\xbf]{2}|[\xc2-\xdf][\x80-\xbf]|[\xf0-\xf4][\x80-\xbf]{3})+"
)
_UTF8_SEQ_BYTES = re.compile(
    rb"(?:[\xe0-\xef][\x80-\xbf]{2}|[\xc2-\xdf][\x80-\xbf]|[\xf0-\xf4][\x80-\xbf]{3})+"
)
# Non-ASCII runs, with `?` allowed inside (a byte the reader could not decode).
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f](?:[^\x00-\x7f]|\?(?=[^\x00-\x7f]))+")
MARKERS = "?\ufffd"
# Per-character cost above which a character counts as rare (everyday characters are ~5-9).
RARE = 10.0
# A re-decoding must save at least this much per replaced source character (nats).
MIN_GAIN_PER_CHAR = 1.5
# A re-decoded Latin run must read like everyday text (random bytes decode to rare characters).
MAX_MEAN_COST = 9.0


def _is_cjk_text(decoded: str, rare_share: float = 0.25) -> bool:
    """Everyday CJK: Han (at most ``rare_share`` outside the everyday set) and CJK punctuation."""
    han = common_han()
    rare = 0
    for ch in decoded:
        code = ord(ch)
        if ch in han or 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E or 0x2010 <= code <= 0x2027:
            continue
        if code in (0xB7, 0xD7, 0xB0):
            continue
        if 0x4E00 <= code <= 0x9FFF:
            rare += 1
            continue
        return False
    return rare <= rare_share * len(decoded)


def _is_latin1_letter_pair(source: str, decoded: str) -> bool:
    """Classic two-byte Latin mojibake: ``Ã©`` → é (never a plausible pair in real text)."""
    return len(decoded) == 1 and source[0] in "ÃÂ" and 0xA0 <= ord(decoded) <= 0xFF


def fix_latin1_mojibake(text: str, model: CharModel) -> tuple[str, dict[str, int]]:
    """Re-decode Latin-1/cp1252 runs that are really GBK or UTF-8 bytes."""
    counts = {"mojibake_gbk_as_latin1": 0, "mojibake_utf8_as_latin1": 0}
    if text.isascii() or not _LATIN_START.search(text):
        return text, counts
    byte_view = text.translate(_CP1252_BYTES)
    out, last = [], 0
    for run in _LATIN_RUN.finditer(byte_view):
        start, end = run.span()
        raw = run.group(0)
        best = None  # (cost per character, replacement, kind)
        for decoded, kind in (
            (_decode_utf8_run(raw, text[start:end]), "mojibake_utf8_as_latin1"),
            (_decode_gbk_run(raw), "mojibake_gbk_as_latin1"),
        ):
            if decoded is None:
                continue
            cost = _mean_cost(decoded, model)
            if cost <= MAX_MEAN_COST and (best is None or cost < best[0]):
                best = (cost, decoded, kind)
        if best is None:
            continue
        out.append(text[last:start])
        out.append(best[1])
        counts[best[2]] += 1
        last = end
    if last == 0:
        return text, counts
    out.append(text[last:])
    return "".join(out), counts


_KEEPABLE = frozenset("\x85\x91\x92\x93\x94\x95\x96\x97\xa0\xb7")  # … ‘ ’ “ ” • – — nbsp ·


def _mean_cost(decoded: str, model: CharModel) -> float:
    """Mean model cost of the non-ASCII characters: everyday text ~6-8, random ones 11+."""
    wide = [c for c in decoded if c >= "\x80"]
    if not wide:
        return float("inf")
    return model.text_cost(" ", "".join(wide)) / len(wide)


def _decode_utf8_run(raw: str, original: str) -> str | None:
    """Decode the UTF-8 sequences inside a Latin run, if they all come out as real text.

    Between them only ASCII and real punctuation (a “ after the damaged clause) may remain;
    those keep their original characters.
    """
    pieces, last, changed = [], 0, False
    for seq in _UTF8_SEQ.finditer(raw):
        try:
            decoded = seq.group(0).encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:  # overlong forms, surrogates, beyond U+10FFFF
            return None
        if not (_is_cjk_text(decoded) or _is_latin1_letter_pair(seq.group(0), decoded)):
            return None
        gap = raw[last : seq.start()]
        if any(c >= "\x80" and c not in _KEEPABLE for c in gap):
            return None
        pieces.append(original[last : seq.start()])
        pieces.append(decoded)
        last = seq.end()
        changed = True
    if not changed:
        return None
    rest = raw[last:]
    if any(c >= "\x80" and c not in _KEEPABLE for c in rest):
        return None  # leftover Latin-1 bytes: not a clean UTF-8 run
    pieces.append(original[last:])
    return "".join(pieces)


def _decode_gbk_run(raw: str) -> str | None:
    """Decode a Latin run as GBK bytes; None unless it yields two or more everyday characters."""
    if len(raw) < 4:
        return None
    data = raw.encode("latin-1")
    try:
        decoded = data.decode("gbk")
    except UnicodeDecodeError:
        return None
    wide = [c for c in decoded if ord(c) >= 0x80]
    if len(wide) < 2 or not _is_cjk_text("".join(wide)):
        return None
    return decoded


def fix_utf8_read_as_gbk(text: str, model: CharModel, traditional: bool = False) -> tuple[str, int]:
    """``鍦板潃`` → ``地址``: GBK-encode runs of rare characters and read them as UTF-8."""
    if text.isascii():
        return text, 0
    count = 0
    out, last = [], 0
    done = -1
    budget = len(text) // 40 + 16  # re-decoding attempts: linear time on garbage
    for spot, _ in model.suspicious_spans(text):
        if spot < done:
            continue
        run_start = spot
        while run_start > 0 and (text[run_start - 1] >= "\x80" or text[run_start - 1] == "?"):
            run_start -= 1
        run = _NON_ASCII_RUN.match(text, run_start)
        if run is None:
            continue
        done = run.end()
        chars = run.group(0)
        if budget <= 0:
            break
        budget -= 1
        if sum(model.unigram_cost(c) > RARE or c in MARKERS for c in chars) < 2:
            continue  # everyday text: no rare characters, nothing to try
        for start, end, decoded in _utf8_spans(chars, model, traditional):
            source = chars[start:end]
            gain = model.text_cost(" ", source) - model.text_cost(" ", decoded)
            if gain < MIN_GAIN_PER_CHAR * len(source):
                continue
            out.append(text[last : run.start() + start])
            out.append(decoded)
            last = run.start() + end
            count += 1
    if not count:
        return text, 0
    out.append(text[last:])
    return "".join(out), count


def _utf8_spans(chars: str, model: CharModel, traditional: bool):
    """(start, end, decoded) character spans of ``chars`` whose GBK bytes are UTF-8 text.

    A marker (`?`, U+FFFD) stands for one byte the GBK reader rejected; its value is chosen
    as the byte that completes the most likely UTF-8 character.
    """
    data, offsets, wildcards = bytearray(), [], []
    for ch in chars:
        offsets.append(len(data))
        if ch in MARKERS:
            wildcards.append(len(data))
            data.append(0x80)
            continue
        try:
            data += ch.encode("gbk")
        except UnicodeEncodeError:
            data.append(0x00)  # breaks any UTF-8 sequence here
    offsets.append(len(data))
    if not any(m.end() - m.start() >= 6 for m in _UTF8_SEQ_BYTES.finditer(bytes(data))):
        return  # no two UTF-8 characters in a row: nothing to re-decode
    pending = set(wildcards)
    for position in wildcards:
        if position in pending:
            _best_wildcard_byte(data, position, model, pending, traditional)
            pending.discard(position)
            pending.discard(position + 1)
    index = {offset: i for i, offset in enumerate(offsets)}
    for seq in _UTF8_SEQ_BYTES.finditer(bytes(data)):
        b_start, b_end = seq.span()
        # Snap the start forward to a character boundary that starts a UTF-8 sequence.
        while b_start < b_end and (b_start not in index or not 0xC2 <= data[b_start] <= 0xF4):
            b_start += 1
        if b_start >= b_end:
            continue
        # Cut the end back to a character boundary and to whole UTF-8 sequences; an ASCII
        # byte sharing the last displayed character is kept as that ASCII character.
        tail = ""
        if b_end not in index:
            nxt = offsets[bisect.bisect_right(offsets, b_end)]
            leftover = bytes(data[b_end:nxt])
            if leftover.isascii() and b'\x00' not in leftover:
                tail, end_index = leftover.decode("ascii"), index[nxt]
            else:
                b_end = offsets[bisect.bisect_right(offsets, b_end) - 1]
                end_index = index[b_end]
        else:
            end_index = index[b_end]
        decoded = bytes(data[b_start:b_end]).decode("utf-8", errors="ignore")
        if len(decoded.encode("utf-8")) != b_end - b_start:
            continue
        if len(decoded) < 2 or not _is_cjk_text(decoded):
            continue
        yield index[b_start], end_index, decoded + tail


def _best_wildcard_byte(
    data: bytearray, position: int, model: CharModel, wildcards: set[int], traditional: bool
) -> int:
    """The byte value at ``position`` that completes the likeliest UTF-8 character.

    A following wildcard in the same character is chosen jointly (two rejected bytes in a
    row are common: GBK rows AA-AF are unassigned). Context: the decoded neighbours.
    """
    follow = position + 1 in wildcards
    seconds = range(0x80, 0xC0) if follow else (None,)
    best, best_cost = (0x00, None), float("inf")
    for first in range(0x80, 0xF0):
        for second in seconds:
            data[position] = first
            if second is not None:
                data[position + 1] = second
            found = _char_at(data, position)
            if found is None:
                continue
            ch, start, end = found
            if not _is_cjk_text(ch):
                continue
            before = bytes(data[max(0, start - 3) : start]).decode("utf-8", "ignore")[-1:] or " "
            after = bytes(data[end : end + 3]).decode("utf-8", "ignore")[:1] or " "
            cost = model.cost(before, ch) + model.cost(ch, after) + model.script_cost(ch, traditional)
            if cost < best_cost:
                best, best_cost = (first, second), cost
    data[position] = best[0]
    if best[1] is not None:
        data[position + 1] = best[1]
    return best[0]


def _char_at(data: bytearray, position: int):
    """The UTF-8 character covering ``position``: (char, start, end) or None."""
    for start in range(position, max(-1, position - 4), -1):
        lead = data[start]
        if 0x80 <= lead <= 0xBF:
            continue
        length = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 0
        if not length or start + length <= position:
            return None
        try:
            return bytes(data[start : start + length]).decode("utf-8"), start, start + length
        except UnicodeDecodeError:
            return None
    return None
