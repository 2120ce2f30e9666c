package org.stationledger.app.demo;

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
import org.stationledger.command.inspection.InspectionCommands;
import org.stationledger.command.inspection.PlanCommands;
import org.stationledger.command.station.RegistryCommands;
import org.stationledger.events.LedgerMetaData;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.inspection.PlanItemKind;
import org.stationledger.events.station.StationKind;

/**
 * {@code --demo}: on an empty ledger, plays a realistic start through the real command path, each step as the
 * demo user who would take it: the five Shenyang-area stations of the article, six departments, and the 2026 cycle
 * with a published scheme, an approved plan and inspections authorised, blocked and on exceptional grounds.
 */
@Component
@ConditionalOnExpression("'${ledger.role:all}' != 'query'")
class DemoLedger implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLedger.class);
    private static final int YEAR = 2026;

    static final String ZJL = "SY-SH-ZJL";
    static final String HC = "SY-SH-HC";
    static final String SFS = "SY-SB-SFS";
    static final String MTH = "ZW-MTH";
    static final String HT = "XM-HT";
    static final String CRIM = "CRIMINAL-INVESTIGATION";
    static final String PUBSEC = "PUBLIC-SECURITY";
    static final String TRAFFIC = "TRAFFIC";
    static final String LEGAL = "LEGAL-AFFAIRS";
    static final String DISCIPLINE = "DISCIPLINE-INSPECTION";
    static final String COMMAND_CENTRE = "COMMAND-CENTRE";

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
        cycle2026();
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

    private void cycle2026() {
        as("coord", () -> commands.sendAndWait(new CycleCommands.OpenCycle(YEAR, 4, GradeBands.DEFAULT, 10)));
        indicator("crim", "CRIM-CASES", "案件办理质量 Quality of case handling", CRIM, 25);
        indicator("pubsec", "PS-COMMUNITY", "社区警务与治安防范 Community policing and prevention", PUBSEC, 25);
        indicator("traffic", "TR-ROADS", "道路交通安全 Road safety in the area", TRAFFIC, 10);
        indicator("legal", "LEGAL-STANDARDS", "执法规范化 Law-enforcement standards", LEGAL, 20);
        indicator("command", "CMD-DISPATCH", "接处警与非警务分流 Dispatch and diversion to 12345", COMMAND_CENTRE, 20);
        indicatorOfKind("disc", "DISC-VETO", "严重违纪违法 Serious breach of discipline (veto)", DISCIPLINE, 0,
                IndicatorKind.VETO);
        as("coord", () -> commands.sendAndWait(new CycleCommands.PublishScheme(YEAR)));

        planItem("crim", "2026-CRIM-ANNUAL", List.of(ZJL, HC, SFS, MTH, HT), "2026-04-01", "2026-04-30",
                PlanItemKind.COMPREHENSIVE, "CRIM-CASES");
        planItem("pubsec", "2026-PS-ANNUAL", List.of(ZJL, HC, SFS, MTH, HT), "2026-04-15", "2026-05-15",
                PlanItemKind.COMPREHENSIVE, "PS-COMMUNITY");
        planItem("legal", "2026-LEGAL-FILES", List.of(ZJL, HC, HT), "2026-04-20", "2026-06-30",
                PlanItemKind.THEMATIC, "LEGAL-STANDARDS");
        planItem("traffic", "2026-TR-SCENIC", List.of(HC), "2026-07-01", "2026-07-31", PlanItemKind.THEMATIC, "TR-ROADS");
        planItem("command", "2026-CMD-DIVERSION", List.of(ZJL, HT), "2026-09-01", "2026-09-30",
                PlanItemKind.THEMATIC, "CMD-DISPATCH");
        planItem("traffic", "2026-TR-EXTRA", List.of(ZJL, SFS), "2026-08-01", "2026-08-31", PlanItemKind.THEMATIC, "TR-ROADS");
        as("coord", () -> commands.sendAndWait(new PlanCommands.ApprovePlan(YEAR, List.of(new PlanCommands.Rejection(
                "2026-TR-EXTRA", "不必要的重复检查 Duplicates the scenic-area check; stations are not to be visited twice")))));

        // Planned visits, merged into joint visits in April-May.
        request("crim", ZJL, "2026-04-20", "2026-CRIM-ANNUAL");
        request("pubsec", ZJL, "2026-04-20", "2026-PS-ANNUAL");
        request("legal", ZJL, "2026-04-21", "2026-LEGAL-FILES");
        request("crim", SFS, "2026-04-22", "2026-CRIM-ANNUAL");
        request("pubsec", HC, "2026-04-28", "2026-PS-ANNUAL");
        request("traffic", HC, "2026-07-10", "2026-TR-SCENIC");
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

    private void department(String id, String name) {
        commands.sendAndWait(new RegistryCommands.RegisterDepartment(id, name));
    }

    private void station(String id, String name, String parent, StationKind kind, double area, long population,
                         int officers, int auxiliaries) {
        commands.sendAndWait(new RegistryCommands.RegisterStation(id, name, parent, kind, area, population, officers,
                auxiliaries));
    }

    private void indicator(String user, String id, String title, String department, int points) {
        indicatorOfKind(user, id, title, department, points, IndicatorKind.SCORED);
    }

    private void indicatorOfKind(String user, String id, String title, String department, int points, IndicatorKind kind) {
        as(user, () -> commands.sendAndWait(new CycleCommands.ProposeIndicator(YEAR, id, title, department, points, kind)));
    }

    private void planItem(String user, String id, List<String> stations, String from, String to, PlanItemKind kind,
                          String indicator) {
        String department = departmentOf(user);
        as(user, () -> commands.sendAndWait(new PlanCommands.ProposePlanItem(id, YEAR, department, stations,
                LocalDate.parse(from), LocalDate.parse(to), kind, List.of(indicator))));
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
