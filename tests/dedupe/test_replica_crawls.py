"""Dedupe inside real crawls of the replica sites (subprocesses, SQLite state in a temp dir)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from delegation_crawler.dedupe import Params, SQLiteStore, canonical_url
from delegation_crawler.dedupe.engine import doc_key
from delegation_crawler.replica.server import SITES_DIR, ReplicaServer

ROOT = Path(__file__).parents[2]
ALL = "zgm,yybnet,chaotian,xiushan"
REPOST = ("https://www.zgm.cn/content/61b0a1c41b112", "https://www.yybnet.net/zigong/news/202112/12155253.html")


def manifest_articles() -> dict[str, dict]:
    return {a["url"]: a for m in SITES_DIR.glob("*/manifest.json") for a in json.loads(m.read_text("utf-8"))["articles"]}


def start(out: Path, spiders: str, **settings) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.dedupe.crawl", str(out), spiders, json.dumps(settings)],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def crawl(out: Path, spiders: str, **settings) -> dict:
    proc = start(out, spiders, **settings)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-3000:]
    return {**json.loads((out / "result.json").read_text("utf-8")), "items": read_items(out)}


def read_items(out: Path) -> list[dict]:
    path = out / "items.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()] if path.exists() else []


@pytest.fixture(scope="module")
def replica():
    with ReplicaServer(port=0, edition=1) as server:
        yield server.url


@pytest.fixture(scope="module")
def runs(replica, tmp_path_factory):
    """First crawl, an unchanged recrawl, then a recrawl of chaotian after an article was edited."""
    base = tmp_path_factory.mktemp("dedupe_runs")
    state = str(base / "state")
    first = crawl(base / "first", ALL, REPLICA_URL=replica, STATE_DIR=state)
    again = crawl(base / "again", ALL, REPLICA_URL=replica, STATE_DIR=state)
    with ReplicaServer(port=0, edition=2) as edited_site:
        edited = crawl(base / "edited", "chaotian", REPLICA_URL=edited_site.url, STATE_DIR=state, RECRAWL_DAYS=100_000)
    return {"first": first, "again": again, "edited": edited, "state": state}


def by_url(items):
    return {item["url"]: item for item in items}


def test_same_article_on_two_portals_is_one_story(runs):
    items = by_url(runs["first"]["items"])
    zgm, yyb = (items[u] for u in REPOST)
    assert zgm["story_id"] == yyb["story_id"]
    # Whichever was scraped first founds the story; the other points at it.
    first, second = (zgm, yyb) if zgm["duplicate_of"] is None else (yyb, zgm)
    assert first["duplicate_of"] is None and second["duplicate_of"] == first["url"]
    assert first["story_id"] == doc_key(canonical_url(first["url"]))


def true_story(article: dict) -> str:
    """The replica's ground truth: "<portal>-repost-<n>" is a repost of "seed-<n>"."""
    portal, _, seed = article["key"].partition("-repost-")
    return f"seed-{seed}" if seed else article["key"]


def test_stories_match_the_replica_ground_truth(runs):
    truth = manifest_articles()
    items = runs["first"]["items"]
    assert any("-repost-" in truth[i["url"]]["key"] for i in items), "the replicas hold a cross-portal repost"
    said = {(a["url"], b["url"]) for a in items for b in items if a["story_id"] == b["story_id"]}
    true = {(a["url"], b["url"]) for a in items for b in items if true_story(truth[a["url"]]) == true_story(truth[b["url"]])}
    assert said == true


def test_two_visits_by_the_same_delegation_stay_separate(runs):
    truth = manifest_articles()
    later = next(url for url, a in truth.items() if a["key"] == "zgm-bazhong-2023")
    items = by_url(runs["first"]["items"])
    # Seed 000: 巴中市党政代表团 in 自贡, 2021; the replica's zgm-bazhong-2023: the same delegation again.
    assert truth[later]["visit"]["visitor"] == "巴中市" and truth[REPOST[0]]["seed"].startswith("000_")
    assert items[later]["story_id"] != items[REPOST[0]]["story_id"]
    assert items[later]["duplicate_of"] is None


def test_unchanged_recrawl_yields_nothing_and_refetches_no_stored_article(runs):
    first, again = runs["first"], runs["again"]
    assert again["items"] == []
    stored = {canonical_url(item["url"]) for item in first["items"]}
    refetched = {canonical_url(url) for url in again["fetched"]}
    assert refetched.isdisjoint(stored)
    # Only pages that never gave an item (dead links, dropped pages) are tried again.
    assert len(again["fetched"]) == len(first["fetched"]) - len(first["items"])
    assert again["stats"]["dedupe/skipped_seen"] == len(first["items"])
    assert Counter(canonical_url(u) for u in first["fetched"]).most_common(1)[0][1] == 1


def test_edited_article_yields_revision_2(runs):
    truth = manifest_articles()
    edited_url = next(url for url, a in truth.items() if a.get("edited_in_edition") == 2)
    original = by_url(runs["first"]["items"])[edited_url]
    [revision] = runs["edited"]["items"]
    assert revision["url"] == edited_url
    assert (revision["revision"], revision["previous_hash"]) == (2, original["content_hash"])
    assert revision["story_id"] == original["story_id"] and revision["content_hash"] != original["content_hash"]
    chaotian = [i for i in runs["first"]["items"] if i["portal"] == "chaotian"]
    assert runs["edited"]["stats"]["dedupe/unchanged"] == len(chaotian) - 1  # rechecked, same text


def test_killed_crawl_loses_no_committed_state(replica, runs, tmp_path):
    spiders, state = "yybnet,chaotian,xiushan", str(tmp_path / "state")
    proc = start(tmp_path / "killed", spiders, REPLICA_URL=replica, STATE_DIR=state)
    deadline = time.monotonic() + 120
    while len(read_items(tmp_path / "killed")) < 15 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    written = read_items(tmp_path / "killed")
    assert proc.returncode == -signal.SIGKILL and 15 <= len(written) < 60

    store = SQLiteStore(Path(state) / SQLiteStore.FILENAME, Params())
    try:
        for item in written:
            record = store.get_url(canonical_url(item["url"]))
            assert record is not None and record.content_hash == item["content_hash"], item["url"]
            assert record.story_id == item["story_id"]
    finally:
        store.close()

    rerun = crawl(tmp_path / "rerun", spiders, REPLICA_URL=replica, STATE_DIR=state)
    clean = {i["url"] for i in runs["first"]["items"] if i["portal"] in spiders.split(",")}
    first_urls, rerun_urls = Counter(i["url"] for i in written), Counter(i["url"] for i in rerun["items"])
    assert set(first_urls) | set(rerun_urls) == clean  # nothing lost
    # Items in flight at the kill (committed, maybe written, not delivered) are handed out again:
    # at least once. Re-emitted items are all redeliveries, none is a fresh verdict.
    both = set(first_urls) & set(rerun_urls)
    assert len(both) <= rerun["stats"].get("dedupe/redelivered", 0) <= 16
    assert all(n == 1 for n in rerun_urls.values())
