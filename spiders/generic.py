"""Try a new portal without code: ``scrapy crawl generic -a start_url=URL -a allow=REGEX``.

Article links are those matching ``allow`` on the start page and the list pages after it
(followed through 下一页/下页 links, up to ``max_pages``); every article is read by the
generic extractor.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.linkextractors import LinkExtractor

from delegation_crawler.portal_spider import PortalSpider

NEXT_PAGE = "//a[contains(., '下一页') or contains(., '下页') or contains(., '下一頁')]/@href"


class GenericSpider(PortalSpider):
    name = "generic"

    def __init__(self, *args: Any, start_url: str = "", allow: str = "", home_place: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if not start_url or not allow:
            raise ValueError("the generic spider needs -a start_url=URL -a allow=REGEX (article URLs)")
        self.start_url = start_url
        self.links = LinkExtractor(allow=allow)
        self.allowed_domains = [urlsplit(start_url).hostname]
        self.home_place = home_place

    async def start(self):
        yield scrapy.Request(self.start_url, callback=self.parse_start, errback=self.list_failed, cb_kwargs={"page": 1})

    def parse_start(self, response, page: int):
        self.crawler.stats.inc_value("lists/pages")
        links = self.links.extract_links(response)
        if not links:
            self.logger.warning("No links matching the allow pattern on %s", response.url)
            self.crawler.stats.inc_value("lists/empty")
        for link in links:
            yield scrapy.Request(link.url, callback=self.parse_article, errback=self.article_failed,
                                 meta={"article_page": True})
        next_href = response.xpath(NEXT_PAGE).get()
        if next_href and page < self.max_pages:
            yield response.follow(next_href, callback=self.parse_start, errback=self.list_failed, cb_kwargs={"page": page + 1})
