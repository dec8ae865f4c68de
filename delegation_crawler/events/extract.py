"""Delegation-visit events from one article (see docs/events.md for the rules and numbers).

The parse is rule-based on purpose: the portals' reports follow a few fixed formulas
(``X党政代表团到我市考察``, ``X市委书记Y率考察团赴Z``, ``签署了《...》``, ``先后前往A、B、C等``),
the rules explain every output, and the labelled set in tests/data/events measures them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..places import Gazetteer, Place, gazetteer
from . import dates as visit_dates
from .leaders import LeaderMention, find_leaders
from .text import canonical, sentences

DELEGATION_NOUNS = (
    "党政代表团", "党政考察团", "学习考察团", "考察学习团", "友好代表团", "经贸代表团", "代表团", "考察团", "考察组",
    "调研组", "调研团", "访问团", "学习团", "采访团", "采风团", "记者团", "媒体团", "艺术团",
)
_DELEGATION = re.compile("|".join(DELEGATION_NOUNS))
# Qualifiers between a place and its delegation noun (巴中市委市政府考察团).
_QUALIFIERS = ("党政", "市委市政府", "区委区政府", "县委县政府", "州委州政府", "市委", "区委", "县委", "政府", "人民政府",
               "党委", "一行", "联合", "友好", "学习", "经贸")
# A delegation that is not a place's government: media, business, culture, sport, students.
_NOT_GOVERNMENT = ("媒体", "采访", "记者", "新闻", "网络", "网媒", "企业", "商会", "客商", "投资商", "公司", "集团", "体育", "运动",
                   "艺术", "文艺", "演出", "学生", "青少年", "专家", "采风", "协会", "学会", "大学", "学院", "医院", "银行")
_FOREIGN = (
    "外国", "国外", "外籍", "驻华", "使馆", "领事", "德国", "法国", "美国", "日本", "韩国", "英国", "俄罗斯", "意大利", "西班牙",
    "澳大利亚", "新西兰", "加拿大", "泰国", "越南", "老挝", "柬埔寨", "缅甸", "马来西亚", "新加坡", "印度尼西亚", "印尼", "巴基斯坦",
    "哈萨克斯坦", "乌兹别克斯坦", "吉尔吉斯斯坦", "塔吉克斯坦", "土库曼斯坦", "匈牙利", "波兰", "捷克", "塞尔维亚", "白俄罗斯",
    "荷兰", "比利时", "瑞士", "瑞典", "芬兰", "丹麦", "挪威", "奥地利", "以色列", "埃及", "南非", "尼日利亚", "肯尼亚",
    "埃塞俄比亚", "巴西", "阿根廷", "智利", "墨西哥", "秘鲁", "古巴", "蒙古国", "尼泊尔", "斯里兰卡", "孟加拉", "印度", "伊朗",
    "土耳其", "沙特", "阿联酋", "卡塔尔", "葡萄牙", "希腊", "爱尔兰", "乌克兰", "格鲁吉亚", "菲律宾", "文莱", "朝鲜", "欧盟",
    "非洲", "东盟", "德方", "美方", "日方", "外宾", "外商",
)
_MOVE = re.compile(r"到访|回访|来访|访问|到|赴|来|莅临|前往|走进|抵达|抵|在")
_OBJECT_VERB = re.compile(r"考察了?|访问了?|调研了?")
_PURPOSE = ("考察", "调研", "学习", "交流", "对接", "参观", "访问", "洽谈", "观摩", "座谈", "走访", "开展", "进行", "共商", "招商",
            "推介", "签署", "签约", "会谈", "检查", "指导", "督导", "慰问", "视察", "商谈", "参访", "互访")
_PRONOUNS = {"我市": "市", "本市": "市", "我县": "县", "本县": "县", "我区": "区", "本区": "区", "我州": "州", "本州": "州",
             "我旗": "旗", "我省": "省", "本省": "省"}
_SIGN = re.compile(r"签署|签订|签定|签下|共签|签约")
_AGREEMENT_SUFFIX = ("框架协议", "合作协议", "协议书", "协议", "备忘录", "意向书", "行动计划", "合作计划", "工作方案", "实施方案",
                     "方案", "协定", "合同", "倡议书", "宣言", "公约", "合作书", "计划", "共识")
_UNTITLED_AGREEMENT = re.compile(
    r"(?:签署|签订|签定|共签)(?:了|的)?(?P<obj>[\u4e00-\u9fff\d]{2,30}?(?:框架协议|合作协议|协议书|协议|备忘录|意向书|行动计划|"
    r"合作计划|协定|倡议书|宣言|合作书))"
)
_PAST_FLAG = "a past visit mentioned in passing"
_TITLE = re.compile(r"《([^《》]{2,60})》")
_QUOTED_AGREEMENT = re.compile(r"(?:签署|签订|签定|共签)了?[“\"「]([^”\"」]{2,60}?)[”\"」]")
_NOT_SIGNED = ("条例", "法", "纲要", "讲话", "精神", "通知", "决定", "意见", "办法", "报告", "规定", "决议")
_EARLIER = ("去年", "前年", "此前", "上年", "前期", "早在", "曾经", "曾于", "年前", "已于", "过去", "以往")
_PRESENT = ("此次", "本次", "这次", "今天", "会上", "座谈会上", "仪式上", "现场")
_CITED_BEFORE = ("围绕", "根据", "按照", "依据", "落实", "贯彻", "遵循", "依照", "对照", "推进")
_SITES = re.compile(
    r"(?:先后|相继|依次|分别)?(?:前往|来到|走进|参观了|参观|实地学习考察了|实地考察了|实地考察|考察了|走访了|察看了|调研了|观摩了)"
    r"(?P<list>[^。；！？]{1,300}?)(?:等地|等处|等企业|等项目|等单位|等园区|等(?=[，。；])|(?=[，。；]\s*(?:详细|深入|实地|认真|听取|了解|察看|现场|"
    r"每到|重点|考察|大家)))"
)
# A report is a few thousand characters; reading more only costs time on junk pages.
MAX_TEXT_CHARS = 30_000
MAX_TITLE_CHARS = 300
ACTIVITIES = ("考察", "调研", "学习", "座谈会", "签约", "会见", "会谈", "对接", "推介会", "交流", "参观")
_SOURCE_SUFFIXES = ("广播电视台", "融媒体中心", "新闻网", "电视台", "日报", "晚报", "都市报", "报社", "融媒", "网", "报")


@dataclass
class _Context:
    gaz: Gazetteer
    year: int | None
    source_place: Place | None
    home: Place | None

    def self_place(self, level_char: str) -> Place | None:
        """我市/我县/我区 (or an organ with no place, 县委书记) -> the story's own place."""
        pool = [p for p in (self.source_place, self.home) if p is not None]
        for place in pool:
            if level_char == "省":
                return self.gaz.get(place.code[:2] + "0000")
            if place.canonical_name.endswith(level_char) or (level_char == "市" and place.code in _MUNICIPALITY_CODES):
                return place
        for place in pool:  # 我市 in a district's portal: the district's city
            parent = self.gaz.get(place.parent)
            if parent is not None and parent.canonical_name.endswith(level_char):
                return parent
        return None


_MUNICIPALITY_CODES = {"110000", "120000", "310000", "500000"}


@dataclass
class _Frame:
    visitor: Place | None = None
    host: Place | None = None
    sentence: int = 0
    in_title: bool = False
    flags: list[str] = field(default_factory=list)
    delegation: bool = False


def _source_place(source: str | None, ctx_gaz: Gazetteer, year: int | None) -> Place | None:
    """The paper's or site's place: 攀枝花日报 -> 攀枝花市, 秀山网 -> 秀山县."""
    if not source:
        return None
    name = canonical(source).strip()
    for suffix in _SOURCE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    hit = ctx_gaz.parse(name, year=year)
    if hit and hit[1] == len(name):
        return hit[0]
    return None


def _resolve_home(home_place: str | None, gaz: Gazetteer, year: int | None) -> Place | None:
    return gaz.resolve(home_place, year=year) if home_place else None


def _strip_qualifiers(text: str) -> str:
    changed = True
    while changed:
        changed = False
        for word in _QUALIFIERS:
            if text.endswith(word) and len(text) > len(word):
                text = text[: -len(word)]
                changed = True
    return text


def _delegation_place(prefix: str, ctx: _Context) -> tuple[Place | None, list[str]]:
    """The place owning a delegation noun, from the text just before the noun."""
    flags = []
    clause = re.split(r"[，。；：、“”（）\s]", prefix)[-1]
    if any(word in clause for word in _FOREIGN):
        flags.append("foreign delegation")
    if any(word in clause for word in _NOT_GOVERNMENT):
        flags.append("not a government delegation")
    clause = _strip_qualifiers(clause)
    if clause in ("市", "县", "区", "州", "旗"):  # 市党政代表团: the paper's own city
        return ctx.self_place(clause), flags
    for pronoun, level_char in _PRONOUNS.items():
        if clause.endswith(pronoun):
            return ctx.self_place(level_char), flags
    # The longest chain of names ending at the noun (北京市朝阳区 settles the namesake 朝阳区).
    for offset in range(max(0, len(clause) - 24), len(clause) - 1):
        chain = ctx.gaz.parse(clause[offset:], year=ctx.year)
        if chain and offset + chain[1] == len(clause):
            return chain[0], flags
    hit = ctx.gaz.match_suffix(clause, year=ctx.year)
    return (hit[0] if hit else None), flags


def _host_after(rest: str, ctx: _Context, needs_purpose: bool) -> Place | None:
    for pronoun, level_char in _PRONOUNS.items():
        if rest.startswith(pronoun):
            tail = rest[len(pronoun):]
            if not needs_purpose or _has_purpose(tail):
                return ctx.self_place(level_char)
            return None
    own = _own_abbreviation(rest, ctx)
    if own is not None:
        return own
    hit = ctx.gaz.parse(rest, year=ctx.year, allow_abbreviation=True)
    if hit is None:
        return None
    place, used = hit
    tail = rest[used:]
    if used == 1 and not tail.startswith(_PURPOSE + ("期间",)):
        return None
    if needs_purpose and not _has_purpose(tail):
        return None
    return place


def _own_abbreviation(rest: str, ctx: _Context) -> Place | None:
    """来秀/来攀/来遂: one character of the story's own place, then the purpose."""
    if len(rest) < 2 or not ("\u4e00" <= rest[0] <= "\u9fff") or not rest[1:].startswith(_PURPOSE + ("期间",)):
        return None
    for place in (ctx.source_place, ctx.home):
        while place is not None:
            if place.name.startswith(rest[0]) and place.level != "province":
                return place
            place = ctx.gaz.get(place.parent) if place.level == "county" else None
    return None


def _has_purpose(tail: str) -> bool:
    window = re.split(r"[，。；]", tail, maxsplit=1)[0][:8]
    return any(word in window for word in _PURPOSE)


def _visitor_before(pre: str, pre_offset: int, sentence_leaders: list[LeaderMention], ctx: _Context) -> tuple[Place | None, list[str], bool]:
    """The subject of a movement: a delegation, an official with a place, or a place."""
    flags: list[str] = []
    if _told_as_past(pre, ctx.year):
        return None, [_PAST_FLAG], False
    nouns = list(_DELEGATION.finditer(pre))
    for noun in reversed(nouns):
        place, noun_flags = _delegation_place(pre[: noun.start()], ctx)
        if noun.group(0) in ("采访团", "采风团", "记者团", "媒体团", "艺术团"):
            noun_flags.append("not a government delegation")
        if place is not None or noun_flags:
            return place, noun_flags, True
    for leader in sentence_leaders:
        if leader.start < pre_offset:
            if leader.region is not None:
                return leader.region, flags, bool(nouns)
            place = ctx.self_place(leader.level_char)
            if place is not None:
                return place, flags, bool(nouns)
    stripped = re.sub(r"(?:一行|率队|带队|近日|日前|今天|昨天|[，、\s])+$", "", pre)
    if any(word in stripped[-12:] for word in _FOREIGN):
        return None, ["foreign delegation"], bool(nouns)
    for pronoun in _PRONOUNS:
        if stripped.endswith(pronoun):
            return None, flags, bool(nouns)  # "我市到X" without a delegation: too vague
    hit = ctx.gaz.match_suffix(stripped, year=ctx.year)
    if hit and hit[1] >= 2:
        return hit[0], flags, bool(nouns)
    return None, flags, bool(nouns)


def _frames(lines: list[str], title_count: int, leaders: list[LeaderMention], ctx: _Context) -> list[_Frame]:
    frames = []
    for index, sentence in enumerate(lines):
        sentence_leaders = [m for m in leaders if m.sentence == index]
        for move in list(_MOVE.finditer(sentence)) + list(_OBJECT_VERB.finditer(sentence)):
            needs_purpose = move.re is _MOVE and "访" not in move.group(0)  # 到访/回访 say the purpose
            if move.group(0) == "在" and not _DELEGATION.search(sentence[: move.start()]):
                continue
            host = _host_after(sentence[move.end():], ctx, needs_purpose)
            if host is None:
                continue
            visitor, flags, delegation = _visitor_before(sentence[: move.start()], move.start(), sentence_leaders, ctx)
            if _PAST_FLAG in flags:
                continue
            frames.append(_Frame(visitor, host, index, index < title_count, flags, delegation))
        if "会见" in sentence:
            frames.extend(_meeting_frames(sentence, index, index < title_count, sentence_leaders, ctx))
    return frames


def _meeting_frames(sentence: str, index: int, in_title: bool, leaders: list[LeaderMention], ctx: _Context) -> list[_Frame]:
    """``范锐平会见了李建勤及攀枝花市党政代表团一行``: the host is the meeting official's place."""
    at = sentence.find("会见")
    after = sentence[at:]
    noun = _DELEGATION.search(after)
    if noun is None:
        return []
    visitor, flags = _delegation_place(after[: noun.start()], ctx)
    hosts = [m.region for m in leaders if m.start < at and m.region is not None]
    if visitor is None or not hosts:
        return []
    return [_Frame(visitor, hosts[-1], index, in_title, flags, True)]


def _nested(a: Place, b: Place) -> bool:
    return a.contains(b) or b.contains(a)


def _choose_frame(frames: list[_Frame]) -> tuple[_Frame | None, str]:
    complete = [f for f in frames if f.visitor is not None and f.host is not None]
    for frame in complete:
        if frame.flags:
            return frame, frame.flags[0]
        if _nested(frame.visitor, frame.host):
            continue
        return frame, ""
    flagged = [f for f in frames if f.flags]
    if flagged:
        return flagged[0], flagged[0].flags[0]
    if complete:
        return complete[0], "visit within the visitor's own territory"
    visitors = [f for f in frames if f.visitor is not None and f.host is None]
    hosts = [f for f in frames if f.host is not None and f.visitor is None and f.delegation]
    if visitors and hosts and not _nested(visitors[0].visitor, hosts[0].host):
        return _Frame(visitors[0].visitor, hosts[0].host, hosts[0].sentence, hosts[0].in_title, [], True), ""
    return None, "no delegation travelling between two places"


def _first_cue(clause: str) -> str | None:
    """The first side-telling verb after an official's name: 率/带队 (visitor) or 陪同 (host)."""
    hits = [(clause.find(cue), cue) for cue in ("陪同", "率", "带队", "参加", "出席") if cue in clause]
    return min(hits)[1] if hits else None


def _assign_sides(mentions: list[LeaderMention], visitor: Place, host: Place, ctx: _Context) -> list[dict]:
    out: dict[str, dict] = {}
    for mention in mentions:
        side = None
        region = mention.region
        if (region is not None and mention.carried and _first_cue(mention.clause) == "陪同" and visitor.contains(region)
                and host.canonical_name.endswith(mention.level_char)):
            region = host  # X县委书记A率队，县委书记B陪同: B is the host's
        if region is not None:
            if visitor.contains(region) or region.code == visitor.code:
                side = "visitor"
            elif host.contains(region) or region.code == host.code:
                side = "host"
            elif region.level == "province" and region.contains(host) and not region.contains(visitor):
                side = "host"
            elif region.level == "province" and region.contains(visitor) and not region.contains(host):
                side = "visitor"
        else:
            fits = [s for s, p in (("visitor", visitor), ("host", host)) if p.canonical_name.endswith(mention.level_char)]
            if len(fits) == 1:
                side = fits[0]
            elif len(fits) == 2:
                own = ctx.self_place(mention.level_char)
                if own is not None and own.code in (visitor.code, host.code):
                    side = "visitor" if own.code == visitor.code else "host"
                elif "陪同" in mention.clause:
                    side = "host"
                elif any(w in mention.clause for w in ("率", "带队", "参加考察")):
                    side = "visitor"
        if side is None or mention.name in out:
            continue
        out[mention.name] = {"name": mention.name, "title": mention.title, "side": side}
    return list(out.values())


def _told_as_past(before: str, year: int | None) -> bool:
    """Whether the sentence so far sets the scene in the past (去年7月，… / 2022年，…).

    A later 此次/会上/本次 brings the sentence back to the story's own visit.
    """
    marks = [before.rfind(word) for word in _EARLIER]
    if year is not None:
        marks += [m.start() for m in re.finditer(r"((?:19|20)\d{2})年", before) if int(m.group(1)) < year]
    last_past = max(marks, default=-1)
    if last_past < 0:
        return False
    return not any(before.find(word, last_past) >= 0 for word in _PRESENT)


def find_agreements(lines: list[str], year: int | None = None) -> list[str]:
    """Agreements signed in the story: 《》 titles after a signing verb, or unnamed ones as written."""
    found: list[str] = []
    for sentence in lines:
        if not _SIGN.search(sentence):
            continue
        for verb in _SIGN.finditer(sentence):
            if _told_as_past(sentence[: verb.start()], year):
                continue
            pos = verb.end()
            gap_limit = 16
            for title in _TITLE.finditer(sentence, pos):
                gap = sentence[pos: title.start()]
                if len(gap) > gap_limit or "，" in gap or "。" in gap or _SIGN.search(gap):
                    break
                if any(gap.endswith(w) for w in _CITED_BEFORE):
                    break
                name = title.group(1).strip()
                # Right after the signing verb a title is what was signed (协议, 备忘录, 任务清单…),
                # unless it is a kind of document nobody signs.
                if not name.endswith(_NOT_SIGNED):
                    found.append(name)
                pos = title.end()
                gap_limit = 4  # only 、/和/及 between further titles
        for title in re.finditer(r"《([^《》]{2,60})》(?=签约|签字|签署仪式)", sentence):
            found.append(title.group(1).strip())
        # Some reports quote the name instead: 签署了“川陕…合作协议”.
        for quoted in _QUOTED_AGREEMENT.finditer(sentence):
            if quoted.group(1).endswith(_AGREEMENT_SUFFIX):
                found.append(quoted.group(1).strip())
        for match in _UNTITLED_AGREEMENT.finditer(sentence):
            obj = re.sub(r"^(?:了|的|两市|两地|两区|两县|双方|三方|一份|一项)+", "", match.group("obj"))
            if re.match(r"^[\d一二三四五六七八九十两几多]+[个项份批]", obj) or len(obj) < 2:
                continue
            if _told_as_past(sentence[: match.start()], year):
                continue
            found.append(obj)
    unique: list[str] = []
    for name in found:
        if any(name == other or (name in other and name != other) for other in unique):
            continue
        unique = [other for other in unique if other not in name]
        unique.append(name)
    return unique


def find_sites(lines: list[str]) -> list[str]:
    """Places toured: ``先后前往A、B、C等``, ``实地考察了A、B``."""
    sites: list[str] = []
    for sentence in lines:
        for match in _SITES.finditer(sentence):
            for item in re.split(r"、|和(?=[\u4e00-\u9fff]{4,})|及(?=[\u4e00-\u9fff]{4,})", match.group("list")):
                item = re.sub(r"^(?:了|先后|实地|现场)+", "", item.strip(" ，"))
                if 2 <= len(item) <= 40 and "了解" not in item and item not in sites:
                    sites.append(item)
    return sites


def _empty(reason: str, confidence: float) -> dict:
    return {
        "is_delegation_visit": False, "visitor": None, "host": None, "start_date": None, "end_date": None,
        "leaders": [], "agreements": [], "sites": [], "activities": [], "confidence": round(confidence, 2),
        "reason": reason,
    }


def extract_event(*, title: str, text: str, published: str | None, source: str | None = None,
                  home_place: str | None = None, url: str | None = None) -> dict:
    """The delegation-visit event of one article (simplified-script canonical fields).

    ``home_place`` (a code or a name) and ``source`` (the paper, e.g. 攀枝花日报) resolve
    我市/本报; ``published`` gives the year of ``12月8日``. ``url`` is not read yet; it is
    accepted so callers pass the whole record.
    """
    for name, value in (("title", title), ("text", text)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"extract_event: {name} must be str, not {type(value).__name__}")
    gaz = gazetteer()
    published_date = visit_dates.parse_published(published)
    year = published_date.year if published_date else None
    ctx = _Context(gaz, year, _source_place(source, gaz, year), _resolve_home(home_place, gaz, year))
    title_lines = sentences(canonical((title or "")[:MAX_TITLE_CHARS]))
    body_lines = sentences(canonical((text or "")[:MAX_TEXT_CHARS]))
    lines = title_lines + body_lines
    if not lines:
        return _empty("empty article", 0.0)
    leaders = find_leaders(lines, gaz, year)
    frames = _frames(lines, len(title_lines), leaders, ctx)
    frame, reason = _choose_frame(frames)
    if frame is None or reason:
        return _empty(reason or "no visit", 0.9 if frame is not None else 0.8)
    visitor, host = frame.visitor, frame.host
    # Dates: the frame's sentence, then the lead, then anywhere.
    frame_lines = [lines[frame.sentence]] + [lines[f.sentence] for f in frames if f.host is not None]
    span = None
    for window in frame_lines:
        span = visit_dates.find_range(window, published_date) or visit_dates.find_relative(window, published_date)
        if span:
            break
    for window in body_lines if span is None else ():
        span = visit_dates.find_range(window, published_date)
        if span:
            break
    if span is None:
        for window in frame_lines:
            span = visit_dates.find_damaged(window, published_date)
            if span:
                break
    sides = _assign_sides(leaders, visitor, host, ctx)
    agreements = find_agreements(body_lines or title_lines, year) or find_agreements(title_lines, year)
    sites = find_sites(body_lines)
    joined = "".join(lines)
    activities = [word for word in ACTIVITIES if word in joined]
    confidence = 0.55 + 0.15 * frame.in_title + 0.1 * frame.delegation + 0.1 * bool(span)
    confidence += 0.1 * ({"visitor", "host"} <= {leader["side"] for leader in sides})
    return {
        "is_delegation_visit": True,
        "visitor": visitor.as_event_dict(),
        "host": host.as_event_dict(),
        "start_date": span[0].isoformat() if span else None,
        "end_date": span[1].isoformat() if span else None,
        "leaders": sides,
        "agreements": agreements,
        "sites": sites,
        "activities": activities,
        "confidence": round(min(confidence, 1.0), 2),
        "reason": "",
    }
