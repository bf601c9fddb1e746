"""The issue's acceptance journal: 150 real contacts with three years of history plus
3,000 LinkedIn imports (``bench/run.py`` builds it; the benchmark times the same one).

``net due`` lists only the real contacts, a follow-up due today first.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "run.py"


def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("netjournal_bench_run", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def realistic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    run = bench()
    path = tmp_path_factory.mktemp("realistic") / "journal.db"
    return path, run.generate_realistic(path)


def test_net_due_lists_only_real_contacts_a_follow_up_due_today_first(
    realistic: tuple[Path, dict[str, Any]],
    net_json: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, meta = realistic
    monkeypatch.setenv("NETJOURNAL_DB", str(path))
    monkeypatch.setenv("NETJOURNAL_NOW", bench().NOW)
    contacts = net_json("contacts", "--json")["contacts"]
    assert len(contacts) == 150 + 3_000
    due = net_json("due", "--json")
    names = [item["name"] for item in due["items"]]
    assert names and set(names) <= set(meta["real"])
    first = due["items"][0]
    assert first["name"] == meta["due_today"]
    assert first["reasons"][0] == "follow-up due today: send the proposal"
    # the same with another horizon (scored without the cache) and with --all
    assert [i["name"] for i in net_json("due", "--json", "--within", "5")["items"]][0] == (
        meta["due_today"]
    )
    everyone = net_json("due", "--json", "--all")["items"]
    assert everyone[0]["name"] == meta["due_today"]
    imported = [i for i in everyone if i["name"] not in meta["real"]]
    assert len(imported) == 3_000 and all(i["reasons"] == [] for i in imported)
