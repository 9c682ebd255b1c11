"""Use both cores for big catalogues: a forked child renders half the case pages
(``map_split``) or the search outputs (``run_beside``) while the parent works.

Results are the same objects a serial run returns. Without ``fork`` or with one CPU the
parent does all the work itself. A child that fails (an exception, a crash, a kill) fails the
build with a clear message instead of being re-run silently; a child whose parent dies (a
``kill -9`` of the build) stops at once rather than rendering on for nobody.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from generator.errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")
A = TypeVar("A")
B = TypeVar("B")

PARALLEL_MIN = 400  # below this the fork costs more than it saves
_PR_SET_PDEATHSIG = 1
_OK, _FAILED = b"\x01", b"\x00"


class ParallelRenderError(ConfigError):
    """The forked renderer did not deliver its half (exit code 2 in the CLI)."""


def _usable(size: int, fork: bool) -> bool:
    return (fork and size >= PARALLEL_MIN and (os.cpu_count() or 1) >= 2
            and "fork" in multiprocessing.get_all_start_methods())


def _die_with_parent(parent: int) -> None:
    """In the child: be killed when the parent dies (Linux ``prctl(PR_SET_PDEATHSIG)``; elsewhere
    a thread watching ``getppid``)."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()


def run_beside(
    size: int, main: Callable[[], A], side: Callable[[], B], *, fork: bool = True
) -> tuple[A, B]:
    """``(main(), side())`` with ``side`` in a forked child while the parent runs ``main``.

    ``fork=False`` runs both here: a long-running multi-threaded host (``mkdocs serve``) passes
    it, since forking a process with other threads can copy a lock held by one of them."""
    if not _usable(size, fork):
        return main(), side()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    parent = os.getpid()

    def child() -> None:
        receiver.close()
        _die_with_parent(parent)
        try:
            payload = _OK + pickle.dumps(side(), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # noqa: BLE001 — reported by the parent
            payload = _FAILED + f"{type(exc).__name__}: {exc}".encode("utf-8", "replace")
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
    except BaseException:
        process.kill()  # the parent failed: the child's half is not wanted
        raise
    finally:
        receiver.close()
        process.join()
    if payload[:1] == _OK:
        return first, pickle.loads(payload[1:])
    if payload[:1] == _FAILED:
        detail = payload[1:].decode("utf-8", "replace")
        raise ParallelRenderError(f"proses anak perender gagal: {detail}")
    raise ParallelRenderError(
        f"proses anak perender berhenti tanpa hasil (kode keluar {process.exitcode}); "
        "situs tidak dibangun. Ulangi build; bila terulang, laporkan sebagai galat."
    )


def map_split(func: Callable[[T], R], items: Sequence[T], *, fork: bool = True) -> list[R]:
    """``[func(item) for item in items]``, the second half in a forked child (unless
    ``fork=False``)."""
    half = len(items) // 2
    first, second = run_beside(
        len(items),
        lambda: [func(item) for item in items[:half]],
        lambda: [func(item) for item in items[half:]],
        fork=fork,
    )
    return first + second
