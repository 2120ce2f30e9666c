package org.stationledger.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.stationledger.command.assessment.CycleCommands;
import org.stationledger.command.burden.BurdenCommands;
import org.stationledger.command.inspection.InspectionCommands;
import org.stationledger.command.inspection.PlanCommands;
import org.stationledger.command.rating.RatingCommands;
import org.stationledger.command.station.RegistryCommands;
import org.stationledger.events.Actor;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.burden.DemandKind;
import org.stationledger.events.inspection.PlanItemKind;
import org.stationledger.events.station.StationKind;

/**
 * Plays a realistic assessment year at any scale through the real command path, each command sent by the actor who
 * would send it: the registry (once), then per year a cycle, a scheme of five scored indicators and a veto, national
 * and thematic plan items (one rejected), the plan's approval with its joint visits, the inspection season
 * (authorised, blocked and exceptional requests, findings, a few withdrawals), the close, a few appeals and every
 * station's final rating.
 *
 * <p>Station i's part of the season depends only on i, so any slice of the stations can be played through any
 * channel (in-process or HTTP) and at any rate, and the mix stays the same.
 */
final class YearGenerator {

    static final String NOTE = "bench finding";
    static final String CRIM = "CRIMINAL-INVESTIGATION";
    static final String PUBSEC = "PUBLIC-SECURITY";
    static final String TRAFFIC = "TRAFFIC";
    static final String LEGAL = "LEGAL-AFFAIRS";
    static final String DISC = "DISCIPLINE-INSPECTION";
    static final String COMMAND = "COMMAND-CENTRE";
    private static final List<String> DEPARTMENTS = List.of(CRIM, PUBSEC, TRAFFIC, LEGAL, DISC, COMMAND);
    /** Each department's 2018 totals, and what it addresses to stations in a year: 30% fewer. */
    private static final int BASELINE_DOCUMENTS = 40;
    private static final int BASELINE_MEETINGS = 20;
    private static final int DOCUMENTS = 28;
    private static final int MEETINGS = 14;
    private static final Actor COORDINATOR = Actor.coordinator("coord");
    private static final long PHASE_TIMEOUT_SECONDS = 6 * 3600;

    private final CommandGateway commands;
    private final int stations;
    private final int threads;
    private final List<String> stationIds;
    /** Outcomes that differ from what the script expects: a generator or ledger bug, reported. */
    final LongAdder unexpected = new LongAdder();
    final List<String> unexpectedExamples = new ArrayList<>();

    YearGenerator(CommandGateway commands, int stations, int threads) {
        this.commands = commands;
        this.stations = stations;
        this.threads = threads;
        List<String> ids = new ArrayList<>(stations);
        for (int i = 0; i < stations; i++) {
            ids.add(stationId(i));
        }
        this.stationIds = List.copyOf(ids);
    }

    /** {@code ST-00042}; built by hand because the generator shares the two cores with the ledger it measures. */
    static String stationId(int i) {
        String digits = Integer.toString(i);
        return "ST-" + "00000".substring(Math.min(5, digits.length())) + digits;
    }

    static Channel.Sender department(String departmentId) {
        return new Channel.Sender(Channel.DEPARTMENT_USERS.get(departmentId), departmentId);
    }

    /** The six departments with their 2018 baselines, and every station, stations on {@code threads} threads. */
    Bench.Phase registry() {
        as(COORDINATOR, () -> {
            for (String department : DEPARTMENTS) {
                commands.sendAndWait(new RegistryCommands.RegisterDepartment(department, department + " (bench)"));
                commands.sendAndWait(new BurdenCommands.RecordBaseline(department, BASELINE_DOCUMENTS,
                        BASELINE_MEETINGS));
            }
            return null;
        });
        StationKind[] kinds = StationKind.values();
        Bench.Counter counter = new Bench.Counter();
        return Bench.parallel("register", threads, stations, counter, i -> {
            as(COORDINATOR, () -> commands.sendAndWait(new RegistryCommands.RegisterStation(stationId(i),
                    "派出所 Station " + i, "Bureau " + (i / 40), kinds[i % kinds.length], 2.0 + (i % 97),
                    8_000 + 37L * (i % 1000), 4 + i % 60, 2 + i % 25)));
            counter.ok();
        }, PHASE_TIMEOUT_SECONDS);
    }

    /** Opens the year, publishes its scheme, proposes the plan and approves it; returns the approval's phase. */
    Bench.Phase openAndPlan(int year) {
        as(COORDINATOR, () -> commands.sendAndWait(new CycleCommands.OpenCycle(year, 4, GradeBands.DEFAULT, 10)));
        indicator(year, CRIM, "CRIM-CASES", 25, IndicatorKind.SCORED);
        indicator(year, PUBSEC, "PS-COMMUNITY", 25, IndicatorKind.SCORED);
        indicator(year, TRAFFIC, "TR-ROADS", 10, IndicatorKind.SCORED);
        indicator(year, LEGAL, "LEGAL-STANDARDS", 20, IndicatorKind.SCORED);
        indicator(year, COMMAND, "CMD-DISPATCH", 20, IndicatorKind.SCORED);
        indicator(year, DISC, "DISC-VETO", 0, IndicatorKind.VETO);
        as(COORDINATOR, () -> commands.sendAndWait(new CycleCommands.PublishScheme(year)));
        demands(year);

        planItem(year, CRIM, "CRIM-ANNUAL", every(1, 0), "04-01", "04-30", PlanItemKind.COMPREHENSIVE, "CRIM-CASES");
        planItem(year, PUBSEC, "PS-ANNUAL", every(1, 0), "04-15", "05-15", PlanItemKind.COMPREHENSIVE, "PS-COMMUNITY");
        planItem(year, LEGAL, "LEGAL-FILES", every(2, 0), "07-10", "08-10", PlanItemKind.COMPREHENSIVE,
                "LEGAL-STANDARDS");
        planItem(year, TRAFFIC, "TR-SUMMER", every(4, 0), "07-01", "07-31", PlanItemKind.THEMATIC, "TR-ROADS");
        planItem(year, COMMAND, "CMD-DIVERSION", every(5, 0), "09-01", "09-30", PlanItemKind.THEMATIC, "CMD-DISPATCH");
        planItem(year, DISC, "DISC-CHECK", every(20, 0), "10-01", "10-31", PlanItemKind.THEMATIC, "DISC-VETO");
        planItem(year, TRAFFIC, "TR-EXTRA", every(10, 0), "11-01", "11-30", PlanItemKind.THEMATIC, "TR-ROADS");

        Bench.Counter counter = new Bench.Counter();
        long start = System.nanoTime();
        try {
            as(COORDINATOR, () -> commands.sendAndWait(new PlanCommands.ApprovePlan(year, List.of(
                    new PlanCommands.Rejection(item(year, "TR-EXTRA"), "Duplicates the summer road-safety check")))));
            counter.ok();
        } catch (RuntimeException e) {
            counter.failed(e);
        }
        return new Bench.Phase("approve plan", counter.operations.sum(), System.nanoTime() - start,
                counter.errors.sum(), List.copyOf(counter.firstErrors));
    }

    /** What the lag measurement needs to know of each command: what to look for in which read model, and when. */
    interface Sent {
        void inspection(String inspectionId, long ackNanos);

        void finding(String findingId, long ackNanos);
    }

    static final Sent NOTHING = new Sent() {
        @Override
        public void inspection(String inspectionId, long ackNanos) {
        }

        @Override
        public void finding(String findingId, long ackNanos) {
        }
    };

    /**
     * Plays the season of the stations with indexes in [from, to) through {@code channel}, at most at
     * {@code limiter}'s rate, reporting each command to {@code sent}.
     */
    Bench.Phase season(String name, int year, int from, int to, Channel channel, Bench.RateLimiter limiter, Sent sent,
                       Map<Integer, String> appealable) {
        Bench.Counter counter = new Bench.Counter();
        return Bench.parallel(name, threads, to - from, counter,
                offset -> stationSeason(year, from + offset, channel, limiter, sent, counter, appealable),
                PHASE_TIMEOUT_SECONDS);
    }

    private void stationSeason(int year, int i, Channel channel, Bench.RateLimiter limiter, Sent sent,
                               Bench.Counter counter, Map<Integer, String> appealable) {
        String station = stationId(i);
        String crimFinding = planned(year, i, channel, limiter, sent, counter, CRIM, "CRIM-ANNUAL", "04-20", "CRIM-CASES");
        if (crimFinding != null) {
            appealable.put(i, crimFinding);
        }
        String psFinding = planned(year, i, channel, limiter, sent, counter, PUBSEC, "PS-ANNUAL", "04-21", "PS-COMMUNITY");
        if (i % 100 == 5 && psFinding != null) {
            limiter.acquire();
            channel.withdrawFinding(department(PUBSEC), psFinding, "Found in the paper log");
            counter.ok();
        }
        if (i % 2 == 0) {
            planned(year, i, channel, limiter, sent, counter, LEGAL, "LEGAL-FILES", "07-15", "LEGAL-STANDARDS");
        }
        if (i % 4 == 0) {
            planned(year, i, channel, limiter, sent, counter, TRAFFIC, "TR-SUMMER", "07-16", "TR-ROADS");
        }
        if (i % 5 == 0) {
            planned(year, i, channel, limiter, sent, counter, COMMAND, "CMD-DIVERSION", "09-10", "CMD-DISPATCH");
        }
        if (i % 20 == 0) {
            planned(year, i, channel, limiter, sent, counter, DISC, "DISC-CHECK", "10-10",
                    i % 80 == 0 ? "DISC-VETO" : null);
        }
        // Attempts the gate blocks, each on the record.
        if (i % 10 == 3) {
            blocked(year, i, channel, limiter, sent, counter, CRIM, item(year, "CRIM-ANNUAL"), "04-25");  // visit used
        }
        if (i % 10 == 7) {
            blocked(year, i, channel, limiter, sent, counter, TRAFFIC, null, "06-12");                    // not in plan
        }
        if (i % 20 == 9) {
            blocked(year, i, channel, limiter, sent, counter, PUBSEC, item(year, "PS-ANNUAL"), "06-01");   // outside window
        }
        // Exceptions: approved (with a finding), refused, left pending.
        if (i % 50 == 11) {
            limiter.acquire();
            var requested = channel.requestInspection(department(CRIM), station, date(year, "03-03"), null,
                    new InspectionCommands.ExceptionClaim("MAJOR_INCIDENT", "Armed robbery: evidence custody check"));
            counter.ok();
            sent.inspection(requested.inspectionId(), System.nanoTime());
            expect(requested.status(), InspectionCommands.Status.PENDING_EXCEPTION, station + " exception");
            int decision = (i / 50) % 3;
            if (decision < 2) {
                limiter.acquire();
                channel.decideException(requested.inspectionId(), decision == 0, "Decided by the bench");
                counter.ok();
            }
            if (decision == 0) {
                finding(year, i, channel, limiter, sent, counter, CRIM, requested.inspectionId(), "CRIM-CASES", "03-03");
            }
        }
    }

    /** An authorised request under a plan item and, when {@code indicator} is given, one finding; its id. */
    private String planned(int year, int i, Channel channel, Bench.RateLimiter limiter, Sent sent, Bench.Counter counter,
                           String departmentId, String item, String monthDay, String indicator) {
        limiter.acquire();
        var requested = channel.requestInspection(department(departmentId), stationId(i), date(year, monthDay),
                item(year, item), null);
        counter.ok();
        sent.inspection(requested.inspectionId(), System.nanoTime());
        expect(requested.status(), InspectionCommands.Status.AUTHORISED, stationId(i) + " " + item);
        if (indicator == null || requested.status() != InspectionCommands.Status.AUTHORISED) {
            return null;
        }
        return finding(year, i, channel, limiter, sent, counter, departmentId, requested.inspectionId(), indicator,
                monthDay);
    }

    private String finding(int year, int i, Channel channel, Bench.RateLimiter limiter, Sent sent,
                           Bench.Counter counter, String departmentId, String inspectionId, String indicator,
                           String monthDay) {
        BigDecimal deduction = indicator.equals("DISC-VETO")
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(((i * 7L + departmentId.length()) % 5) * 5, 1);
        limiter.acquire();
        String findingId = channel.recordFinding(department(departmentId), inspectionId, indicator, deduction,
                date(year, monthDay).atTime(10, 0).toInstant(ZoneOffset.UTC));
        counter.ok();
        sent.finding(findingId, System.nanoTime());
        return findingId;
    }

    private void blocked(int year, int i, Channel channel, Bench.RateLimiter limiter, Sent sent, Bench.Counter counter,
                         String departmentId, String planItemId, String monthDay) {
        limiter.acquire();
        var requested = channel.requestInspection(department(departmentId), stationId(i), date(year, monthDay),
                planItemId, null);
        counter.ok();
        sent.inspection(requested.inspectionId(), System.nanoTime());
        expect(requested.status(), InspectionCommands.Status.BLOCKED, stationId(i) + " blocked " + planItemId);
    }

    /** Closes the year, plays a few appeals (one per hundred stations) and finalises every station's rating. */
    Bench.Phase closeAndFinalise(int year, Map<Integer, String> appealable) {
        as(COORDINATOR, () -> commands.sendAndWait(new CycleCommands.CloseCycle(year)));
        for (int i = 1; i < stations; i += 100) {
            String findingId = appealable.get(i);
            if (findingId == null) {
                continue;
            }
            String station = stationId(i);
            String appealId = UUID.randomUUID().toString();
            as(Actor.station("station-" + station, station), () -> commands.sendAndWait(new RatingCommands.FileAppeal(
                    station, year, appealId, "The case file was complete", List.of(findingId))));
            boolean uphold = (i / 100) % 2 == 0;
            as(COORDINATOR, () -> commands.sendAndWait(new RatingCommands.DecideAppeal(station, year, appealId, uphold,
                    uphold ? List.of(findingId) : List.of(), List.of(), uphold ? "Verified" : "Not shown")));
        }
        Bench.Counter counter = new Bench.Counter();
        return Bench.parallel("finalise", threads, stations, counter, i -> {
            as(COORDINATOR, () -> commands.sendAndWait(new RatingCommands.FinaliseRating(stationId(i), year, null, null)));
            counter.ok();
        }, PHASE_TIMEOUT_SECONDS);
    }

    /**
     * The documents and meetings each department addresses to stations during the year: two thirds of the documents
     * and a third of the meetings to every station, the others each to one station in fifty.
     */
    private void demands(int year) {
        for (String departmentId : DEPARTMENTS) {
            for (int n = 0; n < DOCUMENTS; n++) {
                demand(year, departmentId, DemandKind.DOCUMENT, n, n % 3 != 2);
            }
            for (int n = 0; n < MEETINGS; n++) {
                demand(year, departmentId, DemandKind.MEETING, n, n % 3 == 0);
            }
        }
    }

    private void demand(int year, String departmentId, DemandKind kind, int n, boolean allStations) {
        List<String> addressed = allStations ? List.of() : every(50, n % Math.min(50, stations));
        as(department(departmentId).actor(), () -> commands.sendAndWait(new BurdenCommands.RecordDemand(kind,
                year + "-" + departmentId + "-" + n, departmentId, kind + " " + n + " (bench)",
                LocalDate.of(year, 1 + n % 12, 10), allStations, addressed)));
    }

    private void indicator(int year, String departmentId, String id, int points, IndicatorKind kind) {
        as(department(departmentId).actor(), () -> commands.sendAndWait(new CycleCommands.ProposeIndicator(year, id,
                id + " (bench)", departmentId, points, kind)));
    }

    private void planItem(int year, String departmentId, String id, List<String> stationIds, String from, String to,
                          PlanItemKind kind, String indicator) {
        as(department(departmentId).actor(), () -> commands.sendAndWait(new PlanCommands.ProposePlanItem(item(year, id),
                year, departmentId, stationIds, date(year, from), date(year, to), kind, List.of(indicator))));
    }

    private List<String> every(int step, int offset) {
        List<String> ids = new ArrayList<>();
        for (int i = offset; i < stations; i += step) {
            ids.add(stationIds.get(i));
        }
        return ids;
    }

    static String item(int year, String id) {
        return year + "-" + id;
    }

    /** {@code monthDay} as {@code MM-dd}. */
    private static LocalDate date(int year, String monthDay) {
        return LocalDate.of(year, Integer.parseInt(monthDay, 0, 2, 10), Integer.parseInt(monthDay, 3, 5, 10));
    }

    private void expect(InspectionCommands.Status actual, InspectionCommands.Status expected, String what) {
        if (actual != expected) {
            unexpected.increment();
            synchronized (unexpectedExamples) {
                if (unexpectedExamples.size() < 5) {
                    unexpectedExamples.add(what + ": " + actual + " instead of " + expected);
                }
            }
        }
    }

    private static <T> T as(Actor actor, Supplier<T> step) {
        return Channel.as(actor, step);
    }

    static Map<Integer, String> newAppealable() {
        return new ConcurrentHashMap<>();
    }
}
