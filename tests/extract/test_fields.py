"""Field-level behaviour of the generic extractor on small hand-written pages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from delegation_crawler.extract import extract_article
from delegation_crawler.news.dates import find_datetime
from delegation_crawler.extract.decode import decode_html

ROOT = Path(__file__).resolve().parents[2]

BODY = (
    "<div class='content'>"
    "<p>本报讯(记者 张静 刘洋)3月7日,我市召开城乡环境综合治理工作推进会,总结去年工作,安排部署今年任务。</p>"
    "<p><img src='/upload/a.jpg'></p><p>会场。 张静 摄</p>"
    "<p>会议要求,各区县要对标对表年度目标任务,补齐短板弱项,建立长效机制,确保各项工作落地见效。</p>"
    "<p>编辑:李娜</p></div>"
)


def page(title_tag="我市召开城乡环境综合治理工作推进会_自贡网", headline="我市召开城乡环境综合治理工作推进会",
         meta="时间:2022年03月08日 09:15   来源:自贡日报   阅读:", after=""):
    return (f"<html><head><meta charset='utf-8'><title>{title_tag}</title></head><body>"
            "<div class='nav'><a href='/'>首页</a><a href='/a'>自贡要闻</a></div>"
            f"<h1>{headline}</h1><div class='info'>{meta}</div>{BODY}{after}</body></html>")


def test_headline_not_title_tag_suffix():
    assert extract_article(page()).title == "我市召开城乡环境综合治理工作推进会"


def test_headline_when_title_tag_is_only_the_site_name():
    result = extract_article(page(title_tag="自贡网"))
    assert result.title == "我市召开城乡环境综合治理工作推进会"


@pytest.mark.parametrize(
    "meta, iso, precision",
    [
        ("时间:2022年03月08日 09:15   来源:自贡日报   阅读:", "2022-03-08T09:15:00+08:00", "minute"),
        ("来源:自贡日报 2022-03-08 09:15   https://www.yybnet.net/", "2022-03-08T09:15:00+08:00", "minute"),
        ("编辑:李娜 来源:自贡日报 发布时间:2022/3/8 9:15:07 字号:", "2022-03-08T09:15:07+08:00", "second"),
        ("發布時間:2022/3/8 9:15:07 來源:自貢日報", "2022-03-08T09:15:07+08:00", "second"),
        ("发布日期:2022-03-08 信息来源:自贡日报", "2022-03-08T00:00:00+08:00", "day"),
    ],
)
def test_publish_time_and_source_from_meta_line(meta, iso, precision):
    result = extract_article(page(meta=meta))
    assert (result.published, result.published_precision) == (iso, precision)
    assert result.source in ("自贡日报", "自貢日報")
    assert meta.split()[0] in " ".join(result.meta)


def test_today_banner_is_not_the_publish_time():
    html = page().replace("<div class='nav'>", "<div>今天是:2023年11月21日 星期二</div><div class='nav'>")
    assert extract_article(html).published == "2022-03-08T09:15:00+08:00"


def test_url_date_is_the_last_resort():
    result = extract_article(page(meta="本网讯"), url="http://www.example.gov.cn/zwgk/202203/t20220308_1.html")
    assert result.published == "2022-03-08T00:00:00+08:00"
    assert result.published_precision == "day"


def test_body_paragraphs_people_and_images():
    result = extract_article(page(), url="https://www.zgm.cn/content/61b1e0c3a1b2c")
    assert result.paragraphs[0].startswith("本报讯(记者 张静 刘洋)")
    assert "编辑:李娜" in result.paragraphs  # located: editor lines inside the article block stay
    assert result.authors == ["张静", "刘洋"]
    assert result.editors == ["李娜"]
    assert result.photographers == ["张静"]
    assert result.images == [{"url": "https://www.zgm.cn/upload/a.jpg", "caption": "会场。 张静 摄"}]
    # read: the editor line is a field, not body (the same reading a portal's selectors get)
    assert result.body == "\n".join(p for p in result.paragraphs if p != "编辑:李娜")
    assert result.reason is None


def test_chrome_after_the_body_is_cut():
    after = ("<div><div>上一篇:<a href='#'>全区春季植树活动启动</a></div>"
             "<div>新闻推荐</div><p>近日,一场别开生面的农民丰收节在村文化广场举行,村民们载歌载舞,共同庆祝丰收的喜悦。</p>"
             "<div>网友评论</div><p>写得很好,我们县的变化确实很大,点赞家乡的发展,希望越来越好。</p></div>")
    body = extract_article(page(after=after)).body
    for chrome in ("上一篇", "新闻推荐", "丰收节", "网友评论", "点赞家乡"):
        assert chrome not in body


def test_gbk_page_with_gb2312_declaration():
    html = page().replace("charset='utf-8'", "charset='gb2312'")
    data = html.encode("gb18030")
    text, charset = decode_html(data)
    assert charset == "gb18030" and "推进会" in text
    assert extract_article(data).title == "我市召开城乡环境综合治理工作推进会"


def test_undeclared_utf8_and_bom():
    html = page().replace("<meta charset='utf-8'>", "")
    assert decode_html(html.encode("utf-8"))[1] == "utf-8"
    assert decode_html(b"\xef\xbb\xbf" + html.encode("utf-8"))[0].startswith("<html>")


def test_private_date_parser_rejects_impossible_dates():
    assert find_datetime("2021-13-45 10:00") is None
    assert find_datetime("发布时间:2021-02-30") is None
    assert find_datetime("2021-12-08T10:20:33Z")[0].isoformat() == "2021-12-08T18:20:33+08:00"


def test_cli_prints_one_json_object(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page(), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "delegation_crawler.extract", str(path), "--url", "https://x.cn/a.html"],
                         capture_output=True, cwd=ROOT, check=True)
    out = json.loads(run.stdout.decode("utf-8"))
    assert set(out) >= {"title", "published", "authors", "editors", "source", "body", "images", "event"}
    assert out["title"] == "我市召开城乡环境综合治理工作推进会"
    assert "推进会" in run.stdout.decode("utf-8")  # not ASCII-escaped


def test_cli_reads_stdin_and_reports_junk():
    run = subprocess.run([sys.executable, "-m", "delegation_crawler.extract", "-"], input=b"\x00\x01\x02" * 100,
                         capture_output=True, cwd=ROOT, check=True)
    out = json.loads(run.stdout)
    assert out["body"] == "" and out["reason"]


def test_gallery_captions_become_the_body():
    """DTcms picture stories keep their text in <a info="caption"> around thumbnails."""
    items = "".join(f'<li><a href="javascript:;" info="{c}"><img src="/upload/t_{n}.jpg"></a></li>'
                    for n, c in enumerate(["初夏时节，川河盖高山草甸绿意盎然。", "游客在草甸上搭起帐篷，享受惬意时光。"]))
    html = (f"<html><head><title>【图集】初夏川河盖-秀山网</title></head><body><h3>【图集】初夏川河盖"
            f"<div>编辑:付冲 来源:秀山网</div></h3><div id='smallImgScroll'><ul>{items}</ul></div>"
            "<div><h4>相关文章</h4><ul><li><a href='/n/1.html'>秀山举行金秋消费季启动仪式</a></li></ul></div></body></html>")
    result = extract_article(html, url="http://www.zgcqxs.net/news/show-33960.html")
    assert result.title == "【图集】初夏川河盖"
    assert result.paragraphs == ["初夏时节，川河盖高山草甸绿意盎然。", "游客在草甸上搭起帐篷，享受惬意时光。"]
    assert result.images[0] == {"url": "http://www.zgcqxs.net/upload/t_0.jpg", "caption": "初夏时节，川河盖高山草甸绿意盎然。"}
    assert result.published is None and "publish time" in result.reason
    assert result.source == "秀山网"


def test_title_tag_fallback_drops_a_hyphenated_site_name():
    result = extract_article("<html><head><title>秀山举行金秋消费季启动仪式-秀山网</title></head><body></body></html>")
    assert result.title == "秀山举行金秋消费季启动仪式"
    assert result.body == "" and result.reason


def test_traditional_script_chrome_is_recognised():
    """Mirror pages converted to traditional script keep their chrome headings recognisable."""
    after = ("<div><div>上一條:<a href='#'>全區春季植樹活動啟動</a></div><div>相關文章</div>"
             "<p>近日,一場別開生面的農民豐收節在村文化廣場舉行,村民們載歌載舞,共同慶祝豐收的喜悅。</p>"
             "<div>網友評論</div><p>寫得很好,我們縣的變化確實很大,點讚家鄉的發展,希望越來越好。</p></div>")
    html = page(meta="發布時間:2020/9/9 18:21:58 來源:秀山網", after=after)
    result = extract_article(html)
    assert result.published == "2020-09-09T18:21:58+08:00"
    assert result.source == "秀山網"
    for chrome in ("上一條", "相關文章", "豐收節", "網友評論"):
        assert chrome not in result.body


def test_site_logo_heading_does_not_beat_a_short_headline():
    html = ("<html><head><title>秀山召开安全会议_秀山网</title></head><body>"
            "<h1 class='logo'>秀山网</h1><div class='menu'><a href='/'>首页</a></div>"
            "<h2>秀山召开安全会议</h2><div>2022-01-05 11:20 来源:秀山网</div>" + BODY + "</body></html>")
    assert extract_article(html).title == "秀山召开安全会议"


def _headless(head="", body_extra="", meta="来源:自贡日报"):
    """A page whose visible meta line has no date: the date must come from elsewhere."""
    html = page(meta=meta, after=body_extra)
    return html.replace("</head>", head + "</head>")


@pytest.mark.parametrize(
    "head, body_extra, iso",
    [
        ("<meta property='article:published_time' content='2022-03-08T01:15:00Z'>", "", "2022-03-08T09:15:00+08:00"),
        ("<meta name='PubDate' content='2022-03-08 09:15'>", "", "2022-03-08T09:15:00+08:00"),
        ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
         '"datePublished": "2022-03-08T09:15:00+08:00"}]}</script>', "", "2022-03-08T09:15:00+08:00"),
        ("<script>var publish_time = '2022-03-08 09:15';</script>", "", "2022-03-08T09:15:00+08:00"),
        ('<script>window.DATA = {"publishTime": 1646702100}</script>', "", "2022-03-08T09:15:00+08:00"),
        ("", "<time datetime='2022-03-08T09:15:00+08:00'>3月8日</time>", "2022-03-08T09:15:00+08:00"),
    ],
)
def test_publish_time_from_machine_readable_sources(head, body_extra, iso):
    result = extract_article(_headless(head, body_extra))
    assert result.published == iso


def test_a_visible_labelled_date_beats_the_head():
    html = _headless("<meta property='article:published_time' content='2020-01-01T00:00:00Z'>",
                     meta="发布时间:2022-03-08 09:15 来源:自贡日报")
    assert extract_article(html).published == "2022-03-08T09:15:00+08:00"


def test_relative_time_only_with_a_fetch_time_and_only_as_a_last_resort():
    from datetime import datetime

    from delegation_crawler.news.dates import SHANGHAI

    fetched = datetime(2022, 3, 8, 12, 0, tzinfo=SHANGHAI)
    html = page(meta="自贡日报 3小时前")
    assert extract_article(html).published is None
    assert extract_article(html, fetched_at=fetched).published == "2022-03-08T09:00:00+08:00"
    dated = page(meta="自贡日报 3小时前 2022-03-01 08:00")
    assert extract_article(dated, fetched_at=fetched).published == "2022-03-01T08:00:00+08:00"


def test_undeclared_gb18030_page_with_bad_bytes_keeps_its_charset():
    """Two invalid bytes in an undeclared GB page: the decoding with the fewest errors wins."""
    html = page().replace("<meta charset='utf-8'>", "").encode("gb18030")
    at = html.index("会议要求".encode("gb18030"))
    damaged = html[:at] + b"\xff\xff" + html[at:]
    text, charset = decode_html(damaged)
    assert charset == "gb18030" and text.count("\ufffd") <= 2
    result = extract_article(damaged)
    assert result.title == "我市召开城乡环境综合治理工作推进会" and "会议要求" in result.body
