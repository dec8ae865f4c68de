"""Each spider's callbacks on replica pages (what ``scrapy check`` contracts would assert)."""

from __future__ import annotations

import urllib.request

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from delegation_crawler.items import ArticlePage
from delegation_crawler.middlewares.charset import CharsetMiddleware
from delegation_crawler.replica import ReplicaRouter
from spiders.chaotian import ChaotianSpider
from spiders.xiushan import XiushanSpider
from spiders.yybnet import YybnetSpider
from spiders.zgm import ZgmSpider

SPIDERS = {"zgm": ZgmSpider, "yybnet": YybnetSpider, "chaotian": ChaotianSpider, "xiushan": XiushanSpider}


def response_for(replica, url: str, meta: dict | None = None) -> HtmlResponse:
    with urllib.request.urlopen(ReplicaRouter(replica.url).url_for(url), timeout=10) as reply:
        body, content_type = reply.read(), reply.headers["Content-Type"]
    request = Request(url, meta=meta or {})
    response = HtmlResponse(url, body=body, headers={"Content-Type": content_type}, request=request)
    crawler = get_crawler(settings_dict={})
    return CharsetMiddleware.from_crawler(crawler).process_response(request, response)


def spider_for(name: str):
    crawler = get_crawler(SPIDERS[name])
    return SPIDERS[name].from_crawler(crawler)


@pytest.mark.parametrize("name", ["yybnet", "chaotian", "xiushan"])
def test_list_callback_yields_articles_and_next_page(name, replica, manifests):
    spider = spider_for(name)
    known = {a["url"] for a in manifests[name]["articles"]} | {d["url"] for d in manifests[name]["expected_drops"]}
    next_pages = []
    for url, layout in spider.start_lists.items():
        out = list(spider.parse_list(response_for(replica, url, {"list_layout": layout, "list_page": 1})))
        articles = [r for r in out if r.meta.get("article_page")]
        assert all(r.url in known and r.callback == spider.parse_article for r in articles)
        next_pages += [r for r in out if "list_layout" in r.meta]
        assert len(out) == len(articles) + len([r for r in out if "list_layout" in r.meta])
    assert next_pages and all(r.meta["list_page"] == 2 and r.callback == spider.parse_list for r in next_pages)


def test_zgm_list_needs_the_browser(replica):
    spider = spider_for("zgm")
    url, layout = next(iter(spider.start_lists.items()))
    assert layout.render  # the static HTML has no items: they come from script
    request = spider.list_request(url, layout, 1)
    assert request.meta["playwright"] is True
    out = list(spider.parse_list(response_for(replica, url, {"list_layout": layout, "list_page": 1})))
    assert out == [] and spider.crawler.stats.get_value("lists/empty") == 1


@pytest.mark.parametrize("name", list(SPIDERS))
def test_article_callback_locates_the_parts(name, replica, manifests):
    spider = spider_for(name)
    for article in manifests[name]["articles"]:
        pages = list(spider.parse_article(response_for(replica, article["url"])))
        assert len(pages) == 1 and isinstance(pages[0], ArticlePage)
        page = pages[0]
        assert page.url == article["url"] and page.portal == name
        if not article["seed"]:
            assert page.title == article["title"]
        assert page.paragraphs and page.meta or article.get("layout") == "gallery"
        chrome = ("上一条", "下一条", "设为首页", "相关新闻", "新闻推荐", "网友评论", "频道推荐", "热点阅读", "分享到")
        assert not any(c in p for p in page.paragraphs for c in chrome)


def test_gbk_and_lying_header_pages_decode(replica, manifests):
    spider = spider_for("zgm")
    archive = [a for a in manifests["zgm"]["articles"] if "/html/a/" in a["url"]]
    assert any(a.get("charset_trap") for a in archive)
    for article in archive:
        page = next(spider.parse_article(response_for(replica, article["url"])))
        assert page.title == article["title"]
        assert page.used_charset in ("gb18030", "gbk")


def test_one_portal_registry():
    """The spider loader's portal spiders are exactly the registry's portals (their replica
    manifests), and a spider's home place is the registry's unless it overrides it."""
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    from delegation_crawler import settings as project
    from delegation_crawler.portals import home_place, portal_names

    loader = SpiderLoader.from_settings(Settings({"SPIDER_MODULES": project.SPIDER_MODULES}))
    assert sorted(portal_names()) == sorted(name for name in loader.list() if name != "generic")
    assert {name: home_place(name) for name in portal_names()} == {
        "zgm": "510300", "yybnet": None, "chaotian": "510812", "xiushan": "500241"}
    for name in ("zgm", "chaotian", "xiushan"):
        assert loader.load(name)().home_place_of(None) == home_place(name)

def test_links_that_are_no_web_page_are_skipped_and_counted_not_fatal():
    """javascript:, mailto: and malformed hrefs in a list: the rest of the page is still followed."""
    spider = spider_for("chaotian")
    layout = next(iter(ChaotianSpider.start_lists.values()))
    items = ['<li><a href="javascript:void(0)">x</a><span>2023-09-20</span></li>',
             '<li><a href="mailto:news@example.cn">m</a><span>2023-09-20</span></li>',
             '<li><a href="http://[bad">b</a><span>2023-09-20</span></li>',
             '<li><a href="/info/1346/1.htm">ok</a><span>2023-09-20</span></li>']
    request = Request("https://www.gyct.com.cn/xwzx/ctyw.htm", meta={"list_layout": layout, "list_page": 1})
    response = HtmlResponse(request.url, body=f'<div class="list"><ul>{"".join(items)}</ul></div>'.encode(),
                            encoding="utf-8", request=request)
    assert [r.url for r in spider.parse_list(response)] == ["https://www.gyct.com.cn/info/1346/1.htm"]
    stats = spider.crawler.stats
    assert [stats.get_value(f"lists/skipped_links/{k}") for k in ("javascript", "mailto", "malformed")] == [1, 1, 1]


def test_the_generic_spider_does_not_log_its_design_as_news(replica, manifests, caplog):
    """Generic extraction is the generic spider's way, not a broken selector: no INFO line per article."""
    import logging

    from spiders.generic import GenericSpider

    crawler = get_crawler(GenericSpider)
    spider = GenericSpider.from_crawler(crawler, start_url="https://www.gyct.com.cn/xwzx/ctyw.htm", allow=r"/info/")
    url = manifests["chaotian"]["articles"][0]["url"]
    with caplog.at_level(logging.INFO):
        pages = list(spider.parse_article(response_for(replica, url)))
    assert pages and pages[0].extraction == "generic"
    assert not [r for r in caplog.records if "Selectors found too little" in r.getMessage() and r.levelno >= logging.INFO]
