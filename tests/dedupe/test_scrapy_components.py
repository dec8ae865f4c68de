"""DedupePipeline and SeenArticlesMiddleware on a Scrapy crawler object, every backend."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from scrapy import Request, signals
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from delegation_crawler.extensions.dedupe_state import dedupe_state

from delegation_crawler.dedupe.config import should_recheck
from delegation_crawler.dedupe.engine import SHANGHAI
from delegation_crawler.items import Article
from delegation_crawler.middlewares.seen import SeenArticlesMiddleware
from pipelines.dedupe import DedupePipeline

ZGM = "https://www.zgm.cn/content/61b0a1c000001"
YYB = "https://www.yybnet.net/zigong/news/202112/11400001.html"


# The crawler's one dedupe store lives in an extension; components find it there. Delivery
# marks scraped items delivered (at once here: these crawlers have no feed).
STATE = {"EXTENSIONS": {"delegation_crawler.extensions.dedupe_state.DedupeState": 110,
                        "delegation_crawler.extensions.delivery.Delivery": 120}}


def settings_for(backend) -> dict:
    if backend["kind"] == "sqlite":
        return {**STATE, "STATE_DIR": backend["path"].rsplit("/", 1)[0]}
    if backend["kind"] == "postgres":
        return {**STATE, "PG_DSN": backend["dsn"]}
    return {**STATE, "REDIS_URL": backend["url"], "DEDUPE_REDIS_PREFIX": backend["prefix"]}


def article(url, body, **fields) -> Article:
    return Article(url=url, portal="zgm", fetched_at="2021-12-09T08:00:00+08:00", title="t", body=body, **fields)


class Pipeline:
    """A DedupePipeline on a crawler; ``process`` also sends the signal the engine would."""

    def __init__(self, backend, **extra):
        self.crawler = get_crawler(settings_dict={**settings_for(backend), **extra})
        self.pipeline = DedupePipeline.from_crawler(self.crawler)
        self.pipeline.open_spider()

    def process(self, item, outcome=signals.item_scraped):
        try:
            result = self.pipeline.process_item(item)
        except DropItem as exc:
            self.crawler.signals.send_catch_log(signals.item_dropped, item=item, response=None, exception=exc)
            raise
        self.crawler.signals.send_catch_log(outcome, item=result, response=None)
        return result

    def close(self):
        dedupe_state(self.crawler).close()


def open_pipeline(backend, **extra):
    pipeline = Pipeline(backend, **extra)
    return pipeline, pipeline.crawler.stats


def test_pipeline_marks_duplicates_and_drops_unchanged_recrawls(backend, texts):
    pipeline, stats = open_pipeline(backend)
    try:
        first = pipeline.process(article(ZGM, texts["seed000"]))
        assert (first.story_id, first.duplicate_of, first.revision) == (first.story_id, None, 1)
        repost = pipeline.process(article(YYB, texts["seed000~script_chrome_edit~1"]))
        assert repost.duplicate_of == ZGM and repost.story_id == first.story_id
        assert repost.content_hash != first.content_hash
        with pytest.raises(DropItem, match="unchanged"):
            pipeline.process(article(ZGM.replace("www.", "m."), texts["seed000"]))
        edited = pipeline.process(article(ZGM, texts["seed000~edited_sentence~0"]))
        assert (edited.revision, edited.previous_hash) == (2, first.content_hash)
        passthrough = object()
        assert pipeline.process(passthrough) is passthrough
    finally:
        pipeline.close()
    assert stats.get_value("dedupe/new") == 1 and stats.get_value("dedupe/near") == 1
    assert stats.get_value("dedupe/unchanged") == 1 and stats.get_value("dedupe/revision") == 1


def test_drop_mode_drops_duplicates_with_a_reason_but_keeps_revisions(backend, texts):
    pipeline, stats = open_pipeline(backend, DEDUPE_MODE="drop")
    try:
        pipeline.process(article(ZGM, texts["seed001"]))
        with pytest.raises(DropItem, match=f"duplicate of {ZGM}"):
            pipeline.process(article(YYB, texts["seed001~chrome~0"]))
        assert pipeline.process(article(ZGM, texts["seed001~truncated~0"])).revision == 2
    finally:
        pipeline.close()
    assert stats.get_value("dedupe/dropped/duplicate") == 1


def test_pipeline_uses_body_simplified_when_present(tmp_path):
    pipeline, _ = open_pipeline({"kind": "sqlite", "path": str(tmp_path / "s" / "x")})
    try:
        a = pipeline.process(article(ZGM, "發展規劃。", body_simplified="完全不同的文本内容。"))
        b = pipeline.process(article(YYB, "x", body_simplified="完全不同的文本内容。"))
        assert b.content_hash == a.content_hash and b.duplicate_of == ZGM
    finally:
        pipeline.close()


def test_item_of_a_run_that_died_before_delivering_it_is_handed_out_again(tmp_path, texts):
    backend = {"kind": "sqlite", "path": str(tmp_path / "s" / "x")}
    killed, _ = open_pipeline(backend)
    first = killed.pipeline.process_item(article(ZGM, texts["seed000"]))  # committed, never scraped
    killed.close()
    crawler = get_crawler(settings_dict=settings_for(backend))
    middleware = SeenArticlesMiddleware.from_crawler(crawler)
    assert [r.url for r in middleware.process_spider_output(None, [request(ZGM)])] == [ZGM]  # fetched again
    middleware.state.close()
    rerun, stats = open_pipeline(backend)
    try:
        again = rerun.process(article(ZGM, texts["seed000"]))
        assert (again.story_id, again.revision, again.duplicate_of) == (first.story_id, 1, None)
        with pytest.raises(DropItem, match="unchanged"):  # delivered now
            rerun.process(article(ZGM, texts["seed000"]))
        failed = rerun.process(article(YYB, texts["seed000~chrome~0"]), outcome=signals.item_error)
        assert rerun.process(article(YYB, texts["seed000~chrome~0"])).duplicate_of == failed.duplicate_of == ZGM
    finally:
        rerun.close()
    assert stats.get_value("dedupe/redelivered") == 2


def test_bad_url_and_bad_mode_are_clear(tmp_path):
    pipeline, stats = open_pipeline({"kind": "sqlite", "path": str(tmp_path / "s" / "x")})
    try:
        with pytest.raises(DropItem, match="not an absolute"):
            pipeline.process(article("/relative.html", "正文"))
    finally:
        pipeline.close()
    assert stats.get_value("dedupe/dropped/bad_url") == 1
    with pytest.raises(ValueError, match="DEDUPE_MODE"):
        DedupePipeline.from_crawler(get_crawler(settings_dict={**STATE, "DEDUPE_MODE": "delete"}))


def request(url, published_hint=None, article_page=True) -> Request:
    return Request(url, meta={"article_page": article_page, "published_hint": published_hint})


def passed(middleware, *requests) -> list[str]:
    return [r.url for r in middleware.process_spider_output(None, list(requests))]


def test_middleware_skips_stored_articles_and_repeats_within_a_run(backend, texts):
    pipeline, _ = open_pipeline(backend)
    pipeline.process(article(ZGM, texts["seed000"]))
    pipeline.close()
    crawler = get_crawler(settings_dict=settings_for(backend))
    middleware = SeenArticlesMiddleware.from_crawler(crawler)
    stored_mirror = ZGM.replace("https://www.", "http://m.") + "?from=groupmessage"
    listing = request(ZGM, article_page=False)
    item = article(YYB, "正文")
    try:
        out = list(middleware.process_spider_output(None, [request(stored_mirror), request(YYB), listing, item,
                                                           request(YYB.replace("www.", "m."))]))
        assert out == [out[0], listing, item] and out[0].url == YYB  # new article, lists and items pass
    finally:
        middleware.state.close()
    assert crawler.stats.get_value("dedupe/skipped_seen") == 1
    assert crawler.stats.get_value("dedupe/skipped_in_run") == 1


def test_async_spider_output_is_filtered_the_same_way(tmp_path, texts):
    import asyncio

    backend = {"kind": "sqlite", "path": str(tmp_path / "s" / "x")}
    pipeline, _ = open_pipeline(backend)
    pipeline.process(article(ZGM, texts["seed000"]))
    pipeline.close()
    middleware = SeenArticlesMiddleware.from_crawler(get_crawler(settings_dict=settings_for(backend)))

    async def produce():
        for entry in (request(ZGM), request(YYB)):
            yield entry

    async def collect():
        return [r.url async for r in middleware.process_spider_output_async(None, produce())]

    try:
        assert asyncio.run(collect()) == [YYB]
    finally:
        middleware.state.close()


def test_recrawl_days_rechecks_young_articles_only(backend, texts):
    pipeline, _ = open_pipeline(backend)
    pipeline.process(article(ZGM, texts["seed000"]))
    pipeline.close()
    crawler = get_crawler(settings_dict={**settings_for(backend), "RECRAWL_DAYS": 3})
    middleware = SeenArticlesMiddleware.from_crawler(crawler)
    yesterday = (datetime.now(SHANGHAI) - timedelta(days=1)).isoformat()
    try:
        assert passed(middleware, request(ZGM, published_hint=yesterday)) == [ZGM]
        middleware.requested.clear()  # a new run
        assert passed(middleware, request(ZGM, published_hint="2021-12-08")) == []
    finally:
        middleware.state.close()
    assert crawler.stats.get_value("dedupe/rechecked") == 1


@pytest.mark.parametrize(
    "published, days, expected",
    [("2024-04-18", 3, True), ("2024-04-15T23:59:00+08:00", 3, False), ("2024-04-16T00:30:00+08:00", 3, True),
     ("2024-04-17", 0, False), (None, 3, False), ("不是日期", 3, False), ("2024-04-15T17:00:00+00:00", 3, True)],
)
def test_should_recheck(published, days, expected):
    assert should_recheck(published, days, today=date(2024, 4, 18)) is expected
