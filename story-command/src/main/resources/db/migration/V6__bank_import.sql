-- Imports run in the background, with their progress, so that any instance can answer how far one
-- has come; each row is its owner's only (the service checks the caller on every read).
CREATE TABLE bank_import (
    import_id  VARCHAR(64)  PRIMARY KEY,
    owner_id   VARCHAR(64)  NOT NULL,
    state      VARCHAR(16)  NOT NULL,
    total      INT          NOT NULL,
    done       INT          NOT NULL DEFAULT 0,
    imported   INT          NOT NULL DEFAULT 0,
    unchanged  INT          NOT NULL DEFAULT 0,
    errors     TEXT         NOT NULL DEFAULT '[]',
    started_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX bank_import_by_owner ON bank_import (owner_id, started_at);
