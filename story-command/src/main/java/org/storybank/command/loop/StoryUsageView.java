package org.storybank.command.loop;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.storybank.api.loop.LoopEvents.LoopCancelled;
import org.storybank.api.loop.LoopEvents.LoopUsageRecorded;
import org.storybank.api.loop.StoryUse;

/**
 * Where each story was told, from the loops' recorded usage: a recording replaces the loop's
 * earlier one, a cancelled loop counts for nothing. Only the story's author's loops are read back,
 * so a loop naming someone else's story id never shows on that story.
 */
@Component
@ProcessingGroup(StoryUsageView.PROCESSING_GROUP)
public class StoryUsageView {

  static final String PROCESSING_GROUP = "loop-usage";

  private final JdbcClient jdbc;

  StoryUsageView(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One telling of a story: in which loop (company, date), which interview, for what. */
  public record Usage(
      String loopId, String company, String date, String interview, String principle) {}

  public List<Usage> of(String storyId, String authorId) {
    return jdbc.sql(
            """
            SELECT loop_id, company, loop_date, interview, principle FROM story_usage
            WHERE story_id = ? AND candidate_id = ? ORDER BY loop_date, loop_id, position
            """)
        .params(storyId, authorId)
        .query(
            (row, n) ->
                new Usage(
                    row.getString("loop_id"),
                    row.getString("company"),
                    row.getString("loop_date"),
                    row.getString("interview"),
                    row.getString("principle")))
        .list();
  }

  @EventHandler
  @Transactional
  void on(LoopUsageRecorded event) {
    forget(event.loopId());
    List<StoryUse> uses = event.uses();
    for (int i = 0; i < uses.size(); i++) {
      StoryUse use = uses.get(i);
      jdbc.sql(
              """
              INSERT INTO story_usage
                (loop_id, story_id, candidate_id, company, loop_date, interview, principle, position)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              event.loopId(),
              use.storyId(),
              event.candidateId(),
              event.company(),
              event.date(),
              use.interview(),
              use.principle(),
              i)
          .update();
    }
  }

  @EventHandler
  void on(LoopCancelled event) {
    forget(event.loopId());
  }

  private void forget(String loopId) {
    jdbc.sql("DELETE FROM story_usage WHERE loop_id = ?").param(loopId).update();
  }
}
