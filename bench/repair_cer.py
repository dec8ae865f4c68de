"""Character error rate of repair() per damage class, on corruption round trips.

Clean text: the five seed articles after repair, as paragraphs, in simplified script (and
traditional where the mechanism produces it). Each class corrupts every paragraph with its
mechanism, repairs it and compares with the clean paragraph. Prints the Markdown table kept
in docs/repair.md.

    python bench/repair_cer.py [--paragraphs N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from delegation_crawler.text import corruption as c  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def clean_paragraphs() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        sys.exit(f"no seed texts in {SEEDS}")
    return c.clean_paragraphs(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=0, help="use only the first N")
    args = parser.parse_args()
    paragraphs = clean_paragraphs()
    if args.paragraphs:
        paragraphs = paragraphs[: args.paragraphs]
    results = c.measure_round_trips(paragraphs)
    print(f"{len(paragraphs)} clean paragraphs, {sum(len(p) for p in paragraphs)} characters\n")
    print("| damage class | cases | CER damaged | CER repaired |")
    print("| --- | ---: | ---: | ---: |")
    for kind, (n, before, after) in results.items():
        print(f"| {kind} | {n} | {before:.2%} | {after:.2%} |")


if __name__ == "__main__":
    main()
