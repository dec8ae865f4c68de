"""Delegation-visit events: precision/recall per labelled batch and ms/article, one run.

    python bench/events.py [--repeat N] [--errors] [--write-docs]

Scores extract_event on every batch in tests/data/events (articles = development set,
heldout = written after the rules, hard = wording found missing), prints one table per batch
and for all together, then times extract_event over all labelled articles (fastest of N runs)
next to the one-off gazetteer load. --write-docs puts the tables into docs/events.md.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from delegation_crawler.events import evaluation as ev  # noqa: E402
from delegation_crawler.places import gazetteer  # noqa: E402

DATA = ROOT / "tests" / "data" / "events"
DOCS = ROOT / "docs" / "events.md"
START, END = "<!-- numbers:start -->", "<!-- numbers:end -->"


def _seed_texts() -> list[tuple[str, str, str | None]]:
    import json

    seeds = ROOT.parent / "shared" / "seeds"
    if not (seeds / "expected.jsonl").exists():
        return []
    rows = []
    for line in (seeds / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        text = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", (seeds / case["seed"]).read_text(encoding="utf-8"))
        rows.append((case.get("title") or case.get("original_title_contains", ""), text, case.get("published") or "2021-12-09"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (fastest kept)")
    parser.add_argument("--errors", action="store_true", help="list every wrong field")
    parser.add_argument("--write-docs", action="store_true", help="update the numbers in docs/events.md")
    args = parser.parse_args()

    start = time.perf_counter()
    gazetteer()
    load_ms = (time.perf_counter() - start) * 1000

    sections = []
    everything = []
    for path in sorted(DATA.glob("*.jsonl")):
        batch = ev.load_articles(path)
        everything += batch
        sections.append((path.stem, ev.score(batch)))
    sections.append(("all", ev.score(everything)))

    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        for article in everything:
            ev.run(article)
        best = min(best, time.perf_counter() - start)
    chars = sum(len(a["text"]) for a in everything)
    timing = (f"Speed: {best * 1000 / len(everything):.2f} ms/article over {len(everything)} articles "
              f"({chars / len(everything):.0f} characters on average), fastest of {args.repeat} runs; "
              f"loading the gazetteer once: {load_ms:.0f} ms.")

    seeds = _seed_texts()
    if seeds:
        best_seed = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            for title, text, published in seeds:
                ev.extract_event(title=title, text=text, published=published)
            best_seed = min(best_seed, time.perf_counter() - start)
        timing += (f" The five seed pages (full page text, {sum(len(t) for _, t, _ in seeds) / len(seeds):.0f} characters "
                   f"on average): {best_seed * 1000 / len(seeds):.2f} ms/article.")

    out = []
    for name, report in sections:
        out.append(f"#### {name}\n\n{ev.markdown_table(report)}\n")
        if args.errors:
            for field, lines in report.errors.items():
                out.extend(f"- {field}: {line}" for line in lines)
            out.append("")
    out.append(timing)
    text = "\n".join(out)
    print(text)
    if args.write_docs:
        doc = DOCS.read_text(encoding="utf-8")
        command = "Measured with `python bench/events.py --write-docs`:\n\n"
        doc = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: f"{START}\n{command}{text}\n{END}", doc, flags=re.S)
        DOCS.write_text(doc, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
