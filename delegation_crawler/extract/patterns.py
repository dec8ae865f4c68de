"""Chinese-news vocabulary the extractor keys on: chrome headings, meta labels, bylines.

Pages arrive in simplified or traditional script (seed 004 came through a converting mirror),
so the few characters these patterns use are folded to simplified before matching. The fold
is only for matching; extracted text keeps the page's own script.
"""

from __future__ import annotations

import re

_TRAD = "關聞網評論條熱點閱讀頻薦標題編輯責記者攝來發佈時間們訊報導覽訪客圖擊數瀏覽紹薦鏈據護權歡迎轉載頁號語類內價錄則產碼員實習區縣務導領"
_SIMP = "关闻网评论条热点阅读频荐标题编辑责记者摄来发布时间们讯报导览访客图击数浏览绍荐链据护权欢迎转载页号语类内价录则产码员实习区县务导领"
_FOLD = str.maketrans(_TRAD, _SIMP)

CJK = re.compile(r"[\u4e00-\u9fff]")
SPACE_RE = re.compile(r"[\s\u3000\xa0\u200b\ufeff]+")


_HAS_TRAD = re.compile(f"[{_TRAD}]")


def fold(text: str) -> str:
    """Fold the traditional characters used by the patterns below to simplified."""
    # str.translate walks every character in Python; most pages need no folding at all.
    return text.translate(_FOLD) if _HAS_TRAD.search(text) else text


def squash(text: str) -> str:
    """Collapse runs of whitespace (including ideographic and no-break spaces) to one space."""
    return SPACE_RE.sub(" ", text).strip()


# A standalone line that starts a non-article block: everything after it in the same
# container is chrome (related links, teasers, comments, prev/next, share bars).
BOUNDARY_RE = re.compile(
    r"^[\s【\[■▌●◆>《]*(?:"
    r"相关(?:新闻|阅读|文章|链接|报道|推荐|资讯|稿件|专题)|新闻推荐|频道推荐|推荐(?:阅读|新闻|文章)|"
    r"热(?:点|门)(?:阅读|新闻|文章|推荐|排行|图文|资讯|专题)?|延伸阅读|猜你喜欢|精彩推荐|图文(?:看点|推荐)|"
    r"(?:网友|最新|热门|全部)?评论(?:区|列表)?(?:\s*[(（]\d*[)）])?|发表评论|我要评论|已有\d+人评论|"
    r"共有.{0,6}评论.*|"
    r"分享到|分享至|上一(?:条|篇|页|则)|下一(?:条|篇|页|则)|"
    r"打印(?:本页|此文)?|关闭(?:窗口|本页)?|返回(?:顶部|首页|列表)|扫一扫.*|"
    r"(?:更多|往期|今日|本周|24小时|一周)(?:新闻|推荐|热点|排行|精彩|要闻)|排行榜|点击排行|阅读排行|"
    r"图片新闻|图片推荐|专题推荐|编辑推荐|为您推荐|友情链接|版权(?:声明|所有)|(?:免责|特别)?声明|原文链接|阅读原文|展开全文"
    r")(?:[\s:：】\]>》].*)?$"
)

# Lines that are page furniture wherever they appear (never article text).
FURNITURE_RE = re.compile(
    r"^(?:"
    r"[【\[]?\s*字[号体]\s*[:：]?.{0,12}|"
    r"[【\[]?\s*(?:打印|关闭|收藏|纠错|举报|分享|打印本页|关闭窗口|返回顶部)\s*[】\]]?(?:\s*[【\[]?\s*(?:打印|关闭|收藏|纠错|举报|分享|关闭窗口|打印本页)\s*[】\]]?)*|"
    r"(?:阅读|浏览|点击|访问)(?:量|数|次数)?\s*[:：]?\s*\d*\s*次?|"
    r"\d{1,7}|"
    r"大字|小字|[大中小](?:\s+[大中小]){1,2}|"
    r"(?:[\s\d«»<>‹›|\[\]【】.…]|共\s*\d+\s*页|第\s*\d+\s*页|[上下首尾末前后]一?页|返回列表)+|"
    r"(?:来源|作者|编辑|责任编辑)\s*[:：]?"
    r")$"
)

META_LABEL_RE = re.compile(
    r"(?:来源|稿源|出处|作者|时间|日期|发布|发表|更新|浏览|阅读|点击|编辑|供稿|字号|信息来源)"
)

SOURCE_RE = re.compile(
    r"(?:信息|文章|新闻)?(?:来源|稿源|出处|来自)\s*[:：]\s*([^\s|｜/]{2,30}?)"
    r"(?=$|[\s|｜/【\[]|作者|编辑|责任编辑|责编|时间|发布|点击|阅读|浏览|字号|日期|(?:19|20)\d\d[-/.年])"
)
# An unlabelled source in a meta line: "攀枝花日报 | 发布日期:...", "自贡网 2021-12-09 08:31".
BARE_SOURCE_RE = re.compile(
    r"(?:^|[\s|｜])([\u4e00-\u9fff]{1,12}(?:日报|晚报|早报|商报|时报|报|网|电视台|融媒体中心|新闻中心|客户端|发布)(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))?)(?=$|[\s|｜]|(?:19|20)\d\d)"
)
AUTHOR_META_RE = re.compile(r"(?:作者|撰稿|供稿人|记者)\s*[:：]\s*((?:[^\s|｜:：]{2,12}(?:[ 、,，]+|$)){1,4})")
EDITOR_RE = re.compile(
    r"(?:责任编辑|责编|编辑|值班编辑|审核|终审|校对)\s*[:：]\s*((?:[\u4e00-\u9fff·]{2,6}(?:[ 、,，/]+|$|(?=[)）】\]])|(?=[^\u4e00-\u9fff·]))){1,4})"
)
# "（记者 李秋玥 廖蓝蕾 摄影 叶卫东）", "自贡网记者 廖蓝蕾 陈凡逸 摄影 罗祥瑞", "全媒体记者 杨俊"
REPORTER_RE = re.compile(
    r"(?:记者|通讯员|作者|文\s*/|文\s*[:：]|撰文)\s*[:：]?\s*"
    r"((?:[\u4e00-\u9fff·]{2,6}(?:[\s?？、,，]+|$|(?=[)）】\]]))){1,5})"
)
NAME_STOP = re.compile(r"摄影|摄|通讯员|实习生|报道|见习记者|记者|编辑|责任编辑|图|文|供图|整理|发自|电|讯")
NAME_RE = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff·]{1,5}$")
NOT_NAMES = {
    "本报", "本台", "本网", "报道", "摄影", "通讯员", "实习生", "编辑", "记者", "全媒体", "融媒体",
    "报道组", "新华社", "中新网", "综合", "来源", "责任编辑", "见习记者", "首席记者", "特约记者",
    "佚名", "本站", "管理员", "编辑部", "网络", "未知",
}
