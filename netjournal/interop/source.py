"""Reading an import file as a stream: bounded memory, whatever the file holds.

:func:`open_import` refuses a file over the import limit (``import_limit_mb`` in the
config) before reading it, and stops reading a stream (a pipe, a device) that goes past
it; :meth:`Source.lines` yields the file line by line, decoded as UTF-8 (a BOM dropped,
line ends kept for ``csv``), and refuses a NUL byte, invalid UTF-8 or a line longer than
:data:`LINE_LIMIT` with one sentence. Nothing holds more than a line at a time, so an
import's memory depends on how many people it brings in, not on the file's size.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from netjournal import messages
from netjournal.errors import BadValue
from netjournal.plural import a_an

#: a megabyte, as ``import_limit_mb`` counts it
MB = 1_000_000
#: the longest line (in characters) a text import reads; a CSV cell is at most 128 KiB
#: (``csv.field_size_limit``), a vCard line is folded at 75 bytes
LINE_LIMIT = 4 * 1024 * 1024
#: advance the progress bar at most once per this many bytes
PROGRESS_STEP = 256 * 1024

T = TypeVar("T")


class _Limited(io.RawIOBase):
    """A binary file that refuses to be read past ``limit`` bytes."""

    def __init__(self, raw: io.FileIO, source: Source) -> None:
        self.raw = raw
        self.source = source

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = self.raw.readinto(buffer) or 0
        self.source.consumed += n
        if self.source.consumed > self.source.limit:
            raise BadValue(self.source.too_big())
        return n

    def close(self) -> None:
        self.raw.close()
        super().close()


class Source:
    """An open import file: its lines, how far it has been read, its size if known."""

    def __init__(
        self,
        path: Path,
        what: str,
        limit_mb: int,
        config: Path | None,
        tolerant: bool = False,
        fallback: str | None = None,
    ) -> None:
        self.path = path
        self.tolerant = tolerant
        self.fallback = fallback
        self.encoding = "utf-8"  # what the file is read as: ``fallback`` when not UTF-8
        self.what = what
        self.limit_mb = limit_mb
        self.limit = limit_mb * MB
        self.config = config
        self.consumed = 0
        self.size: int | None = None
        self._text: io.TextIOWrapper | None = None

    def too_big(self, size: int | None = None) -> str:
        """The refusal: the file's size (or, for a stream, that it went past the limit),
        the limit, and the setting that raises it."""
        config = self.config or "config.toml"
        if size is None:
            return messages.IMPORT_STREAM_TOO_BIG.format(
                path=self.path, limit=self.limit_mb, config=config
            )
        return messages.IMPORT_TOO_BIG.format(
            path=self.path, size=f"{size / MB:,.1f}", limit=self.limit_mb, config=config
        )

    def open(self) -> None:
        try:
            info = os.stat(self.path)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(21, os.strerror(21))
            if stat.S_ISREG(info.st_mode):
                self.size = info.st_size
                if info.st_size > self.limit:
                    raise BadValue(self.too_big(info.st_size))
            raw = io.FileIO(self.path, "r")
        except OSError as exc:
            raise BadValue(
                messages.IMPORT_NOT_FILE.format(path=self.path, reason=exc.strerror or exc)
            ) from exc
        if self.fallback and self.size is not None and not _is_utf8(self.path):
            self.encoding = self.fallback
        buffered = io.BufferedReader(_Limited(raw, self), buffer_size=64 * 1024)
        encoding, errors = ("utf-8-sig" if self.encoding == "utf-8" else self.encoding), "strict"
        if self.tolerant:  # bytes that are not UTF-8 are kept for the reader to decode
            head = buffered.peek(2)[:2]
            utf16 = head in (b"\xff\xfe", b"\xfe\xff")
            encoding, errors = ("utf-16", "strict") if utf16 else ("utf-8-sig", "surrogateescape")
        self._text = io.TextIOWrapper(buffered, encoding=encoding, errors=errors, newline="")

    def close(self) -> None:
        if self._text is not None:
            self._text.close()

    def lines(self) -> Iterator[str]:
        """Each line with its line end; a sentence (BadValue) when the file is not text."""
        assert self._text is not None
        readline = self._text.readline
        while True:
            line = self._read(readline, LINE_LIMIT)
            if not line:
                return
            if len(line) >= LINE_LIMIT and not line.endswith(("\n", "\r")):
                raise BadValue(
                    messages.IMPORT_LINE_TOO_LONG.format(
                        path=self.path, a_what=a_an(self.what), limit=f"{LINE_LIMIT:,}"
                    )
                )
            yield line

    def read_all(self) -> str:
        """The whole file as text (for JSON), still within the import limit."""
        assert self._text is not None
        return self._read(self._text.read, -1)

    def _read(self, read: Callable[[int], str], size: int) -> str:
        """``read(size)``, with a sentence for what makes the file not text."""
        try:
            text = read(size)
        except UnicodeDecodeError:
            raise BadValue(self.not_text()) from None
        except OSError as exc:
            raise BadValue(
                messages.IMPORT_NOT_FILE.format(path=self.path, reason=exc.strerror or exc)
            ) from exc
        if "\x00" in text:
            raise BadValue(self.not_text())
        return text

    def not_text(self) -> str:
        if self.encoding != "utf-8":
            return messages.IMPORT_NOT_TEXT_EITHER.format(
                path=self.path, a_what=a_an(self.what), encoding=ENCODING_NAMES.get(self.encoding)
            )
        return messages.IMPORT_NOT_TEXT.format(path=self.path, a_what=a_an(self.what))


#: how the encodings a fallback may name are called in messages
ENCODING_NAMES = {"cp1252": "Windows-1252"}


def _is_utf8(path: Path) -> bool:
    """Whether the regular file ``path`` is UTF-8 throughout (read once, a chunk at a
    time, before the import reads it)."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1024 * 1024):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except (UnicodeDecodeError, OSError):
        return False
    return True


@contextmanager
def open_import(
    path: Path,
    what: str,
    limit_mb: int,
    config: Path | None = None,
    *,
    tolerant: bool = False,
    fallback: str | None = None,
) -> Iterator[Source]:
    """The file ``path`` opened for an import of ``what`` (for messages), within
    ``limit_mb`` megabytes; ``config`` is the config file named in the refusal. A
    ``tolerant`` source (vCards) is UTF-16 when it starts with a UTF-16 BOM, else UTF-8
    whose undecodable bytes come through as lone surrogates, for the reader to decode by
    the card's CHARSET (``interop/vcardtext.py``). With a ``fallback`` encoding (CSV:
    ``cp1252``, what Excel and Outlook write on Windows), a regular file that is not
    UTF-8 throughout is read in that encoding instead (``Source.encoding`` says so)."""
    source = Source(path, what, limit_mb, config, tolerant, fallback)
    source.open()
    try:
        yield source
    finally:
        source.close()


def tracked(items: Iterable[T], source: Source, advance: Callable[[int], None]) -> Iterator[T]:
    """``items`` as they come, advancing a progress bar by the bytes read meanwhile."""
    shown = 0
    for item in items:
        if source.consumed - shown >= PROGRESS_STEP:
            advance(source.consumed - shown)
            shown = source.consumed
        yield item
    if source.consumed > shown:
        advance(source.consumed - shown)
