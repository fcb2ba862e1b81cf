package org.storybank.command.bank;

import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.storybank.api.story.StoryDrafted;
import org.storybank.security.audit.AuditOwners;

/**
 * Whose bank each story is in, updated by a subscribing processor in the transaction that stores
 * the draft, so an export or import sees a story the moment it exists.
 */
@Component
@ProcessingGroup(StoryAuthorship.PROCESSING_GROUP)
class StoryAuthorship implements AuditOwners {

  static final String PROCESSING_GROUP = "story-authorship";

  private final JdbcClient jdbc;

  StoryAuthorship(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The author's stories, oldest first. */
  List<String> storiesOf(String authorId) {
    return jdbc.sql(
            "SELECT story_id FROM story_author WHERE author_id = ? ORDER BY drafted_at, story_id")
        .param(authorId)
        .query(String.class)
        .list();
  }

  @Override
  public Optional<String> authorOf(String storyId) {
    return jdbc.sql("SELECT author_id FROM story_author WHERE story_id = ?")
        .param(storyId)
        .query(String.class)
        .optional();
  }

  @EventHandler
  void on(StoryDrafted event, @Timestamp java.time.Instant at) {
    jdbc.sql(
            """
            INSERT INTO story_author (story_id, author_id, drafted_at) VALUES (?, ?, ?)
            ON CONFLICT (story_id) DO NOTHING
            """)
        .params(event.storyId(), event.authorId(), java.sql.Timestamp.from(at))
        .update();
  }
}
