"""Delegation-visit events from one article (see docs/events.md for the rules and numbers).

The parse is rule-based on purpose: the portals' reports follow a few fixed formulas
(``X党政代表团到我市考察``, ``X市委书记Y率考察团赴Z``, ``签署了《...》``, ``先后前往A、B、C等``),
the rules explain every output, and the labelled sets (tests/data/events, and the real reports
of bench/data/real_events) measure them. Stages: text.canonical → context (the story's own
place) → leaders → frames (who travels where) → dates, sides, agreements, sites.
"""

from __future__ import annotations

import re
from datetime import timedelta

from ..places import Place, gazetteer
from . import dates as visit_dates
from .agreements import find_agreements, find_sites
from .context import AUTONOMOUS_REGIONS, StoryContext, has_level
from .frames import Frame, Side, choose_frame, find_frames
from .leaders import LeaderMention, find_leaders
from .text import canonical, sentences, simplified

# A report is a few thousand characters; reading more only costs time on junk pages.
MAX_TEXT_CHARS = 30_000
MAX_TITLE_CHARS = 1000  # a record whose "title" is the page's first paragraph still reads whole
ACTIVITIES = ("考察", "调研", "学习", "座谈会", "签约", "会见", "会谈", "对接", "推介会", "交流", "参观")
_LEVEL_OF_CHAR = {"省": "province", "市": "prefecture", "州": "prefecture", "盟": "prefecture", "县": "county", "区": "county",
                  "旗": "county"}


_HOST_CUES = ("陪同", "会见", "欢迎", "接待", "会谈", "座谈")


def first_cue(clause: str) -> str | None:
    """The first side-telling verb after an official's name: 率/带队 (visitor) or 陪同/会见 (host)."""
    hits = [(clause.find(cue), cue) for cue in ("陪同", "率领", "率", "带队", "带领", "参加", "出席", "会见", "欢迎", "接待",
                                                  "会谈", "座谈") if cue in clause]
    return min(hits)[1] if hits else None


def assign_sides(mentions: list[LeaderMention], visitor: Place, host: Place, ctx: StoryContext,
                 own: Place | None = None, also: tuple = ()) -> list[dict]:
    out: dict[str, dict] = {}
    for mention in mentions:
        side = None
        region = mention.region
        if (region is not None and mention.carried and first_cue(mention.clause) == "陪同" and visitor.contains(region)
                and host.canonical_name.endswith(mention.level_char)):
            region = host  # X县委书记A率队，县委书记B陪同: B is the host's
        if region is not None:
            if visitor.contains(region) or region.code == visitor.code:
                side = "visitor"
            elif any(place.contains(region) for place in (host, *also)):
                side = "host"  # also the trip's further destinations (赴毕节市、安顺市和黔南州)
            elif region.contains(host) and not region.contains(visitor):
                side = "host"  # the host county's city or province (黄冈市长 at 罗田县)
            elif region.contains(visitor) and not region.contains(host):
                side = "visitor"
        else:
            fits = [s for s, p in (("visitor", visitor), ("host", host)) if has_level(p, mention.level_char)]
            if "自治区" in mention.title:  # a region's organ: the side that is (or lies in) an autonomous region
                fits = [s for s, p in (("visitor", visitor), ("host", host)) if p.code[:2] in AUTONOMOUS_REGIONS] or fits
            if len(fits) == 1:
                side = fits[0]
            elif len(fits) == 2:
                cue = first_cue(mention.clause)
                mine = ctx.self_place(mention.level_char) or own
                if cue in ("率", "带队", "带领", "率领"):
                    side = "visitor"
                elif mine is not None and mine.code in (visitor.code, host.code):
                    side = "visitor" if mine.code == visitor.code else "host"
                elif cue in _HOST_CUES:
                    side = "host"
        if side is None or mention.name in out:
            continue
        out[mention.name] = {"name": mention.name, "title": mention.title, "side": side}
    return list(out.values())


def _empty(reason: str, confidence: float) -> dict:
    return {
        "is_delegation_visit": False, "visitor": None, "host": None, "start_date": None, "end_date": None,
        "leaders": [], "agreements": [], "sites": [], "activities": [], "confidence": round(confidence, 2),
        "reason": reason,
    }


def _side_place(side: Side) -> Place:
    """A stand-in Place for a side known only by its words (code ''), so sides can be compared."""
    if side.place is not None:
        return side.place
    level = _LEVEL_OF_CHAR.get(side.level_char or side.written[-1:], "county")
    return Place("", side.written, level, "", None)


def _as_dict(side: Side) -> dict:
    if side.place is not None:
        return side.place.as_event_dict()
    return {"name": side.written, "code": None, "level": _side_place(side).level, "province": None}


def _promote_to_province(frame: Frame, ctx: StoryContext) -> None:
    """A province's delegation visits provinces: 我省党政代表团抵达广州 is a visit to 广东省 (but
    吉林省政协考察团来绍考察 is a visit to 绍兴市)."""
    visitor, host = frame.visitor.place, frame.host.place
    a_province = visitor.level == "province" if visitor is not None else frame.visitor.level_char == "省"  # 我省
    if not a_province or host is None or host.level == "province":
        return
    province = ctx.gaz.get(host.code[:2] + "0000")
    if province is None or (visitor is not None and host.code[:2] == visitor.code[:2]):
        return
    if frame.coming and frame.host.abbreviated:
        return  # 辽宁省政协来济考察: the city's own paper, even in the capital
    # Arriving in the capital, or a story about the province more than the city: the province.
    if host.code.endswith("0100") or ctx.mentions[province.code] >= ctx.mentions[host.code]:
        frame.host = Side(province)


_ROUNDUP_TITLE = re.compile(r"\d+(?:个)?省份|\d+个省|盘点|综述|哪些")  # 21省份党政一把手带队赴他省取经
_MANY_PROVINCES = re.compile(r"\d+个省(?:份|区市)中")  # 全国31个省份中至少有21个…: a feature on many trips
_SPEECH = re.compile(r"(?:说|表示|指出|强调|认为|介绍)[，：:]")
_ROUNDUP = re.compile(r"今年以来|近段时间|近一段时间|纷纷|陆续|[两三四五六七八九十]年(?:间|来)|多年来|据记者观察|哪些")


def _is_roundup(lines: list[str], title_count: int, frames: list[Frame]) -> bool:
    """A feature or roundup (今年以来，…纷纷率党政代表团…): no visit in its title, and an opening
    that speaks of many visits or a long time, not of one visit."""
    if _ROUNDUP_TITLE.search("".join(lines[: title_count + 2])) or _MANY_PROVINCES.search("".join(lines[: title_count + 14])):
        return True
    if any(f.in_title and f.visitor.known and f.host.known for f in frames):
        return False
    if lines[0].endswith("；"):
        return True  # 落实…“医疗倍增计划”，…；: a list of items, not a report of one visit
    # what a speaker says (宋军继在座谈中说，多年来…) is not how the story is told
    opening = "".join(_SPEECH.split(line, maxsplit=1)[0] for line in lines[: title_count + 3])
    return bool(_ROUNDUP.search(opening))


def _visit_dates(lines: list[str], body_lines: list[str], frame: Frame, frames: list[Frame], published) -> tuple | None:
    """Dates: the frame's sentence, then the other frames', then the body, then damaged forms;
    a one-day span the story says lasts N days (为期五天) is stretched."""
    frame_lines = [lines[frame.sentence]] + [lines[f.sentence] for f in frames if f.host.known]
    reference = visit_dates.dateline(" ".join(lines[:2]), published) or published
    span = _first_span(frame_lines, body_lines + lines[: len(lines) - len(body_lines)], reference, lines[:14])
    if span is not None:
        span = _later_days(span, lines[frame.sentence + 1: frame.sentence + 7])
        # Another frame may tell the whole stay (7月1日会见… / 7月1日至3日，代表团来吉林省…).
        for window in frame_lines[1:]:
            other = visit_dates.find_range(window, reference)
            if other and other[0] <= span[0] <= span[1] <= other[1] and other != span:
                span = other
                break
        span = visit_dates.stretch_by_duration(span, "".join(frame_lines[:1] + lines[:4]))
    return span


_NEXT_DAY = re.compile(r"^(?:(\d{1,2})月)?(\d{1,2})日(?:上午|下午|晚上|晚|中午|早上)?[，,]|^次日")


def _later_days(span: tuple, following: list[str]) -> tuple:
    """18日晚抵达我省考察。19日下午，两省…座谈: a stay told day by day ends on its last day."""
    start, end = span
    for line in following:
        match = _NEXT_DAY.match(line)
        if not match:
            continue
        if match.group(0).startswith("次日"):
            day = end + timedelta(days=1)
        else:
            try:
                day = end.replace(month=int(match[1]) if match[1] else end.month, day=int(match[2]))
            except ValueError:
                continue
        if end < day <= start + timedelta(days=6):
            end = day
    return start, end


def _first_span(frame_lines: list[str], body_lines: list[str], published, top: list[str] = ()) -> tuple | None:
    """The frame's own sentence first (any form: 12月8日, 昨日, a bare 27日), then the other
    frames', the body, relative days near the top, and damaged forms elsewhere."""
    own = frame_lines[0]
    span = (visit_dates.find_range(own, published) or visit_dates.find_relative(own, published)
            or visit_dates.find_damaged(own, published))
    if span:
        return span
    for window in frame_lines[1:]:
        span = visit_dates.find_range(window, published) or visit_dates.find_relative(window, published)
        if span:
            return span
    for window in body_lines:
        span = visit_dates.find_range(window, published)
        if span:
            return span
    for window in top or body_lines[:12]:  # 昨天下午，…与代表团一行座谈
        span = visit_dates.find_relative(window, published)
        if span:
            return span
    for window in frame_lines[1:]:
        span = visit_dates.find_damaged(window, published)
        if span:
            return span
    return None


_WIDTH = {"（": "[（(]", "）": "[）)]", "：": "[：:]", "，": "[，,]", "；": "[；;]"}


def _as_written(name: str, title: str, text: str) -> str:
    """The name with the punctuation the page used (the canonical copy widened ``(`` to ``（``)."""
    if not any(mark in name for mark in _WIDTH):
        return name
    pattern = "".join(_WIDTH.get(ch, re.escape(ch)) for ch in name)
    for source in (text, title):
        found = re.search(pattern, simplified((source or "")[:MAX_TEXT_CHARS]))
        if found:
            return found.group(0)
    return name


def _agreements(title_lines: list[str], body_lines: list[str], year, month) -> list[str]:
    """The body's agreements; the title's only where the body has none, or where the title
    names one of them more fully (签订友好市县结对共建协议书 over the body's 结对共建协议书)."""
    body = find_agreements(body_lines, year, month)
    title = find_agreements(title_lines, year, month)
    if not body:
        return title
    for name in title:
        shorter = [other for other in body if other in name and other != name]
        if shorter:
            body = [name if other == shorter[0] else other for other in body if other not in shorter[1:]]
    return body


_RELATED = re.compile(r"(?:新闻推荐|相关新闻|相关阅读|推荐阅读|延伸阅读|相关文章|猜你喜欢|热点推荐)[：:]?")


def _story_only(lines: list[str]) -> list[str]:
    """The lines before a related-stories block (新闻推荐, 相关阅读 …): other stories' officials
    and places are not this one's."""
    cut = next((n for n, line in enumerate(lines) if n and _RELATED.fullmatch(line)), len(lines))
    return lines[:cut]


def extract_event(*, title: str, text: str, published: str | None, source: str | None = None,
                  home_place: str | None = None, url: str | None = None) -> dict:
    """The delegation-visit event of one article (simplified-script canonical fields).

    ``source`` (the paper, e.g. 攀枝花日报), ``home_place`` (a code or a name) and ``url``
    resolve 我市/本报 when the text does not; ``published`` (else a date in the URL) gives the
    year of ``12月8日``. Never raises on str input.
    """
    for name, value in (("title", title), ("text", text)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"extract_event: {name} must be str, not {type(value).__name__}")
    gaz = gazetteer()
    published_date = visit_dates.parse_published(published) or visit_dates.date_in_url(url, year_folders=True)
    year = published_date.year if published_date else None
    title_lines = sentences(canonical((title or "")[:MAX_TITLE_CHARS]))
    body_lines = _story_only(sentences(canonical((text or "")[:MAX_TEXT_CHARS])))
    lines = title_lines + body_lines
    if not lines:
        return _empty("empty article", 0.0)
    ctx = StoryContext.build(gaz, year, source=source, home=home_place, url=url, lines=lines)
    leaders = find_leaders(lines, gaz, year)
    frames = find_frames(lines, len(title_lines), leaders, ctx)
    frame, reason = choose_frame(frames)
    if frame is not None and not reason and _is_roundup(lines, len(title_lines), frames):
        reason = "a roundup or feature that recalls visits"
    if frame is None or reason:
        return _empty(reason or "no visit", 0.9 if frame is not None else 0.8)
    _promote_to_province(frame, ctx)
    unresolved = [f"{name} not resolved: {side.written}" for name, side in (("visitor", frame.visitor), ("host", frame.host))
                  if side.place is None]
    span = _visit_dates(lines, body_lines, frame, frames, published_date)
    # The side the story calls 我市, or names by one character as the place one comes to (来甬).
    own = frame.host.place if frame.host.written or (frame.host.abbreviated and frame.coming) else (
        frame.visitor.place if frame.visitor.written else None)
    sides = assign_sides(leaders, _side_place(frame.visitor), _side_place(frame.host), ctx, own, frame.host.also)
    told = re.search(r"(\d{1,2})月\d{1,2}日", lines[frame.sentence])
    month = span[0].month if span else (int(told[1]) if told else None)  # the visit's month, for 今年2月…
    agreements = [_as_written(name, title, text) for name in _agreements(title_lines, body_lines, year, month)]
    sites = find_sites(body_lines)
    joined = "".join(lines)
    activities = [word for word in ACTIVITIES if word in joined]
    confidence = 0.55 + 0.15 * frame.in_title + 0.1 * frame.delegation + 0.1 * bool(span)
    confidence += 0.1 * ({"visitor", "host"} <= {leader["side"] for leader in sides}) - 0.2 * len(unresolved)
    return {
        "is_delegation_visit": True,
        "visitor": _as_dict(frame.visitor),
        "host": _as_dict(frame.host),
        "start_date": span[0].isoformat() if span else None,
        "end_date": span[1].isoformat() if span else None,
        "leaders": sides,
        "agreements": agreements,
        "sites": sites,
        "activities": activities,
        "confidence": round(max(0.05, min(confidence, 1.0)), 2),
        "reason": "; ".join(unresolved),
    }
