"""Named officials: ``巴中市委书记何平``, ``市委副书记、市长曾洪扬``, ``广元市领导曹建奎、龙兆学``.

A title chain is one or more title tokens joined by 、; a place name may stand before any
token (``省委常委、成都市委书记范锐平``). A chain without a place takes the place of the
previous official in the same sentence when the level fits (市委 after 自贡市), which is how
reports list one side's officials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..places import Gazetteer, Place

_LEVEL = r"[省市区县州盟旗]"
_POSITION = (
    r"(?:常务副(?:市|区|县|州)长|副(?:市|区|县|州|省)长|(?:市|区|县|州|省)长|党组书记|党组副书记|党组成员|第一副书记|副书记|代理书记|书记|"
    r"常委|第一副主任|常务副主任|副主任|主任|常务副主席|副主席|主席|副秘书长|秘书长|副盟长|盟长|副旗长|旗长|副部长|部长)"
)
_ORG = (
    rf"(?:自治区党委|自治区人大常委会|自治区政协|自治区政府|自治区纪委|(?:师市|师|团)党委|{_LEVEL}党委|{_LEVEL}委|地委|党工委|{_LEVEL}人大常委会|"
    rf"人大常委会|{_LEVEL}人大|{_LEVEL}政协|政协|{_LEVEL}政府|人民政府|管委会|{_LEVEL}纪委监委|{_LEVEL}纪委)"
)
# A token is an organ + position (市委书记), a bare head-of-government title (市长), "X领导"
# introducing a list of names, or a bare post continuing the previous official's organ
# (政协主席A，副主席B、C，秘书长D).
_TOKEN = re.compile(
    rf"(?P<org>{_ORG})(?P<pos>{_POSITION})"
    rf"|(?P<head>自治区(?:代)?主席|自治区副主席|常务副(?:市|区|县|州|省)长|副(?:市|区|县|州|省|盟|旗)长|代理?(?:市|区|县|州|省)长|(?:市|区|县|州|省|盟|旗)长)"
    rf"|(?P<lead>(?P<lead_level>{_LEVEL})(?:党政|四大班子|四套班子)?领导)"
    rf"|(?<=[，；、])(?P<bare>常务副主席|副主席|常务副主任|副主任|副秘书长|秘书长)(?=[\u4e00-\u9fff]{{2,4}})"
)
# After a first token, a department post in the same chain (市委常委、宣传部部长, 政协副主席、党组成员).
_DEPT = re.compile(r"、(?P<dept>(?:副主席|主席|副主任|主任|党组成员)(?=[\u4e00-\u9fff])|[\u4e00-\u9fff]{0,8}?(?:部长|秘书长|主任|书记)|[\u4e00-\u9fff]{2,12}?(?:总指挥|指挥长)|政委)")

_FOLLOWERS_LONG = (
    "率", "等", "到", "赴", "全程", "亲切", "参加", "出席", "陪同", "带队", "一行", "主持", "讲话", "致辞", "介绍", "分别", "会见", "表示", "代表",
    "共同", "见证", "参观", "考察", "调研", "指出", "强调", "签署", "签订", "一同", "率队", "率团", "带领",
    "接见", "热情", "欢迎", "会谈", "座谈", "先后", "前往", "宣读", "通报", "希望", "认为", "感谢", "首先",
    "简要", "详细", "参与", "随同", "以及", "等人", "等领导", "在座", "出面", "作了", "就", "对此", "向",
    "主持会议", "等参加", "等陪同", "等出席", "率领", "委托", "邀请", "受邀", "同志", "一起", "专程", "亲自", "接待", "的陪同", "的带领",
    "昨天", "今天", "昨日", "今日", "日前", "近日", "上午", "下午", "晚上", "中午",
    "来我", "来到", "莅临", "抵达", "前来", "到访", "来访",  # 黄南州政协主席林华旦来我区考察
)
_FOLLOWERS_SHORT = ("率", "等", "在", "和", "与", "及", "同", "说", "对", "向", "也", "还", "致", "为", "并", "的")
_SHORT_CHARS = set("".join(_FOLLOWERS_SHORT))
_JOINERS = set("及与等在的率并")
# 市长期以来, 忻州市长征街: 市长 followed by these is a word, not a mayor.
_NOT_AFTER_HEAD = set("期远久效达征江城白寿治度廊河途足势")
# Characters that start no name in these reports (会第, 率党政, 的陪同下 are text, not names).
_NEVER_FIRST = set("会的率对在与等及为是将以之期委副被把并也还就从到给")
_OWN_PLACE = re.compile(r"我[市县区州旗省]|本[市县区]|来[\u4e00-\u9fff](?:考察|调研|学习|交流)")
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯", "西门")
_NAME_RUN = re.compile(r"[\u4e00-\u9fff·•]+")
_NOT_NAMES = ("一行", "同志", "领导", "代表", "等人", "出席", "参加", "陪同", "主持", "讲话", "分别", "先后", "一同", "共同")


@dataclass
class LeaderMention:
    name: str
    title: str
    region: Place | None
    level_char: str  # the organ's level (市/区/县/州/省) when no place is named
    sentence: int
    clause: str  # text from the name to the end of its sub-sentence (for 陪同 / 率 cues)
    start: int = 0  # where the title (with its place) starts in the sentence
    carried: bool = False  # the place was carried over from the previous official
    name_at: int = -1  # where the name stands in the sentence


def _pick_name(run: str) -> str | None:
    """The personal name at the start of a run of Han characters."""
    if not run or run[0] in _NEVER_FIRST:
        return None
    if "·" in run or "•" in run:
        run = run.replace("•", "·")
        head, _, tail = run.partition("·")
        for size in range(1, min(len(tail), 8) + 1):
            rest = tail[size:]
            if not rest or rest.startswith(_FOLLOWERS_LONG) or rest.startswith(_FOLLOWERS_SHORT):
                return f"{head}·{tail[:size]}"
        return None
    # 4 covers compound surnames and names such as 苏嘎尔布 written without a dot.
    sizes = (3, 4) if run[:2] in _COMPOUND_SURNAMES else (2, 3, 4)
    for followers in (_FOLLOWERS_LONG, _FOLLOWERS_SHORT):
        # A one-character follower is weak evidence: not enough for a four-character name.
        for size in sizes if followers is _FOLLOWERS_LONG else [n for n in sizes if n < 4]:
            rest = run[size:]
            if size > 2 and len(run) >= size and (run[size - 1] in _JOINERS or size == 4 and run[3] in _SHORT_CHARS):
                continue  # 黄东升及代表团: a name never ends in a conjunction
            if len(run) >= size and (not rest or rest.startswith(followers)):
                return run[:size]
    return None


def _names_after(text: str, pos: int, listing: bool) -> list[str]:
    """The name after a title, and the names 、-joined to it (陈擎苍、尹学群): for an X领导 list
    always, after any other title while the next item is a name and not a further title."""
    names = []
    while True:
        run = _NAME_RUN.match(text, pos)
        if not run:
            break
        if names and _TOKEN.match(text, pos):
            break  # 市委书记A、市长B: B has a title of its own
        name = _pick_name(run.group(0)) or (_long_listed_name(text, run) if listing else None)
        if not name or name.startswith(_NOT_NAMES):
            break
        names.append(name)
        pos = run.start() + len(name)
        if pos >= len(text) or text[pos] != "、":
            break
        if not listing and not _plain_name_next(text, pos + 1):
            break
        pos += 1
    return names


def _qualifies(title: str) -> bool:
    """A post of the place itself, not only a party-group seat or an office head's post."""
    return not (title.endswith("党组成员") or re.search(r"(?:办公室|办|局|中心)主任$", title))


def _plain_name_next(text: str, pos: int) -> bool:
    """Whether a plain two- or three-character name (no title of its own) starts at ``pos``."""
    run = _NAME_RUN.match(text, pos)
    if not run or _TOKEN.match(text, pos):
        return False
    name = _pick_name(run.group(0))
    return bool(name) and len(name) <= 3


def _long_listed_name(text: str, run: re.Match) -> str | None:
    """A five-character name in a list (宝音满都呼、…): the whole run between separators."""
    word = run.group(0)
    plain = not (set(word) & set("了的是在和与"))
    return word if plain and len(word) == 5 and text[run.end(): run.end() + 1] in "、等" else None


def find_leaders(sentences: list[str], gazetteer: Gazetteer, year: int | None) -> list[LeaderMention]:
    """Every titled official in the sentences, with the place their title names (if any)."""
    found: list[LeaderMention] = []
    for index, sentence in enumerate(sentences):
        carried: Place | None = None
        pos = name_end = 0
        while True:
            token = _TOKEN.search(sentence, pos)
            if not token:
                break
            if token.group("head") and (gazetteer.match_prefix(sentence[token.start() + 1:], year=year)
                                        or sentence[token.end(): token.end() + 1] in _NOT_AFTER_HEAD):
                pos = token.start() + 1  # 上海市长宁区 / 湖南省长沙市: a place name, not a mayor
                continue
            # The place standing just before the token (巴中 + 市委书记, 合川区 + 领导), never
            # inside the previous official's name (曹新平和市委副书记: not 平和县).
            clause_start = max(max(sentence.rfind(ch, 0, token.start()) for ch in "，；：、（）“” ") + 1, name_end)
            before = sentence[clause_start: token.start()]
            region, written = _region_before(before, token, gazetteer, year)
            chain_titles = [token.group(0)]
            end = token.end()
            while True:  # 、-joined further titles, each may name its own place
                nxt = _TOKEN.match(sentence, end + 1) if sentence[end: end + 1] == "、" else None
                if nxt is None and sentence[end: end + 1] == "、":
                    hit = gazetteer.match_prefix(sentence[end + 1:], year=year)
                    # 成都市委书记: the name's 市 is also the organ's 市.
                    for size in ((hit[1], hit[1] - 1) if hit else ()):
                        nxt = _TOKEN.match(sentence, end + 1 + size)
                        if nxt is not None:
                            region = hit[0]
                            break
                if nxt is None:
                    dept = _DEPT.match(sentence, end)
                    if dept and token.group("org"):
                        chain_titles.append(dept.group("dept"))
                        end = dept.end()
                        continue
                    break
                chain_titles.append(sentence[end + 1: nxt.end()])
                end = nxt.end()
            listing = token.group("lead") is not None
            names = _names_after(sentence, end, listing)
            # The most local post names the level (省委常委、市委书记X is a city's official).
            level_char = next((c for c in (_level_char_of(t) for t in reversed(chain_titles)) if c), _level_char(token))
            between = sentence[pos: token.start()]
            if ";" in between or "；" in between or _OWN_PLACE.search(between):
                carried = None  # 率队；县委书记…陪同 / …来我市考察，市领导…: the other side
            was_carried = False
            if region is None and carried is not None and carried.canonical_name.endswith(level_char):
                region, was_carried = carried, True
            if names and not any(_qualifies(t) for t in chain_titles):
                names = []  # 县政府党组成员、办公室主任X: no post of the place itself
            if names:
                # The cue clause runs to the end of the sub-sentence (…，…马文森陪同考察；).
                clause_end = min([i for i in (sentence.find(c, end) for c in "；。") if i >= 0] or [len(sentence)])
                title = "、".join(chain_titles)
                for name in names:
                    found.append(LeaderMention(name, written + title, region, level_char,
                                               index, sentence[end:clause_end], clause_start, was_carried,
                                               sentence.find(name, end)))
                name_end = sentence.find(names[-1], end) + len(names[-1])
                if region is not None:
                    carried = region
            pos = max(end, token.end())
        found.extend(_listed_before(sentence, index, found))
    return found


# 陈忠才、陈向阳、吴改等县领导…: the names come before the words that give their rank.
_LISTED_BEFORE = re.compile(r"(?P<names>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4}){1,20})等(?P<level>[省市区县州盟旗])(?:级)?领导")


def _listed_before(sentence: str, index: int, found: list[LeaderMention]) -> list[LeaderMention]:
    out = []
    known = {m.name for m in found if m.sentence == index}
    for match in _LISTED_BEFORE.finditer(sentence):
        names = match.group("names").split("、")
        names[0] = re.split(r"[，。；：]", names[0])[-1]
        if any(_pick_name(name) != name for name in names[1:]):
            continue  # not a plain list of names
        clause_end = min([i for i in (sentence.find(c, match.end()) for c in "；。") if i >= 0] or [len(sentence)])
        for name in names:
            if name not in known and 2 <= len(name) <= 4 and name[0] not in _NEVER_FIRST:
                out.append(LeaderMention(name, match.group("level") + "领导", None, match.group("level"), index,
                                         sentence[match.end():clause_end], match.start()))
    return out


def _level_char_of(title: str) -> str:
    match = _TOKEN.search(title)
    return _level_char(match) if match else ""


def _level_char(token: re.Match) -> str:
    text = token.group(0)
    if text.startswith("自治区"):
        return "省"  # a region's organs are province-level
    if text.startswith("地委"):
        return "地"  # a prefecture-level 地区 (塔城地区)
    for ch in text:
        if ch in "省市区县州盟旗":
            return ch
    return ""


def _region_before(before: str, token: re.Match, gazetteer: Gazetteer, year: int | None) -> tuple[Place | None, str]:
    """The place ending ``before`` and its text as written (巴中 for 巴中市委书记)."""
    if not before or before.endswith(("我", "本")):
        return None, ""
    level = _level_char(token)
    if token.group("org") and token.group("org")[:1] in "团师":  # 阿拉尔市八团党委书记: the city of the unit
        before = re.sub(r"第?[一二三四五六七八九十百\d]+$", "", before)
    # 吉林经济开发区管委会副主任: the zone's place
    before = re.sub(r"(?:经济技术开发区|经济开发区|经开区|高新技术产业开发区|高新区|开发区|工业园区|产业园区)$", "", before)
    # 巴中 + 市委: the token's level char belongs to the name; try name+char first.
    for candidate in (before + level, before):
        hit = gazetteer.match_suffix(candidate, year=year)
        if hit and hit[1] >= 2:
            return hit[0], before[len(candidate) - hit[1]:]
    return None, ""
