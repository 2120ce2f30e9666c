-- Processing group "burden": the burden dashboard. Like the rating read model it keeps its own copy of what it
-- needs (departments, stations, the year's visit cap, visits and requests), because processors replay
-- independently. Rows hold facts, never counters: the figures are counted on read, so handling an event twice
-- leaves the same answer. Positions are event-store global indexes.

CREATE TABLE read_burden_department (
    department_id TEXT PRIMARY KEY,
    name          TEXT NOT NULL
);

-- A document or meeting for every station reaches the stations registered, and not decommissioned, when it was
-- recorded: hence the positions.
CREATE TABLE read_burden_station (
    station_id              TEXT   PRIMARY KEY,
    name                    TEXT   NOT NULL,
    registered_position     BIGINT NOT NULL,
    decommissioned_position BIGINT
);

CREATE TABLE read_burden_baseline (
    department_id TEXT PRIMARY KEY,
    documents     INT  NOT NULL,
    meetings      INT  NOT NULL
);

-- Documents (kind DOCUMENT) and meetings (kind MEETING); station_ids is empty when all_stations.
CREATE TABLE read_burden_demand (
    kind          TEXT    NOT NULL,
    demand_id     TEXT    NOT NULL,
    year          INT     NOT NULL,
    department_id TEXT    NOT NULL,
    issued_on     DATE    NOT NULL,
    all_stations  BOOLEAN NOT NULL,
    station_ids   TEXT[]  NOT NULL,
    position      BIGINT  NOT NULL,
    PRIMARY KEY (kind, demand_id)
);
CREATE INDEX read_burden_demand_year ON read_burden_demand (year, kind);
CREATE INDEX read_burden_demand_all_stations ON read_burden_demand (year, kind, position) WHERE all_stations;

CREATE TABLE read_burden_cycle (
    year      INT PRIMARY KEY,
    visit_cap INT NOT NULL
);

CREATE TABLE read_burden_visit (
    visit_id       TEXT   PRIMARY KEY,
    year           INT    NOT NULL,
    station_id     TEXT   NOT NULL,
    department_ids TEXT[] NOT NULL
);
CREATE INDEX read_burden_visit_year ON read_burden_visit (year);

-- Every inspection request in its latest state; exception_category is set for an exception asked for on valid
-- grounds, whatever was decided.
CREATE TABLE read_burden_request (
    inspection_id      TEXT PRIMARY KEY,
    year               INT  NOT NULL,
    station_id         TEXT NOT NULL,
    department_id      TEXT NOT NULL,
    status             TEXT NOT NULL,
    reason_code        TEXT,
    exception_category TEXT
);
CREATE INDEX read_burden_request_year ON read_burden_request (year);
