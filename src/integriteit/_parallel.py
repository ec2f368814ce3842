"""Writing a check's findings in several processes, and the file copies that go with it.

A run over the document's own employees can be split: after the rules are prepared, a child
process (``os.fork``, where there is one) takes a part of the employees and encodes their
findings to a temporary file, while the parent encodes the first part; the parts are written
in order, so the output is the same as from one process. Everything here is internal.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any, BinaryIO

from attrs import frozen

if TYPE_CHECKING:
    from integriteit.engine import Finding, Status
    from integriteit.model import Employee


def write_encoded(findings: Iterable[Finding], encode: Callable[[Finding], bytes],
                  out: BinaryIO, separator: bytes, first: bytes = b"") -> int:
    """Encode and write ``findings`` in batches: ``first`` before the first, ``separator``
    between them; return how many."""
    encoded = map(encode, findings)
    n = 0
    while batch := list(islice(encoded, 2048)):
        out.write((first if n == 0 else separator) + separator.join(batch))
        n += len(batch)
    return n


def ticking(employees: Iterable[Employee], progress: Callable[[int], None]
             ) -> Iterator[Employee]:
    for i, emp in enumerate(employees, 1):
        if not i & 4095:
            progress(i)
        yield emp


@frozen
class Child:
    pid: int
    result: int
    """The pipe the child reports on: the count, the tally, or what failed."""
    spool: BinaryIO

    def close(self) -> None:
        self.spool.close()
        with contextlib.suppress(OSError):
            os.close(self.result)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def fork_part(plan: Any, part: Sequence[Employee],
               encoder: Callable[[], Callable[[Finding], bytes]], separator: bytes) -> Child:
    """A child process that encodes the findings of ``part`` to a temporary file."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by Child.close
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        status = 0
        try:
            os.close(read_end)
            tally: dict[tuple[str, Status], int] = {}
            count = write_encoded(plan.employees(part, tally), encoder(), spool, separator)
            spool.flush()
            report = pickle.dumps((count, tally, None))
        except BaseException as exc:  # reported to the parent, which raises it
            report = pickle.dumps((0, {}, str(exc) if type(exc).__name__ == "RuleFailure"
                                   else f"{type(exc).__name__}: {exc}"))
            status = 1
        try:
            view = memoryview(report)
            while view:
                view = view[os.write(write_end, view):]
        finally:
            os._exit(status)
    os.close(write_end)
    return Child(pid, read_end, spool)


def join(child: Child) -> tuple[int, dict[tuple[str, Status], int], str | None]:
    chunks = []
    while data := os.read(child.result, 1 << 16):
        chunks.append(data)
    os.waitpid(child.pid, 0)
    if not chunks:
        return 0, {}, "a worker process ended without a result"
    result: tuple[int, dict[tuple[str, Status], int], str | None] = pickle.loads(b"".join(chunks))
    child.spool.seek(0)
    return result


def copy_rest(source: BinaryIO, out: BinaryIO) -> None:
    """The rest of ``source`` to ``out``: in the kernel where both are files."""
    try:
        out_fd, in_fd = out.fileno(), source.fileno()
    except (AttributeError, OSError, ValueError):
        shutil.copyfileobj(source, out, 1 << 20)
        return
    out.flush()
    offset = source.tell()
    size = os.fstat(in_fd).st_size
    try:
        while offset < size:
            sent = os.sendfile(out_fd, in_fd, offset, size - offset)
            if sent == 0:
                break
            offset += sent
    except OSError:
        source.seek(offset)
        shutil.copyfileobj(source, out, 1 << 20)
