"""``scrapy check`` for every portal spider, from the base class's callbacks.

The contracts live in ``PortalSpider.parse_list`` and ``parse_article``; these two make the
sample request the way the spider itself does, so one docstring serves every portal:

* ``@portal_list``: the spider's first start list, with its layout and, for a list rendered by
  script, the browser (``list_request``);
* ``@portal_article``: the first article of the portal's replica manifest.

Run them against the replicas: ``scrapy check -s REPLICA_URL=http://127.0.0.1:8800`` (with
``python -m delegation_crawler.replica serve``), or against the real sites without it. A spider
without start lists (the generic one) has no sample: its callbacks are not checked.
"""

from __future__ import annotations

from scrapy.contracts import Contract

from delegation_crawler.portals import sample_article


class _SpiderContract(Contract):
    def __init__(self, method, *args):
        super().__init__(method, *args)
        self.spider = getattr(method, "__self__", None)


class PortalListContract(_SpiderContract):
    name = "portal_list"

    def adjust_request_args(self, args):
        lists = getattr(self.spider, "start_lists", None)
        if lists:
            url, layout = next(iter(lists.items()))
            request = self.spider.list_request(url, layout, page=1)
            args.update(url=request.url, meta=dict(request.meta))
        return args


class PortalArticleContract(_SpiderContract):
    name = "portal_article"

    def adjust_request_args(self, args):
        url = sample_article(getattr(self.spider, "name", None))
        if url:
            args.update(url=url, meta={"article_page": True})
        return args
