"""The WHEN grammar: every form, both preferences, and its properties."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from netjournal import messages
from netjournal.dates import parse_birthday, parse_day, parse_when
from netjournal.errors import BadValue

SAT = date(2026, 11, 28)  # a Saturday
MON = date(2026, 11, 23)  # a Monday
JAN31 = date(2026, 1, 31)  # month clamping
LEAP_JAN31 = date(2024, 1, 31)
NOON = time(12, 0)

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def noon(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 12, 0)


# --- fixed forms -----------------------------------------------------------------------


def test_fixed_today_values() -> None:
    assert SAT.weekday() == 5
    assert MON.weekday() == 0


@pytest.mark.parametrize("prefer", ["past", "future"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2026, 11, 28)),
        ("  TODAY ", date(2026, 11, 28)),
        ("yesterday", date(2026, 11, 27)),
        ("Tomorrow", date(2026, 11, 29)),
        ("3 days ago", date(2026, 11, 25)),
        ("1 day ago", date(2026, 11, 27)),
        ("a day ago", date(2026, 11, 27)),
        ("0 days ago", date(2026, 11, 28)),
        ("2 weeks ago", date(2026, 11, 14)),
        ("a week ago", date(2026, 11, 21)),
        ("1 month ago", date(2026, 10, 28)),
        ("an year ago", date(2025, 11, 28)),
        ("2 years ago", date(2024, 11, 28)),
        ("in 3 days", date(2026, 12, 1)),
        ("in a day", date(2026, 11, 29)),
        ("in 2 weeks", date(2026, 12, 12)),
        ("in 1 week", date(2026, 12, 5)),
        ("in 3 months", date(2027, 2, 28)),
        ("in an year", date(2027, 11, 28)),
        ("In  2   Years", date(2028, 11, 28)),
        ("last friday", date(2026, 11, 27)),
        ("last sat", date(2026, 11, 21)),
        ("last Sunday", date(2026, 11, 22)),
        ("next mon", date(2026, 11, 30)),
        ("next saturday", date(2026, 12, 5)),
        ("NEXT FRI", date(2026, 12, 4)),
    ],
)
def test_forms_independent_of_preference(text: str, expected: date, prefer: str) -> None:
    assert parse_when(text, SAT, prefer=prefer) == datetime.combine(expected, NOON)
    assert parse_day(text, SAT, prefer=prefer) == expected


@pytest.mark.parametrize(
    ("text", "past", "future"),
    [
        ("friday", date(2026, 11, 27), date(2026, 12, 4)),
        ("fri", date(2026, 11, 27), date(2026, 12, 4)),
        ("Sunday", date(2026, 11, 22), date(2026, 11, 29)),
        ("MON", date(2026, 11, 23), date(2026, 11, 30)),
        ("saturday", date(2026, 11, 21), date(2026, 12, 5)),  # today's weekday: a week away
        ("3d", date(2026, 11, 25), date(2026, 12, 1)),
        ("3D", date(2026, 11, 25), date(2026, 12, 1)),
        ("2w", date(2026, 11, 14), date(2026, 12, 12)),
        ("1m", date(2026, 10, 28), date(2026, 12, 28)),
        ("1y", date(2025, 11, 28), date(2027, 11, 28)),
        ("0d", date(2026, 11, 28), date(2026, 11, 28)),
    ],
)
def test_forms_that_follow_preference(text: str, past: date, future: date) -> None:
    assert parse_day(text, SAT) == past  # past is the default
    assert parse_day(text, SAT, prefer="past") == past
    assert parse_day(text, SAT, prefer="future") == future
    assert parse_when(text, SAT, prefer="future") == datetime.combine(future, NOON)


def test_weekdays_from_a_monday() -> None:
    assert parse_day("monday", MON) == date(2026, 11, 16)
    assert parse_day("monday", MON, prefer="future") == date(2026, 11, 30)
    assert parse_day("last mon", MON, prefer="future") == date(2026, 11, 16)
    assert parse_day("next monday", MON) == date(2026, 11, 30)
    assert parse_day("sun", MON) == date(2026, 11, 22)
    assert parse_day("tue", MON) == date(2026, 11, 17)
    assert parse_day("tue", MON, prefer="future") == date(2026, 11, 24)
    assert parse_day("next sun", MON) == date(2026, 11, 29)
    assert parse_day("last tuesday", MON) == date(2026, 11, 17)


@pytest.mark.parametrize(
    ("today", "text", "prefer", "expected"),
    [
        (JAN31, "in 1 month", "past", date(2026, 2, 28)),
        (JAN31, "1m", "future", date(2026, 2, 28)),
        (JAN31, "in 2 months", "past", date(2026, 3, 31)),
        (JAN31, "2 months ago", "past", date(2025, 11, 30)),
        (LEAP_JAN31, "in a month", "past", date(2024, 2, 29)),
        (date(2024, 2, 29), "1 year ago", "past", date(2023, 2, 28)),
        (date(2024, 2, 29), "1y", "future", date(2025, 2, 28)),
        (date(2024, 2, 29), "in 4 years", "past", date(2028, 2, 29)),
        (date(2026, 3, 31), "1m", "past", date(2026, 2, 28)),
    ],
)
def test_months_and_years_clamp(today: date, text: str, prefer: str, expected: date) -> None:
    assert parse_day(text, today, prefer=prefer) == expected


# --- ISO and dateutil ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-27", noon(2026, 11, 27)),
        ("2026-11-27T15:30", datetime(2026, 11, 27, 15, 30)),
        ("2026-11-27 15:30", datetime(2026, 11, 27, 15, 30)),
        ("2026-11-27t08:05:09", datetime(2026, 11, 27, 8, 5, 9)),
        ("2026-11-27 00:00", datetime(2026, 11, 27, 0, 0)),
        ("2026-11-27 3pm", datetime(2026, 11, 27, 15, 0)),
        ("27 Nov 2026", noon(2026, 11, 27)),
        ("Nov 27 2026", noon(2026, 11, 27)),
        ("november 27, 2026", noon(2026, 11, 27)),
        ("Nov 27", noon(2026, 11, 27)),
        ("27 nov", noon(2026, 11, 27)),
        ("27 Nov 2026 15:30", datetime(2026, 11, 27, 15, 30)),
        ("27 Nov 2026 3pm", datetime(2026, 11, 27, 15, 0)),
        ("Fri 27 Nov 2026", noon(2026, 11, 27)),
        ("27/11/2026", noon(2026, 11, 27)),
        ("27.11.2026", noon(2026, 11, 27)),
        ("27-11-2026", noon(2026, 11, 27)),
        ("27/11/2026 09:15", datetime(2026, 11, 27, 9, 15)),
        ("27/11", noon(2026, 11, 27)),
        ("27/11/26", noon(2026, 11, 27)),
        ("2026/11/27", noon(2026, 11, 27)),
    ],
)
def test_absolute_dates(text: str, expected: datetime) -> None:
    for prefer in ("past", "future"):
        assert parse_when(text, SAT, prefer=prefer) == expected


def test_iso_with_offset_is_converted_to_local() -> None:
    moment = datetime(2026, 11, 27, 15, 30, tzinfo=UTC)
    local = moment.astimezone().replace(tzinfo=None)
    assert parse_when("2026-11-27T15:30Z", SAT) == local
    assert parse_when("2026-11-27T15:30+00:00", SAT) == local
    east = datetime(2026, 11, 27, 16, 30, tzinfo=timezone(timedelta(hours=1)))
    assert parse_when("2026-11-27 16:30+01:00", SAT) == east.astimezone().replace(tzinfo=None)
    assert parse_when("2026-11-27T15:30Z", SAT).tzinfo is None


def test_date_order() -> None:
    assert parse_day("03/04/2026", SAT) == date(2026, 4, 3)
    assert parse_day("03/04/2026", SAT, date_order="DMY") == date(2026, 4, 3)
    assert parse_day("03/04/2026", SAT, date_order="MDY") == date(2026, 3, 4)
    assert parse_day("11/27/2026", SAT, date_order="MDY") == date(2026, 11, 27)
    assert parse_day("11/27", SAT, date_order="MDY") == date(2026, 11, 27)
    assert parse_when("03/04/2026 10:00", SAT, date_order="MDY") == datetime(2026, 3, 4, 10)
    # Month names are never ambiguous.
    assert parse_day("4 March 2026", SAT, date_order="MDY") == date(2026, 3, 4)


def test_two_digit_years_pivot_on_today_not_the_clock() -> None:
    assert parse_day("27/11/80", SAT) == date(1980, 11, 27)
    assert parse_day("27/11/80", date(2100, 1, 1)) == date(2080, 11, 27)


def test_noon_default_and_explicit_midnight() -> None:
    assert parse_when("27 Nov 2026", SAT).time() == NOON
    assert parse_when("27 Nov 2026 0:00", SAT) == datetime(2026, 11, 27, 0, 0)
    assert parse_when("yesterday", SAT) == noon(2026, 11, 27)


# --- errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "garbage",
        "in 2 weeks please",
        "2 weeks",
        "5",
        "27",
        "2026",
        "20261127",
        "Nov 2026",
        "November",
        "27th",
        "3pm",
        "friday 3pm",
        "last",
        "next week",
        "3 hours ago",
        "in -2 days",
        "-3d",
        "99999999 years ago",
        "99999999 days ago",
        "in 99999999999999999999 weeks",
        "9" * 5000 + "d",
        "1000000m",
        "2026-11-27 junk",
        "2026-11-27T25:00",
        "27 Nov 2026 3pm EST",
        "yesterday\x00",
        "to\x07day",
        "27\x1bNov 2026",
        "{text}",
        "１２/１１/２０２６",
    ],
)
def test_unreadable(text: str) -> None:
    for prefer in ("past", "future"):
        with pytest.raises(BadValue) as info:
            parse_when(text, SAT, prefer=prefer)
        assert info.value.message == messages.BAD_DATE.format(text=text)


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("2019-02-29", "DMY"),
        ("2020-08-32", "DMY"),
        ("2026-13-01", "DMY"),
        ("2019-02-29T10:00", "DMY"),
        ("31/04/2026", "DMY"),
        ("30/02/2026", "DMY"),
        ("31/04/2026 10:00", "DMY"),
        ("04/31/2026", "MDY"),
        ("25/12/2026", "MDY"),  # month 25 in MDY, not silently swapped
        ("12/25/2026", "DMY"),
        ("32/08/2020", "DMY"),
        ("Feb 29 2019", "DMY"),
        ("29 Feb", "DMY"),  # 2026 is not a leap year
        ("2026/02/30", "DMY"),
    ],
)
def test_nonexistent(text: str, order: str) -> None:
    with pytest.raises(BadValue) as info:
        parse_when(text, SAT, date_order=order)
    assert info.value.message.startswith(messages.DATE_DOES_NOT_EXIST.format(text=text))


def test_error_messages_show_text_and_accepted_forms() -> None:
    for text in ("garbage", "2019-02-29"):
        with pytest.raises(BadValue) as info:
            parse_when(text, SAT)
        assert f"'{text}'" in str(info.value)
        assert "2026-11-27" in str(info.value)
        assert "yesterday" in str(info.value)


def test_feb_29_exists_in_leap_years() -> None:
    assert parse_day("2024-02-29", SAT) == date(2024, 2, 29)
    assert parse_day("29 Feb", date(2028, 3, 1)) == date(2028, 2, 29)


def test_bad_arguments_are_programmer_errors() -> None:
    with pytest.raises(ValueError):
        parse_when("today", SAT, prefer="later")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        parse_when("today", SAT, date_order="YMD")  # type: ignore[arg-type]


# --- birthdays -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("1980-05-17", "DMY", "1980-05-17"),
        ("--05-17", "DMY", "--05-17"),
        ("--0517", "DMY", "--05-17"),
        ("17 May", "DMY", "--05-17"),
        ("May 17", "DMY", "--05-17"),
        ("17th of may", "DMY", "--05-17"),
        ("17 May 1980", "MDY", "1980-05-17"),
        ("May 17, 1980", "DMY", "1980-05-17"),
        ("17 sept 1980", "DMY", "1980-09-17"),
        ("17/05", "DMY", "--05-17"),
        ("05/17", "MDY", "--05-17"),
        ("17/05/1980", "DMY", "1980-05-17"),
        ("05/17/1980", "MDY", "1980-05-17"),
        ("03/04/1980", "DMY", "1980-04-03"),
        ("03/04/1980", "MDY", "1980-03-04"),
        ("17.05.1980", "DMY", "1980-05-17"),
        ("--02-29", "DMY", "--02-29"),
        ("29 Feb", "DMY", "--02-29"),
        ("1980-02-29", "DMY", "1980-02-29"),
        ("  1980-05-17 ", "DMY", "1980-05-17"),
    ],
)
def test_birthdays(text: str, order: str, expected: str) -> None:
    assert parse_birthday(text, date_order=order) == expected


@pytest.mark.parametrize(
    "text", ["", "yesterday", "May", "17", "1980", "17/05/80", "17 Maybe", "--05", "a\x00"]
)
def test_unreadable_birthdays(text: str) -> None:
    with pytest.raises(BadValue) as info:
        parse_birthday(text)
    assert info.value.message == messages.BAD_BIRTHDAY.format(text=text)


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("1981-02-29", "DMY"),
        ("--02-30", "DMY"),
        ("31/04", "DMY"),
        ("31/04/1980", "DMY"),
        ("17/05", "MDY"),
        ("31 April", "DMY"),
        ("1980-13-01", "DMY"),
    ],
)
def test_nonexistent_birthdays(text: str, order: str) -> None:
    with pytest.raises(BadValue) as info:
        parse_birthday(text, date_order=order)
    assert info.value.message.startswith(messages.DATE_DOES_NOT_EXIST.format(text=text))


# --- properties ------------------------------------------------------------------------

todays = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(n=st.integers(min_value=0, max_value=3650), today=todays)
def test_days_ago(n: int, today: date) -> None:
    assert parse_day(f"{n} days ago", today) == today - timedelta(days=n)
    assert parse_day(f"{n}d", today) == today - timedelta(days=n)
    assert parse_day(f"{n}d", today, prefer="future") == today + timedelta(days=n)


@given(n=st.integers(min_value=0, max_value=520), today=todays)
def test_in_weeks(n: int, today: date) -> None:
    assert parse_day(f"in {n} weeks", today) == today + timedelta(days=7 * n)
    assert parse_day(f"in {n} weeks", today, prefer="future") == today + timedelta(days=7 * n)


@given(
    today=todays,
    weekday=st.integers(min_value=0, max_value=6),
    short=st.booleans(),
    upper=st.booleans(),
)
def test_next_and_last_weekday(today: date, weekday: int, short: bool, upper: bool) -> None:
    name = WEEKDAYS[weekday][:3] if short else WEEKDAYS[weekday]
    if upper:
        name = name.upper()
    after = parse_day(f"next {name}", today)
    before = parse_day(f"last {name}", today)
    assert after.weekday() == weekday == before.weekday()
    assert 1 <= (after - today).days <= 7
    assert 1 <= (today - before).days <= 7
    assert parse_day(name, today, prefer="future") == after
    assert parse_day(name, today, prefer="past") == before


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_iso_round_trip(day: date) -> None:
    assert parse_when(day.isoformat(), SAT) == datetime.combine(day, NOON)
    assert parse_day(day.isoformat(), SAT, prefer="future") == day


@given(moment=st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2100, 12, 30)))
def test_iso_datetime_round_trip(moment: datetime) -> None:
    assert parse_when(moment.isoformat(), SAT) == moment


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_birthday_round_trip(day: date) -> None:
    assert parse_birthday(day.isoformat()) == day.isoformat()
    assert parse_birthday(day.strftime("%d/%m/%Y")) == day.isoformat()
    assert parse_birthday(day.strftime("%m/%d/%Y"), date_order="MDY") == day.isoformat()


@given(
    text=st.text(),
    today=todays,
    prefer=st.sampled_from(["past", "future"]),
    order=st.sampled_from(["DMY", "MDY"]),
)
@example(text="99999999 years ago", today=SAT, prefer="past", order="DMY")
@example(text="0/0/0", today=SAT, prefer="past", order="DMY")
@example(text="1 Jan 1 00:00+23:59", today=SAT, prefer="past", order="DMY")
def test_any_text_is_a_datetime_or_bad_value(
    text: str, today: date, prefer: str, order: str
) -> None:
    try:
        result = parse_when(text, today, prefer=prefer, date_order=order)
    except BadValue:
        return
    assert isinstance(result, datetime)
    assert result.tzinfo is None


@given(text=st.text(alphabet=st.sampled_from("0123456789/-.: aAdDmMyYtTzZ+,")), today=todays)
def test_date_like_text_is_a_datetime_or_bad_value(text: str, today: date) -> None:
    try:
        result = parse_when(text, today)
    except BadValue:
        return
    assert isinstance(result, datetime)


@given(text=st.text())
def test_any_text_is_a_birthday_or_bad_value(text: str) -> None:
    try:
        result = parse_birthday(text)
    except BadValue:
        return
    assert len(result) == 10
