"""Repair every text field of one located page, with the whole page as context.

The repair pipeline and the debug CLIs share this, so a page reads the same wherever it is
looked at.
"""

from __future__ import annotations

from delegation_crawler.text.repair import repair


def page_text(page) -> str:
    """All text fields of the page, joined: the context repair() guesses lost bytes from."""
    parts = [page.title or ""]
    for name in ("subtitles", "meta", "paragraphs"):
        parts += [v for v in getattr(page, name, None) or [] if isinstance(v, str)]
    parts += [i.get("caption") or "" for i in page.images or [] if isinstance(i, dict)]
    return "\n".join(p for p in parts if isinstance(p, str))


def repair_page(page) -> dict[str, int]:
    """Repair ``page`` (an ArticlePage) in place; returns the fixes by damage class."""
    fixes: dict[str, int] = {}
    document = page_text(page)

    def fix(value):
        if not isinstance(value, str) or not value:
            return value
        result = repair(value, document)
        for kind, count in result.fixes.items():
            fixes[kind] = fixes.get(kind, 0) + count
        return result.text

    page.title = fix(page.title)
    for name in ("subtitles", "meta", "paragraphs"):
        setattr(page, name, [fix(value) for value in getattr(page, name, None) or []])
    images = []
    for image in page.images or []:
        if isinstance(image, dict) and image.get("caption"):
            image = {**image, "caption": fix(image["caption"])}
        images.append(image)
    page.images = images
    merged = dict(page.repairs or {})  # a spider may have recorded repairs too
    for kind, count in fixes.items():
        merged[kind] = merged.get(kind, 0) + count
    page.repairs = merged
    return fixes
