-- A replayed answer carries the headers a client acts on, as the first answer did: Location (where the record, or a
-- publication's file, is read) and X-Ledger-Position (the position to present for read-your-writes on a later GET).
ALTER TABLE idempotency_key ADD COLUMN location TEXT, ADD COLUMN ledger_position BIGINT;
