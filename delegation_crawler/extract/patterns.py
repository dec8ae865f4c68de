"""Page-furniture vocabulary the extractor keys on: chrome headings, boundaries, counters.

What labels and bylines mean is ``delegation_crawler.news`` (one vocabulary for both paths).

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
