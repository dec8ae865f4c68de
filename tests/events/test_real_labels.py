"""The committed real-set labels are well formed (their texts live outside the project).

Checks facts only: every label parses, names a known kind, has a unique URL and id, codes that
the gazetteer knows, ISO dates in order, sides, a split that follows from the URL, and no
article text (a label is a handful of fields, never a page).
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

from delegation_crawler.places import gazetteer

ROOT = Path(__file__).resolve().parents[2]
LABELS = sorted((ROOT / "bench" / "data" / "real_events").glob("labels-*.jsonl"))


def _tool():
    spec = importlib.util.spec_from_file_location("events_label", ROOT / "bench" / "realdata" / "events_label.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_label_is_well_formed():
    tool, gaz = _tool(), gazetteer()
    rows = [json.loads(line) for path in LABELS for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 300
    assert len({r["url"] for r in rows}) == len(rows) and len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert set(row) <= {"id", "url", "query", "published", "split", "kind", "expected", "sha256", "batch", "note"}
        assert row["kind"] in tool.KINDS and row["id"] == tool.article_id(row["url"])
        assert row["split"] == tool.split_of(row["url"]) and len(row["sha256"]) == 64
        gold = row["expected"]
        assert gold["is_delegation_visit"] == (row["kind"] == "visit")
        if not gold["is_delegation_visit"]:
            continue
        assert gaz.get(gold["visitor_code"]) and gaz.get(gold["host_code"]), row["id"]
        if gold["start_date"]:
            assert date.fromisoformat(gold["start_date"]) <= date.fromisoformat(gold["end_date"])
        assert all(leader["side"] in ("visitor", "host") for leader in gold["leaders"])
        assert len(json.dumps(row, ensure_ascii=False)) < 4000, f"{row['id']}: a label, not a page"
