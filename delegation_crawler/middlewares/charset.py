"""Downloader middleware: re-decode responses whose declared charset is wrong.

Scrapy trusts the HTTP header first, then <meta>; when they are wrong (GBK bytes under
``charset=utf-8`` or ``ISO-8859-1``, no declaration at all) the text is garbage before any
selector runs. This adapter asks ``delegation_crawler.text.charset`` whether the decoded
text looks wrong and, if a candidate (meta, header, the spider's ``charset`` attribute,
GB18030/UTF-8/Big5, charset-normalizer) reads clearly better, returns
``response.replace(encoding=...)``. It records ``declared_charset`` ("header=utf-8;
meta=gbk") and ``used_charset`` in ``request.meta`` for the item.
"""

from __future__ import annotations

import logging

from scrapy.http import TextResponse

from delegation_crawler.text.charset import (
    MIXED_SHARE,
    _is_utf8,
    choose_charset,
    decode_mixed,
    header_charset,
    meta_charset,
    normalise,
    utf8_runs_share,
)

logger = logging.getLogger(__name__)


class CharsetMiddleware:
    def __init__(self, crawler=None):
        self.crawler = crawler
        self.stats = crawler.stats if crawler is not None else None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _spider_charset(self) -> str | None:
        spider = getattr(self.crawler, "spider", None)
        return getattr(spider, "charset", None)

    def process_response(self, request, response):
        if not isinstance(response, TextResponse) or not response.body:
            return response
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        header = header_charset(content_type)
        meta = meta_charset(response.body)
        declared = "; ".join(
            f"{where}={label}" for where, label in (("header", header), ("meta", meta)) if label
        )
        request.meta["declared_charset"] = declared or None
        current = response.encoding
        if response._bom_encoding():  # a byte-order mark is authoritative
            request.meta["used_charset"] = normalise(current) or current
            return response
        choice = choose_charset(
            response.body, current, response.text, [meta, self._spider_charset(), header]
        )
        request.meta["used_charset"] = choice.encoding
        if choice.encoding in ("gb18030", "gbk", "gb2312", "utf-8") and not _is_utf8(response.body) \
                and utf8_runs_share(response.body) >= MIXED_SHARE:
            # GBK with UTF-8 pasted in (a CMS template in one, the article in the other): each
            # part in its own charset, rather than one of them turned to mojibake or U+FFFD.
            request.meta["used_charset"] = "mixed: gb18030 + utf-8"
            logger.info("decoding %s as GB18030 with UTF-8 runs (declared %s)", response.url, declared or "nothing")
            if self.stats is not None:
                self.stats.inc_value("charset/mixed")
            return response.replace(body=decode_mixed(response.body).encode("utf-8"), encoding="utf-8")
        if choice.encoding == (normalise(current) or current):
            return response
        from_codec = normalise(current) or current
        logger.info(
            "re-decoding %s as %s (declared %s, decoded as %s looked wrong)",
            response.url, choice.encoding, declared or "nothing", from_codec,
        )
        if self.stats is not None:
            self.stats.inc_value("charset/redecoded")
            self.stats.inc_value(f"charset/redecoded/{from_codec}->{choice.encoding}")
        return response.replace(encoding=choice.encoding)
