package org.stationledger.query.burden;

import java.util.ArrayList;
import java.util.List;

/** A scheduled visit to a station and the departments taking part; joint when there is more than one. */
record VisitFact(String visitId, int year, String stationId, List<String> departmentIds) {

    VisitFact {
        departmentIds = List.copyOf(departmentIds);
    }

    boolean joint() {
        return departmentIds.size() > 1;
    }

    /** A department joins once; joining again changes nothing. */
    VisitFact joinedBy(String departmentId) {
        if (departmentIds.contains(departmentId)) {
            return this;
        }
        List<String> joined = new ArrayList<>(departmentIds);
        joined.add(departmentId);
        return new VisitFact(visitId, year, stationId, joined);
    }
}
