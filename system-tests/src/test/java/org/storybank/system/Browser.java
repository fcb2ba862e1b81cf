package org.storybank.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: both named by path, so Selenium
 * never looks for (or downloads) a browser or a driver. A missing browser is an error, never a
 * reason to skip: {@code apt-get install chromium chromium-driver} (.ci/run does it).
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final String baseUrl;
  private final Path profile;
  private int shots;

  private Browser(ChromeDriver driver, String baseUrl, Path profile) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.profile = profile;
  }

  static Path executable(String environmentVariable, String... candidates) {
    Optional<String> configured = Optional.ofNullable(System.getenv(environmentVariable));
    List<String> paths = new ArrayList<>();
    configured.ifPresent(paths::add);
    paths.addAll(List.of(candidates));
    for (String path : paths) {
      if (Files.isExecutable(Path.of(path))) {
        return Path.of(path);
      }
    }
    throw new IllegalStateException(
        "the browser tests need Debian's chromium and chromium-driver, and found none of "
            + paths
            + ": install them with `apt-get install chromium chromium-driver` (.ci/run does)"
            + " or set "
            + environmentVariable);
  }

  static Browser open(String baseUrl) throws IOException {
    Path chromium =
        executable("STORYBANK_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
    Path chromedriver = executable("STORYBANK_CHROMEDRIVER", "/usr/bin/chromedriver");
    Path profile = Files.createTempDirectory("storybank-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--lang=en-GB",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
    return new Browser(driver, baseUrl, profile);
  }

  ChromeDriver driver() {
    return driver;
  }

  void visit(String path) {
    driver.get(baseUrl + path);
  }

  String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  WebElement await(String css) {
    return await(css, Duration.ofSeconds(15));
  }

  WebElement await(String css, Duration timeout) {
    return new WebDriverWait(driver, timeout)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  void awaitPath(String prefix) {
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> path().startsWith(prefix));
  }

  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** A full-page screenshot under target/screenshots, numbered in the order the pages were seen. */
  Path screenshot(String name) throws IOException {
    Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shots, name));
    Files.write(file, fullPage());
    return file;
  }

  @SuppressWarnings("unchecked")
  private byte[] fullPage() {
    try {
      Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
      Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
      double width = ((Number) size.get("width")).doubleValue();
      double height = Math.min(((Number) size.get("height")).doubleValue(), 6000);
      Map<String, Object> shot =
          driver.executeCdpCommand(
              "Page.captureScreenshot",
              Map.of(
                  "format",
                  "png",
                  "captureBeyondViewport",
                  true,
                  "clip",
                  Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
      return Base64.getDecoder().decode((String) shot.get("data"));
    } catch (RuntimeException cdpUnavailable) {
      return driver.getScreenshotAs(OutputType.BYTES);
    }
  }

  /**
   * What the browser console said against the page's policy (CSP) or as a script error since the
   * last call.
   */
  List<String> consoleProblems() {
    List<String> problems = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      String message = entry.getMessage();
      if (message.contains("Content Security Policy") || message.contains("Uncaught")) {
        problems.add(message);
      }
    }
    return problems;
  }

  static void copy(Path screenshot, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.copy(screenshot, target, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Signs in through the form and waits for the story list. */
  void signIn(String email, String password) {
    visit("/");
    await("input[name=email]");
    type("input[name=email]", email);
    type("input[name=password]", password);
    find("#signin button[type=submit]").click();
    awaitPath("/stories.html");
  }

  /** Signs out through the header when someone is signed in; ends on the sign-in form. */
  void signOut() {
    visit("/stories.html");
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> !findAll("#sign-out").isEmpty() || !findAll("input[name=email]").isEmpty());
    if (!findAll("#sign-out").isEmpty()) {
      find("#sign-out").click();
    }
    await("input[name=email]");
  }

  /** Clicks the cohort desk's bar of one pitfall on the chart's canvas, where ECharts drew it. */
  @SuppressWarnings("unchecked")
  void clickPitfallBar(String pitfall) {
    // the desk says what it holds once the chart is drawn; a click before could land on a redraw
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> !find("#desk-status").getText().startsWith("Loading"));
    // the candidates table above the chart fills last (a coverage read per candidate): until it
    // has, the chart can still move down the page under a click aimed at it
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> !find("#candidates").getText().contains("Loading"));
    // where the bar's middle is on the screen, with the page scrolled to put it there: on a long
    // desk the chart can lie below the fold, where a click relative to the canvas would miss it
    List<Number> point =
        (List<Number>)
            driver.executeAsyncScript(
                """
                const [pitfall, done] = arguments;
                const rows = [...document.querySelectorAll('#pitfall-table tbody tr')];
                const index = rows.findIndex((row) => row.dataset.pitfall === pitfall);
                const value = Number(rows[index].children[1].textContent);
                import('/webjars/echarts/5.3.1/dist/echarts.esm.min.js').then((echarts) => {
                  const canvas = document.querySelector('#pitfall-chart');
                  const chart = echarts.getInstanceByDom(canvas);
                  const end = chart.convertToPixel({ seriesIndex: 0 }, [value, index]);
                  const start = chart.convertToPixel({ seriesIndex: 0 }, [0, index]);
                  const x = (start[0] + end[0]) / 2;
                  const y = end[1];
                  window.scrollBy(0, canvas.getBoundingClientRect().top + y - window.innerHeight / 2);
                  const box = canvas.getBoundingClientRect();
                  done([box.left + x, box.top + y]);
                });
                """,
                pitfall);
    new org.openqa.selenium.interactions.Actions(driver)
        .moveToLocation(
            (int) Math.round(point.get(0).doubleValue()),
            (int) Math.round(point.get(1).doubleValue()))
        .click()
        .perform();
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var paths = Files.walk(profile)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
