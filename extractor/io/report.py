"""Writing a batch's outcomes: output lines, errors lines and counts, in input order, whoever ran the shards."""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING

from extractor.io.batch import Outcome, error_json, mark_duplicate

if TYPE_CHECKING:
    from extractor.io.progress import ProgressBar, Tally
    from extractor.io.sink import FileSink, StreamSink


class Reporter:
    """Turns each article's outcome into output lines, error reports and counts, in input order."""

    def __init__(
        self,
        sink: StreamSink | FileSink,
        tally: Tally,
        bar: ProgressBar | None,
        per_document: bool,
        keep_duplicates: bool,
        messages: IO[str] | None,
    ) -> None:
        self.sink, self.tally, self.bar = sink, tally, bar
        self.per_document, self.keep_duplicates = per_document, keep_duplicates
        self.messages = messages

    def say(self, message: str) -> None:
        """A line for the user (on `messages`, none when it is None) that does not collide with the progress bar."""
        if self.bar:
            self.bar.close()
        if self.messages is not None:
            print(message, file=self.messages)

    def outcome(self, outcome: Outcome) -> None:
        """Write, report and count one article's outcome."""
        tally = self.tally
        if outcome.skipped:
            tally.skipped += 1
        elif outcome.error is not None:
            tally.failed += 1
            self.say(f"extractor: {outcome.error}")
            self.sink.commit(outcome.doc_id, None, [], error_json(outcome.error), "failed")
        else:
            self._record(outcome)
        if self.bar:
            self.bar.update(tally)

    def _record(self, outcome: Outcome) -> None:
        record, digest, doc_id = outcome.record, outcome.content_hash, outcome.doc_id
        assert record is not None  # an outcome neither skipped nor failed carries its record
        earlier = self.sink.recorded.done.get(doc_id)
        if earlier and earlier != digest:
            self.say(
                f"extractor: {doc_id}: changed since the interrupted run; extracted again (its earlier events stay in the output)"
            )
        first = self.sink.recorded.first.setdefault(digest, doc_id) if digest else doc_id
        status = "ok"
        if first != doc_id:
            status = "duplicate"
            self.tally.duplicates += 1
            record = dict(record, duplicate_of=first) if self.keep_duplicates else mark_duplicate(record, first)
        else:
            self.tally.processed += 1
        events = record["events"]
        self.tally.events.update(e["event_type"] for e in events)
        rows = [record] if self.per_document else events
        self.sink.commit(doc_id, digest, [json.dumps(r, ensure_ascii=False) for r in rows], None, status)
