-- Keys of idempotent requests whose command committed: a row is written in the command's own transaction
-- (IdempotentCommands). A key with such a row and no answer belongs to a request whose command was carried out but
-- whose answer was never kept (the ledger stopped in between): its retry must not run the command again. A table of
-- its own, not a column of idempotency_key: the command's transaction must not lock the key's row, or a duplicate
-- request would wait for the command instead of being told it is in flight.
CREATE TABLE idempotency_carried_out (
    principal       TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    carried_out_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);
CREATE INDEX idempotency_carried_out_at ON idempotency_carried_out (carried_out_at);
