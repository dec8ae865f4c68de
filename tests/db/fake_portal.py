"""A stand-in portal for crawl-level warehouse tests: pages from ``data:`` URIs, no network.

Its ``parse_article`` yields ArticlePage like the real portal spiders; ``PageToArticle``
stands in for the article-fields pipeline. Settings module: tests.db.fake_project.
"""

from __future__ import annotations

import html
from urllib.parse import quote

import scrapy

from delegation_crawler.items import Article, ArticlePage

HOSTILE_TITLES = ["'); DROP TABLE articles; --", 'quote " and \' 😀', "back\\slash\ttab"]


def page_html(n: int) -> str:
    title = f"代表团考察 {n} {HOSTILE_TITLES[n % len(HOSTILE_TITLES)]}"
    paragraphs = "".join(f"<p>{html.escape(f'第{n}篇第{i}段，巴中市党政代表团到自贡市考察。')}</p>" for i in range(3))
    return f"<html><head><meta charset='utf-8'></head><body><h1>{html.escape(title)}</h1>{paragraphs}</body></html>"


def page_url(n: int) -> str:
    return "data:text/html;charset=utf-8," + quote(page_html(n))


class FakePortalSpider(scrapy.Spider):
    name = "zgm"

    def __init__(self, n: str = "10", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.n = int(n)

    async def start(self):
        for n in range(self.n):
            yield scrapy.Request(page_url(n), callback=self.parse_article, meta={"article_page": True})

    def parse_article(self, response):
        suffix = self.settings.get("FAKE_TITLE_SUFFIX", "")
        yield ArticlePage(
            url=response.url, portal=self.name, fetched_at="2024-05-01T10:00:00+08:00",
            title=response.css("h1::text").get() + suffix,
            paragraphs=response.css("p::text").getall(),
        )


class PageToArticle:
    """Minimal ArticlePage → Article, with a visit event, for the tests."""

    def process_item(self, item):
        if not isinstance(item, ArticlePage):
            return item
        return Article(
            url=item.url, portal=item.portal, fetched_at=item.fetched_at, title=item.title,
            body="\n".join(item.paragraphs), published="2021-12-08T09:00:00+08:00",
            event={"is_delegation_visit": True, "start_date": "2021-12-08",
                   "visitor": {"code": "511900", "name": "巴中市"}, "host": {"code": "510300", "name": "自贡市"}},
        )
