"""Work whose result the pages do not need at once (the checks of the sources, the short-address
pages and their QR codes, the search entries, the full text's assembly, a fresh clone's templates),
done in a second process while MkDocs renders the pages, so that a build on two cores is not held
up by it. Where processes cannot be forked (Windows), the work is done at once."""

from __future__ import annotations

import multiprocessing
import os
import traceback
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable

from draftsite.data_files import DataFileError
from draftsite.messages import software_failure

FORK = "fork" in multiprocessing.get_all_start_methods()
NICENESS = 10  # the build's own process renders the pages: the second process yields the CPU to it


class BackgroundError(Exception):
    """The background work failed: on a data file an editor can fix (`plain`: the message is that
    file's one line, file:line: what to do), or in the code (the message carries its traceback)."""

    def __init__(self, message: str, plain: bool = False) -> None:
        super().__init__(message)
        self.plain = plain

    # The message for the build's log: the data file's own line (Vietnamese first), or `what` failed
    # and the traceback, said to be a failure of the software.
    def report(self, what: str) -> str:
        return str(self) if self.plain else software_failure(f"{what}:\n{self}")


class Task:
    """`function(*args)` running in a forked process; `result()` waits for what it returns."""

    # Start the work (a forked copy of this process runs it: nothing is pickled but the result).
    # `urgent`: the build will soon wait for it, so it keeps the build's CPU priority.
    def __init__(self, function: Callable[..., Any], *args: Any, urgent: bool = False) -> None:
        self._value: tuple[str, Any] | None = None
        if not FORK:
            self._value = _outcome(function, args)
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(send, function, args, urgent), daemon=True)
        self._process.start()
        send.close()

    # What the function returned; raises BackgroundError if it raised or its process died.
    def result(self) -> Any:
        if self._value is None:
            try:
                self._value = self._receive.recv()
            except EOFError:
                self._value = ("error", "the background process ended without an answer")
            finally:
                self._receive.close()
                self._process.join()
        status, value = self._value
        if status in ("error", "data"):
            raise BackgroundError(value, plain=status == "data")
        return value


# The function's outcome: ("ok", value), ("data", the one-line message of a data file that stopped
# it) or ("error", traceback text).
def _outcome(function: Callable[..., Any], args: tuple) -> tuple[str, Any]:
    try:
        return "ok", function(*args)
    except DataFileError as error:
        return "data", str(error)
    except BaseException:  # noqa: BLE001 - reported to the build, which stops
        return "error", traceback.format_exc()


# The forked process: run the function and send its outcome back.
def _run(send, function: Callable[..., Any], args: tuple, urgent: bool) -> None:
    if not urgent:
        _yield_cpu()
    send.send(_outcome(function, args))
    send.close()


# Lower this process's CPU priority, where the system allows it.
def _yield_cpu() -> None:
    try:
        os.nice(NICENESS)
    except (AttributeError, OSError):
        pass


class Worker:
    """A second process that runs plain functions handed over one by one (page by page) while the
    build goes on; `results()` waits for them all, in the order they were handed over."""

    # Start the process (at the first hand-over).
    def __init__(self) -> None:
        context = multiprocessing.get_context("fork") if FORK else None
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_yield_cpu) if FORK else None
        self._futures: list[Future] = []
        self._done: list[Any] = []

    # Hand `function(*args)` over (function and arguments are pickled: module-level functions only).
    def submit(self, function: Callable[..., Any], *args: Any) -> None:
        if self._pool is None:
            self._done.append(function(*args))
        else:
            self._futures.append(self._pool.submit(function, *args))

    # Every result, in order; raises BackgroundError if one of the functions raised.
    def results(self) -> list[Any]:
        try:
            return self._done + [future.result() for future in self._futures]
        except DataFileError as error:
            raise BackgroundError(str(error), plain=True) from None
        except Exception:  # noqa: BLE001 - reported to the build, which stops
            raise BackgroundError(traceback.format_exc()) from None
        finally:
            self.close()

    # Stop the process (the build stopped, or every result is in).
    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
