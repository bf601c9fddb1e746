"""Schema 3 -> 4: ``contact.source``, which import brought a contact in.

A contact brought in by an import (``linkedin``, ``vcard``, ``csv``) and never met for
real is a name, not a relationship: it has no cadence and ``net due`` never lists it for
that alone (``scoring``). A contact typed by hand (``net contact add``, a new name in
``net log``) has no source.

The column cannot be added with ``ALTER TABLE ADD COLUMN``: the table's stored SQL would
then differ from the schema a new journal gets from the models. So the table is rebuilt
the way sqlite.org/lang_altertable.html describes: the old one set aside, the new one
created, rows copied, the old one dropped, indexes made again. Ids are kept, so every
reference and the undo history stay valid. The DDL is written out here, as schema 4 has
it, so that later model changes do not change what this step does.

Existing journals get the source derived as well as the data allows: a contact with no
interaction at all that carries a LinkedIn identity (profile URL, or the company or
position a LinkedIn import keeps) is ``linkedin``; one with a vCard UID and no
interaction is ``vcard``. Contacts with an interaction, and contacts imported from CSV
before this version (a CSV import leaves no trace), stay without a source.
"""

from __future__ import annotations

import sqlite3

VERSION = 4

CONTACT_TABLE = (
    "CREATE TABLE contact (\n"
    "\tid INTEGER NOT NULL, \n"
    "\tuuid VARCHAR NOT NULL, \n"
    "\tname VARCHAR NOT NULL, \n"
    "\tname_folded VARCHAR NOT NULL, \n"
    "\tcompany VARCHAR, \n"
    "\trole VARCHAR, \n"
    "\temail VARCHAR, \n"
    "\tphone VARCHAR, \n"
    "\tbirthday VARCHAR, \n"
    "\ttags VARCHAR NOT NULL, \n"
    "\tmet_at VARCHAR, \n"
    "\tmet_on DATE, \n"
    "\ttier VARCHAR NOT NULL, \n"
    "\tkin BOOLEAN NOT NULL, \n"
    "\tcadence INTEGER, \n"
    "\tarchived BOOLEAN NOT NULL, \n"
    "\tsnoozed_until DATE, \n"
    "\tlinkedin_url VARCHAR, \n"
    "\tlinkedin_company VARCHAR, \n"
    "\tlinkedin_role VARCHAR, \n"
    "\tvcard_uid VARCHAR, \n"
    "\tsource VARCHAR, \n"
    "\tcreated_at DATETIME NOT NULL, \n"
    "\tupdated_at DATETIME NOT NULL, \n"
    "\tPRIMARY KEY (id), \n"
    "\tUNIQUE (uuid), \n"
    "\tUNIQUE (name_folded)\n"
    ")"
)

#: the columns schema 3 had, in order
COLUMNS = (
    "id, uuid, name, name_folded, company, role, email, phone, birthday, tags, met_at, "
    "met_on, tier, kin, cadence, archived, snoozed_until, linkedin_url, linkedin_company, "
    "linkedin_role, vcard_uid, created_at, updated_at"
)

INDEXES = (
    "CREATE INDEX ix_contact_email ON contact (email)",
    "CREATE INDEX ix_contact_linkedin_url ON contact (linkedin_url)",
    "CREATE INDEX ix_contact_vcard_uid ON contact (vcard_uid)",
)

#: what an import left on a contact never met: the source it most likely came from
DERIVED_SOURCE = """
    CASE WHEN EXISTS (SELECT 1 FROM participant p WHERE p.contact_id = contact.id) THEN NULL
         WHEN linkedin_url IS NOT NULL OR linkedin_company IS NOT NULL
              OR linkedin_role IS NOT NULL THEN 'linkedin'
         WHEN vcard_uid IS NOT NULL THEN 'vcard'
    END
"""


def migrate(conn: sqlite3.Connection) -> None:
    """Rebuild ``contact`` with the ``source`` column, derived for existing contacts.

    The old table is renamed aside first, with ``legacy_alter_table`` on so that the
    other tables' ``REFERENCES contact`` clauses are left alone (they must name the new
    table), then the new one is created under the real name, so its stored SQL is
    exactly a new journal's.
    """
    conn.execute("PRAGMA legacy_alter_table = ON")
    try:
        conn.execute("ALTER TABLE contact RENAME TO contact_v3")
    finally:
        conn.execute("PRAGMA legacy_alter_table = OFF")
    conn.execute(CONTACT_TABLE)
    derived = DERIVED_SOURCE.replace("contact.id", "contact_v3.id")
    conn.execute(
        f"INSERT INTO contact ({COLUMNS}, source) "
        f"SELECT {COLUMNS}, {derived} FROM contact_v3 ORDER BY id"
    )
    conn.execute("DROP TABLE contact_v3")  # its indexes and triggers go with it
    for statement in INDEXES:
        conn.execute(statement)


def derive_sources(conn: sqlite3.Connection) -> int:
    """Set the derived source of contacts that have none (a restore of an export made
    before schema 4); returns how many were set."""
    cur = conn.execute(
        f"UPDATE contact SET source = {DERIVED_SOURCE} WHERE source IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.contact_id = contact.id) "
        "AND (linkedin_url IS NOT NULL OR linkedin_company IS NOT NULL "
        "OR linkedin_role IS NOT NULL OR vcard_uid IS NOT NULL)"
    )
    return int(cur.rowcount or 0)
