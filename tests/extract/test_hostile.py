"""Bad HTML gives an empty result with a reason, never an exception, in bounded time."""

from __future__ import annotations

import os
import time

import pytest

from delegation_crawler.extract import ExtractedArticle, extract_article

ARTICLE = (
    "<html><head><title>县里召开防汛工作会议_秀山网</title></head><body>"
    "<h1>县里召开防汛工作会议</h1><div>发布时间:2021-06-01 10:20 来源:秀山网</div>"
    "<div id='c'><p>5月31日,全县防汛工作会议召开,会议安排部署当前防汛减灾工作,要求各乡镇立即行动。</p>"
    "<p>会议强调,要坚持人民至上、生命至上,压紧压实责任,确保安全度汛,坚决防止重大人员伤亡。</p></div>"
    "</body></html>"
)


def _timed(data):
    start = time.perf_counter()
    result = extract_article(data)
    return result, time.perf_counter() - start


@pytest.mark.parametrize(
    "data",
    [b"", "", "   \n\t ", None, b"\x00" * 1000, os.urandom(200_000), b"<html><body></body></html>",
     "<<<>>>&&&;;", "<html><head><title>只有标题</title></head></html>"],
    ids=["empty-bytes", "empty-str", "blank", "none", "nul-bytes", "random-bytes", "empty-body", "garbage-markup", "head-only"],
)
def test_junk_gives_empty_result_with_reason(data):
    result, seconds = _timed(data)
    assert isinstance(result, ExtractedArticle)
    assert result.body == "" and result.paragraphs == []
    assert result.reason
    assert seconds < 2


def test_five_megabytes_of_nested_tables():
    page = ("<html><body>" + "<table><tr><td>单元格" * 220_000 + "</td></tr></table>" * 1000).encode()
    assert len(page) > 5_000_000
    result, seconds = _timed(page)
    assert result.body == "" and result.reason
    assert seconds < 10


def test_wide_tables_with_text_stay_bounded():
    """Many flat cells: linear passes, no per-element rescans."""
    row = "<tr><td><a href='#'>链接文字</a></td><td>一些说明文字,不是文章。</td></tr>"
    page = "<html><body><table>" + row * 20_000 + "</table></body></html>"
    result, seconds = _timed(page)
    assert seconds < 10
    assert isinstance(result, ExtractedArticle)


def test_truncated_page_still_yields_what_arrived():
    cut = ARTICLE[: ARTICLE.index("</p>") + 4]
    result = extract_article(cut)
    assert result.title == "县里召开防汛工作会议"
    assert result.paragraphs == ["5月31日,全县防汛工作会议召开,会议安排部署当前防汛减灾工作,要求各乡镇立即行动。"]


def test_no_body_tag():
    page = ARTICLE.replace("<body>", "").replace("</body>", "")
    result = extract_article(page)
    assert len(result.paragraphs) == 2
    assert result.published == "2021-06-01T10:20:00+08:00"


def test_binary_junk_after_a_real_page_does_not_crash():
    result = extract_article(ARTICLE.encode() + os.urandom(5000))
    assert isinstance(result, ExtractedArticle)


def test_str_with_xml_encoding_declaration():
    """lxml refuses str input with an encoding declaration; we must not."""
    page = '<?xml version="1.0" encoding="gb2312"?>' + ARTICLE
    result = extract_article(page)
    assert result.title == "县里召开防汛工作会议"
    assert len(result.paragraphs) == 2


def test_chrome_only_page_has_no_body():
    links = "".join(f"<li><a href='/n/{i}.html'>第{i}条新闻标题在这里</a></li>" for i in range(60))
    result = extract_article(f"<html><body><ul>{links}</ul><div>版权所有 蜀ICP备0000号</div></body></html>")
    assert result.body == ""
    assert result.reason


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

CORPUS_PAGE = (
    __import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "extract" / "pages" / "gen-seed003-vsb.html"
).read_bytes()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=len(CORPUS_PAGE)), junk=st.binary(max_size=64),
       at=st.integers(min_value=0, max_value=len(CORPUS_PAGE)))
def test_damaged_real_layout_never_raises(cut, junk, at):
    """A real-layout page cut anywhere, with junk bytes spliced in anywhere: a result, no exception."""
    data = CORPUS_PAGE[:at] + junk + CORPUS_PAGE[at:cut]
    result = extract_article(data, url="https://www.gyct.com.cn/info/1346/5512.htm")
    assert isinstance(result, ExtractedArticle)
    assert all(line in result.paragraphs for line in result.body.split("\n") if result.body)  # read from the located
    assert result.body or result.reason
