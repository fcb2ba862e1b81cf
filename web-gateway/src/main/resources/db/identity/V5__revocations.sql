-- Access tokens the gateway issued and no longer stands behind; every service reads this table
-- (platform-security's RevocationList) and refuses a token issued at or before revoked_at that
-- matches: all of the user's (locked, password reset), one login's (session_id: logged out), or
-- those naming a cohort the user has left (cohort_id). A row matters until the last token it can
-- cover has expired (expires_at), then it is deleted.
CREATE TABLE revocations (
    id         BIGSERIAL   PRIMARY KEY,
    user_id    VARCHAR(64) NOT NULL,
    session_id VARCHAR(64),
    cohort_id  VARCHAR(64),
    reason     VARCHAR(32) NOT NULL
        CHECK (reason IN ('locked', 'password-reset', 'logged-out', 'left-cohort')),
    revoked_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX revocations_by_expiry ON revocations (expires_at);
