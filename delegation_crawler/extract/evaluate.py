"""Score article extractors on a corpus of pages with expected fields.

Used by ``bench/extract.py`` (ours next to GNE and trafilatura) and by the corpus tests
(ours only). A corpus is a directory with ``*.jsonl`` files; each line names a page and the
fields a correct extractor must find:

    {"page": "pages/x.html", "url": ..., "title": ..., "published": ISO or null,
     "published_precision": "minute"|"second"|"day"|null, "source": ... or null,
     "paragraphs": [...every one must be in the body...],
     "chrome": [...none may be in the body...]}

Comparisons ignore whitespace, so extractors that join lines differently are not penalised.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import extract_article
from . import patterns as P
from delegation_crawler.news.dates import find_datetime
from delegation_crawler.news.interpret import read_page
from .decode import decode_html


@dataclass
class Case:
    name: str
    html: str  # decoded once, so every extractor gets the same text
    expected: dict
    listing: str = ""  # which corpus listing (generated, replica) the page comes from


@dataclass
class Output:
    title: str = ""
    published: str | None = None
    body: str = ""
    source: str | None = None
    editors: list[str] | None = None  # None: the extractor does not report editors


@dataclass
class Score:
    pages: int = 0
    body: int = 0
    title: int = 0
    date: int = 0
    date_day: int = 0
    date_pages: int = 0
    source: int = 0
    source_pages: int = 0
    editors: int = 0
    editors_pages: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def pct(self, hits: int, total: int) -> float:
        return 100.0 * hits / total if total else 100.0

    @property
    def body_pct(self) -> float:
        return self.pct(self.body, self.pages)

    @property
    def title_pct(self) -> float:
        return self.pct(self.title, self.pages)

    @property
    def date_pct(self) -> float:
        return self.pct(self.date, self.date_pages)

    @property
    def date_day_pct(self) -> float:
        return self.pct(self.date_day, self.date_pages)

    @property
    def source_pct(self) -> float:
        return self.pct(self.source, self.source_pages)

    @property
    def editors_pct(self) -> float | None:
        return self.pct(self.editors, self.editors_pages) if self.editors_pages else None

    @property
    def ms_per_page(self) -> float:
        return 1000.0 * self.seconds / self.pages if self.pages else 0.0


def load_corpus(directory: Path) -> list[Case]:
    cases = []
    for listing in sorted(Path(directory).glob("*.jsonl")):
        for line in listing.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            expected = json.loads(line)
            path = listing.parent / expected["page"]
            html, _ = decode_html(path.read_bytes())
            cases.append(Case(expected["page"], html, expected, listing.stem))
    return cases


def _nospace(text: str | None) -> str:
    return P.SPACE_RE.sub("", text or "")


def _minute_key(value: str | None, precision: str | None) -> str | None:
    """Compare dates to the minute (to the day when the page shows only a day)."""
    if not value:
        return None
    parsed = find_datetime(value)
    if not parsed:
        return None
    iso = parsed[0].isoformat()
    return iso[:10] if precision == "day" else iso[:16]


def check(case: Case, out: Output) -> dict[str, bool | None]:
    """Per-field verdicts for one page (None where the page has no expected value)."""
    exp = case.expected
    body = _nospace(out.body)
    # The page's paragraphs as the reading keeps them: bylines, editor lines and 原标题 lines
    # become fields, not body.
    wanted = read_page(exp["title"], [], exp["paragraphs"]).body
    body_ok = bool(body) and all(_nospace(p) in body for p in wanted) and not any(
        _nospace(c) in body for c in exp.get("chrome", [])
    )
    date_ok = day_ok = None
    if exp.get("published"):
        want = _minute_key(exp["published"], exp.get("published_precision"))
        date_ok = _minute_key(out.published, exp.get("published_precision")) == want
        day_ok = _minute_key(out.published, "day") == _minute_key(exp["published"], "day")
    source_ok = None
    if exp.get("source"):
        source_ok = _nospace(out.source) == _nospace(exp["source"])
    editors_ok = None
    shown = exp.get("editors") and all(name in case.html for name in exp["editors"])
    if shown:  # the exact set of editor names the page credits (some templates print none)
        editors_ok = sorted(map(_nospace, out.editors or [])) == sorted(map(_nospace, exp["editors"]))
    return {
        "body": body_ok,
        "title": _nospace(out.title) == _nospace(exp["title"]),
        "date": date_ok,
        "date_day": day_ok,
        "source": source_ok,
        "editors": editors_ok,
    }


def run(name: str, extractor, cases: list[Case], repeat: int = 1, score_source: bool = True) -> Score:
    """Run ``extractor(html, url) -> Output`` on every case; time the fastest of ``repeat`` runs."""
    score = Score()
    outputs = []
    best = None
    for _ in range(max(1, repeat)):
        outputs = []
        start = time.perf_counter()
        for case in cases:
            try:
                outputs.append(extractor(case.html, case.expected.get("url")))
            except Exception as exc:  # a crashing extractor scores zero on that page
                outputs.append(Output(body=""))
                score.failures.append(f"{case.name}: {type(exc).__name__}")
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    score.seconds = best or 0.0
    for case, out in zip(cases, outputs):
        verdict = check(case, out)
        if not score_source:
            verdict["source"] = None
        score.pages += 1
        score.body += bool(verdict["body"])
        score.title += bool(verdict["title"])
        if verdict["date"] is not None:
            score.date_pages += 1
            score.date += verdict["date"]
            score.date_day += verdict["date_day"]
        if verdict["source"] is not None:
            score.source_pages += 1
            score.source += verdict["source"]
        if verdict["editors"] is not None:
            score.editors_pages += 1
            score.editors += verdict["editors"]
        missed = [k for k, v in verdict.items() if v is False and k != "date_day"]
        if missed:
            score.failures.append(f"{case.name}: {','.join(missed)}")
    return score


def time_side_by_side(extractors, cases: list[Case], repeat: int = 3) -> dict[str, float]:
    """ms/page per extractor, interleaved page by page so machine load hits all alike.

    Each (extractor, page) keeps its fastest of ``repeat`` runs; the result is their mean.
    """
    best: dict[tuple[str, int], float] = {}
    for _ in range(max(1, repeat)):
        for index, case in enumerate(cases):
            for label, fn in extractors:
                start = time.perf_counter()
                try:
                    fn(case.html, case.expected.get("url"))
                except Exception:
                    pass
                elapsed = time.perf_counter() - start
                key = (label, index)
                best[key] = min(best.get(key, elapsed), elapsed)
    return {label: 1000.0 * sum(best[(label, i)] for i in range(len(cases))) / max(1, len(cases))
            for label, _ in extractors}


# ------------------------------------------------------------------ the three extractors


def ours(html: str, url: str | None) -> Output:
    article = extract_article(html, url=url)
    return Output(article.title, article.published, article.body, article.source, article.editors)


def gne_extractor():
    from gne import GeneralNewsExtractor

    extractor = GeneralNewsExtractor()

    def run_gne(html: str, url: str | None) -> Output:
        result = extractor.extract(html)
        return Output(result.get("title") or "", result.get("publish_time") or None, result.get("content") or "", None)

    return run_gne


def trafilatura_extractor():
    import trafilatura

    def run_trafilatura(html: str, url: str | None) -> Output:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
        if doc is None:
            return Output()
        return Output(doc.title or "", doc.date, doc.text or "", doc.sitename)

    return run_trafilatura
