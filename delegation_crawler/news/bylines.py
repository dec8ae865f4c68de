"""Bylines and editor lines → lists of names.

Chinese news credits people with a role word followed by names: ``(記者 李秋玥 廖藍蕾 攝影
葉衛東)``, ``本报记者 王悦良``, ``全媒体记者 楊俊``, ``(本报记者 宋俊康 摄)``, ``編輯:王娉婷``,
``开展座谈会。 杨俊 摄``. Both scripts occur. Names are returned as published (no script
conversion); the roles are authors (记者/作者/通讯员), photographers (摄影/摄) and editors
(编辑/责任编辑).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SEP = r"[\s\u3000、,，/]+"

_ROLE_WORDS = {
    "authors": ("记者", "記者", "作者", "通讯员", "通訊員", "实习生", "實習生", "见习记者", "見習記者"),
    "photographers": ("摄影", "攝影", "摄像", "攝像", "图", "圖"),
    "editors": ("责任编辑", "責任編輯", "编辑", "編輯", "责编", "責編"),
}
_ROLE_OF = {word: role for role, words in _ROLE_WORDS.items() for word in words}
_ROLE = "|".join(sorted(map(re.escape, _ROLE_OF), key=len, reverse=True))
# A personal name: 2–4 Han characters (not starting with a role word), or a transliterated
# name joined by a middle dot.
_NAME = rf"(?!{_ROLE})[{_HAN}]{{2,4}}(?:[·•][{_HAN}]{{2,6}})?"

# role word, optional colon, then one or more names separated by spaces / 、
_CREDIT = re.compile(rf"(?P<role>{_ROLE})\s*[:：]?\s*(?P<names>{_NAME}(?:{_SEP}{_NAME})*)")
# "<names> 摄" — a photo credit inside parentheses or closing a caption
_PHOTO_SUFFIX = re.compile(
    rf"(?:(?<=[(（\s。.])|^)(?:[{_HAN}]{{0,8}}?(?:{_ROLE})\s*)?(?P<names>{_NAME}(?:{_SEP}{_NAME})*)\s*(?:摄|攝)(?![{_HAN}])"
)
# Words that look like names but are organisations/positions glued before the role word.
_NOT_NAMES = {"本报", "本報", "本网", "本網", "全媒体", "全媒體", "融媒", "特约", "特約", "首席", "实习", "實習"}


@dataclass
class Credits:
    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)

    def add(self, role: str, names: list[str]) -> None:
        bucket = getattr(self, role)
        for name in names:
            if name not in bucket:
                bucket.append(name)

    def merge(self, other: Credits) -> None:
        for role in ("authors", "photographers", "editors"):
            self.add(role, getattr(other, role))

    def __bool__(self) -> bool:
        return bool(self.authors or self.photographers or self.editors)


def _split_names(names: str) -> list[str]:
    found = re.findall(_NAME, names)
    return [n for n in found if n not in _NOT_NAMES and not any(w in n for w in _ROLE_OF)]


# No byline runs longer; a 24 KB "记者 张三 张三 …" line is read up to here (the photo-credit
# pattern would otherwise retry the whole run of names from every position).
MAX_CREDIT_CHARS = 400


def parse_credits(text: str) -> Credits:
    """All credits in a byline-like string (a byline paragraph, a dateline prefix, an editor line)."""
    credits = Credits()
    text = text[:MAX_CREDIT_CHARS]
    # "X 摄" photo credits first, and blank them so "记者 X 摄" is not also read as an author.
    def photo(match: re.Match[str]) -> str:
        credits.add("photographers", _split_names(match["names"]))
        return " "

    text = _PHOTO_SUFFIX.sub(photo, text)
    for match in _CREDIT.finditer(text):
        credits.add(_ROLE_OF[match["role"]], _split_names(match["names"]))
    return credits


# A paragraph that is only credits (no sentence): short, and made of role words and names.
_CREDIT_LINE = re.compile(
    rf"^[\s(（]*(?:[{_HAN}]{{0,8}}?(?:{_ROLE})\s*[:：]?\s*{_NAME}(?:{_SEP}{_NAME})*[\s)）]*)+$"
)
# Dateline prefix: "自贡网讯(记者 …)", "本报成都7月28日电(记者 …)", "本报讯（记者 …）"
_DATELINE = re.compile(r"^[^。，,]{0,24}?(?:讯|訊|电|電)\s*[(（](?P<credits>[^)）]{2,60})[)）]")


def is_credit_line(paragraph: str) -> bool:
    """True for a paragraph that only credits people (``自贡网记者 张三 摄影 李四``)."""
    text = paragraph.strip()
    return 0 < len(text) <= 60 and bool(_CREDIT_LINE.match(text))


def dateline_credits(paragraph: str) -> Credits:
    """Credits in a story's dateline prefix (``本报讯（记者 王悦良）``), else empty."""
    match = _DATELINE.match(paragraph.strip())
    return parse_credits(match["credits"]) if match else Credits()


_CAPTION_CREDIT = re.compile(
    rf"[(（]?\s*(?:[{_HAN}]{{0,8}}?(?:{_ROLE})\s*)?(?P<names>{_NAME}(?:{_SEP}{_NAME})*)\s*(?:摄|攝)\s*[)）]?\s*$"
)


def caption_credits(paragraph: str) -> Credits:
    """Photo credit closing a short caption paragraph (``开展座谈会。 杨俊 摄``)."""
    credits = Credits()
    text = paragraph.strip()
    if len(text) <= 120:
        match = _CAPTION_CREDIT.search(text)
        if match and (match.start() == 0 or text[match.start() - 1] in " \u3000。.)）(（"):
            credits.add("photographers", _split_names(match["names"]))
    return credits
