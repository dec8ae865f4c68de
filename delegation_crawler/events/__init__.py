"""Structured delegation-visit events from article text (plain library, no Scrapy).

``extract_event(title=..., text=..., published=..., source=..., home_place=...)`` returns a
dict: is_delegation_visit, visitor/host ({name, code, level, province}), start_date,
end_date, leaders [{name, title, side}], agreements, sites, activities, confidence, reason.
"""

import json
from importlib import resources

from .agreements import find_agreements, find_sites
from .extract import ACTIVITIES, extract_event

EVENT_FIELDS = (
    "is_delegation_visit", "visitor", "host", "start_date", "end_date", "leaders", "agreements", "sites",
    "activities", "confidence", "reason",
)



def event_schema() -> dict:
    """JSON Schema of the event dict (for warehouse validation and tests)."""
    return json.loads(resources.files(__package__).joinpath("event.schema.json").read_text(encoding="utf-8"))


__all__ = ["event_schema", "extract_event", "find_agreements", "find_sites", "EVENT_FIELDS", "ACTIVITIES"]
