-- Bucket4j's token buckets for the per-account rate limits (writes, searches), one row per account
-- and kind, shared by every gateway instance. The columns are those Bucket4j's PostgreSQL proxy
-- manager reads and writes: its serialised state, and when it may be removed (unused here: the rows
-- are bounded by the accounts).
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(200) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
