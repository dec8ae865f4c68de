import pytest

from delegation_crawler.article import ArticleRejected, build_article
from delegation_crawler.news.labels import read_meta
from delegation_crawler.items import ArticlePage


def page(**kw):
    base = dict(url="https://example.cn/a/1.html", portal="test", fetched_at="2024-05-01T10:00:00+08:00",
                title="广元市党政代表团赴新疆哈密学习考察", meta=["时间:2024年04月18日 11:12   来源:广元日报   阅读:"],
                paragraphs=["本报哈密电(广元日报全媒体记者 蒲洪旭)4月16日至17日,广元市党政代表团赴哈密考察学习。"])
    base.update(kw)
    return ArticlePage(**base)


def test_meta_labels():
    assert read_meta(["时间:2024年04月18日 11:12   来源:广元日报   阅读:"]) == {
        "published": "2024年04月18日 11:12", "source": "广元日报"}
    assert read_meta(["来源:攀枝花日报 2017-07-29 07:34   https://www.yybnet.net/"])["source"] == "攀枝花日报"
    meta = read_meta(["編輯:付沖", "來源:秀山網", "發布時間:2020/9/9 18:21:58", "字號:"])
    assert meta == {"editors": "付沖", "source": "秀山網", "published": "2020/9/9 18:21:58"}


def test_a_full_page():
    article = build_article(page(paragraphs=[
        "蜀道丝路牵手 交流协作共赢", "广元市党政代表团赴新疆哈密学习考察", "何树平孙涛讲话 吾拉木江·热依木出席活动",
        "本报哈密电(广元日报全媒体记者 蒲洪旭)4月16日至17日,广元市党政代表团赴哈密考察学习。",
        "座谈会上,两市签署战略合作协议。",
        "【原标题】广元市党政代表团赴哈密考察",
        "编辑:王娉婷", "责任编辑:马莉莎", "0",
    ]))
    assert article.subtitles == ["蜀道丝路牵手 交流协作共赢", "何树平孙涛讲话 吾拉木江·热依木出席活动"]
    assert article.body.splitlines() == [
        "本报哈密电(广元日报全媒体记者 蒲洪旭)4月16日至17日,广元市党政代表团赴哈密考察学习。",
        "座谈会上,两市签署战略合作协议。",
    ]
    assert article.original_title == "广元市党政代表团赴哈密考察"
    assert article.editors == ["王娉婷", "马莉莎"]
    assert article.authors == ["蒲洪旭"]
    assert article.published == "2024-04-18T11:12:00+08:00" and article.published_precision == "minute"
    assert article.source == "广元日报"


def test_the_list_date_is_a_fallback():
    article = build_article(page(meta=[], published_hint="2016-12-29"))
    assert article.published == "2016-12-29T00:00:00+08:00" and article.published_precision == "day"


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"title": "  "}, "no_title"),
        ({"paragraphs": []}, "no_body"),
        ({"paragraphs": ["编辑:王娉婷", "0"]}, "no_body"),
        ({"meta": ["时间:2019-13-45 25:61"]}, "bad_date"),
        ({"meta": []}, "no_date"),
        ({"meta": [], "published_hint": "昨天"}, "bad_date"),
    ],
)
def test_rejections_name_their_reason(changes, reason):
    with pytest.raises(ArticleRejected) as info:
        build_article(page(**changes))
    assert info.value.reason == reason


def test_schema_documents_every_field():
    import dataclasses
    from pathlib import Path

    from delegation_crawler.items import Article
    from delegation_crawler.schema import article_schema

    fields = {f.name for f in dataclasses.fields(Article)}
    assert set(article_schema()["properties"]) == fields
    doc = (Path(__file__).resolve().parents[2] / "docs" / "schema.md").read_text("utf-8")
    assert all(f"`{name}`" in doc for name in fields)
