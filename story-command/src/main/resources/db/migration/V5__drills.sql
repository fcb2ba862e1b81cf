-- Practice drills, kept in step with the Drill events in the same transaction (a subscribing
-- processor): the candidate's history and per-principle summary read these rows.
CREATE TABLE drills (
    drill_id       VARCHAR(64)  PRIMARY KEY,
    candidate_id   VARCHAR(64)  NOT NULL,
    principle      VARCHAR(80)  NOT NULL,
    prompt         TEXT         NOT NULL,
    level          VARCHAR(16)  NOT NULL,
    reason         VARCHAR(16)  NOT NULL,
    why            TEXT         NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    story_id       VARCHAR(64),
    story_revision INT,
    rating         INT,
    drawn_at       TIMESTAMPTZ  NOT NULL,
    answered_at    TIMESTAMPTZ,
    rated_at       TIMESTAMPTZ
);
CREATE INDEX drills_by_candidate ON drills (candidate_id, drawn_at DESC);
