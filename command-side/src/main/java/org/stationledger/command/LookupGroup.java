package org.stationledger.command;

/** The processing group of every command-side look-up table. */
public final class LookupGroup {
    public static final String NAME = "command-lookups";

    private LookupGroup() {
    }
}
