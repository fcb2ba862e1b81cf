package org.storybank.query.indexing;

import java.util.Optional;
import org.storybank.query.projection.CohortChange;
import org.storybank.query.projection.StoryDocument;

/**
 * Records a membership change and moves the candidate's stories with them, so that a coach's search
 * stops finding a removed candidate's stories. Each story is written again at its own version; if a
 * story event wrote a newer one meanwhile, the change is applied to that one instead.
 */
public class CohortEventApplier {

  private final StoriesIndex stories;
  private final MembershipsIndex memberships;

  public CohortEventApplier(StoriesIndex stories, MembershipsIndex memberships) {
    this.stories = stories;
    this.memberships = memberships;
  }

  public void apply(CohortChange change, long cohortSequence) {
    memberships.record(change, cohortSequence);
    // a story written a moment ago is not in search results until a refresh: without one it
    // would stay in the cohort its author just left
    stories.refresh();
    for (StoryDocument story : stories.storiesOf(change.candidateId())) {
      Optional<StoryDocument> moved = change.applyTo(story);
      while (moved.isPresent() && !stories.rewrite(moved.get())) {
        moved = stories.get(story.storyId()).flatMap(change::applyTo);
      }
    }
  }
}
