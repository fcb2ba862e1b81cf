-- What a creating request answered, under the caller's Idempotency-Key, so that a retry gets the
-- same answer instead of creating a second story. Rows older than a day are deleted.
CREATE TABLE idempotency_keys (
    caller_id    VARCHAR(64)  NOT NULL,
    idem_key     VARCHAR(200) NOT NULL,
    fingerprint  CHAR(64)     NOT NULL,
    state        VARCHAR(8)   NOT NULL CHECK (state IN ('pending', 'done')),
    status       INT,
    content_type VARCHAR(200),
    location     VARCHAR(2000),
    body         BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (caller_id, idem_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
