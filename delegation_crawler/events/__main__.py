"""Batch re-extraction: ``python -m delegation_crawler.events [IN.jsonl] [-o OUT.jsonl]``.

Reads JSON Lines ``{"id", "title", "text", "published", "url", "portal"}`` (``portal``,
``source`` (the paper, e.g. 张家口日报) and ``home_place`` optional; ``-`` or no file = stdin)
and writes one ``{"id", ...event fields}`` line per record. Title and text go through the
repair library first, as they do in a crawl (``--no-repair`` reads them as they are). A bad
line is reported on stderr with its line number and skipped; the exit status is 1 when any
line failed.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..portals import home_place
from .extract import extract_event


def event_for(record: dict, repair_text: bool = True) -> dict:
    if not isinstance(record, dict):
        raise ValueError("line is not a JSON object")
    for key in ("title", "text", "source", "url", "published", "home_place"):
        if not isinstance(record.get(key) or "", str):
            raise ValueError(f"{key!r} is not a string")
    portal = record.get("portal")
    home = record.get("home_place") or home_place(portal)
    title, text = record.get("title") or "", record.get("text") or ""
    if repair_text:
        from ..text import repair

        page = f"{title}\n{text}"
        title, text = repair(title, document=page).text, repair(text, document=page).text
    event = extract_event(title=title, text=text, published=record.get("published"), source=record.get("source"),
                          home_place=home, url=record.get("url"))
    return {"id": record.get("id"), **event}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m delegation_crawler.events", description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", default="-", help="JSON Lines file, or - for stdin")
    parser.add_argument("-o", "--output", default="-", help="output file, or - for stdout")
    parser.add_argument("--no-repair", action="store_true", help="read title and text as they are (no text repair)")
    args = parser.parse_args(argv)
    source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
    sink = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    failed = 0
    try:
        for number, line in enumerate(source, 1):
            if not line.strip():
                continue
            try:
                out = event_for(json.loads(line), repair_text=not args.no_repair)
            except (ValueError, TypeError) as exc:
                failed += 1
                print(f"line {number}: skipped: {exc}", file=sys.stderr)
                continue
            sink.write(json.dumps(out, ensure_ascii=False) + "\n")
    finally:
        if source is not sys.stdin:
            source.close()
        if sink is not sys.stdout:
            sink.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
