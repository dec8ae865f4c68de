"""Structured delegation-visit events from article text (plain library, no Scrapy).

``extract_event(title=..., text=..., published=..., source=..., home_place=...)`` returns a
dict: is_delegation_visit, visitor/host ({name, code, level, province}), start_date,
end_date, leaders [{name, title, side}], agreements, sites, activities, confidence, reason.
"""

from .extract import ACTIVITIES, extract_event, find_agreements, find_sites

EVENT_FIELDS = (
    "is_delegation_visit", "visitor", "host", "start_date", "end_date", "leaders", "agreements", "sites",
    "activities", "confidence", "reason",
)

__all__ = ["extract_event", "find_agreements", "find_sites", "EVENT_FIELDS", "ACTIVITIES"]
