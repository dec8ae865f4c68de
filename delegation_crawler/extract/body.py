"""Body stage: the article container and, inside it, the richest run of prose blocks."""

from __future__ import annotations


def best_container(root, blocks):
    """The element whose subtree has the most prose net of chrome (linear, bottom-up)."""
    score: dict = {}
    prose: dict = {}
    for block in blocks:
        score[block.owner] = score.get(block.owner, 0.0) + block.prose - block.chrome
        prose[block.owner] = prose.get(block.owner, 0.0) + block.prose
    best, best_score = None, 0.0
    for el in reversed(list(root.iter())):
        own = score.get(el)
        if own is None:
            continue
        parent = el.getparent()
        if parent is not None:
            score[parent] = score.get(parent, 0.0) + own
            prose[parent] = prose.get(parent, 0.0) + prose.get(el, 0.0)
        if prose.get(el, 0.0) > 0 and own > best_score:
            best, best_score = el, own
    return best


def prose_in(container, blocks) -> float:
    inside = set(container.iter())
    return sum(b.cjk for b in blocks if b.prose and not b.demoted and b.owner in inside)


def narrow(container, blocks):
    """Step down into a child that holds nearly all the prose (a table row whose other cell is
    a sidebar of captions, an article box with a short summary next to it)."""
    prose: dict = {}
    for block in blocks:
        if block.prose and not block.demoted:
            prose[block.owner] = prose.get(block.owner, 0.0) + block.prose
    totals: dict = {}
    for el in container.iter():
        if el in prose:
            node = el
            while node is not None:
                totals[node] = totals.get(node, 0.0) + prose[el]
                if node is container:
                    break
                node = node.getparent()
    while True:
        total = totals.get(container, 0.0)
        best = max(container, key=lambda child: totals.get(child, 0.0), default=None)
        if best is None or total <= 0 or totals.get(best, 0.0) < 0.85 * total:
            return container
        container = best


def widen(container, inside, blocks, start, end):
    """Flat pages keep paragraphs as siblings of the best one: take in neighbouring prose.

    Walks up to three levels; a level is taken only if it adds real (not teaser-like) prose
    adjacent to the body, skipping at most two short non-link lines (captions) in between.
    """
    if sum(1 for i in range(start, end + 1) if blocks[i].prose and blocks[i].owner in inside) > 1:
        return container, inside, start, end  # the body is already together
    for _ in range(3):
        parent = container.getparent()
        if parent is None:
            break
        wider = set(parent.iter())
        new_start = _reach(blocks, start, -1, wider)
        new_end = _reach(blocks, end, 1, wider)
        if (new_start, new_end) == (start, end):
            break
        container, inside, start, end = parent, wider, new_start, new_end
    return container, inside, start, end


def _reach(blocks, edge, step, inside):
    while True:
        j, skipped = edge + step, 0
        while 0 <= j < len(blocks) and skipped < 2 and skippable(blocks[j], inside):
            j, skipped = j + step, skipped + 1
        if 0 <= j < len(blocks) and blocks[j].owner in inside and blocks[j].prose and not blocks[j].demoted:
            edge = j
        else:
            return edge


def skippable(block, inside) -> bool:
    owner = block.owner
    return (
        owner in inside
        and not block.prose
        and not block.boundary
        and block.link_chars < 0.5 * len(block.text)
        and len(block.text) <= 60
        and owner.tag not in ("h1", "h2", "h3")
    )


def richest_segment(blocks, members):
    """Cut the container's blocks at chrome headings; return the span with most prose.

    A heading inside the story ("延伸阅读: ..." between two halves) must not cut it: a
    neighbouring segment joins when the prose right across the heading sits in the same box
    (same parent element) as the body's own paragraphs.
    """
    segments = []  # [first member position, last member position, prose]
    current = None
    for position, i in enumerate(members):
        if blocks[i].boundary:
            current = None
            continue
        if current is None:
            current = [position, position, 0.0]
            segments.append(current)
        current[1] = position
        current[2] += blocks[i].prose
    if not segments or max(seg[2] for seg in segments) <= 0:
        return None, None
    best = max(range(len(segments)), key=lambda k: segments[k][2])
    lo = hi = best
    while hi + 1 < len(segments) and _continues(blocks, members, segments[lo][0], segments[hi][1], segments[hi + 1], 1):
        hi += 1
    while lo > 0 and _continues(blocks, members, segments[lo][0], segments[hi][1], segments[lo - 1], -1):
        lo -= 1
    return members[segments[lo][0]], members[segments[hi][1]]


def _continues(blocks, members, first, last, segment, step) -> bool:
    """Whether ``segment`` (after, step=1, or before, step=-1) continues the body's box."""
    parents = {blocks[members[k]].owner.getparent() for k in range(first, last + 1) if _strong(blocks[members[k]])}
    order = range(segment[0], segment[1] + 1) if step == 1 else range(segment[1], segment[0] - 1, -1)
    for k in order:
        block = blocks[members[k]]
        if _strong(block):
            return block.owner.getparent() in parents
        if not (len(block.text) <= 60 or block.link_chars > 0.5 * len(block.text)):
            return False  # a long non-prose block: not a short interruption
    return False


def _strong(block) -> bool:
    return block.prose > 0 and not block.demoted

