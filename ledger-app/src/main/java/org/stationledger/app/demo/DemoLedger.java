package org.stationledger.app.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.stationledger.command.assessment.CycleCommands;
import org.stationledger.command.burden.BurdenCommands;
import org.stationledger.command.inspection.InspectionCommands;
import org.stationledger.command.inspection.PlanCommands;
import org.stationledger.command.rating.RatingCommands;
import org.stationledger.command.station.RegistryCommands;
import org.stationledger.events.LedgerMetaData;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.burden.DemandKind;
import org.stationledger.events.inspection.PlanItemKind;
import org.stationledger.events.station.StationKind;

/**
 * {@code --demo}: on an empty ledger, plays a realistic history through the real command path, each step as the
 * demo user who would take it: the five Shenyang-area stations of the article and six departments; 2025 rated and
 * final (an appeal upheld, one dismissed, a veto); 2026 in progress with a published scheme, an approved plan,
 * inspections authorised, blocked and on exceptional grounds, and live ratings; every department's 2018 baseline and
 * its 2026 documents and meetings so far, some departments on track, one at risk, two over.
 */
@Component
@ConditionalOnExpression("'${ledger.role:all}' != 'query'")
class DemoLedger implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLedger.class);
    private static final int YEAR = 2026;
    private static final int LAST_YEAR = 2025;

    private static final String ZJL = "SY-SH-ZJL";
    private static final String HC = "SY-SH-HC";
    private static final String SFS = "SY-SB-SFS";
    private static final String MTH = "ZW-MTH";
    private static final String HT = "XM-HT";
    private static final String CRIM = "CRIMINAL-INVESTIGATION";
    private static final String PUBSEC = "PUBLIC-SECURITY";
    private static final String TRAFFIC = "TRAFFIC";
    private static final String LEGAL = "LEGAL-AFFAIRS";
    private static final String DISCIPLINE = "DISCIPLINE-INSPECTION";
    private static final String COMMAND_CENTRE = "COMMAND-CENTRE";

    private final CommandGateway commands;
    private final UserDetailsService users;
    private final JdbcTemplate jdbc;
    private final Environment environment;

    DemoLedger(CommandGateway commands, UserDetailsService users, JdbcTemplate jdbc, Environment environment) {
        this.commands = commands;
        this.users = users;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!arguments.containsOption("demo") && !environment.getProperty("ledger.demo", Boolean.class, false)) {
            return;
        }
        Long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        if (events != null && events > 0) {
            log.info("Demo skipped: the ledger already holds {} events.", events);
            return;
        }
        registry();
        year2025();
        cycle2026();
        burden2026();
        log.info("Demo loaded. Sign in as coord/coord-pass, crim/crim-pass, zjl/zjl-pass or audit/audit-pass (see README).");
    }

    private void registry() {
        as("coord", () -> {
            department(CRIM, "刑事侦查支队 Criminal investigation");
            department(PUBSEC, "治安管理支队 Public security");
            department(TRAFFIC, "交通警察支队 Traffic police");
            department(LEGAL, "法制支队 Legal affairs");
            department(DISCIPLINE, "督察支队 Discipline inspection");
            department(COMMAND_CENTRE, "指挥中心 Command centre (110)");
            // Facts from the article; where it is silent (marked *) the figure is a plausible stand-in, see README.
            station(ZJL, "朱剪炉派出所 Zhujianlu", "沈阳市公安局沈河分局", StationKind.URBAN, 3.0, 60_000, 51, 20);
            station(HC, "皇城派出所 Huangcheng", "沈阳市公安局沈河分局", StationKind.SCENIC_AREA, 4.2, 45_000, 40, 30);
            station(SFS, "石佛寺派出所 Shifosi", "沈阳市公安局沈北新区分局", StationKind.RURAL, 48.7, 13_000, 4, 5);
            station(MTH, "满堂红派出所 Mantanghong", "彰武县公安局", StationKind.RURAL, 120.0, 18_000, 8, 6);
            station(HT, "胡台派出所 Hutai", "新民市公安局", StationKind.RURAL, 140.0, 40_000, 30, 15);
            return null;
        });
    }

    /** A finished year: every station's final rating, one of them by veto, after two appeals. */
    private void year2025() {
        as("coord", () -> commands.sendAndWait(new CycleCommands.OpenCycle(LAST_YEAR, 4, GradeBands.DEFAULT, 10)));
        indicatorIn(LAST_YEAR, "crim", "CRIM-CASES-25", "案件办理质量 Quality of case handling", 40, IndicatorKind.SCORED);
        indicatorIn(LAST_YEAR, "pubsec", "PS-COMMUNITY-25", "社区警务 Community policing", 40, IndicatorKind.SCORED);
        indicatorIn(LAST_YEAR, "command", "CMD-DISPATCH-25", "接处警 Dispatch", 20, IndicatorKind.SCORED);
        indicatorIn(LAST_YEAR, "disc", "DISC-VETO-25", "严重违纪违法 Serious breach of discipline (veto)", 0,
                IndicatorKind.VETO);
        as("coord", () -> commands.sendAndWait(new CycleCommands.PublishScheme(LAST_YEAR)));
        List<String> all = List.of(ZJL, HC, SFS, MTH, HT);
        planItemIn(LAST_YEAR, "crim", "2025-CRIM-ANNUAL", all, "2025-04-01", "2025-04-30", PlanItemKind.COMPREHENSIVE,
                "CRIM-CASES-25");
        planItemIn(LAST_YEAR, "pubsec", "2025-PS-ANNUAL", all, "2025-04-10", "2025-05-10", PlanItemKind.COMPREHENSIVE,
                "PS-COMMUNITY-25");
        planItemIn(LAST_YEAR, "disc", "2025-DISC-HC", List.of(HC), "2025-06-01", "2025-06-30", PlanItemKind.THEMATIC,
                "DISC-VETO-25");
        as("coord", () -> commands.sendAndWait(new PlanCommands.ApprovePlan(LAST_YEAR, List.of())));

        String crimZjl = request("crim", ZJL, "2025-04-15", "2025-CRIM-ANNUAL");
        String pubsecZjl = request("pubsec", ZJL, "2025-04-15", "2025-PS-ANNUAL");
        String crimHc = request("crim", HC, "2025-04-16", "2025-CRIM-ANNUAL");
        String discHc = request("disc", HC, "2025-06-10", "2025-DISC-HC");
        String pubsecSfs = request("pubsec", SFS, "2025-04-20", "2025-PS-ANNUAL");
        String crimMth = request("crim", MTH, "2025-04-22", "2025-CRIM-ANNUAL");
        String pubsecMth = request("pubsec", MTH, "2025-04-22", "2025-PS-ANNUAL");
        String crimHt = request("crim", HT, "2025-04-25", "2025-CRIM-ANNUAL");
        finding("crim", crimZjl, "CRIM-CASES-25", "2", "两份卷宗缺少告知书 Two case files lack the rights notice", "2025-04-15T10:00:00Z");
        String zjlDisputed = finding("pubsec", pubsecZjl, "PS-COMMUNITY-25", "3",
                "走访记录不全 Community visit log incomplete", "2025-04-15T14:00:00Z");
        finding("crim", crimHc, "CRIM-CASES-25", "4", "景区盗窃案未及时立案 Scenic-area theft registered late", "2025-04-16T09:30:00Z");
        finding("disc", discHc, "DISC-VETO-25", "0", "辅警收受商户财物 Auxiliary officer took goods from a vendor", "2025-06-10T11:00:00Z");
        finding("pubsec", pubsecSfs, "PS-COMMUNITY-25", "12", "视频巡查台账缺失 Video patrol ledger missing", "2025-04-20T10:00:00Z");
        String mthDisputed = finding("crim", crimMth, "CRIM-CASES-25", "8", "证据保管不规范 Evidence custody irregular", "2025-04-22T09:00:00Z");
        finding("pubsec", pubsecMth, "PS-COMMUNITY-25", "10", "矛盾纠纷台账不全 Dispute ledger incomplete", "2025-04-22T15:00:00Z");
        finding("crim", crimHt, "CRIM-CASES-25", "1", "一起案件超期 One case over its deadline", "2025-04-25T10:00:00Z");
        as("coord", () -> commands.sendAndWait(new CycleCommands.CloseCycle(LAST_YEAR)));

        String upheld = appeal("zjl", ZJL, zjlDisputed, "走访记录在纸质台账中 The visits are in the paper log");
        decideAppeal(ZJL, upheld, true, List.of(zjlDisputed), "纸质台账核实无误 Paper log verified");
        String dismissed = appeal("mth", MTH, mthDisputed, "证据已补登 Evidence was registered later");
        decideAppeal(MTH, dismissed, false, List.of(), "证据须即时登记 Evidence must be registered at once");
        for (String station : all) {
            as("coord", () -> commands.sendAndWait(new RatingCommands.FinaliseRating(station, LAST_YEAR, null, null)));
        }
    }

    private void cycle2026() {
        as("coord", () -> commands.sendAndWait(new CycleCommands.OpenCycle(YEAR, 4, GradeBands.DEFAULT, 10)));
        indicatorIn(YEAR, "crim", "CRIM-CASES", "案件办理质量 Quality of case handling", 25, IndicatorKind.SCORED);
        indicatorIn(YEAR, "pubsec", "PS-COMMUNITY", "社区警务与治安防范 Community policing and prevention", 25,
                IndicatorKind.SCORED);
        indicatorIn(YEAR, "traffic", "TR-ROADS", "道路交通安全 Road safety in the area", 10, IndicatorKind.SCORED);
        indicatorIn(YEAR, "legal", "LEGAL-STANDARDS", "执法规范化 Law-enforcement standards", 20, IndicatorKind.SCORED);
        indicatorIn(YEAR, "command", "CMD-DISPATCH", "接处警与非警务分流 Dispatch and diversion to 12345", 20,
                IndicatorKind.SCORED);
        indicatorIn(YEAR, "disc", "DISC-VETO", "严重违纪违法 Serious breach of discipline (veto)", 0, IndicatorKind.VETO);
        as("coord", () -> commands.sendAndWait(new CycleCommands.PublishScheme(YEAR)));

        planItemIn(YEAR, "crim", "2026-CRIM-ANNUAL", List.of(ZJL, HC, SFS, MTH, HT), "2026-04-01", "2026-04-30",
                PlanItemKind.COMPREHENSIVE, "CRIM-CASES");
        planItemIn(YEAR, "pubsec", "2026-PS-ANNUAL", List.of(ZJL, HC, SFS, MTH, HT), "2026-04-15", "2026-05-15",
                PlanItemKind.COMPREHENSIVE, "PS-COMMUNITY");
        planItemIn(YEAR, "legal", "2026-LEGAL-FILES", List.of(ZJL, HC, HT), "2026-04-20", "2026-06-30",
                PlanItemKind.THEMATIC, "LEGAL-STANDARDS");
        planItemIn(YEAR, "traffic", "2026-TR-SCENIC", List.of(HC), "2026-07-01", "2026-07-31", PlanItemKind.THEMATIC, "TR-ROADS");
        planItemIn(YEAR, "command", "2026-CMD-DIVERSION", List.of(ZJL, HT), "2026-09-01", "2026-09-30",
                PlanItemKind.THEMATIC, "CMD-DISPATCH");
        planItemIn(YEAR, "traffic", "2026-TR-EXTRA", List.of(ZJL, SFS), "2026-08-01", "2026-08-31", PlanItemKind.THEMATIC, "TR-ROADS");
        as("coord", () -> commands.sendAndWait(new PlanCommands.ApprovePlan(YEAR, List.of(new PlanCommands.Rejection(
                "2026-TR-EXTRA", "不必要的重复检查 Duplicates the scenic-area check; stations are not to be visited twice")))));

        // Planned visits, merged into joint visits in April-May, with the findings that make live ratings.
        String crimZjl = request("crim", ZJL, "2026-04-20", "2026-CRIM-ANNUAL");
        String pubsecZjl = request("pubsec", ZJL, "2026-04-20", "2026-PS-ANNUAL");
        String legalZjl = request("legal", ZJL, "2026-04-21", "2026-LEGAL-FILES");
        String crimSfs = request("crim", SFS, "2026-04-22", "2026-CRIM-ANNUAL");
        String pubsecHc = request("pubsec", HC, "2026-04-28", "2026-PS-ANNUAL");
        String trafficHc = request("traffic", HC, "2026-07-10", "2026-TR-SCENIC");
        finding("crim", crimZjl, "CRIM-CASES", "1.5", "一份笔录未签名 One statement unsigned", "2026-04-20T10:00:00Z");
        String withdrawn = finding("pubsec", pubsecZjl, "PS-COMMUNITY", "2", "重点人员走访缺记录 Visits to persons of concern unlogged",
                "2026-04-20T15:00:00Z");
        as("pubsec", () -> commands.sendAndWait(new InspectionCommands.WithdrawFinding(withdrawn, PUBSEC,
                "记录已在系统中找到 The visits were found in the system")));
        finding("legal", legalZjl, "LEGAL-STANDARDS", "3", "执法记录仪视频未按期上传 Body-camera footage uploaded late",
                "2026-04-21T09:00:00Z");
        finding("crim", crimSfs, "CRIM-CASES", "2", "案件线索登记不全 Case leads not fully registered", "2026-04-22T10:00:00Z");
        finding("pubsec", pubsecHc, "PS-COMMUNITY", "4", "景区巡逻台账缺失 Scenic-area patrol ledger missing", "2026-04-28T11:00:00Z");
        finding("traffic", trafficHc, "TR-ROADS", "2.5", "停车秩序整治不力 Parking disorder at the gate", "2026-07-10T16:00:00Z");
        // Attempts the gate blocks, each on the record.
        request("crim", ZJL, "2026-04-25", "2026-CRIM-ANNUAL");           // visit already used
        request("traffic", SFS, "2026-08-10", "2026-TR-EXTRA");           // rejected item: not in plan
        request("traffic", MTH, "2026-06-12", null);                       // no plan item, no exception
        request("pubsec", HT, "2026-06-01", "2026-PS-ANNUAL");            // outside the joint window
        request("legal", MTH, "2026-05-01", "2026-LEGAL-FILES");          // station not in the item
        request("command", HT, "2026-05-01", "2026-CRIM-ANNUAL");         // another department's item
        // Exceptions: one approved, one refused, one waiting for the coordinator.
        String robbery = exception("crim", MTH, "2026-03-14", "MAJOR_INCIDENT",
                "持枪抢劫案现场证据保管核查 Armed robbery: evidence custody must be checked at once");
        decide(robbery, true, "Incident confirmed by the command centre");
        String complaint = exception("disc", HC, "2026-06-18", "PUBLIC_COMPLAINT",
                "群众投诉接警不及时 Complaint about slow response at the scenic area");
        decide(complaint, false, "Handled by the petition office; no station visit needed");
        exception("disc", HT, "2026-11-20", "DISCIPLINARY_INVESTIGATION",
                "对一名辅警违纪线索的核查 Lead on an auxiliary officer's misconduct");
    }

    /**
     * Baselines (documents requiring station action, meetings requiring attendance, in 2018) and the documents and
     * meetings of 2026 so far: a department's share of its demands goes to every station, the rest to a few.
     */
    private void burden2026() {
        record Burden(String user, int baselineDocuments, int baselineMeetings, int documents, int meetings) {
        }
        List<Burden> burdens = List.of(
                new Burden("crim", 48, 30, 18, 9),
                new Burden("pubsec", 36, 20, 14, 8),
                new Burden("traffic", 20, 10, 13, 4),
                new Burden("legal", 10, 6, 8, 3),
                new Burden("disc", 12, 8, 5, 2),
                new Burden("command", 24, 20, 10, 16));
        as("coord", () -> {
            burdens.forEach(burden -> commands.sendAndWait(new BurdenCommands.RecordBaseline(departmentOf(burden.user()),
                    burden.baselineDocuments(), burden.baselineMeetings())));
            return null;
        });
        String[] documentTitles = {"关于加强辖区治安防控的通知 Notice on area crime prevention",
                "关于开展专项整治行动的通知 Notice of a special campaign", "关于报送统计数据的通知 Notice to report statistics",
                "执法规范化建设实施意见 Opinions on law-enforcement standards"};
        String[] meetingTitles = {"月度工作推进会 Monthly progress meeting", "专项行动部署会 Campaign briefing",
                "业务培训会 Training session"};
        List<String> stations = List.of(ZJL, HC, SFS, MTH, HT);
        for (Burden burden : burdens) {
            demands(burden.user(), DemandKind.DOCUMENT, burden.documents(), documentTitles, stations);
            demands(burden.user(), DemandKind.MEETING, burden.meetings(), meetingTitles, stations);
        }
    }

    /** Spread over January to mid-November; every third one is for every station, the others for two or three. */
    private void demands(String user, DemandKind kind, int count, String[] titles, List<String> stations) {
        String department = departmentOf(user);
        for (int i = 0; i < count; i++) {
            String id = "2026-" + user.toUpperCase() + "-" + (kind == DemandKind.DOCUMENT ? "DOC-" : "MTG-") + (i + 1);
            LocalDate date = LocalDate.of(YEAR, 1, 5).plusDays(i * 310L / count);
            boolean allStations = i % 3 == 0;
            List<String> named = allStations ? List.of()
                    : List.of(stations.get(i % stations.size()), stations.get((i + 2) % stations.size()));
            String title = titles[i % titles.length];
            as(user, () -> commands.sendAndWait(new BurdenCommands.RecordDemand(kind, id, department, title, date,
                    allStations, named)));
        }
    }

    private void indicatorIn(int year, String user, String id, String title, int points, IndicatorKind kind) {
        String department = departmentOf(user);
        as(user, () -> commands.sendAndWait(new CycleCommands.ProposeIndicator(year, id, title, department, points, kind)));
    }

    private void planItemIn(int year, String user, String id, List<String> stations, String from, String to,
                            PlanItemKind kind, String indicator) {
        String department = departmentOf(user);
        as(user, () -> commands.sendAndWait(new PlanCommands.ProposePlanItem(id, year, department, stations,
                LocalDate.parse(from), LocalDate.parse(to), kind, List.of(indicator))));
    }

    private String finding(String user, String inspectionId, String indicator, String deduction, String note,
                           String observedAt) {
        String department = departmentOf(user);
        String findingId = UUID.randomUUID().toString();
        as(user, () -> commands.sendAndWait(new InspectionCommands.RecordFinding(inspectionId, findingId, department,
                indicator, new BigDecimal(deduction), note, "photo/" + findingId.substring(0, 8) + ".jpg",
                Instant.parse(observedAt))));
        return findingId;
    }

    private String appeal(String user, String station, String findingId, String grounds) {
        String appealId = UUID.randomUUID().toString();
        as(user, () -> commands.sendAndWait(new RatingCommands.FileAppeal(station, LAST_YEAR, appealId, grounds,
                List.of(findingId))));
        return appealId;
    }

    private void decideAppeal(String station, String appealId, boolean uphold, List<String> withdraw, String reason) {
        as("coord", () -> commands.sendAndWait(new RatingCommands.DecideAppeal(station, LAST_YEAR, appealId, uphold,
                withdraw, List.of(), reason)));
    }

    private void department(String id, String name) {
        commands.sendAndWait(new RegistryCommands.RegisterDepartment(id, name));
    }

    private void station(String id, String name, String parent, StationKind kind, double area, long population,
                         int officers, int auxiliaries) {
        commands.sendAndWait(new RegistryCommands.RegisterStation(id, name, parent, kind, area, population, officers,
                auxiliaries));
    }


    private String request(String user, String station, String date, String planItemId) {
        return send(user, station, date, planItemId, null);
    }

    private String exception(String user, String station, String date, String category, String justification) {
        return send(user, station, date, null, new InspectionCommands.ExceptionClaim(category, justification));
    }

    private String send(String user, String station, String date, String planItemId,
                        InspectionCommands.ExceptionClaim claim) {
        String department = departmentOf(user);
        InspectionCommands.Outcome outcome = as(user, () -> commands.sendAndWait(new InspectionCommands.RequestInspection(
                UUID.randomUUID().toString(), station, department, LocalDate.parse(date), planItemId, claim)));
        return outcome.inspectionId();
    }

    private void decide(String inspectionId, boolean approve, String reason) {
        as("coord", () -> commands.sendAndWait(new InspectionCommands.DecideException(inspectionId, approve, reason)));
    }

    private String departmentOf(String user) {
        return ((org.stationledger.app.security.LedgerUser) users.loadUserByUsername(user)).actor().departmentId();
    }

    /** Runs one demo step as {@code username}, with its own correlation id, exactly as a request would. */
    private <T> T as(String username, Supplier<T> step) {
        var user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        MDC.put(LedgerMetaData.CORRELATION_ID, "demo-" + UUID.randomUUID());
        try {
            return step.get();
        } finally {
            MDC.remove(LedgerMetaData.CORRELATION_ID);
            SecurityContextHolder.clearContext();
        }
    }
}
