-- Who read or changed what, append-only: every service writes here (platform-security's AuditTrail),
-- the gateway answers GET /api/me/audit and GET /api/admin/audit from it. owner_id is whose data it
-- was (a story's author, a removed candidate, a locked account), what a candidate's own view filters on.
CREATE TABLE entries (
    id         BIGSERIAL    PRIMARY KEY,
    at         TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    actor_id   VARCHAR(64)  NOT NULL,
    actor_role VARCHAR(16)  NOT NULL,
    action     VARCHAR(120) NOT NULL,
    story_id   VARCHAR(64),
    target_id  VARCHAR(200),
    owner_id   VARCHAR(64),
    request_id VARCHAR(128),
    service    VARCHAR(40)  NOT NULL
);
CREATE INDEX entries_by_owner ON entries (owner_id, id DESC);
CREATE INDEX entries_by_actor ON entries (actor_id, id DESC);
CREATE INDEX entries_by_story ON entries (story_id, id DESC);

-- Append-only: nothing rewrites or removes an entry, whoever connects.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END
$$;
CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON entries
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER entries_never_truncated BEFORE TRUNCATE ON entries
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
