"""Where a portal URL lives on the replica server."""

from __future__ import annotations

from urllib.parse import urlsplit


class ReplicaRouter:
    """Maps a real portal URL to the replica server: ``https://www.zgm.cn/a?b`` →
    ``http://127.0.0.1:PORT/www.zgm.cn/a?b``. Spiders keep using the real URLs."""

    def __init__(self, replica_url: str):
        self.replica_url = replica_url.rstrip("/")

    def url_for(self, url: str) -> str:
        parts = urlsplit(url)
        query = f"?{parts.query}" if parts.query else ""
        return f"{self.replica_url}/{parts.hostname}{parts.path or '/'}{query}"

    def is_replica(self, url: str) -> bool:
        return url.startswith(self.replica_url + "/")
