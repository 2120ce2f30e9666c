package org.stationledger.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stationledger.events.inspection.PlanItemKind;
import org.stationledger.events.inspection.PlanItemProposed;

/**
 * A ledger from before V17 keeps its plan items' indicators in their events only: the migration gives every item of
 * the look-up table the indicators its proposal named, so that the rule on findings holds for items proposed before.
 */
class PlanItemIndicatorsMigrationTest {

    @Test
    void itemsProposedBeforeTheUpgradeGetTheIndicatorsOfTheirProposal() throws Exception {
        Upgrades.upgrade("16", jdbc -> {
            proposed(jdbc, new PlanItemProposed("P-CRIM", 2025, "CRIM", List.of("S1"), LocalDate.of(2025, 3, 1),
                    LocalDate.of(2025, 3, 31), PlanItemKind.THEMATIC, List.of("CRIM-CASES", "CRIM-SCENES")));
            proposed(jdbc, new PlanItemProposed("P-TRAFFIC", 2025, "TRAFFIC", List.of("S1"), LocalDate.of(2025, 4, 1),
                    LocalDate.of(2025, 4, 30), PlanItemKind.COMPREHENSIVE, List.of("TR-ROADS")));
        }, jdbc -> {
            assertThat(jdbc.queryForList("""
                    SELECT plan_item_id || ':' || array_to_string(indicator_ids, ',') FROM cmd_plan_item
                    ORDER BY plan_item_id""", String.class))
                    .containsExactly("P-CRIM:CRIM-CASES,CRIM-SCENES", "P-TRAFFIC:TR-ROADS");
        });
    }

    /** The event as Axon stores it (its payload as JSON bytes) and the look-up row the ledger before V17 wrote. */
    private static void proposed(JdbcTemplate jdbc, PlanItemProposed event) throws Exception {
        byte[] payload = new ObjectMapper().findAndRegisterModules().writeValueAsBytes(event);
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, 0, 'PlanItem', ?, '{}'::bytea, ?, '1', ?, '2025-02-01T08:00:00.000Z')""",
                "plan-item:" + event.planItemId(), UUID.randomUUID().toString(), payload,
                PlanItemProposed.class.getName());
        jdbc.update("""
                INSERT INTO cmd_plan_item (plan_item_id, year, department_id, kind, from_date, to_date, status)
                VALUES (?, ?, ?, ?, ?, ?, 'PROPOSED')""", event.planItemId(), event.year(), event.departmentId(),
                event.kind().name(), event.from(), event.to());
    }
}
