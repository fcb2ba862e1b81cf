package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The coach's side of the web app in a real browser against the shared stack: a candidate writes
 * and saves a story; their coach finds it in the review queue on the cohort desk, reviews it with
 * the rubric form (scores and a pitfall), pins a comment to words selected in the text, and the
 * desk's pitfall chart counts that pitfall; the candidate sees the comment pinned in place and
 * resolves it; the coach of another cohort is refused the review page and sees none of the story.
 * Every page visited is saved under target/screenshots/, and the coach pages are timed on the demo
 * data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(WebAppBrowserTest.BrowserFirst.class)
@ExtendWith(SharedStack.class)
// a browser test: it runs before the walking skeleton (Order 2), whose last tests stop and
// restart parts of the shared stack
@org.junit.jupiter.api.Order(1)
class CoachDeskBrowserTest {

  /** The desk of the demo cohort these tests write to (other test classes add cohorts). */
  private static final String DESK = "/cohort.html?cohort=cohort-1";

  private static final String PASSWORD = "demo-password";
  private static final String CANDIDATE = "candidate3@demo.storybank";
  private static final String COACH = "coach1@demo.storybank";
  private static final String OTHER_COACH = "coach2@demo.storybank";

  /**
   * Pitfalls the coach may tick; the test takes the first the automatic evaluation did not find.
   */
  private static final List<String> PITFALL_CHOICES =
      List.of("no-escalation", "no-reflection", "assigned-scope-only", "no-follow-through");

  private static final String ACTION =
      "I mapped which clinics lost bookings, rewrote the retry schedule for the reminder queue and"
          + " paired with the support lead to call the clinics that were hit.";
  private static final String QUOTE = "rewrote the retry schedule";

  private Browser browser;
  private Api api;
  private final String title =
      "Reminder queue that stalled " + UUID.randomUUID().toString().substring(0, 6);
  private String storyId;
  private String pitfall;
  private final String comment = "Which schedule did you choose, and why that one?";

  @BeforeAll
  void start(RunningStack stack) throws Exception {
    api = new Api(stack.gatewayUrl());
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
  @Order(1)
  void aCandidateWritesAndSavesAStory() throws Exception {
    browser.signIn(CANDIDATE, PASSWORD);
    browser.visit("/edit.html");
    browser.await("#title");
    browser.type("#title", title);
    new Select(browser.find("#level")).selectByValue("mid");
    browser.find("input[name=principles][value=ownership]").click();
    Map<String, String> star =
        Map.of(
            "situation",
            "Appointment reminders for our clinics stopped going out one Monday morning.",
            "task",
            "The reminder service was mine to run that quarter.",
            "action",
            ACTION,
            "result",
            "Reminders went out again the same afternoon.");
    for (String field : List.of("situation", "task", "action", "result")) {
      browser.find("#" + field).sendKeys(star.get(field));
    }
    browser.find("#save").click();
    browser.awaitPath("/story.html?id=");
    storyId = browser.path().replaceAll(".*[?&]id=([^&]+).*", "$1");
    assertThat(browser.await("#story-title").getText()).isEqualTo(title);
    assertThat(browser.findAll("#review-link")).as("a candidate does not review").isEmpty();
    browser.screenshot("coach-desk-candidate-saved");
  }

  @Test
  @Order(2)
  void theCoachFindsItInTheReviewQueueAndReviewsItWithTheForm() throws Exception {
    browser.signOut();
    browser.signIn(COACH, PASSWORD);
    browser.find("header a[href='/cohort.html']").click();
    browser.awaitPath("/cohort.html");
    WebElement queued = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (queued == null && System.nanoTime() < deadline) {
      browser.visit(DESK);
      waitUntil(() -> !browser.find("#review-queue").getText().contains("Loading"));
      queued =
          browser.findAll("#review-queue li").stream()
              .filter(li -> storyId.equals(li.getAttribute("data-story-id")))
              .findFirst()
              .orElse(null);
      if (queued == null) {
        Thread.sleep(1000);
      }
    }
    assertThat(queued).as("the new story in the coach's review queue").isNotNull();
    assertThat(queued.getText()).contains("not reviewed by you yet");
    assertThat(browser.findAll("#review-queue li").size())
        .as("the demo cohort's revised and unreviewed stories wait too")
        .isGreaterThan(1);
    int waiting =
        api.get("/api/analytics/cohorts/cohort-1/review-queue", api.login(COACH, PASSWORD))
            .body()
            .size();
    int page = Math.min(waiting, 15);
    assertThat(browser.findAll("#review-queue li[data-story-id]"))
        .as("the newest first, a page of them")
        .hasSize(page);
    if (waiting > page) {
      String queuedId = queued.getAttribute("data-story-id");
      browser.find("#queue-more").click();
      waitUntil(() -> browser.findAll("#review-queue li[data-story-id]").size() > page);
      assertThat(browser.findAll("#review-queue li[data-story-id]"))
          .hasSize(Math.min(waiting, page + 60));
      queued = browser.find("#review-queue li[data-story-id='" + queuedId + "']");
    }
    browser.screenshot("coach-desk-review-queue");

    queued.findElement(By.cssSelector("a.story-title")).click();
    browser.awaitPath("/review.html?id=" + storyId);
    browser.await("#criteria fieldset.criterion");
    assertThat(browser.find("#review-heading").getText()).contains(title);
    assertThat(browser.find("p.star-text[data-field=action]").getText()).isEqualTo(ACTION);
    // the automatic evaluation's hint shows once it has judged the revision
    waitForAutomaticEvaluation();

    pitfall =
        PITFALL_CHOICES.stream()
            .filter(
                id -> {
                  List<WebElement> choice =
                      browser.findAll(".pitfall-choice[data-pitfall=" + id + "]");
                  return !choice.isEmpty() && !choice.getFirst().getText().contains("automatic");
                })
            .findFirst()
            .orElseThrow();
    assertThat(storiesBehind(pitfall)).as("not counted before the review").doesNotContain(storyId);

    pinComment();

    List<WebElement> criteria = browser.findAll("#criteria fieldset.criterion");
    assertThat(criteria).hasSizeGreaterThan(2);
    for (int i = 0; i < criteria.size(); i++) {
      criteria
          .get(i)
          .findElement(By.cssSelector("input[value='" + (i % 2 == 0 ? 2 : 3) + "']"))
          .click();
    }
    browser.find(".pitfall-choice[data-pitfall=" + pitfall + "] input[type=checkbox]").click();
    browser.type("#pitfall-evidence-" + pitfall, "Nothing about who else was told.");
    browser.type("#notes", "Say what you decided and what you would change next time.");
    assertThat(browser.find("#overall").getAttribute("value")).as("suggested").matches("\\d+");
    browser.find("#submit-review").click();
    WebElement result = browser.await("#review-result");
    assertThat(result.getText()).contains("Revision 1");
    assertThat(
            result.findElement(By.cssSelector("#result-pitfalls [data-pitfall=" + pitfall + "]")))
        .isNotNull();
    browser.screenshot("coach-desk-review");

    String token = api.login(COACH, PASSWORD);
    JsonNode coach = api.get("/api/stories/" + storyId, token).body().path("latestEvaluations");
    assertThat(coach.path("coach").path("revision").asInt()).isEqualTo(1);
    assertThat(coach.path("coach").path("result").path("pitfalls").toString()).contains(pitfall);
  }

  private void waitForAutomaticEvaluation() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (browser.findAll("#review-meta .badge").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      browser.visit("/review.html?id=" + storyId);
      browser.await("#criteria fieldset.criterion");
    }
    assertThat(browser.findAll("#review-meta .badge")).as("the automatic evaluation").isNotEmpty();
  }

  /** Selects words in the action as a person would with the mouse, then pins a comment to them. */
  private void pinComment() {
    browser.script(
        """
        const [quote] = arguments;
        const field = document.querySelector('p.star-text[data-field=action]');
        const text = field.firstChild;
        const start = text.textContent.indexOf(quote);
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, start + quote.length);
        const selection = document.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        """,
        QUOTE);
    browser.await("#pin-form");
    assertThat(browser.find("#pin-quote").getText()).isEqualTo(QUOTE);
    browser.type("#pin-text", comment);
    browser.find("#pin-save").click();
    WebElement mark = browser.await("p.star-text[data-field=action] mark.pinned");
    assertThat(mark.getText()).isEqualTo(QUOTE);
    assertThat(browser.find("ol.comments[data-field=action]").getText()).contains(comment);
    assertThat(browser.find("p.star-text[data-field=action]").getText())
        .as("the text itself is unchanged")
        .isEqualTo(ACTION);
  }

  @Test
  @Order(3)
  void theDesksPitfallChartCountsThePitfallTheCoachFound() throws Exception {
    WebElement story = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (story == null && System.nanoTime() < deadline) {
      browser.visit(DESK);
      waitUntil(() -> !browser.findAll("#pitfall-table tbody tr").isEmpty());
      if (!browser.findAll("#pitfall-table tbody tr[data-pitfall=" + pitfall + "]").isEmpty()) {
        browser.clickPitfallBar(pitfall);
        browser.await("#behind-stories li");
        waitUntil(() -> !browser.find("#behind-stories").getText().contains("Loading"));
        story =
            browser.findAll("#behind-stories li").stream()
                .filter(li -> storyId.equals(li.getAttribute("data-story-id")))
                .findFirst()
                .orElse(null);
      }
      if (story == null) {
        Thread.sleep(1000);
      }
    }
    assertThat(story).as("the reviewed story behind the %s bar", pitfall).isNotNull();
    long count =
        Long.parseLong(
            browser
                .find("#pitfall-table tbody tr[data-pitfall=" + pitfall + "] td:nth-child(2)")
                .getText());
    assertThat(count).isPositive();
    assertThat(
            browser.findAll("#review-queue li").stream()
                .map(li -> li.getAttribute("data-story-id"))
                .toList())
        .as("reviewed as it stands: out of the queue")
        .doesNotContain(storyId);
    assertThat(
            api.get("/api/analytics/cohorts/cohort-1/review-queue", api.login(COACH, PASSWORD))
                .body()
                .findValuesAsText("storyId"))
        .doesNotContain(storyId);
    for (String chart :
        List.of("#pitfall-chart", "#trend-chart", "#principle-chart", "#level-chart")) {
      assertThat(browser.find(chart + " canvas").getSize().getHeight())
          .as(chart)
          .isGreaterThan(100);
    }
    assertThat(browser.find("#trend-chart").getAttribute("data-lines")).isNotEqualTo("0");
    assertThat(browser.find("#principle-chart").getAttribute("data-keys")).isNotEqualTo("0");
    waitUntil(() -> !browser.find("#candidates").getText().contains("Loading"));
    assertThat(browser.findAll("#candidates tbody tr[data-candidate-id]")).hasSizeGreaterThan(2);
    waitUntil(() -> !browser.find("#agreement").getText().isEmpty());
    assertThat(browser.find("#agreement").getText()).contains("revisions judged by both");
    browser.screenshot("coach-desk-pitfall-counted");
  }

  @Test
  @Order(4)
  void theCandidateSeesTheCommentPinnedInPlaceAndResolvesIt() throws Exception {
    browser.signOut();
    browser.signIn(CANDIDATE, PASSWORD);
    browser.visit("/story.html?id=" + storyId);
    WebElement mark = browser.await("p.star-text[data-field=action] mark.pinned");
    assertThat(mark.getText()).isEqualTo(QUOTE);
    WebElement pinned = browser.find("ol.comments[data-field=action] li");
    assertThat(pinned.getText()).contains(comment).contains("Your coach");
    browser.screenshot("coach-desk-candidate-sees-comment");

    pinned.findElement(By.cssSelector("button.resolve")).click();
    waitUntil(() -> browser.findAll("p.star-text[data-field=action] mark.pinned").isEmpty());
    assertThat(browser.find(".resolved-comments").getText()).contains("1 resolved comment");
    String token = api.login(CANDIDATE, PASSWORD);
    JsonNode comments = api.get("/api/stories/" + storyId, token).body().path("comments");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).path("resolved").asBoolean()).isTrue();
    browser.screenshot("coach-desk-comment-resolved");
  }

  @Test
  @Order(5)
  void theCoachOfAnotherCohortIsRefusedTheReviewPage() throws Exception {
    browser.signOut();
    browser.signIn(OTHER_COACH, PASSWORD);
    browser.visit("/review.html?id=" + storyId);
    WebElement refusal = browser.await("#review-error");
    assertThat(refusal.getText()).contains("not in a cohort you coach");
    assertThat(browser.find("#review").isDisplayed()).isFalse();
    assertThat(browser.driver().getPageSource()).doesNotContain(ACTION).doesNotContain(title);
    browser.screenshot("coach-desk-other-coach-refused");
    String token = api.login(OTHER_COACH, PASSWORD);
    assertThat(api.get("/api/stories/" + storyId, token).status()).isIn(403, 404);
  }

  @Test
  @Order(6)
  void theCoachPagesAreTimedOnTheDemoDataAndFitAPhone() throws Exception {
    browser.signOut();
    browser.signIn(COACH, PASSWORD);
    String token = api.login(COACH, PASSWORD);
    JsonNode queue = api.get("/api/analytics/cohorts/cohort-1/review-queue", token).body();
    assertThat(queue.size()).as("the demo queue").isGreaterThan(0);
    String demoStory = queue.get(0).path("storyId").asText();
    Map<String, Long> millis = new LinkedHashMap<>();
    millis.put("cohort desk, review queue", timed(DESK, "#review-queue li a"));
    millis.put("cohort desk, pitfall chart", timed(DESK, "#pitfall-table tbody tr"));
    millis.put("cohort desk, score charts", timed(DESK, "#weakest li"));
    millis.put("cohort desk, candidates table", timed(DESK, "#candidates tr[data-candidate-id]"));
    millis.put("review page, text", timed("/review.html?id=" + demoStory, "p.star-text"));
    millis.put(
        "review page, rubric form", timed("/review.html?id=" + demoStory, "#criteria fieldset"));
    millis.put("story with comments (coach)", timed("/story.html?id=" + demoStory, "#history li"));
    StringBuilder report = new StringBuilder("coach page: ms from navigation to content shown\n");
    millis.forEach((page, ms) -> report.append(page).append(": ").append(ms).append('\n'));
    System.out.print(report);
    Files.writeString(Browser.SCREENSHOTS.resolve("coach-page-times.txt"), report);
    assertThat(millis).allSatisfy((page, ms) -> assertThat(ms).as(page).isLessThan(3_000));

    browser.size(390, 844);
    try {
      for (String page : List.of("/cohort.html", "/review.html?id=" + demoStory)) {
        browser.visit(page);
        browser.await("main h1");
        Thread.sleep(500);
        Number overflow =
            (Number)
                browser.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue())
            .as("horizontal overflow of %s at 390 px", page)
            .isLessThanOrEqualTo(0);
        browser.screenshot("coach-desk-phone-" + page.substring(1).replaceAll("\\.html.*", ""));
      }
    } finally {
      browser.size(1280, 900);
    }
    browser.signOut();
  }

  private List<String> storiesBehind(String pitfall) throws Exception {
    String token = api.login(COACH, PASSWORD);
    JsonNode hits =
        api.get(
                "/api/search/stories?cohortId=cohort-1&size=100&pitfall=" + Api.query(pitfall),
                token)
            .body()
            .path("hits");
    return java.util.stream.StreamSupport.stream(hits.spliterator(), false)
        .map(hit -> hit.path("storyId").asText())
        .toList();
  }

  private long timed(String path, String css) {
    long start = System.nanoTime();
    browser.visit(path);
    browser.await(css);
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  private void waitUntil(BooleanSupplier condition) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
        .until(driver -> condition.getAsBoolean());
  }
}
