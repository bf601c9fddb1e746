"""Turning option strings into clean values (dates, kinds, sizes, money) for commands."""

from __future__ import annotations

from datetime import date, datetime

from netjournal import messages, vocab
from netjournal.cli.common import State
from netjournal.errors import BadUsage, BadValue
from netjournal.text import choice, clean_text, parse_money


def _in_range(st: State, value: date, text: str) -> None:
    from netjournal.dates import check_range

    check_range(value, text)


def when(st: State, text: str | None, *, prefer: str = "past") -> datetime:
    """An aware local datetime; ``None`` means now."""
    if text is None:
        return st.now
    from netjournal.dates import parse_when

    naive = parse_when(text, st.today, prefer=prefer, date_order=st.config.date_order)  # type: ignore[arg-type]
    _in_range(st, naive.date(), text)
    return naive.astimezone()


def happened(st: State, text: str | None) -> datetime:
    """When something that has happened happened (``log --on``): ``None`` means now; a
    day after today is refused (a plan is ``log --planned``)."""
    moment = when(st, text, prefer="past")
    if moment.date() > st.today:
        raise BadValue(messages.LOG_FUTURE.format(day=moment.date().isoformat()))
    return moment


def happened_on(st: State, text: str | None, what: str) -> date:
    """The day something that has happened happened (a give, an ask, a fact learned, money
    spent): ``None`` means today; a day after today is refused."""
    value = day(st, text, prefer="past")
    if value > st.today:
        raise BadValue(messages.NOT_YET.format(day=value.isoformat(), what=what))
    return value


def day(st: State, text: str | None, *, prefer: str = "past", default: date | None = None) -> date:
    if text is None:
        return default if default is not None else st.today
    from netjournal.dates import parse_day

    value = parse_day(text, st.today, prefer=prefer, date_order=st.config.date_order)  # type: ignore[arg-type]
    _in_range(st, value, text)
    return value


def kind_and_text(raw: str, what: str) -> tuple[str, str]:
    """'introduction:to Marco' -> ('introduction', 'to Marco'); else ('favor', raw)."""
    head, sep, rest = raw.partition(":")
    if sep and head.strip().lower() in vocab.EXCHANGE_KINDS:
        return head.strip().lower(), clean_text(rest, what)
    return vocab.DEFAULT_EXCHANGE_KIND, clean_text(raw, what)


def category_and_text(raw: str) -> tuple[str, str]:
    head, sep, rest = raw.partition(":")
    if not sep:
        raise BadValue(messages.BAD_LEARNED)
    category = choice(head, vocab.FACT_CATEGORIES, "fact category")
    return category, clean_text(rest, "fact")


def size_amount(size: int | None, amount: str | None) -> tuple[int | None, int | None]:
    if size is not None and amount is not None:
        raise BadUsage(messages.SIZE_AND_AMOUNT)
    if size is not None and not 1 <= size <= 5:
        raise BadValue(messages.BAD_SIZE.format(size=size))
    cents = parse_money(amount) if amount is not None else None
    return size, cents


def exchange_kind(raw: str) -> str:
    return choice(raw, vocab.EXCHANGE_KINDS, "kind")


def interaction_kind(raw: str) -> str:
    return choice(raw, vocab.INTERACTION_KINDS, "interaction kind")


def since_day(st: State, since: str | None) -> date | None:
    """``--since WHEN``: a day up to today, or None."""
    if since is None:
        return None
    value = day(st, since, prefer="past")
    if value > st.today:
        raise BadValue(messages.SINCE_FUTURE.format(day=value.isoformat()))
    return value
