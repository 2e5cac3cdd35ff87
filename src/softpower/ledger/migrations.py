"""Named, ordered schema migrations; each applied one is recorded in ``schema_migrations``."""

from __future__ import annotations

import duckdb

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_records_and_documents",
        """
        CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY,
            title VARCHAR, author VARCHAR, publisher VARCHAR,
            publisher_country VARCHAR, publisher_kind VARCHAR DEFAULT 'unknown',
            date DATE, url VARCHAR, text_length INTEGER, sha256 VARCHAR, text VARCHAR
        );
        CREATE TABLE records (
            record_id VARCHAR NOT NULL,  -- content hash; uniqueness kept by the import's anti-join
            fact_key VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            doc VARCHAR NOT NULL,
            actor VARCHAR NOT NULL,
            partners VARCHAR[] NOT NULL,
            instrument VARCHAR, power_type VARCHAR,
            metric VARCHAR, unit VARCHAR, measure VARCHAR,
            year INTEGER, year_end INTEGER,
            amount DOUBLE, currency VARCHAR, value DOUBLE,
            name VARCHAR,
            ppp BOOLEAN NOT NULL DEFAULT false,
            equal_footing BOOLEAN NOT NULL DEFAULT false,
            span_start INTEGER, span_end INTEGER,
            amount_usd DOUBLE, amount_usd_const DOUBLE, usd_rate DOUBLE, money_note VARCHAR,
            origin VARCHAR NOT NULL,
            imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        """,
    ),
    (
        "0002_views",
        """
        CREATE VIEW engagement AS SELECT * FROM records WHERE kind = 'engagement';
        CREATE VIEW indicator AS SELECT * FROM records WHERE kind = 'indicator';
        CREATE VIEW perception AS SELECT * FROM records WHERE kind = 'perception';
        CREATE VIEW record_sources AS
            SELECT r.*, d.title, d.publisher, d.publisher_country, d.publisher_kind, d.date AS doc_date, d.url,
                   coalesce(d.publisher_country = r.actor
                            AND d.publisher_kind IN ('government', 'state_media'), false) AS self_reported
            FROM records r LEFT JOIN documents d ON d.doc_id = r.doc;
        CREATE VIEW facts AS
            SELECT fact_key, any_value(kind) AS kind, min(record_id) AS record_id,
                   count(DISTINCT doc) AS n_sources,
                   count(DISTINCT doc) FILTER (WHERE NOT self_reported) AS n_third_party
            FROM record_sources GROUP BY fact_key;
        """,
    ),
    (
        "0003_group_members",
        """
        CREATE TABLE group_members (
            "group" VARCHAR NOT NULL, member VARCHAR NOT NULL, joined INTEGER NOT NULL, "left" INTEGER,
            PRIMARY KEY ("group", member)
        );
        """,
    ),
    (
        "0004_money_basis",
        """
        ALTER TABLE records ADD COLUMN amount_basis VARCHAR;
        ALTER TABLE records ADD COLUMN price_basis VARCHAR;
        ALTER TABLE records ADD COLUMN price_year INTEGER;
        """,
    ),
)


def applied(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations already applied, in order."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    return [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every pending migration, each in its own transaction; return the names applied."""
    done = set(applied(con))
    new = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        new.append(name)
    return new
