"""Retries that hold on the real web: ``Retry-After`` honoured, a broken gzip body retried.

Scrapy's ``RetryMiddleware`` retries 429/503 at once, before the server said it would be
ready, and a body that fails to decompress is raised from ``HttpCompressionMiddleware``'s
``process_response``, where no retry sees it: one bad gzip on a list page loses every article
on it. These two drop-in replacements keep Scrapy's behaviour otherwise.
"""

from __future__ import annotations

import asyncio
import logging
import zlib
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone

from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.response import response_status_message

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: a number of seconds or an HTTP date; None if absent or bad."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Retry as Scrapy does, but wait what ``Retry-After`` asks (up to ``RETRY_AFTER_MAX``
    seconds; a longer wait gives up on the request, counted as ``retry/retry_after_too_long``)."""

    def __init__(self, settings):
        super().__init__(settings)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX", 60.0)

    async def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        wait = retry_after_seconds(response.headers.get("Retry-After"))
        if wait is not None and wait > self.max_wait:
            self.crawler.stats.inc_value("retry/retry_after_too_long")
            logger.warning("%s asks to retry after %.0f s (more than RETRY_AFTER_MAX): giving up", request, wait)
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        if wait:
            self.crawler.stats.inc_value("retry/retry_after")
            await asyncio.sleep(wait)
        return retry


class RetriedDecompressionMiddleware(HttpCompressionMiddleware):
    """A body that does not decompress is retried like a transient error (``RETRY_TIMES``),
    then dropped with the reason in the log and ``bad_compression`` in the stats."""

    def __init__(self, stats=None, *, crawler=None):
        super().__init__(stats, crawler=crawler)
        self.crawler = crawler

    def process_response(self, request, response, spider=None):
        try:
            return super().process_response(request, response)
        except IgnoreRequest:
            raise  # over DOWNLOAD_MAXSIZE once decompressed: Scrapy's own, logged drop
        except (zlib.error, OSError, EOFError, ValueError) as exc:  # brotli/zstd errors are ValueError/OSError kin
            reason = f"bad_compression: {exc}"
            retry = get_retry_request(request, reason=reason, spider=self.crawler.spider)
            if retry is not None:
                return retry
            self.crawler.stats.inc_value("downloader/bad_compression")
            raise IgnoreRequest(f"bad_compression: {request.url}: {exc}") from exc
