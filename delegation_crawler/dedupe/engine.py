"""The dedupe decision for one article: unchanged, revision, exact or near duplicate, or new."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from datasketch import MinHash

from delegation_crawler.dedupe.canonical import canonical_body, canonical_url, content_chars, content_hash, shingle_hashes
from delegation_crawler.dedupe.store import DedupeStore, Signature, UrlRecord, lead_key
from delegation_crawler.news.dates import SHANGHAI


NEW = "new"  # first item of a new story
EXACT = "exact"  # same canonical body as an earlier item at another URL
NEAR = "near"  # near-duplicate of an earlier item at another URL
REVISION = "revision"  # same canonical URL, changed body
UNCHANGED = "unchanged"  # same canonical URL, same body: a recrawl


@dataclass
class Verdict:
    kind: str
    canonical_url: str
    story_id: str
    duplicate_of: str | None
    content_hash: str
    revision: int
    previous_hash: str | None = None
    similarity: float | None = None
    # Handed out again: committed by an earlier run that stopped before delivering the item.
    redelivered: bool = False

    @property
    def is_duplicate(self) -> bool:
        return self.kind in (EXACT, NEAR)


def doc_key(canonical: str) -> str:
    """Stable id of an article: derived from its canonical URL, so reruns agree."""
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:16]


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def estimated_containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller shingle set inside the larger: |A∩B| = J(|A|+|B|)/(1+J)."""
    small = min(size_a, size_b)
    if small == 0:
        return 0.0
    return min(1.0, jaccard * (size_a + size_b) / (1.0 + jaccard) / small)


class Deduper:
    """Judges articles against lasting state; one store transaction per article."""

    def __init__(self, store: DedupeStore):
        self.store = store
        self.params = store.params
        # Permutations drawn once: MinHash() would redraw them for every document.
        self._permutations = MinHash(
            num_perm=self.params.num_perm, seed=self.params.minhash_seed, scheme=self.params.minhash_scheme
        ).permutations

    def minhash(self, chars: str) -> tuple[MinHash, int]:
        """The MinHash of the text's shingles, and how many distinct shingles it has."""
        mh = MinHash(num_perm=self.params.num_perm, seed=self.params.minhash_seed, scheme=self.params.minhash_scheme,
                     hashfunc=int, permutations=self._permutations)
        hashed = shingle_hashes(chars, self.params.shingle_size)
        mh.update_batch(hashed.tolist())
        return mh, len(hashed)

    def lead(self, chars: str) -> int | None:
        """Key of the opening letters; None for texts too short to have a distinct opening."""
        n = self.params.lead_chars
        return lead_key(chars[:n]) if len(chars) >= n else None

    def best_match(self, mh: MinHash, size: int, lead: int | None) -> tuple[float, str] | None:
        """(similarity, story) of the closest indexed document that is the same story, if any."""
        p, best = self.params, None
        candidates, same_lead = self.store.candidates(mh, lead)
        same_lead = set(same_lead)
        for key, sig in self.store.signatures(candidates).items():
            jaccard = estimated_jaccard(mh.hashvalues, sig.hashvalues)
            near = jaccard >= p.accept_jaccard or (
                key in same_lead and estimated_containment(jaccard, size, sig.size) >= p.accept_containment)
            if near and (best is None or jaccard > best[0]):
                best = (jaccard, sig.story_id)
        return best

    def observe(self, url: str, body: str | None, body_simplified: str | None = None,
                published: str | None = None, seen_at: str | None = None, delivered: bool = True) -> Verdict:
        """Record one article and say what it is. Raises ValueError for a non-http(s) URL.

        ``delivered=False`` leaves the record pending until ``mark_delivered``: the pipeline
        uses it so that an item whose run died before it left the pipelines is handed out
        again by the next run instead of being called unchanged.
        """
        canon_url = canonical_url(url)
        canon = canonical_body(body, body_simplified)
        digest = content_hash(canon)
        seen_at = seen_at or datetime.now(SHANGHAI).isoformat(timespec="seconds")
        chars = content_chars(canon)
        key = doc_key(canon_url)
        store = self.store
        with store.transaction():
            previous = store.get_url(canon_url)
            if previous is not None:
                if previous.content_hash == digest:
                    if previous.delivered:
                        return Verdict(UNCHANGED, canon_url, previous.story_id, previous.duplicate_of,
                                       digest, previous.revision, None)
                    history = store.revisions(canon_url)
                    previous_hash = history[-2][1] if len(history) > 1 else None
                    return Verdict(previous.kind, canon_url, previous.story_id, previous.duplicate_of, digest,
                                   previous.revision, previous_hash, redelivered=True)
                revision = previous.revision + 1
                record = UrlRecord(canon_url, previous.doc_key, url, previous.story_id, previous.duplicate_of,
                                   revision, digest, published or previous.published, REVISION, delivered)
                store.put_url(record, seen_at)
                if chars:
                    store.put_hash(digest, previous.story_id)
                    mh, size = self.minhash(chars)
                    store.index(f"{key}@{revision}", mh, Signature(mh.hashvalues, previous.story_id, size),
                                self.lead(chars))
                return Verdict(REVISION, canon_url, previous.story_id, previous.duplicate_of, digest,
                               revision, previous.content_hash)

            kind, story_id, similarity, mh, size = NEW, key, None, None, 0
            if chars:  # an empty body says nothing about which story this is
                owner = store.story_of_hash(digest)
                if owner is not None:
                    kind, story_id, similarity = EXACT, owner, 1.0
                else:
                    mh, size = self.minhash(chars)
                    best = self.best_match(mh, size, self.lead(chars))
                    if best is not None:
                        kind, similarity, story_id = NEAR, best[0], best[1]
            duplicate_of = None
            if kind == NEW:
                store.put_story(story_id, url)
            else:
                duplicate_of = store.story_first_url(story_id)
            store.put_url(UrlRecord(canon_url, key, url, story_id, duplicate_of, 1, digest, published, kind, delivered),
                          seen_at)
            if chars:
                store.put_hash(digest, story_id)
            if mh is not None:
                store.index(key, mh, Signature(mh.hashvalues, story_id, size), self.lead(chars))
            return Verdict(kind, canon_url, story_id, duplicate_of, digest, 1, None, similarity)

    def mark_delivered(self, verdict: Verdict) -> None:
        """Record that the item judged by ``verdict`` left the pipelines (or was dropped on purpose)."""
        with self.store.transaction():
            self.store.mark_delivered(verdict.canonical_url, verdict.content_hash)

    def seen(self, url: str) -> UrlRecord | None:
        """The stored record of an article URL (any mirror or tracking form), if any."""
        return self.store.get_url(canonical_url(url))
