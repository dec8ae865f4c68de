"""The item's declared_charset says what the page declared, as text (not regex match objects)."""

from scrapy.http import HtmlResponse

from delegation_crawler.portal_spider import declared_charset


def test_header_and_meta_as_declared():
    body = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312"></head></html>'.encode()
    response = HtmlResponse("https://www.zgm.cn/a.html", body=body, headers={"Content-Type": "text/html; charset=UTF-8"})
    assert declared_charset(response) == "header=utf-8; meta=gb2312"
    bare = HtmlResponse("https://www.zgm.cn/b.html", body=b"<html></html>", headers={"Content-Type": "text/html"})
    assert declared_charset(bare) is None


def test_a_gbk_page_with_utf8_pasted_in_is_decoded_part_by_part():
    """3 KB or 30 KB of UTF-8 text ahead of 7 KB of GBK, declared gbk, undeclared or declared
    utf-8: each part is read in its own charset (before, the whole page one way: the UTF-8 part
    turned to mojibake, or every GBK character to U+FFFD)."""
    from scrapy.http import Request
    from scrapy.utils.test import get_crawler

    from delegation_crawler.middlewares.charset import CharsetMiddleware

    gbk = ("<p>" + "市委书记率队参观了产业园区和重点项目。" * 60 + "</p>").encode("gbk")
    middleware = CharsetMiddleware.from_crawler(get_crawler(settings_dict={}))
    for repeat in (40, 400):
        utf8 = ("<p>" + "自贡市党政代表团赴宜宾市考察学习，双方举行座谈会。" * repeat + "</p>").encode("utf-8")
        for meta, header in ((b'<meta charset="gbk">', "text/html"), (b"", "text/html"), (b"", "text/html; charset=utf-8")):
            body = b"<html><head>" + meta + b"<title>t</title></head><body>" + utf8 + gbk * 3 + b"</body></html>"
            request = Request("https://www.zgm.cn/a.html")
            response = middleware.process_response(
                request, HtmlResponse(request.url, body=body, headers={"Content-Type": header}, request=request))
            assert request.meta["used_charset"] == "mixed: gb18030 + utf-8", (repeat, meta, header)
            assert response.text.count("自贡市党政代表团") == repeat
            assert response.text.count("市委书记率队参观了产业园区") == 180 and "\ufffd" not in response.text


def test_gbk_text_never_looks_like_long_utf8_runs():
    """200,000 common characters in random order, as GBK: no run long enough to be read as UTF-8."""
    import random

    from delegation_crawler.text.charset import common_han, utf8_runs_share

    rng = random.Random(5)
    chars = sorted(common_han())
    text = "".join(rng.choice(chars) for _ in range(200_000))
    assert utf8_runs_share(text.encode("gbk", "ignore")) == 0.0
