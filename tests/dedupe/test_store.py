"""The deduper over each backend: the same tests for SQLite, PostgreSQL and Redis."""

from __future__ import annotations

from dataclasses import replace

import pytest

from delegation_crawler.dedupe import EXACT, NEAR, NEW, REVISION, UNCHANGED, Deduper, Params, StateMismatch
from delegation_crawler.dedupe.engine import doc_key
from tests.dedupe.conftest import open_backend

ZGM = "https://www.zgm.cn/content/61b0a1c000001"
YYB = "https://www.yybnet.net/zigong/news/202112/11400001.html"
XS = "https://www.zgcqxs.net/news/show-30001.html"


def test_first_item_founds_a_story_named_after_its_url(store, texts):
    verdict = Deduper(store).observe(ZGM, texts["seed000"])
    assert verdict.kind == NEW
    assert verdict.story_id == doc_key(verdict.canonical_url)
    assert verdict.duplicate_of is None and verdict.revision == 1 and verdict.previous_hash is None
    assert len(verdict.content_hash) == 64


def test_exact_repost_on_another_portal_joins_the_story(store, texts):
    deduper = Deduper(store)
    first = deduper.observe(ZGM, texts["seed000"])
    repost = deduper.observe(YYB, texts["seed000~punctuation~0"].replace(",,", ",").replace("。。", "。"))
    assert repost.kind in (EXACT, NEAR)
    assert repost.story_id == first.story_id and repost.duplicate_of == ZGM


def test_traditional_repost_with_pinyin_and_chrome_is_a_near_duplicate(store, texts):
    deduper = Deduper(store)
    first = deduper.observe(ZGM, texts["seed000"])
    repost = deduper.observe(YYB, texts["seed000~script_chrome_edit~0"])
    assert repost.kind == NEAR
    assert repost.story_id == first.story_id and repost.duplicate_of == ZGM
    assert repost.similarity >= Params().accept_jaccard


def test_two_visits_by_the_same_delegation_stay_separate(store, texts):
    deduper = Deduper(store)
    first = deduper.observe(ZGM, texts["seed000"])
    other = deduper.observe(ZGM.replace("00001", "00002"), texts["hw_bazhong_2023"])
    reverse = deduper.observe(ZGM.replace("00001", "00003"), texts["hw_zigong_to_bazhong_2022"])
    assert (other.kind, reverse.kind) == (NEW, NEW)
    assert len({first.story_id, other.story_id, reverse.story_id}) == 3


def test_recrawl_through_a_mirror_is_unchanged(store, texts):
    deduper = Deduper(store)
    first = deduper.observe(YYB, texts["seed002"])
    again = deduper.observe(YYB.replace("www.", "m.") + "?utm_source=app", texts["seed002"])
    assert again.kind == UNCHANGED
    assert (again.story_id, again.content_hash, again.revision) == (first.story_id, first.content_hash, 1)


def test_edited_article_is_a_revision_not_a_new_story(store, texts):
    deduper = Deduper(store)
    first = deduper.observe(XS, texts["seed004"])
    edited = deduper.observe(XS, texts["seed004"] + "\n本文于9月10日更正了考察团成员名单。")
    assert edited.kind == REVISION
    assert (edited.revision, edited.previous_hash, edited.story_id) == (2, first.content_hash, first.story_id)
    third = deduper.observe(XS, texts["seed004~edited_sentence~0"])
    assert (third.kind, third.revision, third.previous_hash) == (REVISION, 3, edited.content_hash)
    assert deduper.observe(XS, texts["seed004~edited_sentence~0"]).kind == UNCHANGED
    history = store.revisions(edited.canonical_url)
    assert [(r, h) for r, h, _ in history] == [(1, first.content_hash), (2, edited.content_hash), (3, third.content_hash)]


def test_chrome_lines_changing_between_crawls_are_not_an_edit(store, texts):
    deduper = Deduper(store)
    deduper.observe(XS, texts["seed004"] + "\n编辑:付冲\n阅读:12")
    assert deduper.observe(XS, texts["seed004"] + "\n编辑:付冲\n阅读:57").kind == UNCHANGED


def test_truncated_repost_joins_the_story_through_its_opening(store, texts):
    deduper = Deduper(store)
    first = deduper.observe(ZGM, texts["ct-07"])
    teaser = deduper.observe(YYB, texts["ct-07~truncated"])  # about 30% of the text: Jaccard 0.3
    assert teaser.kind == NEAR and teaser.story_id == first.story_id


def test_repost_of_the_edited_text_still_finds_the_story(store, texts):
    deduper = Deduper(store)
    first = deduper.observe(XS, texts["seed004"])
    deduper.observe(XS, texts["seed004~edited_sentence~1"])
    repost = deduper.observe(YYB, texts["seed004~edited_sentence~1"])
    assert repost.kind == EXACT and repost.story_id == first.story_id


def test_empty_bodies_are_not_duplicates_of_each_other(store):
    deduper = Deduper(store)
    a = deduper.observe(ZGM, "")
    b = deduper.observe(YYB, "  \n ")
    assert (a.kind, b.kind) == (NEW, NEW) and a.story_id != b.story_id


def test_state_lasts_across_runs(backend, texts):
    store = open_backend(backend)
    first = Deduper(store).observe(ZGM, texts["seed001"], published="2020-04-29T10:00:00+08:00")
    store.close()
    store = open_backend(backend)  # the next scheduled run
    try:
        deduper = Deduper(store)
        assert deduper.seen(ZGM.replace("https://www.", "http://")).published == "2020-04-29T10:00:00+08:00"
        assert deduper.observe(ZGM, texts["seed001"]).kind == UNCHANGED
        repost = deduper.observe(YYB, texts["seed001~script_chrome_edit~0"])  # needs the stored LSH index
        assert repost.kind == NEAR and repost.story_id == first.story_id
        assert store.count_urls() == 2
    finally:
        store.close()


def test_state_built_with_other_parameters_is_refused(backend):
    open_backend(backend).close()
    with pytest.raises(StateMismatch):
        open_backend(backend, replace(Params(), shingle_size=3))
