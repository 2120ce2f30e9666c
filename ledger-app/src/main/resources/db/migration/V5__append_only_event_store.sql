-- The event table is the record: once an event is stored it is never changed or removed. PostgreSQL enforces it
-- for every connection, the ledger's own included:
--  * row triggers refuse UPDATE and DELETE, and a statement trigger refuses TRUNCATE. Triggers fire for superusers
--    too; only a superuser who disables them on purpose (session_replication_role = replica) gets past, and the
--    audit chain (V7) detects what such a session changes;
--  * UPDATE, DELETE and TRUNCATE are revoked from every role but the table's owner, so an application role set up
--    with default privileges (docs/operations.md) keeps only SELECT and INSERT.
-- ledger_make_append_only() is reused for the audit chain's own tables.

CREATE FUNCTION ledger_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION ledger_make_append_only(target regclass) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    grantee TEXT;
BEGIN
    EXECUTE format('CREATE TRIGGER append_only_rows BEFORE UPDATE OR DELETE ON %s '
                   'FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()', target);
    EXECUTE format('CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON %s '
                   'FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()', target);
    FOR grantee IN
        SELECT DISTINCT CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(acl.grantee)) END
        FROM pg_class c, aclexplode(c.relacl) acl
        WHERE c.oid = target AND acl.grantee <> c.relowner
          AND acl.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
    LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM %s', target, grantee);
    END LOOP;
END
$$;

SELECT ledger_make_append_only('domainevententry');
