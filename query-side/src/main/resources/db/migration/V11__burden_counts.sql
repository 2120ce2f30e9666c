-- Processing group "burden": the dashboard's counts, kept by the projection in the transaction that moves its token
-- instead of counted over every request, visit and demand of the year on each read. The fact tables of V9 stay: a
-- change of a request, a visit or a demand moves its counts from its stored state to its new one, so an event handled
-- again changes nothing. A count row exists only while one of its counts is not zero, so the tables are the same
-- however the events were batched (a rebuild compares them row for row).

CREATE TABLE read_burden_year_count (
    year         INT    PRIMARY KEY,
    visits       BIGINT NOT NULL,
    joint_visits BIGINT NOT NULL
);

-- documents, meetings: the ones the department issued; joint_visits: visits with more than one department, this one
-- among them.
CREATE TABLE read_burden_department_count (
    year          INT    NOT NULL,
    department_id TEXT   NOT NULL,
    documents     BIGINT NOT NULL,
    meetings      BIGINT NOT NULL,
    joint_visits  BIGINT NOT NULL,
    PRIMARY KEY (year, department_id)
);

-- A department's requests in each state; reason_code and exception_category are '' where the request has none, so
-- that they can be part of the key.
CREATE TABLE read_burden_department_requests (
    year               INT    NOT NULL,
    department_id      TEXT   NOT NULL,
    status             TEXT   NOT NULL,
    reason_code        TEXT   NOT NULL,
    exception_category TEXT   NOT NULL,
    requests           BIGINT NOT NULL,
    PRIMARY KEY (year, department_id, status, reason_code, exception_category)
);

-- documents, meetings: those naming the station. Those for every station are counted on read, from the demands'
-- positions and the station's registration and decommissioning (read_burden_station).
CREATE TABLE read_burden_station_count (
    year               INT    NOT NULL,
    station_id         TEXT   NOT NULL,
    visits             BIGINT NOT NULL,
    documents          BIGINT NOT NULL,
    meetings           BIGINT NOT NULL,
    requests           BIGINT NOT NULL,
    authorised         BIGINT NOT NULL,
    blocked            BIGINT NOT NULL,
    pending_exceptions BIGINT NOT NULL,
    PRIMARY KEY (year, station_id)
);

-- The dashboard pages through stations in the byte order of their ids.
CREATE INDEX read_burden_station_byte_order ON read_burden_station (station_id COLLATE "C");

-- Nothing reads the facts by year any more.
DROP INDEX read_burden_request_year;
DROP INDEX read_burden_visit_year;
DROP INDEX read_burden_demand_year;

-- The counts of what the projection has handled so far.
INSERT INTO read_burden_year_count (year, visits, joint_visits)
SELECT year, count(*), count(*) FILTER (WHERE cardinality(department_ids) > 1)
FROM read_burden_visit
GROUP BY year;

INSERT INTO read_burden_department_count (year, department_id, documents, meetings, joint_visits)
SELECT year, department_id, sum(documents), sum(meetings), sum(joint_visits)
FROM (SELECT year, department_id, count(*) FILTER (WHERE kind = 'DOCUMENT') AS documents,
             count(*) FILTER (WHERE kind = 'MEETING') AS meetings, 0 AS joint_visits
      FROM read_burden_demand
      GROUP BY year, department_id
      UNION ALL
      SELECT year, department_id, 0, 0, count(*)
      FROM read_burden_visit CROSS JOIN unnest(department_ids) AS department_id
      WHERE cardinality(department_ids) > 1
      GROUP BY year, department_id) AS counts
GROUP BY year, department_id;

INSERT INTO read_burden_department_requests (year, department_id, status, reason_code, exception_category, requests)
SELECT year, department_id, status, COALESCE(reason_code, ''), COALESCE(exception_category, ''), count(*)
FROM read_burden_request
GROUP BY year, department_id, status, COALESCE(reason_code, ''), COALESCE(exception_category, '');

INSERT INTO read_burden_station_count (year, station_id, visits, documents, meetings, requests, authorised, blocked,
                                       pending_exceptions)
SELECT year, station_id, sum(visits), sum(documents), sum(meetings), sum(requests), sum(authorised), sum(blocked),
       sum(pending_exceptions)
FROM (SELECT year, station_id, count(*) AS visits, 0 AS documents, 0 AS meetings, 0 AS requests, 0 AS authorised,
             0 AS blocked, 0 AS pending_exceptions
      FROM read_burden_visit
      GROUP BY year, station_id
      UNION ALL
      SELECT year, station_id, 0, count(*) FILTER (WHERE kind = 'DOCUMENT'), count(*) FILTER (WHERE kind = 'MEETING'),
             0, 0, 0, 0
      FROM read_burden_demand CROSS JOIN unnest(station_ids) AS station_id
      GROUP BY year, station_id
      UNION ALL
      SELECT year, station_id, 0, 0, 0, count(*), count(*) FILTER (WHERE status = 'AUTHORISED'),
             count(*) FILTER (WHERE status = 'BLOCKED'), count(*) FILTER (WHERE status = 'PENDING_EXCEPTION')
      FROM read_burden_request
      GROUP BY year, station_id) AS counts
GROUP BY year, station_id;
