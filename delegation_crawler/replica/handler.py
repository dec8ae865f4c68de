"""Download handler: scrapy-playwright's, able to answer portal URLs from the replica server.

With the ``REPLICA_URL`` setting empty it is exactly scrapy-playwright's handler (plain
requests go through Scrapy's HTTP/1.1 client, ``meta["playwright"]`` requests through the
browser). With ``REPLICA_URL`` set, requests keep their real portal URLs everywhere in the
project — spiders, items, dedupe — and only the transport changes: plain requests are sent to
the replica server, and browser pages get a route that fetches every request they make
(the page, its scripts, its JSON) from the replica.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from playwright.async_api import Error as PlaywrightError
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from delegation_crawler.replica.routing import ReplicaRouter

if TYPE_CHECKING:
    from playwright.async_api import Page, Request as PlaywrightRequest, Route
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response


class PortalDownloadHandler(ScrapyPlaywrightDownloadHandler):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        replica_url = crawler.settings.get("REPLICA_URL")
        self.router = ReplicaRouter(replica_url) if replica_url else None

    async def download_request(self, request: Request) -> Response:
        if self.router is None or self.router.is_replica(request.url):
            return await super().download_request(request)
        if request.meta.get("playwright"):
            request.meta["playwright_page_init_callback"] = self._route_page_to_replica
            return await super().download_request(request)
        response = await super().download_request(request.replace(url=self.router.url_for(request.url)))
        return response.replace(url=request.url)

    async def _route_page_to_replica(self, page: Page, request: Request) -> None:
        router = self.router
        assert router is not None

        async def fetch_from_replica(route: Route, browser_request: PlaywrightRequest) -> None:
            try:
                reply = await page.context.request.fetch(
                    router.url_for(browser_request.url),
                    method=browser_request.method,
                    data=browser_request.post_data_buffer,
                    max_redirects=0,
                )
            except PlaywrightError:  # reset, timeout: the page sees a failed request, as on the web
                await route.abort("failed")
                return
            await route.fulfill(response=reply)

        await page.route("**/*", fetch_from_replica)
