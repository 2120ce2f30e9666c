package org.stationledger.query.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.stationledger.events.assessment.CycleClosed;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorProposed;
import org.stationledger.events.assessment.SchemePublished;
import org.stationledger.events.burden.BaselineRecorded;
import org.stationledger.events.burden.DemandKind;
import org.stationledger.events.burden.StationDemand;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionApproved;
import org.stationledger.events.inspection.ExceptionCategory;
import org.stationledger.events.inspection.ExceptionRefused;
import org.stationledger.events.inspection.ExceptionRequested;
import org.stationledger.events.inspection.FindingRecorded;
import org.stationledger.events.inspection.FindingWithdrawn;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.InspectionBlocked;
import org.stationledger.events.inspection.JointVisitJoined;
import org.stationledger.events.inspection.JointVisitScheduled;
import org.stationledger.events.rating.AppealUpheld;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RatingFinalised;
import org.stationledger.events.rating.RatingRevised;
import org.stationledger.events.rating.RatingRules;
import org.stationledger.events.station.DepartmentRegistered;
import org.stationledger.events.station.StationDecommissioned;
import org.stationledger.events.station.StationDetailsChanged;
import org.stationledger.events.station.StationKind;
import org.stationledger.events.station.StationRegistered;
import org.stationledger.query.burden.BurdenView;
import org.stationledger.query.burden.DepartmentFigures;
import org.stationledger.query.burden.EveryStationDemands;
import org.stationledger.query.burden.InspectionTally;
import org.stationledger.query.burden.RequestStatus;
import org.stationledger.query.burden.StationFigures;

/**
 * What the reports of one year need, folded from the events in global order: the registry, the baselines, the
 * year's documents, meetings, visits, requests, findings and ratings. Its own copy of everything, self-contained,
 * so the same events always give the same facts. Stations and departments are kept in id order.
 */
final class YearFacts {

    /** How a station's grade was reached. */
    enum Basis {
        /** The final rating. */
        FINAL,
        /** The final rating's latest revision. */
        REVISED,
        /** The cycle is closed but the rating not final: the eligible grade from the findings. */
        DRAFT,
        /** The cycle is open: the eligible grade from the findings so far. */
        PROVISIONAL
    }

    record Station(String stationId, String name, String parent, StationKind kind, long registeredAt,
                   Long decommissionedAt) {

        /** Registered before {@code position} and not decommissioned by then. */
        boolean activeAt(long position) {
            return registeredAt < position && (decommissionedAt == null || position < decommissionedAt);
        }
    }

    record Rated(String stationId, StationKind kind, Grade grade, BigDecimal score, boolean veto, Basis basis) {
    }

    record Request(String stationId, String departmentId, RequestStatus status, BlockReason reason,
                   ExceptionCategory category) {

        Request decided(RequestStatus newStatus, BlockReason newReason) {
            return new Request(stationId, departmentId, newStatus, newReason, category);
        }
    }

    private record Demand(DemandKind kind, String departmentId, boolean allStations, Set<String> stationIds,
                          long position) {

        boolean reaches(Station station) {
            return allStations ? station.activeAt(position) : stationIds.contains(station.stationId());
        }
    }

    private record Visit(String stationId, Set<String> departmentIds) {
    }

    private record Finding(String stationId, String indicatorId, BigDecimal deduction, boolean withdrawn) {
    }

    private record Official(Grade grade, BigDecimal score, boolean veto, Basis basis) {
    }

    /**
     * How many demands of one kind reached each station, worked out for every station at once: the ones naming
     * stations counted per station, the ones to every station by the dashboard's rule ({@link EveryStationDemands}).
     */
    private static final class Reach {

        private final Map<String, Long> listed = new HashMap<>();
        private final EveryStationDemands toEveryStation;

        Reach(List<Demand> demands, DemandKind kind) {
            List<Demand> ofKind = demands.stream().filter(demand -> demand.kind() == kind).toList();
            this.toEveryStation = new EveryStationDemands(ofKind.stream().filter(Demand::allStations)
                    .map(Demand::position).toList());
            ofKind.stream().filter(demand -> !demand.allStations()).forEach(demand ->
                    demand.stationIds().forEach(stationId -> listed.merge(stationId, 1L, Long::sum)));
        }

        /** As {@link Demand#reaches} counts them. */
        long of(Station station) {
            return listed.getOrDefault(station.stationId(), 0L)
                   + toEveryStation.reaching(station.registeredAt(), station.decommissionedAt());
        }
    }

    private final int year;
    private final Map<String, Station> stations = new TreeMap<>();
    private final Map<String, String> departments = new TreeMap<>();
    private final Map<String, BaselineRecorded> baselines = new HashMap<>();
    private final List<Demand> demands = new ArrayList<>();
    private final Map<String, Visit> visits = new TreeMap<>();
    private final Map<String, Request> requests = new TreeMap<>();
    private final Map<String, Finding> findings = new TreeMap<>();
    private final Map<String, RatingRules.Indicator> indicators = new TreeMap<>();
    private final Map<String, Official> official = new HashMap<>();
    private Integer visitCap;
    private GradeBands gradeBands;
    /** The global index of the cycle's close; null while it is open. */
    private Long closedAt;
    private boolean schemePublished;

    YearFacts(int year) {
        this.year = year;
    }

    int year() {
        return year;
    }

    /** Applies one event of this year, or of the registry; {@code at} is its global index. */
    void apply(Object event, long at) {
        if (event instanceof StationRegistered registered) {
            stations.put(registered.stationId(), new Station(registered.stationId(), registered.name(),
                    registered.parent(), registered.kind(), at, null));
        } else if (event instanceof StationDetailsChanged changed) {
            stations.computeIfPresent(changed.stationId(), (id, station) -> new Station(id, changed.name(),
                    changed.parent(), changed.kind(), station.registeredAt(), station.decommissionedAt()));
        } else if (event instanceof StationDecommissioned decommissioned) {
            stations.computeIfPresent(decommissioned.stationId(), (id, station) -> new Station(id, station.name(),
                    station.parent(), station.kind(), station.registeredAt(), at));
        } else if (event instanceof DepartmentRegistered registered) {
            departments.put(registered.departmentId(), registered.name());
        } else if (event instanceof BaselineRecorded baseline) {
            baselines.put(baseline.departmentId(), baseline);
        } else if (event instanceof StationDemand demand) {
            demands.add(new Demand(DemandKind.of(demand), demand.departmentId(), demand.allStations(),
                    Set.copyOf(demand.stationIds()), at));
        } else {
            applyCycle(event, at);
        }
    }

    private void applyCycle(Object event, long at) {
        if (event instanceof CycleOpened opened) {
            visitCap = opened.visitCap();
            gradeBands = opened.gradeBands();
        } else if (event instanceof SchemePublished) {
            schemePublished = true;
        } else if (event instanceof CycleClosed) {
            closedAt = at;
        } else if (event instanceof IndicatorProposed indicator) {
            indicators.put(indicator.indicatorId(), new RatingRules.Indicator(indicator.indicatorId(),
                    indicator.departmentId(), indicator.kind(), indicator.maxPoints()));
        } else if (event instanceof JointVisitScheduled scheduled) {
            visits.put(scheduled.visitId(), new Visit(scheduled.stationId(), new TreeSet<>(scheduled.departmentIds())));
        } else if (event instanceof JointVisitJoined joined) {
            visits.computeIfPresent(joined.visitId(), (id, visit) -> {
                visit.departmentIds().add(joined.departmentId());
                return visit;
            });
        } else {
            applyInspection(event);
        }
    }

    private void applyInspection(Object event) {
        if (event instanceof InspectionAuthorised authorised) {
            requests.put(authorised.inspectionId(), new Request(authorised.stationId(), authorised.departmentId(),
                    RequestStatus.AUTHORISED, null, null));
        } else if (event instanceof InspectionBlocked blocked) {
            requests.put(blocked.inspectionId(), new Request(blocked.stationId(), blocked.departmentId(),
                    RequestStatus.BLOCKED, blocked.reasonCode(), null));
        } else if (event instanceof ExceptionRequested requested) {
            requests.put(requested.inspectionId(), new Request(requested.stationId(), requested.departmentId(),
                    RequestStatus.PENDING_EXCEPTION, null, requested.category()));
        } else if (event instanceof ExceptionApproved approved) {
            requests.computeIfPresent(approved.inspectionId(),
                    (id, request) -> request.decided(RequestStatus.AUTHORISED, null));
        } else if (event instanceof ExceptionRefused refused) {
            requests.computeIfPresent(refused.inspectionId(),
                    (id, request) -> request.decided(RequestStatus.BLOCKED, BlockReason.EXCEPTION_REFUSED));
        } else {
            applyRating(event);
        }
    }

    private void applyRating(Object event) {
        if (event instanceof FindingRecorded recorded) {
            findings.put(recorded.findingId(), new Finding(recorded.stationId(), recorded.indicatorId(),
                    recorded.deduction(), false));
        } else if (event instanceof FindingWithdrawn withdrawn) {
            withdraw(withdrawn.findingId());
        } else if (event instanceof AppealUpheld upheld) {
            upheld.withdrawnFindingIds().forEach(this::withdraw);
            upheld.reductions().forEach(reduction -> findings.computeIfPresent(reduction.findingId(),
                    (id, finding) -> new Finding(finding.stationId(), finding.indicatorId(), reduction.deduction(),
                            finding.withdrawn())));
        } else if (event instanceof RatingFinalised rating) {
            official.put(rating.stationId(), new Official(rating.grade(), rating.score(), rating.veto(), Basis.FINAL));
        } else if (event instanceof RatingRevised rating) {
            official.put(rating.stationId(), new Official(rating.grade(), rating.score(), rating.veto(), Basis.REVISED));
        }
    }

    private void withdraw(String findingId) {
        findings.computeIfPresent(findingId, (id, finding) -> new Finding(finding.stationId(), finding.indicatorId(),
                finding.deduction(), true));
    }

    /** The burden of the year, counted as the dashboard counts it, with every station's figures. */
    BurdenView burden(LocalDate asOf) {
        return burden(asOf, figuresOf(stations.values()));
    }

    /** The burden of the year by department and in total, without the stations' figures. */
    BurdenView burdenByDepartment(LocalDate asOf) {
        return burden(asOf, List.of());
    }

    private BurdenView burden(LocalDate asOf, List<StationFigures> stationFigures) {
        Map<String, InspectionTally> byDepartment = new HashMap<>();
        for (Request request : requests.values()) {
            tally(byDepartment, request.departmentId()).add(request.status(), request.reason(), request.category(), 1);
        }
        long jointVisits = 0;
        for (Visit visit : visits.values()) {
            if (visit.departmentIds().size() > 1) {
                jointVisits++;
                visit.departmentIds().forEach(departmentId -> tally(byDepartment, departmentId).addJointVisits(1));
            }
        }
        List<DepartmentFigures> departmentFigures = departments.entrySet().stream().map(department -> {
            BaselineRecorded baseline = baselines.get(department.getKey());
            return new DepartmentFigures(department.getKey(), department.getValue(),
                    baseline == null ? null : (long) baseline.documents(),
                    baseline == null ? null : (long) baseline.meetings(),
                    issued(department.getKey(), DemandKind.DOCUMENT), issued(department.getKey(), DemandKind.MEETING),
                    tally(byDepartment, department.getKey()).figures());
        }).toList();
        return BurdenView.of(year, asOf, visitCap, departmentFigures, stationFigures, visits.size(), jointVisits,
                null);
    }

    /** The burden figures of {@code which} stations, in their order: a pass over the requests and visits each. */
    List<StationFigures> figuresOf(Collection<Station> which) {
        Map<String, InspectionTally> byStation = new HashMap<>();
        Map<String, Long> visitsByStation = new HashMap<>();
        for (Station station : which) {
            byStation.put(station.stationId(), new InspectionTally());
            visitsByStation.put(station.stationId(), 0L);
        }
        for (Request request : requests.values()) {
            InspectionTally tally = byStation.get(request.stationId());
            if (tally != null) {
                tally.add(request.status(), request.reason(), request.category(), 1);
            }
        }
        for (Visit visit : visits.values()) {
            visitsByStation.computeIfPresent(visit.stationId(), (id, count) -> count + 1);
        }
        Reach documents = new Reach(demands, DemandKind.DOCUMENT);
        Reach meetings = new Reach(demands, DemandKind.MEETING);
        return which.stream().map(station -> StationFigures.of(station.stationId(), station.name(),
                visitsByStation.get(station.stationId()), visitCap, byStation.get(station.stationId()).figures(),
                documents.of(station), meetings.of(station))).toList();
    }

    /** Each station's grade, of those that have one ({@link #ratingsOf}). */
    List<Rated> ratings() {
        return ratingsOf(stations.values());
    }

    /**
     * The grades of {@code which} stations, in their order: the official one once final (or revised), else the
     * eligible grade from the live findings, once the year's scheme is published (before, there is nothing to grade
     * against), for a station in the registry: while the cycle is open, one not decommissioned; once it is closed,
     * one registered before the close and not decommissioned before it, as only those have a draft (the rating view's
     * rule, RatingDraft).
     */
    List<Rated> ratingsOf(Collection<Station> which) {
        Map<String, List<RatingRules.LiveFinding>> live = new HashMap<>();
        which.forEach(station -> live.put(station.stationId(), new ArrayList<>()));
        findings.values().stream().filter(finding -> !finding.withdrawn()).forEach(finding -> {
            List<RatingRules.LiveFinding> ofStation = live.get(finding.stationId());
            if (ofStation != null) {
                ofStation.add(new RatingRules.LiveFinding(finding.indicatorId(), finding.deduction()));
            }
        });
        List<RatingRules.Indicator> scheme = List.copyOf(indicators.values());
        List<Rated> rated = new ArrayList<>();
        for (Station station : which) {
            Official officially = official.get(station.stationId());
            if (officially != null) {
                rated.add(new Rated(station.stationId(), station.kind(), officially.grade(), officially.score(),
                        officially.veto(), officially.basis()));
            } else if (gradeBands != null && schemePublished
                       && (closedAt == null ? station.decommissionedAt() == null : station.activeAt(closedAt))) {
                RatingRules.Rating rating = RatingRules.rate(scheme, live.get(station.stationId()), gradeBands);
                rated.add(new Rated(station.stationId(), station.kind(), rating.eligibleGrade(), rating.score(),
                        rating.veto(), closedAt != null ? Basis.DRAFT : Basis.PROVISIONAL));
            }
        }
        return rated;
    }

    Station station(String stationId) {
        return stations.get(stationId);
    }

    Map<String, String> departments() {
        return departments;
    }

    /** The requests made of one station, in inspection-id order. */
    List<Request> requestsOf(String stationId) {
        return requests.values().stream().filter(request -> request.stationId().equals(stationId)).toList();
    }

    /** Documents or meetings from one department that reached {@code station}. */
    long addressed(Station station, DemandKind kind, String departmentId) {
        return demands.stream()
                .filter(demand -> demand.kind() == kind && demand.departmentId().equals(departmentId))
                .filter(demand -> demand.reaches(station))
                .count();
    }

    private long issued(String departmentId, DemandKind kind) {
        return demands.stream().filter(demand -> demand.kind() == kind && demand.departmentId().equals(departmentId))
                .count();
    }

    private static InspectionTally tally(Map<String, InspectionTally> tallies, String id) {
        return tallies.computeIfAbsent(id, ignored -> new InspectionTally());
    }
}
