package org.storybank.gateway.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.security.Caller;

@RestController
class MeController {

  record Me(String userId, String role, List<String> cohortIds) {}

  @GetMapping("/api/me")
  Me me(Caller caller) {
    return new Me(caller.userId(), caller.role().id(), caller.cohortIds());
  }
}
