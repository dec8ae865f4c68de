"""Each spider crawls its replica over HTTP: every article exactly once, drops counted."""

from __future__ import annotations

from collections import Counter

import pytest

from delegation_crawler.schema import validate_article
from delegation_crawler.portals import portal_names

PORTALS = portal_names()


@pytest.mark.parametrize("portal", PORTALS)
def test_every_article_exactly_once(portal, replica_crawl, manifests):
    items = replica_crawl[portal]["items"]
    urls = Counter(item["url"] for item in items)
    assert [u for u, n in urls.items() if n > 1] == []
    assert set(urls) == {a["url"] for a in manifests[portal]["articles"]}
    assert len(urls) >= 20


@pytest.mark.parametrize("portal", PORTALS)
def test_lists_paginate(portal, replica_crawl):
    assert replica_crawl[portal]["stats"]["lists/pages"] >= 3


@pytest.mark.parametrize("portal", PORTALS)
def test_items_follow_schema_and_manifest(portal, replica_crawl, manifests):
    truth = {a["url"]: a for a in manifests[portal]["articles"]}
    for item in replica_crawl[portal]["items"]:
        validate_article(item)
        expected = truth[item["url"]]
        assert item["portal"] == portal
        if item["published_precision"] == "day":  # gallery pages: only the list's date
            assert expected.get("layout") == "gallery"
            assert item["published"][:10] == expected["published"][:10]
        else:
            assert item["published"] == expected["published"]
        if not expected["seed"]:  # seed titles/bodies carry damage until repair
            assert item["title"] == expected["title"]
            assert expected["paragraphs"][-1][:20] in item["body"]


@pytest.mark.parametrize("portal", PORTALS)
def test_bad_input_ends_as_counted_drops(portal, replica_crawl, manifests):
    stats = replica_crawl[portal]["stats"]
    expected = Counter(d["reason"] for d in manifests[portal]["expected_drops"])
    dropped = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("articles/dropped/")}
    assert dropped == dict(expected)
    assert stats.get("finish_reason") == "finished"
    assert not any(k.startswith("spider_exceptions") for k in stats), stats


def test_empty_list_is_counted(replica_crawl):
    assert replica_crawl["chaotian"]["stats"]["lists/empty"] == 1


def test_since_and_max_pages_limit_the_walk(replica_crawl, replica, tmp_path):
    from tests.conftest import run_crawl

    everything = replica_crawl["xiushan"]["items"]
    cutoff = sorted(i["published"][:10] for i in everything)[len(everything) // 2]
    result = run_crawl(
        tmp_path, ["xiushan"], {"REPLICA_URL": replica.url, "STATE_DIR": str(tmp_path / "s1")}, {"since": cutoff}
    )
    recent = {i["url"] for i in result["xiushan"]["items"]}
    assert recent and len(recent) < len(everything)
    assert all(i["published"][:10] >= cutoff for i in result["xiushan"]["items"])

    one_page = run_crawl(
        tmp_path, ["xiushan"], {"REPLICA_URL": replica.url, "STATE_DIR": str(tmp_path / "s2")}, {"max_pages": "1"}
    )
    assert one_page["xiushan"]["stats"]["lists/pages"] == 1
