"""Bytes → text for saved or fetched pages, without ever raising.

Chinese portals mix UTF-8 with GBK pages that declare ``gb2312`` (read as GB18030, the
superset, so nothing outside GB2312 is lost), and some declare nothing. The declaration is
read by ``delegation_crawler.text.charset`` (the one sniffer); when no candidate decodes
cleanly, the one with the fewest errors wins: two bad bytes in a GB18030 page must not turn
it into a UTF-8 page of replacement characters.
"""

from __future__ import annotations

import codecs

from delegation_crawler.text.charset import meta_charset, normalise


def decode_html(data: bytes) -> tuple[str, str]:
    """Return ``(text, charset used)``; undecodable bytes become U+FFFD."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), "utf-16"
    declared = normalise(meta_charset(data[:8192]))
    candidates = list(dict.fromkeys(c for c in (declared, "utf-8", "gb18030") if c))
    for charset in candidates:
        try:
            return data.decode(charset), charset
        except (UnicodeDecodeError, LookupError):
            continue
    decoded = [(data.decode(charset, "replace"), charset) for charset in candidates]
    return min(decoded, key=lambda pair: pair[0].count("\ufffd"))  # the fewest errors; ties keep the order
