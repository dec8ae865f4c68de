"""The replica server: the bundled portal replicas served over HTTP on loopback.

Each replica is a folder ``sites/<portal>/`` holding ``manifest.json`` and ``files/``, the
site's pages at their URL paths, stored as the bytes the real site sends (GBK pages are GBK on
disk). The manifest names the real hosts the folder stands for, and the Content-Type to send
for path patterns (so a page can declare one charset in the header and another in <meta>).

A request for ``http://127.0.0.1:PORT/<real host>/<path>`` is answered from the folder whose
manifest lists ``<real host>``. ``editions/<n>/`` inside a folder holds changed copies of
pages, served instead of ``files/`` when the server runs with ``edition >= n`` (an article
edited after publication). ``faults=FaultPlan(...)`` answers some requests badly
(``delegation_crawler.replica.faults``: 5xx, 429, resets, timeouts, truncated or broken bodies,
PDF bytes, huge pages, bad redirects).
"""

from __future__ import annotations

import fnmatch
import json
import logging
import mimetypes
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from delegation_crawler.replica.faults import FaultPlan

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
        if path == "/":
            return self._send(HTTPStatus.OK, self.server.index_page(), "text/html; charset=utf-8", send_body)
        host, _, rest = path.lstrip("/").partition("/")
        site = self.server.sites.get(host)
        if site is None:
            return self._send(HTTPStatus.NOT_FOUND, b"unknown host\n", "text/plain", send_body)
        rest = "/" + rest
        if rest == "/robots.txt" and self.server.robots is not None:
            return self._send(HTTPStatus.OK, self.server.robots.encode(), "text/plain", send_body)
        self.server.count_page(path)
        fault = self.server.faults.fault_for(path) if self.server.faults else None
        if fault is not None:
            return self._fault(fault, path, send_body)
        file = site.file_for(rest, self.server.edition)
        if file is None:
            not_found = site.root / "files" / site.manifest.get("not_found", "404.html")
            body = not_found.read_bytes() if not_found.is_file() else b"Not Found\n"
            return self._send(HTTPStatus.NOT_FOUND, body, site.content_type("/404", not_found), send_body)
        self._send(HTTPStatus.OK, file.read_bytes(), site.content_type(rest, file), send_body)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, send_body: bool,
              headers: dict | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _fault(self, kind: str, path: str, send_body: bool) -> None:
        """Answer with the planned fault (see faults.py)."""
        self.server.count_fault(kind)
        html = "text/html; charset=utf-8"
        if kind.startswith("http_"):
            status = int(kind.split("_")[1])
            self.send_response(status)
            if kind.endswith("retry_after") or status == 429:
                self.send_header("Retry-After", "1")
            self.send_header("Content-Type", html)
            self.send_header("Content-Length", "6")
            self.end_headers()
            if send_body:
                self.wfile.write(b"error\n")
        elif kind == "reset":  # RST instead of an answer
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
        elif kind == "timeout":
            time.sleep(self.server.faults.timeout_seconds)
            self.close_connection = True
        elif kind == "truncated":  # promises more than it sends
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", html)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"<html><body><p>cut")
            self.close_connection = True
        elif kind == "bad_gzip":
            self._send(HTTPStatus.OK, b"\x1f\x8b\x08\x00not really gzip", html, send_body, {"Content-Encoding": "gzip"})
        elif kind == "pdf":
            self._send(HTTPStatus.OK, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf", send_body)
        elif kind == "huge":  # 20 MB of HTML
            self._send(HTTPStatus.OK, b"<html><body>" + b"<p>x</p>" * 2_621_440, html, send_body)
        elif kind == "json":
            self._send(HTTPStatus.OK, b'{"error": "not a page"}', "application/json", send_body)
        elif kind == "gone":
            self._send(HTTPStatus.GONE, b"gone\n", "text/plain", send_body)
        else:  # redirects
            host = path.lstrip("/").partition("/")[0]
            location = {"redirect_loop": f"http://{host}{path[len(host) + 1:]}",
                        "redirect_offsite": "http://offsite.example.org/landing.html",
                        "redirect_private": "http://10.0.0.1/admin"}[kind]
            self._send(HTTPStatus.FOUND, b"", html, send_body, {"Location": location})

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        # the serve command logs every request; inside a crawl Scrapy's own log says it already
        logger.log(logging.INFO if self.server.log_requests else logging.DEBUG, "replica: " + format, *args)


class ReplicaHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, sites: dict[str, ReplicaSite], edition: int = 1, faults: FaultPlan | None = None,
                 robots: str | None = None):
        super().__init__(address, _Handler)
        self.sites = sites
        self.edition = edition
        self.faults = faults
        self.robots = robots  # served as every site's robots.txt when set
        self.log_requests = False  # the serve command turns it on
        self.pages_served: list[str] = []  # every path asked for but robots.txt
        self.requests_served = 0
        self.faults_served: dict[str, int] = {}
        self._lock = threading.Lock()

    def count_request(self) -> None:
        with self._lock:
            self.requests_served += 1

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up mid-answer (a cancelled 20 MB page) is normal here."""
        import sys

        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            logger.debug("replica: client %s hung up", client_address)
            return
        super().handle_error(request, client_address)

    def index_page(self) -> bytes:
        """``/``: which portals are served, under which real hosts, with their start pages."""
        rows = []
        for site in sorted({id(s): s for s in self.sites.values()}.values(), key=lambda s: s.portal):
            links = ", ".join(f'<a href="/{host}/">{host}</a>' for host in site.hosts)
            rows.append(f"<li><b>{site.portal}</b> ({site.manifest.get('name', '')}): {links}</li>")
        return ("<!doctype html><html><head><meta charset=\"utf-8\"><title>delegation_crawler replicas</title></head>"
                "<body><h1>Portal replicas</h1><p>Request <code>/&lt;real host&gt;/&lt;path&gt;</code>; crawl with "
                "<code>-s REPLICA_URL=</code> this server's address.</p><ul>" + "".join(rows) + "</ul></body></html>").encode("utf-8")

    def count_page(self, path: str) -> None:
        with self._lock:
            self.pages_served.append(path)

    def count_fault(self, kind: str) -> None:
        with self._lock:
            self.faults_served[kind] = self.faults_served.get(kind, 0) + 1


class ReplicaServer:
    """Runs the replica server in a background thread: ``with ReplicaServer() as server: server.url``."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1", sites_dir: Path = SITES_DIR, edition: int = 1,
                 faults: FaultPlan | None = None, robots: str | None = None):
        self.sites = load_sites(sites_dir)
        if not self.sites:
            raise FileNotFoundError(f"no replica manifests under {sites_dir}")
        self.httpd = ReplicaHTTPServer((host, port), self.sites, edition, faults, robots)
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
