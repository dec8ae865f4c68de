"""Delegation-visit events: precision/recall per labelled batch and ms/article, one run.

    python bench/events.py [--repeat N] [--errors] [--write-docs]
    python bench/events.py --real [--split dev|heldout|all|fresh|fresh2|...|fresh5] [--no-repair] [--errors]

``--real`` scores the real reports of bench/data/real_events (labels committed, texts in the
cache ~/.cache/delegation_crawler/real_events/, see docs/events.md for rebuilding it) the way
the batch CLI reads them: repaired, with only title, text, publish date and URL.

Scores extract_event on every batch in tests/data/events (articles = development set,
heldout = written after the rules, hard = wording found missing), prints one table per batch
and for all together, scores the replica sites' articles against their own labels (written by
the replica's author, so an outside check), then times extract_event over all labelled articles (fastest of N runs)
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


def _replica_articles() -> list[dict]:
    """The replica sites' articles (written by the replica's author, with their own visit labels)
    in the labelled-set format; [] when the replica content is absent or its format changed."""
    import json

    from delegation_crawler.portals import home_place

    rows = []
    gaz = gazetteer()
    for path in sorted((ROOT / "delegation_crawler" / "replica" / "content").glob("*.json")):
        portal = path.stem
        try:
            for item in json.loads(path.read_text(encoding="utf-8")):
                visit = item.get("visit")
                expected = {"is_delegation_visit": bool(visit)}
                if visit:
                    codes = [gaz.resolve(visit[side]) for side in ("visitor", "host")]
                    if None in codes:
                        continue
                    expected.update({"visitor_code": codes[0].code, "host_code": codes[1].code,
                                     "start_date": visit["start_date"], "end_date": visit["end_date"],
                                     "agreements": visit["agreements"],
                                     "leaders": [{"name": x["name"], "side": x["side"]} for x in visit["leaders"]]})
                text = "\n".join(([item["byline"]] if item.get("byline") else []) + item["paragraphs"])
                rows.append({"id": item["key"], "portal": portal, "source": item.get("source"),
                             "home_place": home_place(portal), "published": item.get("published"),
                             "title": item["title"], "text": text, "expected": expected})
        except (KeyError, TypeError, ValueError):
            return []
    return rows


REAL_LABELS = ROOT / "bench" / "data" / "real_events"
# Batches labelled after the rules were frozen, by round: each round is run once untouched,
# then studied (fresh: frozen at 870f2ba; fresh2: frozen before its first run, see docs/events.md).
FRESH_ROUNDS = {"fresh": ("f1", "f2", "f3"), "fresh2": ("f4", "f5"), "fresh3": ("f6", "f7"),
                "fresh4": ("f8",), "fresh5": ("f9",)}


def real_articles(split: str) -> tuple[list[dict], int]:
    """The real labelled reports whose text is in the cache (and how many labels lack it)."""
    import hashlib
    import json
    import os

    cache = Path(os.environ.get("DELEGATION_REAL_CACHE", Path.home() / ".cache" / "delegation_crawler")) / "real_events"
    rows, missing = [], 0
    for path in sorted(REAL_LABELS.glob("labels-*.jsonl")):
        batch = path.stem.removeprefix("labels-")
        fresh = next((name for name, batches in FRESH_ROUNDS.items() if batch in batches), None)
        if batch.startswith("f") and fresh is None:
            continue  # a fresh batch not yet given a round stays out of every split
        if (split in FRESH_ROUNDS) != bool(fresh) or (fresh and fresh != split):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            label = json.loads(line)
            if split != "all" and split not in FRESH_ROUNDS and label["split"] != split:
                continue
            try:
                page = json.loads((cache / f"{label['id']}.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                missing += 1
                continue
            digest = hashlib.sha256((page["title"] + "\n" + page["text"]).encode("utf-8")).hexdigest()
            if digest != label["sha256"] and not page.get("rebuilt_checked"):
                missing += 1  # a text the label was not made from (rebuilt ones are re-checked)
                continue
            rows.append({"id": label["id"], "title": page["title"], "text": page["text"], "url": label["url"],
                         "published": label["published"], "expected": label["expected"], "kind": label["kind"]})
    return rows, missing


def main_real(args) -> int:
    from delegation_crawler.events.__main__ import event_for

    splits = ["dev", "heldout"] if args.split == "all" else [args.split]
    out = []
    for split in splits:
        rows, missing = real_articles(split)
        if not rows:
            print(f"no cached texts for the {split} split ({missing} labels without text): see docs/events.md")
            return 1
        runner = lambda article: event_for(article, repair_text=not args.no_repair)  # noqa: E731
        report = ev.score(rows, runner=runner)
        out.append(f"#### real reports, {split} ({missing} labels without cached text)\n\n{ev.markdown_table(report)}\n")
        if args.errors:
            for field, lines in report.errors.items():
                out.extend(f"- {field}: {line}" for line in lines)
            out.append("")
    out.append(_real_timing(real_articles("all")[0] + (real_articles(args.split)[0] if args.split in FRESH_ROUNDS else [])))
    print("\n".join(out))
    return 0


def _real_timing(rows: list[dict]) -> str:
    """Median extract_event time per real article, and a new process's first event (import,
    place index load from the build cache, one event), in one run."""
    import statistics

    times = []
    for article in rows:
        start = time.perf_counter()
        ev.extract_event(title=article["title"], text=article["text"], published=article.get("published"),
                         url=article.get("url"))
        times.append((time.perf_counter() - start) * 1000)
    return (f"Speed on the real reports: median {statistics.median(times):.2f} ms/article "
            f"(p90 {sorted(times)[int(len(times) * 0.9)]:.2f} ms, {len(rows)} articles, "
            f"{sum(len(a['text']) for a in rows) / len(rows):.0f} characters on average); "
            f"a new process's first event, imports and place index included: {first_event_ms():.0f} ms.")


def first_event_ms() -> float:
    """A new process: import, load the place index (from the build cache), extract one event."""
    import subprocess

    probe = ("import time; t = time.perf_counter(); from delegation_crawler.events import extract_event; "
             "extract_event(title='巴中市党政代表团到我市考察', text='12月8日，巴中市党政代表团到自贡考察。', published='2021-12-09'); "
             "print((time.perf_counter() - t) * 1000)")
    first = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(first.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (fastest kept)")
    parser.add_argument("--errors", action="store_true", help="list every wrong field")
    parser.add_argument("--write-docs", action="store_true", help="update the numbers in docs/events.md")
    parser.add_argument("--real", action="store_true", help="score the real reports (needs the cache)")
    parser.add_argument("--split", default="dev", choices=("dev", "heldout", "all", *FRESH_ROUNDS),
                        help="with --real: dev, heldout, both, or the fresh batches (labels-f*) labelled last")
    parser.add_argument("--no-repair", action="store_true", help="with --real: no text repair first")
    args = parser.parse_args()
    if args.real:
        return main_real(args)

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
    replica = _replica_articles()
    if replica:
        sections.append(("replica content (external labels, not in the tests)", ev.score(replica)))

    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        for article in everything:
            ev.run(article)
        best = min(best, time.perf_counter() - start)
    chars = sum(len(a["text"]) for a in everything)
    timing = (f"Speed: {best * 1000 / len(everything):.2f} ms/article over {len(everything)} articles "
              f"({chars / len(everything):.0f} characters on average), fastest of {args.repeat} runs; "
              f"loading the gazetteer once: {load_ms:.0f} ms; a new process's first event, imports and "
              f"place index included: {first_event_ms():.0f} ms.")

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
