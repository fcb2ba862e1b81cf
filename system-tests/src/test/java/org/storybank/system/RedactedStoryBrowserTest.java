package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A story with a confidential span in a real browser: the coach's story and review pages show
 * {@code [confidential]} where the span is and never its words; the author's story page shows them.
 * Every page visited is saved under target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(WebAppBrowserTest.BrowserFirst.class)
@ExtendWith(SharedStack.class)
@org.junit.jupiter.api.Order(1)
class RedactedStoryBrowserTest {

  private static final String PASSWORD = "demo-password";
  private static final String AUTHOR = "candidate1@demo.storybank";
  private static final String COACH = "coach1@demo.storybank";

  private final String client = "Contoso" + UUID.randomUUID().toString().substring(0, 6);
  private Browser browser;
  private String storyId;

  @BeforeAll
  void start(RunningStack stack) throws Exception {
    Api gateway = new Api(stack.gatewayUrl());
    String situation = "Our biggest client, " + client + ", saw their nightly settlement fail.";
    int start = situation.indexOf(client);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "Settlement outage for a confidential client");
    body.put("principles", List.of("ownership"));
    body.put("prompts", List.of());
    body.put("level", "senior");
    body.put("situation", situation);
    body.put("task", "I was on call and the settlement service was mine to keep running.");
    body.put("action", "I traced the failure to an expired credential and rotated it.");
    body.put("result", "Settlement ran again within 40 minutes and no payment was late.");
    body.put(
        "confidential",
        List.of(Map.of("field", "situation", "start", start, "end", start + client.length())));
    Api.Response drafted = gateway.post("/api/stories", gateway.login(AUTHOR, PASSWORD), body);
    assertThat(drafted.status()).as(drafted.body().toString()).isEqualTo(201);
    storyId = drafted.body().get("id").asText();
    browser = Browser.open(stack.gatewayUrl());
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void noPolicyViolationsOrScriptErrors() {
    assertThat(browser.consoleProblems()).as("browser console").isEmpty();
  }

  @Test
  void theCoachReadsTheStoryRedactedAndTheAuthorInClear() throws Exception {
    browser.signIn(COACH, PASSWORD);
    browser.visit("/story.html?id=" + storyId);
    String coachView = storyText();
    assertThat(coachView).contains("[confidential]").doesNotContain(client);
    browser.screenshot("redacted-story-coach");

    browser.visit("/review.html?id=" + storyId);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(d -> browser.find("main").getText().contains("nightly settlement"));
    assertThat(browser.find("main").getText()).contains("[confidential]").doesNotContain(client);
    assertThat((String) browser.script("return document.documentElement.outerHTML"))
        .as("the clear text is nowhere in the coach's page")
        .doesNotContain(client);
    browser.screenshot("redacted-review-coach");

    browser.signOut();
    browser.signIn(AUTHOR, PASSWORD);
    browser.visit("/story.html?id=" + storyId);
    assertThat(storyText()).contains(client).doesNotContain("[confidential]");
    browser.screenshot("redacted-story-author");
  }

  private String storyText() {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(d -> browser.find("#story").isDisplayed());
    return browser.find("#story").getText();
  }
}
