"""The item's declared_charset says what the page declared, as text (not regex match objects)."""

from scrapy.http import HtmlResponse

from delegation_crawler.portal_spider import declared_charset


def test_header_and_meta_as_declared():
    body = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312"></head></html>'.encode()
    response = HtmlResponse("https://www.zgm.cn/a.html", body=body, headers={"Content-Type": "text/html; charset=UTF-8"})
    assert declared_charset(response) == "header=utf-8; meta=gb2312"
    bare = HtmlResponse("https://www.zgm.cn/b.html", body=b"<html></html>", headers={"Content-Type": "text/html"})
    assert declared_charset(bare) is None
