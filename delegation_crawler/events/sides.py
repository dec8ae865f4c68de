"""The two ends of a visit and the words that name them.

A side is a place (resolved through the gazetteer) or, when it cannot be resolved, the words
that name it (我县, 两江新区), so a clear visit with one unknown side is still reported. This
module holds the vocabulary every visit pattern shares: delegation nouns, qualifiers, words
of foreign and non-government delegations, and the place owning a delegation noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..places import Place
from .context import StoryContext

DELEGATION_NOUNS = (
    "党政代表团", "党政考察团", "学习考察团", "考察学习团", "友好代表团", "经贸代表团", "代表团", "考察团", "考察组",
    "调研组", "调研团", "访问团", "学习团", "慰问团", "工作组", "采访团", "采风团", "记者团", "媒体团", "艺术团",
)
DELEGATION = re.compile("|".join(DELEGATION_NOUNS))
# Qualifiers between a place and its delegation noun (巴中市委市政府考察团).
_QUALIFIERS = ("党政", "市委市政府", "区委区政府", "县委县政府", "州委州政府", "省委省政府", "市委", "区委", "县委", "政府",
               "人民政府", "党委", "一行", "联合", "友好", "学习", "经贸", "人大常委会", "人大", "政协")
# A delegation that is not a place's government: media, business, culture, sport, students.
_NOT_GOVERNMENT = ("媒体", "采访", "记者", "新闻", "网络", "网媒", "企业", "商会", "客商", "投资", "公司", "集团", "体育", "运动",
                   "艺术", "文艺", "演出", "学生", "青少年", "专家", "采风", "协会", "学会", "大学", "学院", "医院", "银行",
                   "乡友", "校友", "同乡", "侨", "联合会")
FOREIGN = (
    "外国", "国外", "外籍", "驻华", "使馆", "领事", "德国", "法国", "美国", "日本", "韩国", "英国", "俄罗斯", "意大利", "西班牙",
    "澳大利亚", "新西兰", "加拿大", "泰国", "越南", "老挝", "柬埔寨", "缅甸", "马来西亚", "新加坡", "印度尼西亚", "印尼", "巴基斯坦",
    "哈萨克斯坦", "乌兹别克斯坦", "吉尔吉斯斯坦", "塔吉克斯坦", "土库曼斯坦", "匈牙利", "波兰", "捷克", "塞尔维亚", "白俄罗斯",
    "荷兰", "比利时", "瑞士", "瑞典", "芬兰", "丹麦", "挪威", "奥地利", "以色列", "埃及", "南非", "尼日利亚", "肯尼亚",
    "埃塞俄比亚", "巴西", "阿根廷", "智利", "墨西哥", "秘鲁", "古巴", "蒙古国", "尼泊尔", "斯里兰卡", "孟加拉", "印度", "伊朗",
    "土耳其", "沙特", "阿联酋", "卡塔尔", "葡萄牙", "希腊", "爱尔兰", "乌克兰", "格鲁吉亚", "菲律宾", "文莱", "朝鲜", "欧盟",
    "非洲", "东盟", "德方", "美方", "日方", "外宾", "外商", "香港", "澳门", "台湾", "议长", "议会", "议员", "神户", "大阪",
    "东京", "京都", "横滨", "名古屋", "首尔", "釜山", "仁川",
)
PRONOUNS = {"我市": "市", "本市": "市", "我县": "县", "本县": "县", "我区": "区", "本区": "区", "我州": "州", "本州": "州",
            "我旗": "旗", "我省": "省", "本省": "省"}
# A place the gazetteer does not know, written with a division or zone suffix (两江新区).
# Organisations whose delegations are not a place's government (business, the democratic parties).
NON_GOVERNMENT_SUBJECT = re.compile(
    r"商会|企业家|工商联|民盟|民建|民进|民革|农工党|致公党|九三学社|台盟|公司|集团|协会|代表大会|党代会|人代会")


@dataclass
class Side:
    """One end of a frame: a resolved place, or the words that name it."""

    place: Place | None = None
    written: str = ""  # 我县 / 两江新区 / 足 when it could not be resolved
    level_char: str = ""  # for a pronoun: the level it asks for
    abbreviated: bool = False  # named by one character (来甬): the story's own place
    also: tuple = ()  # further destinations listed with it (赴金寨、霍山、岳西三县)
    placeless: bool = False  # an official without a place (市委常委X带领…): weaker than 我市

    @property
    def known(self) -> bool:
        return self.place is not None or bool(self.written)


@dataclass
class Frame:
    visitor: Side
    host: Side
    sentence: int = 0
    in_title: bool = False
    flags: list[str] = field(default_factory=list)
    delegation: bool = False
    coming: bool = False  # told as coming to the host (来, 莅临): the host is the story's own place
    crumb: bool = False  # read from a navigation line (首页 > 新闻 > …), whose words are not the story's


def _strip_qualifiers(text: str) -> str:
    changed = True
    while changed:
        changed = False
        for word in _QUALIFIERS:
            if text.endswith(word) and len(text) > len(word):
                text = text[: -len(word)]
                changed = True
    return text


def delegation_place(prefix: str, ctx: StoryContext) -> tuple[Side, list[str]]:
    """The place owning a delegation noun, from the text just before the noun."""
    flags = []
    parts = re.split(r"[，。；：、“”（）>|\s]", prefix)
    clause = parts[-1]
    if len(parts) > 1 and not _strip_qualifiers("市" + clause)[1:] and prefix[-len(clause) - 1:][:1] == " ":
        clause = parts[-2] + clause  # 大庆市 党政考察团: a wrapped line, not a new clause
    clause = re.split(r"率领|带领|率|带着|带", clause)[-1].lstrip("的")  # …许健率县党政考察团
    if any(word in clause for word in FOREIGN):
        flags.append("foreign delegation")
    if any(word in clause for word in _NOT_GOVERNMENT):
        flags.append("not a government delegation")
    clause = _strip_qualifiers(clause)
    if clause in ("市", "县", "区", "州", "旗", "省"):  # 市党政代表团: the paper's own city
        return Side(ctx.self_place(clause), clause, clause), flags
    if clause == "自治区":  # 自治区党政代表团 in a region's own paper: resolved like 我区
        return Side(ctx.self_place("区"), clause, "区"), flags
    for pronoun, level_char in PRONOUNS.items():
        if clause.endswith(pronoun):
            return Side(ctx.self_place(level_char), pronoun, level_char), flags
    # The longest chain of names ending at the noun (北京市朝阳区 settles the namesake 朝阳区).
    for offset in range(max(0, len(clause) - 24), len(clause) - 1):
        chain = ctx.gaz.parse(clause[offset:], year=ctx.year)
        if chain and offset + chain[1] == len(clause):
            return Side(chain[0]), flags
    hit = ctx.gaz.match_suffix(clause, year=ctx.year)
    if hit is None:  # 睢阳区四大家考察团: a place a few words before the noun
        named = [(end, place) for _, end, place in ctx.gaz.mentions(clause, year=ctx.year) if len(clause) - end <= 6]
        return Side(named[-1][1] if named else None), flags
    return Side(hit[0]), flags


def nested(a: Place, b: Place) -> bool:
    return a.contains(b) or b.contains(a)
