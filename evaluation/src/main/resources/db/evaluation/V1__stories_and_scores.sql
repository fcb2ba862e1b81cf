-- What the evaluator needs to judge a story again (its latest revision) and what it judged last.
CREATE TABLE story_text (
    story_id           VARCHAR(64) PRIMARY KEY,
    author_id          VARCHAR(64) NOT NULL,
    cohort_id          VARCHAR(64),
    version            BIGINT      NOT NULL,
    revision           INT         NOT NULL,
    level              VARCHAR(16) NOT NULL,
    principles         TEXT        NOT NULL,  -- JSON array of principle ids
    prompts            TEXT        NOT NULL,  -- JSON array of {promptId, text}
    situation          TEXT        NOT NULL,
    task               TEXT        NOT NULL,
    action             TEXT        NOT NULL,
    result             TEXT        NOT NULL,
    evaluated_revision INT,
    evaluated_rubric   VARCHAR(64)
);

-- Criterion scores of the latest evaluation per story, revision and kind of evaluator: the pairs
-- of automatic and coach scores that calibration compares.
CREATE TABLE criterion_scores (
    story_id       VARCHAR(64) NOT NULL,
    revision       INT         NOT NULL,
    evaluator_kind VARCHAR(16) NOT NULL,
    criterion_id   VARCHAR(64) NOT NULL,
    score          INT         NOT NULL,
    author_id      VARCHAR(64) NOT NULL,
    cohort_id      VARCHAR(64),
    PRIMARY KEY (story_id, revision, evaluator_kind, criterion_id)
);
CREATE INDEX criterion_scores_by_cohort ON criterion_scores (cohort_id);
