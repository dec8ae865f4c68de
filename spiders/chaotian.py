"""广元市朝天区新闻网 (www.gyct.com.cn), a 博达 VSB (WebPlus) site."""

from delegation_crawler.portal_spider import ArticleLayout, ListLayout, PortalSpider

VSB_LIST = ListLayout(
    items="div.list li",
    date="span",
    # VSB pagers count down: the next page's number is smaller; follow the link, not the number.
    next_page="//span[@class='p_pages']//a[contains(., '下页')]/@href",
)


class ChaotianSpider(PortalSpider):
    name = "chaotian"
    allowed_domains = ["gyct.com.cn"]

    start_lists = {
        "https://www.gyct.com.cn/xwzx/ctyw.htm": VSB_LIST,  # 朝天要闻 (column 1346)
        "https://www.gyct.com.cn/xwzx/gyyw.htm": VSB_LIST,  # 广元要闻 (column 1487)
        "https://www.gyct.com.cn/xwzx/bmdt.htm": VSB_LIST,  # 部门动态 (column 1975)
    }
    article_layouts = [
        (
            r"/info/\d+/\d+\.htm$",
            ArticleLayout(
                title="form[name=_newscontent_fromname] .content-title h1",
                meta="form[name=_newscontent_fromname] .content-info, form[name=_newscontent_fromname] .editor",
                paragraphs="#vsb_content .v_news_content > p",
                images="#vsb_content .v_news_content img",
            ),
        ),
    ]
