"""Work that needs no rendered page (the checks of the sources, the short-address pages and their
QR codes), done in a second process while MkDocs renders the pages, so that a build on two cores
is not held up by it. Where processes cannot be forked (Windows), the work is done at once."""

from __future__ import annotations

import multiprocessing
import traceback
from typing import Any, Callable

FORK = "fork" in multiprocessing.get_all_start_methods()


class BackgroundError(Exception):
    """The background work failed; the message carries its traceback."""


class Task:
    """`function(*args)` running in a forked process; `result()` waits for what it returns."""

    # Start the work (a forked copy of this process runs it: nothing is pickled but the result).
    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        self._value: tuple[str, Any] | None = None
        if not FORK:
            self._value = _outcome(function, args)
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(send, function, args), daemon=True)
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
        if status == "error":
            raise BackgroundError(value)
        return value


# The function's outcome: ("ok", value) or ("error", traceback text).
def _outcome(function: Callable[..., Any], args: tuple) -> tuple[str, Any]:
    try:
        return "ok", function(*args)
    except BaseException:  # noqa: BLE001 - reported to the build, which stops
        return "error", traceback.format_exc()


# The forked process: run the function and send its outcome back.
def _run(send, function: Callable[..., Any], args: tuple) -> None:
    send.send(_outcome(function, args))
    send.close()
