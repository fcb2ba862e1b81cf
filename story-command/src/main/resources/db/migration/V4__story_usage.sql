-- Where each story was told (recorded after an interview loop), kept in step with the Loop events
-- in the same transaction (a subscribing processor); a story's GET reads its author's rows.
CREATE TABLE story_usage (
    loop_id      VARCHAR(64)  NOT NULL,
    story_id     VARCHAR(64)  NOT NULL,
    candidate_id VARCHAR(64)  NOT NULL,
    company      VARCHAR(200) NOT NULL,
    loop_date    VARCHAR(10)  NOT NULL,
    interview    VARCHAR(200) NOT NULL,
    principle    VARCHAR(80),
    position     INT          NOT NULL,
    PRIMARY KEY (loop_id, position)
);
CREATE INDEX story_usage_by_story ON story_usage (story_id);
