"""CharsetMiddleware on responses built from bytes (no network)."""

from __future__ import annotations

import pytest
from scrapy import Spider
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.test import get_crawler

from delegation_crawler.middlewares.charset import CharsetMiddleware
from delegation_crawler.text.charset import implausibility

SIMPLIFIED = (
    "12月8日，巴中市党政代表团到我市考察，两市签署了《共建工业协作示范园框架协议》，"
    "深入学习贯彻党的十九届六中全会精神，开启自贡、巴中协同共兴新局。市委书记范波，"
    "市委副书记、市长曾洪扬分别陪同。朱镕基、王喆参加。"  # 镕 and 喆 are GBK-only
)
TRADITIONAL = (
    "秀山網訊 9月7日，縣委書記向業順，縣委副書記、縣長馬文森率考察團赴合川區考察學習，"
    "了解合川食品加工產業發展和社會治理創新相關情況，對接對口幫扶協同發展工作。"
)


def page(text: str, meta: str | None) -> str:
    meta_tag = f'<meta charset="{meta}">' if meta else ""
    return f"<html><head>{meta_tag}<title>t</title></head><body><p>{text}</p></body></html>"


class PortalSpider(Spider):
    name = "portal"


def run(body: bytes, content_type: str, spider_charset: str | None = None):
    crawler = get_crawler(PortalSpider)
    crawler.stats.open_spider()
    spider = PortalSpider()
    if spider_charset:
        spider.charset = spider_charset
    crawler.spider = spider
    middleware = CharsetMiddleware.from_crawler(crawler)
    request = Request("http://replica.test/a.html")
    response = HtmlResponse(
        request.url, body=body, headers={"Content-Type": content_type}, request=request
    )
    result = middleware.process_response(request, response)
    return result, request.meta, crawler.stats.get_stats()


def test_gbk_archive_page_with_gb2312_meta_is_kept_and_reads_gbk_only_characters():
    body = page(SIMPLIFIED, "gb2312").encode("gbk")
    result, meta, stats = run(body, "text/html")
    assert SIMPLIFIED in result.text
    assert meta["declared_charset"] == "meta=gb2312"
    assert meta["used_charset"] == "gb18030"
    assert "charset/redecoded" not in stats


@pytest.mark.parametrize("header", ["utf-8", "ISO-8859-1"])
def test_header_contradicting_gbk_body_is_overridden_by_meta(header):
    body = page(SIMPLIFIED, "gbk").encode("gbk")
    response_before = HtmlResponse("http://x/", body=body, headers={"Content-Type": f"text/html; charset={header}"})
    assert SIMPLIFIED not in response_before.text  # Scrapy alone gets it wrong
    result, meta, stats = run(body, f"text/html; charset={header}")
    assert SIMPLIFIED in result.text
    assert meta["declared_charset"] == f"header={header.lower()}; meta=gbk"
    assert meta["used_charset"] == "gb18030"
    assert stats["charset/redecoded"] == 1
    from_codec = "utf-8" if header == "utf-8" else "cp1252"
    assert stats[f"charset/redecoded/{from_codec}->gb18030"] == 1


def test_traditional_text_in_gbk_bytes_under_utf8_header_is_read_as_gbk_not_big5():
    body = page(TRADITIONAL, "gb2312").encode("gbk")
    result, meta, _ = run(body, "text/html; charset=utf-8")
    assert TRADITIONAL in result.text
    assert meta["used_charset"] == "gb18030"


def test_utf8_page_is_left_alone():
    body = page(SIMPLIFIED, "utf-8").encode("utf-8")
    response = HtmlResponse("http://x/", body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    result, meta, stats = run(body, "text/html; charset=utf-8")
    assert result.text == response.text
    assert meta["used_charset"] == "utf-8"
    assert "charset/redecoded" not in stats


def test_utf8_bytes_under_a_wrong_gb2312_meta_are_read_as_utf8():
    body = page(SIMPLIFIED, "gb2312").encode("utf-8")
    result, meta, stats = run(body, "text/html")
    assert SIMPLIFIED in result.text
    assert meta["used_charset"] == "utf-8"
    assert stats["charset/redecoded/gb18030->utf-8"] == 1


def test_big5_page_declared_big5_is_read():
    body = page(TRADITIONAL, "big5").encode("big5")
    result, meta, _ = run(body, "text/html")
    assert TRADITIONAL in result.text
    assert meta["used_charset"] == "big5hkscs"


def test_big5_page_under_wrong_header_uses_the_spider_charset():
    body = page(TRADITIONAL, None).encode("big5")
    result, meta, stats = run(body, "text/html; charset=utf-8", spider_charset="big5")
    assert TRADITIONAL in result.text
    assert meta["used_charset"] == "big5hkscs"
    assert meta["declared_charset"] == "header=utf-8"
    assert stats["charset/redecoded"] == 1


def test_undeclared_gbk_page_is_detected():
    body = page(SIMPLIFIED * 3, None).encode("gbk")
    result, meta, _ = run(body, "text/html")
    assert SIMPLIFIED in result.text
    assert meta["declared_charset"] is None


def test_non_text_response_passes_through():
    crawler = get_crawler(PortalSpider)
    middleware = CharsetMiddleware.from_crawler(crawler)
    request = Request("http://replica.test/a.jpg")
    response = Response(request.url, body=b"\xff\xd8\xff\xe0binary")
    assert middleware.process_response(request, response) is response


def test_implausibility_separates_right_from_wrong_decodings():
    raw = SIMPLIFIED.encode("gbk")
    assert implausibility(SIMPLIFIED) < 0.1
    assert implausibility(TRADITIONAL) < 0.1
    assert implausibility(raw.decode("cp1252", "replace")) > 0.5
    assert implausibility(raw.decode("utf-8", "replace")) > 0.5
    assert implausibility(SIMPLIFIED.encode("utf-8").decode("gbk", "replace")) > 0.3
    assert implausibility(TRADITIONAL.encode("big5").decode("gbk", "replace")) > 0.3
    assert implausibility("") == 0.0


def test_japanese_utf8_page_is_not_re_decoded_despite_kana():
    japanese = "東京都の代表団が成都を訪れ、協定に署名しました。ありがとうございます。"
    body = page(japanese, "utf-8").encode("utf-8")
    result, meta, stats = run(body, "text/html; charset=utf-8")
    assert japanese in result.text
    assert meta["used_charset"] == "utf-8"
    assert "charset/redecoded" not in stats


def test_utf8_bytes_under_a_latin1_header_are_read_as_utf8():
    body = page(SIMPLIFIED, None).encode("utf-8")
    result, meta, stats = run(body, "text/html; charset=ISO-8859-1")
    assert SIMPLIFIED in result.text
    assert meta["used_charset"] == "utf-8"
    assert stats["charset/redecoded/cp1252->utf-8"] == 1
