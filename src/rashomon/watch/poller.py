"""The watcher: poll each feed on its own schedule, fetch new items, deduplicate, ingest.

One cycle polls every feed that is due (conditional GET), fetches the pages of its new items
(`ingest.read_source`: the size, time and address limits of any URL input, trafilatura for
HTML) and checks them against the store: a URL seen before is not fetched again, a text
already stored is recorded as a duplicate, and a near-duplicate (`dedup`) is stored and marked
as a copy of the first. The cycle's new articles are then analysed and stored in one batch
(`store_items`; worker processes and their models are reused between cycles).

A feed that fails (E142, E143, E016) is logged and polled again after interval * 2^failures,
capped at `watch.max_backoff`; the others go on. A stop request (SIGTERM, Ctrl-C) is honoured
between articles: what is committed stays, and a feed interrupted mid-poll keeps its old
validators and is polled again at once by the next run, so nothing it listed is lost.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator

from ..errors import RashomonError
from ..ingest import read_source
from ..ingest.ids import content_hash
from ..model import Article
from ..settings import Options
from ..store import feeds as feed_store
from . import dedup
from .config import Feed
from .fetch import fetch_feed
from .ingest_items import store_items
from .parse import Entry, parse_feed

if TYPE_CHECKING:
    from ..api import Analyzer
    from ..store import Store

BACKFILL = 200  # stored texts given band keys per query
_LOG = logging.getLogger(__name__)


@dataclass
class PollReport:
    """What one poll of one feed did."""

    feed: Feed
    polled_at: float
    new: int = 0
    near: int = 0  # of the new, stored but marked as near-duplicates
    duplicate: int = 0
    failed: int = 0
    error: RashomonError | None = None  # the feed itself failed
    item_error: str | None = None  # the last item that failed
    not_modified: bool = False
    complete: bool = True  # False when a stop request cut the poll short
    etag: str | None = None
    last_modified: str | None = None
    next_poll: float = 0.0
    failures: int = 0  # consecutive failed polls of this feed, this one included

    def line(self) -> str:
        """The log line: feed, new, duplicate, failed, next poll."""
        parts = [f"new {self.new}" + (f" ({self.near} near-duplicate)" if self.near else ""),
                 f"duplicate {self.duplicate}", f"failed {self.failed}"]
        if self.not_modified:
            parts.append("not modified")
        if self.error is not None:
            parts.append(f"error ({self.failures} in a row) {self.error}")
        if not self.complete:
            parts.append("stopped")
        wait = max(0.0, self.next_poll - self.polled_at)
        when = time.strftime("%H:%M:%SZ", time.gmtime(self.next_poll))
        seconds = f"{wait:.0f}" if wait >= 10 else f"{wait:.2g}"
        return f"{self.feed.name}: {', '.join(parts)}; next poll in {seconds} s ({when})"


@dataclass
class _Pending:
    """A fetched article waiting for analysis, with what its commit must record."""

    article: Article
    url: str
    report: PollReport
    shingles: set[int] = field(default_factory=set)
    keys: list[str] = field(default_factory=list)


class Watcher:
    """Polls feeds into a store; `run(cycles)` until done or `stop` is set."""

    def __init__(self, store: Store, feeds: list[Feed], options: Options, *, jobs: int = 1,
                 analyzer: Analyzer | None = None, stop: threading.Event | None = None,
                 log: Callable[[str], None] | None = None, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.feeds = feeds
        self.options = options
        self.jobs = jobs
        self.analyzer = analyzer  # analyse in this process (tests, embedding); else worker processes
        self.stop = stop or threading.Event()
        self.log = log or _LOG.info
        self.clock = clock
        self.states = feed_store.sync_feeds(store, feeds)
        self._pending: dict[str, _Pending] = {}

    def run(self, cycles: int | None = None,
            on_cycle: Callable[[int, list[PollReport]], None] | None = None) -> int:
        """Poll until `cycles` cycles are done (None: until stopped); returns the cycles run."""
        done = 0
        while (cycles is None or done < cycles) and not self.stop.is_set():
            wait = min(s.next_poll for s in self.states.values()) - self.clock()
            if wait > 0 and self.stop.wait(wait):
                break
            reports = self.cycle()
            done += 1
            if on_cycle is not None:
                on_cycle(done, reports)
        return done

    def cycle(self) -> list[PollReport]:
        """Poll every due feed once, analysing and storing new articles as they are fetched; one
        log line per feed."""
        self._backfill()
        now = self.clock()
        due = [f for f in self.feeds if self.states[f.url].next_poll <= now]
        reports: list[PollReport] = []
        self._pending = {}
        articles = self._fetch(due, reports)
        first = next(articles, None)
        if first is not None:  # a cycle with nothing new starts no batch (and no worker)
            store_items(self.store, itertools.chain([first], articles), self.options, jobs=self.jobs,
                        analyzer=self.analyzer, on_item=self._stored)
        for p in self._pending.values():  # handed over but never reported back
            self._record_failure(p.url, p.report, "the article was not stored")
        self._pending = {}
        for report in reports:
            self._finish(report)
        return reports

    # ---- one feed -----------------------------------------------------------------------

    def _fetch(self, due: list[Feed], reports: list[PollReport]) -> Iterator[Article]:
        """Poll the due feeds in turn and yield each new article as its page is fetched; stops
        between articles when asked (the one already handed over is still stored)."""
        hashes: dict[str, str] = {}  # texts fetched this cycle -> article id
        taken: set[str] = set()  # item URLs handed over this cycle
        for feed in due:
            if self.stop.is_set():
                return
            report, entries = self._poll(feed)
            reports.append(report)
            for entry in entries:
                if self.stop.is_set():
                    report.complete = False
                    return
                if entry.url in taken:  # listed by another feed this cycle: one copy is enough
                    report.duplicate += 1
                    continue
                pending = self._take(feed, entry, report, hashes)
                if pending is not None:
                    taken.add(entry.url)
                    self._pending[entry.url] = pending
                    yield pending.article

    def _poll(self, feed: Feed) -> tuple[PollReport, list[Entry]]:
        """Conditional GET and parse of one feed: its report and the entries still to fetch."""
        state = self.states[feed.url]
        report = PollReport(feed, polled_at=self.clock(), etag=state.etag, last_modified=state.last_modified)
        ingest = self.options.ingest
        try:
            resp = fetch_feed(feed.url, etag=state.etag, last_modified=state.last_modified,
                              timeout=ingest.url_timeout, max_bytes=ingest.max_bytes,
                              allow_private=ingest.allow_private)
            entries = [] if resp.status == 304 else parse_feed(resp.body, feed.url, self.options.watch.max_items)
        except RashomonError as err:
            report.error = err
            return report, []
        report.not_modified = resp.status == 304
        report.etag, report.last_modified = resp.etag, resp.last_modified
        listed = {e.url: e for e in entries}
        attempts = self.options.watch.item_attempts
        for url in feed_store.failed_items(self.store, feed.url, attempts):
            listed.setdefault(url, Entry(url))
        known = feed_store.item_attempts(self.store, listed)
        fresh = []
        for url, entry in listed.items():
            status, tries = known.get(url, ("", 0))
            if not status or (status == "failed" and tries < attempts):
                fresh.append(entry)
        return report, fresh

    def _take(self, feed: Feed, entry: Entry, report: PollReport, hashes: dict[str, str]) -> _Pending | None:
        """Fetch one item page: a pending article, or None once recorded as a duplicate or failure."""
        try:
            art = next(iter(read_source(entry.url, self.options.ingest)))
        except RashomonError as err:
            self._record_failure(entry.url, report, str(err))
            return None
        except StopIteration:
            self._record_failure(entry.url, report, "no article in the page")
            return None
        art.outlet = feed.name
        art.title = art.title or entry.title
        art.published = art.published or entry.published
        if feed.language and art.language == "und":
            art.language = feed.language
        digest = content_hash(art.text)
        stored = feed_store.stored_by_hash(self.store, [digest]).get(digest)
        if stored is not None or digest in hashes:
            aid = stored[0] if stored else hashes[digest]
            # Stored from this very URL by a run killed before it recorded the item: it is ours.
            status = "new" if stored and stored[1] == entry.url else "duplicate"
            feed_store.record_item(self.store, entry.url, feed.url, status, article_id=aid, now=self.clock())
            if status == "new":
                report.new += 1
            else:
                report.duplicate += 1
            return None
        hashes[digest] = art.id
        sh = dedup.shingles(art.text)
        return _Pending(art, entry.url, report, sh, dedup.band_keys(sh))

    def _stored(self, source: str, what: Article | RashomonError | str) -> None:
        """After each commit (or failure) in the batch: record the item, mark a near-duplicate."""
        p = self._pending.pop(source, None)
        if p is None:
            return
        if isinstance(what, Article):
            first, similarity = self._near(what.id, p)
            feed_store.record_item(self.store, p.url, p.report.feed.url, "new", article_id=what.id,
                                   duplicate_of=first, similarity=similarity, keys=p.keys, now=self.clock())
            p.report.new += 1
            p.report.near += first is not None
        elif isinstance(what, RashomonError):
            self._record_failure(p.url, p.report, str(what))
        else:  # skipped: the same text was stored meanwhile (another process)
            feed_store.record_item(self.store, p.url, p.report.feed.url, "duplicate", article_id=p.article.id,
                                   now=self.clock())
            p.report.duplicate += 1

    def _near(self, article_id: str, p: _Pending) -> tuple[str | None, float | None]:
        """The first stored text this one nearly copies, and their Jaccard overlap; (None, None) if none."""
        candidates = feed_store.near_candidates(self.store, p.keys, exclude=article_id)
        best, best_sim = None, 0.0
        for cid, text in feed_store.texts(self.store, candidates).items():
            sim = dedup.jaccard(p.shingles, dedup.shingles(text))
            if sim > best_sim:
                best, best_sim = cid, sim
        if best is None or best_sim < self.options.watch.near_duplicate:
            return None, None
        return feed_store.first_copy(self.store, best), round(best_sim, 4)

    def _record_failure(self, url: str, report: PollReport, error: str) -> None:
        feed_store.record_item(self.store, url, report.feed.url, "failed", error=error[:1000], now=self.clock())
        report.failed += 1
        report.item_error = error[:1000]

    # ---- bookkeeping ----------------------------------------------------------------------

    def _finish(self, report: PollReport) -> None:
        """Save the feed's state (validators only once all its items are handled) and log its line."""
        state = self.states[report.feed.url]
        state.last_fetch = report.polled_at
        watch = self.options.watch
        if report.error is not None:
            state.failures += 1
            state.last_error = str(report.error)
            cap = max(watch.max_backoff, report.feed.interval)
            delay = min(report.feed.interval * 2 ** min(state.failures, 40), cap)
            state.next_poll = report.polled_at + delay
        else:
            state.failures = 0
            state.last_error = report.item_error
            if report.complete:
                state.etag, state.last_modified = report.etag, report.last_modified
                state.next_poll = report.polled_at + report.feed.interval
        report.next_poll, report.failures = state.next_poll, state.failures
        feed_store.save_feed(self.store, state, new=report.new, duplicate=report.duplicate, failed=report.failed)
        self.log(report.line())

    def _backfill(self) -> None:
        """Band keys for stored texts that have none (stored by `ingest`), so they count as originals."""
        while not self.stop.is_set():
            rows = feed_store.unkeyed_articles(self.store, BACKFILL)
            if not rows:
                return
            # A text without words gets a key no other text shares, so it is not listed again.
            feed_store.add_keys(self.store, {aid: dedup.band_keys(dedup.shingles(text)) or [f"--{aid}"[:24]]
                                             for aid, text in rows})
