package org.storybank.query.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.security.Caller;

@RestController
@RequestMapping("/api/search")
class StorySearchController {

  private final StorySearch search;

  StorySearchController(StorySearch search) {
    this.search = search;
  }

  @GetMapping("/stories")
  SearchResult stories(
      Caller caller,
      @RequestParam(name = "q", required = false) String text,
      @RequestParam(required = false) String principle,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String candidateId,
      @RequestParam(required = false) String cohortId,
      @RequestParam(defaultValue = "10") int size) {
    return search.search(
        SearchScope.of(caller),
        new StoryQuery(text, principle, level, candidateId, cohortId, size));
  }
}
