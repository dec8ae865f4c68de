"""Canonical forms used only as dedupe keys: URLs, body text, fingerprints, shingles.

Nothing here is written back into an item's published text: the canonical body is hashed
and shingled, never stored, so folding it aggressively loses nothing that was published.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
from w3lib.url import canonicalize_url

from delegation_crawler.script import converter

# Query parameters that name the referrer or campaign, never the article.
TRACKING_PARAMS = frozenset(
    {
        "spm", "from", "share", "share_from", "shareid", "share_token", "isappinstalled",
        "scene", "wfr", "fbclid", "gclid", "yclid", "msclkid", "clicktime", "enterid",
        "sharer_sharetime", "sharer_shareid", "vd_source", "xtrack",
    }
)
TRACKING_PREFIXES = ("utm_", "tt_")
# Host labels that name a rendering of the same site (yybnet.net, www., m. serve the same paths).
MIRROR_LABELS = ("www", "m", "wap", "mobile")
INDEX_PAGE = re.compile(r"/(?:index|default)\.(?:s?html?|php|aspx?|jsp)$", re.IGNORECASE)
DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def _bare_host(host: str) -> str:
    labels = host.lower().rstrip(".").split(".")
    # Keep at least two labels so "m.cn"-like hosts are not emptied.
    while len(labels) > 2 and labels[0] in MIRROR_LABELS:
        labels = labels[1:]
    return ".".join(labels)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_URL_CHARS = 16_384  # Scrapy's URLLENGTH_LIMIT is 2083; stored article URLs are far shorter


def canonical_url(url: str) -> str:
    """One key per article whatever mirror, tracking tag or index form linked to it.

    The scheme is folded to https because the portals serve the same paths under both.
    Raises ValueError for strings that are not absolute http(s) URLs, or longer than
    ``MAX_URL_CHARS`` (no article URL is; a 5 MB one cost 11 s and 1.4 GB before the bound).
    """
    if not isinstance(url, str) or not url.strip():
        raise ValueError(f"not a URL: {url[:80] if isinstance(url, str) else url!r}")
    if _LONE_SURROGATE.search(url):
        raise ValueError(f"not a URL (a lone surrogate in it): {url[:80]!r}")
    if len(url) > MAX_URL_CHARS:
        raise ValueError(f"URL of {len(url)} characters (more than {MAX_URL_CHARS}): {url[:80]!r}…")
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"not an absolute http(s) URL: {url!r}")
    host = _bare_host(parts.hostname)
    port = parts.port
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    )
    path = INDEX_PAGE.sub("/", parts.path) or "/"
    rebuilt = urlunsplit(("https", netloc, path, query, ""))
    return canonicalize_url(rebuilt, keep_fragments=False)


# --- text ------------------------------------------------------------------------------

# CJK punctuation that NFKC leaves alone, folded to the ASCII sign a half-width repost uses.
_PUNCT_FOLD = str.maketrans(
    {
        "、": ",", "，": ",", "；": ";", "：": ":", "？": "?", "！": "!",
        "“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"',
        "《": "<", "》": ">", "〈": "<", "〉": ">", "【": "[", "】": "]", "〔": "[", "〕": "]",
        "（": "(", "）": ")", "—": "-", "–": "-", "－": "-", "～": "~", "…": "...", "·": ".",
        "・": ".", "•": ".",
    }
)
_WHITESPACE = re.compile(r"[^\S\n]+")
_SENTENCE_END = re.compile(r"[。!?]")
MIN_PROSE_CHARS = 15
_NOT_CONTENT = re.compile(r"[\W_]+")
# Pinyin annotations left by script-converting mirrors: 網(wǎng). Only runs with a tone mark.
_PINYIN_RESIDUE = re.compile(
    r"[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[)）]"
)


def _t2s():
    return converter("t2s")


def canonical_body(body: str | None, body_simplified: str | None = None) -> str:
    """The prose of the body, simplified and folded: the text fingerprints are taken of.

    ``body_simplified`` (from the simplify pipeline) is preferred; otherwise the body is
    converted with OpenCC t2s here, so a traditional repost still matches its source.
    Width and punctuation variants and whitespace are folded, pinyin residue dropped, and
    only prose lines are kept (a sentence end and at least MIN_PROSE_CHARS letters): the
    lines without (breadcrumbs, column links, 编辑/来源 lines, 上一条, like counts) are
    page chrome that differs between portals and between crawls of one page. A body with
    no prose line is kept whole.
    """
    text = body_simplified if body_simplified else _t2s().convert(body or "")
    text = unicodedata.normalize("NFKC", text)
    text = _PINYIN_RESIDUE.sub("", text)
    text = text.translate(_PUNCT_FOLD)
    lines = [line.strip() for line in _WHITESPACE.sub(" ", text).split("\n")]
    lines = [line for line in lines if line]
    prose = [line for line in lines if _SENTENCE_END.search(line) and len(content_chars(line)) >= MIN_PROSE_CHARS]
    return " ".join(prose or lines)


def content_hash(canonical: str) -> str:
    """Exact fingerprint of a canonical body (hex sha256)."""
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()  # same bytes for valid text


def content_chars(canonical: str) -> str:
    """Letters and digits only: what near-duplicate shingles are built from.

    Chrome punctuation, doubled commas and spacing vary between reposts of one story;
    dropping them keeps shingles about the words.
    """
    return _NOT_CONTENT.sub("", canonical)


def shingles(chars: str, size: int) -> set[str]:
    """Character k-shingles (a text shorter than k is one shingle)."""
    if len(chars) < size:
        return {chars} if chars else set()
    return {chars[i : i + size] for i in range(len(chars) - size + 1)}


_POLY = np.uint32(0x01000193)  # FNV prime: odd, so the polynomial keeps every code point's bits


def shingle_hashes(chars: str, size: int) -> np.ndarray:
    """Distinct 32-bit hashes of the k-shingles, computed in numpy.

    A polynomial over the code points (mod 2^32); MinHash's affine32 scheme mixes the bits
    (fmix32) before permuting, so this needs only to be injective enough, and it is ~20x
    cheaper than SHA-1 per shingle in Python.
    """
    if not chars:
        return np.zeros(0, dtype=np.uint32)
    points = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32)
    if len(points) < size:
        size = len(points)
    count = len(points) - size + 1
    hashed = np.zeros(count, dtype=np.uint32)
    with np.errstate(over="ignore"):
        for offset in range(size):
            hashed = hashed * _POLY + points[offset : offset + count]
    return np.unique(hashed)
