"""The replica server: the bundled portal replicas served over HTTP on loopback.

Each replica is a folder ``sites/<portal>/`` holding ``manifest.json`` and ``files/``, the
site's pages at their URL paths, stored as the bytes the real site sends (GBK pages are GBK on
disk). The manifest names the real hosts the folder stands for, and the Content-Type to send
for path patterns (so a page can declare one charset in the header and another in <meta>).

A request for ``http://127.0.0.1:PORT/<real host>/<path>`` is answered from the folder whose
manifest lists ``<real host>``. ``editions/<n>/`` inside a folder holds changed copies of
pages, served instead of ``files/`` when the server runs with ``edition >= n`` (an article
edited after publication).
"""

from __future__ import annotations

import fnmatch
import json
import logging
import mimetypes
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)

SITES_DIR = Path(__file__).with_name("sites")


@dataclass
class ReplicaSite:
    """One portal's replica folder."""

    root: Path
    manifest: dict = field(repr=False)

    @property
    def portal(self) -> str:
        return self.manifest["portal"]

    @property
    def hosts(self) -> list[str]:
        return self.manifest["hosts"]

    def file_for(self, path: str, edition: int) -> Path | None:
        """The file serving URL ``path`` (no query), or None."""
        relative = unquote(path).lstrip("/")
        if relative == "" or relative.endswith("/"):
            relative += self.manifest.get("index", "index.html")
        if ".." in Path(relative).parts:
            return None
        for n in range(edition, 1, -1):
            candidate = self.root / "editions" / str(n) / relative
            if candidate.is_file():
                return candidate
        candidate = self.root / "files" / relative
        return candidate if candidate.is_file() else None

    def content_type(self, path: str, file: Path) -> str:
        for rule in self.manifest.get("content_types", []):
            if fnmatch.fnmatchcase(path, rule["match"]):
                return rule["type"]
        guessed = mimetypes.guess_type(file.name)[0]
        if guessed is None or guessed == "text/html":
            return f"text/html; charset={self.manifest.get('charset', 'utf-8')}"
        if guessed.startswith("text/") or guessed in ("application/javascript", "application/json"):
            return f"{guessed}; charset=utf-8"
        return guessed


def load_sites(sites_dir: Path = SITES_DIR) -> dict[str, ReplicaSite]:
    """Every replica under ``sites_dir``, keyed by each real host it stands for."""
    sites: dict[str, ReplicaSite] = {}
    for manifest_path in sorted(sites_dir.glob("*/manifest.json")):
        site = ReplicaSite(manifest_path.parent, json.loads(manifest_path.read_text("utf-8")))
        for host in site.hosts:
            sites[host] = site
    return sites


class _Handler(BaseHTTPRequestHandler):
    server: ReplicaHTTPServer
    protocol_version = "HTTP/1.1"

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(send_body=False)

    def do_GET(self) -> None:  # noqa: N802
        self._serve(send_body=True)

    def _serve(self, send_body: bool) -> None:
        self.server.count_request()
        path = urlsplit(self.path).path
        host, _, rest = path.lstrip("/").partition("/")
        site = self.server.sites.get(host)
        if site is None:
            return self._send(HTTPStatus.NOT_FOUND, b"unknown host\n", "text/plain", send_body)
        rest = "/" + rest
        file = site.file_for(rest, self.server.edition)
        if file is None:
            not_found = site.root / "files" / site.manifest.get("not_found", "404.html")
            body = not_found.read_bytes() if not_found.is_file() else b"Not Found\n"
            return self._send(HTTPStatus.NOT_FOUND, body, site.content_type("/404", not_found), send_body)
        self._send(HTTPStatus.OK, file.read_bytes(), site.content_type(rest, file), send_body)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        logger.debug("replica: " + format, *args)


class ReplicaHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, sites: dict[str, ReplicaSite], edition: int = 1):
        super().__init__(address, _Handler)
        self.sites = sites
        self.edition = edition
        self.requests_served = 0
        self._lock = threading.Lock()

    def count_request(self) -> None:
        with self._lock:
            self.requests_served += 1


class ReplicaServer:
    """Runs the replica server in a background thread: ``with ReplicaServer() as server: server.url``."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1", sites_dir: Path = SITES_DIR, edition: int = 1):
        self.sites = load_sites(sites_dir)
        if not self.sites:
            raise FileNotFoundError(f"no replica manifests under {sites_dir}")
        self.httpd = ReplicaHTTPServer((host, port), self.sites, edition)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def edition(self) -> int:
        return self.httpd.edition

    @edition.setter
    def edition(self, value: int) -> None:
        self.httpd.edition = value

    def start(self) -> ReplicaServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="replica-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
