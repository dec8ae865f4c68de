"""Builds the replica folders (``sites/<portal>/``) from article content.

Not needed to run anything: the built folders are committed. It is kept so the replicas can
be rebuilt after a template change (``python -m delegation_crawler.replica.build``) and so the
benchmark can build a replica scaled up to thousands of pages.

Content comes from two places: the five seed articles (../shared/seeds/, embedded with their
damage as it is) and ``content/<portal>.json`` (articles written for the replica in each
portal's style). Each portal function renders its real site's URL scheme, list pagination,
chrome and charset (see ../shared/portals.md); what is not known about a real site is
listed as an assumption in the folder's manifest.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from delegation_crawler.news.dates import SHANGHAI
from delegation_crawler.replica.server import SITES_DIR

CONTENT_DIR = Path(__file__).with_name("content")
SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"

e = html.escape


@dataclass
class Story:
    key: str
    title: str
    published: str  # "YYYY-MM-DD HH:MM[:SS]"
    paragraphs: list[str]
    source: str = ""
    byline: str = ""
    subtitles: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    chief_editors: list[str] = field(default_factory=list)
    kind: str = "local"
    layout: str = "new"
    city: str = ""
    section: str = "news"
    visit: dict | None = None
    seed: str | None = None
    # Seed pages carry their own chrome strings.
    chrome: dict = field(default_factory=dict)
    images: list[tuple[str, str]] = field(default_factory=list)  # (src, caption)

    @property
    def when(self) -> datetime:
        fmt = "%Y-%m-%d %H:%M:%S" if self.published.count(":") == 2 else "%Y-%m-%d %H:%M"
        return datetime.strptime(self.published, fmt).replace(tzinfo=SHANGHAI)


def load_content(portal: str) -> list[Story]:
    path = CONTENT_DIR / f"{portal}.json"
    if not path.exists():
        return []
    stories = []
    for raw in json.loads(path.read_text("utf-8")):
        raw = dict(raw)
        raw.setdefault("layout", "new")
        stories.append(Story(**{k: v for k, v in raw.items() if k in Story.__dataclass_fields__}))
    return stories


def _seed_lines(name: str) -> list[str]:
    return [line.rstrip() for line in (SEEDS_DIR / name).read_text("utf-8").splitlines()]


def _nonempty(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip()]


# --- the seeds, taken apart into the parts a page shows ---------------------------------------

def seed_stories() -> dict[str, Story]:
    s = {}
    lines = _nonempty(_seed_lines("000_54cda5ca0dd2751a.txt"))
    original = lines[-4]
    s["zgm"] = [
        Story(
            key="seed-000", seed="000_54cda5ca0dd2751a.txt", kind="visit",
            title=original.split("】", 1)[1].split("?")[0],
            published="2021-12-08 20:15", source="自贡网",
            paragraphs=lines[:-1],  # byline … 【原标题】, 编辑, 责任编辑 (the like count is chrome)
            chrome={"likes": lines[-1]},
        )
    ]
    lines = _nonempty(_seed_lines("001_cff38797c6928161.txt"))
    original = lines[-3]
    s["zgm"].append(
        Story(
            key="seed-001", seed="001_cff38797c6928161.txt", kind="visit",
            title=original.split("】", 1)[1].split(" ")[0],
            published="2020-04-29 21:30", source="自贡网",
            paragraphs=lines[:-1], chrome={"likes": lines[-1]},
        )
    )

    lines = _nonempty(_seed_lines("002_a53d50f8d4c75885.txt"))
    body_end = lines.index("新闻推荐")
    body = lines[4:body_end]
    caption, _, first = body[0].partition("(本报记者 宋俊康 摄)")
    s["yybnet"] = [
        Story(
            key="seed-002", seed="002_a53d50f8d4c75885.txt", kind="visit", city="chengdu",
            title=lines[2], published="2017-07-29 07:34", source="攀枝花日报",
            paragraphs=[first] + body[1:],
            images=[("/uploads/allimg/170729/1-1F7290G34.jpg", caption.strip() + " (本报记者 宋俊康 摄)")],
            chrome={
                "teaser_title": lines[body_end + 1],
                "teaser": lines[body_end + 2],
                "related": [lines[body_end + 5]],
            },
        )
    ]

    lines = _seed_lines("003_044381c29e18b771.txt")
    start = lines.index("分享到:") + 1
    content = _nonempty(lines[start:lines.index("上一条:我市海绵城市建设从局部探路转向全域推进")])
    s["chaotian"] = [
        Story(
            key="seed-003", seed="003_044381c29e18b771.txt", kind="visit", section="gyyw",
            title=content[0], published="2024-04-18 11:12", source="广元日报",
            paragraphs=content[2:],  # lead line, repeated title, sub-title, body (as VSB shows them)
            chrome={"prev": "我市海绵城市建设从局部探路转向全域推进", "next": "“游大美蜀道 品广元好茶”兰州推介会举行"},
        )
    ]

    lines = _seed_lines("004_29e6a95d79ed7dd2.txt")
    body_start = lines.index("字號:") + 1
    body = _nonempty(lines[body_start:lines.index("相關(guān)文章")])
    s["xiushan"] = [
        Story(
            key="seed-004", seed="004_29e6a95d79ed7dd2.txt", kind="visit",
            title=lines[3], published="2020-09-09 18:21:58", source=lines[5].split(":", 1)[1],
            editors=[lines[4].split(":", 1)[1]], paragraphs=body,
            chrome={"popup": lines[0:3], "labels": ("編輯", "來源", "發布時間", "字號"), "traditional": True},
        )
    ]
    return s


def clean_simplified_repost(story: Story) -> Story:
    """Seed 000 as its paper ran it: simplified, undamaged, no zgm editor lines (for dedupe tests)."""
    from delegation_crawler.script import to_simplified as convert

    fixed = []
    for p in story.paragraphs[1:]:
        p = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)", "", p)
        p = p.replace("當?shù)馗刹咳罕姷慕豢诜Q贊", "當地干部群眾的交口稱贊").replace("?", " ")
        if not p.startswith(("【", "編輯", "責任編輯")):
            fixed.append(convert(p))
    fixed[0] = "本报讯(记者 廖蓝蕾 陈凡逸)" + fixed[0]
    return Story(
        key="yybnet-repost-000", kind="visit", city="zigong", title="巴中市党政代表团到自贡考察 两市签署共建工业协作示范园框架协议",
        published="2021-12-09 07:20", source="自贡日报", paragraphs=fixed,
    )


# --- shared page pieces -----------------------------------------------------------------------

def paragraphs_html(paragraphs: list[str], indent: str = "") -> str:
    return "\n".join(f'{indent}<p style="text-indent:2em;">{e(p)}</p>' for p in paragraphs)


ROBOTS = "User-agent: *\nDisallow: /search\nDisallow: /admin/\n"


@dataclass
class Built:
    files: dict[str, bytes] = field(default_factory=dict)
    articles: list[dict] = field(default_factory=list)
    expected_drops: list[dict] = field(default_factory=list)
    editions: dict[str, dict[str, bytes]] = field(default_factory=dict)

    def add_article(self, url: str, path: str, page: bytes, story: Story, **extra) -> None:
        self.files[path] = page
        entry = {
            "url": url, "key": story.key, "kind": story.kind, "title": story.title,
            "published": story.when.isoformat(), "source": story.source or None,
            "paragraphs": story.paragraphs, "seed": story.seed,
        }
        if story.visit:
            entry["visit"] = story.visit
        entry.update(extra)
        self.articles.append(entry)


def chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


# --- zgm ----------------------------------------------------------------------------------------

ZGM_LIST_JS = """(function () {
  // Column lists are filled from JSON by script, as on the real site's web app.
  var params = new URLSearchParams(location.search);
  var page = parseInt(params.get('page') || '1', 10);
  var column = document.body.getAttribute('data-column');
  fetch('/api/column/' + column + '/' + page + '.json')
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var ul = document.querySelector('ul.news-list');
      data.items.forEach(function (it) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = '/content/' + it.id; a.target = '_blank'; a.textContent = it.title;
        var time = document.createElement('span');
        time.className = 'time'; time.textContent = it.time;
        li.appendChild(a); li.appendChild(time); ul.appendChild(li);
      });
      var pager = document.querySelector('.pager');
      if (page > 1) { var p = document.createElement('a'); p.className = 'prev'; p.href = '/column/' + column + '?page=' + (page - 1); p.textContent = '上一页'; pager.appendChild(p); }
      if (page < data.pages) { var n = document.createElement('a'); n.className = 'next'; n.href = '/column/' + column + '?page=' + (page + 1); n.textContent = '下一页'; pager.appendChild(n); }
    });
})();
"""

ZGM_NAV = (
    '<div class="header"><a href="/" class="logo">自贡网</a><ul class="nav">'
    '<li><a href="/column/zgxw">自贡新闻</a></li><li><a href="/column/qxdt">区县动态</a></li>'
    '<li><a href="/column/mszx">民生资讯</a></li><li><a href="http://dp.zgm.cn/">数字报</a></li>'
    '<li><a href="http://www.zgm.cn/html/news/soc/">旧版回顾</a></li></ul></div>'
)
ZGM_FOOTER = (
    '<div class="footer"><p>自贡网 版权所有 未经书面授权 不得复制或建立镜像</p>'
    "<p>蜀ICP备05003830号 川公网安备51030202000127号 互联网新闻信息服务许可证51120190010</p></div>"
)


def zgm_id(story: Story, n: int) -> str:
    return "%08x%05x" % (int(story.when.timestamp()), (n * 7919) % 0xFFFFF)


def build_zgm(stories: list[Story]) -> Built:
    built = Built()
    new = sorted((s for s in stories if s.layout != "archive"), key=lambda s: s.when, reverse=True)
    archive = sorted((s for s in stories if s.layout == "archive"), key=lambda s: s.when, reverse=True)

    listing = []
    for n, story in enumerate(new):
        cid = zgm_id(story, n + 1)
        paragraphs = story.paragraphs if story.seed else (
            ([story.byline] if story.byline else []) + story.paragraphs
            + [f"编辑:{x}" for x in story.editors] + [f"责任编辑:{x}" for x in story.chief_editors]
        )
        page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(story.title)}_自贡网</title>
<link rel="stylesheet" href="/static/css/app.css"></head>
<body>
{ZGM_NAV}
<div class="main"><div class="crumbs"><a href="/">首页</a> &gt; <a href="/column/zgxw">自贡新闻</a> &gt; 正文</div>
<div class="article">
  <h1 class="article-title">{e(story.title)}</h1>
  <div class="article-info"><span class="time">{story.when:%Y-%m-%d %H:%M}</span><span class="source">来源:{e(story.source)}</span></div>
  <div class="article-content">
{paragraphs_html(paragraphs, "    ")}
  </div>
  <div class="zan"><a href="javascript:;" class="zan-btn">点赞</a><span class="zan-num">{e(story.chrome.get("likes", "0"))}</span></div>
  <div class="share">分享到: <a class="wx">微信</a> <a class="wb">微博</a></div>
</div>
<div class="hot"><h3>热点推荐</h3><ul><li><a href="/column/zgxw">自贡灯会闭幕 接待游客创新高</a></li><li><a href="/column/zgxw">盐帮美食节开幕</a></li></ul></div>
</div>
{ZGM_FOOTER}
</body></html>
"""
        url = f"https://www.zgm.cn/content/{cid}"
        built.add_article(url, f"content/{cid}", page.encode("utf-8"), story)
        listing.append({"id": cid, "title": story.title, "time": f"{story.when:%Y-%m-%d %H:%M}"})

    pages = chunks(listing, 6)
    column = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>自贡新闻_自贡网</title>
<link rel="stylesheet" href="/static/css/app.css"></head>
<body data-column="zgxw">
{ZGM_NAV}
<div class="main"><div class="crumbs"><a href="/">首页</a> &gt; 自贡新闻</div>
<ul class="news-list"></ul>
<div class="pager"></div></div>
{ZGM_FOOTER}
<script src="/static/js/list.js"></script>
</body></html>
"""
    built.files["column/zgxw"] = column.encode("utf-8")
    for number, items in enumerate(pages, 1):
        built.files[f"api/column/zgxw/{number}.json"] = json.dumps(
            {"column": "zgxw", "page": number, "pages": len(pages), "items": items}, ensure_ascii=False
        ).encode("utf-8")
    built.files["static/js/list.js"] = ZGM_LIST_JS.encode("utf-8")
    built.files["static/css/app.css"] = b".news-list li{list-style:none}.time{color:#999;margin-left:1em}\n"
    built.files["index.html"] = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>自贡网</title></head>'
        f'<body>{ZGM_NAV}<p><a href="/column/zgxw">自贡新闻</a></p>{ZGM_FOOTER}</body></html>'
    ).encode("utf-8")

    # The old (<= 2016) layout, still online: GBK pages with a gb2312 meta declaration.
    old_items = []
    for n, story in enumerate(archive):
        folder = f"html/a/{story.when:%Y}/{story.when:%m%d}"
        aid = 100000 + int(story.when.timestamp()) // 3600 % 90000 + n
        byline = [story.byline] if story.byline else []
        editor = f"<div class=\"a4\">责任编辑：{e(story.editors[0])}</div>" if story.editors else ""
        page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{e(story.title)} - 自贡新闻 - 自贡网</title></head>
<body>
<div class="top"><a href="http://www.zgm.cn/">自贡网首页</a> | <a href="http://www.zgm.cn/html/news/soc/">社会新闻</a> | <a href="http://www.zgm.cn/html/news/zg/">自贡新闻</a></div>
<div class="position">您现在的位置：<a href="http://www.zgm.cn/">首页</a> &gt; <a href="http://www.zgm.cn/html/news/soc/">社会新闻</a> &gt; 正文</div>
<div class="a1"><h1>{e(story.title)}</h1></div>
<div class="a2">时间：{story.when:%Y-%m-%d %H:%M}&nbsp;&nbsp;来源：{e(story.source)}&nbsp;&nbsp;点击：<span id="hits"></span></div>
<div class="a3">
{paragraphs_html(byline + story.paragraphs)}
</div>
{editor}
<div class="a5">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="xg"><h3>相关新闻</h3><ul><li><a href="http://www.zgm.cn/html/news/soc/">自贡开展安全生产大检查</a></li></ul></div>
<div class="foot">Copyright &copy; 自贡网 All Rights Reserved 蜀ICP备05003830号</div>
</body></html>
"""
        path = f"{folder}/{aid}.html"
        built.add_article(f"http://www.zgm.cn/{path}", path, page.encode("gb18030"), story)
        old_items.append((path, story))
    list_pages = chunks(old_items, 2)
    for number, items in enumerate(list_pages, 1):
        entries = "\n".join(
            f'<div class="list-news-l"><a href="/{path}" target="_blank">{e(s.title)}</a></div>'
            f'<div class="list-news-r"><span>{s.when:%Y-%m-%d}</span></div>'
            for path, s in items
        )
        pager = []
        if number > 1:
            pager.append(f'<a href="{"index.html" if number == 2 else f"list_{number - 1}.html"}">上一页</a>')
        if number < len(list_pages):
            pager.append(f'<a href="list_{number + 1}.html">下一页</a>')
        page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>社会新闻 - 自贡网</title></head><body>
<div class="top"><a href="http://www.zgm.cn/">自贡网首页</a></div>
<div class="list-news">
{entries}
</div>
<div class="page">共{len(list_pages)}页 {" ".join(pager)}</div>
<div class="foot">Copyright &copy; 自贡网 蜀ICP备05003830号</div>
</body></html>
"""
        name = "index.html" if number == 1 else f"list_{number}.html"
        built.files[f"html/news/soc/{name}"] = page.encode("gb18030")
    return built


ZGM_MANIFEST = {
    "portal": "zgm",
    "home_place": "510300",  # 自贡市
    "name": "自贡网",
    "hosts": ["www.zgm.cn"],
    "charset": "utf-8",
    "content_types": [
        {"match": "/column/*", "type": "text/html; charset=utf-8"},
        {"match": "/content/*", "type": "text/html; charset=utf-8"},
        # The old archive is served without a charset in the header (the page's meta says gb2312) …
        {"match": "/html/*", "type": "text/html"},
    ],
    "assumptions": [
        "New-layout column lists (/column/<slug>) are filled by script from /api/column/<slug>/<page>.json; the real list URLs, pagination and API are unknown.",
        "New-layout pages are UTF-8; the title and date sit outside the body element (div.article-content).",
        "The like count after the editor lines is outside the body element.",
        "Old-archive list pagination is list_<n>.html after index.html.",
        "One old-archive article is served with a wrong 'charset=utf-8' header over GBK bytes (header and meta disagree).",
    ],
}


# --- yybnet -------------------------------------------------------------------------------------

YYB_CITIES = {
    "chengdu": ("四川", "成都市", "成都", ["新都", "温江", "双流", "郫都", "简阳", "都江堰", "彭州", "邛崃", "崇州", "金堂", "大邑", "蒲江", "新津"]),
    "panzhihua": ("四川", "攀枝花市", "攀枝花", ["东区", "西区", "仁和", "米易", "盐边"]),
    "zigong": ("四川", "自贡市", "自贡", ["自流井", "贡井", "大安", "沿滩", "荣县", "富顺"]),
    "guangyuan": ("四川", "广元市", "广元", ["利州", "昭化", "朝天", "旺苍", "青川", "剑阁", "苍溪"]),
    "bazhong": ("四川", "巴中市", "巴中", ["巴州", "恩阳", "通江", "南江", "平昌"]),
    "luzhou": ("四川", "泸州市", "泸州", ["江阳", "纳溪", "龙马潭", "泸县", "合江", "叙永", "古蔺"]),
    "dazhou": ("四川", "达州市", "达州", ["通川", "达川", "宣汉", "开江", "大竹", "渠县", "万源"]),
    "nanchong": ("四川", "南充市", "南充", ["顺庆", "高坪", "嘉陵", "阆中", "南部", "营山", "蓬安", "仪陇", "西充"]),
    "hanzhong": ("陕西", "汉中市", "汉中", ["汉台", "南郑", "城固", "洋县", "西乡", "勉县", "宁强", "略阳", "镇巴", "留坝", "佛坪"]),
    "xianyang": ("陕西", "咸阳市", "咸阳", ["秦都", "渭城", "三原", "泾阳", "乾县", "礼泉", "永寿", "彬州", "长武", "旬邑", "淳化", "武功", "兴平"]),
}
YYB_BLURBS = [
    "{short}新闻,新鲜有料。可以走尽是天涯,难以品尽是故乡。距离{short}再远也不是问题。世界很大,期待在此相遇。",
    "关注{short},关注家乡事。这里有{short}最新鲜的本地新闻,陪你看见家乡的每一点变化。",
]


def yyb_id(story: Story) -> int:
    base = datetime(2013, 1, 1, tzinfo=SHANGHAI).timestamp()
    return 5_000_000 + int((story.when.timestamp() - base) * 0.02537)


def build_yybnet(stories: list[Story]) -> Built:
    built = Built()
    by_city: dict[str, list[tuple[str, Story]]] = {}
    for story in sorted(stories, key=lambda s: s.when, reverse=True):
        province, city_name, short, counties = YYB_CITIES[story.city]
        section = story.section or "news"
        column = f"{short}新闻" if section == "news" else f"{dict(zip(counties, counties)).get(section, section)}新闻"
        path = f"{story.city}/{section}/{story.when:%Y%m}/{yyb_id(story)}.html"
        siblings = " ".join(f'<a href="/{story.city}/">{short}新闻</a>' if i == 0 else f'<a href="/{story.city}/">{c}新闻</a>'
                            for i, c in enumerate([short] + counties))
        chrome = story.chrome
        teaser_title = chrome.get("teaser_title", f"{short}:老街焕新颜")
        teaser = chrome.get("teaser", f"近日,{short}城区多条老街完成改造,青石板路、老字号店铺重新开张,吸引不少市民前来打卡...")
        related = chrome.get("related", [f"{short}举行全民健身运动会{story.when.year}-{story.when:%m-%d} 08:12"])
        subtitle = "".join(f'<h2 class="subtitle">{e(s)}</h2>' for s in story.subtitles)
        images = "".join(
            f'<p style="text-align:center"><img src="{e(src)}" alt="" /></p><p style="text-align:center">{e(cap)}</p>'
            for src, cap in story.images
        )
        blurb = YYB_BLURBS[yyb_id(story) % len(YYB_BLURBS)].format(short=short)
        page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8" />
<title>{e(story.title)}_{short}新闻_地方网</title>
<meta name="keywords" content="{e(short)}新闻" /></head>
<body>
<div class="top-bar"><a href="https://www.yybnet.net/">地方网</a> <a href="https://m.yybnet.net/">手机版</a></div>
<div class="channel-nav">{siblings}</div>
<div class="crumb"><a href="https://www.yybnet.net/">地方网</a> &gt; <a href="https://www.yybnet.net/{province}/">{province}</a> &gt; <a href="/{story.city}/">{city_name}</a> &gt; <a href="/{story.city}/">{column}</a> &gt; 正文</div>
<div class="article">
  <h1 class="title">{e(story.title)}</h1>{subtitle}
  <div class="info">来源:{e(story.source)} {story.when:%Y-%m-%d %H:%M}&nbsp;&nbsp;&nbsp;<a href="https://www.yybnet.net/">https://www.yybnet.net/</a></div>
  <div class="content">
{images}
{paragraphs_html(story.paragraphs, "    ")}
  </div>
</div>
<div class="recommend"><h3>新闻推荐</h3><div class="rec-item"><h4><a href="/{story.city}/">{e(teaser_title)}</a></h4><p>{e(teaser)}</p></div></div>
<div class="blurb">{e(blurb)}</div>
<div class="related"><h3>相关新闻:</h3><ul>{"".join(f"<li>{e(r)}</li>" for r in related)}</ul></div>
<div class="guess"><h3>猜你喜欢:</h3><ul></ul></div>
<div class="comment"><h3>评论:({e(story.title)})</h3><div class="comment-list"></div></div>
<div class="side">
<div class="channel-rec"><h3>频道推荐</h3><ul>
  <li>  • <a href="/dazhou/">渠县作家李明春作品《川乡传》 外文版权输出7国</a></li>
  <li>  • <a href="/dazhou/">九思:五十岁出道的诗人</a></li>
  <li>  • <a href="/dazhou/">达州:优化营商“软环境” 铸造发展“硬实力”</a></li>
</ul></div>
<div class="hot-read"><h3>热点阅读</h3><p>文牧野: 我一直追寻着真实与真诚... 王阳:《人世间》让人思考什么是活着... 国潮那么潮</p></div>
<div class="pic-read"><h3>图文看点</h3><h3>乡里乡亲</h3></div>
<div class="rank"><h3>热点排行</h3></div>
</div>
<div class="footer">地方网 版权所有 Copyright &copy; yybnet.net</div>
</body></html>
"""
        built.add_article(f"https://www.yybnet.net/{path}", path, page.encode("utf-8"), story, home_city=story.city)
        by_city.setdefault(story.city, []).append((path, story))

    for city, items in by_city.items():
        province, city_name, short, _ = YYB_CITIES[city]
        pages = chunks(items, 2)
        for number, chunk in enumerate(pages, 1):
            entries = "\n".join(
                f'<li><a href="/{path}" title="{e(s.title)}">{e(s.title)}</a><span class="date">{s.when:%Y-%m-%d}</span></li>'
                for path, s in chunk
            )
            nav = []
            if number > 1:
                nav.append(f'<a href="/{city}/{"" if number == 2 else f"index_{number - 1}.html"}">上一页</a>')
            if number < len(pages):
                nav.append(f'<a class="next" href="/{city}/index_{number + 1}.html">下一页</a>')
            page = f"""<!DOCTYPE html><html><head><meta charset="utf-8" /><title>{short}新闻_地方网</title></head><body>
<div class="crumb"><a href="https://www.yybnet.net/">地方网</a> &gt; {province} &gt; {city_name}</div>
<ul class="news-list">
{entries}
</ul>
<div class="pages">{" ".join(nav)}</div>
<div class="footer">地方网 版权所有</div>
</body></html>
"""
            name = "index.html" if number == 1 else f"index_{number}.html"
            built.files[f"{city}/{name}"] = page.encode("utf-8")
    return built


YYB_MANIFEST = {
    "portal": "yybnet",
    "home_place": None,  # an aggregator: each column is a city
    "name": "地方网",
    "hosts": ["www.yybnet.net", "yybnet.net", "m.yybnet.net"],
    "charset": "utf-8",
    "content_types": [],
    "assumptions": [
        "Charset is UTF-8 and CSS classes (div.article, div.info, div.content …) are invented: the real ones are unknown.",
        "City lists are /<city>/ then /<city>/index_<n>.html, 2 items a page.",
        "m.yybnet.net and yybnet.net serve the same pages as www (the mobile rendering is not replicated).",
    ],
}


# --- chaotian -----------------------------------------------------------------------------------

CT_COLUMNS = {
    "ctyw": ("1346", "朝天要闻", "首页>>新闻中心>>朝天要闻>>正文"),
    "gyyw": ("1487", "广元要闻", "首页>>资讯>>政务要闻>>广元要闻>>正文"),
    "bmdt": ("1975", "部门动态", "首页>>新闻中心>>部门动态>>正文"),
}
CT_TOP = """<div class="top"><a href="javascript:void(0)" onclick="SetHome(this,window.location)">设为首页</a>
<a href="javascript:void(0)" onclick="AddFavorite(window.location,document.title)">收藏本站</a></div>
<div class="links"><a href="#">朝天人大网</a> <a href="#">朝天政府网</a> <a href="#">朝天政协网</a> <a href="#">朝天政法</a> <a href="#">微朝天</a> <a href="#">书记信箱</a> <a href="#">朝天电视台</a> <a href="#">建言献策</a> <a href="#">在线投稿</a></div>
<div class="menu"><ul><li>要闻 部门 乡镇</li><li>图片 视频 发布</li><li>工业 农业 城镇</li><li>旅游 投资 商务</li><li>民生 管理 安全</li><li>政治 生态 网信</li><li>文学 书画 音乐</li><li>体育 摄影 拍客</li><li>思想 组织 作风</li><li>制度 廉政 理论</li></ul></div>"""
CT_FOOTER = """<div class="footer"><p>广元市朝天区融媒体中心&nbsp;&nbsp;电话:0839-8621937&nbsp;&nbsp;邮编:628012</p>
<p>举报邮箱:gyctrm@126.com&nbsp;&nbsp; 举报电话:0839-8625602&nbsp;&nbsp;</p>
<p>蜀ICP备13022682号-1&nbsp;&nbsp;川公网安备51081202000021</p></div>"""


def build_chaotian(stories: list[Story]) -> Built:
    built = Built()
    columns: dict[str, list[tuple[str, Story]]] = {slug: [] for slug in CT_COLUMNS}
    ordered = sorted(stories, key=lambda s: s.when)
    for n, story in enumerate(ordered):
        slug = story.section if story.section in CT_COLUMNS else ("gyyw" if story.source == "广元日报" else "ctyw")
        columns[slug].append((f"info/{CT_COLUMNS[slug][0]}/{31000 + n * 37}.htm", story))
    for slug, items in columns.items():
        column_id, column_name, crumb = CT_COLUMNS[slug]
        items.sort(key=lambda x: x[1].when, reverse=True)
        for i, (path, story) in enumerate(items):
            newer = items[i - 1] if i > 0 else None
            older = items[i + 1] if i + 1 < len(items) else None
            prev_title = story.chrome.get("prev") or (older[1].title if older else None)
            next_title = story.chrome.get("next") or (newer[1].title if newer else None)
            prev_html = f'上一条:<a href="{older[0].rsplit("/", 1)[1] if older else "#"}">{e(prev_title)}</a>' if prev_title else "上一条:没有了"
            next_html = f'下一条:<a href="{newer[0].rsplit("/", 1)[1] if newer else "#"}">{e(next_title)}</a>' if next_title else "下一条:没有了"
            article_id = path.rsplit("/", 1)[1].split(".")[0]
            editor = f'<div class="editor">责任编辑:{e(story.editors[0])}</div>' if story.editors else ""
            if story.seed:
                body = story.paragraphs
            else:
                body = story.subtitles[:1] + ([story.title] if story.subtitles else []) + story.subtitles[1:] + story.paragraphs
            page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{e(story.title)}-广元市朝天区新闻网</title>
<META Name="keywords" Content="广元市朝天区新闻网,{e(column_name)}" />
<META Name="ArticleTitle" Content="{e(story.title)}">
<META Name="PubDate" Content="{story.when:%Y-%m-%d %H:%M}">
<META Name="ContentSource" Content="{e(story.source)}">
<script language="javascript" src="/system/resource/js/dynclicks.js"></script></head>
<body>
{CT_TOP}
<div class="position">当前位置: {"".join(f'<a href="#">{e(p)}</a><span class="splitflagstyle157236">&gt;&gt;</span>' for p in crumb.split(">>")[:-1])}正文</div>
<div class="share">分享到:</div>
<form name="_newscontent_fromname">
<div class="content-title"><h1>{e(story.title)}</h1></div>
<div class="content-info">时间:{story.when:%Y年%m月%d日 %H:%M}&nbsp;&nbsp;&nbsp;来源:{e(story.source)}&nbsp;&nbsp;&nbsp;阅读:<span id="dynclicks_wbnews_{article_id}_{column_id}"></span></div>
<div id="vsb_content"><div class="v_news_content">
{paragraphs_html(body)}
</div></div>
{editor}
<div id="div_vote_id"></div>
</form>
<script>_showDynClicks("wbnews", 1234567890, {article_id})</script>
<div class="nextprev"><p>{prev_html}</p><p>{next_html}</p></div>
<div class="related"><h3>相关新闻</h3><div id="relatedNews">读取内容中,请等待...</div></div>
<div class="side"><h3>&nbsp;热门图文</h3><h3>&nbsp;热点新闻</h3></div>
{CT_FOOTER}
</body></html>
"""
            built.add_article(f"https://www.gyct.com.cn/{path}", path, page.encode("utf-8"), story)

        # VSB lists: page 1 is /xwzx/<slug>.htm, then /xwzx/<slug>/<K>.htm with K counting down.
        pages = chunks(items, 6)
        total = len(pages)
        for number, chunk in enumerate(pages, 1):
            depth = "../" if number == 1 else "../../"
            entries = "\n".join(
                f'<li id="line_u8_{i}"><a href="{depth}{path}" target="_blank" title="{e(s.title)}">{e(s.title)}</a><span>{s.when:%Y-%m-%d}</span></li>'
                for i, (path, s) in enumerate(chunk)
            )

            def page_href(k: int) -> str:
                """href of list page k (1-based) from list page `number`."""
                if k == 1:
                    return f"../{slug}.htm" if number > 1 else f"{slug}.htm"
                target = f"{total - k + 1}.htm"
                return target if number > 1 else f"{slug}/{target}"

            pager = ['<span class="p_pages">']
            pager.append(f'<span class="p_first p_fun"><a href="{page_href(1)}">首页</a></span>' if number > 1 else '<span class="p_first_d p_fun_d">首页</span>')
            pager.append(f'<span class="p_prev p_fun"><a href="{page_href(number - 1)}">上页</a></span>' if number > 1 else '<span class="p_prev_d p_fun_d">上页</span>')
            for k in range(1, total + 1):
                pager.append(f'<span class="p_no_d">{k}</span>' if k == number else f'<span class="p_no"><a href="{page_href(k)}">{k}</a></span>')
            pager.append(f'<span class="p_next p_fun"><a href="{page_href(number + 1)}">下页</a></span>' if number < total else '<span class="p_next_d p_fun_d">下页</span>')
            pager.append(f'<span class="p_last p_fun"><a href="{page_href(total)}">尾页</a></span>' if number < total else '<span class="p_last_d p_fun_d">尾页</span>')
            pager.append(f'</span><span class="p_t">{number}/{total}</span>')
            page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>{column_name}-广元市朝天区新闻网</title></head>
<body>
{CT_TOP}
<div class="position">当前位置: 首页&gt;&gt;{column_name}</div>
<div class="list"><ul>
{entries}
</ul></div>
<div class="pb_sys_common pb_sys_normal">{"".join(pager) if chunk else ""}</div>
{CT_FOOTER}
</body></html>
"""
            name = f"xwzx/{slug}.htm" if number == 1 else f"xwzx/{slug}/{total - number + 1}.htm"
            built.files[name] = page.encode("utf-8")
    return built


CT_MANIFEST = {
    "portal": "chaotian",
    "home_place": "510812",  # 广元市朝天区
    "name": "广元市朝天区新闻网",
    "hosts": ["www.gyct.com.cn"],
    "charset": "utf-8",
    "content_types": [{"match": "*.htm", "type": "text/html; charset=UTF-8"}],
    "assumptions": [
        "Charset is UTF-8 (portals.md: probably).",
        "List paths /xwzx/<slug>.htm are invented; the VSB scheme around them (K counting down, ../ links, p_pages pager) follows portals.md.",
        "Column 1975 (部门动态) has no news: its list page has no items (a list with zero links).",
        "The 引题/副题 lines of an article are the first paragraphs of v_news_content, around a repeat of the headline.",
    ],
}


# --- xiushan ------------------------------------------------------------------------------------

XS_HEADER = """<div class="header"><a href="/" class="logo">秀山网</a><ul class="nav"><li><a href="/">首页</a></li><li><a href="/news/12.html">秀山要闻</a></li><li><a href="/news/13.html">乡镇动态</a></li><li><a href="/news/15.html">图片新闻</a></li><li><a href="/news/16.html">视频秀山</a></li></ul></div>"""
XS_FOOTER = """<div class="footer"><p>主办:中共秀山县委宣传部 秀山县融媒体中心</p><p>渝ICP备12003213号-1 渝公网安备50024102000001号</p></div>"""


def xs_id(story: Story) -> int:
    return 24000 + int((story.when - datetime(2016, 12, 29, tzinfo=SHANGHAI)).days * 8)


def build_xiushan(stories: list[Story]) -> Built:
    built = Built()
    items = []
    for story in sorted(stories, key=lambda s: s.when, reverse=True):
        aid = xs_id(story)
        trad = story.chrome.get("traditional", False)
        labels = story.chrome.get("labels", ("编辑", "来源", "发布时间", "字号"))
        popup = "".join(f"<p>{e(x)}</p>" for x in story.chrome.get("popup", ["关闭", "翠翠秀山APP", "秀山公众号"]))
        editor = story.editors[0] if story.editors else "付冲"
        meta_time = "" if story.layout == "gallery" else f"{labels[2]}:{story.when.year}/{story.when.month}/{story.when.day} {story.when.hour}:{story.when:%M:%S}&nbsp;&nbsp;"
        if story.layout == "gallery":
            thumbs = "".join(
                f'<li><a href="javascript:;" info="{e(c)}"><img src="/upload/{story.when:%Y%m%d}/thumb_{aid}_{i}.jpg" /></a></li>'
                for i, c in enumerate(story.paragraphs)
            )
            body = f'<div id="smallImgScroll"><ul>{thumbs}</ul></div>'
        elif story.layout == "video":
            body = (
                f'<div id="video-box"><video src="/upload/video/{aid}.mp4" controls></video></div>'
                f'<div id="imgwidth">{paragraphs_html(story.paragraphs)}</div>'
            )
        else:
            paragraphs = story.paragraphs if story.seed else story.paragraphs + ([story.byline] if story.byline else [])
            images = f'<p style="text-align:center"><img src="/upload/{story.when:%Y%m%d}/{aid}_1.jpg" /></p>'
            body = f'<div id="imgwidth">\n{images}\n{paragraphs_html(paragraphs)}\n</div>'
        comments = "網友評論" if trad else "网友评论"
        related = "相關(guān)文章" if trad else "相关文章"
        page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{e(story.title)}-秀山网</title>
<link href="/templates/main/css/style.css" rel="stylesheet" type="text/css" /></head>
<body>
<div class="app-popup">{popup}</div>
{XS_HEADER}
<div class="tjsp"><div class="left">
<h3>{e(story.title)}<div>{labels[0]}:{e(editor)}&nbsp;&nbsp;{labels[1]}:{e(story.source)}&nbsp;&nbsp;{meta_time}{labels[3]}:<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a></div></h3>
{body}
<div class="xgwz"><h4>{related}</h4><ul><li><a href="/news/show-{aid - 8}.html">秀山举行金秋消费季启动仪式</a></li></ul></div>
<div class="pl"><h4>{comments}</h4><div id="comment_list"></div><p>共有 <span id="comment_count"></span>訪客發表了評論</p></div>
<script type="text/javascript">$(function(){{ AjaxInitForm('/tools/submit_ajax.ashx?action=comment_add&channel_id=1&article_id={aid}'); }});</script>
</div></div>
{XS_FOOTER}
</body></html>
"""
        path = f"news/show-{aid}.html"
        built.add_article(f"http://www.zgcqxs.net/{path}", path, page.encode("utf-8"), story, layout=story.layout)
        items.append((path, story))

    pages = chunks(items, 8)
    for number, chunk in enumerate(pages, 1):
        entries = "\n".join(
            f'<div class="xwlb_libjo"><a href="/{path}" target="_blank">{e(s.title)}</a><span>{s.when:%Y-%m-%d}</span></div>'
            for path, s in chunk
        )
        digg = []
        digg.append(f'<a href="12-{number - 1}.html">«上一页</a>' if number > 1 else '<span class="disabled">«上一页</span>')
        for k in range(1, len(pages) + 1):
            digg.append(f'<span class="current">{k}</span>' if k == number else f'<a href="12-{k}.html">{k}</a>')
        digg.append(f'<a href="12-{number + 1}.html">下一页»</a>' if number < len(pages) else '<span class="disabled">下一页»</span>')
        page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>秀山要闻-秀山网</title></head>
<body>
{XS_HEADER}
<div class="xwlb"><div class="xwlb_li">
{entries}
</div><div class="digg">{"".join(digg)}</div></div>
{XS_FOOTER}
</body></html>
"""
        built.files["news/12.html" if number == 1 else f"news/12-{number}.html"] = page.encode("utf-8")
    return built


XS_MANIFEST = {
    "portal": "xiushan",
    "home_place": "500241",  # 秀山土家族苗族自治县
    "name": "秀山网",
    "hosts": ["www.zgcqxs.net"],
    "charset": "utf-8",
    "content_types": [],
    "assumptions": [
        "Category 12 is 秀山要闻; its pages are /news/12.html and /news/12-<N>.html.",
        "Seed 004 is served as the traditional-script copy a script-converting mirror showed (the mirror case).",
        "Gallery pages show no publish time: the list's date is the only one.",
    ],
}


# --- the special pages: bad input, edited article ----------------------------------------------

def add_bad_input(portal: str, built: Built) -> None:
    """Pages that must end as counted drops, linked from the portal's first list page."""
    if portal == "xiushan":
        path = "news/show-23999.html"
        built.files[path] = (
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>秀山网</title></head><body>"
            f"{XS_HEADER}<div class=\"tjsp\"><div class=\"left\"><h3>秀山县召开防汛工作会议<div>编辑:付冲&nbsp;&nbsp;"
            "来源:秀山网&nbsp;&nbsp;发布时间:2016/12/20 9:05:00&nbsp;&nbsp;字号:</div></h3><div id=\"imgwidth\"></div>"
            f"</div></div>{XS_FOOTER}</body></html>"
        ).encode("utf-8")
        _link_first_list(built, "news/12.html", f'<div class="xwlb_libjo"><a href="/{path}">秀山县召开防汛工作会议</a><span>2016-12-20</span></div>')
        built.expected_drops.append({"url": f"http://www.zgcqxs.net/{path}", "reason": "no_body"})
    elif portal == "yybnet":
        # A list link to an article that is gone (404) …
        missing = "hanzhong/news/201906/10123456.html"
        _link_first_list(built, "hanzhong/index.html", f'<li><a href="/{missing}">汉中召开全市安全生产工作会议</a><span class="date">2019-06-03</span></li>')
        built.expected_drops.append({"url": f"https://www.yybnet.net/{missing}", "reason": "http_404"})
        # … and an article whose date is malformed.
        path = "hanzhong/news/201906/10123999.html"
        built.files[path] = (
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\" /><title>汉中新闻_地方网</title></head><body>"
            "<div class=\"article\"><h1 class=\"title\">汉中举行端午龙舟赛</h1>"
            "<div class=\"info\">来源:汉中日报 2019-13-45 25:61&nbsp;&nbsp;https://www.yybnet.net/</div>"
            "<div class=\"content\"><p>本报讯(记者 张涛)6月7日,汉中市端午龙舟赛在汉江天汉湿地公园举行,20支队伍参赛。</p></div></div>"
            "</body></html>"
        ).encode("utf-8")
        _link_first_list(built, "hanzhong/index.html", f'<li><a href="/{path}">汉中举行端午龙舟赛</a><span class="date">2019-06-08</span></li>')
        built.expected_drops.append({"url": f"https://www.yybnet.net/{path}", "reason": "bad_date"})


def _link_first_list(built: Built, list_path: str, entry: str) -> None:
    page = built.files[list_path].decode("utf-8")
    marker = "</ul>" if "</ul>" in page else '</div><div class="digg">'
    built.files[list_path] = page.replace(marker, entry + "\n" + marker, 1).encode("utf-8")


def add_edition(portal: str, built: Built) -> None:
    """Edition 2: one article edited after publication (a corrected paragraph)."""
    if portal != "chaotian":
        return
    entry = next(a for a in built.articles if a["kind"] == "visit" and not a["seed"])
    path = entry["url"].split("/", 3)[3]
    page = built.files[path].decode("utf-8")
    last = entry["paragraphs"][-1]
    edited = page.replace(e(last), e(last + "(本文有更正:原稿中一处职务表述有误,现已更正。)"), 1)
    built.editions.setdefault("2", {})[path] = edited.encode("utf-8")
    entry["edited_in_edition"] = 2


# --- writing the folders ------------------------------------------------------------------------

PORTALS = {
    "zgm": (build_zgm, ZGM_MANIFEST),
    "yybnet": (build_yybnet, YYB_MANIFEST),
    "chaotian": (build_chaotian, CT_MANIFEST),
    "xiushan": (build_xiushan, XS_MANIFEST),
}
NOT_FOUND = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404 页面不存在</h1></body></html>"


def stories_for(portal: str) -> list[Story]:
    seeds = seed_stories()
    stories = seeds.get(portal, []) + load_content(portal)
    if portal == "yybnet":
        stories.append(clean_simplified_repost(seeds["zgm"][0]))
    return stories


def build_portal(portal: str, stories: list[Story], out_dir: Path) -> Built:
    builder, manifest = PORTALS[portal]
    built = builder(stories)
    add_bad_input(portal, built)
    add_edition(portal, built)
    if portal == "zgm":  # one archive page whose header and meta disagree
        wrong = next(a for a in built.articles if a["url"].startswith("http://www.zgm.cn/html/a/"))
        path = "/" + wrong["url"].split("/", 3)[3]
        manifest = dict(manifest, content_types=[{"match": path, "type": "text/html; charset=utf-8"}] + manifest["content_types"])
        wrong["charset_trap"] = "header utf-8, meta gb2312, bytes GBK"
    folder = out_dir / portal
    if folder.exists():
        shutil.rmtree(folder)
    for path, data in built.files.items():
        target = folder / "files" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for edition, files in built.editions.items():
        for path, data in files.items():
            target = folder / "editions" / edition / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    (folder / "files" / "robots.txt").write_text(ROBOTS)
    (folder / "files" / "404.html").write_text(NOT_FOUND)
    full = dict(manifest, articles=built.articles, expected_drops=built.expected_drops)
    (folder / "manifest.json").write_text(json.dumps(full, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return built


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("portals", nargs="*", default=list(PORTALS))
    parser.add_argument("--out", type=Path, default=SITES_DIR)
    args = parser.parse_args(argv)
    if not SEEDS_DIR.is_dir():
        parser.exit(2, f"the replica is built from the seed articles, which are not at {SEEDS_DIR} "
                       "(../shared/seeds beside the repository)\n")
    for portal in args.portals:
        built = build_portal(portal, stories_for(portal), args.out)
        print(f"{portal}: {len(built.articles)} articles, {len(built.files)} files")


if __name__ == "__main__":
    main()
