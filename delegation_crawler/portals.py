"""The portals this project knows, in one place: the replica manifests.

Each portal has a spider (``spiders/<portal>.py``), a replica folder
(``replica/sites/<portal>/manifest.json``, written by its builder) and nothing else to
register: the names, hosts and home places code outside the spiders needs are read from the
manifests, without importing Scrapy. ``home_place`` is the GB/T 2260 code of the place whose
news the portal is, so that 我市/我县/我区 in a story resolve; an aggregator (yybnet) has none:
its stories take the column's city or the source paper's city.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

SITES = Path(__file__).resolve().parent / "replica" / "sites"


@lru_cache(maxsize=1)
def _manifests() -> dict[str, dict]:
    found = {}
    for path in sorted(SITES.glob("*/manifest.json")):
        manifest = json.loads(path.read_text(encoding="utf-8"))
        found[manifest["portal"]] = {key: manifest.get(key) for key in ("portal", "name", "hosts", "home_place")}
        articles = [a["url"] for a in manifest.get("articles", []) if not a.get("edited_in_edition")]
        found[manifest["portal"]]["sample_article"] = articles[0] if articles else None
    return found


def portal_names() -> list[str]:
    """Every portal with a replica, in a stable order."""
    return list(_manifests())


def home_place(portal: str | None) -> str | None:
    """The portal's home place code (None for an aggregator or an unknown portal)."""
    return (_manifests().get(portal) or {}).get("home_place") if isinstance(portal, str) else None


def sample_article(portal: str | None) -> str | None:
    """One article URL of the portal (the first of its replica), for ``scrapy check``."""
    return (_manifests().get(portal) or {}).get("sample_article") if isinstance(portal, str) else None
