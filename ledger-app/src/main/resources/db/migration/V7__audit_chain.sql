-- The audit chain (docs/audit.md): every stored event, in global-index order, linked to the one before it by a
-- SHA-256 hash over the event's canonical encoding. Written by ChainBuilder, checked by ChainVerifier. A change,
-- removal or move of a stored event no longer matches its link; a chain rewritten to match no longer matches the
-- checkpoints published of its head (audit_checkpoint, and the log), of which an auditor keeps copies elsewhere.
-- Both tables are append-only, like the event table.

CREATE TABLE audit_chain (
    global_index  BIGINT       PRIMARY KEY,
    event_id      VARCHAR(255) NOT NULL,
    previous_hash BYTEA        NOT NULL,
    hash          BYTEA        NOT NULL,
    chained_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE audit_checkpoint (
    up_to_sequence BIGINT      PRIMARY KEY,
    head_hash      BYTEA       NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);

SELECT ledger_make_append_only('audit_chain');
SELECT ledger_make_append_only('audit_checkpoint');
