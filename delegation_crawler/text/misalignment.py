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
from functools import lru_cache

from delegation_crawler.text.lm import CharModel, document_cache
from delegation_crawler.text.pinyin import TONE_LETTERS
from delegation_crawler.text.punctuation import is_real_question_mark
from delegation_crawler.script import converter

# `?`/U+FFFD stand for a byte the reader could not decode; `?shù)` — a lost character whose
# pinyin annotation lost its "(" — counts as one such byte too.
_TOKEN = re.compile(r"\?[a-z" + TONE_LETTERS + r"]{1,6}\)|[?\ufffd]|[^\x00-\x7f]")
_RUN = re.compile(
    r"(?:\?[a-z" + TONE_LETTERS + r"]{1,6}\)|[?\ufffd]|[^\x00-\x7f])+"
)
WILD = -1  # an unknown byte
MARKER_COST = 14.0  # a `?`/U+FFFD in the middle of Han text is itself a sign of damage
LOST_SPACE_COST = 4.0  # what a `?` costs when it reads as a lost space between Han characters
# A lost byte is rare: a realignment must pay this before it can win.
REALIGN_PRIOR = 12.0
GAINED_BYTE_PRIOR = 10.0  # portals lose bytes far more often than they gain them
SUSPICIOUS_COST = 9.5  # a character costing more than this (unigram and in context) is suspect
SUSPICION_NEEDED = 8.0  # summed excess cost (a U+FFFD alone suffices) before a run is tried
TYPICAL_COST = 8.0  # an everyday character costs less than this in context
MIN_GAIN = 8.0
UNKNOWN_COST = 7.0  # what an unknown byte's character is assumed to cost when ranking shifts
FULLY_SCORED = 2  # shifts whose unknown bytes are resolved (the best by the quick ranking)  # nats a realignment must save over the text as shown
SPLIT_WINDOW = 1  # split points tried on each side of the costliest segment's start
CACHE_BLOCK = 100_000
GARBAGE_BLOCK = 2000
ATTEMPT_EVERY = 100  # at most one realignment attempt per this many characters of input
MAX_RUN_TOKENS = 400  # document pairs come from the surrounding block (bounded work)
_LEAD_BYTES = range(0x81, 0xFF)
_TRAIL_BYTES = [b for b in range(0x40, 0xFF) if b != 0x7F]


class _Context:
    """Per-document state: the model, the script, lazily built cache blocks."""

    def __init__(self, text: str, model: CharModel, traditional: bool, document: str | None = None):
        self.text, self.model, self.traditional = text, model, traditional
        self.document = document
        self._blocks: dict[int, Counter] = {}

    def cache(self, position: int) -> _CacheView:
        if self.document is not None:  # the page this field belongs to
            if -1 not in self._blocks:
                self._blocks[-1] = document_cache(self.document[: 3 * CACHE_BLOCK], self.model)
            return _CacheView([self._blocks[-1]], self._own)
        here = position // CACHE_BLOCK
        counts = []
        for block in (here - 1, here, here + 1):  # the surrounding text, each block counted once
            if block < 0 or block * CACHE_BLOCK >= len(self.text):
                continue
            if block not in self._blocks:
                self._blocks[block] = document_cache(
                    self.text[block * CACHE_BLOCK : (block + 1) * CACHE_BLOCK], self.model
                )
            counts.append(self._blocks[block])
        return _CacheView(counts, self._own)

    def evaluating(self, run: str) -> None:
        """Exclude the run's own pairs: a garbled run must not vouch for itself."""
        self._own = document_cache(run, self.model)

    _own: Counter = Counter()


class _CacheView:
    """Pair counts of the surrounding blocks, minus those of the run being judged."""

    def __init__(self, counts: list[Counter], own: Counter):
        self.counts, self.own = counts, own
        if len(counts) == 1:
            self.get = self._get_one  # the common case: one page or one block

    def _get_one(self, key, default=0):
        total = self.counts[0].get(key, 0)
        if total:
            total -= self.own.get(key, 0)
        return total if total > 0 else default

    def get(self, key, default=0):
        total = 0
        for counts in self.counts:
            total += counts.get(key, 0)
        if total:
            total -= self.own.get(key, 0)
        return total if total > 0 else default


def fix_misalignment(
    text: str, model: CharModel, traditional: bool = False, document: str | None = None
) -> tuple[str, int]:
    """Realign runs garbled by a lost or gained GBK byte; returns (text, runs fixed).

    ``document``: the whole page when ``text`` is one field of it (its character pairs help
    guess a lost byte: a name in a byline also appears in a photo credit).
    """
    if text.isascii():
        return text, 0
    context = _Context(text, model, traditional, document)
    out, last, count = [], 0, 0
    budget = len(text) // ATTEMPT_EVERY + 16  # realignment attempts: linear time on garbage
    for run in _runs_at(text, model):
        if budget <= 0:
            break
        tokens = _TOKEN.findall(run.group(0))
        edge_before = text[run.start() - 1] if run.start() else " "
        edge_after = text[run.end()] if run.end() < len(text) else ""
        if len(tokens) < 2 or not _suspicious(tokens, model, edge_before, edge_after):
            continue
        if _has_real_question_mark(text, run):
            continue
        budget -= 1
        if len(tokens) > MAX_RUN_TOKENS:
            continue  # a garbled run ends at the next ASCII byte; this long, it is not one
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
    """The runs containing a suspicious spot, each once, in order; none in stretches of
    noise (misalignment is local damage; a stretch that is mostly rare characters is binary
    noise or a whole wrong charset)."""
    done = -1
    garbage = None
    for spot, spot_end in model.suspicious_spans(text):
        if spot < done:
            continue
        if garbage is None:
            garbage = model.garbage_blocks(text, GARBAGE_BLOCK)
        if spot // GARBAGE_BLOCK in garbage:
            done = (spot // GARBAGE_BLOCK + 1) * GARBAGE_BLOCK
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


def _has_real_question_mark(text: str, run: re.Match) -> bool:
    position = text.find("?", run.start(), run.end())
    while position != -1:
        if is_real_question_mark(text, position):
            return True
        position = text.find("?", position + 1, run.end())
    return False


def _is_marker(token: str) -> bool:
    return token[0] in "?\ufffd"


def _suspicious(tokens: list[str], model: CharModel, before: str, after: str) -> bool:
    """Worth a realignment attempt: a rejected byte (U+FFFD), or `?` that is no lost space,
    or rare characters adding up."""
    score, prev = 0.0, before
    for k, token in enumerate(tokens):
        if token == "\ufffd":
            score += SUSPICION_NEEDED
        elif _is_marker(token):
            if _marker_cost(tokens, k, before, after) == MARKER_COST:
                score += SUSPICION_NEEDED / 2
        elif model.unigram_cost(token) > SUSPICIOUS_COST:
            # rare, and not explained by a word with the previous character (璀璨, 邛崃)
            score += max(0.0, model.cost(prev, token) - SUSPICIOUS_COST)
        prev = token
    return score >= SUSPICION_NEEDED


def _token_bytes(token: str) -> list[int] | None:
    if _is_marker(token):
        return [WILD]
    try:
        data = token.encode("gbk")
    except UnicodeEncodeError:
        return None
    return list(data) if len(data) == 2 else None


def _marker_cost(tokens, k, before, after) -> float:
    """A plain `?` between Han characters reads as a lost space (cheap); others are damage."""
    left = tokens[k - 1] if k else before
    right = tokens[k + 1] if k + 1 < len(tokens) else after
    if tokens[k] == "?" and _is_han(left) and _is_han(right):  # U+FFFD is never a lost space
        return LOST_SPACE_COST
    return MARKER_COST


def _is_han(ch: str) -> bool:
    return len(ch) == 1 and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


def _shown_cost(tokens, before, after, context, position) -> float:
    model, cache = context.model, context.cache(position)
    prev, total = before, 0.0
    for k, token in enumerate(tokens):
        if _is_marker(token):
            total += _marker_cost(tokens, k, before, after)
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
    options = []  # (quick cost, split, variant number, bytes, head)
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
                variants.append(tail_bytes[1:])  # a gained byte (GAINED_BYTE_PRIOR more)
        head_cost = _prefix_cost(head, before, context, position)
        for number, data in enumerate(variants):
            quick = _decode(data, head[-1] if head else before, after, context, position, quick=True)
            if quick is None:
                continue
            extra = head_cost + REALIGN_PRIOR + (GAINED_BYTE_PRIOR if number == 2 else 0)
            options.append((quick[2] + extra, extra, data, head))
    # Resolving unknown bytes is the expensive part: only for the most promising shifts.
    options.sort(key=lambda option: option[0])
    for _quick, extra, data, head in options[:FULLY_SCORED]:
        candidate = _decode(data, head[-1] if head else before, after, context, position)
        if candidate is None:
            continue
        body, consumed, cost = candidate
        total = cost + extra
        if best is None or total < best[0]:
            best = (total, head + body, consumed)
    for k, token in enumerate(tokens):
        if token == "\ufffd":  # a whole character lost (its lead dropped, its trail rejected)
            guess = _guess_lost_character(tokens, k, before, after[:1], context, position)
            if guess is not None and (best is None or guess[0] < best[0]):
                best = guess
    if best is None or shown - best[0] < MIN_GAIN:
        return None
    kept = "".join(t for t in tokens if not _is_marker(t))
    if best[1] == kept[: len(best[1])] and not best[2]:
        return None  # only markers dropped: that is a lost space, not a shift
    return best[1], best[2]


def _guess_lost_character(tokens, k, before, after, context, position):
    """(cost, text, False) with the marker at ``k`` replaced by the likeliest character."""
    model, cache = context.model, context.cache(position)
    left = tokens[k - 1] if k else before
    right = tokens[k + 1] if k + 1 < len(tokens) else after
    if _is_marker(left) or (right and _is_marker(right)):
        return None
    best_char, best_cost = None, float("inf")
    for ch in model.neighbours(left, right):
        if len(ch) != 1:
            continue
        cost = model.cost(left, ch, cache) + model.next_cost(ch, right, cache)
        if cost < best_cost:
            best_char, best_cost = ch, cost
    if best_char is None:
        return None
    if context.traditional:
        best_char = _traditional_form(best_char)
    text = "".join(tokens[:k]) + best_char + "".join(tokens[k + 1 :])
    if any(_is_marker(t) for t in tokens[:k] + tokens[k + 1 :]):
        return None
    head_cost = _prefix_cost(text, before, context, position) + model.next_cost(text[-1], after, cache)
    return head_cost, text, False  # U+FFFD is certain damage: no prior against guessing


@lru_cache(maxsize=4096)
def _traditional_form(ch: str) -> str:
    return converter("s2t").convert(ch)


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
    # The costliest segment (maximum subarray): garbling ends at an ASCII byte or at a byte
    # the reader rejected (a marker), so it is a segment, often a suffix.
    best_start, best_sum, start, running = 0, float("-inf"), 0, 0.0
    for k, value in enumerate(excess):
        if running <= 0:
            start, running = k, 0.0
        running += value
        if running > best_sum:
            best_start, best_sum = start, running
    points = [best_start]
    points += [k for k in range(best_start - SPLIT_WINDOW, best_start + 2) if 0 <= k < len(tokens)]
    for marker in [k for k, t in enumerate(tokens) if _is_marker(t)][:3]:
        points += [k for k in range(marker - SPLIT_WINDOW, marker + 1) if 0 <= k < len(tokens)]
    return list(dict.fromkeys(points))


def _prefix_cost(head, before, context, position) -> float:
    model, cache = context.model, context.cache(position)
    prev, total = before, 0.0
    for ch in head:
        total += model.cost(prev, ch, cache) + model.script_cost(ch, context.traditional)
        prev = ch
    return total


def _decode(data, prev, after, context, position, quick=False):
    """Pair bytes from the start; resolve unknown bytes; return (text, consumed_after, cost).

    ``quick``: score only the known characters (an unknown one costs UNKNOWN_COST) and
    return no text: a cheap ranking of shifts.
    """
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
    slots: list[list[str]] = []
    for pair in pairs:
        if WILD in pair:
            slots.append([])  # filled below, once the known neighbours are decoded
            continue
        try:
            slots.append([bytes(pair).decode("gbk")])
        except UnicodeDecodeError:
            return None
    cache = context.cache(position)
    right_context = after[1:2] if consumed else after[:1]
    if quick:
        model, traditional = context.model, context.traditional
        cost, last = 0.0, prev
        for options in slots:
            if not options:
                cost += UNKNOWN_COST
                last = " "
                continue
            ch = options[0]
            cost += model.cost(last, ch, cache) + model.script_cost(ch, traditional)
            last = ch
        cost += model.next_cost(last, right_context, cache) if last != " " else 0.0
        return None, consumed, cost
    for k, pair in enumerate(pairs):
        if not slots[k]:
            left = slots[k - 1][0] if k and len(slots[k - 1]) == 1 else (prev if not k else " ")
            right = (
                slots[k + 1][0] if k + 1 < len(slots) and len(slots[k + 1]) == 1
                else right_context if k + 1 == len(slots) else " "
            )
            slots[k] = _candidates(pair, left or " ", right, context, cache)
            if not slots[k]:
                return None
    text, cost = _best_path(slots, prev, right_context, context, cache)
    if any(ord(c) < 0x80 for c in text[:-1]):
        return None  # an ASCII byte can only be the last one (the resynchronising byte)
    return text, consumed, cost


def _best_path(slots, prev, right_context, context, cache) -> tuple[str, float]:
    """Viterbi over the slots (one character each, several where a byte is unknown)."""
    model, traditional = context.model, context.traditional
    paths = {prev: (0.0, "")}  # last character -> (cost, text)
    for options in slots:
        new_paths = {}
        for ch in options:
            extra = model.script_cost(ch, traditional)
            best = None
            for last, (cost, text) in paths.items():
                total = cost + model.cost(last, ch, cache) + extra
                if best is None or total < best[0]:
                    best = (total, text + ch)
            new_paths[ch] = best
        paths = new_paths
    final = min(
        ((cost + model.next_cost(last, right_context, cache), text) for last, (cost, text) in paths.items()),
    )
    return final[1], final[0]


CANDIDATES_PER_UNKNOWN = 8


def _candidates(pair, left, right, context, cache) -> list[str]:
    """The likeliest characters for a byte pair with one unknown byte, best first.

    Scored: the most frequent possibilities, and any that forms a known pair with a
    neighbour (in the dictionary or in this document).
    """
    model = context.model
    simple = model.simplified
    left_s, right_s = simple(left), simple(right) if right else ""
    known = model.pair_known
    left_in_cache = bool(cache.get(left_s))
    right_in_cache = bool(right_s) and bool(cache.get(right_s))
    scored = []
    for rank, (ch, ch_s) in enumerate(_decodable(pair, model)):
        if rank >= FREQUENT_CANDIDATES and not (
            (rank < WORD_CANDIDATES and (known(left_s + ch_s) or known(ch_s + right_s)))
            or (left_in_cache and cache.get(left_s + ch_s))
            or (right_in_cache and cache.get(ch_s + right_s))
        ):
            continue
        cost = model.cost(left, ch, cache) + model.next_cost(ch, right, cache) + model.script_cost(ch, context.traditional)
        scored.append((cost, ch))
    scored.sort()
    return [ch for _, ch in scored[:CANDIDATES_PER_UNKNOWN]]


FREQUENT_CANDIDATES = 12  # scored whatever their neighbours
WORD_CANDIDATES = 60  # among the frequent ones, also scored if they form a word with a neighbour


@lru_cache(maxsize=1024)
def _decodable(pair, model) -> tuple[str, ...]:
    """Known characters a byte pair with one unknown byte can be (cached per pattern)."""
    lead, trail = pair
    raws = (
        (bytes((b, trail)) for b in _LEAD_BYTES) if lead == WILD else (bytes((lead, b)) for b in _TRAIL_BYTES)
    )
    found = []
    for raw in raws:
        try:
            ch = raw.decode("gbk")
        except UnicodeDecodeError:
            continue
        if model.known(ch):
            found.append(ch)
    return tuple((ch, model.simplified(ch)) for ch in sorted(found, key=model.unigram_cost))
