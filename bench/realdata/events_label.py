"""Labelling tool for the real delegation-visit set (workshop, not runtime).

Why: real article text may not enter the repository, so each labelled article is split in
two at the moment it is labelled: the text goes to the cache outside the project
(``~/.cache/delegation_crawler/real_events/<id>.json``) and only facts go to the committed
label file (URL, the query that finds it, publish date, the hand label, the text's SHA-256).
Every label is checked against the text it describes (names, agreements and sites must occur
in it), so a typo in a label is caught when it is made, not when it is scored.

    python bench/realdata/events_label.py place 大足 璧山区 张家口      # codes for names
    python bench/realdata/events_label.py add PAGE_FILE                # cache text + append label
    python bench/realdata/events_label.py check                        # validate every label
    python bench/realdata/events_label.py todo [SHARD/SHARDS]          # queries whose texts are missing
    python bench/realdata/events_label.py rebuild EXCERPT_FILE...      # restore the cache on a new machine

A page file:  header lines ``url:``, ``query:``, ``published:`` (YYYY-MM-DD[ HH:MM] or
``none``), ``batch:``, ``label:`` (one line of JSON), then a line ``---``, then the excerpt as
the search tool returned it, title on the first line.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

LABELS = ROOT / "bench" / "data" / "real_events"
CACHE = Path(os.environ.get("DELEGATION_REAL_CACHE", Path.home() / ".cache" / "delegation_crawler")) / "real_events"
KINDS = {"visit", "own_territory", "foreign", "business", "media", "third_place", "announced", "past_mention",
         "nested_higher", "other_non_visit"}


def article_id(url: str) -> str:
    return "r" + hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:10]


def split_of(url: str) -> str:
    """Fixed before any tuning: a third of the URLs (by hash) is the held-out set."""
    return "heldout" if int(hashlib.sha1(url.strip().encode("utf-8")).hexdigest(), 16) % 3 == 0 else "dev"


def _t2s():
    import opencc

    return opencc.OpenCC("t2s").convert


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _published(value: str) -> str | None:
    value = value.strip()
    if value.lower() in ("", "none", "null"):
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?", value)
    if not m:
        raise ValueError(f"published {value!r}: want YYYY-MM-DD or YYYY-MM-DD HH:MM or none")
    y, mo, d, hh, mm = m.groups()
    date(int(y), int(mo), int(d))
    return f"{y}-{mo}-{d}T{int(hh or 0):02d}:{mm or '00'}:00+08:00"


def read_page(path: Path) -> tuple[dict, str]:
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise ValueError("no '---' line between the header and the excerpt")
    meta = {}
    for line in head.splitlines():
        if line.strip():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    for key in ("url", "query", "published", "batch", "label"):
        if key not in meta:
            raise ValueError(f"header line {key}: missing")
    return meta, body.strip("\n")


def check_label(label: dict, text: str) -> dict:
    """The label in the scorer's form, or ValueError naming what does not hold."""
    from delegation_crawler.places import gazetteer

    from delegation_crawler.text import repair

    gaz = gazetteer()
    # Labels are clean forms: a name must occur in the text as published or as repaired
    # (pinyin residue such as 協(xié)議 is not part of a name).
    simple = _norm(_t2s()(text)) + "\n" + _norm(_t2s()(repair(text).text))
    kind = label.get("kind", "visit" if label.get("visit") else None)
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r}: one of {sorted(KINDS)}")
    visit = kind == "visit"
    out = {"is_delegation_visit": visit}
    if not visit:
        return {"expected": out, "kind": kind}
    for side in ("visitor", "host"):
        code = label.get(f"{side}_code")
        place = gaz.get(code)
        if place is None:
            raise ValueError(f"{side}_code {code!r} is not a GB/T 2260 code in the gazetteer")
        out[f"{side}_name"] = label.get(side) or place.canonical_name
        out[f"{side}_code"] = code
    if out["visitor_code"] == out["host_code"]:
        raise ValueError("visitor and host are the same place")
    for key in ("start_date", "end_date"):
        value = label.get(key)
        if value is not None:
            date.fromisoformat(value)
        out[key] = value
    if (out["start_date"] is None) != (out["end_date"] is None):
        raise ValueError("start_date and end_date are both null or both set")
    if out["start_date"] and out["start_date"] > out["end_date"]:
        raise ValueError("start_date after end_date")
    leaders = []
    for entry in label.get("leaders", []):
        name, side, *title = entry
        if side not in ("visitor", "host"):
            raise ValueError(f"leader {name}: side {side!r}")
        if _norm(name) not in simple:
            raise ValueError(f"leader {name!r} does not occur in the text (simplified)")
        leaders.append({"name": name, "side": side, "title": title[0] if title else ""})
    out["leaders"] = leaders
    for key in ("agreements", "sites"):
        values = label.get(key, [])
        for value in values:
            if _norm(value) not in simple:
                raise ValueError(f"{key[:-1]} {value!r} does not occur in the text (simplified)")
        out[key] = values
    return {"expected": out, "kind": kind}


def _known_urls() -> dict[str, str]:
    urls = {}
    for path in sorted(LABELS.glob("labels-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                urls[row["url"]] = path.name
    return urls


def add(path: Path) -> str:
    meta, text = read_page(path)
    url = meta["url"]
    if url in _known_urls():
        raise ValueError(f"{url} is labelled already")
    label = json.loads(meta["label"])
    checked = check_label(label, text)
    title, _, body = text.partition("\n")
    aid = article_id(url)
    record = {"id": aid, "url": url, "query": meta["query"], "published": _published(meta["published"]),
              "title": title.strip(), "text": body.strip()}
    record["sha256"] = hashlib.sha256((record["title"] + "\n" + record["text"]).encode("utf-8")).hexdigest()
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / f"{aid}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    row = {"id": aid, "url": url, "query": meta["query"], "published": record["published"],
           "split": split_of(url), "kind": checked["kind"], "expected": checked["expected"],
           "sha256": record["sha256"], "batch": meta["batch"]}
    if label.get("note"):
        row["note"] = label["note"]
    LABELS.mkdir(parents=True, exist_ok=True)
    with open(LABELS / f"labels-{meta['batch']}.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return f"added {aid} ({checked['kind']}) from {url}"


def _labels() -> list[dict]:
    rows = []
    for path in sorted(LABELS.glob("labels-*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return rows


def _cached_ok(row: dict) -> bool:
    try:
        page = json.loads((CACHE / f"{row['id']}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return page.get("sha256") == row["sha256"] or bool(page.get("rebuilt_checked"))


def todo(shard: str | None) -> None:
    """Per query, the labelled URLs whose text is not in the cache (the rebuild work list)."""
    index, count = (int(x) for x in shard.split("/")) if shard else (1, 1)
    by_query: dict[str, list[dict]] = {}
    for row in _labels():
        by_query.setdefault(row["query"], []).append(row)
    for n, query in enumerate(sorted(by_query)):  # shards stay fixed as the cache fills
        by_query[query] = [row for row in by_query[query] if not _cached_ok(row)]
        if n % count == index - 1 and by_query[query]:
            print(json.dumps({"query": query, "want": {r["url"]: r["id"] for r in by_query[query]}},
                             ensure_ascii=False))


def rebuild(path: Path) -> str:
    """Restore cache entries from an excerpt file (``url:`` line, ``---``, the excerpt) or from
    a ``.jsonl`` file of search results (``{"url": ..., "excerpt": ...}`` a line).

    The text is kept when its SHA-256 is the labelled one, or when it differs (a corpus
    refresh, a copy slip) but every name, agreement and site of the label still occurs in it;
    the bench counts those separately."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":  # search results pasted as they came: {"url": ..., "excerpt": ...}
        return "\n".join(_rebuild_one(row["url"], row["excerpt"])
                         for row in map(json.loads, filter(str.strip, raw.splitlines())))
    head, sep, body = raw.partition("\n---\n")
    url = next((line.partition(":")[2].strip() for line in head.splitlines() if line.startswith("url:")), None)
    if not sep or not url:
        raise ValueError("want a 'url:' line, then '---', then the excerpt")
    return _rebuild_one(url, body)


def _rebuild_one(url: str, body: str) -> str:
    row = next((r for r in _labels() if r["url"] == url), None)
    if row is None:
        return f"{url}: no label, skipped"
    title, _, text = body.strip("\n").partition("\n")
    record = {"id": row["id"], "url": url, "query": row["query"], "published": row["published"],
              "title": title.strip(), "text": text.strip()}
    record["sha256"] = hashlib.sha256((record["title"] + "\n" + record["text"]).encode("utf-8")).hexdigest()
    status = "exact"
    if record["sha256"] != row["sha256"]:
        expected = row["expected"]
        simple = _norm(_t2s()(body))
        from delegation_crawler.text import repair

        simple += "\n" + _norm(_t2s()(repair(body).text))
        wanted = [l["name"] for l in expected.get("leaders", [])] + expected.get("agreements", []) + \
            expected.get("sites", [])
        lost = [w for w in wanted if _norm(w) not in simple]
        if lost:
            return f"{row['id']}: NOT RESTORED: text differs from the labelled one and lacks {lost}"
        record["rebuilt_checked"] = True
        status = "differs, label re-checked"
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / f"{row['id']}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return f"{row['id']}: {status}"


def place(names: list[str]) -> None:
    from delegation_crawler.places import gazetteer

    gaz = gazetteer()
    for name in names:
        found = gaz.candidates(name) or ([gaz.resolve(name)] if gaz.resolve(name) else [])
        if not found:
            print(f"{name}: not found")
        for p in found:
            print(f"{name}: {p.code} {p.canonical_name} ({p.level}, {p.province}, last listed {p.last_year})")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("place", "add", "check", "todo", "rebuild"):
        print(__doc__)
        return 2
    if argv[0] == "place":
        place(argv[1:])
        return 0
    if argv[0] == "todo":
        todo(argv[1] if len(argv) > 1 else None)
        return 0
    if argv[0] in ("add", "rebuild"):
        status = 0
        for name in argv[1:]:
            try:
                print((add if argv[0] == "add" else rebuild)(Path(name)))
            except (ValueError, KeyError, json.JSONDecodeError) as exc:
                print(f"{name}: NOT ADDED: {exc}")
                status = 1
        return status
    bad = 0
    for path in sorted(LABELS.glob("labels-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            cached = CACHE / f"{row['id']}.json"
            if not cached.exists():
                print(f"{row['id']}: no cached text")
                bad += 1
    print(f"checked; {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
