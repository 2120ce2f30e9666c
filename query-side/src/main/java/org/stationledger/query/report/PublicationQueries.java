package org.stationledger.query.report;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stationledger.events.burden.PublicationTrigger;
import org.stationledger.query.JdbcValues;

/** Reads of the publications, with the link that regenerates each published file. */
@Repository
class PublicationQueries {

    private final NamedParameterJdbcTemplate jdbc;

    PublicationQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<PublicationView> ofYear(int year) {
        return jdbc.query("SELECT * FROM read_report_publication WHERE year = :year ORDER BY published_position",
                Map.of("year", year), (row, index) -> {
                    String report = row.getString("report");
                    String stationId = row.getString("station_id");
                    long position = row.getLong("position");
                    String format = row.getString("format");
                    return new PublicationView(report, stationId, position, format, row.getString("sha256"),
                            JdbcValues.constant(row, "trigger", PublicationTrigger.class), row.getString("period"),
                            JdbcValues.instant(row, "published_at"), row.getString("published_by"),
                            "/api/reports/" + year + "/" + report + "?format=" + format + "&asOf=" + position
                            + (stationId == null ? "" : "&stationId=" + stationId));
                });
    }
}
