-- Rebuilds of read models (ProjectionRebuilds, docs/operations.md): one row per processing group, its latest
-- rebuild. The replay's position is stored in the same transaction as the rows it wrote into the shadow schema, so a
-- rebuild interrupted by a stop resumes from exactly there.
CREATE TABLE projection_rebuild (
    projection        TEXT             PRIMARY KEY,
    -- Each start is a new run; a worker of an older run that is still about gives up at its next batch.
    run_id            UUID             NOT NULL,
    status            TEXT             NOT NULL,
    shadow_schema     TEXT             NOT NULL,
    -- The replay's tracking token, serialized as in tokenentry.
    token             BYTEA,
    token_type        TEXT,
    events_done       BIGINT           NOT NULL,
    events_total      BIGINT           NOT NULL,
    events_per_second DOUBLE PRECISION,
    -- Whether the rebuilt tables differed and replaced the live ones.
    replaced          BOOLEAN,
    error             TEXT,
    started_at        TIMESTAMPTZ      NOT NULL,
    updated_at        TIMESTAMPTZ      NOT NULL,
    finished_at       TIMESTAMPTZ
);

CREATE TABLE projection_rebuild_checksum (
    projection       TEXT NOT NULL REFERENCES projection_rebuild ON DELETE CASCADE,
    table_name       TEXT NOT NULL,
    live_checksum    TEXT NOT NULL,
    rebuilt_checksum TEXT NOT NULL,
    PRIMARY KEY (projection, table_name)
);
