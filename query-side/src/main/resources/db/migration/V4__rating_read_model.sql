-- Processing group "ratings": every station's consolidated yearly rating. Processors replay independently, so this
-- read model keeps its own copy of the stations, cycles, scheme and inspections it needs instead of reading the
-- other projections' tables. The live score is not stored: it is graded on read with RatingRules from the scheme and
-- the findings, so it can never disagree with them. The draft, the final rating and the revisions are stored as
-- they were fixed.

CREATE TABLE read_rating_station (
    station_id TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL
);

CREATE TABLE read_rating_cycle (
    year             INT              PRIMARY KEY,
    closed           BOOLEAN          NOT NULL,
    grade_level1     DOUBLE PRECISION NOT NULL,
    grade_level2     DOUBLE PRECISION NOT NULL,
    grade_level3     DOUBLE PRECISION NOT NULL,
    grade_level4     DOUBLE PRECISION NOT NULL,
    scheme_published BOOLEAN          NOT NULL
);

CREATE TABLE read_rating_indicator (
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

-- Planned inspections and exceptions; only the authorised ones stand behind a rating.
CREATE TABLE read_rating_inspection (
    inspection_id   TEXT    PRIMARY KEY,
    year            INT     NOT NULL,
    station_id      TEXT    NOT NULL,
    department_id   TEXT    NOT NULL,
    inspection_date DATE    NOT NULL,
    kind            TEXT    NOT NULL,
    authorised      BOOLEAN NOT NULL
);
CREATE INDEX read_rating_inspection_station ON read_rating_inspection (station_id, year);

CREATE TABLE read_rating_finding (
    finding_id         TEXT        PRIMARY KEY,
    year               INT         NOT NULL,
    station_id         TEXT        NOT NULL,
    inspection_id      TEXT        NOT NULL,
    department_id      TEXT        NOT NULL,
    indicator_id       TEXT        NOT NULL,
    -- The deduction as an upheld appeal may have reduced it; the recorded one stays beside it.
    deduction          NUMERIC     NOT NULL,
    original_deduction NUMERIC     NOT NULL,
    note               TEXT,
    evidence_ref       TEXT,
    observed_at        TIMESTAMPTZ,
    recorded_at        TIMESTAMPTZ NOT NULL,
    status             TEXT        NOT NULL,
    withdrawal_reason  TEXT
);
CREATE INDEX read_rating_finding_station ON read_rating_finding (station_id, year);
CREATE INDEX read_rating_finding_year ON read_rating_finding (year);

CREATE TABLE read_rating_appeal (
    appeal_id       TEXT        PRIMARY KEY,
    year            INT         NOT NULL,
    station_id      TEXT        NOT NULL,
    grounds         TEXT        NOT NULL,
    finding_ids     TEXT[]      NOT NULL,
    status          TEXT        NOT NULL,
    decision_reason TEXT,
    filed_at        TIMESTAMPTZ NOT NULL,
    decided_at      TIMESTAMPTZ
);
CREATE INDEX read_rating_appeal_station ON read_rating_appeal (station_id, year);

-- Every station's rating as it stood when the cycle closed.
CREATE TABLE read_rating_draft (
    station_id     TEXT    NOT NULL,
    year           INT     NOT NULL,
    score          NUMERIC NOT NULL,
    veto           BOOLEAN NOT NULL,
    eligible_grade TEXT    NOT NULL,
    PRIMARY KEY (station_id, year)
);

CREATE TABLE read_rating_final (
    station_id     TEXT        NOT NULL,
    year           INT         NOT NULL,
    score          NUMERIC     NOT NULL,
    veto           BOOLEAN     NOT NULL,
    eligible_grade TEXT        NOT NULL,
    grade          TEXT        NOT NULL,
    reason         TEXT,
    finalised_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (station_id, year)
);

CREATE TABLE read_rating_revision (
    station_id     TEXT        NOT NULL,
    year           INT         NOT NULL,
    revision       INT         NOT NULL,
    cause          TEXT        NOT NULL,
    appeal_id      TEXT,
    score          NUMERIC     NOT NULL,
    veto           BOOLEAN     NOT NULL,
    eligible_grade TEXT        NOT NULL,
    grade          TEXT        NOT NULL,
    reason         TEXT,
    revised_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (station_id, year, revision)
);
