"""Use both cores for big catalogues: a forked child renders half the case pages
(``map_split``) or the search outputs (``run_beside``) while the parent works.

Results are the same objects a serial run returns; on any trouble with the child
(no ``fork``, one CPU, a crash) the parent does the work itself.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
A = TypeVar("A")
B = TypeVar("B")

PARALLEL_MIN = 400  # below this the fork costs more than it saves
# Off in long-running multi-threaded hosts (``mkdocs serve``): forking a process with other
# threads can copy a lock held by one of them.
ENABLED = True


def _usable(size: int) -> bool:
    return (ENABLED and size >= PARALLEL_MIN and (os.cpu_count() or 1) >= 2
            and "fork" in multiprocessing.get_all_start_methods())


def run_beside(size: int, main: Callable[[], A], side: Callable[[], B]) -> tuple[A, B]:
    """``(main(), side())`` with ``side`` in a forked child while the parent runs ``main``."""
    if not _usable(size):
        return main(), side()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        receiver.close()
        try:
            payload = pickle.dumps(side(), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # noqa: BLE001 — the parent runs it again and sees the error itself
            payload = b""
        sender.send_bytes(payload)
        sender.close()

    process = context.Process(target=child, daemon=False)
    process.start()
    sender.close()
    try:
        first = main()
        try:
            payload = receiver.recv_bytes()
        except (EOFError, OSError):
            payload = b""
    finally:
        receiver.close()
        process.join()
    return first, (pickle.loads(payload) if payload else side())


def map_split(func: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[func(item) for item in items]``, the second half in a forked child."""
    half = len(items) // 2
    first, second = run_beside(
        len(items),
        lambda: [func(item) for item in items[:half]],
        lambda: [func(item) for item in items[half:]],
    )
    return first + second
