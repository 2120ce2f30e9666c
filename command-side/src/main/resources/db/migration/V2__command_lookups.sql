-- Look-up tables of the command side. They are derived from events by the subscribing processor
-- "command-lookups", inside the same transaction as the events themselves, so a command always sees them
-- consistent with the event store. They answer the set-based questions no single aggregate can (does this
-- station exist, which visit does a plan item give a station, has a department used it) without loading an
-- aggregate whose size grows with the number of stations. Unique keys here catch the rare race between two
-- commands; the loser is retried and then refused cleanly.

CREATE TABLE cmd_department (
    department_id VARCHAR(64) PRIMARY KEY
);

CREATE TABLE cmd_station (
    station_id     VARCHAR(64) PRIMARY KEY,
    decommissioned BOOLEAN     NOT NULL DEFAULT FALSE
);

CREATE TABLE cmd_cycle (
    year                INT         PRIMARY KEY,
    status              VARCHAR(16) NOT NULL,
    visit_cap           INT         NOT NULL,
    comment_window_days INT         NOT NULL,
    grade_bands         VARCHAR(200) NOT NULL,
    scheme_published    BOOLEAN     NOT NULL DEFAULT FALSE,
    plan_approved       BOOLEAN     NOT NULL DEFAULT FALSE,
    closed_at           TIMESTAMPTZ
);

CREATE TABLE cmd_indicator (
    year          INT         NOT NULL,
    indicator_id  VARCHAR(64) NOT NULL,
    department_id VARCHAR(64) NOT NULL,
    max_points    INT         NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    PRIMARY KEY (year, indicator_id)
);

CREATE TABLE cmd_plan_item (
    plan_item_id  VARCHAR(64) PRIMARY KEY,
    year          INT         NOT NULL,
    department_id VARCHAR(64) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    from_date     DATE        NOT NULL,
    to_date       DATE        NOT NULL,
    status        VARCHAR(16) NOT NULL
);
CREATE INDEX cmd_plan_item_year ON cmd_plan_item (year, status);
-- "At most one COMPREHENSIVE item per department per year" (a rejected one does not count).
CREATE UNIQUE INDEX cmd_plan_item_one_comprehensive ON cmd_plan_item (year, department_id)
    WHERE kind = 'COMPREHENSIVE' AND status <> 'REJECTED';

CREATE TABLE cmd_plan_item_station (
    plan_item_id VARCHAR(64) NOT NULL,
    station_id   VARCHAR(64) NOT NULL,
    visit_id     VARCHAR(160),
    PRIMARY KEY (plan_item_id, station_id)
);

CREATE TABLE cmd_visit (
    visit_id   VARCHAR(160) PRIMARY KEY,
    year       INT          NOT NULL,
    station_id VARCHAR(64)  NOT NULL,
    from_date  DATE         NOT NULL,
    to_date    DATE         NOT NULL
);
CREATE INDEX cmd_visit_station ON cmd_visit (station_id, year);

-- One row per (visit, department): a department uses its share of a visit once.
CREATE TABLE cmd_visit_usage (
    visit_id      VARCHAR(160) NOT NULL,
    department_id VARCHAR(64)  NOT NULL,
    inspection_id VARCHAR(64)  NOT NULL,
    PRIMARY KEY (visit_id, department_id)
);

-- Findings as they stand now: withdrawn ones flagged, deductions as reduced by upheld appeals.
CREATE TABLE cmd_finding (
    finding_id    VARCHAR(64)   PRIMARY KEY,
    inspection_id VARCHAR(64)   NOT NULL,
    year          INT           NOT NULL,
    station_id    VARCHAR(64)   NOT NULL,
    department_id VARCHAR(64)   NOT NULL,
    indicator_id  VARCHAR(64)   NOT NULL,
    deduction     NUMERIC(7, 2) NOT NULL,
    withdrawn     BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX cmd_finding_station_year ON cmd_finding (station_id, year);
