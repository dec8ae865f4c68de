"""kill -9 in the middle of a run loses nothing that was committed with an emitted item."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from delegation_crawler.dedupe import Deduper, canonical_url
from tests.dedupe.conftest import open_backend

ROOT = Path(__file__).parents[2]

CHILD = """
import json, random, sys
from tests.dedupe.conftest import open_backend
from delegation_crawler.dedupe import Deduper
backend = json.loads(sys.argv[1])
deduper = Deduper(open_backend(backend))
rng = random.Random(7)
chars = [chr(c) for c in range(0x4e00, 0x4e00 + 2000)]
for n in range(100000):
    url = f"https://www.zgm.cn/html/a/2015/0101/{n}.html"
    verdict = deduper.observe(url, "".join(rng.choice(chars) for _ in range(300)))
    print(json.dumps([url, verdict.content_hash]), flush=True)  # the item leaves the pipeline
"""


def test_killed_run_keeps_every_emitted_item(backend):
    open_backend(backend).close()  # tables exist before the child races to create them
    child = subprocess.Popen([sys.executable, "-c", CHILD, json.dumps(backend)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    emitted = []
    for line in child.stdout:
        emitted.append(json.loads(line))
        if len(emitted) == 40:
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=30)
    emitted += [json.loads(line) for line in child.stdout.read().splitlines() if line.strip()]
    assert child.returncode == -signal.SIGKILL and len(emitted) >= 40

    store = open_backend(backend)
    try:
        deduper = Deduper(store)
        for url, digest in emitted:
            record = store.get_url(canonical_url(url))
            assert record is not None and record.content_hash == digest, url
            assert store.story_of_hash(digest) == record.story_id
        # Whatever was committed after the last emitted line is whole, not half-written.
        assert store.count_urls() in (len(emitted), len(emitted) + 1)
        url, _ = emitted[0]
        assert deduper.observe(url, "changed text for a revision").revision == 2
    finally:
        store.close()
