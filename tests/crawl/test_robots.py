"""robots.txt ``Disallow: /`` on every replica: not one page is fetched, by any portal.

Scrapy's own middleware gives the parsed rules only to the first request that waited for
them (docs/reliability.md); with 10 start lists yybnet fetched 8 of them under Disallow: /.
"""

from __future__ import annotations

import subprocess

from delegation_crawler.replica import ReplicaServer
from tests.conftest import REPO, SCRAPY


def test_disallow_all_is_obeyed_by_every_request(tmp_path):
    with ReplicaServer(port=0, robots="User-agent: *\nDisallow: /\n") as server:
        done = subprocess.run([*SCRAPY, "crawlall", "-s", f"REPLICA_URL={server.url}", "-s", f"STATE_DIR={tmp_path}",
                               "-o", str(tmp_path / "items.jsonl")],
                              cwd=REPO, capture_output=True, text=True, timeout=300)
        fetched = list(server.httpd.pages_served)
    assert fetched == []
    assert done.returncode == 1 and "no list page" in done.stderr  # nothing crawled: the run says so
    assert "List page failed (robots_txt)" in done.stderr
    assert not (tmp_path / "items.jsonl").exists()
