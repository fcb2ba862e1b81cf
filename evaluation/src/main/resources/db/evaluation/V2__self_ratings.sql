-- The candidates' own ratings (1–5) of a story revision they told in a practice drill: the "self"
-- column of calibration, beside the automatic and coach scores of the same revision.
CREATE TABLE self_ratings (
    drill_id     VARCHAR(64) PRIMARY KEY,
    candidate_id VARCHAR(64) NOT NULL,
    principle    VARCHAR(80) NOT NULL,
    story_id     VARCHAR(64) NOT NULL,
    revision     INT         NOT NULL,
    rating       INT         NOT NULL,
    sequence     BIGINT      NOT NULL
);
CREATE INDEX self_ratings_by_story ON self_ratings (story_id, revision);
CREATE INDEX self_ratings_by_candidate ON self_ratings (candidate_id);
