"""The crawl against a replica that answers badly: transient faults cost nothing, permanent
ones end as counted drops naming URL and reason, Retry-After is honoured.

The faults come from the replica server itself (``delegation_crawler.replica.faults``), so the
whole stack is exercised: Scrapy's downloader, our retry and redirect middlewares, the
browser for zgm's rendered lists, the spiders' errbacks.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter

import pytest

from delegation_crawler.replica import ReplicaServer
from delegation_crawler.replica.faults import PERMANENT, TRANSIENT, FaultPlan
from tests.conftest import REPO, SCRAPY

FAST = {"DOWNLOAD_TIMEOUT": 2, "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": 5000}


def crawl(server: ReplicaServer, tmp_path, *command: str) -> tuple[subprocess.CompletedProcess, list[dict]]:
    out = tmp_path / "items.jsonl"
    args = [*SCRAPY, *command, "-o", str(out), "-s", f"REPLICA_URL={server.url}", "-s", f"STATE_DIR={tmp_path / 'state'}"]
    for key, value in FAST.items():
        args += ["-s", f"{key}={value}"]
    done = subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=600)
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()] if out.exists() else []
    return done, rows


def test_fault_plan_is_seeded_per_url_and_transient_faults_clear():
    plan = FaultPlan(rate=0.5, seed=3)
    urls = [f"/www.zgm.cn/html/{n}.html" for n in range(400)]
    planned = [plan.kind_for(url) for url in urls]
    assert planned == [FaultPlan(rate=0.5, seed=3).kind_for(url) for url in urls]  # repeatable
    assert 150 < sum(kind is not None for kind in planned) < 250 and set(planned) - {None} <= set(TRANSIENT)
    url = urls[planned.index(next(k for k in planned if k))]
    assert plan.fault_for(url) is not None and plan.fault_for(url) is None  # cleared after one fault
    gone = FaultPlan(rules=[("/www.zgm.cn/*", "gone")])
    assert [gone.fault_for("/www.zgm.cn/a") for _ in range(3)] == ["gone"] * 3  # permanent
    with pytest.raises(ValueError, match="unknown fault kinds"):
        FaultPlan(rules=[("*", "http_999")])


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    with ReplicaServer(port=0) as server:
        done, rows = crawl(server, tmp_path_factory.mktemp("clean"), "crawlall")
    assert done.returncode == 0, done.stderr[-3000:]
    return {row["url"] for row in rows}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_fifth_of_requests_faulted_transiently_loses_no_article(clean, tmp_path, seed):
    plan = FaultPlan(rate=0.2, seed=seed, timeout_seconds=3)
    with ReplicaServer(port=0, faults=plan) as server:
        done, rows = crawl(server, tmp_path, "crawlall")
        served = dict(server.httpd.faults_served)
    assert done.returncode == 0, done.stderr[-3000:]
    assert sum(served.values()) >= 15, served  # the faults were really answered
    urls = Counter(row["url"] for row in rows)
    assert set(urls) == clean and max(urls.values()) == 1


def test_a_broken_gzip_list_page_is_retried(tmp_path):
    plan = FaultPlan(rules=[("/www.gyct.com.cn/xwzx/ctyw.htm", "bad_gzip")])
    with ReplicaServer(port=0, faults=plan) as server:
        done, rows = crawl(server, tmp_path, "crawl", "chaotian")
        assert server.httpd.faults_served == {"bad_gzip": 1}
    assert done.returncode == 0, done.stderr[-3000:]
    assert "'retry/count': 1" in done.stderr and len(rows) >= 20


def test_retry_after_is_honoured(tmp_path):
    lists = ["/www.gyct.com.cn/xwzx/ctyw.htm", "/www.gyct.com.cn/xwzx/gyyw.htm"]
    plan = FaultPlan(rules=[(lists[0], "http_503_retry_after"), (lists[1], "http_429")])
    with ReplicaServer(port=0, faults=plan) as server:
        done, _ = crawl(server, tmp_path, "crawl", "chaotian")
    assert done.returncode == 0, done.stderr[-3000:]
    for url in lists:
        first, second = plan.asked[url][:2]
        assert second - first >= 1.0, (url, second - first)  # Retry-After: 1
    assert "'retry/retry_after': 2" in done.stderr


def test_every_permanent_fault_is_a_counted_logged_drop(manifests, tmp_path):
    articles = [a["url"] for a in manifests["chaotian"]["articles"]][:len(PERMANENT)]
    expected = {"pdf": "not_html", "json": "not_html", "huge": "too_large", "gone": "http_410",
                "redirect_loop": "redirect_loop", "redirect_offsite": "redirect_offsite",
                "redirect_private": "redirect_private"}
    assert set(expected) == set(PERMANENT)
    rules = [("/" + url.split("://", 1)[1], kind) for url, kind in zip(articles, expected)]
    with ReplicaServer(port=0, faults=FaultPlan(rules=rules)) as server:
        done, rows = crawl(server, tmp_path, "crawl", "chaotian")
    assert done.returncode == 0, done.stderr[-3000:]
    delivered = {row["url"] for row in rows}
    for url, kind in zip(articles, expected):
        reason = expected[kind]
        assert url not in delivered
        assert re.search(rf"Article page dropped \({reason}\): https?://{re.escape(url.split('://', 1)[1])}", done.stderr), kind
    drops = Counter(expected.values())
    for reason, count in drops.items():
        assert f"'articles/dropped/{reason}': {count}" in done.stderr, reason


def test_a_portal_whose_every_list_failed_fails_the_run(tmp_path):
    done = subprocess.run([*SCRAPY, "crawlall", "--spiders", "chaotian,xiushan", "-s", "REPLICA_URL=http://127.0.0.1:9",
                           "-s", f"STATE_DIR={tmp_path}", "-s", "RETRY_TIMES=0", "-o", str(tmp_path / "d.jsonl")],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert re.search(r"\nchaotian\s+0\s+3\s+0\s+0\s+0\s+no list page", done.stderr), done.stderr[-1500:]
    assert not (tmp_path / "d.jsonl").exists()


def test_a_transient_500_on_a_browser_rendered_list_is_retried(manifests, tmp_path):
    """zgm's column list is rendered by Chromium; one 500 on it used to lose all its articles."""
    plan = FaultPlan(rules=[("/www.zgm.cn/column/zgxw", "http_500")])
    with ReplicaServer(port=0, faults=plan) as server:
        done, rows = crawl(server, tmp_path, "crawl", "zgm")
        assert server.httpd.faults_served == {"http_500": 1}
    assert done.returncode == 0, done.stderr[-3000:]
    assert {row["url"] for row in rows} == {a["url"] for a in manifests["zgm"]["articles"]}
