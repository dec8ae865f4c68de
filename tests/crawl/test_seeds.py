"""The five seed articles, crawled from their replica portals through the whole pipeline,
against ../shared/seeds/expected.jsonl (text compared in simplified script)."""

from __future__ import annotations

import pytest

from delegation_crawler.text import to_simplified


def _norm(text: str) -> str:
    return to_simplified(text).replace("，", ",")


@pytest.fixture(scope="module")
def seed_items(replica_crawl, manifests, seed_expectations):
    by_seed = {}
    for expected in seed_expectations:
        portal = expected["portal"]
        url = next(a["url"] for a in manifests[portal]["articles"] if a["seed"] == expected["seed"])
        item = next(i for i in replica_crawl[portal]["items"] if i["url"] == url)
        by_seed[expected["seed"]] = (expected, item)
    return by_seed


SEEDS = [
    "000_54cda5ca0dd2751a.txt",
    "001_cff38797c6928161.txt",
    "002_a53d50f8d4c75885.txt",
    "003_044381c29e18b771.txt",
    "004_29e6a95d79ed7dd2.txt",
]


@pytest.mark.parametrize("seed", SEEDS)
def test_fields(seed, seed_items):
    expected, item = seed_items[seed]
    if "title" in expected:
        assert _norm(item["title"]) == expected["title"]
    if "published" in expected:
        assert item["published"] == expected["published"]
    if "source" in expected:
        assert _norm(item["source"]) == expected["source"]
    for role in ("authors", "photographers", "editors"):
        if role in expected:
            assert [_norm(n) for n in item[role]] == expected[role], role
    if "original_title_contains" in expected:
        assert expected["original_title_contains"] in _norm(item["original_title"])
    for subtitle in expected.get("subtitles_include", []):
        assert subtitle in [_norm(s) for s in item["subtitles"]]


@pytest.mark.parametrize("seed", SEEDS)
def test_body(seed, seed_items):
    expected, item = seed_items[seed]
    body = _norm(item["body"])
    assert item["body_simplified"] == to_simplified(item["body"])
    for text in expected["body_contains"]:
        assert text.replace("，", ",") in body
    for text in expected["body_excludes"]:
        assert text not in body and text not in item["body"]


@pytest.mark.parametrize("seed", SEEDS)
def test_event(seed, seed_items):
    expected, item = seed_items[seed]
    want, got = expected["event"], item["event"]
    assert got["is_delegation_visit"] is want["is_delegation_visit"]
    assert got["visitor"]["name"] == want["visitor"] and got["visitor"]["code"] == want["visitor_code"]
    assert got["host"]["name"] == want["host"] and got["host"]["code"] == want["host_code"]
    assert (got["start_date"], got["end_date"]) == (want["start_date"], want["end_date"])
    assert got["agreements"] == want["agreements"]
    leaders = {(l["name"], l["side"]) for l in got["leaders"]}
    assert {(l["name"], l["side"]) for l in want["leaders_include"]} <= leaders
    assert set(want["sites_include"]) <= set(got["sites"])
