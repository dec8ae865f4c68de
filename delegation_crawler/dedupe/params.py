"""Near-duplicate parameters, chosen on the labelled set (docs/dedupe.md, "Choosing").

Stored with the state: a store built with other values refuses to open rather than
compare signatures that mean different things.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Params:
    shingle_size: int = 5
    num_perm: int = 128
    # MinHashLSH banding: 42 bands of 3 rows retrieve a pair with Jaccard 0.4 at p = 0.94,
    # 0.5 at p = 0.996, 0.1 at p = 0.04. Retrieval is wide on purpose; accept_jaccard decides.
    lsh_bands: int = 42
    lsh_rows: int = 3
    # A candidate is the same story when the estimated Jaccard of the shingle sets reaches this,
    accept_jaccard: float = 0.3
    # or when it opens with the same lead_chars letters and the shorter text's shingles are
    # mostly in the longer one (a truncated repost: Jaccard = the kept share, containment 1).
    lead_chars: int = 40
    accept_containment: float = 0.8
    minhash_seed: int = 1
    minhash_scheme: str = "affine32"
    # Encodings that give stored values their meaning (canonical.shingle_hashes, store.band_keys).
    shingle_hash: str = "poly-fnv32"
    band_hash: str = "xor-fnv64"
