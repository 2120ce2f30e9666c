package org.stationledger.query.report;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.events.LedgerMetaData;
import org.stationledger.events.burden.ReportPublished;
import org.stationledger.query.EventPositions;
import org.stationledger.query.JdbcValues;
import org.stationledger.query.ProcessingGroups;

/** Every report publication, keyed by the publishing event's global index, so a redelivery rewrites its own row. */
@Component
@ProcessingGroup(ProcessingGroups.REPORT_PUBLICATIONS)
class PublicationProjection {

    private final NamedParameterJdbcTemplate jdbc;

    PublicationProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReportPublished event, EventMessage<?> message, @Timestamp Instant publishedAt,
            @MetaDataValue(LedgerMetaData.PRINCIPAL) String publishedBy) {
        jdbc.update("""
                INSERT INTO read_report_publication (published_position, year, report, station_id, position, format,
                                                     sha256, trigger, period, published_at, published_by)
                VALUES (:publishedPosition, :year, :report, :stationId, :position, :format, :sha256, :trigger, :period,
                        :publishedAt, :publishedBy)
                ON CONFLICT (published_position) DO UPDATE SET
                    year = EXCLUDED.year, report = EXCLUDED.report, station_id = EXCLUDED.station_id,
                    position = EXCLUDED.position, format = EXCLUDED.format, sha256 = EXCLUDED.sha256,
                    trigger = EXCLUDED.trigger, period = EXCLUDED.period, published_at = EXCLUDED.published_at,
                    published_by = EXCLUDED.published_by
                """, new MapSqlParameterSource("publishedPosition", EventPositions.globalIndexOf(jdbc, message))
                .addValue("year", event.year())
                .addValue("report", event.report().slug())
                .addValue("stationId", event.stationId())
                .addValue("position", event.position())
                .addValue("format", event.format())
                .addValue("sha256", event.sha256())
                .addValue("trigger", event.trigger().name())
                .addValue("period", event.period())
                .addValue("publishedAt", JdbcValues.timestamp(publishedAt))
                .addValue("publishedBy", publishedBy));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update(ProcessingGroups.emptyTablesOf(ProcessingGroups.REPORT_PUBLICATIONS));
    }
}
