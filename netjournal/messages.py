"""Every sentence the user reads, in one place.

Templates use ``str.format`` fields. Keep them short, plain and actionable: one or two
sentences, no traceback, no jargon. Group new messages under the heading of their
command family; add, don't rewrite.
"""

from __future__ import annotations

# --- general -----------------------------------------------------------------------

UNEXPECTED = (
    "Unexpected error: {error}. Nothing was written. "
    "Run again with NETJOURNAL_DEBUG=1 to see the traceback."
)
USAGE_ERROR = "{message}\nTry '{command} --help' for help."
INTERRUPTED = "Interrupted; nothing was written."
HELP_NO_SUCH_COMMAND = "There is no command '{command}'; 'net help' lists them."
ARG_NOT_UTF8 = (
    "The argument '{arg}' is not valid UTF-8 text; nothing was written. "
    "Check that your terminal uses UTF-8, or retype it."
)
#: under a table that left columns out to fit the terminal
TABLE_HIDDEN = "Hidden to fit the terminal's width ({width}): {columns} (widen it or use --json)."

# --- journal file --------------------------------------------------------------------

JOURNAL_NEWER = (
    "The journal {path} was written by a newer netjournal (schema {found}, this one "
    "knows {known}). Upgrade netjournal to open it; the file was not changed."
)
JOURNAL_NOT_SQLITE = "{path} is not a netjournal journal (not an SQLite database)."
JOURNAL_UNREADABLE = "Cannot open the journal {path}: {reason}."
JOURNAL_LOCKED = (
    "Another net process is still writing to {path}; nothing was written. Try again in a moment."
)
NO_JOURNAL = "No journal at {path} yet (`net log` or `net import` creates it)."
JOURNAL_MIGRATED = "Upgraded the journal to schema {version}; a backup is at {backup}."
JOURNAL_READ_ONLY = (
    "The journal {path} is read-only, so nothing was written (reading it still works). "
    "To write to it, make it, its -wal and -shm files and its folder writable: "
    "chmod u+w '{folder}' '{path}'*"
)
JOURNAL_DISK_FULL = (
    "The disk holding the journal {path} is full; nothing was written. "
    "Free some space and run the command again."
)
JOURNAL_NO_ACCESS = (
    "Cannot open the journal {path}: permission denied. You need to read and write it and "
    "to enter its folder; check with: ls -ld '{folder}' '{path}'."
)
JOURNAL_CANNOT_OPEN = (
    "Cannot open the journal {path}: SQLite cannot open it, or cannot create its -wal and "
    "-shm files beside it. Check that the folder {folder} exists and that you can write to it."
)
JOURNAL_DAMAGED = (
    "The journal {path} is damaged ({reason}); nothing was written. Run net doctor, and "
    "restore a backup (net backup --list, net restore FILE) if it reports damage."
)
NOT_UTF8 = "text that is not UTF-8"
JOURNAL_MOVED = (
    "The journal {path} was moved or deleted while net was using it; nothing was written. "
    "Run the command again."
)
JOURNAL_IO_ERROR = (
    "Cannot read or write the journal {path}: the disk reported an error ({reason}); "
    "nothing was written. Check the disk, then run net doctor."
)
JOURNAL_CONSTRAINT = (
    "The journal {path} refused the change ({reason}); nothing was written. "
    "Run net doctor to check it."
)
FILE_ERROR = "Cannot use {path}: {reason}. Nothing was written."
JOURNAL_CHANGED_MEANWHILE = (
    "Another program changed the new journal {path} while net was creating it; nothing "
    "was written. Run the command again."
)
# what a journal file may hold (store/shape.py): sentences joined into one refusal
SCHEMA_FOREIGN = "{path} has objects netjournal did not create: {objects}."
SCHEMA_ALTERED = "{path} has objects that differ from the ones netjournal creates: {objects}."
SCHEMA_MISSING = "{path} lacks objects every netjournal journal has: {objects}."
SCHEMA_AND_MORE = "and {count} more"
SCHEMA_NOT_OPENED = (
    "A journal file is data, never code, so it was not opened; net doctor shows how to repair it."
)
SCHEMA_NOT_RESTORED = "It was not restored, and the journal was not changed."

# --- dates ---------------------------------------------------------------------------

BAD_DATE = (
    "Cannot read the date '{text}'. Try a form like 2026-11-27, 'yesterday', '3 days ago', "
    "'in 2 weeks', 'last friday', 'next mon', '3d', '2w', '27 Nov 2026'."
)
DATE_DOES_NOT_EXIST = "The date '{text}' does not exist."
DATE_OUT_OF_RANGE = "The date '{text}' is out of range: use a year from {first} to {last}."
BAD_BIRTHDAY = "Cannot read the birthday '{text}'. Try 1980-05-17, --05-17 (no year) or '17 May'."
DATE_FORMS_HINT = (
    "Try a date that exists, like 2026-11-27, 'yesterday', '3 days ago', 'last friday' "
    "or '27 Nov 2026'."
)
BIRTHDAY_FORMS_HINT = "Try 1980-05-17, --05-17 (no year) or '17 May'."

# --- names and text ------------------------------------------------------------------

NAME_EMPTY = "A contact needs a name."
NAME_CONTROL = "The name '{name}' contains control characters; names cannot."
NAME_TOO_LONG = "That name is too long (the limit is {limit} characters)."
NAME_UNKNOWN = "No contact is called '{name}'."
NAME_UNKNOWN_CLOSE = "No contact is called '{name}'. Did you mean {options}?"
NAME_AMBIGUOUS = "'{name}' could be {options}. Type more of the name."
NAME_TAKEN = "There is already a contact called '{name}'."
NO_DUPES = "No two contacts look like one person."
DOCTOR_LOOKALIKE = "'{a}' and '{b}' look like one person ({evidence}); if they are: {merge}"
DOCTOR_MORE_LOOKALIKES = "… and {more}: net contact dupes lists them all"
NAME_CLOSE_ON_LOG = (
    "No contact is called '{name}'. Did you mean {options}? "
    "Use the full name, or --new to create '{name}'."
)
CONTACT_CREATED = "New contact: {name}."
TEXT_EMPTY = "The {what} cannot be empty."
TEXT_CONTROL = "The {what} contains control characters (only newlines and tabs are allowed)."
TEXT_CONTROL_LINE = (
    "The {what} contains control characters; it is one line of text, without tabs or line breaks."
)
TEXT_INVISIBLE = (
    "The {what} contains invisible control characters that change how text is shown "
    "({chars}); remove them."
)
TEXT_NOT_UTF8 = (
    "The {what} '{text}' is not valid UTF-8 text; check that your terminal or file uses UTF-8."
)
NAME_INVISIBLE = (
    "The name '{name}' contains invisible control characters that change how text is "
    "shown ({chars}); names cannot, as they would make one name look like another."
)
NAME_NOT_UTF8 = (
    "The name '{name}' is not valid UTF-8 text; check that your terminal or file uses UTF-8."
)
TEXT_TOO_LONG = "The {what} is too long (the limit is {limit} characters)."
UNKNOWN_CHOICE = "Unknown {what} '{value}'. Choose one of: {allowed}."
BAD_AMOUNT = "Cannot read the amount '{amount}'; use a number like 250 or 1250.50."
AMOUNT_PRECISION = "The amount '{amount}' has more than two decimals."
AMOUNT_TOO_LARGE = "The amount '{amount}' is too large to be a networking amount."
BAD_SIZE = "The size must be a whole number from 1 to 5, not {size}."
SIZE_AND_AMOUNT = "Give either --size or --amount, not both."
BAD_CADENCE = "The cadence must be a whole number of days from 1 to 3650, not {days}."
BAD_EMAIL = "'{email}' does not look like an email address."

# --- journal commands ----------------------------------------------------------------

LOGGED = "Logged {kind} with {names} on {day}{extras}."
LOG_CLOSED = "Closed {what} r{id} with {name} (due {due}{note}): you were in touch."
LOG_LIGHT_KEPT_OPEN = (
    "A {kind} is a light touch: {what} r{id} with {name} (due {due}{note}) stays open; "
    "a call or better closes it."
)
GIVE_RECORDED = "Recorded a give to {name}: {kind}, {what} (g{id})."
ASK_RECORDED = "Recorded an ask of {name}: {kind}, {what} ({status}, a{id})."
FACT_RECORDED = "Noted about {name} ({category}): {text} (f{id})."
BAD_LEARNED = "Write --learned as CATEGORY:TEXT, e.g. --learned family:'two daughters'."
ASK_SETTLED = "Ask a{id} of {name} is now {status}."
ASK_NOT_FOUND = "There is no ask a{id}."
ASK_STATUS_CHOICES = "An ask is settled as granted or declined."
NO_NAMES = "Name at least one contact."
DUPLICATE_NAMES = "'{name}' is named twice."
FOLLOWUP_RECORDED = "Follow up with {name} by {day} (r{id})."
PROMISE_RECORDED = "Promised {name} by {day}: {text} (r{id})."
BY_WITHOUT_PROMISE = "--by sets the date of a --promise; add one."
LOG_ITEM = "  {label} → {name}{text}{id}"
LOG_ITEM_LABELS = {
    "give": "give {kind}",
    "ask": "ask {kind}",
    "fact": "fact {kind}",
    "promise": "promise by {day}",
    "follow-up": "follow-up on {day}",
}
LOG_FIRST_NAMED = (
    "With several people, what you gave, asked, learned and promised and the follow-up go "
    "to the first one named ({name}); record the others' with net give, ask, learn, promise "
    "or followup."
)
LOG_FUTURE = (
    "{day} is after today: log an interaction once it has happened, or add --planned to plan it."
)
NOT_YET = "{day} is after today: record the {what} once it has happened."
PLANNED = (
    "Planned {kind} with {names} on {day} ({ids}): a reminder, not contact; log it once it "
    "has happened."
)
PLANNED_NOT_FUTURE = (
    "A plan is for a day after today ({day} is not); log what happened without --planned."
)
PLANNED_NEEDS_ON = "--planned needs --on WHEN, the day of the plan."
PLANNED_ONLY = (
    "A planned interaction takes only names, --on, -k and -m; record gives, asks, facts, "
    "promises and follow-ups when you log it."
)

# --- contacts ------------------------------------------------------------------------

CONTACT_ADDED = "Added {name}."
CONTACT_UPDATED = "Updated {name}."
CONTACT_ARCHIVED = "Archived {name}; their history is kept."
CONTACT_REMOVED = "Removed {name} and all their history."
CONTACT_MERGED = "Merged {other} into {keep}."
MERGE_SAME = "Cannot merge a contact into itself."
RM_NEEDS_YES = (
    "Removing {name} deletes all their history; add --yes to confirm (net undo can bring it back)."
)
NO_CONTACTS = 'No contacts yet. Start with: net log "Ana Rossi" -m "Coffee at the fair".'
NO_CHANGES = "Nothing to change: give at least one option."
NO_ASKS = 'No asks yet. Record one with: net ask Ana "intro to her accountant" -k introduction.'
NO_OPEN_ASKS = "No open asks; net asks lists all of them, granted and declined too."
NO_BALANCE = (
    "Nobody to balance yet: the give and take of each contact shows here. "
    'Start with: net log "Ana Rossi" -m "Coffee at the fair" --give "advice:reviewed her deck".'
)
NO_DEPTH = (
    "Nobody to measure yet: the depth of each relationship shows here. "
    'Start with: net log "Ana Rossi" -m "Coffee at the fair" --learned family:"two daughters".'
)

# --- records: edit, rm, undo ---------------------------------------------------------

BAD_RECORD_ID = (
    "'{id}' is not a record id. Ids look like i12 (interaction), g3 (give), a4 (ask), "
    "f7 (fact), r2 (follow-up or promise), e5 (expense), t1 (target)."
)
RECORD_NOT_FOUND = "There is no record {id}."
RECORD_ID_TOO_LONG = (
    "There is no record {id}: record ids have at most {digits} digits. "
    "'net show NAME' lists a contact's records with their ids."
)
RECORD_UPDATED = "Updated {id}."
RECORD_REMOVED = "Removed {id}."
OPTION_NOT_FOR_RECORD = "{option} does not apply to {id}."
UNDONE = "Undid '{name}' ({changes})."
NOTHING_TO_UNDO = "Nothing to undo."
UNDO_FOREIGN_STEP = (
    "The undo history of '{name}' holds a change netjournal did not record (step {step}); "
    "nothing was undone. net doctor lists such steps, and net doctor --rebuild forgets them."
)

# --- config ----------------------------------------------------------------------------

CONFIG_SYNTAX = "The config file {path} is not valid TOML: {error}."
CONFIG_UNREADABLE = "Cannot read the config file {path}: {error}."
CONFIG_UNKNOWN_KEY = "The config file {path} has an unknown key '{key}' (known: {known})."
CONFIG_BAD_VALUE = "In the config file {path}, '{key}' must be {hint}."
CONFIG_HINT_IMPORT_LIMIT = "a whole number of megabytes from 1 to {most}"
CONFIG_HINT_EMAILS = 'a list of email addresses, such as ["ana@example.com"]'
CONFIG_HINT_NAMES = 'a list of names, such as ["Ana Rossi"]'
BAD_NOW = "NETJOURNAL_NOW must be an ISO date or date-time, not '{value}'."
NOW_OUT_OF_RANGE = (
    "{var} is '{value}', outside the years a journal accepts ({first} to {last}); "
    "set it to a date in that range, or unset it to use the clock."
)

# --- scoring -------------------------------------------------------------------------

SCORING_UNKNOWN_SETTING = "Unknown scoring setting '{key}'."
SCORING_BAD_SETTING = "The scoring setting '{key}' must be {expected}, not {value!r}."
SCORING_EXPECT_NUMBER = "a number of zero or more"
SCORING_EXPECT_INT = "a whole number of zero or more"
SCORING_EXPECT_POSITIVE = "a number above zero"
SCORING_EXPECT_TABLE = "a table of values"
SCORING_EXPECT_WORDS = "a list of words"
# balance labels (also in the JSON)
SCORING_LABEL_NONE = "no exchanges yet"
SCORING_LABEL_CREDIT = "in credit"
SCORING_LABEL_OVERDRAWN = "overdrawn"
SCORING_LABEL_BALANCED = "balanced"
# depth
SCORING_CATEGORY_LABELS = {
    "family": "family",
    "goals": "goals",
    "interests": "interests or hobbies",
    "accomplishments": "accomplishments",
    "networks": "networks",
    "skills": "skills",
}
SCORING_KNOWN = "known: {items}"
SCORING_STALE = "older than 24 months: {items}"
SCORING_NOTHING_KNOWN = "no profile facts yet"
SCORING_KNOWLEDGE_DETAIL = "{parts} ({score:g} of {total:g})"
SCORING_FREQUENCY_DETAIL = (
    "{interactions} in the last {days}: {real} real, {light} light (weekly real contact = 1)"
)
SCORING_NO_INTERACTION = "no interaction yet"
SCORING_RECENCY_DETAIL = "last real contact {ago} ago (half-life {half_life})"
SCORING_RECENCY_LIGHT = "{kind} {ago} ago, a light touch × {weight:.2f} (half-life {half_life})"
SCORING_RECENCY_NONE = "no interaction in the last {days}"
SCORING_RICHNESS_DETAIL = "richest {n} of 24 months: {items}"
SCORING_RICHNESS_EMPTY = " ({n} more would count)"
SCORING_RECIPROCITY_DETAIL = (
    "given {given:.2f}, received {received:.2f} (volume {share:.2f}, two-way {both:.2f})"
)
SCORING_DURATION_DETAIL = "calendar quarters with real contact: {quarters} ({full} = 1)"
# stage evidence
SCORING_EV_DORMANT = "dormant: last interaction {ago} ago, on {on}"
SCORING_EV_SERVICES = (
    "services in 24 months: {n} ({given} given, {got} received); promises kept on time: {kept}"
)
SCORING_EV_RICH = (
    "real contact (a call or better) in 24 months: {n} in {months} (need {need} in {need_months})"
)
SCORING_EV_KNOWLEDGE = "knowledge {value:.2f} (need {need:.2f}, or {each} each way in {months})"
SCORING_EV_REFERRALS = "referrals in 24 months: {received} received, {given} given"
SCORING_EV_RATIO = "give/take ratio {ratio}"
SCORING_NO_RATIO = "none yet"
SCORING_EV_INTERACTIONS = "interactions: {n}; any other than social: {answer}"
SCORING_YES = "yes"
SCORING_NO = "no"
SCORING_EV_LAPSED = "lapsed from {was}: last interaction {ago} ago, more than {limit}"
SCORING_EV_LAPSED_REAL = "lapsed from {was}: last real contact {ago} ago, more than {limit}"
# stage verdicts and what the next stage needs
SCORING_VERDICT = "{stage}; {next} needs: {needs}"
SCORING_VERDICT_TOP = "profitability: referrals both ways, the last stage"
SCORING_VERDICT_DORMANT = "dormant, was {was}: meet again to revive it"
SCORING_VERDICT_LAPSED = "{stage}, lapsed from {was}: real contact (a call or better) restores it"
SCORING_NEED_VISIBILITY = "an interaction other than social (a meeting, a call, an email)"
SCORING_NEED_SERVICE = "a service either way (a give, or a granted ask) or a promise kept on time"
SCORING_NEED_RICH = "{meetings} (a call or better)"
SCORING_NEED_ANOTHER_MONTH = " in another month"
SCORING_NEED_OTHER_MONTHS = " in {months}"
SCORING_NEED_KNOWLEDGE = (
    "knowledge {need:.2f} (now {now:.2f}: learn their family, goals or interests), "
    "or {each} each way"
)
SCORING_NEED_RECEIVED = "a referral, introduction, job-lead or business received from them"
SCORING_NEED_PASSED = "a referral, introduction, job-lead or business passed to them"
# urgency reasons
SCORING_WHAT_FOLLOW_UP = "follow-up"
SCORING_WHAT_PROMISE = "promise"
SCORING_WHAT_PLAN = "plan"
SCORING_DUE_OVERDUE = "{what} overdue since {due}"
SCORING_DUE_TODAY = "{what} due today"
SCORING_DUE_AHEAD = "{what} due {due}"
SCORING_WITH_NOTE = "{text}: {note}"
SCORING_CADENCE = "last contact {ago} ago, every {every}"
SCORING_CADENCE_REAL = "last real contact {ago} ago (light touches since), every {every}"
SCORING_CADENCE_NEVER = "no contact since meeting {ago} ago, every {every}"
SCORING_CADENCE_NO_REAL = "no real contact since meeting {ago} ago, every {every}"
SCORING_TIER = "tier {tier}"
SCORING_BIRTHDAY_TODAY = "birthday today"
SCORING_BIRTHDAY_TOMORROW = "birthday tomorrow"
SCORING_BIRTHDAY_AHEAD = "birthday in {days}"
SCORING_BIRTHDAY_PAST = "birthday {ago} ago"
SCORING_NEW_TIE = "new tie: met {ago} ago"
SCORING_DEPTH_AT_STAKE = "depth {depth:.0f} at stake"
SCORING_GIVE_BACK = "overdrawn: give first"
SCORING_READY = "good time to ask"
SCORING_DORMANT_STRONG = "dormant, was {was}: worth reviving"
# asks
SCORING_ASK_OVERDRAWS = (
    "This ask would take your balance with {name} from {before:+.2f} to {after:+.2f}: "
    "deposit before you withdraw."
)
SCORING_ASK_TOO_EARLY = (
    "{name} is still at stage {stage}: it is too early to ask for {kind}; build credibility first."
)
SCORING_ASK_HINT = (
    "You gave {name} something {times} and never asked, at stage {stage}: a good time to ask."
)
NO_CADENCE_AND_CADENCE = "Give either --cadence or --no-cadence, not both."

# --- follow-ups, due, snooze, calendar export ------------------------------------------

DUE_NOTHING = "Nobody is due within {days}. Run 'net due --all' to see everyone."
DUE_NOBODY = 'No contacts to rank yet. Start with: net log "Ana Rossi" -m "Coffee at the fair".'
DUE_MORE = "… and {more} more; --limit 0 shows them all."
BAD_LIMIT = "--limit must be a whole number of rows, 0 for all, not {limit}."
DUE_SNOOZED = (
    "{name} is snoozed until {day}: cadence reminders are hidden until then; follow-ups and "
    "promises that fall due stay listed."
)
DUE_ARCHIVED = "{name} is archived: never listed by 'net due'."
DUE_TOTAL = "urgency {total:.2f}"
BAD_WITHIN = "--within must be a whole number of days from 0 to 3650, not {days}."
FOLLOWUP_PAST = "Note: {day} is already past, so this follow-up is overdue."
PROMISE_PAST = "Note: {day} is already past, so this promise is overdue."
NO_FOLLOWUPS = "No open follow-ups or promises. Add one with: net followup NAME friday."
NO_FOLLOWUPS_AT_ALL = "No follow-ups or promises yet. Add one with: net followup NAME friday."
NOTHING_TO_CLOSE = "{name} has no open follow-up or promise."
FOLLOWUP_DONE = "Done: {kind} r{id} with {name}, due {due}{note}{kept}."
FOLLOWUP_DONE_KEPT = " (kept)"
FOLLOWUP_DONE_LATE = " (late)"
SNOOZED = (
    "Snoozed {name} until {day}: no cadence reminders until then; follow-ups and promises "
    "that fall due stay in 'net due'."
)
SNOOZE_KEEPS_OVERDUE = (
    "Note: {name}'s {what} is overdue since {due}{note}; a snooze does not hide it, so "
    "'net due' keeps listing it."
)
SNOOZE_HIDES_LATE_CADENCE = (
    "Note: {name} is already past the cadence (last real contact {since} ago, every "
    "{every}); the snooze hides that until {day}."
)
SNOOZE_HIDES_LATE_CADENCE_NEVER = (
    "Note: {name} is already past the cadence (no real contact yet, every {every}); "
    "the snooze hides that until {day}."
)
SNOOZE_CLEARED = "{name} is no longer snoozed."
SNOOZE_NOT_FUTURE = "Snooze until a day after today, not {day}."
SNOOZE_WHEN_OR_CLEAR = "Give WHEN to snooze until, or --clear to stop snoozing, not both."
SNOOZE_NEEDS_WHEN = "Say until when: net snooze NAME WHEN (or --clear)."
ICS_WRITTEN = "Wrote {events} to {path}."

# --- import and export (interop) -------------------------------------------------------

IMPORT_NOT_FILE = "Cannot read {path}: {reason}."
IMPORT_NOT_TEXT = "{path} is not {a_what} file: it is not UTF-8 text."
IMPORT_NOT_TEXT_EITHER = "{path} is not {a_what} file: it is neither UTF-8 nor {encoding} text."
WHY_READ_AS = "not UTF-8, so read as {encoding} (what Excel and Outlook write on Windows)"
IMPORT_TOO_BIG = (
    "{path} is {size} MB, over the import limit of {limit} MB; nothing was imported. "
    "To import it, raise import_limit_mb in {config}."
)
IMPORT_STREAM_TOO_BIG = (
    "{path} goes on past the import limit of {limit} MB; nothing was imported. "
    "To import more, raise import_limit_mb in {config}."
)
IMPORT_LINE_TOO_LONG = "{path} is not {a_what} file: it has a line longer than {limit} characters."
IMPORT_NOT_LINKEDIN = (
    "{path} is not a LinkedIn Connections.csv: no header row with First Name and Last Name."
)
IMPORT_NOT_VCARD = "{path} is not a vCard file: it holds no BEGIN:VCARD ... END:VCARD card."
IMPORT_NOT_CSV = "{path} is not a netjournal contacts CSV: the header has no 'name' column."
IMPORT_BAD_CSV = "{path} is not a readable CSV file: {reason}."
IMPORT_NOT_JSON = "{path} is not a netjournal JSON export: {reason}."
IMPORT_JSON_NOT_EMPTY = (
    "The journal is not empty; 'net import json' restores into an empty journal only. "
    "Add --merge to add the records it does not have yet (matched by UUID)."
)
IMPORT_JSON_CONFLICT = "{path} does not fit the journal: {reason}. Nothing was imported."
WHY_JSON_TOO_DEEP = "it is nested too deeply to be one"
WHY_JSON_NUMBER = "'{column}' is {value:.3g}, beyond the whole numbers a journal stores"
WHY_JSON_ID = "'id' is {value:.3g}, outside the record ids a journal uses (1 to {most:,})"
IMPORT_SUMMARY = (
    "{what}: added {added}, updated {updated}, unchanged {unchanged}, skipped {skipped}."
)
IMPORT_SKIPPED = "  skipped {where}: {why}"
IMPORT_WARNING = "  note {where}: {why}"
IMPORT_MORE_SKIPPED = "  … and {count} more skipped (only the first {limit} are listed)."
IMPORT_MORE_SAME = (
    "  … and {count} more skipped as the same person as an earlier {unit} "
    "(only the first {limit} are listed)."
)
IMPORT_MORE_RENAMED = (
    "  … and {count} more added under another name (only the first {limit} are listed)."
)
IMPORT_MORE_WARNINGS = "  … and {more} (only the first {limit} are listed)."
IMPORT_RENAMED = (
    "  {where}: '{name}' has a different {why} from the contact '{name}', so this one was "
    "added as '{new}'. If they are one person: net contact merge {merge}"
)
#: what differed between two people of the same name (``identity.CONTRADICTING`` and UID)
IDENTITY_KINDS = {
    "linkedin": "LinkedIn profile",
    "email": "email",
    "uid": "vCard UID",
    "phone": "phone",
}
IMPORT_NOTHING = "No card in {path} could be imported."
IMPORT_FILED = (
    "Filed {n} as {tiers}: no cadence, and not in 'net due', until you meet them "
    "(a call or better); --tier changes it."
)
TIER_ONE = {
    "inner": "inner circle",
    "close": "a close contact",
    "active": "an active contact",
    "network": "a network contact",
    "acquaintance": "an acquaintance",
}
TIER_PLURALS = {
    "inner": "inner circle",
    "close": "close contacts",
    "active": "active contacts",
    "network": "network contacts",
    "acquaintance": "acquaintances",
}
IMPORT_JSON_DONE = "Restored {path}: {counts}."
#: each journal table in words, (one, many), for "Restored FILE: 8 contacts, ..."
JSON_TABLE_WORDS = {
    "contact": ("contact", "contacts"),
    "identity": ("email, phone or profile", "emails, phones and profiles"),
    "contact_card": ("imported card", "imported cards"),
    "interaction": ("interaction", "interactions"),
    "participant": ("person at an interaction", "people at interactions"),
    "exchange": ("give or ask", "gives and asks"),
    "introduction": ("introduction", "introductions"),
    "fact": ("fact", "facts"),
    "followup": ("follow-up or promise", "follow-ups and promises"),
    "goal": ("goal", "goals"),
    "expense": ("expense", "expenses"),
    "target": ("target", "targets"),
    "setting": ("setting", "settings"),
    "captured": ("captured event or message", "captured events and messages"),
}
IMPORT_JSON_MERGED = "Merged {path}: added {added}; already there {kept}."
WHY_NO_NAME = "no name"
WHY_SAME_AS = "the same person as {where}"
WHY_UNREADABLE_CARD = "cannot read this card ({reason})"
WHY_CARD_TOO_BIG = "the card is larger than {limit}; a card that big is not a contact"
WHY_BAD_DATE = "cannot read the date '{text}'; imported without it"
WHY_BAD_EMAIL = "'{email}' is not an email address; imported without it"
WHY_BAD_BIRTHDAY = "cannot read the birthday '{text}'; imported without it"
EXPORT_DONE = "Exported {what} to {path}."
EXPORT_UNWRITABLE = "Cannot write {path}: {reason}."
EXPORT_BAD_VCARD_VERSION = "vCard version must be 3.0 or 4.0, not '{version}'."

# --- config command --------------------------------------------------------------------

CONFIG_BAD_SCORING = "In the config file {path}{line}, [scoring] key '{key}': {error}"
CONFIG_AT_LINE = ", line {line}"
CONFIG_NO_FILE = "(no config file at {path}: the defaults are in force)"

# --- the day's page (plain net, net today) ---------------------------------------------

TODAY_WELCOME = (
    "Welcome to net, a journal for business networking.\n"
    "There is no journal at {path} yet; the first thing you log creates it.\n"
    '  net log NAME -m "what you talked about"   log a meeting and start your journal\n'
    "  net demo                                  a tour on a sample journal\n"
    "  net help                                  every command"
)
TODAY_EMPTY = (
    "Nothing needs you today. Log a meeting with: net log NAME -m TEXT; "
    "set a goal with: net goal set one-to-ones 2 --per week."
)
TODAY_STREAK = "streak: {days} in a row with a networking action"
TODAY_NO_STREAK = "no streak yet: log something today to start one"
TODAY_DUE_TITLE = "Whom to contact"
TODAY_DUE_MORE = "{more} more: net due"
TODAY_FOLLOWUPS_TITLE = "Follow-ups and promises due this week"
TODAY_FOLLOWUPS_MORE = "{more} more: net followups"
TODAY_NO_FOLLOWUPS = "No follow-ups or promises due this week."
TODAY_GOALS = "Goals:"
TODAY_GOAL = "{metric} {actual} of {target} this {per}"

# --- goals, money, targets, match, review ----------------------------------------------

GOAL_SET = "Goal: {target} a {per}."
#: each goal metric as a counted noun, (one, many): "Goal: 1 one-to-one a week."
GOAL_METRIC_WORDS = {
    "one-to-ones": ("one-to-one", "one-to-ones"),
    "interactions": ("interaction", "interactions"),
    "gives": ("give", "gives"),
    "referrals-given": ("referral given", "referrals given"),
    "new-contacts": ("new contact", "new contacts"),
    "facts": ("fact learned", "facts learned"),
    "follow-ups-done": ("follow-up done", "follow-ups done"),
}
GOAL_REMOVED = "Removed the {metric} goal."
GOAL_NOT_SET = "There is no {metric} goal."
BAD_GOAL_TARGET = "A goal must be a whole number from 1 to 10000, not {n}."
NO_GOALS = "No goals yet. Set one with: net goal set one-to-ones 5 --per week."
SPENT = "Spent {amount} on {what} on {day} (e{id})."
NO_EXPENSES = "No expenses recorded. Record one with: net spend 25 'BNI breakfast'."
BUDGET_SET = "Budget: {amount} a {per}."
BUDGET_REMOVED = "Removed the networking budget."
BUDGET_STATUS = (
    "Budget {amount} a {per}: {for_period} for {start} – {end}; spent {spent}, {left} left."
)
NO_BUDGET = "No networking budget is set."
TARGET_ADDED = "Target t{id}: {text}"
TARGET_REMOVED = "Removed target t{id}."
TARGET_NOT_FOUND = "There is no target t{id}."
NO_TARGETS = (
    "No targets yet. Say precisely what referral you want: "
    "net target add 'IT managers at manufacturers in Lombardy'."
)
NO_MATCHES = (
    "No introductions to propose yet: record what contacts seek "
    "(net learn NAME seeking TEXT) and what they do (--role, --company, skills facts)."
)
NO_REFERRERS = "no contact matches this target yet"
SINCE_FUTURE = "--since must be a day up to today, not {day}."
PERIOD_CONFLICT = "Choose only one of --week, --month, --year and --since."
SVG_WRITTEN = "Wrote the review to {path}."
SVG_UNWRITABLE = "Cannot write {path}: {reason}."

# --- guided debrief (net log with no names, on a terminal) ------------------------------

DEBRIEF_START = "Debrief: answer each question; press Ctrl-C at any time to stop without saving."
DEBRIEF_WHO = "Who did you meet? (names, separated by commas)"
DEBRIEF_NEW = "{name} is not in your journal yet; they will be added."
DEBRIEF_MET_THROUGH = "Who introduced you to {name}? (a contact; empty if nobody)"
DEBRIEF_KIND = "What kind of interaction? ({kinds})"
DEBRIEF_WHEN = "When?"
DEBRIEF_NOTE = "What happened? (empty to skip)"
DEBRIEF_GIVE = "What did you give? ([KIND:]TEXT, empty for nothing)"
DEBRIEF_GIVE_MORE = "What else did you give? (empty when done)"
DEBRIEF_ASK = "What did you ask for or receive? ([KIND:]TEXT, empty for nothing)"
DEBRIEF_ASK_MORE = "What else did you ask for or receive? (empty when done)"
DEBRIEF_PROMISE = "What did you promise? (empty for nothing)"
DEBRIEF_PROMISE_MORE = "What else did you promise? (empty when done)"
DEBRIEF_WHOM = {
    "give": "Whom did you give it to? ({names})",
    "ask": "Whom did you ask? ({names})",
    "promise": "Whom did you promise it to? ({names})",
    "fact": "Whom is it about? ({names})",
    "follow-up": "With whom? ({names})",
}
DEBRIEF_NOT_MET = "'{name}' is not one of the people you met: {names}."
DEBRIEF_BAD_FACT = "Write it as CATEGORY:TEXT, e.g. family:two daughters."
DEBRIEF_FACT_MORE = (
    "Anything else you learned? (CATEGORY:TEXT, one of {categories}; empty when done)"
)
DEBRIEF_BY = "By when?"
DEBRIEF_PROFILE = {
    "family": "What did you learn about {name}'s family? (empty to skip)",
    "goals": "What are {name}'s goals? (empty to skip)",
    "accomplishments": "What has {name} accomplished lately? (empty to skip)",
    "interests": "What is {name} interested in? (empty to skip)",
    "networks": "Which groups or networks is {name} part of? (empty to skip)",
    "skills": "What is {name} especially good at? (empty to skip)",
}
DEBRIEF_NEXT = "Next step: when should you reach out again? (empty for none)"
DEBRIEF_NEXT_MORE = "Another next step, with someone else? (when; empty when done)"
DEBRIEF_SUMMARY = "About to record:"
DEBRIEF_CONFIRM = "Record this?"
DEBRIEF_CANCELLED = "Nothing was written."

# --- demo ------------------------------------------------------------------------------

DEMO_INTRO = (
    "[bold]net demo[/]: a tour on a sample journal in {path}, deleted afterwards. "
    "Your own journal is not opened."
)
DEMO_DONE = (
    "That was the tour. Start your own journal with: "
    'net log "Ana Rossi" -k meal -m "Lunch" --learned family:"two daughters"'
)

# --- safety: backup, restore, doctor, migrations ---------------------------------------

MIGRATION_FAILED = (
    "Could not upgrade the journal {path} to schema {version} ({reason}); it was left "
    "exactly as it was. A backup is at {backup}."
)
NO_JOURNAL_YET = "There is no journal at {path} yet; nothing to back up."
BACKUP_DONE = "Backed up the journal to {path} ({size})."
BACKUP_IS_JOURNAL = "{path} is the journal itself; choose another file for the backup."
BACKUP_TARGET_EXISTS = (
    "{path} exists and is not a netjournal journal; it was not overwritten. Choose another file."
)
BACKUP_TARGET_FOLDER = "{path} is a folder; give a file name for the backup."
BACKUP_FAILED = "Could not write the backup {path}: {reason}. The journal was not changed."
BACKUP_LIST_EMPTY = "No backups in {folder} yet. Make one with: net backup"
BACKUP_LIST_WITH_FILE = "--list shows the backups; it takes no FILE."
BUDGET_JSON_ONLY_SHOW = "--json goes with net budget or net budget show, which print the budget."
BACKUP_JSON_WITHOUT_LIST = "--json goes with --list (net backup --list --json)."
NOT_A_JOURNAL = "{path} is an SQLite database but not a netjournal journal."
RESTORE_MISSING = "There is no file {path}."
RESTORE_DAMAGED = "{path} is a damaged journal (its integrity check fails); it was not restored."
RESTORE_NEWER = (
    "{path} was written by a newer netjournal (schema {found}, this one knows {known}). "
    "Upgrade netjournal to restore it; nothing was changed."
)
RESTORE_SAME = "{path} is the journal itself; there is nothing to restore."
RESTORE_BROKEN_LINKS = (
    "{path} has {records} pointing at missing ones (e.g. {example}); "
    "it was not restored, and the journal was not changed."
)
RESTORE_NOT_TEXT = (
    "{path} holds text that is not UTF-8 ({table} row {rowid}), so it is damaged; "
    "it was not restored, and the journal was not changed."
)
FK_EXAMPLE = "{table} row {rowid} refers to a missing {parent} row"
RESTORE_UNREADABLE = "Cannot read {path}: {reason}. Nothing was restored."
BACKUP_NO_SPACE = (
    "Could not write the backup {path}: the disk is full. The journal was not changed; "
    "free some space or choose another place: net backup FILE."
)
BACKUP_READ_ONLY = (
    "Could not write the backup {path}: its folder {folder} is read-only or not yours. The "
    "journal was not changed; choose another place: net backup FILE."
)
RESTORE_CONFIRM = "Replace the journal {journal} with {path}? (the current one is backed up first)"
RESTORE_NEEDS_YES = (
    "Restoring replaces the journal {journal}; add --yes to confirm (it is backed up first)."
)
RESTORE_CANCELLED = "Nothing was restored."
RESTORED = "Restored the journal from {path}."
RESTORED_BACKUP = "The journal as it was before is in {backup}."
# parameters (Typer prints "Invalid value for '--size': " before it)
NOT_A_WHOLE_NUMBER = "{value!r} is not a whole number."

DOCTOR_NO_JOURNAL = "There is no journal at {path} yet; nothing to check."
DOCTOR_OK = "All checks passed."
DOCTOR_REBUILT = (
    "Score cache rebuilt: its triggers restored and {scores} dropped; "
    "the next report recomputes them."
)
DOCTOR_PROBLEMS = "{problems} found. Back up the journal (net backup) before repairing."
DOCTOR_CACHE_TRIGGERS = (
    "the score cache's triggers are missing or altered (net doctor --rebuild restores them)"
)
DOCTOR_CACHE_STALE = (
    "cached scores of {stale} of {of} checked differ from a fresh computation "
    "(net doctor --rebuild empties the cache)"
)
DOCTOR_QUIET_LISTED = (
    "{listed} of {of} the score cache holds as quiet today would be listed by net due "
    "(net doctor --rebuild empties the cache)"
)
DOCTOR_REMOVED = "Removed what netjournal did not create: {objects}."
DOCTOR_RESTORED = "Restored netjournal's own {objects}."
DOCTOR_FORGOT_UNDO = (
    "Forgot the undo history of {commands} holding changes netjournal did not record."
)
DOCTOR_TEMP_REMOVED = "Removed {copies} left by an interrupted backup, restore or upgrade."
# net doctor's problems, one line each, with the way to fix it
DOCTOR_FOREIGN_CODE = "{object} was not created by netjournal; net doctor --rebuild removes it"
DOCTOR_FOREIGN_TABLE = (
    "{object} was not created by netjournal; if you do not need its rows, remove it with: "
    "sqlite3 '{path}' 'DROP TABLE {name};'"
)
DOCTOR_ALTERED_CODE = "{object} differs from netjournal's; net doctor --rebuild restores it"
DOCTOR_ALTERED_TABLE = (
    "{object} differs from the table netjournal creates, and netjournal cannot change it "
    "back: restore a backup (net backup --list, net restore FILE)"
)
DOCTOR_MISSING_CODE = "{object} is missing; net doctor --rebuild restores it"
DOCTOR_MISSING_TABLE = "{object} is missing: restore a backup (net backup --list, net restore FILE)"
DOCTOR_UNDO_STEP = (
    "undo step {step} of '{name}' is not a change netjournal records, so net undo refuses "
    "it; net doctor --rebuild forgets that command's undo history"
)
DOCTOR_UNDO_MORE = "and {more}"
DOCTOR_UNDO_OFF = (
    "undo recording is switched off, so net undo would skip changes; "
    "the next write command (or net doctor --rebuild) switches it on"
)
DOCTOR_NOT_TEXT = (
    "{table} row {rowid} holds text that is not UTF-8, which net cannot show; "
    "restore a backup (net backup --list, net restore FILE)"
)
DOCTOR_TEMP_LEFT = (
    "{path} is a temporary copy left by an interrupted backup; remove it: rm '{path}'"
)

# --- search (net search, net contacts --search) ----------------------------------------

SEARCH_UNCLOSED_QUOTE = (
    'Cannot search for {query}: a quote is not closed. Put "double quotes" around a phrase, '
    "or leave them out."
)
SEARCH_BAD_OR = "Cannot search for {query}: OR needs a word on each side, as in 'lawyer OR notary'."
SEARCH_ONLY_EXCLUDED = (
    "Cannot search for {query}: it only leaves words out. Add a word to find, as in 'bank -loan'."
)
SEARCH_NO_WORDS = "Cannot search for {query}: it holds no word to find."
SEARCH_CANNOT_PARSE = (
    'Cannot search for {query}: write words, "a phrase" in quotes, -word to leave one out, '
    "or OR between two words."
)
SEARCH_BAD_IN = "Unknown kind of record '{value}' for --in; use one of: {options}."
SEARCH_NONE = "Nothing in the journal matches {query}."
SEARCH_MORE = "{more}; --limit 0 shows them all."
DOCTOR_SEARCH_STALE = (
    "the search index differs from the journal's {table} rows; net doctor --rebuild rebuilds it"
)
DOCTOR_SEARCH_REBUILT = "Rebuilt the search index from the journal's rows."
SEARCH_BAD_LIMIT = "--limit must be 0 (all) or more, not {limit}."

# --- introductions (net introduce, net intros, --met-through) ----------------------------

INTRO_SELF = "Nobody is introduced to themself: name two different people."
INTRO_RECORDED = "Recorded that you introduced {name} to {to} on {on} ({id})."
INTRO_NONE = "No introductions in the journal yet: net introduce A B records one."
INTRO_NONE_FOR = "No introductions made to, by or for {name} yet."
MET_THROUGH_SET = "{name} was introduced to you by {by}."
MET_THROUGH_CLEARED = "Forgot who introduced you to {name}."
GRAPH_WRITTEN = "Drew the introduction network ({people}) in {path}."
PATH_NONE = (
    "Nobody in the journal points at {target} yet: no introduction, meeting, company, role or fact."
)
CONFIG_NO_ME = " (not set: captures cannot tell you from the others; add emails = [...] under [me])"

# --- capture (net import calendar|mail, net inbox) ---------------------------------------
CAPTURE_LINE = "{at}  {kind} with {names}{note}{extras}"
CAPTURE_MORE_PROBLEMS = "... and {more}."
CAPTURE_SUMMARY = "{source}: {entries} {done} with {contacts}"
CAPTURE_DONE = "logged"
CAPTURE_WOULD = "would be logged"
CAPTURE_SKIPPED = "; {n} skipped ({reasons})"
CAPTURE_UNKNOWN = "; {n} unknown {what}: {people}"
CAPTURE_UNKNOWN_WHAT = {
    "calendar": ("attendee", "attendees"),
    "mail": ("address", "addresses"),
    "inbox": ("name", "names"),
}
CAPTURE_NEW_HINT = "Add them with --new (as acquaintances), or add their emails to contacts first."
CAPTURE_NO_ME = (
    "[me] emails are not set in {path}: you cannot be told apart from the others "
    '(add emails = ["you@example.com"] under [me]).'
)
CAPTURE_NOTHING_READ = "Nothing could be read from {path}."
CAPTURE_DRY_RUN = "Dry run: nothing was written."
CAPTURE_CANCELLED = "Cancelled; nothing was written."
CAPTURE_REVIEW = "Write {interactions}? [a]ccept all, [s]tep through, [c]ancel"
CAPTURE_STEP = "  log it? [y]es, [n]o, [q]uit (and write those accepted so far)"
CAPTURE_NOT_FOUND = "{path} does not exist."
CAPTURE_TOO_BIG = (
    "{path} is larger than the import limit ({limit} MB; import_limit_mb in the config)."
)
CAPTURE_UNREADABLE = "Cannot read {path}: {reason}."
CAPTURE_LOOP = "{path} is a symbolic link loop; skipped."
CAPTURE_NOT_CALENDAR = "{path} is not an iCalendar file: {reason}."
CAPTURE_NO_EVENTS = (
    "{path} is not a complete iCalendar file (BEGIN:VCALENDAR ... END:VCALENDAR); skipped."
)
CAPTURE_BROKEN_EVENT = "{path}: the event {uid} cannot be read ({reason}); skipped."
CAPTURE_NOT_MAILBOX = "{path} is neither a Maildir (a folder with cur/ and new/) nor an mbox file."
CAPTURE_NO_DATE = "{where}: a message without a readable Date header; skipped."
CAPTURE_BAD_ADDRESS = "{where}: a malformed address in {header} ({value}); skipped."
CAPTURE_BROKEN_MESSAGE = "{where}: the message cannot be read ({reason}); skipped."
CAPTURE_INBOX_NO_DATE = "no date at the start (such as 2026-12-01 or yesterday)."
CAPTURE_INBOX_NO_NAME = "no 'with NAME' (such as '2026-12-01 coffee with Ana Rossi')."
CAPTURE_INBOX_BAD = "line {line}: {reason}"
CAPTURE_INBOX_NOT_TEXT = "{path} is not a UTF-8 text file."
