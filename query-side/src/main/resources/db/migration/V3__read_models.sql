-- Read models of the query side. Each table belongs to exactly one projection (processing group), is derived
-- from the events alone and can be rebuilt: the projection's reset handler empties it and a replay refills it.
-- Identifiers are TEXT: the read side does not second-guess the lengths the command side accepts.

-- Processing group "stations": the registry. A station's details are kept as versions; its current state is the
-- latest version, so the history and the current details can never disagree.
CREATE TABLE read_department (
    department_id TEXT        PRIMARY KEY,
    name          TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE read_station_version (
    station_id     TEXT             NOT NULL,
    version        INT              NOT NULL,
    -- The event that recorded this version; a redelivered event finds its version already there.
    event_id       TEXT             NOT NULL UNIQUE,
    change         TEXT             NOT NULL,
    name           TEXT             NOT NULL,
    parent         TEXT,
    kind           TEXT             NOT NULL,
    area_km2       DOUBLE PRECISION NOT NULL,
    population     BIGINT           NOT NULL,
    officers       INT              NOT NULL,
    auxiliaries    INT              NOT NULL,
    decommissioned BOOLEAN          NOT NULL,
    reason         TEXT,
    recorded_at    TIMESTAMPTZ      NOT NULL,
    recorded_by    TEXT,
    PRIMARY KEY (station_id, version)
);

CREATE VIEW read_station AS
SELECT DISTINCT ON (station_id) *
FROM read_station_version
ORDER BY station_id, version DESC;

-- Processing group "cycles": each year's settings, scheme, plan and visits.
CREATE TABLE read_cycle (
    year                INT              PRIMARY KEY,
    status              TEXT             NOT NULL,
    visit_cap           INT              NOT NULL,
    comment_window_days INT              NOT NULL,
    grade_level1        DOUBLE PRECISION NOT NULL,
    grade_level2        DOUBLE PRECISION NOT NULL,
    grade_level3        DOUBLE PRECISION NOT NULL,
    grade_level4        DOUBLE PRECISION NOT NULL,
    scheme_published    BOOLEAN          NOT NULL,
    plan_approved       BOOLEAN          NOT NULL,
    opened_at           TIMESTAMPTZ      NOT NULL,
    closed_at           TIMESTAMPTZ
);

CREATE TABLE read_indicator (
    year          INT     NOT NULL,
    indicator_id  TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    department_id TEXT    NOT NULL,
    max_points    INT     NOT NULL,
    kind          TEXT    NOT NULL,
    -- Set when the scheme is published: the published scheme is exactly these indicators.
    in_scheme     BOOLEAN NOT NULL,
    PRIMARY KEY (year, indicator_id)
);

CREATE TABLE read_plan_item (
    plan_item_id     TEXT        PRIMARY KEY,
    year             INT         NOT NULL,
    department_id    TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    from_date        DATE        NOT NULL,
    to_date          DATE        NOT NULL,
    station_ids      TEXT[]      NOT NULL,
    indicator_ids    TEXT[]      NOT NULL,
    status           TEXT        NOT NULL,
    rejection_reason TEXT,
    proposed_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX read_plan_item_year ON read_plan_item (year);

CREATE TABLE read_visit (
    visit_id       TEXT   PRIMARY KEY,
    year           INT    NOT NULL,
    station_id     TEXT   NOT NULL,
    from_date      DATE   NOT NULL,
    to_date        DATE   NOT NULL,
    plan_item_ids  TEXT[] NOT NULL,
    department_ids TEXT[] NOT NULL
);
CREATE INDEX read_visit_year_station ON read_visit (year, station_id);

-- Processing group "inspections": every request made of a station, blocked ones included, in its latest state.
CREATE TABLE read_inspection (
    inspection_id      TEXT        PRIMARY KEY,
    year               INT         NOT NULL,
    station_id         TEXT        NOT NULL,
    department_id      TEXT        NOT NULL,
    inspection_date    DATE        NOT NULL,
    status             TEXT        NOT NULL,
    plan_item_id       TEXT,
    visit_id           TEXT,
    exception_category TEXT,
    justification      TEXT,
    reason_code        TEXT,
    explanation        TEXT,
    decision_reason    TEXT,
    requested_at       TIMESTAMPTZ NOT NULL,
    requested_by       TEXT,
    -- Global index of the request event: orders "newest first" even when timestamps tie.
    requested_position BIGINT      NOT NULL
);
CREATE INDEX read_inspection_newest ON read_inspection (requested_position DESC);
CREATE INDEX read_inspection_station ON read_inspection (station_id, requested_position DESC);
CREATE INDEX read_inspection_department ON read_inspection (department_id, requested_position DESC);

-- Processing group "audit-index": the filterable columns of every stored event, keyed by its global index.
-- The event itself is read from domainevententry, so the trail shows exactly what was stored.
CREATE TABLE read_audit_index (
    global_index  BIGINT      PRIMARY KEY,
    event_type    TEXT        NOT NULL,
    aggregate_id  TEXT,
    year          INT,
    department_id TEXT,
    station_ids   TEXT[],
    recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX read_audit_index_station_ids ON read_audit_index USING GIN (station_ids);
CREATE INDEX read_audit_index_department ON read_audit_index (department_id, global_index);
CREATE INDEX read_audit_index_year ON read_audit_index (year, global_index);
CREATE INDEX read_audit_index_type ON read_audit_index (event_type, global_index);
CREATE INDEX read_audit_index_recorded_at ON read_audit_index (recorded_at, global_index);
