-- Whose bank each story is in, so an export lists a bank without reading every story; kept in step
-- with StoryDrafted in the same transaction (a subscribing processor). Filled here from the drafts
-- already stored.
CREATE TABLE story_author (
    story_id  VARCHAR(64) PRIMARY KEY,
    author_id VARCHAR(64) NOT NULL,
    drafted_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX story_author_by_author ON story_author (author_id, drafted_at, story_id);

INSERT INTO story_author (story_id, author_id, drafted_at)
SELECT aggregate_identifier,
       convert_from(payload, 'UTF8')::jsonb ->> 'authorId',
       time_stamp::timestamptz
  FROM domain_event_entry
 WHERE payload_type = 'org.storybank.api.story.StoryDrafted'
ON CONFLICT (story_id) DO NOTHING;
