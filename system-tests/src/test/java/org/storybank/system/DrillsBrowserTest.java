package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The practice drills page in a real browser against the whole stack: a candidate draws a prompt
 * from the header's link, answers it with one of their stories, reads the follow-up questions and
 * what each probes, rates themselves, and finds the drill in the history and the summary; their
 * coach finds the drills from the candidate's coverage page and reads the drill, another candidate
 * is told it does not exist. Every page visited is saved under target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(WebAppBrowserTest.BrowserFirst.class)
@ExtendWith(SharedStack.class)
@org.junit.jupiter.api.Order(1)
class DrillsBrowserTest {

  private static final String PASSWORD = "demo-password";
  private static final String CANDIDATE = "candidate1@demo.storybank";
  private static final String OTHER_CANDIDATE = "candidate2@demo.storybank";
  private static final String COACH = "coach1@demo.storybank";

  private Browser browser;
  private Api gateway;
  private String drillId;
  private String prompt;

  @BeforeAll
  void start(RunningStack stack) throws Exception {
    browser = Browser.open(stack.gatewayUrl());
    gateway = new Api(stack.gatewayUrl());
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
  void aCandidateDrawsAnswersReadsTheFollowUpsAndRates() throws Exception {
    browser.signIn(CANDIDATE, PASSWORD);
    browser.find("header.top a[href='/drills.html']").click();
    browser.awaitPath("/drills.html");
    browser.await("#draw #draw-level");
    browser.script("document.querySelector('#draw-principle').value = 'ownership';");
    browser.find("#draw-button").click();

    browser.awaitPath("/drills.html?id=");
    drillId = browser.path().substring("/drills.html?id=".length());
    prompt = browser.await("#drill-prompt").getText();
    assertThat(prompt).isNotBlank();
    assertThat(browser.find("#drill-principle").getText()).isEqualTo("Ownership");
    assertThat(browser.find("#drill-why").getText()).isNotBlank();
    assertThat(browser.find("#write-new").getAttribute("href"))
        .contains("/edit.html?principle=ownership&prompt=");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
        .until(d -> !browser.findAll("#answer-story option[value]:not([value=''])").isEmpty());
    browser.screenshot("drills-drawn");

    browser.find("#answer-button").click();
    browser.await("#follow-ups li.follow-up");
    for (WebElement followUp : browser.findAll("#follow-ups li.follow-up")) {
      assertThat(followUp.findElement(org.openqa.selenium.By.cssSelector(".question")).getText())
          .isNotBlank();
      assertThat(followUp.findElement(org.openqa.selenium.By.cssSelector(".probes")).getText())
          .startsWith("Probes ");
    }
    assertThat(browser.find("#follow-ups-note").getText()).startsWith("Told with");
    browser.screenshot("drills-follow-ups");

    // no rating chosen: the API's problem names the field
    browser.find("#rate-button").click();
    assertThat(browser.await("#drill-error").getText()).startsWith("rating:");
    browser.find("#rating-choices input[value='4']").click();
    browser.find("#rate-button").click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
        .until(d -> browser.find("#drills-status").getText().startsWith("Rated 4 of 5"));
    WebElement newest = browser.find("#history li.drill");
    assertThat(newest.getDomAttribute("data-drill-id")).isEqualTo(drillId);
    assertThat(newest.getText()).contains("Rated 4 of 5").contains(prompt);
    assertThat(browser.find("#summary tr[data-principle='ownership'] .drills").getText())
        .isNotEqualTo("0");
    browser.screenshot("drills-rated");

    browser.size(390, 844);
    browser.visit("/drills.html?id=" + drillId);
    browser.await("#follow-ups li.follow-up");
    assertThat(
            (Boolean)
                browser.script(
                    "return document.documentElement.scrollWidth <= window.innerWidth + 1"))
        .as("no sideways scrolling at 390 px")
        .isTrue();
    browser.screenshot("drills-390px");
    browser.size(1280, 900);
  }

  @Test
  @Order(2)
  void theirCoachReadsTheDrillAndAnotherCandidateIsToldItDoesNotExist() throws Exception {
    assertThat(drillId).as("the candidate's drill of the first test").isNotNull();
    String candidateToken = gateway.login(CANDIDATE, PASSWORD);
    String candidateId = gateway.get("/api/me", candidateToken).body().get("userId").asText();
    browser.signOut();
    browser.signIn(COACH, PASSWORD);
    browser.visit("/coverage.html?candidate=" + candidateId);
    browser.await("#drills-link a").click();
    browser.awaitPath("/drills.html?candidate=" + candidateId);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
        .until(d -> !browser.findAll("#history li[data-drill-id='" + drillId + "']").isEmpty());
    browser.visit("/drills.html?candidate=" + candidateId + "&id=" + drillId);
    assertThat(browser.await("#drill-prompt").getText()).isEqualTo(prompt);
    browser.await("#follow-ups li.follow-up");
    assertThat(browser.find("#draw").isDisplayed()).as("a coach draws no drills").isFalse();
    assertThat(browser.find("#rate").isDisplayed()).as("nor rates one").isFalse();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
        .until(d -> !browser.findAll("#history li[data-drill-id='" + drillId + "']").isEmpty());
    browser.screenshot("drills-coach");

    browser.signOut();
    browser.signIn(OTHER_CANDIDATE, PASSWORD);
    browser.visit("/drills.html?id=" + drillId);
    assertThat(browser.await("#drills-error").getText())
        .isEqualTo("This drill does not exist, or it is not yours.");
    assertThat(browser.find("#drill").isDisplayed()).isFalse();
    browser.screenshot("drills-foreign");
  }
}
