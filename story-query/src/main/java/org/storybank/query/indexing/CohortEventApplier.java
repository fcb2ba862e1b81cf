package org.storybank.query.indexing;

import java.util.List;
import java.util.Optional;
import org.storybank.query.projection.CohortChange;
import org.storybank.query.projection.CohortPlacement;
import org.storybank.query.projection.CohortPlacement.Membership;
import org.storybank.query.projection.StoryDocument;

/**
 * Records a membership change and moves the candidate's stories to the cohort they are in now, so
 * that a coach's search stops finding a removed candidate's stories. The stories are placed by all
 * the memberships recorded, never by the change alone: a repeated stale enrolment, or the events of
 * two cohorts arriving in the other order, then change nothing. Each story is written again at its
 * own version; if a story event wrote a newer one meanwhile, that one is placed instead.
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
    List<Membership> now = memberships.of(change.candidateId());
    // a story written a moment ago is not in search results until a refresh: without one it
    // would stay in the cohort its author just left
    stories.refresh();
    for (StoryDocument story : stories.storiesOf(change.candidateId())) {
      Optional<StoryDocument> moved = CohortPlacement.move(story, now);
      while (moved.isPresent() && !stories.rewrite(moved.get())) {
        moved = stories.get(story.storyId()).flatMap(newer -> CohortPlacement.move(newer, now));
      }
    }
  }
}
