"""Bytes → text for saved or fetched pages, without ever raising.

Chinese portals mix UTF-8 with GBK pages that declare ``gb2312``; GB18030 is a superset of
both GB encodings, so any GB declaration is decoded as GB18030 to avoid losing characters
outside GB2312.
"""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:]+)""", re.I)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "hz-gb-2312"}


def decode_html(data: bytes) -> tuple[str, str]:
    """Return ``(text, charset used)``; undecodable bytes become U+FFFD."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), "utf-16"
    declared = None
    match = _META_CHARSET.search(data[:8192])
    if match:
        declared = match.group(1).decode("ascii", "ignore").lower()
        if declared in _GB_FAMILY:
            declared = "gb18030"
        try:
            codecs.lookup(declared)
        except LookupError:
            declared = None
    for charset in dict.fromkeys(c for c in (declared, "utf-8", "gb18030") if c):
        try:
            return data.decode(charset), charset
        except (UnicodeDecodeError, LookupError):
            continue
    charset = declared or "utf-8"
    return data.decode(charset, "replace"), charset
