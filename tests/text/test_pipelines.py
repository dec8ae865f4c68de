"""RepairPipeline on ArticlePage items and SimplifyPipeline on Article items."""

from __future__ import annotations

from scrapy import Spider
from scrapy.utils.test import get_crawler

from delegation_crawler.items import Article, ArticlePage
from pipelines.repair import RepairPipeline
from pipelines.simplify import SimplifyPipeline
from tests.text.seeds import seed_texts


def crawler():
    c = get_crawler(Spider)
    c.stats.open_spider()
    return c


def page(**fields) -> ArticlePage:
    return ArticlePage(url="http://zgm.test/a.html", portal="zgm", fetched_at="2021-12-09T10:00:00+08:00", **fields)


def test_repair_pipeline_repairs_every_text_field_and_counts():
    c = crawler()
    pipeline = RepairPipeline.from_crawler(c)
    item = page(
        title="巴中市黨政代表團(tuán)到我市考察",
        subtitles=["兩市簽署協議,,共建園區"],
        meta=["編輯:王娉婷?來源:自貢網(wǎng)"],
        paragraphs=["自貢網(wǎng)記者?廖藍蕾", "4月29日,,重慶市榮昌區黨政代表團(tuán)到我市考察", ""],
        images=[{"url": "http://zgm.test/1.jpg", "caption": "座談會現場(chǎng)"}, {"url": "http://zgm.test/2.jpg"}],
        repairs={"pinyin_residue": 1},
    )
    result = pipeline.process_item(item)
    assert result is item
    assert item.title == "巴中市黨政代表團到我市考察"
    assert item.subtitles == ["兩市簽署協議,共建園區"]
    assert item.meta == ["編輯:王娉婷\u00a0來源:自貢網"]
    assert item.paragraphs == ["自貢網記者\u00a0廖藍蕾", "4月29日,重慶市榮昌區黨政代表團到我市考察", ""]
    assert item.images == [
        {"url": "http://zgm.test/1.jpg", "caption": "座談會現場"},
        {"url": "http://zgm.test/2.jpg"},
    ]
    assert item.repairs == {"pinyin_residue": 6, "doubled_punctuation": 2, "lost_character": 2}
    stats = c.stats.get_stats()
    assert stats["repair/pinyin_residue"] == 5
    assert stats["repair/doubled_punctuation"] == 2
    assert stats["repair/lost_character"] == 2


def test_repair_pipeline_leaves_other_items_alone():
    pipeline = RepairPipeline.from_crawler(crawler())
    article = Article(url="u", portal="zgm", fetched_at="t", title="代表團(tuán)", body="x")
    assert pipeline.process_item(article).title == "代表團(tuán)"
    assert pipeline.process_item({"title": "團(tuán)"}) == {"title": "團(tuán)"}


def test_clean_page_gets_no_repairs():
    c = crawler()
    item = page(title="攀成两地签署深化区域协同发展合作备忘录", paragraphs=["7月28日下午,成都市攀枝花市签约。"])
    RepairPipeline.from_crawler(c).process_item(item)
    assert item.repairs == {}
    assert not any(k.startswith("repair/") for k in c.stats.get_stats())


def test_simplify_pipeline_sets_simplified_fields_only():
    article = Article(url="u", portal="zgm", fetched_at="t", title="當地干部群眾", body="交口稱贊。")
    SimplifyPipeline.from_crawler(crawler()).process_item(article)
    assert article.title == "當地干部群眾"
    assert article.title_simplified == "当地干部群众"
    assert article.body_simplified == "交口称赞。"
    assert SimplifyPipeline.from_crawler(crawler()).process_item(page(title="當")).title == "當"


def test_repair_pipeline_uses_the_whole_page_to_guess_lost_bytes():
    lines = [line for line in seed_texts()["004_29e6a95d79ed7dd2.txt"].splitlines() if line.strip()]
    item = page(title=lines[3], paragraphs=lines[4:])
    RepairPipeline.from_crawler(crawler()).process_item(item)
    assert "全媒體記者 楊俊）" in item.paragraphs
    assert item.repairs["gbk_misalignment"] == 1
