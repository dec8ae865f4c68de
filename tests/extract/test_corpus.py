"""The generic extractor meets the issue's targets on the page corpus (computed, not stored)."""

from __future__ import annotations

from pathlib import Path

import pytest

from delegation_crawler.extract import evaluate as ev

CORPUS = Path(__file__).resolve().parents[1] / "data" / "extract"


@pytest.fixture(scope="module")
def score():
    cases = ev.load_corpus(CORPUS)
    assert len(cases) >= 40, "the corpus must hold at least 40 pages"
    return ev.run("ours", ev.ours, cases)


def test_corpus_covers_every_template():
    cases = ev.load_corpus(CORPUS)
    templates = {c.expected.get("template") for c in cases}
    assert {"vsb", "dtcms", "phpcms", "dedecms", "trs", "wordpress", "discuz", "yybnet", "yybmobile", "mobile"} <= templates


def test_body_target(score):
    assert score.body_pct >= 95.0, score.failures


def test_title_target(score):
    assert score.title_pct >= 95.0, score.failures


def test_date_target(score):
    assert score.date_pages >= 40
    assert score.date_pct >= 95.0, score.failures


def test_source_found_where_shown(score):
    assert score.source_pct >= 90.0, score.failures


def test_editors_found_where_shown(score):
    assert score.editors_pages >= 30
    assert score.editors_pct >= 95.0, score.failures


def test_editor_line_under_the_body_box():
    """chaotian prints <div class="editor">责任编辑:X</div> outside the article box (issue 10, item 8)."""
    import re

    from delegation_crawler.extract import extract_article

    root = Path(__file__).resolve().parents[2] / "delegation_crawler" / "replica" / "sites" / "chaotian" / "files" / "info"
    pages = [(path, re.search(r'<div class="editor">责任编辑:([^<]+)</div>', path.read_text(encoding="utf-8", errors="replace")))
             for path in sorted(root.rglob("*.htm"))]
    pages = [(path, m.group(1)) for path, m in pages if m]
    assert len(pages) >= 10
    for path, editor in pages:
        assert editor in extract_article(path.read_bytes()).editors, path.name


def test_scoring_rejects_chrome_and_missing_paragraphs():
    """The checker itself must be able to fail: chrome in the body or a lost paragraph."""
    case = ev.load_corpus(CORPUS)[0]
    good = ev.ours(case.html, case.expected.get("url"))
    assert ev.check(case, good)["body"]
    with_chrome = ev.Output(good.title, good.published, good.body + "\n" + case.expected["chrome"][0])
    assert not ev.check(case, with_chrome)["body"]
    shortened = ev.Output(good.title, good.published, good.body.replace(case.expected["paragraphs"][-1], ""))
    assert not ev.check(case, shortened)["body"]
