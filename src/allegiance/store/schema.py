"""The SQL schema, in one place, for every backend.

Plain portable types only (TEXT, INTEGER, BIGINT, DOUBLE PRECISION, BOOLEAN, TIMESTAMP) so the same
statements run on DuckDB now and PostgreSQL later (issue 7). Lists (tags, event context) are JSON
text; dates are ISO 8601 text, which sorts and compares correctly as text. Character offsets are
`*_start` / `*_end` (half-open, into `documents.text`); `start` and `end` alone are avoided because
END is reserved in SQL. `seq` columns keep the order records had in the `Document`, so a stored
document loads back equal to the original.

Global tables (`actors`, `aliases`) hold the latest known description of each canonical actor;
`document_actors` records which actors a document resolved, in order.
"""

from __future__ import annotations

from functools import cache

SCHEMA_VERSION = 1

TABLES: dict[str, str] = {
    "incidents": """
        CREATE TABLE IF NOT EXISTS incidents (
            id TEXT PRIMARY KEY,
            body TEXT NOT NULL
        )""",
    # Which document and event each incident holds, and the day its linking window starts (the
    # ordinal of `incidents.link.Report.start`; NULL when it cannot link): a new report is compared
    # only with incidents that have a member near its own day, so a batch reads those alone.
    "incident_members": """
        CREATE TABLE IF NOT EXISTS incident_members (
            incident_id TEXT NOT NULL,
            document_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            day INTEGER
        )""",
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    "documents": """
        CREATE TABLE IF NOT EXISTS documents (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            title TEXT,
            published TEXT,
            section TEXT,
            tags TEXT NOT NULL,
            language TEXT,
            text TEXT NOT NULL,
            ingested_at TIMESTAMP NOT NULL,
            canonical_url TEXT
        )""",
    "actors": """
        CREATE TABLE IF NOT EXISTS actors (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            country TEXT,
            parent TEXT,
            wikidata TEXT,
            in_kb BOOLEAN NOT NULL,
            note TEXT
        )""",
    "aliases": """
        CREATE TABLE IF NOT EXISTS aliases (
            actor_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            alias TEXT NOT NULL,
            PRIMARY KEY (actor_id, alias)
        )""",
    "document_actors": """
        CREATE TABLE IF NOT EXISTS document_actors (
            document_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            actor_id TEXT NOT NULL,
            PRIMARY KEY (document_id, seq)
        )""",
    "mentions": """
        CREATE TABLE IF NOT EXISTS mentions (
            document_id TEXT NOT NULL,
            actor_seq INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            actor_id TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            PRIMARY KEY (document_id, actor_seq, seq)
        )""",
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            document_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            id TEXT NOT NULL,
            event TEXT NOT NULL,
            mode TEXT,
            context TEXT NOT NULL,
            event_text TEXT NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            trigger_text TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            certainty TEXT NOT NULL,
            cue_start INTEGER,
            cue_end INTEGER,
            cue_text TEXT,
            attributed_to TEXT,
            attributed_text TEXT,
            date_start TEXT,
            date_end TEXT,
            date_granularity TEXT,
            date_text TEXT,
            date_span_start INTEGER,
            date_span_end INTEGER,
            location_name TEXT,
            location_admin1 TEXT,
            location_country TEXT,
            location_lat DOUBLE PRECISION,
            location_lon DOUBLE PRECISION,
            location_kind TEXT,
            location_start INTEGER,
            location_end INTEGER,
            dead INTEGER,
            injured INTEGER,
            confidence DOUBLE PRECISION NOT NULL,
            cameo TEXT,
            score DOUBLE PRECISION,
            participants TEXT,
            PRIMARY KEY (document_id, seq)
        )""",
    "event_participants": """
        CREATE TABLE IF NOT EXISTS event_participants (
            document_id TEXT NOT NULL,
            event_seq INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            role TEXT NOT NULL,
            seq INTEGER NOT NULL,
            actor_id TEXT NOT NULL,
            text TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            PRIMARY KEY (document_id, event_seq, role, seq)
        )""",
    "quotes": """
        CREATE TABLE IF NOT EXISTS quotes (
            document_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            speaker TEXT,
            speaker_text TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER,
            text TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            direct BOOLEAN NOT NULL,
            PRIMARY KEY (document_id, seq)
        )""",
    "failures": """
        CREATE TABLE IF NOT EXISTS failures (
            source TEXT NOT NULL,
            stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            failed_at TIMESTAMP NOT NULL
        )""",
}

# Columns added after SCHEMA_VERSION 1 shipped, nullable so that a store written before them opens
# unchanged (no version bump, no rewrite): each runs on every writable open, and is a no-op once done.
UPGRADES = [
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS canonical_url TEXT",
    # The event's rows of event_participants again, as JSON (`rows.participants_json`), so that a
    # page of events and the actor filter read the events table alone: DuckDB uses no index to
    # find an actor's rows among millions of participants (docs/api.md). Filled on writable open
    # for rows stored before it (`DuckDBStore._fill_participants`); event_participants stays the
    # record the store is rebuilt from.
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS participants TEXT",
]

INDEXES = [
    "CREATE INDEX IF NOT EXISTS mentions_actor ON mentions (actor_id)",
    "CREATE INDEX IF NOT EXISTS participants_actor ON event_participants (actor_id)",
    "CREATE INDEX IF NOT EXISTS events_event ON events (event)",
    "CREATE INDEX IF NOT EXISTS incident_members_day ON incident_members (day)",
    "CREATE INDEX IF NOT EXISTS incident_members_document ON incident_members (document_id)",
    "CREATE INDEX IF NOT EXISTS incident_members_incident ON incident_members (incident_id)",
]

# --- read path: indexes for the query layer (allegiance.query; docs/api.md, "How /api/events
# reads a page") -------------------------------------------------------------------------------
# Kept apart from INDEXES so that write-path changes merge cleanly. PostgreSQL only: its planner
# filters events by certainty and country and documents by publication day through them, while
# DuckDB scans columns with zone maps and does not use such indexes for these filters (EXPLAIN
# shows a sequential scan even for `=`), so there they would only slow down every save.
POSTGRES_READ_INDEXES = [
    # the default order of /api/events for dated events: a page is an index range, not a sort
    "CREATE INDEX IF NOT EXISTS events_dated ON events (date_start DESC NULLS LAST, document_id, seq)",
    "CREATE INDEX IF NOT EXISTS events_certainty ON events (certainty)",
    "CREATE INDEX IF NOT EXISTS events_country ON events (location_country)",
    "CREATE INDEX IF NOT EXISTS documents_published ON documents (published)",
    # the store version (latest ingest) the query layer reads on every request
    "CREATE INDEX IF NOT EXISTS documents_ingested ON documents (ingested_at)",
]
# --- end of read path indexes ------------------------------------------------------------------

# Tables whose rows belong to one document (deleted together when a document is replaced).
PER_DOCUMENT = ("document_actors", "mentions", "events", "event_participants", "quotes", "documents")


@cache  # parsed once per table: the bulk writer asks for every row
def column_types(table: str) -> dict[str, str]:
    """Column name -> SQL type of `table`, read from its CREATE statement (so INSERTs and the
    bulk writer's Arrow tables never drift from it)."""
    body = TABLES[table].split("(", 1)[1]
    found: dict[str, str] = {}
    for line in body.splitlines():
        word, _, rest = line.strip().partition(" ")
        if word and word.isidentifier() and word.upper() != "PRIMARY":
            found[word] = rest.replace(" NOT NULL", "").replace(" PRIMARY KEY", "").rstrip(",")
    return found


def columns(table: str) -> list[str]:
    """Column names of `table`, in CREATE order."""
    return list(column_types(table))


def insert_sql(table: str) -> str:
    cols = columns(table)
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"


def upsert_actors_sql(source: str) -> str:
    """Insert the actors `source` (a SELECT, or VALUES) yields; an actor already stored takes the
    new description (the knowledge base may have been corrected since the last run)."""
    cols = columns("actors")
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
    return f"INSERT INTO actors ({', '.join(cols)}) {source} ON CONFLICT (id) DO UPDATE SET {updates}"
