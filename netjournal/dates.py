"""Reading the dates users type (WHEN), against an explicit ``today``.

A small explicit grammar (today, "3 days ago", "in 2 weeks", "last fri", "3d", ...) on
top of :mod:`dateutil`; anything else goes to ``dateutil.parser`` (imported lazily),
never fuzzy. Pure: no clock, no I/O. Every failure is a :class:`BadValue`.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, NoReturn

from dateutil.relativedelta import relativedelta

from netjournal import messages
from netjournal.errors import BadValue

if TYPE_CHECKING:
    from dateutil.parser import parserinfo

__all__ = ["DateOrder", "Prefer", "parse_birthday", "parse_day", "parse_when"]

Prefer = Literal["past", "future"]
DateOrder = Literal["DMY", "MDY"]

NOON = time(12, 0)

_WEEKDAYS: dict[str, int] = {}
for _i, _name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
):
    _WEEKDAYS[_name] = _WEEKDAYS[_name[:3]] = _i

_MONTHS: dict[str, int] = {}
for _i, _name in enumerate(
    (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    start=1,
):
    _MONTHS[_name] = _MONTHS[_name[:3]] = _i
_MONTHS["sept"] = 9

_UNIT = r"(?P<unit>day|week|month|year)s?"
_COUNT = r"(?P<n>[0-9]+|an?)"
_WD = r"(?P<wd>" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + ")"
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_AGO = re.compile(rf"{_COUNT} {_UNIT} ago", re.ASCII)
_IN = re.compile(rf"in {_COUNT} {_UNIT}", re.ASCII)
_LAST_NEXT = re.compile(rf"(?P<dir>last|next) {_WD}", re.ASCII)
_BARE_WD = re.compile(_WD, re.ASCII)
_SHORT = re.compile(r"(?P<n>[0-9]+)(?P<unit>[dwmy])", re.ASCII)
_ISO = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?P<rest>[t ].*)?", re.ASCII)
_NUMERIC_DM = re.compile(r"(?P<a>[0-9]{1,2})[/.-](?P<b>[0-9]{1,2})(?![0-9])", re.ASCII)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

_UNIT_LETTERS = {"d": "day", "w": "week", "m": "month", "y": "year"}


# --- public API ------------------------------------------------------------------------


def parse_when(
    text: str, today: date, *, prefer: Prefer = "past", date_order: DateOrder = "DMY"
) -> datetime:
    """Read WHEN as a naive local datetime; a date without a time gets noon."""
    forward = _check_prefer(prefer)
    dayfirst = _check_order(date_order)
    norm = _normalize(text)
    if norm is None:
        _bad(text)
    try:
        result = _parse(norm, text, today, forward=forward, dayfirst=dayfirst)
    except (ValueError, OverflowError, OSError):
        _bad(text)
    return result


def parse_day(
    text: str, today: date, *, prefer: Prefer = "past", date_order: DateOrder = "DMY"
) -> date:
    """Like :func:`parse_when`, the date only."""
    return parse_when(text, today, prefer=prefer, date_order=date_order).date()


def parse_birthday(text: str, *, date_order: DateOrder = "DMY") -> str:
    """Read a birthday as ``YYYY-MM-DD``, or ``--MM-DD`` when it has no year."""
    dayfirst = _check_order(date_order)
    norm = _normalize(text)
    parts = _birthday_parts(norm, dayfirst=dayfirst) if norm is not None else None
    if parts is None:
        raise BadValue(messages.BAD_BIRTHDAY.format(text=text))
    year, month, day = parts
    try:
        # 2000 is a leap year, so Feb 29 without a year is fine.
        date(2000 if year is None else year, month, day)
    except ValueError:
        raise BadValue(
            f"{messages.DATE_DOES_NOT_EXIST.format(text=text)} {messages.BIRTHDAY_FORMS_HINT}"
        ) from None
    if year is None:
        return f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


# --- the grammar -----------------------------------------------------------------------


def _parse(norm: str, text: str, today: date, *, forward: bool, dayfirst: bool) -> datetime:
    """Try each form in turn; raise ValueError/OverflowError when unreadable."""
    day = _relative_day(norm, today, forward=forward)
    if day is not None:
        return datetime.combine(day, NOON)
    iso = _ISO.fullmatch(norm)
    if iso is not None and (moment := _parse_iso(iso, norm, text)) is not None:
        return moment
    if norm.isdigit() or not norm.isascii():  # "5", "2026", "20261127": not dates
        raise ValueError(norm)
    return _parse_dateutil(norm, text, today, dayfirst=dayfirst)


def _relative_day(norm: str, today: date, *, forward: bool) -> date | None:
    """The day named by a relative form, or None if ``norm`` is not one."""
    if norm == "today":
        return today
    if norm == "yesterday":
        return today - timedelta(days=1)
    if norm == "tomorrow":
        return today + timedelta(days=1)
    if m := _AGO.fullmatch(norm):
        return _shift(today, _count(m["n"]), m["unit"], -1)
    if m := _IN.fullmatch(norm):
        return _shift(today, _count(m["n"]), m["unit"], +1)
    if m := _SHORT.fullmatch(norm):
        return _shift(today, int(m["n"]), _UNIT_LETTERS[m["unit"]], 1 if forward else -1)
    if m := _LAST_NEXT.fullmatch(norm):
        return _weekday_from(today, _WEEKDAYS[m["wd"]], forward=m["dir"] == "next")
    if m := _BARE_WD.fullmatch(norm):
        return _weekday_from(today, _WEEKDAYS[m["wd"]], forward=forward)
    return None


def _count(word: str) -> int:
    return 1 if word in ("a", "an") else int(word)


def _shift(today: date, n: int, unit: str, sign: int) -> date:
    """``today`` moved by n units; months and years clamp to the month's end."""
    if unit == "day":
        return today + timedelta(days=sign * n)
    if unit == "week":
        return today + timedelta(weeks=sign * n)
    if unit == "month":
        return today + relativedelta(months=sign * n)
    return today + relativedelta(years=sign * n)


def _weekday_from(today: date, weekday: int, *, forward: bool) -> date:
    """The previous (or coming) ``weekday``, 1 to 7 days away; never today."""
    if forward:
        return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    return today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)


def _parse_iso(m: re.Match[str], norm: str, text: str) -> datetime | None:
    """An ISO date or date-time; None to let dateutil try ("2026-11-27 3pm")."""
    try:
        parsed = datetime.fromisoformat(norm.upper())
    except ValueError:
        _check_exists(int(m["y"]), int(m["m"]), int(m["d"]), text)
        return None
    if m["rest"] is None:
        return datetime.combine(parsed.date(), NOON)
    return _to_local(parsed)


def _parse_dateutil(norm: str, text: str, today: date, *, dayfirst: bool) -> datetime:
    """Parse with dateutil, rejecting input that lacks a day or a month."""
    from dateutil.parser import ParserError, UnknownTimezoneWarning, parse

    info = _parserinfo(dayfirst, today.year)
    # Two defaults that differ in month, day and hour reveal which parts were typed.
    # Jan and Mar both have 31 days; the 1st and 8th share a weekday.
    first = datetime(today.year, 1, 1, 0, 0, 0)
    second = datetime(today.year, 3, 8, 1, 1, 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", UnknownTimezoneWarning)
            a = parse(norm, parserinfo=info, default=first, dayfirst=dayfirst)
            b = parse(norm, parserinfo=info, default=second, dayfirst=dayfirst)
    except ParserError as err:
        reason = str(err)
        if "day is out of range" in reason or "month must be in" in reason:
            _missing(text)
        raise
    except UnknownTimezoneWarning as err:
        raise ValueError(norm) from err
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        raise ValueError(norm)  # "Nov 2026", "27th", "3pm": not a whole date
    numeric = _NUMERIC_DM.match(norm)
    if numeric is not None:
        # dateutil swaps day and month when one cannot be a month; the setting decides.
        x, y = int(numeric["a"]), int(numeric["b"])
        day, month = (x, y) if dayfirst else (y, x)
        if (a.day, a.month) != (day, month):
            _missing(text)
    if a.hour != b.hour:  # no time typed
        return datetime.combine(a.date(), NOON)
    return _to_local(a)


@lru_cache(maxsize=8)
def _parserinfo(dayfirst: bool, year: int) -> parserinfo:
    """A dateutil parserinfo whose two-digit years pivot on ``year``, not the clock."""
    from dateutil.parser import parserinfo

    class _Info(parserinfo):
        def __init__(self) -> None:
            super().__init__(dayfirst=dayfirst)
            self._year = year
            self._century = year // 100 * 100

    return _Info()


def _to_local(moment: datetime) -> datetime:
    """Naive local time; an aware datetime is converted first."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone().replace(tzinfo=None)


# --- birthdays -------------------------------------------------------------------------

_BDAY_ISO = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})", re.ASCII)
_BDAY_NOYEAR = re.compile(
    r"--(?:(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})|(?P<mm>[0-9]{2})(?P<dd>[0-9]{2}))", re.ASCII
)
_BDAY_NUMERIC = re.compile(
    r"(?P<a>[0-9]{1,2})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?:(?P=sep)(?P<y>[0-9]{4}))?", re.ASCII
)
_ORD = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,? (?P<y>[0-9]{4}))?"
_BDAY_DAY_MON = re.compile(rf"{_ORD} (?:of )?{_MON}{_YEAR}", re.ASCII)
_BDAY_MON_DAY = re.compile(rf"{_MON} {_ORD}{_YEAR}", re.ASCII)


def _birthday_parts(norm: str, *, dayfirst: bool) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) as typed, not yet validated; None if unreadable."""
    if m := _BDAY_ISO.fullmatch(norm):
        return int(m["y"]), int(m["m"]), int(m["d"])
    if m := _BDAY_NOYEAR.fullmatch(norm):
        return None, int(m["m"] or m["mm"]), int(m["d"] or m["dd"])
    if m := _BDAY_NUMERIC.fullmatch(norm):
        x, y = int(m["a"]), int(m["b"])
        day, month = (x, y) if dayfirst else (y, x)
        return (int(m["y"]) if m["y"] else None), month, day
    m = _BDAY_DAY_MON.fullmatch(norm) or _BDAY_MON_DAY.fullmatch(norm)
    if m:
        return (int(m["y"]) if m["y"] else None), _MONTHS[m["mon"]], int(m["d"])
    return None


# --- helpers ---------------------------------------------------------------------------


def _normalize(text: str) -> str | None:
    """Lower case with single spaces; None if empty or holding control characters."""
    if not isinstance(text, str):
        return None
    norm = " ".join(text.split()).lower()
    if not norm or _CONTROL.search(norm):
        return None
    return norm


def _check_exists(year: int, month: int, day: int, text: str) -> None:
    try:
        date(year, month, day)
    except ValueError:
        _missing(text)


def _check_prefer(prefer: str) -> bool:
    if prefer not in ("past", "future"):
        raise ValueError(f"prefer must be 'past' or 'future', not {prefer!r}")
    return prefer == "future"


def _check_order(date_order: str) -> bool:
    if date_order not in ("DMY", "MDY"):
        raise ValueError(f"date_order must be 'DMY' or 'MDY', not {date_order!r}")
    return date_order == "DMY"


def _bad(text: str) -> NoReturn:
    raise BadValue(messages.BAD_DATE.format(text=text)) from None


def _missing(text: str) -> NoReturn:
    raise BadValue(
        f"{messages.DATE_DOES_NOT_EXIST.format(text=text)} {messages.DATE_FORMS_HINT}"
    ) from None


#: the years a journal date may have; anything else is a typo (and would overflow
#: date arithmetic such as "last contact + cadence")
EARLIEST_YEAR = 1900
LATEST_YEAR = 2999


def check_range(value: date, text: str | None = None) -> date:
    """Return ``value`` if its year is plausible for a journal, else raise BadValue."""
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise BadValue(
            messages.DATE_OUT_OF_RANGE.format(
                text=text if text is not None else value.isoformat(),
                first=EARLIEST_YEAR,
                last=LATEST_YEAR,
            )
        )
    return value
