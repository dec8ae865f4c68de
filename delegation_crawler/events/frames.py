"""Visit frames: who travels where, read sentence by sentence.

A frame is a movement verb (``到 赴 来 莅临 抵达 …``) with a place after it and a purpose word
within a few characters (``考察 调研 学习 …``), whose subject before the verb is a delegation
(``X党政代表团``), an official with a place (``齐河县委书记孟令兴带领…``) or a place. A side the
text names only as 我市/我县, as an abbreviation (``来足``, ``莅攀``) or as a place the gazetteer
does not know stays *written* when it cannot be resolved, so a clear visit with one unknown
side is still reported (with a null code) instead of being dropped.
"""

from __future__ import annotations

import re

from ..places import Place
from .context import StoryContext, has_level
from .leaders import LeaderMention
from .meetings import coming_guest_frame, joint_meeting, meeting_frames, pair_meeting, talks_frames, welcome_frames
from .sides import DELEGATION, FOREIGN, NON_GOVERNMENT_SUBJECT, PRONOUNS, Frame, Side, delegation_place, nested
from .tense import told_as_past

_ARRIVE = ("抵达", "抵", "莅临", "到达")
_MOVE = re.compile(r"到访|回访|来访|拜访|访问|到达|来到|到|赴|来|莅临|莅|前往|走进|深入|抵达|抵|在")
# A group on the move: a delegation noun, X一行, or an official leading it (率队, 带队 …).
_GROUP = re.compile(r"一行|率队|带队|率团|带团|带领|率领|率(?!先)")
# Purposes a delegation states by the event it attends (赴宁夏，出席闽宁…联席会议，并学习考察).
_ATTENDS = ("出席", "参加")
_OBJECT_VERB = re.compile(r"考察了?|访问了?|调研了?")
PURPOSE = ("考察", "调研", "调查", "学习", "交流", "对接", "参观", "访问", "洽谈", "观摩", "座谈", "走访", "开展", "进行", "共商", "招商",
           "推介", "签署", "签约", "会谈", "检查", "指导", "督导", "慰问", "视察", "商谈", "参访", "互访", "推进", "协作", "看望",
           "落实")
_MODIFIER = re.compile(r"[\u4e00-\u9fff]{1,10}?的")  # 赴对口帮扶的六盘水市, 赴毗邻上海的浙江省
_WRITTEN_PLACE = re.compile(r"([^\W的对]{2,8}?(?:新区|开发区|高新区|自治县|自治州|市|县|区|州|省|旗|盟))")
# A zone named without its place (莅临经开区) says nothing about where it is.
_GENERIC_ZONE = re.compile(r"(?:经开|开发|高新|新|园|工业园|产业园|经济开发|经济技术开发|综合保税)区")
_WISHES = ("希望", "期待", "邀请", "欢迎更多", "诚邀")
_NOT_ABBREVIATIONS = set("华此这我本该当各外内国")  # 来华: China; 来此: here
_FUTURE = re.compile(r"将(?:要)?(?:带领|率领|率|带|赴|于|到|前往|组织|启程|出访)|即将|拟于|拟赴|计划于|准备赴")


def _has_purpose(tail: str) -> bool:
    """A purpose word soon after the place: in its own clause, or opening the next one
    (``来到我市，参观学习…``, ``赴陕西，就…立法…开展学习考察``)."""
    clauses = re.split(r"[，；]", re.split(r"[。！？]", tail, maxsplit=1)[0], maxsplit=2)
    following = clauses[1] if len(clauses) > 1 and len(clauses[0]) <= 6 else ""
    topic = ("就", "围绕", "对", "针对", "为")
    reach = 60 if following.startswith(topic) else 10
    window = clauses[0][: 60 if clauses[0].startswith(topic) else 8] + "|" + following[:reach]
    return any(word in window for word in PURPOSE)


def _host_after(rest: str, ctx: StoryContext, needs_purpose: bool, abbreviation: bool = True,
                coming: bool = False) -> Side | None:
    for pronoun, level_char in PRONOUNS.items():
        if rest.startswith(pronoun):
            tail = rest[len(pronoun):]
            listed = re.match(r"(?:[\u4e00-\u9fff]{2,8}?[县区市旗][、和及]?)+", tail)  # 到我州永平县、云龙县…考察
            if needs_purpose and not _has_purpose(tail) and not (listed and _has_purpose(tail[listed.end():])):
                return None
            single = listed is not None and not re.search(r"[、和及]", listed.group(0))
            inner = ctx.gaz.parse(tail, year=ctx.year) if single else None  # 到我州永平县、云龙县…: 我州
            own = ctx.self_place(level_char)
            if inner is not None and (own is None or own.contains(inner[0])) and inner[0].level == "county":
                return Side(inner[0])  # 来到我市台江区考察: the district of the story's city
            return Side(own, pronoun, level_char)
    one = _abbreviation(rest, ctx, coming) if abbreviation else None
    if one is not None:
        return one
    zone = re.match(r"(?:经开|高新|开发|新)区[（(]([\u4e00-\u9fff]{2,6})[)）]", rest)
    if zone:  # 来高新区（滨江）: the zone's district, named in brackets
        named = ctx.gaz.parse(zone.group(1), year=ctx.year)
        if named is not None and (not needs_purpose or _has_purpose(rest[zone.end():])):
            return Side(named[0])
    hit = ctx.gaz.parse(rest, year=ctx.year)
    # 赴对口帮扶的六盘水市 / 来到浙江对口支援的青海海西州: the place after the modifier.
    modifier = _MODIFIER.match(rest, hit[1] if hit else 0)
    later = ctx.gaz.parse(rest[modifier.end():], year=ctx.year) if modifier else None
    if later is not None:
        hit, rest = later, rest[modifier.end():]
    if hit is None:
        written = _WRITTEN_PLACE.match(rest)
        if written and _has_purpose(rest[written.end():]) and written.group(1)[:2] not in ("我市", "本市"):
            if not any(word in written.group(1) for word in FOREIGN):
                return Side(None, written.group(1))
        return None
    place, used = hit
    also = []
    while True:  # 赴郧西县、山阳县、柞水县考察: the first of a list of places
        joined = re.match(r"[、和及与](?:(?:经开|高新|开发|新)区[、和及与])?", rest[used:])  # …、高新区、磐石市
        more = ctx.gaz.parse(rest[used + joined.end():], year=ctx.year) if joined else None
        if more is None:
            break
        also.append(more[0])
        used += joined.end() + more[1]
    used += len(re.match(r"[两三四五六七八九十\d]*[个]?(?:省区市|省市|市县|县区|县市|地|省|市|县|区)?", rest[used:]).group(0))
    if needs_purpose and not _has_purpose(rest[used:]):
        return None
    parent = ctx.gaz.get(place.parent) if also and place.level == "county" else None
    if parent is not None and all(p.parent == parent.code for p in also) and rest.startswith(parent.short or parent.name):
        return Side(parent, also=(place, *also))  # 赴眉山市东坡区、仁寿县、彭山县: a tour of 眉山市
    return Side(place, also=tuple(also))


def _abbreviation(rest: str, ctx: StoryContext, coming: bool = False) -> Side | None:
    """来秀 / 莅攀 / 来足 / 赴蓉: one character, then the purpose. It is the story's own place
    (秀山), else a place the story names that has the character (大足区 for 足), else a
    province's or city's customary abbreviation (渝, 蓉)."""
    if len(rest) < 2 or not ("\u4e00" <= rest[0] <= "\u9fff"):
        return None
    later = re.split(r"[。！？]", rest[2:72], maxsplit=1)[0]
    if not rest[1:].startswith(PURPOSE + ("期间",)) and not (rest[1] in "，、" and any(w in later for w in PURPOSE)):
        return None
    if rest[0] in _NOT_ABBREVIATIONS:
        return None
    char = rest[0]
    for place in ctx.evidence:
        while place is not None:
            if (place.short or place.name).startswith(char):
                return Side(place, abbreviated=True)
            place = ctx.gaz.get(place.parent) if place.level == "county" else None
    named = [ctx.gaz.get(code) for code, _ in ctx.mentions.most_common()]
    for place in named:
        short = place.short or place.name[:-1] if place is not None else ""
        if place is not None and char in (short[:1], short[-1:] if place.level != "province" else ""):
            return Side(place, abbreviated=True)  # 来璧 (璧山区), 来足 (大足区), 来宁 (宁夏)
    listed = [p for p in ctx.gaz.candidates(char)]
    if len(listed) == 1:
        return Side(listed[0], abbreviated=True)
    if coming and len(ctx.evidence) == 1:  # 长乐新闻网讯 …来航开展…: a nickname of the paper's own place
        return Side(ctx.evidence[0], abbreviated=True)
    return None


NEAREST_NOUNS = 4
MAX_MOVES = 300  # movement verbs read per article (a real report has a few dozen): bounded time


def _visitor_before(pre: str, pre_offset: int, sentence_leaders: list[LeaderMention],
                    ctx: StoryContext) -> tuple[Side, list[str], bool] | None:
    """The subject of a movement: a delegation, an official with a place, or a place.
    None when the sentence so far is told in the past (background, not this visit)."""
    if told_as_past(pre, ctx.year):
        return None
    flags: list[str] = []
    if _FUTURE.search(pre[-16:]) or re.search(r"(?:将|将要|即将|拟|准备)$", pre):
        flags.append("a visit only announced")
    nouns = list(DELEGATION.finditer(pre))
    # The nearest few nouns only: a 1000-character run of them (garbage, a fuzzer) would cost
    # one place lookup per pair of noun and verb.
    for number, noun in reversed(list(enumerate(nouns))[-NEAREST_NOUNS:]):
        if re.search(r"该[市县区州旗省](?:党政|人大|政协)?$", pre[: noun.start()]):
            continue  # X市委书记A率该市党政代表团: the official names the place
        side, noun_flags = delegation_place(pre[: noun.start()], ctx)
        if noun.group(0) in ("采访团", "采风团", "记者团", "媒体团", "艺术团"):
            noun_flags.append("not a government delegation")
            if number and re.search(r"[及和与、]", pre[nouns[number - 1].end(): noun.start()]):
                continue  # 县党政代表团及县刀郎艺术团: the government delegation leads
        if "not a government delegation" in noun_flags and re.search(r"携|带着|带领", pre[max(0, noun.start() - 30): noun.start()]):
            continue  # 党政代表一行30人携…企业家考察团: the officials bring the businesspeople
        if NON_GOVERNMENT_SUBJECT.search(pre[max(0, noun.start() - 40): noun.start()]):
            noun_flags.append("not a government delegation")  # 商会会长X带领考察团, 民盟…为团长的考察团
        if side.known or noun_flags:
            return side, noun_flags + flags, True
    noun_at = nouns[-1].start() if nouns else 0
    last_clause = max(pre.rfind("，", 0, noun_at), pre.rfind("；", 0, noun_at))
    near = [m for m in sentence_leaders if last_clause < m.start < noun_at and m.region is not None]
    if near:  # 在阿坝州委常委X带领下，金川县委书记Y及党政代表团一行赴…: the delegation's own official
        return Side(near[-1].region), flags, True
    for leader in sentence_leaders:
        if leader.start < pre_offset:
            if leader.region is not None:  # …主席黄平林率队到我县: an official leading a group
                return Side(leader.region), flags, bool(nouns) or bool(re.search(r"一行|率队|带队|率团", pre[leader.start:]))
            led = pre[leader.start:]
            group = _GROUP.search(led)
            if group is not None:  # 区委书记李晓彤率渌口区…学员赴…: the group names its place
                named = ctx.gaz.mentions(led[group.end(): group.end() + 20], year=ctx.year)
                if named and named[0][0] == 0 and has_level(named[0][2], leader.level_char):
                    return Side(named[0][2]), flags, True
            # 由市委副书记、市长郭冀平率队赴…: the official's own city, resolved like 我市.
            side = Side(ctx.self_place(leader.level_char), leader.level_char, leader.level_char, placeless=True)
            return side, flags, bool(nouns) or group is not None
    stripped = re.sub(r"(?:一行(?:\d+人)?|率队|带队|近日|日前|今天|昨天|专程|专门|特地|等|[，、\s])+$", "", pre)
    if any(word in stripped[-12:] for word in FOREIGN):
        return Side(), ["foreign delegation"], bool(nouns)
    for pronoun, level_char in PRONOUNS.items():
        if stripped.endswith(pronoun):
            if nouns:
                return Side(ctx.self_place(level_char), pronoun, level_char), flags, True
            return Side(), flags, False  # "我市到X" without a delegation: too vague
    hit = ctx.gaz.match_suffix(stripped, year=ctx.year)
    if hit and hit[1] >= 2:
        return Side(hit[0]), flags, bool(nouns)
    # A group travelling without a delegation noun: an office (…指挥部办公室到…), a titled
    # official with no name (县长率…), or X一行.
    organ = (re.search(r"办公室|指挥部|[长记席任]率$|政协$|人大(?:常委会)?$|政府$|党委$|[省市县区州旗盟]委$|人大代表$|政协委员$|[区县市州]领导$", stripped)
             or re.search(r"(?:一行(?:\d+人)?|带队|率队|率团)[，\s]*(?:专程|专门|特地)?$", pre))
    subject = _subject_place(stripped, ctx) if organ or nouns else None
    if subject is not None:
        if NON_GOVERNMENT_SUBJECT.search(re.split(r"[，。；：]", stripped)[-1]):
            flags = flags + ["not a government delegation"]  # 致公党四川省委赴…, 商会副会长…率队赴…
        return Side(subject), flags, True
    return Side(), flags, bool(nouns)


def _attending(rest: str, ctx: StoryContext) -> Side | None:
    """A group's destination told by what it attends there: the sentence also states a purpose
    (…出席联席会议，并学习考察), or the event is the host's own (参加玉树州成立70周年庆祝活动).
    A forum of many places (泛珠三角…联席会议) held there is a third place, not a visit."""
    sentence = re.split(r"[。！？]", rest, maxsplit=1)[0]
    host = _host_after(sentence, ctx, False, abbreviation=False)
    if host is None or host.place is None:
        return None
    attend = next((sentence.find(w) for w in _ATTENDS if w in sentence), -1)
    stated = sentence[:attend] + sentence[attend + 12:] if attend >= 0 else sentence
    if any(word in stated for word in PURPOSE):
        return host
    event = sentence[attend: attend + 30] if attend >= 0 else ""
    names = {host.place.name, host.place.short or host.place.name, host.place.canonical_name}
    return host if any(name and name in event for name in names) else None


def _subject_place(subject: str, ctx: StoryContext) -> Place | None:
    """The place that opens the subject's own clause (西藏曲松县县委副书记、县长率…, 深圳市南山区
    “百千万工程”指挥部办公室到…): the most specific of a chain of nested names."""
    clause = re.split(r"[，。；：]", subject)[-1]
    if len(clause) > 40:
        return None
    named = [place for _, _, place in ctx.gaz.mentions(clause, year=ctx.year)]
    if not named:
        return None
    best = named[0]
    for place in named[1:]:
        if best.contains(place) and place.code != best.code:
            best = place
    return best


def find_frames(lines: list[str], title_count: int, leaders: list[LeaderMention], ctx: StoryContext) -> list[Frame]:
    ctx.all_leaders = leaders
    frames = []
    moves_left = MAX_MOVES
    for index, sentence in enumerate(lines):
        sentence_leaders = [m for m in leaders if m.sentence == index]
        moves = list(_MOVE.finditer(sentence)) + list(_OBJECT_VERB.finditer(sentence))
        moves, moves_left = moves[:max(moves_left, 0)], moves_left - len(moves)
        for move in moves:
            needs_purpose = move.re is _MOVE and "访" not in move.group(0)  # 到访/回访 say the purpose
            if move.group(0) == "在" and not DELEGATION.search(sentence[: move.start()]):
                continue
            if any(word in sentence[: move.start()] for word in _WISHES):
                continue  # 希望…多来南宁考察: a wish, not this visit
            rest = sentence[move.end():].removeprefix("了")
            host = _host_after(rest, ctx, needs_purpose, abbreviation=move.re is _MOVE,
                               coming=move.group(0) in ("来", "莅", "莅临"))
            before = sentence[max(0, move.start() - 40): move.start()]
            if host is None and move.group(0) in _ARRIVE and DELEGATION.search(before[-30:]):
                host = _host_after(rest, ctx, False)  # 代表团…抵达广州: arriving says it
            elif host is None and move.re is _MOVE and (DELEGATION.search(before) or _GROUP.search(sentence[: move.start()])):
                host = _attending(rest, ctx)  # 代表团来到宁夏，出席…联席会议，并学习考察
            if host is None:
                continue
            found = _visitor_before(sentence[: move.start()], move.start(), sentence_leaders, ctx)
            if found is None:
                continue
            visitor, flags, delegation = found
            coming = move.group(0) in ("来", "来到", "莅临", "莅", "来访", "回访", "到访")
            frames.append(Frame(visitor, host, index, index < title_count, flags, delegation, coming))
        if "会见" in sentence or "接见" in sentence:
            frames.extend(meeting_frames(sentence, index, index < title_count, sentence_leaders, ctx))
        joint = joint_meeting(sentence, ctx) or pair_meeting(sentence, ctx)
        if joint is not None:  # 甘肃省与内蒙古自治区…签约仪式在呼和浩特市举行, 深哈…联席会议在深召开
            frames.append(Frame(joint[0], joint[1], index, index < title_count, [], True))
        frames.extend(coming_guest_frame(sentence, index, index < title_count, ctx))
        frames.extend(talks_frames(sentence, index, index < title_count, sentence_leaders, ctx))
        if "欢迎" in sentence:
            frames.extend(welcome_frames(sentence, index, index < title_count, sentence_leaders, ctx))
    for frame in frames:
        frame.crumb = bool(re.search(r"首页|您现在的位置|当前位置|>", lines[frame.sentence][:80]))
    # Where the story travels to; 来莆 (coming, by one character) is the writer's own place instead.
    destinations = {p.code for f in frames if not (f.coming and f.host.abbreviated)
                    for p in (f.host.place, *f.host.also) if p is not None}
    for frame in frames:
        _resolve_pronouns(frame, ctx, destinations)
    return frames


def _resolve_pronouns(frame: Frame, ctx: StoryContext, destinations: set[str]) -> None:
    """我市 with no evidence of whose city: the place of that level the story keeps naming,
    other than the far side (and, for a visitor, other than any place the story travels to)."""
    for near, far in ((frame.host, frame.visitor), (frame.visitor, frame.host)):
        if near.place is None and near.level_char and far.place is not None:
            skip = destinations if near is frame.visitor else set()
            named = ctx.self_place(near.level_char, exclude=far.place, skip=skip)
            if near.placeless and named is not None and not ctx.evidence and ctx.mentions[named.code] < 2:
                named = None  # named once: too weak for an official with no place
            province = ctx.gaz.get(far.place.code[:2] + "0000")
            if near.placeless and near.level_char == "省" and province is not None and province.code != far.place.code:
                # 省政协副主席X率…赴怀宁县: a province's official in one of its counties is at home
                # unless the story plainly names another province.
                if named is None or ctx.mentions[named.code] < 2:
                    named = province
            parent = ctx.gaz.get(far.place.parent)
            if near.placeless and parent is not None and parent.canonical_name.endswith(near.level_char):
                # 市委常委X带领…来台江区: a city's official in a district is at home unless the
                # story plainly names another city.
                if named is None or ctx.mentions[named.code] < 2:
                    named = parent
            near.place = named


def choose_frame(frames: list[Frame]) -> tuple[Frame | None, str]:
    """The frame that tells the story's visit, and why it is not one ('' for a visit)."""
    for frame in frames:  # Hong Kong, Macao, Taiwan are outside this product's mainland divisions
        if any(side.place is not None and side.place.code[:2] in ("71", "81", "82") for side in (frame.visitor, frame.host)):
            frame.flags.append("foreign delegation")
    complete = [f for f in frames if f.visitor.place is not None and f.host.place is not None]
    for frame in complete:
        if frame.flags:
            twin = next((f for f in complete if not f.flags and f.visitor.place.code == frame.visitor.place.code
                         and f.host.place.code == frame.host.place.code), None)
            if twin is not None and frame.crumb and "foreign delegation" not in frame.flags:
                return twin, ""  # a crumb line (…>文字新闻越城区党政代表团…) flagged; the story's sentence is clean
            return frame, frame.flags[0]
        if nested(frame.visitor.place, frame.host.place):
            continue
        return frame, ""
    flagged = [f for f in frames if f.flags]
    if flagged:
        return flagged[0], flagged[0].flags[0]
    if complete:
        return complete[0], "visit within the visitor's own territory"
    visitors = [f for f in frames if f.visitor.place is not None and f.host.place is None and not f.host.written]
    hosts = [f for f in frames if f.host.place is not None and f.visitor.place is None and f.delegation]
    if visitors and hosts and not nested(visitors[0].visitor.place, hosts[0].host.place):
        return Frame(visitors[0].visitor, hosts[0].host, hosts[0].sentence, hosts[0].in_title, [], True), ""
    # A clear visit (a delegation travelling, one end resolved) whose other end is only written.
    partial = [f for f in frames if f.delegation and f.visitor.known and f.host.known
               and (f.visitor.place is not None or f.host.place is not None)
               and not _GENERIC_ZONE.fullmatch(f.host.written or "-") and not _GENERIC_ZONE.fullmatch(f.visitor.written or "-")]
    if partial:
        return partial[0], ""
    return None, "no delegation travelling between two places"
