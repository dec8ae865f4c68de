"""Lost-character ``?`` and doubled punctuation: two small, separately counted repairs."""

from __future__ import annotations

import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A `?` glued to Han text on both sides (optionally across one space): a character that the
# page's charset could not encode (a no-break space, in the portals' bylines).
_LOST = re.compile(rf"(?<=[{HAN}]) ?\?(?= ?[{HAN}])|(?<=[{HAN}] )\?(?=[{HAN}])")
# Words that make a clause a question: a `?` after them is a real question mark.
_QUESTION = re.compile(
    r"[吗嗎呢么麼谁誰哪岂豈吧]|什[么麼]|怎|为何|為何|如何|何时|何時|何处|何處|几|幾|多少|是否|难道|難道|是不是|有没有|有沒有"
)
_CLAUSE_END = re.compile(r"[。！？!?；;\n]")
LOST_CHARACTER = "\u00a0"  # what the lost space was: a no-break space has no GBK code


def is_real_question_mark(text: str, index: int) -> bool:
    """Whether the `?` at ``index`` ends a clause holding a question word."""
    clause = _CLAUSE_END.split(text[max(0, index - 60) : index])[-1]
    return bool(_QUESTION.search(clause))


def restore_lost_spaces(text: str) -> tuple[str, int]:
    """``記者?廖藍蕾`` → ``記者\\u00a0廖藍蕾``; ``你去哪里?我`` stays (a question)."""
    if "?" not in text:
        return text, 0
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        if is_real_question_mark(text, match.start() + match.group(0).index("?")):
            return match.group(0)
        count += 1
        return match.group(0).replace("?", LOST_CHARACTER)

    return _LOST.sub(replace, text), count


# A comma glued after Han text and before another punctuation mark.
_DOUBLED = re.compile(rf"(?<=[{HAN}）)》」』”])[,，](?=[,，、。；;：:！!？?])")


def drop_doubled_punctuation(text: str) -> tuple[str, int]:
    """``4月29日,,重慶市`` → ``4月29日,重慶市``; ``副書記,、區長`` → ``副書記、區長``."""
    if "," not in text and "，" not in text:
        return text, 0
    return _DOUBLED.subn("", text)
