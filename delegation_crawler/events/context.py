"""The story's own place: what 我市 / 我县 / 本报 / an organ without a place (县委书记X) mean.

Reports name their own place only implicitly. The evidence, strongest first: the source paper
passed in (``攀枝花日报``), a paper the text itself names (``【报纸名称】张家口日报``,
``来源：XX日报``, ``XX日报记者``, ``据XX日报``, ``XX网讯``), the portal's home place, a province or
city the URL spells in pinyin (``/news/gansu/``), and last the place the story keeps naming
(counted over the whole text, leaving out the other side of the visit). A record from an
aggregator, the generic spider or a reprocessing run often has only the text, so every
source of evidence is needed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..places import Gazetteer, Place
from .text import canonical

_MUNICIPALITY_CODES = {"110000", "120000", "310000", "500000"}
AUTONOMOUS_REGIONS = {"15", "45", "54", "64", "65"}
_SOURCE_SUFFIXES = ("人民政府网站", "人民政府网", "政府网站", "广播电视台", "融媒体中心", "新闻中心", "新闻网", "电视台", "日报社",
                    "日报", "晚报", "都市报", "报社", "政府网", "门户网站", "网站", "融媒", "发布", "网", "报")
_PAPER = re.compile(
    r"【报纸名称】[：:]?\s*(?P<a>[\u4e00-\u9fff]{2,12})"
    r"|来源[：:\s]\s*(?P<b>[\u4e00-\u9fff]{2,14}?(?:广播电视台|融媒体中心|新闻网|电视台|日报|晚报|政府网站|政府网|网站|网|报))"
    r"|(?P<c>[\u4e00-\u9fff]{2,10}?(?:日报|晚报|新闻网|电视台|融媒体中心|广播电视台))(?:社)?(?:全媒体|融媒体|首席)?(?:记者|通讯员|讯)"
    r"|据(?P<d>[\u4e00-\u9fff]{2,10}?(?:日报|晚报|新闻网|电视台))"
    r"|(?P<e>[\u4e00-\u9fff]{2,6}?网)讯"
    r"|(?P<f>[\u4e00-\u9fff]{2,6}?(?:日报|晚报))[\u4e00-\u9fff]{0,6}?\d{1,2}月\d{1,2}日电"  # 浙江日报广州4月11日电
)
# 本报/本网 stand for the paper itself; their 讯 names no place.
_NOT_PAPERS = ("本报", "本网", "人民", "新华", "中国", "中新", "央视", "光明", "经济", "法制", "工人", "农民", "科技")


def place_of_source(source: str | None, gaz: Gazetteer, year: int | None) -> Place | None:
    """The paper's or site's place: 攀枝花日报 -> 攀枝花市, 秀山网 -> 秀山县, 河南日报 -> 河南省."""
    if not source or not isinstance(source, str):
        return None
    name = canonical(source).strip()
    for suffix in _SOURCE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    name = re.sub(r"^(?:中共|中国)", "", name)
    hit = gaz.parse(name, year=year)
    if hit and hit[1] == len(name):
        return hit[0]
    return None


def paper_in_text(lines: list[str], gaz: Gazetteer, year: int | None) -> Place | None:
    """The place of the first paper the story names about itself (see the module docstring)."""
    for line in lines[:60]:
        for match in _PAPER.finditer(line):
            name = next(g for g in match.groups() if g)
            if name.startswith(_NOT_PAPERS):
                continue
            place = place_of_source(name, gaz, year)
            if place is not None:
                return place
    return None


@dataclass
class StoryContext:
    """Everything an article says about its own place, resolved once per article."""

    gaz: Gazetteer
    year: int | None
    evidence: list[Place]  # source, paper in text, home, URL: strongest first, duplicates removed
    mentions: Counter = field(default_factory=Counter)  # code -> times the text names it
    all_leaders: list = field(default_factory=list)  # every official of the story (events.leaders)
    autonomous_region: bool = False  # the story speaks of 自治区党委 / 自治区主席 (我区 may be the region)

    @classmethod
    def build(cls, gaz: Gazetteer, year: int | None, *, source: str | None, home: str | None, url: str | None,
              lines: list[str]) -> "StoryContext":
        evidence = [place_of_source(source, gaz, year), paper_in_text(lines, gaz, year),
                    gaz.resolve(home, year=year) if isinstance(home, str) else None, gaz.from_url(url)]
        unique: list[Place] = []
        for place in evidence:
            if place is not None and all(place.code != p.code for p in unique):
                unique.append(place)
        mentions: Counter = Counter()
        for line in lines:
            for _, _, place in gaz.mentions(line, year=year):
                mentions[place.code] += 1
        organs = any(re.search(r"自治区(?:党委|主席|政府|人大|政协)", line) for line in lines[:40])
        return cls(gaz, year, unique, mentions, autonomous_region=organs)

    def self_place(self, level_char: str, exclude: Place | None = None, skip: set[str] = frozenset()) -> Place | None:
        """我市/我县/我区/我省 (or an organ with no place, 县委书记) -> the story's own place."""
        found = self._from_evidence(level_char)
        if found is not None or exclude is None:
            return found
        return self.most_named(level_char, exclude, skip)

    def _from_evidence(self, level_char: str) -> Place | None:
        for place in self.evidence:
            if level_char == "省":
                return self.gaz.get(place.code[:2] + "0000")
            if has_level(place, level_char):
                return place
        for place in self.evidence:  # 我市 in a district's portal: the district's city
            parent = self.gaz.get(place.parent)
            if parent is not None and has_level(parent, level_char):
                return parent
        return None

    def most_named(self, level_char: str, exclude: Place, skip: set[str] = frozenset()) -> Place | None:
        """The place of that level the story names most, other than (and not nested with) ``exclude``."""
        if level_char == "区" and self.autonomous_region:
            # 我区 in a story of 自治区党委/自治区主席: the autonomous region holding the places named.
            regions: Counter = Counter()
            for code, count in self.mentions.items():
                if code[:2] in AUTONOMOUS_REGIONS and code[:2] != exclude.code[:2]:
                    regions[code[:2] + "0000"] += count
            if regions:
                return self.gaz.get(regions.most_common(1)[0][0])
        found = self._most(self.mentions, level_char, exclude, skip)
        if found is None and level_char in ("市", "州"):
            # 海曙、江北、北仑…: a story naming a city's districts (and not the city) is that city's
            counts = Counter(self.mentions)
            for code, count in self.mentions.items():
                place = self.gaz.get(code)
                if place is not None and place.level == "county" and not has_level(place, level_char) and place.parent:
                    counts[place.parent] += count
            found = self._most(counts, level_char, exclude, skip)
        return found

    def _most(self, counts: Counter, level_char: str, exclude: Place, skip: set[str]) -> Place | None:
        best = None
        for code, count in counts.most_common():
            place = self.gaz.get(code)
            if place is None or not has_level(place, level_char) or code in skip:
                continue
            if place.contains(exclude) or exclude.contains(place):
                continue
            if best is not None:
                return None if count == best[1] else best[0]  # a tie says nothing
            best = (place, count)
        return best[0] if best else None


def has_level(place: Place, level_char: str) -> bool:
    if level_char == "地":
        return place.name.endswith("地区")
    if level_char == "省":
        return place.level == "province"
    if level_char == "市" and place.code in _MUNICIPALITY_CODES:
        return True
    if level_char == "市" and place.level == "county" and place.name.endswith("市"):
        return True  # county-level cities (扶余市) say 我市 too
    return place.canonical_name.endswith(level_char) or (level_char == "州" and place.name.endswith("自治州"))
