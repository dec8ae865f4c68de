"""Precision / recall of the near-duplicate decision on a labelled pair set.

Each pair runs through a real ``Deduper`` on a fresh in-memory SQLite store: the first text
is observed, then the second, and the pair counts as judged duplicate when both end in one
story. ``python -m delegation_crawler.dedupe.quality PAIRS.jsonl [--sweep]`` prints the
table used in docs/dedupe.md.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from delegation_crawler.dedupe.engine import Deduper
from delegation_crawler.dedupe.params import Params
from delegation_crawler.dedupe.store import SQLiteStore


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_pairs(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def judge(a: str, b: str, params: Params) -> bool:
    store = SQLiteStore(":memory:", params)
    try:
        deduper = Deduper(store)
        first = deduper.observe("https://a.example.cn/1.html", a)
        second = deduper.observe("https://b.example.cn/2.html", b)
        return second.story_id == first.story_id
    finally:
        store.close()


def evaluate(pairs: list[dict], params: Params | None = None) -> Score:
    params = params or Params()
    score = Score()
    for p in pairs:
        said = judge(p["a"], p["b"], params)
        truth = p["label"] == "duplicate"
        score.by_kind[p["kind"]][0] += said == truth
        score.by_kind[p["kind"]][1] += 1
        if said and truth:
            score.tp += 1
        elif said:
            score.fp += 1
            score.errors.append(("false duplicate", p["a_id"], p["b_id"]))
        elif truth:
            score.fn += 1
            score.errors.append(("missed duplicate", p["a_id"], p["b_id"]))
        else:
            score.tn += 1
    return score


def table(score: Score) -> str:
    lines = [
        f"pairs: {score.tp + score.fn} duplicate, {score.fp + score.tn} distinct",
        f"precision {score.precision:.3f}  recall {score.recall:.3f}  (tp {score.tp}, fp {score.fp}, fn {score.fn}, tn {score.tn})",
        "",
        "| kind | correct / pairs |",
        "| --- | --- |",
    ]
    lines += [f"| {kind} | {ok} / {n} |" for kind, (ok, n) in sorted(score.by_kind.items())]
    lines += [f"- {what}: {a} / {b}" for what, a, b in score.errors]
    return "\n".join(lines)


def sweep(pairs: list[dict]) -> str:
    """Precision/recall over the parameters the defaults were chosen from."""
    base = Params()
    rows = ["| shingle | bands x rows | accept J | precision | recall |", "| --- | --- | --- | --- | --- |"]
    for shingle in (2, 3, 4, 5):
        for bands, rows_per_band in ((42, 3), (32, 4)):
            for accept in (0.3, 0.4, 0.5):
                params = replace(base, shingle_size=shingle, lsh_bands=bands, lsh_rows=rows_per_band,
                                 accept_jaccard=accept)
                s = evaluate(pairs, params)
                rows.append(f"| {shingle} | {bands} x {rows_per_band} | {accept} | {s.precision:.3f} | {s.recall:.3f} |")
    return "\n".join(rows)


def margins(pairs: list[dict], thresholds=(0.3, 0.35, 0.4)) -> str:
    """Exact shingle Jaccard of the closest pairs, and the errors MinHash noise should cause.

    The estimate from ``num_perm`` values is binomial around the true Jaccard, so a threshold
    t expects sum P(estimate >= t) false duplicates over distinct pairs and sum P(< t)
    misses over duplicates (plus the LSH retrieval misses of the banding).
    """
    from statistics import NormalDist

    from delegation_crawler.dedupe.canonical import canonical_body, content_chars, shingles

    base, normal = Params(), NormalDist()
    rows = ["| shingle | closest distinct J | loosest duplicate J | t | expected false dup | expected missed |",
            "| --- | --- | --- | --- | --- | --- |"]
    for size in (3, 4, 5):
        distinct, dup = [], []
        for p in pairs:
            a, b = (shingles(content_chars(canonical_body(t)), size) for t in (p["a"], p["b"]))
            (dup if p["label"] == "duplicate" else distinct).append(len(a & b) / len(a | b))
        retrieval_miss = sum((1 - j**base.lsh_rows) ** base.lsh_bands for j in dup)
        for t in thresholds:
            def below(j):
                sd = max(j * (1 - j), 1e-9) ** 0.5 / base.num_perm**0.5
                return normal.cdf((t - j) / sd)
            rows.append(f"| {size} | {max(distinct):.3f} | {min(dup):.3f} | {t} | "
                        f"{sum(1 - below(j) for j in distinct):.2f} | {sum(below(j) for j in dup) + retrieval_miss:.2f} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pairs", nargs="?", default="tests/data/dedupe/pairs.jsonl")
    parser.add_argument("--sweep", action="store_true", help="also print the parameter sweep")
    args = parser.parse_args()
    pairs = load_pairs(args.pairs)
    print(table(evaluate(pairs)))
    if args.sweep:
        print()
        print(sweep(pairs))
        print()
        print(margins(pairs))


if __name__ == "__main__":
    main()
