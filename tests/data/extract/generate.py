"""Regenerate the generated part of the extraction corpus: ``python tests/data/extract/generate.py``.

Renders each story of ``articles.py`` into several CMS page templates (VSB/WebPlus, DTcms,
PHPCMS, DedeCMS, TRS WCM, WordPress-like, Discuz portal, the yybnet aggregator desktop and
mobile, zgm new and old layouts, a generic mobile page) with their chrome: navigation,
breadcrumbs, share bars, prev/next, related links, teasers and comments written as prose,
sidebars, footers, ads. Writes ``pages/gen-*.html`` and one ``generated.jsonl`` line per page:
the fields a correct extractor must return, the body paragraphs that must all be present and
chrome strings that must all be absent. The seed texts come from ../shared/seeds; the output
is committed, so tests do not need the seeds.
"""

from __future__ import annotations

import html
import json
import random
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles import all_articles  # noqa: E402

E = html.escape
IDEO = "\u3000\u3000"  # ideographic-space paragraph indent

NEWS_POOL = [
    "我市召开一季度经济运行分析会", "全区春季植树活动启动", "县人大常委会召开第十二次会议",
    "市政府与省农发行签署战略合作协议", "多措并举稳就业 确保群众收入稳定增长", "第六届川渝美食节开幕",
    "城区三条道路完成提档升级", "我县获评全国电子商务进农村综合示范县", "市领导督导防汛备汛工作",
    "推进乡村振兴 绘就美丽画卷", "秋季征兵工作全面展开", "全市科技创新大会召开",
]
TEASERS = [
    "记者从市住建局获悉,今年我市将新开工改造老旧小区120个,惠及居民2.3万户,目前各项前期工作正在有序推进。",
    "近日,一场别开生面的农民丰收节在村文化广场举行,村民们载歌载舞,共同庆祝丰收的喜悦,现场热闹非凡。",
    "入冬以来,气温持续走低,市疾控中心提醒广大市民注意防寒保暖,科学佩戴口罩,预防呼吸道疾病。",
    "为进一步丰富群众精神文化生活,区文化馆近日举办书画摄影作品展,共展出作品160余幅,吸引众多市民前来观展。",
]
COMMENTS = [
    "两地多交流多合作是好事,期待早日见到实实在在的成果!",
    "写得很好,我们县的变化确实很大,点赞家乡的发展。",
    "希望多关注一下农村道路的问题,下雨天实在不好走。",
]
BLURBS = [
    "成都新闻,新鲜有料。可以走尽是天涯,难以品尽是故乡。距离成都再远也不是问题。世界很大,期待在此相遇。",
    "汉中新闻,家乡事早知道。无论你走多远,家乡的消息都在这里等你,欢迎常回来看看。",
]
FOOTERS = [
    "主办:中共广元市朝天区委宣传部 承办:广元市朝天区融媒体中心",
    "蜀ICP备13022682号-1 川公网安备51081202000021",
    "版权所有 未经书面授权不得复制或建立镜像",
    "违法和不良信息举报电话:0813-2101234 举报邮箱:jubao@example.cn",
]


def _news(rng, n=5, avoid=""):
    pool = [t for t in NEWS_POOL if t != avoid]
    return rng.sample(pool, n)


def _fmt(dt: datetime, style: str) -> str:
    return {
        "dash_min": dt.strftime("%Y-%m-%d %H:%M"),
        "dash_sec": dt.strftime("%Y-%m-%d %H:%M:%S"),
        "cn_min": dt.strftime("%Y年%m月%d日 %H:%M"),
        "slash_sec": f"{dt.year}/{dt.month}/{dt.day} {dt.hour}:{dt.minute:02d}:{dt.second:02d}",
        "dash_day": dt.strftime("%Y-%m-%d"),
        "discuz": f"{dt.year}-{dt.month}-{dt.day} {dt.hour:02d}:{dt.minute:02d}",
        "cn_day": f"{dt.year}年{dt.month}月{dt.day}日",
    }[style]


PRECISION = {"dash_min": "minute", "dash_sec": "second", "cn_min": "minute", "slash_sec": "second",
             "dash_day": "day", "discuz": "minute", "cn_day": "day"}


def _body_html(a, mode="p", indent="", img_style="p"):
    """Paragraphs (with lead lines, images after the first paragraph, and tail lines)."""
    parts = []
    lead = a.get("lead", [])
    for line in lead:
        parts.append(f'<p style="text-align:center"><strong>{E(line)}</strong></p>' if mode == "p" else f"<strong>{E(line)}</strong><br/>")
    for n, para in enumerate(a["paragraphs"]):
        if mode == "p":
            parts.append(f'<p style="text-indent:2em;">{indent}{E(para)}</p>')
        elif mode == "br":
            parts.append(f"&nbsp;&nbsp;&nbsp;&nbsp;{E(para)}<br/><br/>")
        elif mode == "div":
            parts.append(f"<div>{indent}{E(para)}</div>")
        elif mode == "span":
            parts.append(f'<p><span style="font-size:16px;"><font face="宋体">{E(para)}</font></span></p>')
        if n == 0:
            for src, caption in a["images"]:
                if img_style == "figure":
                    parts.append(f'<figure><img src="{src}" alt=""/><figcaption>{E(caption)}</figcaption></figure>')
                else:
                    parts.append(f'<p style="text-align:center"><img src="{src}" border="0"/></p>')
                    if caption:
                        parts.append(f'<p style="text-align:center">{E(caption)}</p>')
    for line in a.get("tail", []):
        parts.append(f"<p>{E(line)}</p>" if mode != "br" else f"{E(line)}<br/>")
    return "\n".join(parts)


def _links(items, cls="", prefix="/news/", date=None):
    lis = []
    for n, t in enumerate(items):
        d = f"<span>{date}</span>" if date else ""
        lis.append(f'<li><a href="{prefix}{1000 + n}.html" title="{E(t)}">{E(t)}</a>{d}</li>')
    return f'<ul class="{cls}">' + "".join(lis) + "</ul>"


# ---------------------------------------------------------------- templates
# Each returns (html, url, date style, chrome strings, shows_source).


def t_vsb(a, rng):
    dt = a["dt"]
    news = _news(rng)
    menus = "".join(f'<div class="menu{n}"><a href="#">{x}</a> <a href="#">{y}</a> <a href="#">{z}</a></div>'
                    for n, (x, y, z) in enumerate([("要闻", "部门", "乡镇"), ("图片", "视频", "发布"), ("工业", "农业", "城镇"), ("旅游", "投资", "商务")]))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{E(a['title'])}-朝天区新闻网</title>
<meta name="ArticleTitle" content="{E(a['title'])}"><meta name="PubDate" content="{_fmt(dt, 'dash_min')}">
<meta name="ContentSource" content="{E(a['source'])}">
<script>var _hmt=_hmt||[];</script></head><body>
<div class="top"><a href="#">设为首页</a><a href="#">收藏本站</a><a href="#">朝天人大网</a> <a href="#">朝天政府网</a> <a href="#">微朝天</a> <a href="#">书记信箱</a> <a href="#">在线投稿</a></div>
<div class="logo"><h1>朝天区新闻网</h1></div>
{menus}
<table width="1000"><tr><td class="wz">当前位置: <a href="#">首页</a><span class="splitflagstyle1033">&gt;&gt;</span><a href="#">资讯</a><span class="splitflagstyle1033">&gt;&gt;</span><a href="#">政务要闻</a><span class="splitflagstyle1033">&gt;&gt;</span>正文</td></tr></table>
<div class="bdsharebuttonbox">分享到:<a class="bds_weixin"></a></div>
<form name="_newscontent_fromname"><table width="100%">
<tr><td class="titlestyle1034" align="center">{E(a['title'])}</td></tr>
<tr><td align="center"><span class="timestyle1034">时间:{_fmt(dt, 'cn_min')}</span>&nbsp;&nbsp;&nbsp;<span class="authorstyle1034">来源:{E(a['source'])}</span>&nbsp;&nbsp;&nbsp;阅读:<span id="dynclicks_wbnews_1346_5512"></span></td></tr>
<tr><td class="contentstyle1034"><div id="vsb_content"><div class="v_news_content">
{_body_html(a)}
</div></div><div id="div_vote_id"></div></td></tr>
<tr><td>上一条:<a href="5511.htm">{E(news[0])}</a></td></tr>
<tr><td>下一条:<a href="5513.htm">{E(news[1])}</a></td></tr>
</table></form>
<div class="xgxw_box"><h3>相关新闻</h3><div>读取内容中,请等待...</div></div>
<div class="rmtw"><div class="t">热门图文</div>{_links(news[2:5])}</div>
<div class="bottom"><p>广元市朝天区融媒体中心  电话:0839-8621937  邮编:628012</p><p>{FOOTERS[1]}</p></div>
<script>_showDynClicks("wbnews", 1346, 5512)</script></body></html>"""
    return page, "https://www.gyct.com.cn/info/1346/5512.htm", "cn_min", ["设为首页", "收藏本站", "读取内容中", news[0], news[1], "热门图文", news[2], "川公网安备", "朝天政府网", "分享到", "上一条", "下一条"], True


def t_dtcms(a, rng):
    dt = a["dt"]
    news = _news(rng)
    comments = "".join(f'<li><div class="name">网友{n + 1}</div><p>{E(c)}</p></li>' for n, c in enumerate(COMMENTS[:2]))
    page = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{E(a['title'])}-秀山网</title><link href="/css/style.css" rel="stylesheet"/></head><body>
<div class="header"><div class="app"><span>关闭</span><a href="#">翠翠秀山APP</a><a href="#">秀山公众号</a></div>
<div class="nav"><a href="/">首页</a><a href="/news/1.html">秀山新闻</a><a href="/news/2.html">乡镇动态</a><a href="/news/3.html">图片秀山</a><a href="/news/4.html">视听秀山</a></div></div>
<div class="tjsp"><div class="left"><h3>{E(a['title'])}<div class="xx">编辑:{E(a['editors'][0] if a['editors'] else '秀山网')}&nbsp;&nbsp;&nbsp;来源:{E(a['source'])}&nbsp;&nbsp;&nbsp;发布时间:{_fmt(dt, 'slash_sec')}&nbsp;&nbsp;&nbsp;字号:<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a></div></h3>
<div id="imgwidth">
{_body_html(a, mode='span')}
</div>
<div class="xgwz"><h4>相关文章</h4>{_links(news[:3], prefix='/news/show-')}</div>
<div class="pl"><h4>网友评论</h4><div>共有 <span>2</span> 访客发表了评论</div><ul>{comments}</ul></div>
</div>
<div class="right"><div class="rd"><h4>热点新闻</h4>{_links(news[3:5], prefix='/news/show-')}</div>
<div class="tp"><h4>图片新闻</h4><p>{E(TEASERS[2])}</p></div></div></div>
<div class="foot"><p>秀山网 版权所有 渝ICP备09012345号</p><p>{FOOTERS[3]}</p></div>
<script src="/tools/submit_ajax.ashx?action=view_comment"></script></body></html>"""
    return page, "http://www.zgcqxs.net/news/show-24001.html", "slash_sec", ["翠翠秀山APP", "字号", "相关文章", "网友评论", COMMENTS[0], COMMENTS[1], news[0], TEASERS[2], "版权所有", "图片秀山"], True


def t_yybnet(a, rng):
    dt = a["dt"]
    news = _news(rng)
    teaser = a.get("teaser") or ("推进乡村振兴 绘就美丽画卷", TEASERS[0])
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])} - 地方网</title>
<meta name="keywords" content="成都新闻,{E(a['title'][:10])}"></head><body>
<div class="citynav"><a href="/chengdu/news/">成都新闻</a> <a href="/chengdu/xindu/">新都新闻</a> <a href="/chengdu/wenjiang/">温江新闻</a> <a href="/chengdu/shuangliu/">双流新闻</a> <a href="/chengdu/pidu/">郫都新闻</a> <a href="/chengdu/jianyang/">简阳新闻</a></div>
<div class="crumbs"><a href="/">地方网</a> &gt; <a href="#">四川</a> &gt; <a href="#">成都市</a> &gt; <a href="#">成都新闻</a> &gt; 正文</div>
<div class="main"><div class="article">
<h1>{E(a['title'])}</h1>
<div class="info">来源:{E(a['source'])} {_fmt(dt, 'dash_min')}&nbsp;&nbsp;&nbsp;<a href="https://www.yybnet.net/">https://www.yybnet.net/</a></div>
<div class="content">
{_body_html(a)}
</div>
<div class="tj"><div class="hd">新闻推荐</div><div class="bd"><h4><a href="/chengdu/news/201707/123.html">{E(teaser[0])}</a></h4><p>{E(teaser[1])}</p></div></div>
<div class="blurb">{E(BLURBS[0])}</div>
<div class="xg"><div class="hd">相关新闻:</div><ul><li><a href="#">{E(news[0])}</a>2017-07-29 05:59</li></ul></div>
<div class="like"><div class="hd">猜你喜欢:</div></div>
<div class="pl"><div class="hd">评论:({E(a['title'])})</div></div>
</div>
<div class="side"><div class="hd">频道推荐</div>{_links(news[1:4])}
<div class="hd">热点阅读</div><p><a href="#">{E(news[4])}...</a></p>
<div class="hd">图文看点</div></div></div>
<div class="footer">地方网 版权所有 {FOOTERS[2]}</div></body></html>"""
    return page, "https://www.yybnet.net/chengdu/news/201707/7021375.html", "dash_min", [teaser[0], teaser[1][:30], BLURBS[0][:20], "相关新闻", "频道推荐", "热点阅读", "成都新闻 新都新闻", news[0], news[1], "猜你喜欢"], True


def t_yyb_mobile(a, rng):
    dt = a["dt"]
    news = _news(rng)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{E(a['title'])}_地方网</title></head><body>
<header class="m-head"><a href="/" class="logo">地方网</a><a class="back" href="javascript:history.back()">返回</a></header>
<section class="m-art"><h2 class="m-title">{E(a['title'])}</h2>
<p class="m-info"><span>{E(a['source'])}</span> <span>{_fmt(dt, 'dash_min')}</span> <a class="big">大字</a></p>
{_body_html(a, mode='div')}
</section>
<section class="m-tj"><h3>新闻推荐</h3><a href="#"><b>{E(news[0])}</b><p>{E(TEASERS[1])}</p></a></section>
<section class="m-blurb"><p>{E(BLURBS[1])}</p></section>
<section class="m-xg"><h3>相关新闻</h3>{_links(news[1:4])}</section>
<footer>地方网手机版 {FOOTERS[2]}</footer></body></html>"""
    return page, "https://m.yybnet.net/hanzhong/news/201911/8812345.html", "dash_min", ["新闻推荐", TEASERS[1][:25], BLURBS[1][:20], "相关新闻", news[1], "大字", "地方网手机版"], False


def t_zgm_new(a, rng):
    dt = a["dt"]
    news = _news(rng, 6)
    recs = "".join(f'<div class="rec-item"><a href="/content/62a1b2c3d4e{n}f"><h4>{E(news[n])}</h4></a><p>{E(TEASERS[n])}</p></div>' for n in range(3))
    body = _body_html(a)
    page = f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>{E(a['title'])}_自贡网</title>
<meta property="og:title" content="{E(a['title'])}"></head><body>
<div id="app"><div class="header"><div class="logo"><img src="/static/logo.png" alt="自贡网"></div>
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/list/1">自贡要闻</a></li><li><a href="/list/2">区县新闻</a></li><li><a href="/list/3">盐都视点</a></li><li><a href="/list/4">专题</a></li></ul></div>
<div class="detail"><div class="detail-title">{E(a['title'])}</div>
<div class="detail-meta"><span class="time">{_fmt(dt, 'dash_min')}</span><span class="source">来源:{E(a['source'])}</span></div>
<div class="detail-content">{body}</div>
<div class="detail-like"><i class="icon-like"></i><span>0</span></div>
<div class="recommend"><div class="rec-title">推荐阅读</div>{recs}</div></div>
<div class="footer"><p>自贡网 {FOOTERS[3]}</p><p>蜀ICP备05007231号</p></div></div></body></html>"""
    return page, "https://www.zgm.cn/content/61b1e0c3a1b2c", "dash_min", ["推荐阅读", TEASERS[0][:25], TEASERS[1][:25], "盐都视点", news[0], "蜀ICP备05007231号"], True


def t_zgm_old(a, rng):
    """Old zgm layout: tables, div.a3 body, GBK bytes with a gb2312 declaration."""
    dt = a["dt"]
    news = _news(rng)
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{E(a['title'])}_自贡网</title></head><body>
<table width="960" align="center"><tr><td><img src="/images/top.jpg" width="960" height="90"></td></tr>
<tr><td class="nav"><a href="/">首页</a> | <a href="/html/news/">新闻中心</a> | <a href="/html/news/soc/">社会新闻</a> | <a href="/html/news/zg/">自贡新闻</a> | <a href="/bbs/">盐都论坛</a></td></tr></table>
<table width="960" align="center"><tr><td width="650" valign="top">
<div class="weizhi">您现在的位置: <a href="/">自贡网</a> &gt;&gt; <a href="/html/news/">新闻中心</a> &gt;&gt; 正文</div>
<div class="a1">{E(a['title'])}</div>
<div class="a2">{_fmt(dt, 'dash_min')}&nbsp;&nbsp;来源:{E(a['source'])}&nbsp;&nbsp;【<a href="javascript:fontZoom(16)">大</a> <a href="javascript:fontZoom(14)">中</a> <a href="javascript:fontZoom(12)">小</a>】</div>
<div class="a3">
{_body_html(a)}
</div>
<div class="a4">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</td><td width="300" valign="top"><div class="r1"><b>最新新闻</b>{_links(news[:4], prefix='/html/a/2016/0101/')}</div>
<div class="r2"><b>盐都论坛热帖</b><p>{E(TEASERS[3])}</p></div></td></tr></table>
<table width="960" align="center"><tr><td class="copyright">自贡网版权所有 {FOOTERS[3]}</td></tr></table></body></html>"""
    return page, "http://www.zgm.cn/html/a/2016/0315/4412.html", "dash_min", ["盐都论坛", "打印本页", "关闭窗口", news[0], TEASERS[3][:25], "版权所有", "您现在的位置"], True


def t_phpcms(a, rng):
    dt = a["dt"]
    news = _news(rng)
    author = a["authors"][0] if a["authors"] else "本网"
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{E(a['title'])} - 新闻中心 - 汉中网</title><meta name="description" content="{E(a['paragraphs'][0][:60])}" /></head><body>
<div class="header"><div class="top_nav">欢迎访问汉中网! <a href="#">登录</a> <a href="#">注册</a></div>
<div class="main_nav"><a href="/">网站首页</a><a href="/list-1.html">本地新闻</a><a href="/list-2.html">国内国际</a><a href="/list-3.html">汉中旅游</a><a href="/list-4.html">图片频道</a></div></div>
<div class="main"><div class="col-left"><div class="crumbs"><a href="/">首页</a><span> &gt; </span><a href="/list-1.html">本地新闻</a> &gt; 正文</div>
<div id="Article"><h1>{E(a['title'])}<br /><span>{_fmt(dt, 'dash_sec')}&nbsp;&nbsp;&nbsp;来源:{E(a['source'])}&nbsp;&nbsp;&nbsp;作者:{E(author)}&nbsp;&nbsp;&nbsp;点击:<span id="hits"></span>次</span></h1>
<div class="content">
{_body_html(a, mode='p', indent='&nbsp;&nbsp;&nbsp;&nbsp;')}
</div>
<p style="margin-bottom:10px"><strong>上一篇:</strong><a href="/show-1-99.html">{E(news[0])}</a><br /><strong>下一篇:</strong><a href="/show-1-101.html">{E(news[1])}</a></p>
<div class="related"><h5 class="blue">延伸阅读:</h5>{_links(news[2:4])}</div>
<div class="comment"><h5>网友评论</h5><div class="cmt"><p>{E(COMMENTS[2])}</p></div></div></div></div>
<div class="col-auto"><div class="box"><h5 class="title-2">频道总排行</h5>{_links(news[3:5])}</div></div></div>
<div class="footer"><p>汉中网 版权所有 Powered by PHPCMS</p></div></body></html>"""
    return page, "http://www.hanzhong.example.cn/html/2019/bendi_1122/1234.html", "dash_sec", ["欢迎访问汉中网", "上一篇", "下一篇", news[0], news[2], "延伸阅读", COMMENTS[2], "频道总排行", "Powered by"], True


def t_dedecms(a, rng):
    dt = a["dt"]
    news = _news(rng)
    page = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{E(a['title'])}_古蔺新闻网</title></head><body>
<div class="header"><div class="toplogo"><a href="/">古蔺新闻网</a></div>
<div class="navbar"><a href="/">主页</a><a href="/a/xinwen/">古蔺新闻</a><a href="/a/xiangzhen/">乡镇动态</a><a href="/a/minsheng/">民生关注</a><a href="/plus/guestbook.php">留言板</a></div></div>
<div class="w960"><div class="pleft"><div class="place"><strong>当前位置:</strong> <a href="/">主页</a> &gt; <a href="/a/xinwen/">古蔺新闻</a> &gt; </div>
<div class="viewbox"><div class="title"><h2>{E(a['title'])}</h2></div>
<div class="info"><small>时间:</small>{_fmt(dt, 'dash_min')}<small>来源:</small>{E(a['source'])}<small>作者:</small>{E(a['authors'][0] if a['authors'] else '')}<small>点击:</small><script src="/plus/count.php?view=yes&aid=3312&mid=1"></script>次</div>
<div class="content"><table width="100%"><tr><td>
{_body_html(a, mode='br')}
</td></tr></table></div>
<div class="boxoff"><strong>------分隔线----------------------------</strong></div>
<div class="handle"><div class="context"><ul><li>上一篇:<a href="/a/xinwen/3311.html">{E(news[0])}</a></li><li>下一篇:<a href="/a/xinwen/3313.html">{E(news[1])}</a></li></ul></div>
<div class="actbox"><ul><li id="act-fav"><a href="#">收藏</a></li><li id="act-err"><a href="#">挑错</a></li><li id="act-pus"><a href="#">推荐</a></li><li id="act-pnt"><a href="#">打印</a></li></ul></div></div></div></div>
<div class="pright"><div class="commend"><dl class="tbox"><dt><strong>推荐内容</strong></dt><dd>{_links(news[2:4])}</dd></dl></div>
<div class="hot"><dl class="tbox"><dt><strong>热点内容</strong></dt><dd><p>{E(TEASERS[1])}</p></dd></dl></div></div></div>
<div class="footer w960"><p>Copyright © 2002-2021 古蔺新闻网 版权所有</p><p>Power by DedeCms</p></div></body></html>"""
    return page, "http://www.gulin.example.cn/a/xinwen/2021/0326/3312.html", "dash_min", ["分隔线", "上一篇", news[0], news[2], "推荐内容", "热点内容", TEASERS[1][:25], "Power by DedeCms", "留言板"], True


def t_trs(a, rng):
    dt = a["dt"]
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{E(a['title'])}</title><meta name="publishdate" content="{_fmt(dt, 'dash_day')}"></head><body>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="../../images/banner.jpg" width="1002" height="150"></td></tr>
<tr><td class="dh"><a href="../../">首页</a>&nbsp;|&nbsp;<a href="../../zwgk/">政务公开</a>&nbsp;|&nbsp;<a href="../../bsfw/">办事服务</a>&nbsp;|&nbsp;<a href="../../hdjl/">互动交流</a>&nbsp;|&nbsp;<a href="../../zjpzh/">走进攀枝花</a></td></tr></table>
<table width="1002" align="center"><tr><td height="30" class="wz">您当前的位置：<a href="../../">首页</a> &gt; <a href="../">政务动态</a> &gt; 工作动态</td></tr>
<tr><td align="center" class="title" style="font-size:22px;font-weight:bold;padding:20px 0">{E(a['title'])}</td></tr>
<tr><td align="center" class="fbt">发布日期：{_fmt(dt, 'dash_day')}&nbsp;&nbsp;&nbsp;&nbsp;信息来源：{E(a['source'])}&nbsp;&nbsp;&nbsp;&nbsp;【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</td></tr>
<tr><td class="zw"><div class="TRS_Editor"><style type="text/css">.TRS_Editor P{{line-height:2;font-size:12pt;}}</style>
{_body_html(a)}
</div></td></tr>
<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr></table>
<table width="1002" align="center" class="bottom"><tr><td>主办：攀枝花市人民政府办公室 承办：攀枝花市大数据中心<br>网站标识码：5104000001 蜀ICP备05003520号<br>{FOOTERS[3]}</td></tr></table></body></html>"""
    return page, f"http://www.panzhihua.gov.cn/zwgk/gzdt/{dt:%Y%m}/t{dt:%Y%m%d}_1234567.html", "dash_day", ["您当前的位置", "走进攀枝花", "打印本页", "关闭窗口", "网站标识码", "承办：攀枝花市大数据中心", "字体"], True


def t_wordpress(a, rng):
    dt = a["dt"]
    news = _news(rng)
    comments = "".join(f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">读者{n}</b><time>{dt:%Y-%m-%d}</time></footer><div class="comment-content"><p>{E(c)}</p></div></article></li>' for n, c in enumerate(COMMENTS))
    page = f"""<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>{E(a['title'])} &#8211; 川南观察</title>
<meta property="og:title" content="{E(a['title'])}" /><meta property="article:published_time" content="{dt:%Y-%m-%dT%H:%M:%S}+08:00" /></head>
<body class="post-template-default single single-post"><div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">川南观察</a></p><p class="site-description">关注川南发展的新闻博客</p>
<nav id="site-navigation" class="main-navigation"><ul><li><a href="/">首页</a></li><li><a href="/category/news/">新闻</a></li><li><a href="/category/review/">评论</a></li></ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article id="post-812" class="post-812 post type-post status-publish"><header class="entry-header"><h1 class="entry-title">{E(a['title'])}</h1>
<div class="entry-meta"><span class="posted-on">发布于 <time class="entry-date published" datetime="{dt:%Y-%m-%dT%H:%M:%S}+08:00">{_fmt(dt, 'cn_day')} {dt:%H:%M}</time></span> <span class="byline">作者 <a href="/author/admin/">编辑部</a></span></div></header>
<div class="entry-content">
{_body_html(a, img_style='figure')}
</div>
<footer class="entry-footer"><span class="cat-links">分类:<a href="/category/news/">新闻</a></span> <span class="tags-links">标签:<a href="/tag/1/">区域合作</a></span></footer></article>
<nav class="navigation post-navigation"><div class="nav-previous"><a href="/811/">上一篇 {E(news[0])}</a></div><div class="nav-next"><a href="/813/">下一篇 {E(news[1])}</a></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">《{E(a['title'][:8])}》有3条评论</h2><ol class="comment-list">{comments}</ol>
<div id="respond"><h3>发表回复</h3><p>您的电子邮箱地址不会被公开。</p></div></div></main>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">近期文章</h2>{_links(news[2:5])}</section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">自豪地采用WordPress</div></footer></div></body></html>"""
    return page, "https://chuannan.example.net/2021/03/26/812/", "cn_min", ["关注川南发展的新闻博客", news[0], COMMENTS[0], COMMENTS[1], "发表回复", "电子邮箱地址", "近期文章", "自豪地采用", "标签", "有3条评论"], False


def t_discuz(a, rng):
    dt = a["dt"]
    news = _news(rng)
    page = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{E(a['title'])} - 新闻资讯 - 朝天在线 -  Powered by Discuz!</title></head><body id="nv_portal" class="pg_view">
<div id="toptb" class="cl"><div class="y"><a href="member.php?mod=register">注册</a><a href="member.php?mod=logging&action=login">登录</a></div></div>
<div id="hd"><div class="wp"><div class="hdc cl"><h2><a href="./" title="朝天在线"><img src="static/image/common/logo.png" alt="朝天在线" /></a></h2></div>
<div id="nv"><ul><li><a href="portal.php">门户</a></li><li><a href="forum.php">论坛</a></li><li><a href="group.php">群组</a></li></ul></div></div></div>
<div id="wp" class="wp"><div id="pt" class="bm cl"><div class="z"><a href="./" class="nvhm">朝天在线</a> <em>&rsaquo;</em> <a href="portal.php">门户</a> <em>&rsaquo;</em> <a href="portal.php?mod=list&catid=1">新闻资讯</a> <em>&rsaquo;</em> 查看内容</div></div>
<div id="ct" class="ct2 wp cl"><div class="mn"><div class="bm vw"><div class="h hm"><h1 class="ph">{E(a['title'])}</h1>
<p class="xg1">{_fmt(dt, 'discuz')}<span class="pipe">|</span> 发布者: <a href="space-uid-1.html">admin</a><span class="pipe">|</span> 查看: <em id="_viewnum">862</em><span class="pipe">|</span> 评论: 2<span class="pipe">|</span>原作者: {E(a['source'])}<span class="pipe">|</span>来自: {E(a['source'])}</p></div>
<div class="s"><div><strong>摘要</strong>: 点击查看全文内容,欢迎转发分享。</div></div>
<div class="d"><table cellpadding="0" cellspacing="0" class="vwtb"><tr><td id="article_content">
{_body_html(a, mode='div')}
</td></tr></table></div>
<div class="o cl ptm pbm"><a href="#" class="oshr">分享</a><a href="#" class="oshr ofav">收藏</a><a href="#" class="oshr oivt">邀请</a></div>
<div class="pren pbm cl"><em>上一篇:<a href="article-1-1.html">{E(news[0])}</a></em><em class="y">下一篇:<a href="article-3-1.html">{E(news[1])}</a></em></div>
</div><div class="bm"><div class="bm_h cl"><h3>相关阅读</h3></div><div class="bm_c">{_links(news[2:4])}</div></div>
<div id="comment" class="bm"><div class="bm_h cl"><h3>最新评论</h3></div><div id="comment_ul" class="xld"><dl><dt>游客</dt><dd>{E(COMMENTS[1])}</dd></dl><dl><dt>朝天人</dt><dd>{E(COMMENTS[0])}</dd></dl></div></div></div>
<div class="sd pph"><div class="bm"><div class="bm_h"><h2>热门文章</h2></div>{_links(news[3:5])}</div></div></div></div>
<div id="ft" class="wp cl"><p>Powered by <strong>Discuz!</strong> X3.4 &copy; 2001-2021 Comsenz Inc.</p></div></body></html>"""
    return page, "http://bbs.chaotian.example.cn/article-2-1.html", "discuz", ["摘要", "点击查看全文", news[0], news[2], COMMENTS[1], COMMENTS[0], "热门文章", "Discuz", "发布者", "邀请"], True


def t_mobile(a, rng):
    dt = a["dt"]
    news = _news(rng)
    recs = "".join(f'<li><a href="/m/{n}.html"><div class="t">{E(news[n])}</div><div class="s">{E(TEASERS[n])}</div></a></li>' for n in range(2))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{E(a['title'])}</title></head><body>
<div class="topbar"><span>打开APP,阅读体验更佳</span><a href="#">立即打开</a></div>
<div class="art"><h1 class="art-title">{E(a['title'])}</h1>
<div class="art-info"><span class="src">{E(a['source'])}</span> <span class="time">{_fmt(dt, 'dash_min')}</span></div>
<div class="art-body">{_body_html(a, mode='p')}</div>
<div class="art-statement">声明:本文仅代表作者观点,如有侵权请联系删除。</div>
<a class="readmore" href="#">展开全文</a></div>
<div class="recbox"><div class="rec-hd">为您推荐</div><ul>{recs}</ul></div>
<div class="mfoot">© 2023 掌上新闻</div></body></html>"""
    return page, "https://m.example.cn/news/20230921/12345.html", "dash_min", ["打开APP", "为您推荐", TEASERS[0][:25], TEASERS[1][:25], news[0], "展开全文", "掌上新闻", "声明:本文仅代表"], False


def t_govsite(a, rng):
    """Government site: today's date in the top bar, <title> is the site name, dated notice lists."""
    dt = a["dt"]
    news = _news(rng)
    notices = "".join(f'<tr><td><a href="/tzgg/{n}.html">{E(t)}</a></td><td>2023-11-{10 + n}</td></tr>' for n, t in enumerate(news[:4]))
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>南充市西充县人民政府</title></head><body>
<table width="1000" align="center"><tr><td class="date">今天是:2023年11月21日 星期二</td><td align="right"><a href="#">无障碍浏览</a> <a href="#">长者模式</a></td></tr></table>
<table width="1000" align="center"><tr><td width="260" valign="top"><div class="lm">通知公告</div><table>{notices}</table>
<div class="lm">政策解读</div><p>{E(TEASERS[3])}</p></td>
<td valign="top"><div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a> &gt; <a href="/xwzx/bmdt/">部门动态</a></div>
<table width="100%"><tr><td align="center" style="font-size:20px;color:#c00;font-weight:bold;line-height:40px">{E(a['title'])}</td></tr>
<tr><td align="center" style="border-bottom:1px solid #ccc">发布时间：{_fmt(dt, 'dash_sec')}&nbsp;&nbsp;&nbsp;&nbsp;来源：{E(a['source'])}&nbsp;&nbsp;&nbsp;&nbsp;浏览次数：<span id="count">315</span></td></tr>
<tr><td style="padding:20px;font-size:16px;line-height:2">
{_body_html(a, mode='p', indent=IDEO)}
</td></tr></table>
<table width="100%"><tr><td>【<a href="javascript:print()">打印</a>】【<a href="javascript:close()">关闭</a>】</td></tr></table></td></tr></table>
<table width="1000" align="center"><tr><td align="center">主办单位：西充县人民政府办公室 网站标识码：5113250001<br/>川公网安备 51132502000123号</td></tr></table></body></html>"""
    return page, "http://www.xichong.gov.cn/xwzx/bmdt/202311/t20231121_99.html", "dash_sec", ["今天是", "无障碍浏览", "通知公告", news[0], "政策解读", TEASERS[3][:25], "主办单位", "网站标识码"], True


def t_shortteaser(a, rng):
    """A two-paragraph story next to a column of long teasers: more prose outside than inside."""
    dt = a["dt"]
    news = _news(rng, 6)
    short = dict(a, paragraphs=a["paragraphs"][:2], images=[], tail=[], lead=[])
    side = "".join(f'<div class="item"><h4><a href="/p/{n}.html">{E(news[n])}</a></h4><p>{E(TEASERS[n % len(TEASERS)])}</p></div>' for n in range(6))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])}|都市报</title></head><body>
<div class="top"><a href="/">都市报首页</a> <a href="/news/">新闻</a> <a href="/city/">城事</a> <a href="/life/">生活</a></div>
<div class="wrap"><div class="l">
<h1>{E(a['title'])}</h1><div class="i">{_fmt(dt, 'dash_min')} 来源:{E(a['source'])}</div>
<div class="txt">{_body_html(short)}</div></div>
<div class="r"><div class="box"><b>编辑精选</b>{side}</div></div></div>
<div class="ft">都市报社 版权所有 {FOOTERS[3]}</div></body></html>"""
    return page, "https://news.example.cn/city/2021/1201/88.html", "dash_min", ["编辑精选", TEASERS[0][:25], TEASERS[1][:25], TEASERS[2][:25], news[0], "都市报社"], True, short["paragraphs"]


def t_comments_heavy(a, rng):
    """More comment prose than article prose, under a heading the extractor has no word for."""
    dt = a["dt"]
    many = [c + extra for c in COMMENTS for extra in ("", "说得对,支持!", "家乡越来越好了,为家乡点赞,希望以后多报道一些这样的好消息。")]
    msgs = "".join(f'<div class="ly"><span class="u">热心读者{n}:</span><span class="c">{E(m)}</span></div>' for n, m in enumerate(many))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])}_川北在线</title></head><body>
<div class="hd"><a href="/">川北在线</a> | <a href="/gy/">广元</a> | <a href="/nc/">南充</a> | <a href="/bz/">巴中</a></div>
<div class="bd"><div class="arc"><h1 class="arc-t">{E(a['title'])}</h1>
<p class="arc-m">{E(a['source'])} | {_fmt(dt, 'dash_min')}</p>
<div class="arc-c">{_body_html(a)}</div></div>
<div class="msgs"><div class="msgs-t">读者留言 ({len(many)})</div>{msgs}</div></div>
<div class="ft">川北在线 {FOOTERS[2]}</div></body></html>"""
    return page, "http://www.cbzx.example.cn/gy/2020/0509/1.html", "dash_min", ["读者留言", COMMENTS[0], COMMENTS[2], "热心读者", "家乡越来越好了"], False


def t_kicker(a, rng):
    """Kicker above the headline, sub-title below, site name first in <title>, meta after the body."""
    dt = a["dt"]
    news = _news(rng)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>泸州新闻网-{E(a['title'])}</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/lz/">泸州要闻</a><a href="/qx/">区县新闻</a><a href="/ss/">社会新闻</a></div>
<div class="article"><div class="kicker">奋进新征程 建功新时代</div><h1>{E(a['title'])}</h1><h2 class="sub">——{E(a['source'])}记者现场直击</h2>
<div class="article-body">{_body_html(a)}</div>
<div class="article-info">{E(a['source'])}&nbsp;|&nbsp;发布日期:{_fmt(dt, 'cn_day')}</div>
<div class="pages"><a href="#">上一页</a> <span>1</span> <a href="#">2</a> <a href="#">下一页</a></div>
<div class="rel"><p><a href="#">{E(news[0])}</a></p><p><a href="#">{E(news[1])}</a></p></div></div>
<div class="footer">泸州新闻网 {FOOTERS[3]}</div></body></html>"""
    return page, "https://www.lz.example.cn/qx/html/2021-03/26/12.html", "cn_day", ["奋进新征程", "记者现场直击", "上一页", news[0], news[1], "泸州要闻"], True


def t_wechat(a, rng):
    """Editor-styled page (135editor/WeChat style): sections, spans, lazy images, tiny captions."""
    dt = a["dt"]
    paras = "".join(f'<section style="margin:10px 0"><p style="text-indent:2em"><span style="font-size:15px;letter-spacing:1px">{E(p)}</span></p></section>' for p in a["paragraphs"])
    imgs = "".join(f'<section><img data-src="{src}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="/><p><span style="font-size:12px;color:#888">{E(cap)}</span></p></section>' for src, cap in a["images"])
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta property="og:title" content="{E(a['title'])}"><title>{E(a['title'])}</title></head><body>
<div class="rich_media"><h1 class="rich_media_title">{E(a['title'])}</h1>
<div class="rich_media_meta_list"><span class="rich_media_meta_nickname">{E(a['source'])}</span> <em id="publish_time">{_fmt(dt, 'cn_min')}</em></div>
<div class="rich_media_content" id="js_content"><section><p style="text-align:center"><span style="color:#1e6bb8">点击上方蓝字关注我们</span></p></section>{imgs}{paras}
<section><p style="text-align:center"><span>来源:{E(a['source'])}</span></p><p style="text-align:center"><span>审核:张三 编辑:{E(a['editors'][0] if a['editors'] else '李四')}</span></p></section></div>
<div class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div>
<div class="rich_media_tool"><a>阅读原文</a> 阅读 1.2万 <a>在看</a> 12</div></div></body></html>"""
    return page, "https://mp.example.qq.cn/s/AbCdEf", "cn_min", ["微信扫一扫", "关注该公众号", "阅读原文", "在看"], True


def t_flat(a, rng):
    """Hand-made old page: nav, title, date, paragraphs and footer are all children of <body>."""
    dt = a["dt"]
    news = _news(rng)
    paras = "\n".join(f"<p>{E(p)}</p>" for p in a["paragraphs"])
    page = f"""<html><head><meta charset="utf-8"><title>{E(a['title'])}</title></head><body bgcolor="#ffffff">
<p>欢迎光临县政府门户网站 今天是2023年5月1日</p>
<p><a href="/">首页</a> <a href="/gk/">概况</a> <a href="/xw/">新闻</a> <a href="/gg/">公告</a> <a href="/ly/">留言</a></p>
<hr>
<p align="center"><font size="5"><b>{E(a['title'])}</b></font></p>
<p align="center">{_fmt(dt, 'dash_min')} {E(a['source'])}</p>
{paras}
<hr>
<p><a href="/xw/1.html">{E(news[0])}</a></p>
<p><a href="/xw/2.html">{E(news[1])}</a></p>
<p>版权所有:县人民政府办公室 技术支持:县信息中心 备案号:渝ICP备05001234号</p>
</body></html>"""
    return page, "http://www.example.gov.cn/xw/2021/88.html", "dash_min", ["欢迎光临", "今天是", news[0], news[1], "技术支持", "ICP备"], True


def t_brief(a, rng):
    """A one-paragraph brief (简讯) next to long teasers and a notice list."""
    dt = a["dt"]
    news = _news(rng, 6)
    short = dict(a, paragraphs=a["paragraphs"][:1], images=[], tail=[], lead=[])
    side = "".join(f'<div class="sum"><a href="/n/{n}.html">{E(news[n])}</a><span>{E(TEASERS[n % 4][:48])}...</span></div>' for n in range(5))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])} - 快讯</title></head><body>
<div class="header"><span>快讯频道</span> <a href="/">返回首页</a></div>
<div class="container"><div class="news-detail"><h1 class="news-title">{E(a['title'])}</h1>
<div class="news-meta">发布时间:{_fmt(dt, 'dash_min')}&nbsp;来源:{E(a['source'])}</div>
<div class="news-text">{_body_html(short)}</div></div>
<div class="summaries"><h3>快讯精选</h3>{side}</div></div>
<div class="footer">快讯频道 {FOOTERS[2]}</div></body></html>"""
    return page, "https://kx.example.cn/d/20211201/5.html", "dash_min", ["快讯精选", news[0], TEASERS[0][:20], TEASERS[1][:20], "返回首页"], True, short["paragraphs"]


def t_inline(a, rng):
    """Paragraphs as <div>s with inline links to place pages, images between every paragraph."""
    dt = a["dt"]
    news = _news(rng)
    parts = []
    for n, p in enumerate(a["paragraphs"]):
        words = [w for w in ("自贡", "广元", "巴中", "秀山", "成都", "攀枝花", "汉中", "宝鸡", "古蔺", "朝天", "荣昌", "合川") if w in p]
        text = E(p)
        if words:
            text = text.replace(words[0], f'<a href="/tag/{n}.html" target="_blank">{words[0]}</a>', 1)
        parts.append(f"<div class='para'>{text}</div>")
        parts.append(f'<div class="pic"><img src="/pic/{n}.jpg" width="600"></div>')
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])}_川渝在线_川渝在线</title>
<meta name="publishdate" content="{dt:%Y-%m-%d %H:%M}"></head><body>
<div class="topnav"><a href="/">川渝在线</a> <a href="/cq/">重庆</a> <a href="/sc/">四川</a> <a href="/cy/">川渝合作</a></div>
<div class="position">您的位置: <a href="/">首页</a> » <a href="/cy/">川渝合作</a> » 正文</div>
<div class="art-head"><h1>{E(a['title'])}</h1><div class="art-src">{_fmt(dt, 'dash_min')}  来源:{E(a['source'])}  作者:{E(a['authors'][0] if a['authors'] else '')}</div></div>
<div class="art-main">{''.join(parts)}</div>
<div class="tags">标签:<a href="#">区域合作</a> <a href="#">成渝双城</a></div>
<div class="hot-list"><h3>24小时热榜</h3><ol>{''.join(f'<li><a href="#">{E(t)}</a></li>' for t in news[:4])}</ol></div>
<div class="foot">川渝在线 {FOOTERS[3]}</div></body></html>"""
    return page, "https://www.cyzx.example.cn/cy/2020/0814/7.html", "dash_min", ["您的位置", "24小时热榜", news[0], "成渝双城", "川渝合作 »"], True


# ---- held-out templates: written after the extractor was tuned on the ones above, to see how
# ---- it does on layouts it was not developed against (results reported in docs/extraction.md).


def t_zoom(a, rng):
    """Classic government article: #zoom body with <font>, info table, link table, tool bar."""
    dt = a["dt"]
    news = _news(rng)
    tree = "".join(f'<tr><td class="tree"><a href="/col/{n}/">{t}</a><br><span class="desc">{E(d)}</span></td></tr>'
                   for n, (t, d) in enumerate([("政务动态", TEASERS[0]), ("部门信息", TEASERS[2])]))
    rel = "".join(f'<tr><td>·<a href="/art/{n}.html">{E(t)}</a></td><td>[2021-0{n + 1}-1{n}]</td></tr>' for n, t in enumerate(news[:3]))
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{E(a['title'])}--古蔺县人民政府</title></head><body>
<table width="1000" align="center"><tr><td><img src="/images/top.jpg" width="1000" height="120"></td></tr></table>
<table width="1000" align="center"><tr><td width="220" valign="top"><table>{tree}</table></td><td valign="top">
<table width="100%"><tr><td class="title" align="center"><font style="font-size:20px"><b>{E(a['title'])}</b></font></td></tr>
<tr><td align="center"><table><tr><td>日期：{_fmt(dt, 'dash_day')}</td><td>作者：{E(a['authors'][0] if a['authors'] else '')}</td><td>来源：{E(a['source'])}</td><td>点击数：<script>document.write(123)</script></td></tr></table></td></tr>
<tr><td><div id="zoom"><font face="宋体" size="3">{_body_html(a, mode='p')}</font></div></td></tr>
<tr><td align="right">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】【<a href="#">打印</a>】【<a href="#">关闭</a>】</td></tr>
<tr><td><b>相关链接</b><table>{rel}</table></td></tr></table></td></tr></table>
<table width="1000" align="center"><tr><td align="center">古蔺县人民政府办公室主办 {FOOTERS[3]}</td></tr></table></body></html>"""
    return page, "http://www.gulin.gov.cn/art/2021/3/26/art_1_1.html", "dash_day", ["政务动态", TEASERS[0][:20], TEASERS[2][:20], news[0], "相关链接", "办公室主办", "点击数"], True


def t_nested(a, rng):
    """Old portal: tables five deep, picture-news captions with punctuation, date in brackets."""
    dt = a["dt"]
    body = "".join(f"　　{E(p)}<br><br>" for p in a["paragraphs"])
    pics = "".join(f'<tr><td><img src="/pic/{n}.jpg" width="200" height="150"><br>{E(c)}</td></tr>'
                   for n, c in enumerate(["群众在新建的文化广场上跳起坝坝舞,其乐融融。", "工人们正在加紧施工,确保项目按期完工。"]))
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{E(a['title'])}</title></head><body topmargin="0">
<table width="980" align="center"><tr><td><table width="100%"><tr><td class="menu"><a href="/">首页</a> <a href="/news/">新闻</a> <a href="/pic/">图片</a></td></tr></table></td></tr>
<tr><td><table width="100%"><tr><td width="700" valign="top"><table width="100%"><tr><td><table width="100%">
<tr><td height="40" align="center" class="news_title">{E(a['title'])}</td></tr>
<tr><td align="center" class="news_info">【{_fmt(dt, 'dash_min')}】 来源:{E(a['source'])} 浏览:<span>88</span>次</td></tr>
<tr><td class="news_text">{body}</td></tr></table></td></tr></table></td>
<td width="270" valign="top"><table width="100%"><tr><td class="pic_title">图片新闻</td></tr>{pics}</table></td></tr></table></td></tr>
<tr><td><table width="100%"><tr><td align="center">Copyright 2008 {FOOTERS[3]}</td></tr></table></td></tr></table></body></html>"""
    return page, "http://www.example.net/news/show.asp?id=3412", "dash_min", ["图片新闻", "坝坝舞", "加紧施工", "Copyright"], True


def t_lead(a, rng):
    """Summary box above the body, share bar and tag list between body and related list."""
    dt = a["dt"]
    news = _news(rng)
    summary = a["paragraphs"][0][:40] + "……"
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])}-四川在线</title>
<meta name="description" content="{E(summary)}"></head><body>
<div class="header"><a href="/">四川在线</a> <a href="/sc/">四川</a> <a href="/cd/">成都</a> <a href="/sz/">市州</a></div>
<div class="container"><div class="main"><h1 class="main-title">{E(a['title'])}</h1>
<div class="date-source"><span class="date">{_fmt(dt, 'cn_min')}</span> <span class="source">来源：{E(a['source'])}</span></div>
<div class="summary"><strong>【导读】</strong>{E(summary)}</div>
<div class="article-content">{_body_html(a)}</div>
<div class="share-bar">分享到： 微信 微博 QQ空间</div>
<div class="keywords">关键词：<a href="#">区域合作</a><a href="#">考察</a></div>
<div class="related-news"><h3>相关新闻</h3>{_links(news[:3])}</div></div></div>
<div class="footer">四川在线 {FOOTERS[2]}</div></body></html>"""
    return page, "https://sc.example.com/system/20210326/000.html", "cn_min", ["【导读】", "分享到", "关键词", news[0], "相关新闻"], True


def t_app(a, rng):
    """News-app share page: data in a script, download banners, hot comments, time-ago recs."""
    dt = a["dt"]
    news = _news(rng)
    recs = "".join(f'<li><img src="/t/{n}.jpg"><div><p class="t">{E(t)}</p><span>{n + 2}小时前</span></div></li>' for n, t in enumerate(news[:3]))
    hot = "".join(f'<div class="hc"><span class="nick">网友{n}</span><p>{E(c)}</p><span class="like">{n * 7}</span></div>' for n, c in enumerate(COMMENTS))
    data = json.dumps({"title": a["title"], "content": "".join(a["paragraphs"])[:200]}, ensure_ascii=False)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{E(a['title'])}</title>
<script>window.__INITIAL_STATE__={data};</script></head><body>
<div class="download-banner">下载客户端,看更多精彩新闻 <a href="#">立即下载</a></div>
<article class="news"><h1>{E(a['title'])}</h1><div class="meta"><span>{E(a['source'])}</span><time>{_fmt(dt, 'dash_min')}</time></div>
{_body_html(a)}
</article>
<div class="hot-comments"><div class="hd">热评</div>{hot}</div>
<div class="recommend"><div class="hd">相关推荐</div><ul>{recs}</ul></div>
<div class="open-app">打开客户端查看更多评论</div></body></html>"""
    return page, "https://app.example.cn/share/article/99887766", "dash_min", ["下载客户端", "热评", COMMENTS[0], COMMENTS[1], "小时前", news[0], "打开客户端"], True


# ---- second held-out batch, written after the first batch's fixes.


def t_powereasy(a, rng):
    """ASP CMS (PowerEasy-like): #fontzoom body, 作者/文章来源/点击数/更新时间 line, 佚名 author."""
    dt = a["dt"]
    news = _news(rng)
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{E(a['title'])}_新闻动态_秀山教育网</title></head><body>
<div id="top"><a href="/">网站首页</a> <a href="/news/">新闻动态</a> <a href="/notice/">通知公告</a> <a href="/jxky/">教学科研</a></div>
<table width="900" align="center"><tr><td class="main_tdbg_760">
<table width="100%"><tr><td class="main_title_760">您现在的位置: <a href="/">秀山教育网</a> &gt;&gt; <a href="/news/">新闻动态</a> &gt;&gt; 正文</td></tr>
<tr><td><div class="title"><b>{E(a['title'])}</b></div>
<div class="author">作者：佚名&nbsp;&nbsp;&nbsp;&nbsp;文章来源：{E(a['source'])}&nbsp;&nbsp;&nbsp;&nbsp;点击数：<script src="/Article/GetHits.asp?ArticleID=812"></script>&nbsp;&nbsp;&nbsp;&nbsp;更新时间：{dt.year}-{dt.month}-{dt.day}&nbsp;&nbsp;&nbsp;&nbsp;</div>
<div id="fontzoom">{_body_html(a, mode='p')}</div></td></tr>
<tr><td>上一篇文章：<a href="/a/811.html">{E(news[0])}</a><br>下一篇文章：<a href="/a/813.html">{E(news[1])}</a></td></tr>
<tr><td><table><tr><td class="xgwz_title">相关文章</td></tr><tr><td>没有相关文章</td></tr></table></td></tr></table></td></tr></table>
<div id="bottom">秀山教育网 版权所有 {FOOTERS[3]}</div></body></html>"""
    return page, "http://www.xsjy.example.cn/Article/ShowArticle.asp?ArticleID=812", "cn_day", ["网站首页", "您现在的位置", "上一篇", news[0], "没有相关文章", "点击数"], True


def t_agency(a, rng):
    """News-agency layout: time and source spans, 【纠错】【责任编辑】 line, unheaded summaries after."""
    dt = a["dt"]
    summaries = "".join(f'<div class="tj-item"><a href="/c/{n}.htm"><img src="/i/{n}.jpg"></a><p>{E(TEASERS[n % 4])}</p></div>' for n in range(4))
    editor = a["editors"][0] if a["editors"] else "王静"
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])}-新华网</title></head><body>
<div class="nav-top"><a href="/">首页</a> | <a href="/politics/">时政</a> | <a href="/local/">地方</a> | <a href="/fortune/">财经</a></div>
<div class="header"><div class="h-title">{E(a['title'])}</div>
<div class="h-info"><span class="h-time">{_fmt(dt, 'dash_sec')}</span> <span>来源： {E(a['source'])}</span></div></div>
<div class="main"><div id="detail">{_body_html(a)}
<div class="p-jc">【纠错】</div><div class="editor">【责任编辑:{E(editor)}】</div></div>
<div class="tj">{summaries}</div>
<div class="bottom-links"><a href="#">关于我们</a> <a href="#">联系我们</a></div></div></body></html>"""
    return page, "http://www.example-news.cn/local/2021-06/15/c_112233.htm", "dash_sec", ["纠错", TEASERS[0][:20], TEASERS[1][:20], TEASERS[3][:20], "关于我们"], True


def t_portal_sina(a, rng):
    """Big-portal layout: #artibody with image wrappers, an in-body topic link line, show_author."""
    dt = a["dt"]
    news = _news(rng)
    paras = [f'<p>{E(p)}</p>' for p in a["paragraphs"]]
    for src, cap in a["images"]:
        paras.insert(1, f'<div class="img_wrapper"><img src="{src}" alt="{E(a["title"][:10])}"><span class="img_descr">{E(cap)}</span></div>')
    editor = a["editors"][0] if a["editors"] else "张三"
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])}|区域合作_新浪新闻</title>
<meta property="article:published_time" content="{dt:%Y-%m-%dT%H:%M:%S}+08:00"></head><body>
<div class="top-nav"><a href="/">新浪首页</a> <a href="/news/">新闻</a> <a href="/sports/">体育</a> <a href="/finance/">财经</a></div>
<h1 class="main-title">{E(a['title'])}</h1>
<div class="date-source"><span class="date">{dt.year}年{dt.month:02d}月{dt.day:02d}日{dt.hour:02d}:{dt.minute:02d}</span> <a class="source" href="#">{E(a['source'])}</a></div>
<div class="article" id="artibody">{''.join(paras)}
<p>点击进入专题：<a href="/zt/1/">成渝地区双城经济圈建设</a></p>
<p class="show_author">责任编辑：{E(editor)}</p></div>
<div class="article-bottom"><div class="keywords">文章关键词：<a>考察</a> <a>合作</a></div><a href="#comment">我要反馈</a></div>
<div class="blk-related"><h3>相关新闻</h3>{_links(news[:3])}</div>
<div id="comment">热门评论<p>{E(COMMENTS[1])}</p></div></body></html>"""
    return page, "https://news.example.com.cn/c/2021-06-15/doc-iktzscyy.shtml", "cn_min", ["新浪首页", "文章关键词", "我要反馈", news[0], COMMENTS[1], "相关新闻"], True


def t_photo(a, rng):
    """Photo-led story: several captioned pictures, short text, thumbnails strip with captions."""
    dt = a["dt"]
    news = _news(rng)
    pics = "".join(f'<p style="text-align:center"><img src="/p/{n}.jpg"></p><p style="text-align:center;color:#666">{E(c)}</p>'
                   for n, c in enumerate(["▲活动现场。 通讯员 供图", "▲参观人员认真听取介绍。"]))
    thumbs = "".join(f'<li><img src="/t/{n}.jpg"><span>{E(t)}</span></li>' for n, t in enumerate(news[:4]))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])} - 图片新闻 - 朝天融媒</title></head><body>
<div class="menu"><a href="/">首页</a><a href="/tp/">图片</a><a href="/sp/">视频</a></div>
<div class="pic-article"><h2>{E(a['title'])}</h2><div class="pinfo">发布时间:{_fmt(dt, 'dash_min')} | 来源:{E(a['source'])} | 作者:{E(a['authors'][0] if a['authors'] else '')}</div>
<div class="pcontent">{pics}{_body_html(a)}</div></div>
<div class="thumbs"><h4>更多图片</h4><ul>{thumbs}</ul></div>
<div class="foot">朝天融媒 {FOOTERS[1]}</div></body></html>"""
    return page, "http://www.ctrm.example.cn/tp/2023/0216/9.html", "dash_min", ["更多图片", news[0], "川公网安备"], True


# ---- third held-out batch.


def t_splitad(a, rng):
    """The body is cut in two by an ad block and a 'read also' box in the middle of the story."""
    dt = a["dt"]
    news = _news(rng)
    half = max(1, len(a["paragraphs"]) // 2)
    first = dict(a, paragraphs=a["paragraphs"][:half], tail=[])
    second = dict(a, paragraphs=a["paragraphs"][half:], images=[], lead=[])
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])}_巴中新闻网</title></head><body>
<div class="topbar"><a href="/">巴中新闻网</a> <a href="/bz/">巴中</a> <a href="/xq/">县区</a></div>
<div class="wrap"><h1>{E(a['title'])}</h1><div class="meta">{_fmt(dt, 'dash_min')} 来源：{E(a['source'])}</div>
<div class="text">{_body_html(first)}
<div class="gg-inner"><a href="http://ad.example.cn/"><img src="/ad/banner.gif" width="600" height="90"></a></div>
<div class="also"><b>延伸阅读：</b><a href="/a/1.html">{E(news[0])}</a></div>
{_body_html(second)}</div>
<div class="bq">责任编辑：{E(a['editors'][0] if a['editors'] else '赵六')}</div></div>
<div class="footer">巴中新闻网 {FOOTERS[2]}</div></body></html>"""
    return page, "http://www.bzxw.example.cn/bz/2021/0615/5.html", "dash_min", ["延伸阅读", news[0], "巴中新闻网 版权所有"], True


def t_paged(a, rng):
    """Page 1 of a paginated article: the pager sits inside the content box."""
    dt = a["dt"]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])} - 达州新闻网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/dz/">达州</a> <a href="/qx/">区县</a></div>
<div class="art"><div class="art-title"><h1>{E(a['title'])}</h1></div>
<div class="art-info">发布时间：{_fmt(dt, 'dash_min')}　　信息来源：{E(a['source'])}　　【字号：<a>大</a> <a>中</a> <a>小</a>】</div>
<div class="art-con">{_body_html(a)}
<div class="pagebar"><span>共2页</span> <b>1</b> <a href="2_2.html">2</a> <a href="2_2.html">下一页</a> <a href="2_2.html">尾页</a></div></div></div>
<div class="ft">达州新闻网 {FOOTERS[3]}</div></body></html>"""
    return page, "http://www.dzxw.example.cn/dz/2021/0615/2.html", "dash_min", ["共2页", "下一页", "尾页", "字号"], True


def t_sidefirst(a, rng):
    """The sidebar comes first in the markup (floated right): ranked teasers before the story."""
    dt = a["dt"]
    news = _news(rng, 5)
    side = "".join(f'<li><em>{n + 1}</em><a href="/r/{n}.html">{E(t)}</a><p>{E(TEASERS[n % 4][:45])}</p></li>' for n, t in enumerate(news[:4]))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])}_南充网</title></head><body>
<div class="hd"><a href="/">南充网</a> <a href="/nc/">南充</a> <a href="/sh/">社会</a></div>
<div class="bd"><div class="col-r" style="float:right"><h3>阅读榜</h3><ol>{side}</ol></div>
<div class="col-l"><h1>{E(a['title'])}</h1><p class="src">{E(a['source'])}　{_fmt(dt, 'dash_min')}</p>
<div class="cnt">{_body_html(a)}</div></div></div>
<div class="ft">南充网 {FOOTERS[2]}</div></body></html>"""
    return page, "http://www.ncw.example.cn/nc/2021/0615/3.html", "dash_min", ["阅读榜", news[0], TEASERS[0][:20], TEASERS[1][:20]], True


def t_datatable(a, rng):
    """A data table inside the story (kept) and a dated 'latest' list with prose below it."""
    dt = a["dt"]
    news = _news(rng)
    table = ("<table border='1'><tr><td>项目</td><td>投资(亿元)</td></tr><tr><td>产业类</td><td>38.6</td></tr>"
             "<tr><td>基础设施类</td><td>30.2</td></tr></table>")
    body = _body_html(a).replace("</p>", "</p>" + table, 1)
    latest = "".join(f'<div class="latest-item"><span>{_fmt(dt, "dash_day")}</span><a href="/l/{n}.html">{E(t)}</a></div>' for n, t in enumerate(news[:4]))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])}|泸州发布</title></head><body>
<div class="nav"><a href="/">泸州发布</a> <a href="/zw/">政务</a></div>
<div class="content-box"><h2 class="content-title">{E(a['title'])}</h2><div class="content-meta">{E(a['source'])} {_fmt(dt, 'dash_min')}</div>
<div class="content-body">{body}</div></div>
<div class="latest"><h3>最新发布</h3>{latest}<p class="latest-note">以上信息由泸州市人民政府新闻办公室发布,转载请注明出处。</p></div>
<div class="ft">{FOOTERS[3]}</div></body></html>"""
    return page, "https://www.lzfb.example.cn/zw/2021/0326/8.html", "dash_min", ["最新发布", news[0], "转载请注明出处"], True


# ---- fourth held-out batch.


def t_video(a, rng):
    """Video page: player box, the story as the video's description, a playlist of clips."""
    dt = a["dt"]
    news = _news(rng)
    clips = "".join(f'<li><a href="/v/{n}.html"><img src="/v/{n}.jpg"><p>{E(t)}</p><span>03:1{n}</span></a></li>' for n, t in enumerate(news[:4]))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])}_视听频道_达州网</title></head><body>
<div class="nav"><a href="/">达州网</a> <a href="/video/">视听</a> <a href="/live/">直播</a></div>
<div class="video-page"><div class="player"><video src="/v/main.mp4" controls></video><div class="player-tip">您的浏览器不支持视频播放</div></div>
<h1 class="v-title">{E(a['title'])}</h1><div class="v-meta">来源：{E(a['source'])}　发布时间：{_fmt(dt, 'dash_min')}　播放：<span>1024</span></div>
<div class="v-desc">{_body_html(a)}</div></div>
<div class="playlist"><h3>相关视频</h3><ul>{clips}</ul></div>
<div class="ft">达州网 {FOOTERS[3]}</div></body></html>"""
    return page, "http://www.dzw.example.cn/video/2021/0615/7.html", "dash_min", ["相关视频", news[0], "不支持视频播放", "播放"], True


def t_subheads(a, rng):
    """Subheadings (<h3>, <strong>) and a blockquote inside the story; an author box after it."""
    dt = a["dt"]
    paras = []
    for n, p in enumerate(a["paragraphs"]):
        if n == 1:
            paras.append("<h3>一、主要做法</h3>")
        if n == 2:
            paras.append("<p><strong>二、下一步打算</strong></p><blockquote><p>“要把好经验带回去，结合实际抓好落实。”</p></blockquote>")
        paras.append(f"<p>{E(p)}</p>")
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])} | 川渝观察</title></head><body>
<header class="top"><a href="/">川渝观察</a><a href="/about">关于</a></header>
<main><article><h1>{E(a['title'])}</h1><p class="byline">{E(a['source'])} · <time datetime="{dt:%Y-%m-%dT%H:%M}">{_fmt(dt, 'cn_min')}</time></p>
{''.join(paras)}
<div class="author-box"><img src="/avatar.png" width="48" height="48"><p>本文作者长期关注川渝区域合作议题,欢迎来信交流探讨。</p></div></article></main>
<footer class="site-foot">川渝观察 {FOOTERS[2]}</footer></body></html>"""
    return page, "https://cygc.example.net/p/2021/0615/", "cn_min", ["本文作者长期关注", "关于"], True


def t_listy(a, rng):
    """A story published as a list: every paragraph is an <li> of an unstyled list."""
    dt = a["dt"]
    news = _news(rng)
    items = "".join(f"<li>{E(p)}</li>" for p in a["paragraphs"])
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(a['title'])}-咸阳新闻网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/xy/">咸阳</a> <a href="/bx/">彬州</a></div>
<div class="page"><h1>{E(a['title'])}</h1><div class="src">{_fmt(dt, 'dash_min')} 来源:{E(a['source'])}</div>
<ul class="story">{items}</ul></div>
<div class="more"><h4>相关新闻</h4>{_links(news[:3])}</div>
<div class="ft">咸阳新闻网 {FOOTERS[2]}</div></body></html>"""
    return page, "http://www.xyxw.example.cn/xy/2021/0615/4.html", "dash_min", ["相关新闻", news[0], "咸阳新闻网 版权所有"], True


TEMPLATES = {
    "vsb": t_vsb, "dtcms": t_dtcms, "yybnet": t_yybnet, "yybmobile": t_yyb_mobile, "zgmnew": t_zgm_new,
    "zgmold": t_zgm_old, "phpcms": t_phpcms, "dedecms": t_dedecms, "trs": t_trs, "wordpress": t_wordpress,
    "discuz": t_discuz, "mobile": t_mobile, "govsite": t_govsite, "shortteaser": t_shortteaser,
    "comments": t_comments_heavy, "kicker": t_kicker, "wechat": t_wechat, "flat": t_flat, "brief": t_brief,
    "inline": t_inline, "zoom": t_zoom, "nested": t_nested, "lead": t_lead, "app": t_app,
    "powereasy": t_powereasy, "agency": t_agency, "sina": t_portal_sina, "photo": t_photo,
    "splitad": t_splitad, "paged": t_paged, "sidefirst": t_sidefirst, "datatable": t_datatable,
    "video": t_video, "subheads": t_subheads, "listy": t_listy,
}
HELD_OUT = {"zoom": 1, "nested": 1, "lead": 1, "app": 1, "powereasy": 2, "agency": 2, "sina": 2, "photo": 2,
            "splitad": 3, "paged": 3, "sidefirst": 3, "datatable": 3, "video": 4, "subheads": 4, "listy": 4}
# Which templates each story is rendered in (its own portal's first).
PLAN = {
    "seed000": ["zgmnew", "zgmold", "discuz", "mobile", "comments", "inline", "zoom", "agency", "splitad", "video"],
    "seed001": ["zgmnew", "trs", "phpcms", "wordpress", "govsite", "flat", "brief", "nested", "app", "sina", "photo", "paged", "datatable", "subheads"],
    "seed002": ["yybnet", "yybmobile", "dedecms", "vsb", "kicker", "flat", "lead", "powereasy", "sidefirst", "listy"],
    "seed003": ["vsb", "yybnet", "discuz", "dtcms", "wechat", "shortteaser", "inline", "app", "sina", "splitad", "paged", "video", "listy"],
    "seed004": ["dtcms", "zgmold", "mobile", "trs", "govsite", "brief", "flat", "lead", "nested", "photo", "powereasy", "sidefirst", "subheads"],
    "w01": ["dtcms", "wordpress", "yybmobile", "shortteaser", "kicker", "inline", "zoom", "app", "agency", "sina", "datatable", "splitad", "listy"],
    "w02": ["zgmnew", "dedecms", "trs", "govsite", "wechat", "flat", "brief", "nested", "photo", "sidefirst", "video", "subheads"],
    "w03": ["yybnet", "phpcms", "mobile", "comments", "shortteaser", "inline", "lead", "zoom", "powereasy", "agency", "paged", "datatable", "listy"],
    "w04": ["vsb", "discuz", "zgmold", "wechat", "brief", "app", "lead", "sina", "photo", "splitad", "video"],
    "w05": ["vsb", "phpcms", "dedecms", "shortteaser", "comments", "flat", "nested", "zoom", "agency", "sidefirst", "paged", "subheads", "listy"],
    "w06": ["yybnet", "yybmobile", "trs", "kicker", "govsite", "inline", "app", "powereasy", "sina", "datatable", "video"],
    "w07": ["dedecms", "yybnet", "wordpress", "kicker", "shortteaser", "brief", "zoom", "lead", "photo", "agency", "splitad", "sidefirst", "subheads"],
    "w08": ["yybnet", "discuz", "zgmnew", "wechat", "comments", "flat", "inline", "nested", "powereasy", "paged", "listy", "video"],
    "w09": ["dtcms", "mobile", "phpcms", "shortteaser", "govsite", "brief", "app", "lead", "sina", "agency", "datatable", "sidefirst", "subheads"],
    "w10": ["zgmnew", "wordpress", "dtcms", "comments", "kicker", "flat", "nested", "zoom", "photo", "powereasy", "splitad", "paged", "video", "listy"],
}


def expected_published(dt: datetime, style: str) -> tuple[str, str]:
    precision = PRECISION[style]
    if precision == "day":
        dt = dt.replace(hour=0, minute=0, second=0)
    elif precision == "minute":
        dt = dt.replace(second=0)
    return dt.strftime("%Y-%m-%dT%H:%M:%S+08:00"), precision


def main() -> None:
    pages = HERE / "pages"
    pages.mkdir(exist_ok=True)
    for old in pages.glob("gen-*.html"):
        old.unlink()
    lines = []
    for article in all_articles():
        fmt = "%Y-%m-%d %H:%M:%S" if article["precision"] == "second" else "%Y-%m-%d %H:%M"
        article["dt"] = datetime.strptime(article["published"], fmt)
        for template in PLAN[article["key"]]:
            rng = random.Random(f"{article['key']}-{template}")
            page, url, style, chrome, shows_source, *shown = TEMPLATES[template](article, rng)
            paragraphs = shown[0] if shown else article["paragraphs"]
            name = f"gen-{article['key']}-{template}.html"
            data = page.encode("gb18030") if template in ("zgmold", "powereasy") else page.encode("utf-8")
            (pages / name).write_bytes(data)
            published, precision = expected_published(article["dt"], style)
            lines.append({
                "page": f"pages/{name}", "url": url, "template": template, "held_out": HELD_OUT.get(template, 0),
                "title": article["title"],
                "published": published, "published_precision": precision,
                "source": article["source"] if shows_source else None,
                "editors": article["editors"], "paragraphs": paragraphs,
                "chrome": [c for c in chrome if c and not any(c in p for p in article["paragraphs"])],
                "images": [src for src, _ in article["images"]],
            })
    with open(HERE / "generated.jsonl", "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"wrote {len(lines)} pages")


if __name__ == "__main__":
    main()
