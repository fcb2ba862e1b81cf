package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
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
 * The interview loops page in a real browser against the whole stack: a candidate records a loop, a
 * broken field is named and focused, the saved loop's plan shows a story or a reason for every
 * principle of every interview, markup in the company shows as text, their coach reads the plan,
 * another candidate is told it does not exist. Every page visited is saved under
 * target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(WebAppBrowserTest.BrowserFirst.class)
@ExtendWith(SharedStack.class)
@org.junit.jupiter.api.Order(1)
class LoopsBrowserTest {

  private static final String PASSWORD = "demo-password";
  private static final String CANDIDATE = "candidate1@demo.storybank";
  private static final String OTHER_CANDIDATE = "candidate2@demo.storybank";
  private static final String COACH = "coach1@demo.storybank";

  private final String company = "<b>Northwind</b> " + UUID.randomUUID().toString().substring(0, 6);
  private Browser browser;
  private String loopPath;

  @BeforeAll
  void start(RunningStack stack) throws Exception {
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
  void aCandidateRecordsALoopAndSeesWhichStoryToTellWhere() throws Exception {
    browser.signIn(CANDIDATE, PASSWORD);
    browser.find("header.top a[href='/loops.html']").click();
    browser.awaitPath("/loops.html");
    browser.await("#new-loop #company");
    browser.screenshot("loops");

    // nothing typed: the API's problem names the field and the page puts the focus there
    browser.find("#save-loop").click();
    assertThat(browser.await("#form-error").getText()).startsWith("company:");
    assertThat(browser.script("return document.activeElement.id")).isEqualTo("company");

    browser.type("#company", company);
    browser.type("#role", "Engineering manager");
    browser.script(
        "const date = document.querySelector('#date'); date.value = '2027-01-31';"
            + " date.dispatchEvent(new Event('input'));");
    browser.find("#interview-name-1").clear();
    browser.find("#interview-name-1").sendKeys("Phone screen");
    check(1, "ownership");
    check(1, "dive-deep");
    browser.find("#add-interview").click();
    browser.await("#interview-name-2").clear();
    browser.find("#interview-name-2").sendKeys("Onsite");
    check(2, "frugality");
    browser.type("#interview-questions-2", "Tell me about a time you disagreed with your manager");
    browser.screenshot("loops-form");
    browser.find("#save-loop").click();

    browser.awaitPath("/loops.html?id=");
    loopPath = browser.path();
    awaitPlan();
    assertThat(browser.find("#plan-title").getText()).contains(company);
    assertThat(browser.findAll("#plan .interview-plan h3"))
        .extracting(WebElement::getText)
        .containsExactly("Phone screen", "Onsite");
    // every principle and question has a story or a reason
    assertThat(browser.findAll("#plan .assignment").size() + browser.findAll("#plan .gap").size())
        .isEqualTo(4);
    for (WebElement gap : browser.findAll("#plan .gap")) {
      assertThat(gap.getText()).contains(":");
    }
    for (WebElement row : browser.findAll("#plan .assignment")) {
      assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".why-text")).getText())
          .contains("meets the bar");
    }
    // the company's markup is text, nothing rendered from it
    assertThat(browser.findAll("#loops li b")).isEmpty();
    assertThat(browser.find("#loops").getText()).contains("<b>Northwind</b>");
    browser.screenshot("loops-plan");

    browser.size(390, 844);
    browser.visit(loopPath);
    awaitPlan();
    assertThat(
            (Boolean)
                browser.script(
                    "return document.documentElement.scrollWidth <= window.innerWidth + 1"))
        .as("no sideways scrolling at 390 px")
        .isTrue();
    browser.screenshot("loops-plan-390px");
    browser.size(1280, 900);
  }

  @Test
  @Order(2)
  void theirCoachReadsThePlanAndAnotherCandidateIsToldItDoesNotExist() throws Exception {
    assertThat(loopPath).as("the candidate's loop of the first test").isNotNull();
    browser.signOut();
    browser.signIn(COACH, PASSWORD);
    browser.visit("/loops.html");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
        .until(d -> browser.find("#loops").getText().contains(company));
    assertThat(browser.find("#new-loop").isDisplayed()).as("a coach records no loops").isFalse();
    browser.visit(loopPath);
    awaitPlan();
    browser.screenshot("loops-plan-coach");

    browser.signOut();
    browser.signIn(OTHER_CANDIDATE, PASSWORD);
    browser.visit(loopPath);
    assertThat(browser.await("#loops-error").getText())
        .isEqualTo("This loop does not exist, or it is not yours.");
    assertThat(browser.find("#loops").getText()).doesNotContain(company);
    browser.screenshot("loops-foreign");
  }

  private void awaitPlan() {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(d -> browser.find("#plan-status").getText().contains("planned"));
  }

  private void check(int interview, String principle) {
    browser.find("input[name='principles-" + interview + "'][value='" + principle + "']").click();
  }
}
