"""Writing a batch's outcomes: output lines, errors lines and counts, in input order, whoever ran the shards."""

from __future__ import annotations

import json
from collections import deque
from typing import IO, TYPE_CHECKING

from extractor.io.batch import Outcome, error_json, mark_duplicate
from extractor.io.inputs import one_line

if TYPE_CHECKING:
    from extractor.io.progress import ProgressBar, Tally
    from extractor.io.sink import FileSink, StreamSink


class Reporter:
    """Turns each article's outcome into output lines, error reports and counts, in input order.

    Whoever feeds it outcomes appends, for each one, how many times its doc_id has been met in the input so
    far to `occurrences` (1 for the first; none appended counts as 1), so that repeated ids resume apart.
    """

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
        #: how many times each coming outcome's doc_id has been met in the input so far (1 for the first)
        self.occurrences: deque[int] = deque()
        #: articles whose amounts were converted at stale exchange rates
        self.stale = 0

    def say(self, message: str) -> None:
        """A line for the user (on `messages`, none when it is None) that does not collide with the progress bar.

        Control characters are escaped, so a file name cannot forge a line.
        """
        if self.bar:
            self.bar.close()
        if self.messages is not None:
            print(one_line(message), file=self.messages)

    def outcome(self, outcome: Outcome) -> None:
        """Write, report and count one article's outcome."""
        tally = self.tally
        occurrence = self.occurrences.popleft() if self.occurrences else 1
        if occurrence == 2:
            self.say(f"extractor: {outcome.doc_id}: id repeated in the input; each record is kept and resumed apart")
        if outcome.skipped:
            tally.skipped += 1
        elif outcome.error is not None:
            tally.failed += 1
            self.say(f"extractor: {outcome.error}")
            self.sink.commit(outcome.doc_id, None, [], error_json(outcome.error), "failed", occurrence)
        else:
            self._record(outcome, occurrence)
        if self.bar:
            self.bar.update(tally)

    def _record(self, outcome: Outcome, occurrence: int) -> None:
        from extractor.fx import is_stale_warning

        record, digest, doc_id = outcome.record, outcome.content_hash, outcome.doc_id
        assert record is not None  # an outcome neither skipped nor failed carries its record
        if occurrence > 1:
            note = f"doc_id repeated in the input: this is record {occurrence} with this id"
            record = dict(record, warnings=[*record.get("warnings", []), note])
        earlier = self.sink.recorded.done.get((doc_id, occurrence))
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
            self.stale += any(is_stale_warning(w) for w in record["warnings"])
        events = record["events"]
        self.tally.events.update(e["event_type"] for e in events)
        rows = [record] if self.per_document else events
        self.sink.commit(doc_id, digest, [json.dumps(r, ensure_ascii=False) for r in rows], None, status, occurrence)
