"""秀山网 (www.zgcqxs.net), a DTcms (ASP.NET) site. It rate-limits crawlers: one request / 2 s."""

from delegation_crawler.portal_spider import ArticleLayout, ListLayout, PortalSpider


class XiushanSpider(PortalSpider):
    name = "xiushan"
    allowed_domains = ["zgcqxs.net"]
    custom_settings = {"DOWNLOAD_DELAY": 2.0, "AUTOTHROTTLE_START_DELAY": 2.0}

    start_lists = {
        "http://www.zgcqxs.net/news/12.html": ListLayout(  # 秀山要闻
            items=".xwlb_libjo",
            date="span",
            next_page="//div[@class='digg']/a[contains(., '下一页')]/@href",
        ),
    }
    article_layouts = [
        (
            r"/news/show-\d+\.html$",
            ArticleLayout(
                # The title is the h3's first text node; its inner div is the meta line.
                title="//div[@class='tjsp']/div[@class='left']/h3/text()[1]",
                meta="div.tjsp .left h3 > div",
                # Articles and video pages: #imgwidth paragraphs; galleries: the captions.
                paragraphs="#imgwidth p, #smallImgScroll a::attr(info)",
                images="#imgwidth img, #smallImgScroll a[info]",
            ),
        ),
    ]
