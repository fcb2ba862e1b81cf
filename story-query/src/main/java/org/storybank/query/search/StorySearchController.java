package org.storybank.query.search;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.security.Caller;

@RestController
@RequestMapping("/api/search")
class StorySearchController {

  private final StorySearch search;
  private final StoryQueryParser parser;

  StorySearchController(StorySearch search, StoryQueryParser parser) {
    this.search = search;
    this.parser = parser;
  }

  /**
   * {@code q, principle, level, pitfall, verdict, minScore, maxScore, quantified, candidateId,
   * cohortId, updatedFrom, updatedTo, sort (relevance|score|recency), from, size, archived (true:
   * the archived stories only, which are otherwise left out)}.
   */
  @GetMapping("/stories")
  SearchResult stories(Caller caller, @RequestParam Map<String, String> params) {
    return search.search(SearchScope.of(caller), parser.parse(params));
  }
}
