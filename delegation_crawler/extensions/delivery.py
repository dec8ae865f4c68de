"""An article is delivered once the outputs hold it durably; a killed run's leftovers are read back.

The dedupe pipeline hands each scraped article's verdict here instead of marking it
delivered at once. Every ``DELIVERY_SYNC_SECONDS`` the local JSON Lines outputs (Scrapy's feed
slots, or ``crawlall``'s shared feeds) are flushed and fsync'ed, then the waiting verdicts are
marked delivered in the dedupe state. Outputs that hold items only once closed (S3/FTP/GCS, a
JSON array, postprocessing such as gzip) confirm at ``feed_exporter_closed``. With no output
(PostgreSQL only: its sink commits before ``item_scraped``) the verdict is marked at once.

At spider start, the journal (``STATE_DIR/outputs.jsonl``) says where each earlier run began
writing each file; what a killed run wrote there is read back and marked delivered, so
appending to one file (``-o``) or one file per run (``%(time)s``) gives every article exactly
once over a series of kills and resumes. Overwriting (``-O``) a file that holds earlier runs'
articles is allowed but warned about: the state will not emit them again.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable

from scrapy import signals
from scrapy.extensions.feedexport import FeedExporter, FileFeedStorage, StdoutFeedStorage
from scrapy.utils.asyncio import create_looping_call

from delegation_crawler.dedupe import canonical_url
from delegation_crawler.delivery import OutputJournal, reconcile, sync
from delegation_crawler.extensions.dedupe_state import dedupe_state

logger = logging.getLogger(__name__)
LINE_FORMATS = ("jsonlines", "jsonl", "jl")
_reconciled: set[str] = set()  # journals read back in this process (crawlall opens several crawlers)


@dataclass
class Output:
    """One place items go. ``file`` is None until the first item opens it."""

    name: str
    file: Callable[[], IO[bytes] | None]
    streaming: bool  # True: flushed/fsync'ed it holds every item; False: only once closed
    path: str | None = None  # local JSON Lines file: journaled and read back after a kill


def journal_of(settings) -> OutputJournal:
    return OutputJournal(Path(settings.get("STATE_DIR") or "state") / "outputs.jsonl")


def begin_file(journal: OutputJournal, path: str, overwrite: bool, stats=None) -> None:
    """Record where this run starts writing ``path``; warn before overwriting delivered lines."""
    size = os.path.getsize(path) if os.path.exists(path) else 0
    if overwrite and size:
        with open(path, "rb") as handle:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        logger.warning("overwriting %s, which holds %d lines from earlier runs; the dedupe state will "
                       "not emit those articles again. On a schedule append (-o) or write one file "
                       "per run (-O 'items-%%(time)s.jsonl').", path, lines)
        if stats is not None:
            stats.set_value("delivery/overwritten_lines", lines)
    journal.record(path, 0 if overwrite else size)


class Delivery:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.interval = crawler.settings.getfloat("DELIVERY_SYNC_SECONDS", 1.0)
        self.pending: list = []  # verdicts of scraped articles not yet durable everywhere
        self.journal: OutputJournal | None = None
        self.task = None
        self._any_output: bool | None = None  # fixed for the run once asked: FEEDS and crawlall's feeds

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.open, signal=signals.spider_opened)
        crawler.signals.connect(ext.close, signal=signals.spider_closed)
        crawler.signals.connect(ext.finish, signal=signals.feed_exporter_closed)
        return ext

    # -- outputs ------------------------------------------------------------------------------

    def outputs(self) -> list[Output]:
        # crawlall's shared exporter first: it records its own file's end, once every crawler is done
        return list(getattr(self.crawler, "delivery_outputs", ())) + self.feed_outputs()

    def feed_outputs(self) -> list[Output]:
        """This crawler's own feed slots (Scrapy's FeedExporter)."""
        found = []
        feeds = self.crawler.get_extension(FeedExporter)
        for slot in feeds.slots if feeds is not None else ():
            storage, lines = slot.storage, slot.format in LINE_FORMATS
            plain = "postprocessing" not in slot.feed_options

            def file(slot=slot):
                return slot.file

            if isinstance(storage, FileFeedStorage) and lines and plain:
                found.append(Output(slot.uri, file, True, os.path.abspath(storage.path)))
            elif isinstance(storage, StdoutFeedStorage) and plain:
                found.append(Output(slot.uri, file, True))
            else:
                found.append(Output(slot.uri, file, False))
        return found

    # -- signals ------------------------------------------------------------------------------

    def open(self, spider) -> None:
        self.journal = journal_of(self.crawler.settings)
        key = str(self.journal.path.resolve())
        if key not in _reconciled:
            _reconciled.add(key)
            found = reconcile(self.journal, self._mark_found)
            self.stats.set_value("delivery/reconciled", found)
            if found:
                logger.info("%d articles a killed run had written were marked delivered", found)
        feeds = self.crawler.get_extension(FeedExporter)
        for slot, out in zip(feeds.slots if feeds is not None else (), self.feed_outputs()):
            if out.path:
                begin_file(self.journal, out.path, bool(slot.feed_options.get("overwrite")), self.stats)
        self.task = create_looping_call(self.confirm)
        self.task.start(self.interval, now=False)

    def close(self, spider, reason) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        outputs = self.outputs()
        if all(o.streaming for o in outputs):
            self.confirm(final=True)
            for out in self.feed_outputs():
                handle = out.file()
                if out.path and handle is not None and not handle.closed:
                    self.journal.record(out.path, sync(handle))

    def finish(self) -> None:
        """Every feed slot is stored: what waited for a close-only output is durable now."""
        self.confirm(final=True)

    # -- delivery -----------------------------------------------------------------------------

    def when_durable(self, verdict) -> None:
        self.pending.append(verdict)
        if self._any_output is None:
            self._any_output = bool(self.outputs())
        if not self._any_output:
            self.confirm()

    def confirm(self, final: bool = False) -> None:
        if not self.pending:
            return
        outputs = self.outputs()
        if not final and not all(o.streaming for o in outputs):
            return
        for out in outputs:
            handle = out.file()
            if handle is not None and not handle.closed:
                sync(handle)
        pending = list(self.pending)

        def mark(store):
            with store.transaction():
                for verdict in pending:
                    store.mark_delivered(verdict.canonical_url, verdict.content_hash)

        dedupe_state(self.crawler).call(mark)
        self.stats.inc_value("delivery/confirmed", len(pending))
        del self.pending[:len(pending)]

    def _mark_found(self, row: dict) -> bool:
        """An article found in a killed run's output: delivered, if the state still says not."""
        url, digest = row.get("url"), row.get("content_hash")
        if not url or not digest:
            return False
        try:
            canon = canonical_url(url)
        except ValueError:
            return False

        def mark(store) -> bool:
            record = store.get_url(canon)
            if record is None or record.delivered or record.content_hash != digest:
                return False
            with store.transaction():
                store.mark_delivered(canon, digest)
            return True

        return dedupe_state(self.crawler).call(mark)
