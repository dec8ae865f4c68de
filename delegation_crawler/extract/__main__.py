"""Debug a saved page: ``python -m delegation_crawler.extract PAGE.html [--url URL]``.

``-`` reads the page from stdin. Prints one JSON object (UTF-8, not ASCII-escaped).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from . import extract_article


def _event(article, url):
    """The delegation-visit event when the events package is available, else None."""
    if not article.body:
        return None  # no article, no event (and no need to load the events package)
    try:
        from delegation_crawler.events.__main__ import event_for
    except Exception:
        return None
    try:  # the batch CLI's reading: repaired text, the page's own source
        event = event_for({"title": article.title, "text": article.body, "published": article.published,
                           "url": url, "source": article.source})
        event.pop("id", None)
    except Exception as exc:  # report, don't hide, a failing event extractor
        return {"error": f"{type(exc).__name__}: {exc}"}
    if dataclasses.is_dataclass(event) and not isinstance(event, type):
        return dataclasses.asdict(event)
    if hasattr(event, "to_dict"):
        return event.to_dict()
    return event


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m delegation_crawler.extract", description=__doc__)
    parser.add_argument("page", help="saved HTML file, or - for stdin")
    parser.add_argument("--url", help="the page's URL (resolves image links, URL dates)")
    args = parser.parse_args(argv)
    try:
        data = sys.stdin.buffer.read() if args.page == "-" else open(args.page, "rb").read()
    except OSError as exc:
        print(f"cannot read {args.page}: {exc}", file=sys.stderr)
        return 2
    article = extract_article(data, url=args.url)
    out = {
        "title": article.title,
        "published": article.published,
        "authors": article.authors,
        "editors": article.editors,
        "source": article.source,
        "body": article.body,
        "images": article.images,
        "event": _event(article, args.url),
    }
    if article.reason:
        out["reason"] = article.reason
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
