"""How this project reads a Chinese news page: dates, bylines and labels, in one place.

Both the portal selectors and the generic extractor locate text; what a date line or a byline
*means* is decided here, once, so the two paths (and the event extractor) cannot disagree.
"""
