package org.storybank.security.audit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.security.Caller;
import org.storybank.security.Role;

/** A read that must be on the trail, with the database unreachable: 503, nothing shown. */
class AuditUnavailableTest {

  private static final DataSource UNREACHABLE =
      (DataSource)
          Proxy.newProxyInstance(
              DataSource.class.getClassLoader(),
              new Class<?>[] {DataSource.class},
              (proxy, method, arguments) -> {
                throw new SQLException("Connection refused");
              });

  @RestController
  static class CoachReads {
    private final AuditTrail trail = new AuditTrail(UNREACHABLE, "test");

    @GetMapping("/story")
    String story() {
      trail.record(
          new Caller("coach-1", Role.COACH, List.of()),
          AuditEntry.aboutStory("read story", "s1", "cand-1"));
      return "the story's text";
    }
  }

  @Test
  void answers503WithRetryAfterAndNotTheStory() throws Exception {
    MockMvc mvc =
        MockMvcBuilders.standaloneSetup(new CoachReads())
            .setControllerAdvice(new AuditAutoConfiguration.AuditUnavailableAdvice())
            .build();

    mvc.perform(get("/story"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.detail")
                .value("the audit trail cannot be written just now: try again shortly"));
  }
}
