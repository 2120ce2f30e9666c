-- Answers to POSTs sent with an Idempotency-Key header (IdempotencyFilter), so a retried command is answered
-- without running again, also after a restart. Keys are scoped to the principal who sent them. A row without a
-- status is a request still being answered.
CREATE TABLE idempotency_key (
    principal       TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    -- SHA-256 of method, path, query and body: the same key with another request is refused.
    fingerprint     BYTEA       NOT NULL,
    status          INT,
    content_type    TEXT,
    body            BYTEA,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
