package org.stationledger.query;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.stationledger.events.assessment.IndicatorProposed;
import org.stationledger.events.assessment.SchemePublished;

/**
 * The year's scheme as rows, for every projection that keeps its own copy of it (projections replay
 * independently, so none reads another's tables). The table has the columns year, indicator_id, title,
 * department_id, max_points, kind and in_scheme.
 */
public final class SchemeRows {

    private SchemeRows() {
    }

    public static void proposed(NamedParameterJdbcTemplate jdbc, String table, IndicatorProposed event) {
        jdbc.update("INSERT INTO " + table + """
                 (year, indicator_id, title, department_id, max_points, kind, in_scheme)
                VALUES (:year, :indicatorId, :title, :departmentId, :maxPoints, :kind, FALSE)
                ON CONFLICT (year, indicator_id) DO UPDATE SET
                    title = EXCLUDED.title, department_id = EXCLUDED.department_id,
                    max_points = EXCLUDED.max_points, kind = EXCLUDED.kind, in_scheme = FALSE
                """, new MapSqlParameterSource("year", event.year())
                .addValue("indicatorId", event.indicatorId())
                .addValue("title", event.title())
                .addValue("departmentId", event.departmentId())
                .addValue("maxPoints", event.maxPoints())
                .addValue("kind", event.kind().name()));
    }

    /** Once published, the scheme is exactly the published indicators. */
    public static void published(NamedParameterJdbcTemplate jdbc, String table, SchemePublished event) {
        jdbc.update("UPDATE " + table + """
                 SET in_scheme = (indicator_id = ANY (CAST(:indicatorIds AS TEXT[]))) WHERE year = :year
                """, new MapSqlParameterSource("year", event.year())
                .addValue("indicatorIds", JdbcValues.textArray(event.indicatorIds())));
    }
}
