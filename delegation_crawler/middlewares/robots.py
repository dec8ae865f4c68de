"""robots.txt obeyed by every request, not only by the first one that waited for it.

Scrapy's ``RobotsTxtMiddleware`` makes every request that arrives while a site's robots.txt is
being fetched wait on one shared Deferred, each through ``maybe_deferred_to_future``. Twisted's
``Deferred.asFuture`` callback returns None, so the first waiter receives the parser and every
later one receives None, which the middleware reads as "no robots.txt": with 10 start lists on
one site, 7-8 were fetched under ``Disallow: /`` (measured on the yybnet replica, Scrapy 2.19,
Twisted 26.10). Here each waiter gets a Deferred of its own, fed from the shared one by a
callback that passes the parser on (what Scrapy did before scrapy/scrapy#6802 moved the wait to
``maybe_deferred_to_future``; the report to send upstream is in docs/reliability.md).
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


def _pass_on(waiter: Deferred):
    def fire(result):
        waiter.callback(result)
        return result  # the next waiter gets it too
    return fire


class RobotsTxtForEveryRequest(RobotsTxtMiddleware):
    async def robot_parser(self, request):
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if isinstance(pending, Deferred):
            waiter: Deferred = Deferred()
            pending.addBoth(_pass_on(waiter))
            return await maybe_deferred_to_future(waiter)
        return await super().robot_parser(request)
