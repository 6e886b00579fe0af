"""Where per-file work runs: in this process, in a pool of local processes, or on a Dask cluster.
Each executor yields ``(item, result)`` as each item finishes, so the caller commits results one by one.

Per-file limits (``Limits``) hold in every worker: a file that runs past ``time_s`` seconds is stopped
(``LimitExceeded``) and a worker's address space is capped at ``memory_mb``; a worker that dies anyway
(killed by the system) is replaced, and a file that was in flight in two deaths is given up as
``worker_crashed`` so one pathological file cannot stop the batch.

>>> Limits().time_s, Limits(memory_mb=4096).memory_mb
(1800.0, 4096)
"""

from __future__ import annotations

import ctypes
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

EXECUTORS = ("local", "dask")


@dataclass(frozen=True, slots=True)
class Limits:
    """Per file: ``time_s`` seconds of wall time (0: none); per worker process: ``memory_mb`` MiB of
    address space (0: none; never applied to the main process)."""

    time_s: float = 1800.0
    memory_mb: int = 0

    def __post_init__(self) -> None:
        if self.time_s < 0 or self.memory_mb < 0:
            raise ValueError("file limits must be 0 (none) or positive")


class LimitExceeded(BaseException):  # noqa: N818 - not an Exception: the readers' `except Exception` must not swallow it
    """A file ran past its time limit."""


class WorkerCrashed(RuntimeError):
    """The process reading the file died twice while the file was in flight."""


@dataclass(frozen=True, slots=True)
class ExecutorOptions:
    """``kind``: local (processes on this machine) or dask (``scheduler``: ``tcp://host:8786``; '' for a
    LocalCluster started for the run); ``workers``: local processes (0: every core)."""

    kind: str = "local"
    workers: int = 0
    scheduler: str = ""
    limits: Limits = Limits()

    def __post_init__(self) -> None:
        if self.kind not in EXECUTORS:
            raise ValueError(f"executor must be one of {', '.join(EXECUTORS)}, not {self.kind!r}")
        if self.workers < 0:
            raise ValueError(f"workers must be 0 (every core) or more, not {self.workers}")


def _on_alarm(signum, frame):  # noqa: ARG001
    raise LimitExceeded()


def limited(fn: Callable[[Any], Any], item: Any, time_s: float) -> Any:
    """``fn(item)`` stopped with ``LimitExceeded`` after ``time_s`` seconds (main thread only; 0: no limit)."""
    if time_s <= 0:
        return fn(item)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, time_s)
    try:
        return fn(item)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def limited_in_thread(fn: Callable[[Any], Any], item: Any, time_s: float) -> Any:
    """``fn(item)`` stopped with ``LimitExceeded`` after ``time_s`` seconds in any thread (0: no limit).

    For the threads Dask runs tasks in, where ``signal.setitimer`` cannot reach: a timer raises the
    exception in this thread through ``PyThreadState_SetAsyncExc`` (the standard library has no way to stop
    a thread). It takes effect at the next Python instruction, so a C call in progress (one Tesseract page,
    itself bounded by the OCR timeout) ends first.
    """
    if time_s <= 0:
        return fn(item)
    thread, lock, done = ctypes.c_ulong(threading.get_ident()), threading.Lock(), []

    def stop() -> None:
        with lock:
            if not done:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread, ctypes.py_object(LimitExceeded))

    timer = threading.Timer(time_s, stop)
    timer.daemon = True
    timer.start()
    try:
        return fn(item)
    finally:
        with lock:
            done.append(True)
            ctypes.pythonapi.PyThreadState_SetAsyncExc(thread, None)  # one raised too late for fn is dropped
        timer.cancel()


def _init_worker(memory_mb: int) -> None:
    if memory_mb > 0:
        import resource

        cap = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


@dataclass(frozen=True, slots=True)
class _Call:
    fn: Callable[[Any], Any]
    time_s: float
    in_thread: bool = False  # the time limit by a timer thread (Dask tasks), not by SIGALRM

    def __call__(self, item: Any) -> Any:
        """``fn(item)``, or the ``LimitExceeded`` or exception that stopped it (returned, not raised)."""
        try:
            return (limited_in_thread if self.in_thread else limited)(self.fn, item, self.time_s)
        except (LimitExceeded, Exception) as exc:  # noqa: BLE001 - a failure of one item is its result
            return exc


def run_inline(fn: Callable[[Any], Any], items: Iterable[Any], limits: Limits) -> Iterator[tuple[Any, Any]]:
    call = _Call(fn, limits.time_s)
    for item in items:
        yield item, call(item)


@dataclass(frozen=True, slots=True)
class _Batch:
    """``call`` over a few items in one task: one message each way instead of one per item (a text file is
    read in a millisecond or two, about what a task costs to send and receive); each item keeps its own
    time limit and its own result."""

    call: _Call

    def __call__(self, items: tuple[Any, ...]) -> list[Any]:
        return [self.call(item) for item in items]


def run_local(fn: Callable[[Any], Any], items: Iterable[Any], workers: int, limits: Limits,
              window: int = 4, batch: int = 1, idle: Callable[[], None] | None = None) -> Iterator[tuple[Any, Any]]:
    """``fn`` over ``items`` in ``workers`` processes, ``batch`` items a task and at most ``window`` tasks a
    worker in flight, as each finishes. When a worker dies, the items then in flight are read again one at a
    time; one that kills its worker alone gets ``WorkerCrashed`` as its result. ``idle()`` is called each
    time before waiting for more results (the caller commits what it was given so far)."""
    _prepare(fn)
    call = _Batch(_Call(fn, limits.time_s))
    queue, suspects = deque(items), deque()
    while queue or suspects:
        alone = bool(suspects)
        source, size, step = (suspects, 1, 1) if alone else (queue, workers, max(1, batch))
        pool = ProcessPoolExecutor(max_workers=size, initializer=_init_worker, initargs=(limits.memory_mb,))
        flight: dict[Future, tuple[Any, ...]] = {}
        broken = False
        try:
            while (source or flight) and not broken:
                while source and len(flight) < (1 if alone else size * window):
                    chunk = tuple(source.popleft() for _ in range(min(step, len(source))))
                    flight[pool.submit(call, chunk)] = chunk
                if idle is not None:
                    idle()
                done, _ = wait(flight, return_when=FIRST_COMPLETED)
                for future in done:
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        broken = True
                        continue
                    except Exception as exc:  # noqa: BLE001 - a failure of one item is its result
                        results = [exc] * len(flight[future])
                    yield from zip(flight.pop(future), results, strict=True)
        except BaseException:  # Ctrl-C, or the caller stopped: end the workers now, not after their pages
            _terminate(pool)
            raise
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        for item in (item for chunk in flight.values() for item in chunk):  # in flight when the pool broke
            if alone:
                yield item, WorkerCrashed("the process reading this file died (out of memory, or killed)")
            else:
                suspects.append(item)


def _prepare(fn: Callable[[Any], Any]) -> None:
    """``fn.prepare()``, where ``fn`` has one, when the pool's processes are forked from this one: what it
    loads (word lists, tables) is then loaded once and shared, not once in each worker."""
    prepare = getattr(fn, "prepare", None)
    if prepare is not None and multiprocessing.get_start_method() == "fork":
        prepare()


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the pool's worker processes at once (the standard library offers no public way before 3.14)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


def run_dask(fn: Callable[[Any], Any], items: Iterable[Any], scheduler: str, limits: Limits) -> Iterator[tuple[Any, Any]]:
    """``fn`` over ``items`` on a Dask distributed cluster (``scheduler`` '' starts a LocalCluster)."""
    from distributed import Client, LocalCluster, as_completed

    call = _Call(fn, limits.time_s, in_thread=True)  # Dask runs tasks in threads: no SIGALRM there
    cluster = None if scheduler else LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
    client = Client(scheduler or cluster)
    try:
        futures = {}
        for item in items:
            futures[client.submit(call, item, pure=False)] = item
        for future in as_completed(futures):
            yield futures[future], future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_all(fn: Callable[[Any], Any], items: list[Any], options: ExecutorOptions, cores: int,
            batch: int = 1, idle: Callable[[], None] | None = None) -> Iterator[tuple[Any, Any]]:
    """The executor ``options`` name over ``items``; ``cores``: this machine's, for ``workers`` 0; ``batch``:
    items a local task holds at most (quick items: text files, not OCR pages); ``idle()``: called before
    each wait for results (in this process or on Dask: after each result)."""
    if options.kind == "dask":
        return _after_each(run_dask(fn, items, options.scheduler, options.limits), idle)
    workers = options.workers or cores
    if workers <= 1 or len(items) <= 1:
        return _after_each(run_inline(fn, items, options.limits), idle)
    workers = min(workers, len(items))
    batch = max(1, min(batch, len(items) // (workers * BATCHES_A_WORKER)))  # enough tasks to share out evenly
    return run_local(fn, items, workers, options.limits, window=2 if batch > 1 else 4, batch=batch, idle=idle)


def _after_each(results: Iterator[tuple[Any, Any]], idle: Callable[[], None] | None) -> Iterator[tuple[Any, Any]]:
    for pair in results:
        yield pair
        if idle is not None:
            idle()


BATCHES_A_WORKER = 16  # at least this many tasks for each worker before items are put together
