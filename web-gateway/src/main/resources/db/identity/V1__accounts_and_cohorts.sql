CREATE TABLE accounts (
    user_id       VARCHAR(64)  PRIMARY KEY,
    email         VARCHAR(320) NOT NULL UNIQUE,
    name          VARCHAR(200) NOT NULL,
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('admin', 'coach', 'candidate')),
    password_hash VARCHAR(200) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE cohorts (
    cohort_id  VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- A coach coaches a cohort; a candidate is enrolled in one.
CREATE TABLE cohort_members (
    cohort_id VARCHAR(64) NOT NULL REFERENCES cohorts (cohort_id),
    user_id   VARCHAR(64) NOT NULL REFERENCES accounts (user_id),
    relation  VARCHAR(16) NOT NULL CHECK (relation IN ('coach', 'candidate')),
    PRIMARY KEY (cohort_id, user_id)
);
CREATE INDEX cohort_members_by_user ON cohort_members (user_id);
