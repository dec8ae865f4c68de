"""The real-site profile never sends a request to a private or local address, or off the web.

A portal link, a redirect or a hostile page can point the crawler at ``http://10.0.0.1/admin``,
``http://localhost:6379/`` or a host name that resolves there. Before each request this
middleware checks the scheme (http/https only) and every address the host resolves to
(private, loopback, link-local, reserved, multicast and unspecified are refused), and raises
``IgnoreRequest("<reason>: ...")``, which the spiders count as ``articles/dropped/<reason>`` or
a failed list. Resolution runs in a thread and is cached per host; a name that does not resolve
is left to the downloader, which reports it.

With ``REPLICA_URL`` set the transport goes to the loopback replica on purpose and the host
names are never resolved, so the replica profile skips the address check
(``SAFETY_ALLOW_PRIVATE``); the scheme check stays.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.httpobj import urlparse_cached


def unsafe_address(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
            or ip.is_unspecified)


class SafetyMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.allow_private = crawler.settings.getbool("SAFETY_ALLOW_PRIVATE") or bool(crawler.settings.get("REPLICA_URL"))
        self.resolved: dict[str, list[str]] = {}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def refuse(self, reason: str, request, detail: str) -> None:
        self.crawler.stats.inc_value(f"safety/refused/{reason}")
        raise IgnoreRequest(f"{reason}: {request.url} ({detail})")

    async def process_request(self, request, spider=None):
        parts = urlparse_cached(request)
        if parts.scheme not in ("http", "https"):
            self.refuse("unsafe_scheme", request, parts.scheme or "no scheme")
        if self.allow_private:
            return None
        host = (parts.hostname or "").strip("[]")
        if not host:
            self.refuse("unsafe_scheme", request, "no host")
        if host not in self.resolved:
            self.resolved[host] = await self._resolve(host, parts.port or (443 if parts.scheme == "https" else 80))
        bad = [address for address in self.resolved[host] if unsafe_address(address)]
        if bad:
            self.refuse("private_address", request, f"{host} -> {bad[0]}")
        return None

    @staticmethod
    async def _resolve(host: str, port: int) -> list[str]:
        try:
            ipaddress.ip_address(host)
            return [host]
        except ValueError:
            pass
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError, OSError):
            return []  # the downloader reports a name that does not resolve
        return sorted({info[4][0] for info in infos})
