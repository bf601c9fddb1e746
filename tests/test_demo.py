"""``net demo`` shows a meaningful review whatever the day of the month: the last 30
days, with what the sample just spent inside them (on the 1st a month-to-date review
covered one day and missed it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]


@pytest.mark.parametrize(
    ("today", "start"),
    [
        ("2026-12-01", "2026-11-01"),  # the 1st: a month-to-date review would be one day
        ("2026-12-15", "2026-11-15"),
        ("2026-12-31", "2026-12-01"),
        ("2027-03-01", "2027-01-30"),  # after a short February
    ],
)
def test_demo_reviews_the_last_30_days_with_its_spending(
    ok: Run, db_path: Path, monkeypatch: pytest.MonkeyPatch, today: str, start: str
) -> None:
    monkeypatch.setenv("NETJOURNAL_NOW", f"{today}T09:00:00")
    out = ok("demo").stdout
    review = out[out.index("The last 30 days in review") :]
    assert f"Networking review {start} – {today} (31 days)" in review
    assert "Spent 35.00" in review  # the breakfast, 3 days before today
    assert "interactions  1 (1 event)" in review  # the fair, 10 days before today
    assert "(1 days)" not in out and "(1 day)" not in out
    assert not db_path.exists()  # the user's journal is never touched
