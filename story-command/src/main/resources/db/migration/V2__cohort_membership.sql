-- Who is in which cohort now, and who coaches it: kept in step with the Cohort events in the same
-- transaction (a subscribing processor), so authorization never reads a stale membership.
CREATE TABLE cohort_membership (
    candidate_id VARCHAR(64) PRIMARY KEY,
    cohort_id    VARCHAR(64)             -- NULL: removed from their cohort, in none now
);

CREATE TABLE cohort_coach (
    cohort_id VARCHAR(64) PRIMARY KEY,
    coach_id  VARCHAR(64) NOT NULL
);
CREATE INDEX cohort_coach_by_coach ON cohort_coach (coach_id);
