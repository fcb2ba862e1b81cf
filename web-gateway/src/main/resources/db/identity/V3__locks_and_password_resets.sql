-- An admin can lock an account: no login, no refresh, until unlocked.
ALTER TABLE accounts ADD COLUMN locked_at TIMESTAMPTZ;

-- Single-use, expiring codes an admin hands to a user to set a new password; only the hash is kept.
CREATE TABLE password_resets (
    code_hash  CHAR(64)    PRIMARY KEY,
    user_id    VARCHAR(64) NOT NULL REFERENCES accounts (user_id) ON DELETE CASCADE,
    issued_by  VARCHAR(64) NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);
