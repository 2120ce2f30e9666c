package org.stationledger.app.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The audit chain's hash, exactly as docs/audit.md defines it for anyone to re-implement:
 * {@code hash = SHA-256(previous hash ‖ canonical(event))}, the previous hash of the first event being 32 zero bytes.
 * The canonical encoding is every column of the stored row in a fixed order: numbers as 8-byte big-endian, text as
 * UTF-8 and binary as is, each text or binary value prefixed by its length as a 4-byte big-endian number, or by
 * {@code FFFFFFFF} alone when null.
 */
final class ChainHash {

    /** The "previous hash" of the first event in the chain. */
    static final byte[] GENESIS = new byte[32];
    private static final int NULL_LENGTH = -1;

    private ChainHash() {
    }

    static byte[] next(byte[] previous, StoredEvent event) {
        var canonical = new ByteArrayOutputStream(256 + event.payload().length);
        number(canonical, event.globalIndex());
        text(canonical, event.eventId());
        text(canonical, event.aggregateType());
        text(canonical, event.aggregateId());
        number(canonical, event.sequenceNumber());
        text(canonical, event.payloadType());
        text(canonical, event.payloadRevision());
        bytes(canonical, event.payload());
        bytes(canonical, event.metadata());
        text(canonical, event.timestamp());
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        return sha256.digest(canonical.toByteArray());
    }

    private static void number(ByteArrayOutputStream out, long value) {
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private static void text(ByteArrayOutputStream out, String value) {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? NULL_LENGTH : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
