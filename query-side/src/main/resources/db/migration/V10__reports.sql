-- Processing group "report-publications": every publication of a statistics report. The reports themselves need
-- no table: they are generated from the event store, up to the position a publication names.
CREATE TABLE read_report_publication (
    -- Global index of the ReportPublished event.
    published_position BIGINT      PRIMARY KEY,
    year               INT         NOT NULL,
    report             TEXT        NOT NULL,
    station_id         TEXT,
    -- The position the report was built from.
    position           BIGINT      NOT NULL,
    format             TEXT        NOT NULL,
    sha256             TEXT        NOT NULL,
    trigger            TEXT        NOT NULL,
    period             TEXT,
    published_at       TIMESTAMPTZ NOT NULL,
    published_by       TEXT
);
CREATE INDEX read_report_publication_year ON read_report_publication (year, published_position);
