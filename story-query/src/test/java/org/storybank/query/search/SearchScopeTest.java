package org.storybank.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storybank.security.Caller;
import org.storybank.security.Role;

class SearchScopeTest {

  @Test
  void aCandidateSearchesOnlyTheirOwnStories() {
    assertThat(SearchScope.of(new Caller("u-1", Role.CANDIDATE, List.of("cohort-1"))))
        .isEqualTo(new SearchScope.OwnStories("u-1"));
  }

  @Test
  void aCoachSearchesTheStoriesOfTheirCohorts() {
    assertThat(SearchScope.of(new Caller("c-1", Role.COACH, List.of("cohort-1", "cohort-3"))))
        .isEqualTo(new SearchScope.CohortStories(List.of("cohort-1", "cohort-3")));
  }

  @Test
  void aCoachWithoutCohortsFindsNothing() {
    assertThat(SearchScope.of(new Caller("c-1", Role.COACH, List.of())))
        .isEqualTo(new SearchScope.Nothing());
  }

  @Test
  void anAdminDoesNotReadStoriesThroughSearch() {
    assertThat(SearchScope.of(new Caller("a-1", Role.ADMIN, List.of("cohort-1"))))
        .isEqualTo(new SearchScope.Nothing());
  }
}
