from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from delegation_crawler.dedupe.canonical import canonical_body, canonical_url, content_chars, content_hash


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.yybnet.net/chengdu/news/201707/7491234.html",
        "http://yybnet.net/chengdu/news/201707/7491234.html",
        "https://m.yybnet.net/chengdu/news/201707/7491234.html?utm_source=wechat&utm_medium=share",
        "http://WWW.YYBNET.NET:80/chengdu/news/201707/7491234.html?spm=a.b.c&from=timeline#comments",
    ],
)
def test_mirrors_and_tracking_tags_share_one_key(variant):
    assert canonical_url(variant) == "https://yybnet.net/chengdu/news/201707/7491234.html"


def test_index_page_forms_fold_to_the_directory():
    key = canonical_url("https://www.zgcqxs.net/news/")
    for form in ("https://www.zgcqxs.net/news/index.html", "https://zgcqxs.net/news/index.htm",
                 "https://www.zgcqxs.net/news/default.aspx"):
        assert canonical_url(form) == key


def test_article_parameters_survive_and_are_sorted():
    key = canonical_url("https://www.gyct.com.cn/content.jsp?wbnewsid=9&urltype=news&utm_campaign=x")
    assert key == "https://gyct.com.cn/content.jsp?urltype=news&wbnewsid=9"


def test_different_articles_keep_different_keys():
    assert canonical_url("https://www.zgm.cn/content/623de7e866c6d") != canonical_url(
        "https://www.zgm.cn/content/623de7e866c6e"
    )
    # Another port is another server, not a mirror.
    assert canonical_url("http://127.0.0.1:8001/a.html") != canonical_url("http://127.0.0.1:8002/a.html")


@pytest.mark.parametrize("bad", ["", "   ", "/news/show-1.html", "ftp://x.cn/a", "mailto:a@b.cn", None])
def test_non_http_urls_are_refused_clearly(bad):
    with pytest.raises(ValueError):
        canonical_url(bad)


def test_script_pinyin_residue_punctuation_and_spacing_fold_to_one_body():
    simplified = "自贡网记者 廖蓝蕾,陈凡逸。\n两市签署了《共建工业协作示范园框架协议》"
    traditional = "自貢網(wǎng)記者　廖藍(lán)蕾，陳凡逸。\n\n  兩市簽署了《共建工業協作示範園框架協議》"
    assert canonical_body(traditional) == canonical_body(simplified)
    assert content_hash(canonical_body(traditional)) == content_hash(canonical_body(simplified))


def test_body_simplified_is_preferred_over_converting_the_body():
    assert canonical_body("發展", body_simplified="发展规划") == "发展规划"


def test_content_chars_drop_punctuation_and_spaces_only():
    assert content_chars("4月29日, 重庆市荣昌区。") == "4月29日重庆市荣昌区"


@given(st.text(max_size=200))
def test_canonical_body_is_idempotent(text):
    once = canonical_body(text)
    assert canonical_body(once) == once
