"""Every ``event`` in shared/seeds/expected.jsonl holds."""

from __future__ import annotations

import pytest

from delegation_crawler.events import extract_event

from .conftest import SEED_HOME, SEED_PUBLISHED, SEED_SOURCE, SEEDS, light_cleanup, seed_cases

CASES = seed_cases()
pytestmark = pytest.mark.skipif(not CASES, reason="shared/seeds not present")


def _repairers():
    yield "light-cleanup", light_cleanup
    try:
        from delegation_crawler.text.repair import repair
    except ImportError:
        return
    yield "text.repair", lambda text: repair(text).text


def _event(case: dict, prepare) -> dict:
    seed_id = case["seed"][:3]
    text = prepare((SEEDS / case["seed"]).read_text(encoding="utf-8"))
    title = case.get("title") or case["original_title_contains"]
    return extract_event(title=title, text=text, published=case.get("published") or SEED_PUBLISHED[seed_id],
                         source=case.get("source") or SEED_SOURCE.get(seed_id), home_place=SEED_HOME[case["portal"]])


@pytest.mark.parametrize("prepare_name,prepare", list(_repairers()))
@pytest.mark.parametrize("case", CASES, ids=[c["seed"][:3] for c in CASES])
def test_seed_event(case, prepare_name, prepare):
    want = case["event"]
    got = _event(case, prepare)
    assert got["is_delegation_visit"] is want["is_delegation_visit"]
    assert got["visitor"]["name"] == want["visitor"]
    assert got["visitor"]["code"] == want["visitor_code"]
    assert got["host"]["name"] == want["host"]
    assert got["host"]["code"] == want["host_code"]
    assert (got["start_date"], got["end_date"]) == (want["start_date"], want["end_date"])
    assert got["agreements"] == want["agreements"]
    leaders = {(leader["name"], leader["side"]) for leader in got["leaders"]}
    for leader in want["leaders_include"]:
        assert (leader["name"], leader["side"]) in leaders
    for site in want["sites_include"]:
        assert site in got["sites"]
    assert 0.5 <= got["confidence"] <= 1.0


def test_cited_provincial_agreement_is_not_signed_on_the_visit():
    """Seed 003: the 《…战略合作框架协议》 is cited; only the unnamed 战略合作协议 was signed."""
    case = next(c for c in CASES if c["seed"].startswith("003"))
    got = _event(case, light_cleanup)
    assert not any("框架协议" in a for a in got["agreements"])
