"""Downloader middleware for tests: hold every response a little, like a slower network,
so that a test can kill a replica crawl while it is still running."""

from __future__ import annotations

import asyncio


class SlowResponses:
    def __init__(self, seconds: float):
        self.seconds = seconds

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getfloat("TEST_RESPONSE_DELAY", 0.1))

    async def process_response(self, request, response, spider=None):
        await asyncio.sleep(self.seconds)
        return response
