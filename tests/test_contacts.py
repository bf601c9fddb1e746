"""`net contact add|edit|merge|archive|rm`, `net contacts`, `net show`."""

from __future__ import annotations


def test_add_with_every_field(ok, net_json):
    ok(
        "contact",
        "add",
        "Ana Rossi",
        "--company",
        "Studio Rossi",
        "--role",
        "notary",
        "--email",
        "ana@example.com",
        "--phone",
        "+39 333 1234567",
        "--birthday",
        "17 May",
        "--tier",
        "close",
        "--cadence",
        "21",
        "--tag",
        "bni",
        "--tag",
        "milano",
        "--met-at",
        "BNI Milano",
        "--met-on",
        "2026-01-15",
        "--kin",
    )
    ana = net_json("show", "Ana", "--json")
    assert {
        k: ana[k]
        for k in (
            "company",
            "role",
            "email",
            "phone",
            "birthday",
            "tier",
            "cadence",
            "tags",
            "met_at",
            "met_on",
            "kin",
        )
    } == {
        "company": "Studio Rossi",
        "role": "notary",
        "email": "ana@example.com",
        "phone": "+39 333 1234567",
        "birthday": "--05-17",
        "tier": "close",
        "cadence": 21,
        "tags": ["bni", "milano"],
        "met_at": "BNI Milano",
        "met_on": "2026-01-15",
        "kin": True,
    }


def test_duplicate_name_refused_after_folding(net, ok, unchanged):
    ok("contact", "add", "José García")
    with unchanged():
        result = net("contact", "add", "jose  GARCIA")
    assert result.exit_code == 1
    assert "already a contact called 'José García'" in result.stderr


def test_edit_rename_and_refuse_duplicate(net, ok, net_json, unchanged):
    ok("contact", "add", "Ana Rossi")
    ok("contact", "add", "Marco Neri")
    ok("contact", "edit", "Ana", "--name", "Anna Rossi", "--company", "Acme")
    assert net_json("show", "Anna", "--json")["company"] == "Acme"
    with unchanged():
        result = net("contact", "edit", "Anna", "--name", "marco neri")
    assert result.exit_code == 1


def test_edit_empty_value_clears(ok, net_json):
    ok("contact", "add", "Ana Rossi", "--company", "Acme")
    ok("contact", "edit", "Ana", "--company", "")
    assert net_json("show", "Ana", "--json")["company"] is None


def test_edit_without_options_is_usage_error(net, ok):
    ok("contact", "add", "Ana Rossi")
    assert net("contact", "edit", "Ana").exit_code == 2


def test_merge_moves_all_history(ok, net_json, rows):
    ok("log", "Ana Rossi", "--give", "advice:pricing", "--learned", "goals:open a second office")
    ok("log", "A. Rossi", "--new", "--ask", "referral:a client", "--follow-up", "friday")
    ok("contact", "edit", "A. Rossi", "--email", "ana@example.com")
    ok("log", "Ana Rossi", "A. Rossi", "-m", "both")  # shared interaction
    ok("contact", "merge", "Ana Rossi", "A. Rossi")
    ana = net_json("show", "Ana Rossi", "--json")
    assert ana["email"] == "ana@example.com"
    assert len(ana["interactions"]) == 3
    assert len(ana["gives"]) == 1 and len(ana["asks"]) == 1
    assert len(ana["facts"]) == 1 and len(ana["followups"]) == 1
    assert rows("SELECT count(*) FROM contact") == [(1,)]
    shared = [i for i in ana["interactions"] if i["note"] == "both"][0]
    assert shared["with"] == ["Ana Rossi"]


def test_merge_into_itself_refused(net, ok):
    ok("contact", "add", "Ana Rossi")
    result = net("contact", "merge", "Ana", "Ana Rossi")
    assert result.exit_code == 1


def test_archive_hides_from_list_but_keeps_history(ok, net_json):
    ok("log", "Ana Rossi", "-m", "coffee")
    ok("contact", "archive", "Ana")
    assert net_json("contacts", "--json")["contacts"] == []
    assert [c["name"] for c in net_json("contacts", "--archived", "--json")["contacts"]] == [
        "Ana Rossi"
    ]
    assert len(net_json("show", "Ana", "--json")["interactions"]) == 1


def test_rm_needs_yes_then_removes_everything(net, ok, rows, unchanged):
    ok("log", "Ana Rossi", "Marco Neri", "--give", "x")
    ok("log", "Ana Rossi", "-m", "alone")
    with unchanged():
        result = net("contact", "rm", "Ana")
    assert result.exit_code == 2 and "--yes" in result.stderr
    ok("contact", "rm", "Ana", "--yes")
    assert rows("SELECT name FROM contact") == [("Marco Neri",)]
    # the shared interaction stays (Marco took part), Ana's own one goes
    assert rows("SELECT note FROM interaction") == [("",)]
    assert rows("SELECT count(*) FROM exchange") == [(0,)]


def test_contacts_filters(ok, net_json):
    ok("contact", "add", "Ana Rossi", "--tag", "BNI", "--tier", "inner", "--company", "Acme")
    ok("contact", "add", "Marco Neri", "--tag", "golf")
    ok("learn", "Marco", "hobbies", "sailing in Liguria")
    names = lambda *a: [c["name"] for c in net_json("contacts", *a, "--json")["contacts"]]  # noqa: E731
    assert names("--tag", "bni") == ["Ana Rossi"]
    assert names("--tier", "inner") == ["Ana Rossi"]
    assert names("--search", "acme") == ["Ana Rossi"]
    assert names("--search", "LIGURIA") == ["Marco Neri"]


def test_contacts_human_table(ok):
    ok("contact", "add", "Ana Rossi", "--company", "Acme")
    out = ok("contacts").stdout
    assert "Ana Rossi" in out and "Acme" in out


def test_show_unknown_name_suggests(net, ok):
    ok("contact", "add", "Marco Neri")
    result = net("show", "Marko Neri")
    assert result.exit_code == 1
    assert "Did you mean 'Marco Neri'?" in result.stderr


def test_show_human_output(ok):
    ok(
        "log",
        "Ana Rossi",
        "-k",
        "meal",
        "-m",
        "Lunch at Da Gino",
        "--learned",
        "family:two kids",
        "--give",
        "introduction:to a notary",
        "--follow-up",
        "in 2 weeks",
    )
    out = ok("show", "Ana").stdout
    for text in (
        "Ana Rossi",
        "two kids",
        "to a notary",
        "Lunch at Da Gino",
        "depth",
        "stage",
        "balance",
        "2026-12-12",
    ):
        assert text in out


def test_contacts_table_shows_50_rows_with_a_footer_and_limit_changes_it(ok, net, net_json):
    for n in range(53):
        ok("contact", "add", f"Person {n:02d}", "--tag", "bni" if n % 2 else "other")
    table = ok("contacts").output
    assert "Person 49" in table and "Person 50" not in table
    assert "… and 3 more; --limit 0 shows them all." in table
    two = ok("contacts", "--limit", "2").output
    assert "Person 01" in two and "Person 02" not in two and "and 51 more" in two
    everyone = ok("contacts", "--limit", "0").output
    assert "Person 52" in everyone and "more;" not in everyone
    tagged = ok("contacts", "--tag", "bni", "--limit", "5").output  # the footer counts the filter
    assert "and 21 more" in tagged
    found = ok("contacts", "--search", "person", "--limit", "1").output
    assert "Person 00" in found and "Person 01" not in found and "and 52 more" in found
    assert len(net_json("contacts", "--json")["contacts"]) == 53  # JSON: all by default
    assert len(net_json("contacts", "--json", "--limit", "3")["contacts"]) == 3
    bad = net("contacts", "--limit", "-1")
    assert bad.exit_code != 0 and "--limit" in bad.stderr
