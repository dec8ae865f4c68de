"""Visits told without a movement verb: a meeting, a welcome, a joint session in one side's place.

``X会见…Y代表团一行``, ``A对B一行的到来表示欢迎``, ``A与B…座谈会在C举行``, ``我市与前来考察的Y代表团…``:
each names who came and who received them, so each is a frame like ``Y代表团来我市考察``.
"""

from __future__ import annotations

import re

from .context import StoryContext, has_level
from .leaders import LeaderMention
from .sides import DELEGATION, FOREIGN, NON_GOVERNMENT_SUBJECT, PRONOUNS, Frame, Side, delegation_place, nested

_COMING_GUEST = re.compile(r"与前来(?:考察|访问|调研|学习|交流)[^，。；]{0,8}?的[^，。；]{2,20}?(?P<noun>党政代表团|代表团|考察团)")


def coming_guest_frame(sentence: str, index: int, in_title: bool, ctx: StoryContext) -> list[Frame]:
    """``我市与前来考察的云和县党政代表团举行座谈会``: the guest delegation and the subject."""
    coming = _COMING_GUEST.search(sentence)
    if coming is None:
        return []
    visitor, flags = delegation_place(sentence[: coming.end() - len(coming.group("noun"))], ctx)
    host = _subject_side(sentence[: coming.start()], ctx)
    if visitor.known and host is not None:
        return [Frame(visitor, host, index, in_title, flags, True, True)]
    return []


_PAIR = re.compile(
    r"(?P<a>[\u4e00-\u9fff])(?P<b>[\u4e00-\u9fff])(?:两地|两市|两省区?|两县)?(?:对口|东西部|扶贫|协作|合作|帮扶|互学互助)"
    r"[^。；，]{0,16}?(?:联席会议|座谈会|交流会)[^。；]{0,10}?在(?P<at>[\u4e00-\u9fff]{1,8}?)(?:举行|召开)")


def _one_char_place(char: str, ctx: StoryContext):
    """深 in 深哈对口合作: the place the story names whose name starts with it, else the customary one."""
    for code, _ in ctx.mentions.most_common():
        place = ctx.gaz.get(code)
        if place is not None and (place.short or place.name).startswith(char):
            return place
    listed = ctx.gaz.candidates(char)
    return listed[0] if len(listed) == 1 else None


def pair_meeting(sentence: str, ctx: StoryContext) -> tuple[Side, Side] | None:
    """``深哈对口合作…联席会议在深召开``: two places by one character each, meeting in one of them."""
    held = _PAIR.search(sentence)
    if held is None or re.search(r"全[省市县区州]$", sentence[max(0, held.start() - 3): held.start()]):
        return None  # 全市苏陕协作…会议在陇县召开: one side's own meeting about the pairing
    a, b = _one_char_place(held["a"], ctx), _one_char_place(held["b"], ctx)
    if a is None or b is None or nested(a, b):
        return None
    at = held["at"]
    venue = ctx.gaz.parse(at, year=ctx.year)
    for here, other in ((a, b), (b, a)):
        if (venue is not None and here.contains(venue[0])) or (len(at) == 1 and (here.short or here.name)[0] == at):
            return Side(other), Side(here)
    return None


_TALKS = re.compile(
    r"与(?P<guest>[^。；]{0,60}?)(?:率领|带领)的(?P<deleg>[^，。；]{0,20}?)(?P<noun>党政代表团|代表团|考察团)(?:一行)?"
    r"[^。；]{0,24}?(?:座谈|会谈|见面|交流)")


def talks_frames(sentence: str, index: int, in_title: bool, leaders: list[LeaderMention],
                 ctx: StoryContext) -> list[Frame]:
    """``北京市委书记蔡奇…与…白玛旺堆率领的拉萨市党政代表团座谈``: the host's officials come first."""
    talks = _TALKS.search(sentence)
    if talks is None:
        return []
    visitor, flags = delegation_place(talks["deleg"], ctx)
    hosts = [m for m in leaders if m.start < talks.start()]
    if visitor.place is None or not hosts:
        return []
    host = hosts[0]
    side = Side(host.region) if host.region is not None else Side(
        ctx.self_place(host.level_char), host.level_char, host.level_char, placeless=True)
    return [Frame(visitor, side, index, in_title, flags, True)]


_JOINT = re.compile(r"(?:座谈会|联席会议|签约仪式|签字仪式|交流会|签约活动)[^。；]{0,20}?在(?P<at>[\u4e00-\u9fff]{2,12}?)(?:举行|召开)")


def _joined_pair(opening: str, ctx: StoryContext):
    """河南省人民政府与北京市人民政府…: a place, 与/和/同, a place."""
    for joined in re.finditer(r"与|和|同", opening):
        named = ctx.gaz.mentions(opening[: joined.start()], year=ctx.year)
        second = ctx.gaz.parse(opening[joined.end():], year=ctx.year)
        if named and second is not None and joined.start() - named[-1][1] <= 6:
            return named[-1][2], second[0]
    return None


def _adjacent_pair(opening: str, ctx: StoryContext):
    """芜湖市马鞍山市同城化…签字仪式: two names side by side."""
    named = ctx.gaz.mentions(opening, year=ctx.year)
    pairs = [(x[2], y[2]) for x, y in zip(named, named[1:])
             if opening[x[1]: y[0]] in ("", "·", "—", "－", "-", "–", "•") and x[2].code != y[2].code]
    return pairs[0] if pairs else None  # 滨州·奉节…, 莱西市—两当县…


def joint_meeting(sentence: str, ctx: StoryContext) -> tuple[Side, Side] | None:
    """``A与B…座谈会…在C举行``: a meeting of two places held in one of them; the other is the visitor."""
    held = _JOINT.search(sentence)
    if held is None:
        return None
    opening = re.split(r"[，。；]", sentence[: held.start()])[-1]
    venue = ctx.gaz.parse(held.group("at"), year=ctx.year)
    pair = _joined_pair(opening, ctx) or _adjacent_pair(opening, ctx)
    if pair is None:
        return None
    a, b = pair
    pronoun = next((level for word, level in PRONOUNS.items() if held.group("at").startswith(word)), None)
    if venue is None and pronoun is not None:  # 莱西市—两当县…联席会议在我市召开: ours is the one of that level
        ours = [x for x in (a, b) if has_level(x, pronoun)]
        if len(ours) == 2 and ctx.mentions[ours[0].code] != ctx.mentions[ours[1].code]:
            ours = [max(ours, key=lambda x: ctx.mentions[x.code])]
        venue = (ours[0], 0) if len(ours) == 1 else None
    if venue is None:
        return None
    if nested(a, b):
        return None
    if a.contains(venue[0]) and not b.contains(venue[0]):
        return Side(b), Side(a)
    if b.contains(venue[0]) and not a.contains(venue[0]):
        return Side(a), Side(b)
    return None


def _subject_side(subject: str, ctx: StoryContext) -> Side | None:
    """The host named as the subject: 我市 / 本县, or a place ending the clause."""
    clause = re.split(r"[，。；：]", subject)[-1]
    for pronoun, level_char in PRONOUNS.items():
        if clause.endswith(pronoun):
            return Side(ctx.self_place(level_char), pronoun, level_char)
    hit = ctx.gaz.match_suffix(clause, year=ctx.year)
    return Side(hit[0]) if hit and hit[1] >= 2 else None


def meeting_frames(sentence: str, index: int, in_title: bool, leaders: list[LeaderMention],
                    ctx: StoryContext) -> list[Frame]:
    """``范锐平会见了李建勤及攀枝花市党政代表团一行``: the host is the meeting official's place."""
    frames = []
    for noun in list(DELEGATION.finditer(sentence)) + list(re.finditer(r"一行", sentence)):
        before = sentence[: noun.start()]
        at = max(before.rfind("会见"), before.rfind("接见"))
        if at < 0:
            continue
        if noun.group(0) == "一行":  # 会见北京市政协主席魏小东一行: the guest official's place
            guests = [m for m in leaders if at < m.name_at < noun.start() and m.region is not None]
            visitor, flags = (Side(guests[-1].region) if guests else Side()), []
        else:
            visitor, flags = delegation_place(sentence[at: noun.start()], ctx)
        hosts = [m for m in leaders if 0 <= m.name_at < at]
        if visitor.place is not None and hosts:
            host = hosts[-1]
            side = Side(host.region) if host.region is not None else Side(
                ctx.self_place(host.level_char), host.level_char, host.level_char, placeless=True)
            frames.append(Frame(visitor, side, index, in_title, flags, True))
            break
    return frames


# 对X一行的到来表示欢迎, 对X党政代表团的到来表示热烈欢迎 (the group named by its place).
_WELCOME = re.compile(r"对(?P<guest>[^，。；]{1,30}?)(?:一行|(?:学习)?(?:代表团|考察团|考察组|调研组))(?:的)?"
                      r"(?:到来|来访|莅临|到访)?[^。；]{0,12}?表示(?:了)?(?:热烈|热忱|衷心|诚挚)?(?:的)?欢迎")


def welcome_frames(sentence: str, index: int, in_title: bool, leaders: list[LeaderMention],
                    ctx: StoryContext) -> list[Frame]:
    """``安玉海对姚建军一行的到来表示欢迎``: the guest's side visits the welcoming official's side."""
    match = _WELCOME.search(sentence)
    if match is None:
        return []

    def side_of(mention: LeaderMention) -> Side:
        if mention.region is not None:
            return Side(mention.region)
        return Side(ctx.self_place(mention.level_char), mention.level_char, mention.level_char)

    before = re.sub(r"(?:首先|热情|也|还|再次|代表[^，。]{0,16})$", "", sentence[: match.start()])
    hosts = [m for m in leaders if m.start < match.start()] or [m for m in ctx.all_leaders if before.endswith(m.name)]
    guest_names = match.group("guest")
    if NON_GOVERNMENT_SUBJECT.search(guest_names) or any(word in guest_names for word in FOREIGN):
        return []
    guests = [m for m in ctx.all_leaders if m.name in guest_names]
    if not hosts:
        return []
    if not guests:  # 王子程对孙吴县一行到访表示欢迎: the guest named by its place
        named = ctx.gaz.mentions(guest_names, year=ctx.year)
        return [Frame(Side(named[-1][2]), side_of(hosts[-1]), index, in_title, [], True)] if named else []
    return [Frame(side_of(guests[0]), side_of(hosts[-1]), index, in_title, [], True)]
