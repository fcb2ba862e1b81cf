-- Refresh tokens are opaque random strings; only their SHA-256 is kept. Each login starts a family;
-- every refresh replaces the token with a new one of the same family. A replaced token presented
-- again means it leaked: the whole family is revoked.
CREATE TABLE refresh_tokens (
    token_hash  CHAR(64)    PRIMARY KEY,
    family_id   UUID        NOT NULL,
    user_id     VARCHAR(64) NOT NULL REFERENCES accounts (user_id) ON DELETE CASCADE,
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    replaced_at TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_by_user ON refresh_tokens (user_id);
