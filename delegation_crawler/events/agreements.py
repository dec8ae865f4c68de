"""What was signed and what was toured during the visit.

Agreements: 《》 titles right after a signing verb, 《X》签约仪式, “quoted” names, unnamed ones as
written (``签署战略合作协议`` → ``战略合作协议``), leaving out counted groups, documents nobody signs
and those told in the past. Sites: the lists after ``先后前往 / 实地考察了 / 走访了 …``.
"""

from __future__ import annotations

import re

from .tense import told_as_past as _told_as_past

_SIGN = re.compile(r"签署|签订|签定|签下|共签|签约")
_AGREEMENT_SUFFIX = ("框架协议", "合作协议", "协议书", "协议", "备忘录", "意向书", "行动计划", "合作计划", "工作方案", "实施方案",
                     "方案", "协定", "合同", "倡议书", "宣言", "公约", "合作书", "计划", "共识")
_BUSINESS_SIGNER = re.compile(r"公司|企业|集团|银行|商会")
_DOCUMENT = r"(?:框架协议|合作协议|协议书|协议|备忘录|意向书|行动计划|合作计划|协定|倡议书|宣言|合作书)"
_UNTITLED_AGREEMENT = re.compile(
    rf"(?:签署|签订|签定|共签)(?:了|的)?(?P<obj>[\u4e00-\u9fff\d“”、·—－-]{{2,40}}?{_DOCUMENT})"
)
# 举行A镇·B镇对口结对协议签约仪式: the document named before its ceremony
_CEREMONY = re.compile(rf"(?:举行了?|举办了?|进行了?)(?P<obj>[\u4e00-\u9fff\d“”、·—－-]{{2,40}}?{_DOCUMENT})(?:签约|签字)仪式")
# 签署A协议及B协议: a further unnamed document joined to the first.
_JOINED_DOCUMENT = re.compile(rf"(?:及|和|与|、|以及)(?P<obj>[\u4e00-\u9fff\d“”]{{2,30}}?{_DOCUMENT})")
_TITLE = re.compile(r"《([^《》]{2,60})》")
_QUOTED_AGREEMENT = re.compile(r"(?:签署|签订|签定|共签)了?[“\"「]([^”\"」]{2,60}?)[”\"」]")
_NOT_SIGNED = ("条例", "法", "纲要", "讲话", "精神", "通知", "决定", "意见", "办法", "报告", "规定", "决议")
_CITED_BEFORE = ("围绕", "根据", "按照", "依据", "落实", "贯彻", "遵循", "依照", "对照", "推进")
_SITES = re.compile(
    r"(?:先后|相继|依次|分别)?(?:前往|来到|走进|参观了|参观|实地学习考察了|实地考察了|实地考察|考察了|走访了|察看了|调研了|观摩了)"
    r"(?P<list>[^。；！？]{1,300}?)(?:等地|等处|等企业|等项目|等单位|等园区|等(?=[，。；])|(?=[，。；]\s*(?:详细|深入|实地|认真|听取|了解|察看|现场|"
    r"每到|重点|考察|大家)))"
)
def find_agreements(lines: list[str], year: int | None = None, month: int | None = None) -> list[str]:
    """Agreements signed in the story: 《》 titles after a signing verb, or unnamed ones as written."""
    found: list[str] = []
    titled: list[str] = []
    for sentence in lines:
        if not _SIGN.search(sentence):
            continue
        for match in _CEREMONY.finditer(sentence):
            if not _told_as_past(sentence[: match.start()], year, month):
                found.append(match.group("obj").strip("“”"))
        for verb in _SIGN.finditer(sentence):
            if _told_as_past(sentence[: verb.start()], year, month):
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
                if re.match(r"(?:并)?(?:达成|的)?意向", sentence[title.end(): title.end() + 4]):
                    break  # 签订《…》达成意向: only agreed to sign
                # Right after the signing verb a title is what was signed (协议, 备忘录, 任务清单…),
                # unless it is a kind of document nobody signs.
                if not name.endswith(_NOT_SIGNED):
                    found.append(name)
                    titled.append(name)
                pos = title.end()
                gap_limit = 4  # only 、/和/及 between further titles
        for title in re.finditer(r"《([^《》]{2,60})》(?:的)?(?=签约|签字|签署)", sentence):
            found.append(title.group(1).strip())
        # Some reports quote the name instead: 签署了“川陕…合作协议”.
        for quoted in _QUOTED_AGREEMENT.finditer(sentence):
            if quoted.group(1).endswith(_AGREEMENT_SUFFIX):
                found.append(quoted.group(1).strip())
        for match in _UNTITLED_AGREEMENT.finditer(sentence):
            obj = re.sub(r"^(?:了|的|双方|三方|一份|一项)+", "", match.group("obj"))
            if re.search(r"^(?:系列|多项|一批|若干|相关)|[\d一二三四五六七八九十两几多]+[个项份批]", obj) or len(obj) < 2:
                continue
            if _BUSINESS_SIGNER.search(re.split(r"[，；]", sentence[: match.start()])[-1]):
                continue  # 两家公司还签订了…项目合作协议: the companies', not the places'.
            if _told_as_past(sentence[: match.start()], year, month):
                continue
            if any(len(obj) >= 8 and name.endswith(obj[-6:]) for name in titled):
                continue  # 签署《越马…交流合作框架协议》, later 签署深化…交流合作框架协议: the same document
            found.append(obj if "”" in obj.strip("”") else obj.strip("“”"))  # keep “海誓山盟”推进…协议
            joined = _JOINED_DOCUMENT.match(sentence, match.end())
            if joined:
                found.append(joined.group("obj").strip("“”"))
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
