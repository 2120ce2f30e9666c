package org.stationledger.app.audit;

/** A link of the audit chain: the event at a global index and its hash. */
record ChainLink(long globalIndex, byte[] hash) {

    /** Before the first event. */
    static final ChainLink START = new ChainLink(0, ChainHash.GENESIS);
}
