package org.stationledger.query;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stationledger.events.Actor;
import org.stationledger.events.assessment.CycleClosed;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.assessment.IndicatorProposed;
import org.stationledger.events.assessment.SchemePublished;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionApproved;
import org.stationledger.events.inspection.ExceptionCategory;
import org.stationledger.events.inspection.ExceptionRefused;
import org.stationledger.events.inspection.ExceptionRequested;
import org.stationledger.events.inspection.FindingRecorded;
import org.stationledger.events.inspection.FindingWithdrawn;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.JointVisitScheduled;
import org.stationledger.events.inspection.JointVisitJoined;
import org.stationledger.events.inspection.InspectionBlocked;
import org.stationledger.events.inspection.PlanItemKind;
import org.stationledger.events.inspection.PlanItemProposed;
import org.stationledger.events.rating.AppealDismissed;
import org.stationledger.events.rating.AppealFiled;
import org.stationledger.events.rating.AppealUpheld;
import org.stationledger.events.rating.FindingReduction;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RatingFinalised;
import org.stationledger.events.rating.RatingRevised;
import org.stationledger.events.rating.RevisionCause;
import org.stationledger.events.station.StationDetailsChanged;
import org.stationledger.events.station.StationKind;
import org.stationledger.events.station.StationRegistered;

/**
 * Three years of two stations' ratings, projected from the events and read over HTTP: 2025 closed without findings,
 * 2026 through findings (one withdrawn, one a veto), the close, appeals upheld and dismissed, final ratings, two
 * revisions and an appeal still pending, and 2027 just opened. Ends by rebuilding the read models.
 */
class RatingReadModelIntegrationTest extends ReadModelTestSupport {

    private static final Actor COORDINATOR = Actor.coordinator("coord");
    private static final Actor AUDITOR = Actor.auditor("audit");
    private static final Actor TRAFFIC = Actor.department("traffic", "TRAFFIC");
    private static final Actor LEGAL = Actor.department("legal", "LEGAL-AFFAIRS");
    private static final Actor PUBSEC = Actor.department("pubsec", "PUBLIC-SECURITY");
    private static final Actor ZJL = Actor.station("zjl", "SY-SH-ZJL");
    private static final Actor HT = Actor.station("ht", "XM-HT");
    private static final String ZJL_2026 = "/api/stations/SY-SH-ZJL/ratings/2026";
    private static final String HT_2026 = "/api/stations/XM-HT/ratings/2026";
    private static final String ZJL_HISTORY = "/api/stations/SY-SH-ZJL/ratings";
    private static final String HT_HISTORY = "/api/stations/XM-HT/ratings";

    @BeforeAll
    void recordThreeYears() throws InterruptedException {
        append("station:SY-SH-ZJL", COORDINATOR, new StationRegistered("SY-SH-ZJL", "Zhongjielu", "Shenhe",
                StationKind.URBAN, 3.2, 41_000, 30, 45));
        append("station:XM-HT", COORDINATOR, new StationRegistered("XM-HT", "Haitian", "Xiamen", StationKind.SUBURBAN,
                12.5, 28_000, 18, 20));
        append("station:XM-LATE", COORDINATOR, new StationRegistered("XM-LATE", "Lantian", "Xiamen",
                StationKind.RURAL, 30.0, 12_000, 10, 8));
        // Stations whose 2026 inspections are recorded further down (each rated in 2026: registered before its close).
        List.of("XM-ITEM:Jiangtou", "XM-OLD:Gulangyu", "XM-MERGED:Heping").forEach(station -> {
            String[] idAndName = station.split(":");
            append("station:" + idAndName[0], COORDINATOR, new StationRegistered(idAndName[0], idAndName[1], "Xiamen",
                    StationKind.URBAN, 5.0, 20_000, 12, 10));
        });

        // 2025: a scheme, nobody inspected, closed: full marks.
        append("cycle:2025", COORDINATOR, new CycleOpened(2025, 4, GradeBands.DEFAULT, 10));
        indicator(2025, "T0", "Road safety", TRAFFIC, 100, IndicatorKind.SCORED);
        append("cycle:2025", COORDINATOR, new SchemePublished(2025, List.of("T0")));
        append("cycle:2025", COORDINATOR, new CycleClosed(2025));

        append("cycle:2026", COORDINATOR, new CycleOpened(2026, 4, GradeBands.DEFAULT, 10));
        indicator(2026, "T1", "Road safety", TRAFFIC, 50, IndicatorKind.SCORED);
        indicator(2026, "L1", "Case files", LEGAL, 30, IndicatorKind.SCORED);
        indicator(2026, "L2", "Wrongful detention", LEGAL, 0, IndicatorKind.VETO);
        indicator(2026, "P1", "Community policing", PUBSEC, 20, IndicatorKind.SCORED);
        indicator(2026, "X9", "Left out of the scheme", LEGAL, 10, IndicatorKind.SCORED);
        append("cycle:2026", COORDINATOR, new SchemePublished(2026, List.of("T1", "L1", "L2", "P1")));
        // Renamed during the year: the rating shows the current name.
        append("station:SY-SH-ZJL", COORDINATOR, new StationDetailsChanged("SY-SH-ZJL", "Zhujianlu", "Shenhe",
                StationKind.URBAN, 3.2, 41_000, 30, 45));

        append("plan-item:p-traffic", TRAFFIC, new PlanItemProposed("p-traffic", 2026, "TRAFFIC",
                List.of("SY-SH-ZJL", "XM-HT", "XM-LATE"), date("2026-04-01"), date("2026-05-31"),
                PlanItemKind.COMPREHENSIVE, List.of("T1")));
        append("inspection:i-1", TRAFFIC, new InspectionAuthorised("i-1", 2026, "SY-SH-ZJL", "TRAFFIC",
                date("2026-04-20"), "p-traffic", "v-zjl"));
        exception("i-2", LEGAL, "SY-SH-ZJL", "2026-08-02", true);
        append("inspection:i-3", TRAFFIC, new InspectionAuthorised("i-3", 2026, "XM-HT", "TRAFFIC",
                date("2026-04-21"), "p-traffic", "v-ht"));
        exception("i-4", LEGAL, "XM-HT", "2026-08-03", true);
        // Neither a blocked request nor a refused exception stands behind a rating.
        append("inspection:i-5", PUBSEC, new InspectionBlocked("i-5", 2026, "XM-HT", "PUBLIC-SECURITY",
                date("2026-07-01"), null, null, BlockReason.NOT_IN_PLAN, "No approved plan item covers this visit."));
        exception("i-6", PUBSEC, "SY-SH-ZJL", "2026-08-04", false);

        finding("f-1", "i-1", "SY-SH-ZJL", TRAFFIC, "T1", "3", "Road signs missing");
        finding("f-2", "i-1", "SY-SH-ZJL", TRAFFIC, "T1", "2.5", "Accident log unsigned");
        append("inspection:i-1", TRAFFIC, new FindingWithdrawn("f-2", "i-1", 2026, "SY-SH-ZJL", "TRAFFIC",
                "The log was signed after all"));
        finding("f-3", "i-2", "SY-SH-ZJL", LEGAL, "L1", "6", "Case files incomplete");
        finding("f-4", "i-3", "XM-HT", TRAFFIC, "T1", "12", "Unregistered accident");
        finding("f-5", "i-4", "XM-HT", LEGAL, "L2", "0", "Detention without a record");
        finding("f-6", "i-4", "XM-HT", LEGAL, "L1", "3", "Case files unsorted");
        append("inspection:i-7", TRAFFIC, new InspectionAuthorised("i-7", 2026, "XM-LATE", "TRAFFIC",
                date("2026-05-11"), "p-traffic", "v-late"));
        finding("f-7", "i-7", "XM-LATE", TRAFFIC, "T1", "4", "Patrol log gaps");
        append("cycle:2026", COORDINATOR, new CycleClosed(2026));
        // A finding whose command saw the cycle open but committed after the close: it counts live, not in the draft.
        finding("f-8", "i-7", "XM-LATE", TRAFFIC, "T1", "7", "Radio log missing");
        // Registered after the close: no draft for 2026 (nor 2025), though the year's rating reads.
        append("station:XM-NEW", COORDINATOR, new StationRegistered("XM-NEW", "Xinyuan", "Xiamen", StationKind.RURAL,
                40.0, 9_000, 8, 6));

        appeal("a-1", "SY-SH-ZJL", "The files were in the archive", "f-3");
        append("rating:SY-SH-ZJL:2026", COORDINATOR, new AppealUpheld("a-1", 2026, "SY-SH-ZJL", List.of(),
                List.of(new FindingReduction("f-3", new BigDecimal("1"))), "One file was missing"));
        appeal("a-2", "XM-HT", "The accident was registered the next day", "f-4");
        append("rating:XM-HT:2026", COORDINATOR, new AppealDismissed("a-2", 2026, "XM-HT",
                "Registration must be immediate"));
        append("rating:SY-SH-ZJL:2026", COORDINATOR, new RatingFinalised(2026, "SY-SH-ZJL", new BigDecimal("96"),
                false, Grade.LEVEL_1, Grade.LEVEL_1, null));
        append("rating:XM-HT:2026", COORDINATOR, new RatingFinalised(2026, "XM-HT", new BigDecimal("85"), true,
                Grade.LEVEL_5, Grade.LEVEL_5, null));
        appeal("a-3", "SY-SH-ZJL", "The signs were up before the visit", "f-1");
        append("rating:SY-SH-ZJL:2026", COORDINATOR, new AppealUpheld("a-3", 2026, "SY-SH-ZJL", List.of("f-1"),
                List.of(), "Photos show the signs"));
        append("rating:SY-SH-ZJL:2026", COORDINATOR, new RatingRevised(2026, "SY-SH-ZJL", 1,
                RevisionCause.UPHELD_APPEAL, "a-3", new BigDecimal("99"), false, Grade.LEVEL_1, Grade.LEVEL_1,
                "Finding withdrawn on appeal"));
        append("rating:SY-SH-ZJL:2026", COORDINATOR, new RatingRevised(2026, "SY-SH-ZJL", 2,
                RevisionCause.CORRECTION, null, new BigDecimal("99"), false, Grade.LEVEL_1, Grade.LEVEL_2,
                "Ordered by the bureau"));
        appeal("a-4", "XM-HT", "The files were sorted", "f-6");

        // A planned inspection by LEGAL-AFFAIRS whose item covers its case files only, not its veto indicator.
        legalFilesInspection("XM-ITEM", "p-legal-files", "i-8");
        // The same at another station, with a finding on the veto indicator the item does not cover: recorded before
        // findings were held to their item's indicators (V17), so it stands in the ledger.
        legalFilesInspection("XM-OLD", "p-legal-old", "i-9");
        finding("f-old", "i-9", "XM-OLD", LEGAL, "L2", "0", "Detained past the limit");
        // Two LEGAL-AFFAIRS items overlapping at a station, merged into one visit with a PUBLIC-SECURITY item; LEGAL
        // inspects the visit once, citing the first.
        mergedItem("p-legal-a", LEGAL, "L1");
        mergedItem("p-legal-b", LEGAL, "L2");
        mergedItem("p-pubsec-m", PUBSEC, "P1");
        append("visit:v-merged", COORDINATOR, new JointVisitScheduled("v-merged", 2026, "XM-MERGED",
                date("2026-06-10"), date("2026-06-20"), List.of("p-legal-a", "p-legal-b"),
                List.of("LEGAL-AFFAIRS")));
        append("visit:v-merged", COORDINATOR, new JointVisitJoined("v-merged", 2026, "XM-MERGED", "p-pubsec-m",
                "PUBLIC-SECURITY", date("2026-06-10"), date("2026-06-20")));
        append("inspection:i-10", LEGAL, new InspectionAuthorised("i-10", 2026, "XM-MERGED", "LEGAL-AFFAIRS",
                date("2026-06-12"), "p-legal-a", "v-merged"));

        // 2027: open, its scheme published, nothing found yet.
        append("cycle:2027", COORDINATOR, new CycleOpened(2027, 4, GradeBands.DEFAULT, 10));
        indicator(2027, "T7", "Road safety", TRAFFIC, 100, IndicatorKind.SCORED);
        append("cycle:2027", COORDINATOR, new SchemePublished(2027, List.of("T7")));
        // 2028: open, its scheme not published yet: no rating.
        append("cycle:2028", COORDINATOR, new CycleOpened(2028, 4, GradeBands.DEFAULT, 10));
        indicator(2028, "T8", "Road safety", TRAFFIC, 100, IndicatorKind.SCORED);
        awaitProjections();
    }

    @Test
    void theRatingShowsTheLiveScoreTheOfficialGradeAndEveryVersion() throws Exception {
        read(ZJL_2026, AUDITOR).andExpect(status().isOk())
                .andExpect(jsonPath("$.stationId").value("SY-SH-ZJL"))
                .andExpect(jsonPath("$.stationName").value("Zhujianlu"))
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.status").value("REVISED"))
                .andExpect(jsonPath("$.score").value(99.0))
                .andExpect(jsonPath("$.eligibleGrade").value("LEVEL_1"))
                .andExpect(jsonPath("$.veto").value(false))
                .andExpect(jsonPath("$.grade").value("LEVEL_2"))
                .andExpect(jsonPath("$.draft.score").value(91.0))
                .andExpect(jsonPath("$.draft.eligibleGrade").value("LEVEL_2"))
                .andExpect(jsonPath("$.draft.veto").value(false))
                .andExpect(jsonPath("$.final.score").value(96.0))
                .andExpect(jsonPath("$.final.veto").value(false))
                .andExpect(jsonPath("$.final.eligibleGrade").value("LEVEL_1"))
                .andExpect(jsonPath("$.final.grade").value("LEVEL_1"))
                .andExpect(jsonPath("$.final.reason").doesNotExist())
                .andExpect(jsonPath("$.final.finalisedAt").isString())
                .andExpect(jsonPath("$.revisions[*].revision", contains(1, 2)))
                .andExpect(jsonPath("$.revisions[*].cause", contains("UPHELD_APPEAL", "CORRECTION")))
                .andExpect(jsonPath("$.revisions[0].appealId").value("a-3"))
                .andExpect(jsonPath("$.revisions[0].score").value(99.0))
                .andExpect(jsonPath("$.revisions[0].veto").value(false))
                .andExpect(jsonPath("$.revisions[0].eligibleGrade").value("LEVEL_1"))
                .andExpect(jsonPath("$.revisions[0].grade").value("LEVEL_1"))
                .andExpect(jsonPath("$.revisions[0].reason").value("Finding withdrawn on appeal"))
                .andExpect(jsonPath("$.revisions[0].revisedAt").isString())
                .andExpect(jsonPath("$.revisions[1].appealId").doesNotExist())
                .andExpect(jsonPath("$.revisions[1].score").value(99.0))
                .andExpect(jsonPath("$.revisions[1].eligibleGrade").value("LEVEL_1"))
                .andExpect(jsonPath("$.revisions[1].grade").value("LEVEL_2"))
                .andExpect(jsonPath("$.revisions[1].reason").value("Ordered by the bureau"));
    }

    @Test
    void theBreakdownIsByIndicatorOfThePublishedSchemeAndByDepartment() throws Exception {
        read(ZJL_2026, AUDITOR)
                .andExpect(jsonPath("$.indicators[*].indicatorId", contains("L1", "L2", "P1", "T1")))
                .andExpect(jsonPath("$.indicators[*].title",
                        contains("Case files", "Wrongful detention", "Community policing", "Road safety")))
                .andExpect(jsonPath("$.indicators[*].departmentId",
                        contains("LEGAL-AFFAIRS", "LEGAL-AFFAIRS", "PUBLIC-SECURITY", "TRAFFIC")))
                .andExpect(jsonPath("$.indicators[*].kind", contains("SCORED", "VETO", "SCORED", "SCORED")))
                .andExpect(jsonPath("$.indicators[*].maxPoints", contains(30, 0, 20, 50)))
                .andExpect(jsonPath("$.indicators[*].findings", contains(1, 0, 0, 0)))
                .andExpect(jsonPath("$.indicators[*].inspected", contains(true, true, false, true)))
                .andExpect(jsonPath("$.indicators[0].deductions").value(1.0))
                .andExpect(jsonPath("$.indicators[0].score").value(29.0))
                .andExpect(jsonPath("$.indicators[1].deductions").value(0.0))
                .andExpect(jsonPath("$.indicators[1].score").value(0.0))
                .andExpect(jsonPath("$.indicators[2].deductions").value(0.0))
                .andExpect(jsonPath("$.indicators[2].score").value(20.0))
                .andExpect(jsonPath("$.indicators[3].deductions").value(0.0))
                .andExpect(jsonPath("$.indicators[3].score").value(50.0))
                .andExpect(jsonPath("$.departments[*].departmentId",
                        contains("LEGAL-AFFAIRS", "PUBLIC-SECURITY", "TRAFFIC")))
                .andExpect(jsonPath("$.departments[*].maxPoints", contains(30, 20, 50)))
                .andExpect(jsonPath("$.departments[0].deductions").value(1.0))
                .andExpect(jsonPath("$.departments[0].score").value(29.0))
                .andExpect(jsonPath("$.departments[1].deductions").value(0.0))
                .andExpect(jsonPath("$.departments[1].score").value(20.0))
                .andExpect(jsonPath("$.departments[2].deductions").value(0.0))
                .andExpect(jsonPath("$.departments[2].score").value(50.0))
                .andExpect(jsonPath("$.unassessedIndicators", contains("P1")));
    }

    /**
     * An indicator counts as inspected only where an inspection assessed it: a planned one under an item that covers
     * it, or an exception of its department (L2 at SY-SH-ZJL, above).
     */
    @Test
    void aPlannedInspectionAssessesOnlyTheIndicatorsItsItemCovers() throws Exception {
        read("/api/stations/XM-ITEM/ratings/2026", AUDITOR)
                .andExpect(jsonPath("$.indicators[*].indicatorId", contains("L1", "L2", "P1", "T1")))
                .andExpect(jsonPath("$.indicators[*].inspected", contains(true, false, false, false)))
                .andExpect(jsonPath("$.unassessedIndicators", contains("L2", "P1", "T1")))
                .andExpect(jsonPath("$.inspections[0].planItemId").value("p-legal-files"))
                .andExpect(jsonPath("$.inspections[0].indicatorIds", contains("L1")));
        read(ZJL_2026, AUDITOR).andExpect(jsonPath("$.inspections[?(@.kind == 'EXCEPTION')].indicatorIds").isEmpty());
    }

    /**
     * Two items of one department merged into one visit are inspected once: that inspection assessed what both
     * cover — not what another department's item in the same visit covers.
     */
    @Test
    void anInspectionOfAMergedVisitAssessesItsDepartmentsItemsThere() throws Exception {
        read("/api/stations/XM-MERGED/ratings/2026", AUDITOR)
                .andExpect(jsonPath("$.indicators[*].indicatorId", contains("L1", "L2", "P1", "T1")))
                .andExpect(jsonPath("$.indicators[*].inspected", contains(true, true, false, false)))
                .andExpect(jsonPath("$.unassessedIndicators", contains("P1", "T1")))
                .andExpect(jsonPath("$.inspections[0].planItemId").value("p-legal-a"))
                .andExpect(jsonPath("$.inspections[0].indicatorIds", contains("L1", "L2")));
    }

    /** A finding on an indicator shows that its inspection assessed it, whatever its item covered. */
    @Test
    void anIndicatorWithAFindingWasInspected() throws Exception {
        read("/api/stations/XM-OLD/ratings/2026", AUDITOR)
                .andExpect(jsonPath("$.indicators[*].indicatorId", contains("L1", "L2", "P1", "T1")))
                .andExpect(jsonPath("$.indicators[*].inspected", contains(true, true, false, false)))
                .andExpect(jsonPath("$.indicators[1].findings").value(1))
                .andExpect(jsonPath("$.unassessedIndicators", contains("P1", "T1")));
    }

    @Test
    void everyFindingShowsWhatBecameOfIt() throws Exception {
        read(ZJL_2026, AUDITOR)
                .andExpect(jsonPath("$.findings[*].findingId", contains("f-1", "f-2", "f-3")))
                .andExpect(jsonPath("$.findings[*].status", contains("WITHDRAWN", "WITHDRAWN", "REDUCED")))
                .andExpect(jsonPath("$.findings[*].inspectionId", contains("i-1", "i-1", "i-2")))
                .andExpect(jsonPath("$.findings[*].indicatorId", contains("T1", "T1", "L1")))
                .andExpect(jsonPath("$.findings[*].departmentId", contains("TRAFFIC", "TRAFFIC", "LEGAL-AFFAIRS")))
                .andExpect(jsonPath("$.findings[0].withdrawalReason").value("Photos show the signs"))
                .andExpect(jsonPath("$.findings[0].deduction").value(3.0))
                .andExpect(jsonPath("$.findings[0].originalDeduction").value(3.0))
                .andExpect(jsonPath("$.findings[1].withdrawalReason").value("The log was signed after all"))
                .andExpect(jsonPath("$.findings[1].deduction").value(2.5))
                .andExpect(jsonPath("$.findings[2].deduction").value(1.0))
                .andExpect(jsonPath("$.findings[2].originalDeduction").value(6.0))
                .andExpect(jsonPath("$.findings[2].withdrawalReason").doesNotExist())
                .andExpect(jsonPath("$.findings[2].note").value("Case files incomplete"))
                .andExpect(jsonPath("$.findings[2].evidenceRef").value("photo-f-3"))
                .andExpect(jsonPath("$.findings[2].observedAt").value("2026-03-15T09:30:00Z"))
                .andExpect(jsonPath("$.findings[2].recordedAt").isString())
                .andExpect(jsonPath("$.inspections[*].inspectionId", contains("i-1", "i-2")))
                .andExpect(jsonPath("$.inspections[*].departmentId", contains("TRAFFIC", "LEGAL-AFFAIRS")))
                .andExpect(jsonPath("$.inspections[*].date", contains("2026-04-20", "2026-08-02")))
                .andExpect(jsonPath("$.inspections[*].kind", contains("PLANNED", "EXCEPTION")))
                .andExpect(jsonPath("$.appeals[*].appealId", contains("a-1", "a-3")))
                .andExpect(jsonPath("$.appeals[*].status", contains("UPHELD", "UPHELD")))
                .andExpect(jsonPath("$.appeals[0].grounds").value("The files were in the archive"))
                .andExpect(jsonPath("$.appeals[0].findingIds", contains("f-3")))
                .andExpect(jsonPath("$.appeals[0].decisionReason").value("One file was missing"))
                .andExpect(jsonPath("$.appeals[0].filedAt").isString())
                .andExpect(jsonPath("$.appeals[0].decidedAt").isString());
    }

    @Test
    void aVetoMakesLevel5AndAPendingAppealComesBeforeTheFinalRating() throws Exception {
        read(HT_2026, AUDITOR).andExpect(status().isOk())
                .andExpect(jsonPath("$.stationName").value("Haitian"))
                .andExpect(jsonPath("$.status").value("UNDER_APPEAL"))
                .andExpect(jsonPath("$.score").value(85.0))
                .andExpect(jsonPath("$.eligibleGrade").value("LEVEL_5"))
                .andExpect(jsonPath("$.veto").value(true))
                .andExpect(jsonPath("$.grade").value("LEVEL_5"))
                .andExpect(jsonPath("$.draft.score").value(85.0))
                .andExpect(jsonPath("$.draft.eligibleGrade").value("LEVEL_5"))
                .andExpect(jsonPath("$.draft.veto").value(true))
                .andExpect(jsonPath("$.final.score").value(85.0))
                .andExpect(jsonPath("$.final.veto").value(true))
                .andExpect(jsonPath("$.final.grade").value("LEVEL_5"))
                .andExpect(jsonPath("$.revisions", empty()))
                .andExpect(jsonPath("$.indicators[*].findings", contains(1, 1, 0, 1)))
                .andExpect(jsonPath("$.indicators[*].inspected", contains(true, true, false, true)))
                .andExpect(jsonPath("$.indicators[0].deductions").value(3.0))
                .andExpect(jsonPath("$.indicators[0].score").value(27.0))
                .andExpect(jsonPath("$.indicators[1].deductions").value(0.0))
                .andExpect(jsonPath("$.indicators[1].score").value(0.0))
                .andExpect(jsonPath("$.indicators[2].score").value(20.0))
                .andExpect(jsonPath("$.indicators[3].deductions").value(12.0))
                .andExpect(jsonPath("$.indicators[3].score").value(38.0))
                .andExpect(jsonPath("$.departments[*].maxPoints", contains(30, 20, 50)))
                .andExpect(jsonPath("$.departments[0].deductions").value(3.0))
                .andExpect(jsonPath("$.departments[0].score").value(27.0))
                .andExpect(jsonPath("$.departments[1].score").value(20.0))
                .andExpect(jsonPath("$.departments[2].deductions").value(12.0))
                .andExpect(jsonPath("$.departments[2].score").value(38.0))
                .andExpect(jsonPath("$.findings[*].findingId", contains("f-4", "f-5", "f-6")))
                .andExpect(jsonPath("$.findings[*].status", contains("LIVE", "LIVE", "LIVE")))
                .andExpect(jsonPath("$.findings[0].deduction").value(12.0))
                .andExpect(jsonPath("$.findings[1].deduction").value(0.0))
                .andExpect(jsonPath("$.findings[2].deduction").value(3.0))
                .andExpect(jsonPath("$.findings[2].originalDeduction").value(3.0))
                .andExpect(jsonPath("$.inspections[*].inspectionId", contains("i-3", "i-4")))
                .andExpect(jsonPath("$.unassessedIndicators", contains("P1")))
                .andExpect(jsonPath("$.appeals[*].appealId", contains("a-2", "a-4")))
                .andExpect(jsonPath("$.appeals[*].status", contains("DISMISSED", "PENDING")))
                .andExpect(jsonPath("$.appeals[0].decisionReason").value("Registration must be immediate"))
                .andExpect(jsonPath("$.appeals[1].decisionReason").doesNotExist())
                .andExpect(jsonPath("$.appeals[1].decidedAt").doesNotExist());
    }

    @Test
    void aYearWithoutFindingsHasFullMarksFromOpeningOn() throws Exception {
        read("/api/stations/XM-HT/ratings/2025", AUDITOR).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.score").value(100.0))
                .andExpect(jsonPath("$.eligibleGrade").value("LEVEL_1"))
                .andExpect(jsonPath("$.draft.score").value(100.0))
                .andExpect(jsonPath("$.draft.eligibleGrade").value("LEVEL_1"))
                .andExpect(jsonPath("$.grade").doesNotExist())
                .andExpect(jsonPath("$.final").doesNotExist())
                .andExpect(jsonPath("$.findings", empty()))
                .andExpect(jsonPath("$.inspections", empty()))
                .andExpect(jsonPath("$.unassessedIndicators", contains("T0")));
        read("/api/stations/XM-HT/ratings/2027", AUDITOR).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PROVISIONAL"))
                .andExpect(jsonPath("$.score").value(100.0))
                .andExpect(jsonPath("$.eligibleGrade").value("LEVEL_1"))
                .andExpect(jsonPath("$.indicators[*].indicatorId", contains("T7")))
                .andExpect(jsonPath("$.draft").doesNotExist())
                .andExpect(jsonPath("$.appeals", empty()));
        read("/api/stations/XM-HT/ratings/2028", AUDITOR).andExpect(status().isNotFound());
    }

    @Test
    void theHistoryHasEveryYearNewestFirst() throws Exception {
        read(ZJL_HISTORY, AUDITOR).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].year", contains(2027, 2026, 2025)))
                .andExpect(jsonPath("$[*].status", contains("PROVISIONAL", "REVISED", "DRAFT")))
                .andExpect(jsonPath("$[*].eligibleGrade", contains("LEVEL_1", "LEVEL_1", "LEVEL_1")))
                .andExpect(jsonPath("$[*].veto", contains(false, false, false)))
                .andExpect(jsonPath("$[0].score").value(100.0))
                .andExpect(jsonPath("$[0].grade").doesNotExist())
                .andExpect(jsonPath("$[0].draftScore").doesNotExist())
                .andExpect(jsonPath("$[0].finalScore").doesNotExist())
                .andExpect(jsonPath("$[0].revisions", empty()))
                .andExpect(jsonPath("$[1].score").value(99.0))
                .andExpect(jsonPath("$[1].grade").value("LEVEL_2"))
                .andExpect(jsonPath("$[1].draftScore").value(91.0))
                .andExpect(jsonPath("$[1].finalScore").value(96.0))
                .andExpect(jsonPath("$[1].revisions[*].revision", contains(1, 2)))
                .andExpect(jsonPath("$[1].revisions[*].grade", contains("LEVEL_1", "LEVEL_2")))
                .andExpect(jsonPath("$[1].revisions[1].cause").value("CORRECTION"))
                .andExpect(jsonPath("$[2].score").value(100.0))
                .andExpect(jsonPath("$[2].grade").doesNotExist())
                .andExpect(jsonPath("$[2].draftScore").value(100.0))
                .andExpect(jsonPath("$[2].finalScore").doesNotExist())
                .andExpect(jsonPath("$[2].revisions", empty()));
        read(HT_HISTORY, HT).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].status", contains("PROVISIONAL", "UNDER_APPEAL", "DRAFT")))
                .andExpect(jsonPath("$[1].score").value(85.0))
                .andExpect(jsonPath("$[1].veto").value(true))
                .andExpect(jsonPath("$[1].eligibleGrade").value("LEVEL_5"))
                .andExpect(jsonPath("$[1].grade").value("LEVEL_5"))
                .andExpect(jsonPath("$[1].draftScore").value(85.0))
                .andExpect(jsonPath("$[1].finalScore").value(85.0));
    }

    @Test
    void aStationReadsOnlyItsOwnRatings() throws Exception {
        read(ZJL_2026, ZJL).andExpect(status().isOk());
        read(HT_2026, ZJL).andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("forbidden-scope"));
        read(HT_HISTORY, ZJL).andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("forbidden-scope"));
    }

    @Test
    void aDepartmentReadsOnlyTheYearsItInspectedTheStation() throws Exception {
        read(ZJL_2026, TRAFFIC).andExpect(status().isOk());
        read(ZJL_2026, LEGAL).andExpect(status().isOk()).andExpect(jsonPath("$.score").value(99.0));
        read("/api/stations/SY-SH-ZJL/ratings/2025", TRAFFIC).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden-scope"));
        read(ZJL_HISTORY, TRAFFIC).andExpect(jsonPath("$[*].year", contains(2026)));
        // A blocked request and a refused exception are no inspection.
        read(ZJL_2026, PUBSEC).andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("forbidden-scope"));
        read(HT_2026, PUBSEC).andExpect(status().isForbidden());
        read(ZJL_HISTORY, PUBSEC).andExpect(status().isOk()).andExpect(jsonPath("$", empty()));
    }

    @Test
    void onlyAStationKnownAtTheCloseHasADraft() throws Exception {
        // Its history leaves out the years closed before it was registered: it has no rating for them.
        read("/api/stations/XM-NEW/ratings/2026", AUDITOR).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
        read("/api/stations/XM-NEW/ratings", AUDITOR).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].year", contains(2027)))
                .andExpect(jsonPath("$[*].draftScore", empty()));
        read("/api/stations/XM-HT/ratings/2025", AUDITOR).andExpect(jsonPath("$.draft.score").value(100.0));
    }

    @Test
    void theDraftIsTheRatingAtTheCloseInTheStoresOrder() throws Exception {
        read("/api/stations/XM-LATE/ratings/2026", AUDITOR).andExpect(status().isOk())
                .andExpect(jsonPath("$.score").value(89.0))
                .andExpect(jsonPath("$.draft.score").value(96.0))
                .andExpect(jsonPath("$.findings[*].findingId", contains("f-7", "f-8")))
                .andExpect(jsonPath("$.findings[0].deductionAtClose").doesNotExist());
        read("/api/stations/XM-LATE/ratings", AUDITOR).andExpect(jsonPath("$[1].draftScore").value(96.0));
    }

    @Test
    void anUnknownStationOrCycleIsNotFound() throws Exception {
        read("/api/stations/NOWHERE/ratings/2026", COORDINATOR).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
        read("/api/stations/SY-SH-ZJL/ratings/2031", COORDINATOR).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
        read("/api/stations/NOWHERE/ratings", AUDITOR).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
    }

    @Test
    void theRatingsRebuildToTheSameAnswers() throws Exception {
        assertRebuildingAnswersTheSame(AUDITOR, List.of(ZJL_2026, HT_2026, "/api/stations/SY-SH-ZJL/ratings/2025",
                "/api/stations/SY-SH-ZJL/ratings/2027", "/api/stations/XM-NEW/ratings/2027",
                "/api/stations/XM-LATE/ratings/2026", ZJL_HISTORY, HT_HISTORY, "/api/stations/XM-LATE/ratings",
                "/api/stations/XM-MERGED/ratings/2026"));
    }

    private void indicator(int year, String indicatorId, String title, Actor department, int maxPoints,
                           IndicatorKind kind) {
        append("cycle:" + year, department, new IndicatorProposed(year, indicatorId, title,
                department.departmentId(), maxPoints, kind));
    }

    /** An exception request that the co-ordinating office approves or refuses. */
    private void exception(String inspectionId, Actor department, String stationId, String date, boolean approved) {
        String aggregateId = "inspection:" + inspectionId;
        append(aggregateId, department, new ExceptionRequested(inspectionId, 2026, stationId,
                department.departmentId(), date(date), ExceptionCategory.MAJOR_INCIDENT, "Fire at the holding cells"));
        append(aggregateId, COORDINATOR, approved
                ? new ExceptionApproved(inspectionId, 2026, stationId, department.departmentId(), "Justified")
                : new ExceptionRefused(inspectionId, 2026, stationId, department.departmentId(), "Not urgent"));
    }

    /** A LEGAL-AFFAIRS plan item over a station covering the case files (L1) alone, and its inspection. */
    private void legalFilesInspection(String stationId, String planItemId, String inspectionId) {
        append("plan-item:" + planItemId, LEGAL, new PlanItemProposed(planItemId, 2026, "LEGAL-AFFAIRS",
                List.of(stationId), date("2026-06-01"), date("2026-06-30"), PlanItemKind.THEMATIC, List.of("L1")));
        append("inspection:" + inspectionId, LEGAL, new InspectionAuthorised(inspectionId, 2026, stationId,
                "LEGAL-AFFAIRS", date("2026-06-10"), planItemId, "v-" + inspectionId));
    }

    /** A plan item over XM-MERGED covering one indicator. */
    private void mergedItem(String planItemId, Actor department, String indicatorId) {
        append("plan-item:" + planItemId, department, new PlanItemProposed(planItemId, 2026,
                department.departmentId(), List.of("XM-MERGED"), date("2026-06-01"), date("2026-06-30"),
                PlanItemKind.THEMATIC, List.of(indicatorId)));
    }

    private void finding(String findingId, String inspectionId, String stationId, Actor department,
                         String indicatorId, String deduction, String note) {
        append("inspection:" + inspectionId, department, new FindingRecorded(findingId, inspectionId, 2026, stationId,
                department.departmentId(), indicatorId, new BigDecimal(deduction), note, "photo-" + findingId,
                Instant.parse("2026-03-15T09:30:00Z")));
    }

    private void appeal(String appealId, String stationId, String grounds, String findingId) {
        append("rating:" + stationId + ":2026", Actor.station(stationId.toLowerCase(), stationId),
                new AppealFiled(appealId, 2026, stationId, grounds, List.of(findingId)));
    }
}
