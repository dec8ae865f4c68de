"""Meta-line labels: ``时间:2024年04月18日 11:12   来源:广元日报   阅读:`` → label → value.

The one list of the words Chinese news pages put before a colon in their meta lines, in both
scripts. The generic extractor uses it to recognise a meta line; the article interpretation
uses it to read one.
"""

from __future__ import annotations

import re

from delegation_crawler.news.dates import DateError, parse_datetime

LABELS = {
    "source": ("信息来源", "文章来源", "新闻来源", "来源", "來源", "稿源", "出处", "出處", "来自", "來自"),
    "published": ("发布时间", "發布時間", "发布日期", "發布日期", "发表时间", "發表時間", "时间", "時間", "日期"),
    "editors": ("值班编辑", "責任編輯", "责任编辑", "编辑", "編輯", "责编", "責編"),
    "authors": ("作者", "记者", "記者", "撰稿", "撰文"),
    "ignored": tuple(f"{word}{suffix}" for word in ("阅读", "閱讀", "点击", "點擊", "浏览", "瀏覽", "访问", "訪問", "查看")
                     for suffix in ("", "量", "数", "數", "次数", "次數")) + (
        "字号", "字號", "字体", "字體", "分享到", "更新时间", "更新時間", "发布者", "發布者", "原作者", "评论", "評論"),
}
FIELD_OF = {label: name for name, labels in LABELS.items() for label in labels}
_LABEL = re.compile(r"(%s)\s*[:：]" % "|".join(sorted(map(re.escape, FIELD_OF), key=len, reverse=True)))
# Words that mark a line as page meta even without a colon (``发布于``, ``供稿``).
META_WORDS = re.compile("|".join(sorted(set(map(re.escape, FIELD_OF)) | {"发布", "发表", "更新", "供稿"},
                                        key=len, reverse=True)))
_DATE_OR_URL = re.compile(r"\s*(?:(?:19|20)\d{2}\s*[-/.年].*|https?://\S*.*)$")
_TRIM = " \u3000|丨｜/"
_FIELD_END = re.compile(r"[\s|丨｜/【\[]+")
# An unlabelled source in a meta line: "攀枝花日报 | 发布日期:...", "自贡网 2021-12-09 08:31".
_BARE_SOURCE = re.compile(
    r"(?:^|[\s|｜])([\u4e00-\u9fff]{1,12}(?:日报|日報|晚报|晚報|早报|早報|商报|商報|时报|時報|报|報|网|網|电视台|電視台|"
    r"融媒体中心|融媒體中心|新闻中心|新聞中心|客户端|客戶端)(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))?)(?=$|[\s|｜]|(?:19|20)\d\d)"
)


def read_meta(lines: list[str]) -> dict[str, str]:
    """Label → value from meta lines; an unlabelled date line counts as the publish time."""
    found: dict[str, str] = {}
    for line in lines:
        marks = list(_LABEL.finditer(line))
        for mark, following in zip(marks, marks[1:] + [None]):
            value = line[mark.end(): following.start() if following else len(line)]
            value = value.replace("\xa0", " ").strip(_TRIM)
            name = FIELD_OF[mark.group(1)]
            if value and name not in found:
                found[name] = value
        if "published" not in found:
            # An unlabelled date, as in yybnet's "来源:攀枝花日报 2017-07-29 07:34".
            try:
                if parse_datetime(line):
                    found["published"] = line
            except DateError:
                found["published"] = line
    if "source" in found:
        # the first word: what follows a space is the next field (【大 中 小】, 浏览次数, a date)
        source = _DATE_OR_URL.sub("", found["source"]).strip(_TRIM) or found["source"]
        source = _FIELD_END.split(source, maxsplit=1)[0]
        if "http" in source or len(source) < 2:
            del found["source"]
        else:
            found["source"] = source
    return found


def bare_source(lines: list[str]) -> str | None:
    """A paper or site named without a label (``攀枝花日报 | 发布日期:…``), in short lines only."""
    for line in lines:
        if len(line) <= 60:
            match = _BARE_SOURCE.search(line)
            if match:
                return match.group(1)
    return None
