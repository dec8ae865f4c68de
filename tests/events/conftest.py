"""Shared helpers for the event tests: seed texts with a light local cleanup."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
DATA = Path(__file__).resolve().parents[1] / "data" / "events"

# Publish times the seed pages give but the seed texts do not (see expected.jsonl notes).
SEED_PUBLISHED = {"000": "2021-12-09T00:00:00+08:00", "001": "2020-04-30T00:00:00+08:00"}
SEED_SOURCE = {"002": "攀枝花日报", "003": "广元日报", "004": "秀山网"}
# yybnet has no single home: seed 002 sits in the 成都新闻 column.
SEED_HOME = {"zgm": "510300", "chaotian": "510812", "xiushan": "500241", "yybnet": "510100"}

_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def light_cleanup(text: str) -> str:
    """Drop `(pīn)` annotations only; everything else is left for the extractor to cope with."""
    return _PINYIN.sub("", text)


def seed_cases() -> list[dict]:
    if not (SEEDS / "expected.jsonl").exists():
        return []
    return [json.loads(line) for line in (SEEDS / "expected.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def labelled() -> list[dict]:
    from delegation_crawler.events.evaluation import load_articles

    return load_articles(DATA)
