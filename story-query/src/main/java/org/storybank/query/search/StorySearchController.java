package org.storybank.query.search;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.security.Caller;
import org.storybank.security.Role;
import org.storybank.security.audit.AuditEntry;
import org.storybank.security.audit.AuditTrail;

@RestController
@RequestMapping("/api/search")
class StorySearchController {

  private final StorySearch search;
  private final StoryQueryParser parser;
  private final AuditTrail audit;

  StorySearchController(StorySearch search, StoryQueryParser parser, AuditTrail audit) {
    this.search = search;
    this.parser = parser;
    this.audit = audit;
  }

  /**
   * {@code q, principle, level, pitfall, verdict, minScore, maxScore, quantified, candidateId,
   * cohortId, updatedFrom, updatedTo, sort (relevance|score|recency), from, size, archived (true:
   * the archived stories only, which are otherwise left out)}.
   */
  @GetMapping("/stories")
  SearchResult stories(Caller caller, @RequestParam Map<String, String> params) {
    SearchResult result = search.search(SearchScope.of(caller), parser.parse(params));
    if (caller.is(Role.COACH)) {
      // each candidate can see which of their stories a coach's search showed
      audit.recordAll(
          caller,
          result.hits().stream()
              .map(hit -> AuditEntry.aboutStory("search hit", hit.storyId(), hit.candidateId()))
              .toList());
    }
    return result;
  }
}
