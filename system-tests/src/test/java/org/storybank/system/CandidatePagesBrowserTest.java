package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app's further pages in a real browser on the shared stack: coverage (a gap opens the
 * editor for it), a story's history with word-level changes and the score before and after,
 * archived stories apart, a coach's invitations (a new candidate joins with a code and is removed
 * after a confirmation), and the admin's accounts (a locked account cannot sign in) and cohorts,
 * which a candidate is refused. Every page visited is saved under target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(WebAppBrowserTest.BrowserFirst.class)
@ExtendWith(SharedStack.class)
@org.junit.jupiter.api.Order(1)
class CandidatePagesBrowserTest {

  private static final String PASSWORD = "demo-password";
  private static final String CANDIDATE = "candidate3@demo.storybank";
  private static final String OTHER_CANDIDATE = "candidate2@demo.storybank";
  private static final String COACH = "coach1@demo.storybank";
  private static final String ADMIN = "admin@demo.storybank";

  private static final String ACTION_BEFORE =
      "We worked hard on the outage and made sure it went well for the customers.";
  private static final String ACTION_AFTER =
      "I traced the outage to a stale cache key, rolled back the release within 20 minutes and"
          + " added an alert on the cache hit rate.";

  private Browser browser;
  private Api api;
  private final String suffix = UUID.randomUUID().toString().substring(0, 6);
  private String storyId;
  private String storyTitle;
  private String joinedEmail;
  private String joinedId;

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
  void theCoverageMatrixShowsAGapAndAClickOnItOpensTheEditorPrefilled() throws Exception {
    // one story made to answer for five principles: coverage names it over-stretched
    String token = api.login(CANDIDATE, PASSWORD);
    String stretchedTitle = "The everything story " + suffix;
    Map<String, Object> stretched = new HashMap<>();
    stretched.put("title", stretchedTitle);
    stretched.put("level", "mid");
    stretched.put(
        "principles", List.of("ownership", "dive-deep", "frugality", "think-big", "earn-trust"));
    stretched.put("situation", "Our billing exports broke every month end.");
    stretched.put("task", "I owned the export job.");
    stretched.put("action", "I rewrote the export to stream rows and added a reconciliation.");
    stretched.put("result", "Month-end exports finished in 10 minutes instead of 3 hours.");
    Api.Response created = api.post("/api/stories", token, stretched);
    assertThat(created.status()).isEqualTo(201);
    String stretchedId = created.body().get("id").asText();

    browser.signIn(CANDIDATE, PASSWORD);
    browser.find("header a[href='/coverage.html']").click();
    String listed = "#stretched li[data-story-id='" + stretchedId + "']";
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (browser.findAll(listed).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
      browser.visit("/coverage.html");
      browser.await("#matrix td");
    }
    assertThat(browser.find(listed).getText()).contains(stretchedTitle, "tagged with 5 principles");
    assertThat(browser.find("#summary").getText()).containsPattern("[1-9]\\d* over-stretched");
    WebElement gap = browser.await("#matrix td.gap a.gap-link");
    assertThat(gap.getText()).contains("Gap");
    assertThat(browser.find("#summary").getText()).containsPattern("\\d+ gaps?");
    assertThat(browser.findAll("#matrix td.strong, #matrix td.adequate, #matrix td.unjudged"))
        .as("cells that a story covers, with its strength in words")
        .isNotEmpty()
        .allSatisfy(
            cell ->
                assertThat(cell.findElement(By.cssSelector(".strength")).getText())
                    .isIn("Strong", "Adequate", "Not judged"));
    browser.screenshot("candidate-pages-coverage");

    WebElement cell = gap.findElement(By.xpath("./ancestor::td"));
    String prompt = cell.getAttribute("data-prompt");
    String principle = cell.findElement(By.xpath("./ancestor::tr")).getAttribute("data-principle");
    gap.click();
    browser.awaitPath("/edit.html?");
    browser.await("#title");
    assertThat(browser.find("#editor-heading").getText()).isEqualTo("New story for a gap");
    assertThat(browser.find("input[name=principles][value='" + principle + "']").isSelected())
        .isTrue();
    assertThat(browser.findAll("input[name=principles]:checked")).hasSize(1);
    assertThat(browser.find("#prompt").getAttribute("value")).isEqualTo(prompt);
    browser.screenshot("candidate-pages-editor-for-gap");
  }

  @Test
  @Order(2)
  void theHistoryShowsAWordLevelDiffAndTheScoreBeforeAndAfterARevision() throws Exception {
    String token = api.login(CANDIDATE, PASSWORD);
    storyTitle = "The cache outage " + suffix;
    Map<String, Object> story = new HashMap<>();
    story.put("title", storyTitle);
    story.put("level", "mid");
    story.put("principles", List.of("ownership"));
    story.put("situation", "Checkout failed for a third of our customers one Friday evening.");
    story.put("task", "I was on call for the checkout service.");
    story.put("action", ACTION_BEFORE);
    story.put("result", "Checkout worked again.");
    Api.Response created = api.post("/api/stories", token, story);
    assertThat(created.status()).isEqualTo(201);
    storyId = created.body().get("id").asText();
    int before = automaticScore(token, 1);

    JsonNode current = api.get("/api/stories/" + storyId, token).body();
    story.put("action", ACTION_AFTER);
    story.put("result", "Checkout errors fell from 30% to 0 within 20 minutes.");
    assertThat(
            api.put("/api/stories/" + storyId, token, current.get("version").asText(), story)
                .status())
        .isEqualTo(200);
    int after = automaticScore(token, 2);

    browser.visit("/story.html?id=" + storyId);
    browser.await("#history-link").click();
    browser.awaitPath("/history.html?id=" + storyId);
    WebElement revision = browser.await("#revisions li[data-revision='2']");
    WebElement action = revision.findElement(By.cssSelector(".field-diff[data-field=action]"));
    String inserted = texts(action, "ins.diff");
    String deleted = texts(action, "del.diff");
    assertThat(inserted).contains("traced", "stale cache key", "alert");
    assertThat(deleted).contains("worked hard", "made sure it went well");
    assertThat(inserted).as("a word both versions share is unchanged").doesNotContain("outage");
    assertThat(
            action
                .findElement(By.cssSelector("ins.diff .visually-hidden"))
                .getAttribute("textContent"))
        .as("the change is said in text, not only shown")
        .contains("added");
    WebElement scores = revision.findElement(By.cssSelector(".score-change"));
    assertThat(scores.getAttribute("data-before")).isEqualTo(Integer.toString(before));
    assertThat(scores.getAttribute("data-after")).isEqualTo(Integer.toString(after));
    assertThat(scores.getText()).contains("before", "after", Integer.toString(after));
    assertThat(browser.findAll("#revisions li[data-revision='1']")).hasSize(1);
    browser.screenshot("candidate-pages-history");

    // the diff module itself, on the page's own origin
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> parts =
        (List<Map<String, Object>>)
            browser
                .driver()
                .executeAsyncScript(
                    """
                    const done = arguments[arguments.length - 1];
                    import('/app/worddiff.js').then((m) => done(m.diffWords('a b c d', 'a x c d e')));
                    """);
    assertThat(parts)
        .extracting(part -> part.get("type") + ":" + part.get("text"))
        .containsExactly("same:a", "delete: b", "insert: x", "same: c d", "insert: e");
  }

  @Test
  @Order(3)
  void archivingThenRestoringMovesTheStoryBetweenTheSections() throws Exception {
    String token = api.login(CANDIDATE, PASSWORD);
    String live = "#stories li[data-story-id='" + storyId + "']";
    String archived = "#archived li[data-story-id='" + storyId + "']";
    reloadUntil("/stories.html", live);
    assertThat(browser.find("#archived-section").getAttribute("open")).isNull();

    browser.find(live + " button[data-action=archive]").click();
    browser.await("#archived-section[open] " + archived.substring("#archived ".length()));
    assertThat(browser.findAll(live)).isEmpty();
    assertThat(browser.find("#action-status").getText()).contains(storyTitle, "archived");
    awaitTrue(() -> archivedHits(token, "").contains(storyId), "the search index has it archived");
    String ownerId = api.get("/api/me", token).body().get("userId").asText();
    assertThat(archivedHits(api.login(OTHER_CANDIDATE, PASSWORD), "&candidateId=" + ownerId))
        .as("another candidate's archived stories stay theirs")
        .doesNotContain(storyId);
    reloadUntil("/stories.html", archived);
    assertThat(browser.findAll(live)).isEmpty();
    browser.find("#archived-section summary").click();
    browser.screenshot("candidate-pages-archived");

    browser.find(archived + " button[data-action=restore]").click();
    browser.await(live);
    assertThat(browser.findAll(archived)).isEmpty();
    awaitTrue(() -> !archivedHits(token, "").contains(storyId), "the search index has it restored");
    reloadUntil("/stories.html", live);
    browser.find(live + " button[data-action=ready]").click();
    waitUntil(() -> browser.find(live).getText().contains("Status: Ready"));
    assertThat(api.get("/api/stories/" + storyId, token).body().get("status").asText())
        .isEqualToIgnoringCase("ready");
    browser.screenshot("candidate-pages-restored");
  }

  @Test
  @Order(4)
  void aCoachInvitesACandidateWhoJoinsAndIsRemovedAfterAConfirmation() throws Exception {
    browser.signOut();
    browser.signIn(COACH, PASSWORD);
    browser.find("header a[href='/invitations.html']").click();
    browser.await("#create-code");
    new org.openqa.selenium.support.ui.Select(browser.find("#cohort")).selectByValue("cohort-1");
    browser.find("#create-code").click();
    String code = browser.await("#code").getAttribute("value");
    assertThat(code).isNotBlank();
    browser.find("#copy-code").click();
    waitUntil(() -> !browser.find("#copy-status").getText().isBlank());
    browser.screenshot("candidate-pages-invitation-code");

    browser.signOut();
    joinedEmail = "joined-" + suffix + "@example.org";
    browser.visit("/register.html");
    browser.await("#invitationCode");
    browser.type("#invitationCode", code);
    browser.type("#name", "Joined " + suffix);
    browser.type("#email", joinedEmail);
    browser.type("#password", "a long enough passphrase");
    browser.find("#register button[type=submit], form button[type=submit]").click();
    browser.awaitPath("/stories.html");
    joinedId =
        (String)
            browser.script("return JSON.parse(sessionStorage.getItem('storybank.session')).userId");
    assertThat(joinedId).isNotBlank();

    browser.signOut();
    browser.signIn(COACH, PASSWORD);
    browser.visit("/invitations.html?cohort=cohort-1");
    String joined = "#members li[data-candidate-id='" + joinedId + "']";
    browser.await(joined);
    browser.screenshot("candidate-pages-joined");
    browser.find(joined + " button[data-action=remove]").click();
    WebElement confirm = browser.await(joined + " .confirm");
    assertThat(confirm.getText()).contains("Remove candidate", "cohort-1");
    assertThat(cohortCandidates("cohort-1"))
        .as("nothing removed before the confirmation")
        .contains(joinedId);
    browser.screenshot("candidate-pages-remove-confirmation");
    confirm.findElement(By.cssSelector("button[data-action=confirm-remove]")).click();
    waitUntil(() -> browser.findAll(joined).isEmpty());
    assertThat(browser.find("#members-status").getText()).contains("removed");
    assertThat(cohortCandidates("cohort-1")).doesNotContain(joinedId);
  }

  @Test
  @Order(5)
  void anAdminLocksAnAccountWhichCannotSignInThenUnlocksIt() throws Exception {
    browser.signOut();
    browser.signIn(ADMIN, PASSWORD);
    browser.find("header a[href='/admin.html']").click();
    String row = "#accounts tr[data-email='" + joinedEmail + "']";
    browser.await(row);
    assertThat(browser.find(row + " .account-state").getText()).isEqualTo("Active");
    browser.find(row + " button[data-action=lock]").click();
    waitUntil(() -> browser.find(row + " .account-state").getText().equals("Locked"));
    assertThat(
            api.post(
                    "/api/auth/login",
                    null,
                    Map.of("email", joinedEmail, "password", "a long enough passphrase"))
                .status())
        .isEqualTo(423);
    browser.screenshot("candidate-pages-admin-locked");

    String cohortName = "Eastbrook " + suffix;
    browser.type("#cohort-name", cohortName);
    String coach2 = userId("coach2@demo.storybank");
    new org.openqa.selenium.support.ui.Select(browser.find("#cohort-coach")).selectByValue(coach2);
    browser.find("#create-cohort").click();
    waitUntil(() -> browser.find("#cohort-status").getText().contains(cohortName));
    WebElement created =
        browser.findAll("#cohorts tbody tr").stream()
            .filter(cohortRow -> cohortRow.getText().contains(cohortName))
            .findFirst()
            .orElseThrow();
    String cohortId = created.getAttribute("data-cohort-id");
    JsonNode cohort = api.get("/api/cohorts/" + cohortId, api.login(ADMIN, PASSWORD)).body();
    assertThat(cohort.get("coachId").asText()).isEqualTo(coach2);

    browser.signOut();
    browser.type("input[name=email]", joinedEmail);
    browser.type("input[name=password]", "a long enough passphrase");
    browser.find("#signin button[type=submit]").click();
    assertThat(browser.await("#signin-error").getText()).contains("locked");
    browser.screenshot("candidate-pages-locked-sign-in");

    browser.signIn(ADMIN, PASSWORD);
    browser.visit("/admin.html");
    browser.await(row + " button[data-action=unlock]").click();
    waitUntil(() -> browser.find(row + " .account-state").getText().equals("Active"));
    assertThat(
            api.post(
                    "/api/auth/login",
                    null,
                    Map.of("email", joinedEmail, "password", "a long enough passphrase"))
                .status())
        .isEqualTo(200);
  }

  @Test
  @Order(6)
  void aCandidateOpeningTheAdminPageSeesARefusalAndNoData() throws Exception {
    browser.signOut();
    browser.signIn(CANDIDATE, PASSWORD);
    assertThat(browser.findAll("header a[href='/admin.html']")).isEmpty();
    browser.visit("/admin.html");
    assertThat(browser.await("#admin-error").getText()).contains("for administrators");
    assertThat(browser.find("#admin-body").isDisplayed()).isFalse();
    assertThat(browser.findAll("#accounts tbody tr, #cohorts tbody tr")).isEmpty();
    assertThat(browser.driver().getPageSource())
        .doesNotContain(ADMIN, COACH, "Northwind", joinedEmail);
    for (String refused : List.of(CANDIDATE, COACH)) {
      Api.Response answer = api.get("/api/admin/cohorts", api.login(refused, PASSWORD));
      assertThat(answer.status()).as(refused).isEqualTo(403);
      assertThat(answer.body().toString()).as(refused).doesNotContain("Northwind");
    }
    assertThat(api.get("/api/admin/cohorts", null).status()).isEqualTo(401);
    browser.screenshot("candidate-pages-admin-refused");
  }

  @Test
  @Order(7)
  void theNewPagesAreQuickOnTheDemoDataAndFitAPhone() throws Exception {
    Map<String, Long> millis = new LinkedHashMap<>();
    millis.put("coverage", timed("/coverage.html", "#matrix td"));
    millis.put("history", timed("/history.html?id=" + storyId, "#revisions li[data-revision]"));
    millis.put("stories with archived", timed("/stories.html", "#archived-count"));
    browser.signOut();
    browser.signIn(COACH, PASSWORD);
    millis.put("invitations", timed("/invitations.html", "#members-status"));
    millis.put(
        "coverage of a candidate (coach)",
        timed("/coverage.html?candidate=" + userId(CANDIDATE), "#matrix td"));
    browser.signOut();
    browser.signIn(ADMIN, PASSWORD);
    millis.put("admin", timed("/admin.html", "#accounts tbody tr"));

    StringBuilder report = new StringBuilder("page: ms from navigation to content shown\n");
    millis.forEach((page, ms) -> report.append(page).append(": ").append(ms).append('\n'));
    System.out.print(report);
    Files.writeString(Browser.SCREENSHOTS.resolve("candidate-pages-times.txt"), report);
    assertThat(millis).allSatisfy((page, ms) -> assertThat(ms).as(page).isLessThan(3_000));

    browser.size(390, 844);
    try {
      browser.signOut();
      browser.signIn(CANDIDATE, PASSWORD);
      List<String> pages =
          List.of("/coverage.html", "/history.html?id=" + storyId, "/stories.html");
      for (String page : pages) {
        browser.visit(page);
        browser.await("main h1");
        Thread.sleep(500);
        Number overflow =
            (Number)
                browser.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue())
            .as("horizontal overflow of %s at 390 px", page)
            .isLessThanOrEqualTo(0);
        browser.screenshot(
            "candidate-pages-phone-" + page.substring(1).replaceAll("\\.html.*", ""));
      }
    } finally {
      browser.size(1280, 900);
    }
  }

  @Test
  @Order(8)
  void aNewCandidateImportsACsvFileWatchingItsProgressAndExportsTheirBank() throws Exception {
    String coach = api.login(COACH, PASSWORD);
    String code =
        api.post("/api/cohorts/cohort-1/invitations", coach, Map.of()).body().get("code").asText();
    String email = "importer-" + suffix + "@example.org";
    Api.Response registered =
        api.post(
            "/api/auth/register",
            null,
            Map.of(
                "invitationCode",
                code,
                "email",
                email,
                "password",
                "a long enough passphrase",
                "name",
                "Importer " + suffix));
    assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
    java.nio.file.Path file = Files.createTempFile("bank-", ".csv");
    Files.writeString(
        file,
        "title,level,principles,situation,task,action,result\r\n"
            + csvRow("Imported one " + suffix, "mid")
            + csvRow("Imported two " + suffix, "senior")
            + csvRow("Imported bad " + suffix, "guru"));

    browser.signOut();
    browser.signIn(email, "a long enough passphrase");
    browser.await("#bank-file #import-file").sendKeys(file.toString());
    browser.find("#import-form button[type=submit]").click();
    waitUntil(() -> !browser.find("#bank-file-error").getText().isBlank());
    assertThat(browser.find("#bank-file-error").getText()).contains("Nothing was imported");
    assertThat(browser.find("#import-errors").getText()).contains("Entry 3, level");
    assertThat(bankTitles(email)).as("a file with a bad entry writes nothing").isEmpty();

    browser.find("#import-partial").click();
    browser.find("#import-form button[type=submit]").click();
    waitUntil(() -> browser.find("#import-status").getText().startsWith("Import done"));
    assertThat(browser.find("#import-status").getText()).contains("2 imported", "1 not imported");
    WebElement progress = browser.find("#import-progress");
    assertThat(progress.isDisplayed()).isTrue();
    assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max"));
    assertThat(bankTitles(email))
        .containsExactly("Imported one " + suffix, "Imported two " + suffix);
    browser.screenshot("candidate-pages-imported");

    new org.openqa.selenium.support.ui.Select(browser.find("#export-format"))
        .selectByValue("markdown");
    browser.find("#export-form button[type=submit]").click();
    Thread.sleep(500);
    assertThat(browser.find("#bank-file-error").getText()).as("the export").isBlank();
  }

  private static String csvRow(String title, String level) {
    return String.join(
            ",",
            "\"" + title + "\"",
            level,
            "ownership",
            "\"The nightly export failed, and nobody owned it.\"",
            "\"I took it on.\"",
            "\"I traced it to a memory leak, fixed it and added an alert.\"",
            "\"It has not failed since, over three months.\"")
        + "\r\n";
  }

  /** The titles in a candidate's bank, read from the command side's export. */
  private List<String> bankTitles(String email) throws Exception {
    JsonNode bank =
        api.get("/api/stories/export?format=json", api.login(email, "a long enough passphrase"))
            .body();
    List<String> titles = new ArrayList<>();
    bank.forEach(story -> titles.add(story.get("title").asText()));
    return titles;
  }

  // --- helpers --------------------------------------------------------------------------------

  /** The automatic evaluation's score of one revision, once the evaluation service recorded it. */
  private int automaticScore(String token, int revision) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode history = api.get("/api/stories/" + storyId + "/history", token).body();
      Integer score = null;
      for (JsonNode evaluation : history.path("evaluations")) {
        if (evaluation.path("revision").asInt() == revision
            && "AUTOMATIC".equalsIgnoreCase(evaluation.path("evaluator").path("kind").asText())) {
          score = evaluation.path("result").path("score").asInt();
        }
      }
      if (score != null) {
        return score;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("revision " + revision + " was never evaluated");
  }

  private List<String> archivedHits(String token, String extra) throws Exception {
    JsonNode result = api.get("/api/search/stories?archived=true&size=100" + extra, token).body();
    List<String> ids = new ArrayList<>();
    result.path("hits").forEach(hit -> ids.add(hit.path("storyId").asText()));
    return ids;
  }

  private List<String> cohortCandidates(String cohortId) throws Exception {
    JsonNode cohort = api.get("/api/cohorts/" + cohortId, api.login(COACH, PASSWORD)).body();
    List<String> ids = new ArrayList<>();
    cohort.path("candidateIds").forEach(id -> ids.add(id.asText()));
    return ids;
  }

  private String userId(String email) throws Exception {
    return api.get("/api/me", api.login(email, PASSWORD)).body().get("userId").asText();
  }

  /** Reloads the page until the element shows (the lists come from the search index). */
  private void reloadUntil(String path, String css) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      browser.visit(path);
      waitUntil(() -> !browser.find("#stories-status").getText().startsWith("Loading"));
      if (!browser.findAll(css).isEmpty()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(css + " never showed on " + path);
  }

  private void awaitTrue(Check check, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never true: " + what);
      }
      Thread.sleep(300);
    }
  }

  @FunctionalInterface
  private interface Check {
    boolean holds() throws Exception;
  }

  private long timed(String path, String css) {
    long start = System.nanoTime();
    browser.visit(path);
    browser.await(css);
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  private static String texts(WebElement root, String css) {
    return String.join(
        " | ",
        root.findElements(By.cssSelector(css)).stream()
            .map(element -> element.getAttribute("textContent"))
            .toList());
  }

  private void waitUntil(BooleanSupplier condition) {
    // a page may redraw a list between finding an element and reading it
    new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
        .ignoring(StaleElementReferenceException.class)
        .until(driver -> condition.getAsBoolean());
  }
}
