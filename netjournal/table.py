"""Tables laid out in plain Python, then printed by Rich as one styled text.

Rich's ``Table`` measures and renders every cell through its general layout engine: about
1.5 ms a row, most of what a 50-row ``net due`` costs beyond starting Python. This module
draws the same look (Rich's ``SIMPLE_HEAD`` box: a bold header, a rule, no borders, cells
padded by one space, a blank line between sections) with the arithmetic a table of text
needs: column widths from the widest cell, words wrapped by terminal cell width
(``rich.cells``, so wide and combining characters line up). Rich still does the printing,
so colours, ``NO_COLOR`` and terminals without colour behave as everywhere else.

Each column has a kind, which says how it may give way on a narrow terminal:

- a *label* (the default: numbers, dates, kinds, bands, stages, short codes) never wraps;
- ``names=`` columns wrap, between words only, when nothing else helps;
- ``text=`` columns (free text: notes, reasons) wrap between words.

When the table is wider than the terminal, the free text first wraps down to
:data:`TEXT_EASY` cells; then the columns named in ``drop=`` go, first the first (a
footer names them: nothing disappears silently); then the free text wraps down to its
longest word (:data:`LONG_WORD` cells, for a word longer than that), then the names wrap
between words. If that is still too wide, the columns on the right go (the first names
column, or the first column, stays); only a cell wider than the terminal by itself is cut.

A cell is plain text (never Rich markup: a name like ``[bold]`` prints as written), a
``(text, style)`` pair, or a list of such pairs. Every cell, header and title goes
through :func:`netjournal.text.visible`: a control character in the data (an escape
sequence that came in with an import) is shown as ``\x1b``, never sent to the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len

from netjournal.text import visible

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.text import Text

Run = tuple[str, str]
Cell = str | Run | Sequence[Run]

#: what separates columns: right padding, the (blank) divider, left padding
GAP = 3
#: the blank edge and the padding before the first column and after the last
EDGE = 2
#: how narrow free text wraps before a column is dropped to make room for it
TEXT_EASY = 24
#: a word of free text longer than this (a URL) is cut before a names column wraps
LONG_WORD = 12

LABEL, NAMES, TEXT = "label", "names", "text"
Key = str | int


def _runs(cell: Cell | None, style: str) -> list[Run]:
    if cell is None:
        return [("", style)]
    if isinstance(cell, str):
        return [(visible(cell), style)]
    if isinstance(cell, tuple) and len(cell) == 2 and isinstance(cell[0], str):
        text, own = cell
        return [(visible(str(text)), str(own) or style)]
    return [(visible(str(text)), own or style) for text, own in cell]  # type: ignore[misc]


class Table:
    """Columns (a leading ``>`` right-aligns one), an optional title, rows and sections.

    ``names`` and ``text`` list the columns (by header, without the ``>``, or by index)
    of those kinds; every other column is a label. ``drop`` lists the columns that may be
    hidden on a narrow terminal, the least important first; an entry may be a tuple of
    columns that go together.
    """

    def __init__(
        self,
        *columns: str,
        title: str | None = None,
        names: Sequence[Key] = (),
        text: Sequence[Key] = (),
        drop: Sequence[Key | tuple[Key, ...]] = (),
    ) -> None:
        self.title = None if title is None else visible(title)
        self._keys = [c[1:] if c.startswith(">") else c for c in columns]
        self.headers = [visible(k) for k in self._keys]
        self.right = [c.startswith(">") for c in columns]
        self.kinds = [LABEL] * len(columns)
        for key in names:
            self.kinds[self._index(key)] = NAMES
        for key in text:
            self.kinds[self._index(key)] = TEXT
        self.drop: list[list[int]] = [
            [self._index(k) for k in (group if isinstance(group, tuple) else (group,))]
            for group in drop
        ]
        self.rows: list[list[list[Run]] | None] = []

    def _index(self, key: Key) -> int:
        if isinstance(key, int):
            if not 0 <= key < len(self._keys):
                raise ValueError(f"no column {key}")
            return key
        found = [i for i, k in enumerate(self._keys) if k == key]
        if len(found) != 1:
            raise ValueError(f"no single column named {key!r} in {self._keys}")
        return found[0]

    def add_row(self, *cells: Cell | None, style: str = "") -> None:
        """One row; ``style`` applies to the cells that have none of their own."""
        if len(cells) != len(self.headers):
            raise ValueError(f"expected {len(self.headers)} cells, got {len(cells)}")
        self.rows.append([_runs(cell, style) for cell in cells])

    def add_section(self) -> None:
        """A blank line before the next row."""
        self.rows.append(None)

    # --- layout -----------------------------------------------------------------------

    def _measure(self) -> _Measure:
        n = len(self.headers)
        m = _Measure(
            natural=[cell_len(h) for h in self.headers],
            cells=[0] * n,
            words=[0] * n,
            head=[max((cell_len(w) for w in h.split(" ")), default=0) for h in self.headers],
        )
        for row in self.rows:
            if row is None:
                continue
            for i, runs in enumerate(row):
                text = "".join(t for t, _ in runs)
                for line in text.split("\n"):
                    m.cells[i] = max(m.cells[i], cell_len(line))
                    for word in line.split(" "):
                        m.words[i] = max(m.words[i], cell_len(word))
        m.natural = [max(a, b) for a, b in zip(m.natural, m.cells, strict=True)]
        return m

    def layout(self, max_width: int) -> tuple[dict[int, int], list[int]]:
        """The shown columns' widths (content only) by index, for a table at most
        ``max_width`` cells wide, and the hidden columns, in the order they went."""
        m = self._measure()
        shown = list(range(len(self.headers)))
        hidden: list[int] = []

        def attempt(stage: int) -> dict[int, int] | None:
            widths = [m.natural[i] for i in shown]
            room = max_width - EDGE * 2 - GAP * (len(shown) - 1)
            for s in range(1, stage + 1):
                floor = [
                    min(w, _floor(self.kinds[i], s, m, i))
                    for i, w in zip(shown, widths, strict=True)
                ]
                _shrink(widths, floor, sum(widths) - room)
            if sum(widths) <= room or stage == LAST:
                return dict(zip(shown, widths, strict=True))
            return None

        def hide(columns: list[int]) -> None:
            for i in columns:
                if i in shown and len(shown) > 1:
                    shown.remove(i)
                    hidden.append(i)

        widths = attempt(EASY)
        for group in self.drop:
            if widths is not None:
                break
            hide(group)
            widths = attempt(EASY)
        widths = widths or attempt(NAMES_WRAP)
        while widths is None and len(shown) > 1:
            keep = next((i for i in shown if self.kinds[i] == NAMES), shown[0])
            hide([next(i for i in reversed(shown) if i != keep)])
            widths = attempt(NAMES_WRAP)
        return widths or attempt(LAST) or {}, hidden

    def widths(self, max_width: int) -> list[int]:
        """Column widths (content only; 0 for a hidden column) at most ``max_width`` wide."""
        shown, _ = self.layout(max_width)
        return [shown.get(i, 0) for i in range(len(self.headers))]

    def lines(self, max_width: int) -> list[list[Run]]:
        """The table as lines of styled runs (trailing blanks left out)."""
        shown, hidden = self.layout(max_width)
        keep = sorted(shown)
        widths = [shown[i] for i in keep]
        out: list[list[Run]] = []
        if self.title:
            out.extend([(self.title[a:b], "italic")] for a, b in _wrap_plain(self.title, max_width))
        out.append([])
        header = [[(self.headers[i], "bold")] for i in keep]
        out.extend(self._row(header, widths, keep))
        rule = sum(widths) + EDGE * 2 - 2 + GAP * (len(widths) - 1)
        out.append([(" " + "─" * rule, "")])
        for row in self.rows:
            if row is None:
                out.append([])
            else:
                out.extend(self._row([row[i] for i in keep], widths, keep))
        out.append([])
        gone = [self.headers[i] for i in hidden if self.headers[i] and not self._blank(i)]
        if gone:
            from netjournal import messages

            note = messages.TABLE_HIDDEN.format(width=max_width, columns=", ".join(gone))
            room = max(max_width - EDGE, 1)
            out.extend([(" " * EDGE + note[a:b], "dim")] for a, b in _wrap_plain(note, room))
            out.append([])
        return out

    def _blank(self, i: int) -> bool:
        """Whether column ``i`` holds nothing in any row (hiding it hides nothing)."""
        return all(row is None or not "".join(t for t, _ in row[i]).strip() for row in self.rows)

    def _row(self, row: list[list[Run]], widths: list[int], keep: list[int]) -> list[list[Run]]:
        cells = [_wrap(runs, width) for runs, width in zip(row, widths, strict=True)]
        height = max(len(c) for c in cells)
        lines: list[list[Run]] = []
        for k in range(height):
            line: list[Run] = [(" " * EDGE, "")]
            for i, cell in enumerate(cells):
                runs = cell[k] if k < len(cell) else []
                pad = widths[i] - sum(cell_len(t) for t, _ in runs)
                if i:
                    line.append((" " * GAP, ""))
                if self.right[keep[i]]:
                    line.append((" " * pad, ""))
                    line.extend(runs)
                else:
                    line.extend(runs)
                    line.append((" " * pad, ""))
            lines.append(_rstrip(line))
        return lines

    def text(self, max_width: int) -> Text:
        """The table as one Rich ``Text``, lines already fitted to ``max_width``."""
        from rich.text import Text

        text = Text(end="", no_wrap=True, overflow="ignore")
        for line in self.lines(max_width):
            for chunk, style in line:
                text.append(chunk, style or None)
            text.append("\n")
        return text

    def print_to(self, console: Console, *, width: int | None = 0) -> None:
        """Print the table fitted to ``width`` (0: the console's width; None: unlimited).

        Without colours (a pipe, a file, ``TERM=dumb``) the lines are written as they are;
        otherwise Rich styles them.
        """
        limit = console.width if width == 0 else (width or 1_000_000)
        if console.color_system is None and not console.record:
            console.file.write(
                "".join("".join(t for t, _ in line) + "\n" for line in self.lines(limit))
            )
            return
        console.print(self.text(limit), soft_wrap=True, end="")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """So a table can also be one of several renderables Rich prints (``net review``)."""
        yield self.text(options.max_width)


#: the stages of :meth:`Table.layout`: each lowers some kinds' floors
EASY, TEXT_WORDS, LONG_WORDS, NAMES_WRAP, LAST = 1, 2, 3, 4, 5


@dataclass
class _Measure:
    natural: list[int]  # the widest line of each column, header included
    cells: list[int]  # the widest line of the cells alone
    words: list[int]  # the longest word in the cells
    head: list[int]  # the longest word of the header


def _floor(kind: str, stage: int, m: _Measure, i: int) -> int:
    """How narrow column ``i`` may get at ``stage`` (a header wraps between its words)."""
    if stage >= LAST:
        return 1
    if kind == TEXT:
        if stage == EASY:
            return max(min(m.natural[i], TEXT_EASY), m.words[i], m.head[i])
        if stage == TEXT_WORDS:
            return max(m.words[i], m.head[i])
        return max(min(m.words[i], LONG_WORD), m.head[i])
    if kind == NAMES and stage >= NAMES_WRAP:
        return max(m.words[i], m.head[i])
    return max(m.cells[i], m.head[i])


def _shrink(widths: list[int], floor: list[int], excess: int) -> None:
    """Narrow the widest columns (never below ``floor``) until ``excess`` is gone."""
    while excess > 0:
        movable = [i for i, w in enumerate(widths) if w > floor[i]]
        if not movable:
            return
        top = max(widths[i] for i in movable)
        widest = [i for i in movable if widths[i] == top]
        below = max((widths[i] for i in movable if widths[i] < top), default=0)
        step = max(1, min(top - below, top - max(floor[i] for i in widest)))
        for i in widest:
            cut = min(step, excess, widths[i] - floor[i])
            widths[i] -= cut
            excess -= cut
            if excess <= 0:
                return


def _wrap(runs: list[Run], width: int) -> list[list[Run]]:
    """Styled text wrapped at spaces (and inside words longer than ``width``)."""
    if len(runs) == 1 and "\n" not in runs[0][0] and cell_len(runs[0][0]) <= width:
        return [runs]  # most cells: one run that fits
    text = "".join(t for t, _ in runs)
    spans: list[tuple[int, int]] = []  # (start, end) offsets of each line in text
    start = 0
    for paragraph in text.split("\n"):
        spans.extend((start + a, start + b) for a, b in _wrap_plain(paragraph, width))
        start += len(paragraph) + 1
    styles: list[str] = []
    for chunk, style in runs:
        styles.extend([style] * len(chunk))
    lines: list[list[Run]] = []
    for a, b in spans:
        line: list[Run] = []
        k = a
        while k < b:
            j = k
            while j < b and styles[j] == styles[k]:
                j += 1
            line.append((text[k:j], styles[k]))
            k = j
        lines.append(line)
    return lines or [[]]


def _wrap_plain(text: str, width: int) -> list[tuple[int, int]]:
    """Offsets of the lines of ``text`` wrapped to ``width`` cells."""
    if cell_len(text) <= width:
        return [(0, len(text))]
    width = max(width, 1)
    out: list[tuple[int, int]] = []
    line_start = line_end = 0  # current line: text[line_start:line_end]
    used = 0
    k = 0
    n = len(text)
    while k < n:
        if text[k] == " ":
            k += 1
            continue
        end = text.find(" ", k)
        end = n if end < 0 else end
        word = cell_len(text[k:end])
        gap = 1 if line_end > line_start else 0
        if used + gap + word <= width:
            if line_end == line_start:
                line_start = k
            line_end, used = end, used + gap + word
            k = end
            continue
        if line_end > line_start:
            out.append((line_start, line_end))
            line_start = line_end = k
            used = 0
            continue
        # a word longer than the line: as much of it as fits
        cut, cells = k, 0
        while cut < end and cells + cell_len(text[cut]) <= width:
            cells += cell_len(text[cut])
            cut += 1
        cut = max(cut, k + 1)
        out.append((k, cut))
        k = cut
        line_start = line_end = k
    if line_end > line_start:
        out.append((line_start, line_end))
    return out or [(0, 0)]


def _rstrip(line: list[Run]) -> list[Run]:
    """No blanks at the end of a line (our styles are colours and weights: blanks show
    nothing)."""
    while line and not line[-1][0].strip():
        line.pop()
    if line:
        line[-1] = (line[-1][0].rstrip(), line[-1][1])
    return line
