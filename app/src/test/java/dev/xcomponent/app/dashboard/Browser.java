package dev.xcomponent.app.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver: no browser or driver is
 * downloaded, and the flags keep Chromium off the network. Screenshots go to {@code
 * target/screenshots}.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** True when this machine has Chromium and its driver (CI installs both). */
  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /**
   * The one place that decides whether the browser tests run: they need Chromium and its driver.
   * Without them a test class is skipped, with this reason, on a developer's machine; where {@code
   * XC_REQUIRE_BROWSER} is set ({@code .ci/run} sets it, after installing both) it fails instead,
   * so CI never skips a browser test.
   */
  static void requireAvailable() {
    String reason = "Debian's chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)";
    if (available()) {
      return;
    }
    if (System.getenv("XC_REQUIRE_BROWSER") != null) {
      throw new IllegalStateException(reason + ", and XC_REQUIRE_BROWSER is set");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(false, reason);
  }

  /** Closes what a test class opened (either may be null). */
  static void closeAll(Browser browser, AutoCloseable server) throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static Browser start() throws IOException {
    Path profile = Files.createTempDirectory("xc-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1440,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  <T> T await(Function<WebDriver, T> condition) {
    // The page re-renders lists as updates come: an element found a moment ago may be gone.
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .pollingEvery(Duration.ofMillis(50))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Waits until the element matching {@code css} shows {@code text}. */
  void awaitText(String css, String text) {
    await(d -> text.equals(d.findElement(By.cssSelector(css)).getText().trim()));
  }

  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
