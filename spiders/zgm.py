"""自贡网 (Zigong), www.zgm.cn: the current site and the old (<= 2016) archive still online."""

from delegation_crawler.portal_spider import ArticleLayout, ListLayout, PortalSpider


class ZgmSpider(PortalSpider):
    name = "zgm"
    allowed_domains = ["zgm.cn"]

    start_lists = {
        # Column lists are filled by script: rendered in the browser.
        "https://www.zgm.cn/column/zgxw": ListLayout(
            items="ul.news-list li",
            date="span.time",
            next_page=".pager a.next::attr(href)",
            render=True,
            wait_for="ul.news-list li a",
        ),
        # The old archive (GBK): links in div.list-news-l, the date in the next sibling's <span>.
        "http://www.zgm.cn/html/news/soc/": ListLayout(
            items="div.list-news-l",
            date="./following-sibling::*[1]//span",
            next_page="//div[@class='page']/a[contains(., '下一页')]/@href",
        ),
    }
    article_layouts = [
        (
            r"/content/[0-9a-f]{13}$",
            ArticleLayout(
                title="h1.article-title",
                meta="div.article-info",
                paragraphs="div.article-content > p",
                images="div.article-content img",
            ),
        ),
        (
            r"/html/a/\d{4}/\d{4}/\d+\.html$",
            ArticleLayout(
                title="div.a1 h1",
                meta="div.a2, div.a4",
                paragraphs="div.a3 p",
                images="div.a3 img",
            ),
        ),
    ]
