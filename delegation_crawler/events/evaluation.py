"""Precision/recall of extract_event against hand-labelled articles (tests/data/events).

One definition used by the tests, the bench script and docs/events.md, so the numbers in the
docs are the numbers the tests hold the code to.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..portals import home_place
from .extract import extract_event

TARGETS = {"visitor": 0.95, "host": 0.95, "dates": 0.95, "agreements": 0.90, "leaders_f1": 0.85}


@dataclass
class Count:
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    articles: int = 0
    visits: int = 0
    non_visits: int = 0
    false_visits: list[str] = field(default_factory=list)
    missed_visits: list[str] = field(default_factory=list)
    counts: dict[str, Count] = field(default_factory=lambda: {k: Count() for k in ("visitor", "host", "dates", "agreements", "leaders")})
    errors: dict[str, list[str]] = field(default_factory=dict)

    def note(self, kind: str, article_id: str, detail: str) -> None:
        self.errors.setdefault(kind, []).append(f"{article_id}: {detail}")


def load_articles(path: str | Path) -> list[dict]:
    rows = []
    for path_ in sorted(Path(path).glob("*.jsonl")) if Path(path).is_dir() else [Path(path)]:
        with open(path_, encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    return rows


def run(article: dict) -> dict:
    """extract_event on one labelled record (home place as the pipeline would pass it)."""
    home = article.get("home_place") or home_place(article.get("portal"))
    return extract_event(title=article["title"], text=article["text"], published=article.get("published"),
                         source=article.get("source"), home_place=home, url=article.get("url"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def score(articles: list[dict], runner=run) -> Report:
    report = Report(articles=len(articles))
    for article in articles:
        gold = article["expected"]
        event = runner(article)
        aid = article["id"]
        if not gold["is_delegation_visit"]:
            report.non_visits += 1
            if event["is_delegation_visit"]:
                report.false_visits.append(aid)
            continue
        report.visits += 1
        if not event["is_delegation_visit"]:
            report.missed_visits.append(f"{aid} ({event['reason']})")
        for side in ("visitor", "host"):
            count = report.counts[side]
            count.gold += 1
            got = (event.get(side) or {}).get("code")
            if got:
                count.predicted += 1
            if got == gold[f"{side}_code"]:
                count.correct += 1
            else:
                report.note(side, aid, f"got {got}, want {gold[f'{side}_code']}")
        count = report.counts["dates"]
        want = (gold["start_date"], gold["end_date"])
        got = (event.get("start_date"), event.get("end_date"))
        # Every labelled visit counts, also those whose text gives no date (want null).
        count.gold += 1
        count.predicted += 1 if event["is_delegation_visit"] else 0
        if got == want and event["is_delegation_visit"]:
            count.correct += 1
        else:
            report.note("dates", aid, f"got {got}, want {want}")
        count = report.counts["agreements"]
        want_a = {_norm(a) for a in gold["agreements"]}
        got_a = {_norm(a) for a in event.get("agreements", [])}
        count.gold += len(want_a)
        count.predicted += len(got_a)
        count.correct += len(want_a & got_a)
        if want_a != got_a:
            report.note("agreements", aid, f"missing {sorted(want_a - got_a)}, extra {sorted(got_a - want_a)}")
        count = report.counts["leaders"]
        want_l = {(x["name"], x["side"]) for x in gold["leaders"]}
        got_l = {(x["name"], x["side"]) for x in event.get("leaders", [])}
        count.gold += len(want_l)
        count.predicted += len(got_l)
        count.correct += len(want_l & got_l)
        if want_l != got_l:
            report.note("leaders", aid, f"missing {sorted(want_l - got_l)}, extra {sorted(got_l - want_l)}")
    return report


def markdown_table(report: Report) -> str:
    lines = [
        f"Labelled set: {report.articles} articles ({report.visits} visits, {report.non_visits} non-visits).",
        f"Non-visits classified as visits: {len(report.false_visits)}"
        + (f" ({', '.join(report.false_visits)})" if report.false_visits else "")
        + f"; visits missed: {len(report.missed_visits)}"
        + (f" ({', '.join(report.missed_visits)})" if report.missed_visits else "") + ".",
        "",
        "| field | precision | recall | F1 | correct / predicted / gold | target |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    targets = {"visitor": "P,R ≥ 0.95", "host": "P,R ≥ 0.95", "dates": "P,R ≥ 0.95", "agreements": "P,R ≥ 0.90",
               "leaders": "F1 ≥ 0.85"}
    for name, count in report.counts.items():
        lines.append(f"| {name} | {count.precision:.3f} | {count.recall:.3f} | {count.f1:.3f} | "
                     f"{count.correct} / {count.predicted} / {count.gold} | {targets[name]} |")
    return "\n".join(lines)
