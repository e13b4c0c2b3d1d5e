"""What the command writes to stderr: one line per message, and a progress line on a terminal.

Worker threads warn while the main thread prints records and failures, so every write
to stderr goes through one lock. The progress line is drawn only when stderr is a
terminal and only once a listing has run for ``PROGRESS_DELAY`` seconds; a message
first erases it, so the line never ends up glued to an error. ``--no-progress`` turns
it off; ``--quiet`` too, and drops the warning lines (errors are always printed).

The command writes no colour or other terminal styling: the progress line is plain
text redrawn with a carriage return, so ``NO_COLOR`` holds without a check, and a
server's text has its control characters replaced before it reaches the terminal.
"""

from __future__ import annotations

import contextlib
import math
import sys
import threading
import time
from typing import TYPE_CHECKING, Final, Self, TextIO

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from modelcatalog.catalog import ProviderProgress

#: a listing shorter than this shows no progress at all (no flicker for quick ones)
PROGRESS_DELAY: Final = 0.3
PROGRESS_INTERVAL: Final = 0.1
#: C0 controls, DEL and C1 controls: a server's text must not move the cursor or recolour the terminal
_CONTROLS: Final = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")


def one_line(text: str) -> str:
    """``text`` with every control character (newlines, escapes) turned into a space."""
    return text.translate(_CONTROLS)


class Console:
    """The command's stderr: messages, tracebacks with ``--debug``, and at most one progress line."""

    def __init__(
        self, stream: TextIO | None = None, *, debug: bool = False, quiet: bool = False, progress: bool = True
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.debug = debug
        #: no warning lines and no progress: only errors
        self.quiet = quiet
        self.show_progress = progress and not quiet
        self.lock = threading.RLock()
        self._drawn = 0  # characters of progress currently on the line

    def line(self, text: str) -> None:
        """Print ``text`` as one line (after erasing any progress line)."""
        with self.lock:
            self.erase()
            self.stream.write(one_line(text) + "\n")
            self.stream.flush()

    def error(self, text: str) -> None:
        """``modelcatalog: error: text``."""
        self.line(f"modelcatalog: error: {text}")

    def exception(self, exc: BaseException) -> None:
        """The traceback of ``exc``, with ``--debug`` only."""
        if not self.debug:
            return
        import traceback  # noqa: PLC0415 - only on the --debug path

        with self.lock:
            self.erase()
            traceback.print_exception(exc, file=self.stream)
            self.stream.flush()

    def show_warning(  # noqa: PLR0917 - the signature warnings.showwarning has
        self,
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        """Warnings (off-spec responses, pagination, insecure transport) as one line each."""
        del filename, lineno, file, line
        if self.quiet:
            return
        self.line(f"modelcatalog: warning: {category.__name__}: {message}")

    def draw(self, text: str) -> None:
        """Replace the progress line with ``text`` (cut to the terminal's width)."""
        import shutil  # noqa: PLC0415 - only when progress is shown

        text = one_line(text)[: max(shutil.get_terminal_size().columns - 1, 10)]
        with self.lock:
            padding = " " * max(self._drawn - len(text), 0)
            self.stream.write(f"\r{text}{padding}")
            self.stream.flush()
            self._drawn = len(text)

    @property
    def drawn(self) -> bool:
        """Whether a progress line is on the screen."""
        return self._drawn > 0

    def erase(self) -> None:
        """Blank the progress line, if one is drawn, and put the cursor back at its start."""
        with self.lock:
            if self._drawn:
                self.stream.write("\r" + " " * self._drawn + "\r")
                self.stream.flush()
                self._drawn = 0

    def progress(self, providers: Iterable[str]) -> Progress | None:
        """A progress line for a listing of ``providers``; None unless stderr is a terminal and progress is wanted."""
        isatty = getattr(self.stream, "isatty", None)
        if not self.show_progress or isatty is None or not isatty():
            return None
        return Progress(self, providers)


class Progress:
    """``listing… scenario 1200 (12 pages, 310/s) · truefoundry 0 (waiting 42 s, Retry-After) · 4s``.

    Redrawn by a background thread. Per provider: the records so far, the pages, the rate
    (records a second, from the start to its latest page), and a wait before a retry while
    it lasts; ``(failed)`` or ``(incomplete)`` once it ended so.

    States are replaced (``update``, the catalog's ``on_progress``) by the thread reading
    the listing; the drawing thread only reads them, so no lock is needed (a draw may be
    one update behind).
    """

    def __init__(self, console: Console, providers: Iterable[str]) -> None:
        self.console = console
        self._started = time.monotonic()
        self.states: dict[str, ProviderProgress | None] = dict.fromkeys(providers)
        #: provider or instance -> monotonic time of its latest update (for its rate)
        self._latest: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="modelcatalog-progress", daemon=True)

    def update(self, state: ProviderProgress) -> None:
        """Where one provider stands: records and pages so far, a retry wait, a failure or an incomplete end."""
        self.states[state.instance] = state
        self._latest[state.instance] = time.monotonic()

    def render(self) -> str:
        """The progress line's text."""
        parts = [self._part(provider, state) for provider, state in self.states.items()]
        elapsed = time.monotonic() - self._started
        return f"listing… {' · '.join(parts)} · {elapsed:.0f}s"

    def _part(self, provider: str, state: ProviderProgress | None) -> str:
        if state is None:
            return f"{provider} 0"
        notes: list[str] = []
        if state.pages:
            notes.append(f"{state.pages} page{'s' if state.pages != 1 else ''}")
        running = self._latest[provider] - self._started
        if state.records and running >= 1:
            notes.append(f"{state.records / running:.0f}/s")
        wait = state.waiting
        if wait is not None and wait.left > 0 and state.failure is None:
            why = "Retry-After" if wait.retry_after else f"retry {wait.attempt} of {wait.max_attempts}, {wait.reason}"
            notes.append(f"waiting {math.ceil(wait.left)} s ({why})")  # 0.3 s left still reads "1 s"
        if state.failure is not None:
            notes.append("incomplete" if state.failure.incomplete else "failed")
        return f"{provider} {state.records}" + (f" ({', '.join(notes)})" if notes else "")

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.console.erase()

    def _run(self) -> None:
        if self._stop.wait(PROGRESS_DELAY):
            return
        shown = ""
        while not self._stop.is_set():
            text = self.render()
            with self.console.lock:
                # redraw when the text changed or a message erased the line
                if not self._stop.is_set() and (text != shown or not self.console.drawn):
                    self.console.draw(text)
                    shown = text
            self._stop.wait(PROGRESS_INTERVAL)


@contextlib.contextmanager
def held(console: Console) -> Iterator[None]:
    """Hold the console while writing to a stdout that shares the terminal: no progress mid-line."""
    with console.lock:
        console.erase()
        yield
