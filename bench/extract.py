"""Generic article extraction: ours vs GNE vs trafilatura on the same pages, one run.

    python bench/extract.py [--repeat N] [--failures]

Reads every corpus listing under tests/data/extract (generated CMS pages and replica pages),
decodes each page once, then runs the three extractors over all pages and prints accuracy
per field and ms/page (timed page by page, interleaved, fastest of N runs). Body = every expected paragraph present and no chrome string;
title = exact (whitespace ignored); date = to the minute (to the day where the page shows
only a day); source is ours only (GNE has no source field, trafilatura's sitename is the
site, not the source paper).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from delegation_crawler.extract import evaluate as ev  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="timing runs per extractor (fastest kept)")
    parser.add_argument("--failures", action="store_true", help="list the pages each extractor got wrong")
    args = parser.parse_args()
    cases = ev.load_corpus(ROOT / "tests" / "data" / "extract")
    extractors = [("delegation_crawler.extract", ev.ours)]
    for label, factory in (("GNE", ev.gne_extractor), ("trafilatura", ev.trafilatura_extractor)):
        try:
            extractors.append((label, factory()))
        except ImportError as exc:
            print(f"skipping {label} ({exc}): it is a bench extra, .venv/bin/pip install -e '.[bench]'", file=sys.stderr)
    groups = [("all pages", cases)] + [
        (f"{name} pages", [c for c in cases if c.listing == name]) for name in sorted({c.listing for c in cases})
    ] + [("held-out templates (written after tuning)", [c for c in cases if c.expected.get("held_out")])]
    all_scores = []
    for title, group in groups:
        scores = [(label, ev.run(label, fn, group, score_source=fn is ev.ours)) for label, fn in extractors]
        # timing once, on all pages; the subsets show accuracy only
        ms = ev.time_side_by_side(extractors, group, repeat=args.repeat) if not all_scores else None
        all_scores.append(scores)
        print(f"\n### {title}: {len(group)} pages ({scores[0][1].date_pages} showing a date)\n")
        print("| extractor | body | title | date (minute) | date (day) | source | editors | ms/page |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for label, s in scores:
            source = f"{s.source_pct:.1f}%" if label == "delegation_crawler.extract" else "n/a"
            editors = "n/a" if label != "delegation_crawler.extract" or s.editors_pct is None else f"{s.editors_pct:.1f}%"
            print(
                f"| {label} | {s.body_pct:.1f}% | {s.title_pct:.1f}% | {s.date_pct:.1f}% | {s.date_day_pct:.1f}% "
                f"| {source} | {editors} | {f'{ms[label]:.2f}' if ms else '-'} |"
            )
        if ms and ms[extractors[0][0]]:
            ours_ms = ms[extractors[0][0]]
            print("\n" + "; ".join(f"{label} takes {ms[label] / ours_ms:.1f}x our time" for label, _ in extractors[1:]))
    scores = all_scores[0]
    if args.failures:
        for label, s in scores:
            print(f"\n## {label}: {len(s.failures)} page failures")
            for line in s.failures:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
