package org.stationledger.command.inspection;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link Findings} for tests: what the findings look-up table would say. */
public class InMemoryFindings implements Findings {

    private final Map<String, FindingFacts> findings = new LinkedHashMap<>();

    public InMemoryFindings finding(String findingId, String inspectionId, int year, String stationId,
                                    String departmentId, String indicatorId, String deduction) {
        findings.put(findingId, new FindingFacts(findingId, inspectionId, year, stationId, departmentId, indicatorId,
                new BigDecimal(deduction), false));
        return this;
    }

    public InMemoryFindings withdrawn(String findingId) {
        FindingFacts finding = findings.get(findingId);
        findings.put(findingId, new FindingFacts(finding.findingId(), finding.inspectionId(), finding.year(),
                finding.stationId(), finding.departmentId(), finding.indicatorId(), finding.deduction(), true));
        return this;
    }

    @Override
    public Optional<FindingFacts> finding(String findingId) {
        return Optional.ofNullable(findings.get(findingId));
    }

    @Override
    public List<FindingFacts> liveFindings(String stationId, int year) {
        return findings.values().stream()
                .filter(finding -> finding.stationId().equals(stationId) && finding.year() == year && !finding.withdrawn())
                .toList();
    }
}
