"""GBK byte misalignment: a GBK stream that lost (or gained) one byte.

After the break every character is read from the wrong byte pair — plausible-looking but
wrong characters (``馗刹咳罕姷慕豢诜``) until an ASCII byte resynchronises the reader. We find
runs of non-ASCII characters that the character model finds unlikely, take their GBK
bytes, and try the shifts a single lost/gained byte explains: insert an unknown byte, or
drop one, at a few split points near the first unlikely character. An unknown byte — the
inserted one, or one the reader had already replaced with `?`/U+FFFD — is resolved to the
value giving the likeliest character in context, with the document's own character pairs
helping (a cache model: the name 楊俊 in a byline also occurs in a photo credit). The best
candidate is kept only when it beats the text as shown by a clear margin.
"""

from __future__ import annotations

import re
from collections import Counter

from delegation_crawler.text.lm import CharModel, document_cache
from delegation_crawler.text.pinyin import TONE_LETTERS

# `?`/U+FFFD stand for a byte the reader could not decode; `?shù)` — a lost character whose
# pinyin annotation lost its "(" — counts as one such byte too.
_TOKEN = re.compile(r"\?[a-z" + TONE_LETTERS + r"]{1,6}\)|[?\ufffd]|[^\x00-\x7f]")
_RUN = re.compile(
    r"(?:\?[a-z" + TONE_LETTERS + r"]{1,6}\)|[?\ufffd]|[^\x00-\x7f])+"
)
WILD = -1  # an unknown byte
MARKER_COST = 14.0  # a `?` in the middle of Han text is itself a sign of damage
RARE = 10.0
TYPICAL_COST = 8.0  # an everyday character costs less than this in context
MIN_GAIN = 8.0  # nats a realignment must save over the text as shown
SPLIT_WINDOW = 3  # split points tried before the first unlikely character
CACHE_BLOCK = 100_000  # document pairs come from the surrounding block (bounded work)
_LEAD_BYTES = range(0x81, 0xFF)
_TRAIL_BYTES = [b for b in range(0x40, 0xFF) if b != 0x7F]


class _Context:
    """Per-document state: the model, the script, lazily built cache blocks."""

    def __init__(self, text: str, model: CharModel, traditional: bool):
        self.text, self.model, self.traditional = text, model, traditional
        self._blocks: dict[int, Counter] = {}

    def cache(self, position: int) -> _CacheView:
        block = position // CACHE_BLOCK
        if block not in self._blocks:
            start = max(0, (block - 1) * CACHE_BLOCK)
            self._blocks[block] = document_cache(self.text[start : (block + 2) * CACHE_BLOCK], self.model)
        return _CacheView(self._blocks[block], self._own)

    def evaluating(self, run: str) -> None:
        """Exclude the run's own pairs: a garbled run must not vouch for itself."""
        self._own = document_cache(run, self.model)

    _own: Counter = Counter()


class _CacheView:
    def __init__(self, counts: Counter, own: Counter):
        self.counts, self.own = counts, own

    def get(self, key, default=0):
        return max(0, self.counts.get(key, 0) - self.own.get(key, 0)) or default


def fix_misalignment(text: str, model: CharModel, traditional: bool = False) -> tuple[str, int]:
    """Realign runs garbled by a lost or gained GBK byte; returns (text, runs fixed)."""
    if text.isascii():
        return text, 0
    context = _Context(text, model, traditional)
    out, last, count = [], 0, 0
    for run in _runs_at(text, model):
        tokens = _TOKEN.findall(run.group(0))
        if len(tokens) < 2 or not _suspicious(tokens, model):
            continue
        context.evaluating(run.group(0))
        before = text[run.start() - 1] if run.start() else " "
        after = text[run.end() : run.end() + 2]  # the next character and the one after it
        fixed = _realign(tokens, before, after, context, run.start())
        if fixed is None:
            continue
        replacement, consumed_after = fixed
        out.append(text[last : run.start()])
        out.append(replacement)
        last = run.end() + (1 if consumed_after else 0)
        count += 1
    if not count:
        return text, 0
    out.append(text[last:])
    return "".join(out), count


def _runs_at(text: str, model: CharModel):
    """The runs containing a suspicious spot, each once, in order."""
    done = -1
    for spot, spot_end in model.suspicious_spans(text):
        if spot < done:
            continue
        # Back to a character no run token contains (bounded: tokens are short).
        segment_start = spot
        limit = max(0, spot - 64)
        while segment_start > limit and not _breaks_run(text[segment_start - 1]):
            segment_start -= 1
        for run in _RUN.finditer(text, segment_start, max(spot_end, spot + 1) + 8):
            if run.end() > spot:
                run = _RUN.match(text, run.start())  # let the run extend to its real end
                done = run.end()
                yield run
                break


def _breaks_run(ch: str) -> bool:
    return ch < "\x80" and ch != "?" and ch != ")" and not "a" <= ch <= "z"


def _is_marker(token: str) -> bool:
    return token[0] in "?\ufffd"


def _suspicious(tokens: list[str], model: CharModel) -> bool:
    score = 0.0
    for token in tokens:
        if _is_marker(token):
            score += 3
        else:
            score += max(0.0, model.unigram_cost(token) - 9.5)
    return score >= 3


def _token_bytes(token: str) -> list[int] | None:
    if _is_marker(token):
        return [WILD]
    try:
        data = token.encode("gbk")
    except UnicodeEncodeError:
        return None
    return list(data) if len(data) == 2 else None


def _shown_cost(tokens, before, after, context, position) -> float:
    model, cache = context.model, context.cache(position)
    prev, total = before, 0.0
    for token in tokens:
        if _is_marker(token):
            total += MARKER_COST
            prev = " "
        else:
            total += model.cost(prev, token, cache) + model.script_cost(token, context.traditional)
            prev = token
    return total + model.next_cost(prev, after, cache)


def _realign(tokens, before, after, context, position):
    """The best realignment of the run, or None if the text as shown is at least as good."""
    token_bytes = [_token_bytes(t) for t in tokens]
    if any(b is None for b in token_bytes):
        return None  # characters outside GBK: not a GBK stream
    split_points = _split_points(tokens, before, context, position)
    shown = _shown_cost(tokens, before, after[:1], context, position)
    best = None  # (cost, text, consumed_after)
    for split in split_points:
        head = "".join(t for t in tokens[:split] if not _is_marker(t))
        if len(head) != split:
            continue  # keep markers out of the part shown as is
        tail_bytes = [b for tb in token_bytes[split:] for b in tb]
        if not tail_bytes:
            continue
        if tail_bytes[0] == WILD:
            variants = [tail_bytes]  # the marker is the lost byte's place
        else:
            variants = [[WILD] + tail_bytes, tail_bytes[:1] + [WILD] + tail_bytes[1:]]
            if split == split_points[0]:
                variants.append(tail_bytes[1:])  # a gained byte
        for data in variants:
            candidate = _decode(data, head[-1] if head else before, after, context, position)
            if candidate is None:
                continue
            body, consumed, cost = candidate
            total = _prefix_cost(head, before, context, position) + cost
            if best is None or total < best[0]:
                best = (total, head + body, consumed)
    if best is None or shown - best[0] < MIN_GAIN:
        return None
    kept = "".join(t for t in tokens if not _is_marker(t))
    if best[1] == kept[: len(best[1])] and not best[2]:
        return None  # only markers dropped: that is a lost space, not a shift
    return best[1], best[2]


def _split_points(tokens, before, context, position) -> list[int]:
    """Where the shift may start: around the start of the costliest suffix, and at markers.

    The garbled part of a run is a suffix (it lasts until an ASCII byte), so the split is
    near the start of the suffix with the largest cost above an everyday character's.
    """
    model, cache = context.model, context.cache(position)
    excess, prev = [], before
    for token in tokens:
        if _is_marker(token):
            excess.append(MARKER_COST - TYPICAL_COST)
            prev = " "
        else:
            excess.append(model.cost(prev, token, cache) - TYPICAL_COST)
            prev = token
    best_start, best_sum, running = 0, float("-inf"), 0.0
    for k in range(len(tokens) - 1, -1, -1):
        running += excess[k]
        if running > best_sum:
            best_start, best_sum = k, running
    points = [best_start]
    points += [k for k in range(best_start - SPLIT_WINDOW, best_start + 2) if 0 <= k < len(tokens)]
    points += [k for k, t in enumerate(tokens) if _is_marker(t)][:4]
    return list(dict.fromkeys(points))


def _prefix_cost(head, before, context, position) -> float:
    model, cache = context.model, context.cache(position)
    prev, total = before, 0.0
    for ch in head:
        total += model.cost(prev, ch, cache) + model.script_cost(ch, context.traditional)
        prev = ch
    return total


def _decode(data, prev, after, context, position):
    """Pair bytes from the start; resolve unknown bytes; return (text, consumed_after, cost)."""
    pairs, i, consumed = [], 0, False
    while i < len(data):
        b = data[i]
        if b != WILD and b < 0x80:
            pairs.append((b,))
            i += 1
            continue
        if b != WILD and not 0x81 <= b <= 0xFE:
            return None
        if i + 1 < len(data):
            pairs.append((b, data[i + 1]))
            i += 2
            continue
        # A lead byte at the end: its trail is the next ASCII character, or was lost.
        if after and 0x40 <= ord(after[0]) <= 0x7E and b != WILD:
            pairs.append((b, ord(after[0])))
            consumed = True
        else:
            pairs.append((b, WILD))
        i += 1
    if any(p == (WILD, WILD) for p in pairs):
        return None
    chars: list[str | None] = []
    for pair in pairs:
        if WILD in pair:
            chars.append(None)
            continue
        try:
            ch = bytes(pair).decode("gbk")
        except UnicodeDecodeError:
            return None
        chars.append(ch)
    model, cache = context.model, context.cache(position)
    right_context = after[1:2] if consumed else after[:1]
    for k, pair in enumerate(pairs):
        if chars[k] is None:
            left = chars[k - 1] if k else prev
            right = chars[k + 1] if k + 1 < len(chars) and chars[k + 1] else right_context
            chars[k] = _resolve(pair, left or " ", right, context, cache)
            if chars[k] is None:
                return None
    text = "".join(chars)
    cost, last = 0.0, prev
    for ch in text:
        cost += model.cost(last, ch, cache) + model.script_cost(ch, context.traditional)
        last = ch
    cost += model.next_cost(last, right_context, cache)
    if any(ord(c) < 0x80 for c in text[:-1]):
        return None  # an ASCII byte can only be the last one (the resynchronising byte)
    return text, consumed, cost


def _resolve(pair, left, right, context, cache) -> str | None:
    """The likeliest character for a byte pair with one unknown byte."""
    lead, trail = pair
    candidates = (
        (bytes((b, trail)) for b in _LEAD_BYTES) if lead == WILD else (bytes((lead, b)) for b in _TRAIL_BYTES)
    )
    model = context.model
    best, best_cost = None, float("inf")
    for raw in candidates:
        try:
            ch = raw.decode("gbk")
        except UnicodeDecodeError:
            continue
        if not model.known(ch):
            continue
        cost = model.cost(left, ch, cache) + model.next_cost(ch, right, cache) + model.script_cost(ch, context.traditional)
        if cost < best_cost:
            best, best_cost = ch, cost
    return best
