"""Precision/recall on the hand-labelled set (tests/data/events) against the issue's targets."""

from __future__ import annotations

from delegation_crawler.events.evaluation import TARGETS, score
from delegation_crawler.portals import portal_names


def test_the_set_is_as_varied_as_the_issue_asks(labelled):
    visits = [a for a in labelled if a["expected"]["is_delegation_visit"]]
    non_visits = [a for a in labelled if not a["expected"]["is_delegation_visit"]]
    assert len(visits) >= 30 and len(non_visits) >= 10
    assert {a["script"] for a in visits} == {"simplified", "traditional"}
    assert {a["portal"] for a in labelled} == set(portal_names())
    assert sum("我市" in a["text"] or "我县" in a["text"] or "我区" in a["text"] for a in visits) >= 8
    assert sum(a["expected"]["start_date"] != a["expected"]["end_date"] for a in visits) >= 8
    assert sum(bool(a["expected"]["agreements"]) for a in visits) >= 10
    assert sum(not a["expected"]["agreements"] for a in visits) >= 8
    assert len({a["id"] for a in labelled}) == len(labelled)


def test_targets(labelled):
    report = score(labelled)
    counts = report.counts
    assert report.false_visits == [], "non-visit stories classified as visits"
    for field in ("visitor", "host", "dates"):
        assert counts[field].precision >= TARGETS[field], (field, report.errors.get(field))
        assert counts[field].recall >= TARGETS[field], (field, report.errors.get(field))
    assert counts["agreements"].precision >= TARGETS["agreements"], report.errors.get("agreements")
    assert counts["agreements"].recall >= TARGETS["agreements"], report.errors.get("agreements")
    assert counts["leaders"].f1 >= TARGETS["leaders_f1"], report.errors.get("leaders")
