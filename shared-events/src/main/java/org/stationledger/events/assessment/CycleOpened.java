package org.stationledger.events.assessment;

import org.axonframework.serialization.Revision;
import org.stationledger.events.YearScoped;

@Revision("1")
public record CycleOpened(int year, int visitCap, GradeBands gradeBands, int commentWindowDays) implements YearScoped {
}
