"""docs/settings.md lists every setting of settings.py and every spider argument."""

from __future__ import annotations

import inspect
import re

from delegation_crawler import settings
from delegation_crawler.portal_spider import PortalSpider
from spiders.generic import GenericSpider
from tests.conftest import REPO

TABLE = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_table():
    missing = [name for name in dir(settings) if name.isupper() and f"`{name}`" not in TABLE]
    assert missing == []


def test_every_spider_argument_is_in_the_table():
    arguments = set()
    for cls in (PortalSpider, GenericSpider):
        arguments |= {p for p in inspect.signature(cls.__init__).parameters if p not in ("self", "args", "kwargs")}
    arguments.add("replica_url")  # taken by PortalSpider.from_crawler
    listed = set(re.findall(r"^\| `(\w+)` \| (?:every portal|generic)", TABLE, re.MULTILINE))
    assert arguments <= listed, arguments - listed
