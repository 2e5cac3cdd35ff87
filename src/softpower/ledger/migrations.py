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
    (
        "0005_provenance_and_dates",
        """
        CREATE TABLE survey_sponsors (
            survey VARCHAR PRIMARY KEY, sponsor VARCHAR, sponsor_country VARCHAR, sponsor_kind VARCHAR,
            subjects VARCHAR[], publics VARCHAR[], years INTEGER[]
        );
        CREATE OR REPLACE VIEW record_sources AS
            WITH joined AS (
                SELECT r.*, d.title, d.publisher, d.publisher_country, d.publisher_kind, d.date AS doc_date, d.url
                FROM records r LEFT JOIN documents d ON d.doc_id = r.doc
            ),
            sponsored AS (
                SELECT r.record_id, min(s.survey) AS survey
                FROM records r JOIN survey_sponsors s
                  ON r.name = s.survey
                  OR (len(s.subjects) > 0 AND list_contains(s.subjects, r.actor)
                      AND list_contains(s.years, r.year) AND list_has_all(s.publics, r.partners))
                WHERE r.kind = 'perception'
                GROUP BY r.record_id
            ),
            witnessed AS (
                SELECT DISTINCT fact_key, origin FROM joined WHERE coalesce(publisher_kind, 'unknown') <> 'dataset'
            )
            SELECT j.*, s.survey, s.sponsor, s.sponsor_country, s.sponsor_kind,
                   coalesce(j.publisher_country = j.actor AND j.publisher_kind IN ('government', 'state_media'), false)
                   OR coalesce(s.sponsor_country = j.actor AND s.sponsor_kind IN ('government', 'state_media'), false)
                       AS self_reported,
                   coalesce(j.year, CAST(year(j.doc_date) AS INTEGER)) AS effective_year,
                   CASE WHEN j.year IS NOT NULL THEN 'record' WHEN j.doc_date IS NOT NULL THEN 'document'
                        ELSE 'undated' END AS year_from
            FROM joined j
            LEFT JOIN sponsored sp ON sp.record_id = j.record_id
            LEFT JOIN survey_sponsors s ON s.survey = sp.survey
            LEFT JOIN witnessed w ON w.fact_key = j.fact_key AND w.origin = j.origin
            WHERE NOT (coalesce(j.publisher_kind, 'unknown') = 'dataset' AND w.fact_key IS NOT NULL);
        CREATE OR REPLACE VIEW facts AS
            SELECT fact_key, any_value(kind) AS kind, min(record_id) AS record_id,
                   any_value(actor) AS actor, any_value(partners) AS partners,
                   any_value(instrument) AS instrument, any_value(power_type) AS power_type,
                   any_value(metric) AS metric, any_value(unit) AS unit, any_value(measure) AS measure,
                   any_value(year) AS year, any_value(year_end) AS year_end,
                   min(effective_year) AS effective_year,
                   CASE WHEN any_value(year) IS NOT NULL THEN 'record'
                        WHEN min(effective_year) IS NOT NULL THEN 'document' ELSE 'undated' END AS year_from,
                   any_value(amount) AS amount, any_value(currency) AS currency,
                   any_value(amount_basis) AS amount_basis, any_value(price_basis) AS price_basis,
                   any_value(price_year) AS price_year,
                   any_value(amount_usd) AS amount_usd, any_value(amount_usd_const) AS amount_usd_const,
                   any_value(value) AS value, any_value(name) AS name,
                   bool_or(ppp) AS ppp, bool_or(equal_footing) AS equal_footing,
                   count(DISTINCT doc) AS n_sources,
                   count(DISTINCT doc) FILTER (WHERE NOT self_reported) AS n_third_party,
                   count(DISTINCT doc) FILTER (WHERE NOT self_reported) = 0 AS self_only,
                   string_agg(DISTINCT origin, ',' ORDER BY origin) AS origins
            FROM record_sources GROUP BY fact_key;
        CREATE VIEW engagement_facts AS SELECT * FROM facts WHERE kind = 'engagement';
        CREATE VIEW indicator_facts AS SELECT * FROM facts WHERE kind = 'indicator';
        CREATE VIEW perception_facts AS SELECT * FROM facts WHERE kind = 'perception';
        """,
    ),
    (
        # a poll is matched to a registered survey by design (subject, wave, publics) only when
        # the record names no pollster: a Pew figure on Japan in 2008 is Pew's, not the MOFA poll's
        "0006_sponsor_by_name_first",
        """
        CREATE OR REPLACE VIEW record_sources AS
            WITH joined AS (
                SELECT r.*, d.title, d.publisher, d.publisher_country, d.publisher_kind, d.date AS doc_date, d.url
                FROM records r LEFT JOIN documents d ON d.doc_id = r.doc
            ),
            sponsored AS (
                SELECT r.record_id, min(s.survey) AS survey
                FROM records r JOIN survey_sponsors s
                  ON r.name = s.survey
                  OR (r.name IS NULL AND len(s.subjects) > 0 AND list_contains(s.subjects, r.actor)
                      AND list_contains(s.years, r.year) AND list_has_all(s.publics, r.partners))
                WHERE r.kind = 'perception'
                GROUP BY r.record_id
            ),
            witnessed AS (
                SELECT DISTINCT fact_key, origin FROM joined WHERE coalesce(publisher_kind, 'unknown') <> 'dataset'
            )
            SELECT j.*, s.survey, s.sponsor, s.sponsor_country, s.sponsor_kind,
                   coalesce(j.publisher_country = j.actor AND j.publisher_kind IN ('government', 'state_media'), false)
                   OR coalesce(s.sponsor_country = j.actor AND s.sponsor_kind IN ('government', 'state_media'), false)
                       AS self_reported,
                   coalesce(j.year, CAST(year(j.doc_date) AS INTEGER)) AS effective_year,
                   CASE WHEN j.year IS NOT NULL THEN 'record' WHEN j.doc_date IS NOT NULL THEN 'document'
                        ELSE 'undated' END AS year_from
            FROM joined j
            LEFT JOIN sponsored sp ON sp.record_id = j.record_id
            LEFT JOIN survey_sponsors s ON s.survey = sp.survey
            LEFT JOIN witnessed w ON w.fact_key = j.fact_key AND w.origin = j.origin
            WHERE NOT (coalesce(j.publisher_kind, 'unknown') = 'dataset' AND w.fact_key IS NOT NULL);
        """,
    ),
)


_CREATE_LOG = (
    "CREATE TABLE IF NOT EXISTS schema_migrations "
    "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
)
_APPLIED = "SELECT name FROM schema_migrations ORDER BY name"
_LOG = "INSERT INTO schema_migrations (name) VALUES (?)"


def applied(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations already applied, in order."""
    con.execute(_CREATE_LOG)
    return [r[0] for r in con.execute(_APPLIED).fetchall()]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every pending migration, each in its own transaction; return the names applied."""
    done = set(applied(con))
    new = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        con.begin()
        try:
            con.execute(sql)
            con.execute(_LOG, [name])
            con.commit()
        except Exception:
            con.rollback()
            raise
        new.append(name)
    return new
