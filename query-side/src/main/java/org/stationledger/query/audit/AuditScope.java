package org.stationledger.query.audit;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.stationledger.events.DepartmentScoped;
import org.stationledger.events.LedgerMetaData;
import org.stationledger.events.MultiDepartmentScoped;
import org.stationledger.events.MultiStationScoped;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;
import org.stationledger.events.burden.StationDemand;

/**
 * What an event concerns, for filtering the trail: taken from the payload's scope interfaces, and where the payload
 * names no department or station, from the actor who caused it (a department's or station's own act). The metadata
 * is asked for only then: reading it deserialises it, and most events name their department and station.
 *
 * <p>An event of several departments (a joint visit) keeps them in {@code departmentIds} and has no single
 * {@code departmentId}, so a department's trail finds it once. A document or meeting for every station names none:
 * {@code allStations} lets a station's trail find it.
 */
record AuditScope(Integer year, String departmentId, List<String> departmentIds, List<String> stationIds,
                  boolean allStations) {

    static AuditScope of(Object payload, Supplier<? extends Map<String, ?>> metaData) {
        Integer year = payload instanceof YearScoped scoped ? scoped.year() : null;
        List<String> departmentIds = payload instanceof MultiDepartmentScoped scoped
                ? List.copyOf(scoped.departmentIds())
                : null;
        String departmentId = departmentIds != null ? null
                : payload instanceof DepartmentScoped scoped ? scoped.departmentId()
                : asString(metaData.get().get(LedgerMetaData.DEPARTMENT_ID));
        boolean allStations = payload instanceof StationDemand demand && demand.allStations();
        return new AuditScope(year, departmentId, departmentIds, stationIds(payload, metaData), allStations);
    }

    private static List<String> stationIds(Object payload, Supplier<? extends Map<String, ?>> metaData) {
        if (payload instanceof StationScoped scoped) {
            return List.of(scoped.stationId());
        }
        if (payload instanceof MultiStationScoped scoped) {
            return List.copyOf(scoped.stationIds());
        }
        String actorStation = asString(metaData.get().get(LedgerMetaData.STATION_ID));
        return actorStation == null ? null : List.of(actorStation);
    }

    private static String asString(Object value) {
        return value == null ? null : value.toString();
    }
}
