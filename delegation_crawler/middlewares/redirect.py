"""Redirects that lose nothing silently: loops, off-site and private targets end in the errback.

Scrapy follows a redirect by scheduling a new request. A loop back to a URL already fetched is
then dropped by the dupefilter, and an off-site target by ``OffsiteMiddleware`` at scheduling
time: neither reaches the request's errback, so the article vanishes with a DEBUG line. These
drop-in replacements raise ``IgnoreRequest("<reason>: ...")`` instead, which the spiders'
errbacks count as ``articles/dropped/<reason>`` with the URL in the log. A redirect to another
scheme than http(s), or to a private, loopback, link-local or reserved IP literal, is refused
the same way (``redirect_private``; ``REDIRECT_ALLOW_PRIVATE = True`` allows those, for a
portal on an intranet).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.url import url_is_from_any_domain


def refused_target(url: str, allow_private: bool = False) -> str | None:
    """Why a redirect target is refused (``redirect_scheme`` / ``redirect_private``), or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "redirect_scheme"
    try:
        address = ipaddress.ip_address((parts.hostname or "").strip("[]"))
    except ValueError:
        return None  # a host name: resolved later, by the downloader
    if not allow_private and (address.is_private or address.is_loopback or address.is_link_local
                              or address.is_reserved or address.is_multicast or address.is_unspecified):
        return "redirect_private"
    return None


class _Guard:
    def _redirect(self, redirected, request, reason):
        seen = [*request.meta.get("redirect_urls", []), request.url]
        refused = refused_target(redirected.url, self.crawler.settings.getbool("REDIRECT_ALLOW_PRIVATE"))
        if refused is None and redirected.url in seen:
            refused = "redirect_loop"
        allowed = getattr(self.crawler.spider, "allowed_domains", None)
        if refused is None and allowed and not url_is_from_any_domain(redirected.url, allowed):
            refused = "redirect_offsite"
        if refused is not None:
            self.crawler.stats.inc_value(f"redirect/refused/{refused}")
            raise IgnoreRequest(f"{refused}: {request.url} -> {redirected.url}")
        return super()._redirect(redirected, request, reason)


class GuardedRedirectMiddleware(_Guard, RedirectMiddleware):
    pass


class GuardedMetaRefreshMiddleware(_Guard, MetaRefreshMiddleware):
    pass
