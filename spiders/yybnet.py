"""地方网 (www.yybnet.net), an aggregator of city papers: one column per city and county."""

from urllib.parse import urlsplit

from delegation_crawler.portal_spider import ArticleLayout, ListLayout, PortalSpider

# City slug → home place (GB/T 2260). The story's "本报" is its source paper's city; the
# column's city is the fallback.
CITIES = {
    "chengdu": "510100",
    "zigong": "510300",
    "panzhihua": "510400",
    "luzhou": "510500",
    "guangyuan": "510800",
    "nanchong": "511300",
    "dazhou": "511700",
    "bazhong": "511900",
    "xianyang": "610400",
    "hanzhong": "610700",
}
CITY_LIST = ListLayout(
    items="ul.news-list li",
    date="span.date",
    next_page="div.pages a.next::attr(href)",
)


class YybnetSpider(PortalSpider):
    name = "yybnet"
    allowed_domains = ["yybnet.net"]

    start_lists = {f"https://www.yybnet.net/{city}/": CITY_LIST for city in CITIES}
    article_layouts = [
        (
            r"/[a-z]+/[a-z]+/\d{6}/\d+\.html$",
            ArticleLayout(
                title="div.article h1.title",
                subtitles="div.article h2.subtitle",
                meta="div.article div.info",
                paragraphs="div.article div.content p",
                images="div.article div.content img",
            ),
        ),
    ]

    def home_place_of(self, response):
        return CITIES.get(urlsplit(response.url).path.strip("/").split("/")[0])
