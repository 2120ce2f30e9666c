package org.stationledger.events.assessment;

/**
 * The lowest score that makes a station eligible for each of the first four levels; anything below
 * {@code level4} is {@code LEVEL_5}. A per-cycle setting.
 */
public record GradeBands(double level1, double level2, double level3, double level4) {

    public static final GradeBands DEFAULT = new GradeBands(95, 85, 70, 60);
}
