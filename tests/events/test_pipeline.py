"""EventPipeline sets ``Article.event`` and counts visits, non-visits and errors."""

from __future__ import annotations

from collections import Counter

from delegation_crawler.items import Article, ArticlePage
from pipelines.events import EventPipeline


class Stats:
    """The two calls the pipeline makes on Scrapy's stats collector."""

    def __init__(self):
        self.values = Counter()

    def inc_value(self, key, count=1):
        self.values[key] += count


def _article(**kw) -> Article:
    base = dict(url="https://www.zgm.cn/content/61b1", portal="zgm", fetched_at="2021-12-09T10:00:00+08:00",
                title="巴中市黨政代表團到我市考察", body="12月8日，巴中市黨政代表團到我市考察。",
                published="2021-12-09T09:00:00+08:00")
    base.update(kw)
    return Article(**base)


def test_sets_event_from_simplified_body_and_portal_home():
    stats = Stats()
    pipeline = EventPipeline(stats)
    item = pipeline.process_item(_article(body_simplified="12月8日，巴中市党政代表团到我市考察。"))
    assert item.event["is_delegation_visit"] is True
    assert item.event["host"]["code"] == "510300"
    assert item.event["start_date"] == "2021-12-08"
    assert stats.values["events/visits"] == 1


def test_non_visit_and_other_items():
    stats = Stats()
    pipeline = EventPipeline(stats)
    item = pipeline.process_item(_article(title="全市工作会召开", body="会议强调要抓落实。"))
    assert item.event["is_delegation_visit"] is False
    page = ArticlePage(url="u", portal="zgm", fetched_at="2021-12-09T10:00:00+08:00")
    assert pipeline.process_item(page) is page and not hasattr(page, "event")
    assert stats.values == Counter({"events/non_visits": 1})


def test_a_failure_keeps_the_article_and_is_counted():
    stats = Stats()
    item = EventPipeline(stats).process_item(_article(body=12345))  # not text: extraction raises
    assert item.event is None
    assert stats.values["events/errors"] == 1
