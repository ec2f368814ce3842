"""A check's employees over several processes: how ``--jobs`` writes ``json`` and ``jsonl``.

The organisation's findings are written first, by this process. The employees are then cut into
as many contiguous parts as there are jobs: this process checks and encodes the first part
straight into the output, and a child process (made with ``fork``, so it shares the document,
the prepared rules and the encoder's state without copying them) each of the others, into a
temporary file of its own. Once this process is done with its part it takes the children's files
in order, so the findings and their order are the same as with one process, byte for byte.

A child sends back how many findings it wrote and its counts per rule and status (a rule that
fails for an employee gives that employee an ``error`` finding, in any process), or what went
wrong outside the rules (raised here). If anything goes wrong here (``--timeout``, Ctrl-C, a
child that failed), the children are stopped and their files dropped. A child never writes
to the output, never runs the exit handlers of this process and never returns into its
code.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import signal
import struct
import sys
import tempfile
from collections.abc import Sequence
from itertools import chain, pairwise
from typing import TYPE_CHECKING, Any, BinaryIO

import msgspec

from integriteit._output import Chunk, copy_rest, write_encoded
from integriteit.engine import RuleFailure, Status, _batched
from integriteit.i18n import Text

if TYPE_CHECKING:
    from integriteit.engine import FindingStream, _Plan
    from integriteit.model import Employee

PARALLEL_FROM = 5_000
"""Fewer employees than this are checked in one process: starting a child would cost more
than it saves."""


def available_jobs() -> int:
    """The processors this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Whether this system starts processes by ``fork`` (POSIX)."""
    return hasattr(os, "fork") and sys.platform != "win32"


class _Child:
    """A child process checking one part of the employees."""

    def __init__(self, pid: int, results: int, spool: BinaryIO) -> None:
        self.pid = pid
        self.results = results
        self.spool = spool
        self.waited = False

    def outcome(self) -> dict[str, Any]:
        """What the child sent back, once it has exited."""
        chunks = []
        while chunk := os.read(self.results, 1 << 16):
            chunks.append(chunk)
        os.close(self.results)
        _, status = os.waitpid(self.pid, 0)
        self.waited = True
        try:
            sent: dict[str, Any] = msgspec.json.decode(b"".join(chunks))
        except msgspec.MsgspecError:
            sent = {"error": f"a worker process ended without a result (wait status {status})"}
        return sent

    def stop(self) -> None:
        """Stop the child (when this process failed) and reap it."""
        if self.waited:
            return
        with contextlib.suppress(ProcessLookupError):  # it may have just exited
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        self.waited = True
        with contextlib.suppress(OSError):  # closed already when it was read
            os.close(self.results)


def _parts(employees: Sequence[Employee], jobs: int) -> list[Sequence[Employee]]:
    """``employees`` cut into ``jobs`` contiguous parts of (nearly) equal size."""
    n = len(employees)
    cuts = [n * i // jobs for i in range(jobs + 1)]
    return [employees[a:b] for a, b in pairwise(cuts)]


def _run_child(plan: _Plan, part: Sequence[Employee],
               encode_chunk: Chunk, spool: BinaryIO,
               separator: bytes, results: int, progress: mmap.mmap, slot: int) -> None:
    """The child's work: never returns (``os._exit``)."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C stops it, quietly
        tally: dict[tuple[str, Status], int] = {}
        checked = 0

        def batches() -> Any:
            nonlocal checked
            for batch in _batched(part):
                yield batch
                checked += len(batch)
                struct.pack_into("q", progress, 8 * slot, checked)

        findings = chain.from_iterable(plan.employee_batches(batches(), tally))
        count = write_encoded(findings, encode_chunk, spool, separator)
        plan.check_unchanged()  # its own copy of the document
        spool.flush()
        message: dict[str, Any] = {"count": count, "tally": [
            [rule, status.value, n] for (rule, status), n in tally.items()]}
        code = 0
    except RuleFailure as exc:
        text = exc.text if exc.text is not None else Text(str(exc), str(exc))
        message = {"failure": [text.nl, text.en]}
    except BaseException as exc:  # everything goes back to the parent
        message = {"error": f"a worker process failed: {exc!r}"}
    try:
        data = msgspec.json.encode(message)
        while data:
            data = data[os.write(results, data):]
    finally:
        os._exit(code)


def write_lines(stream: FindingStream, encode_chunk: Chunk,
                out: BinaryIO, separator: bytes, first: bytes = b"") -> int | None:
    """Write the findings of ``stream`` as :func:`~integriteit._output.write_encoded` would,
    with the employees over ``stream.jobs`` processes; ``None`` (and nothing written, the
    stream untouched) where that does not apply: one job, no ``fork``, employees that are
    not a document's list in memory, or fewer than :data:`PARALLEL_FROM`."""
    jobs = stream.jobs
    if jobs < 2 or not can_fork():
        return None
    claimed = stream._claim(PARALLEL_FROM)
    if claimed is None:
        return None
    plan, employees = claimed
    tally = stream._tally
    parts = _parts(employees, jobs)
    n = write_encoded(plan.organisation(tally), encode_chunk, out, separator, first)
    children: list[_Child] = []
    # One counter per child, shared with it: the progress line adds them up.
    progress = mmap.mmap(-1, 8 * max(1, len(parts) - 1))
    try:
        out.flush()
        for slot, part in enumerate(parts[1:]):
            spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed in the finally below
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the child (its coverage is not kept)
                os.close(read_end)
                _run_child(plan, part, encode_chunk, spool, separator, write_end, progress, slot)
            os.close(write_end)
            children.append(_Child(pid, read_end, spool))
        own = parts[0]
        report = stream._progress

        def batches() -> Any:
            checked = 0
            for batch in _batched(own):
                yield batch
                checked += len(batch)
                if report is not None and not checked & 4095:
                    report(checked + sum(struct.unpack_from(f"{len(children)}q", progress)))

        n += write_encoded(chain.from_iterable(plan.employee_batches(batches(), tally)),
                           encode_chunk, out, separator, first if n == 0 else separator)
        for child in children:
            sent = child.outcome()
            if "failure" in sent:
                raise RuleFailure(Text(*sent["failure"]))
            if "error" in sent:
                raise RuntimeError(sent["error"])
            if sent["count"]:
                out.write(first if n == 0 else separator)
                child.spool.seek(0)
                copy_rest(child.spool, out)
                n += sent["count"]
            for rule, status, count in sent["tally"]:
                key = (rule, Status(status))
                tally[key] = tally.get(key, 0) + count
        if report is not None:
            report(len(employees))
    finally:
        for child in children:
            child.stop()
            child.spool.close()
        progress.close()
    stream._finish()
    stream._done = True
    return n
