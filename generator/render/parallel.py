"""Render many case pages on two cores: a forked child renders the second half.

Output order and bytes are the same as a serial render; on any trouble with the child
(no ``fork``, one CPU, a crash) the parent renders everything itself.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_MIN = 400  # below this the fork costs more than it saves


def map_split(func: Callable[[T], R], items: Sequence[T]) -> list[R]:
    if (len(items) < PARALLEL_MIN or (os.cpu_count() or 1) < 2
            or "fork" not in multiprocessing.get_all_start_methods()):
        return [func(item) for item in items]
    half = len(items) // 2
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        receiver.close()
        try:
            payload = pickle.dumps([func(item) for item in items[half:]], protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # noqa: BLE001 — the parent falls back to rendering these itself
            payload = b""
        sender.send_bytes(payload)
        sender.close()

    process = context.Process(target=child, daemon=True)
    process.start()
    sender.close()
    try:
        first = [func(item) for item in items[:half]]
        try:
            payload = receiver.recv_bytes()
        except (EOFError, OSError):
            payload = b""
    finally:
        receiver.close()
        process.join()
    second = pickle.loads(payload) if payload else [func(item) for item in items[half:]]
    return first + second
