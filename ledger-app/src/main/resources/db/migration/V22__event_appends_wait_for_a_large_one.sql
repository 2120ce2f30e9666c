-- A unit of work that stores many events at once (the year's plan approval stores a visit per station and item:
-- ~95,000 events nationally) holds their positions in the event table, uncommitted, while it writes them and until it
-- commits. A projection that meanwhile reads an event committed above them waits for those positions only within
-- Axon's maximum gap offset (10,000 positions back): every event of the large append further back would be skipped
-- by every projection, for good.
--
-- So appends order themselves on one advisory lock: every INSERT into the event table takes it shared (this trigger,
-- before the statement takes its positions), and the ledger's event store takes it exclusively before a large append
-- (LedgerEventStorageEngine). A large append therefore waits for the appends in flight to commit, and no other
-- append takes a position until it has committed: no event is committed above its uncommitted positions.
-- Both are transaction locks, released at commit or rollback. The key is (0x45766E74 'Evnt', 0).

CREATE FUNCTION ledger_wait_for_large_append() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(1165389428, 0);
    RETURN NULL;
END
$$;

CREATE TRIGGER wait_for_large_append BEFORE INSERT ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_wait_for_large_append();
