package org.storybank.query.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.storybank.query.indexing.MembershipsIndex;

@Configuration
class AccessConfiguration {

  @Bean
  CandidateAccess candidateAccess(MembershipsIndex memberships) {
    return new CandidateAccess(memberships);
  }
}
