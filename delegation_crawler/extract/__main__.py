"""Debug a saved page: ``python -m delegation_crawler.extract PAGE.html [--url URL]``.

The page is read the way a crawl reads it: the generic extractor locates the parts, the text
is repaired, ``build_article`` interprets it, and the event extractor runs with the portal's
home place when the URL belongs to a known portal. ``-`` reads the page from stdin. Prints one
JSON object (UTF-8, not ASCII-escaped).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from urllib.parse import urlsplit

from delegation_crawler.news.dates import SHANGHAI

from . import locate_article


def portal_of(url: str | None) -> tuple[str, str | None]:
    """(portal name, home place) of the project spider whose domains hold ``url``, else generic."""
    host = (urlsplit(url).hostname or "") if url else ""
    if host:
        from scrapy.settings import Settings
        from scrapy.spiderloader import SpiderLoader

        from delegation_crawler import settings as project_settings

        loader = SpiderLoader.from_settings(Settings({"SPIDER_MODULES": project_settings.SPIDER_MODULES}))
        for name in loader.list():
            spider = loader.load(name)
            domains = getattr(spider, "allowed_domains", None) or []
            if any(host == d or host.endswith("." + d) for d in domains):
                return name, getattr(spider, "home_place", None)
    return "generic", None


def read_like_the_crawl(data: bytes | str, url: str | None) -> dict:
    from delegation_crawler.article import ArticleRejected, build_article
    from delegation_crawler.items import ArticlePage
    from delegation_crawler.text.page import repair_page

    fetched = datetime.now(SHANGHAI).replace(microsecond=0)
    located = locate_article(data, url=url, fetched_at=fetched)
    portal, home = portal_of(url)
    page = ArticlePage(url=url or "", portal=portal, fetched_at=fetched.isoformat(), title=located.title,
                       meta=located.meta, paragraphs=located.paragraphs, images=located.images,
                       published_hint=located.published_text(), home_place=home, extraction="generic")
    repair_page(page)
    out = {"portal": portal, "title": page.title, "published": None, "authors": [], "editors": [], "source": None,
           "body": "", "images": [], "event": None}
    try:
        article = build_article(page)
    except ArticleRejected as exc:
        out["reason"] = located.reason or str(exc)
        return out
    out.update(title=article.title, subtitles=article.subtitles, published=article.published,
               published_precision=article.published_precision, source=article.source, authors=article.authors,
               photographers=article.photographers, editors=article.editors, body=article.body,
               images=article.images, repairs=article.repairs, event=_event(article))
    return out


def _event(article):
    try:
        from delegation_crawler.events import extract_event
        from delegation_crawler.text import to_simplified

        return extract_event(title=to_simplified(article.title), text=to_simplified(article.body),
                             published=article.published, source=article.source,
                             home_place=article.home_place, url=article.url)
    except Exception as exc:  # report, don't hide, a failing event extractor
        return {"error": f"{type(exc).__name__}: {exc}"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m delegation_crawler.extract", description=__doc__)
    parser.add_argument("page", help="saved HTML file, or - for stdin")
    parser.add_argument("--url", help="the page's URL (resolves image links, URL dates, the portal)")
    args = parser.parse_args(argv)
    try:
        data = sys.stdin.buffer.read() if args.page == "-" else open(args.page, "rb").read()
    except OSError as exc:
        print(f"cannot read {args.page}: {exc}", file=sys.stderr)
        return 2
    json.dump(read_like_the_crawl(data, args.url), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
