package dev.xcomponent.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.adapter.http.AccessTokens;
import dev.xcomponent.app.BrokerConfig;
import dev.xcomponent.app.ClusterTimings;
import dev.xcomponent.app.ServeCommand;
import dev.xcomponent.app.ServeConfig;
import dev.xcomponent.app.StoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard of a server started with {@code API_TOKEN} and {@code API_VIEWER_TOKEN}: the page
 * asks for a token, then works (REST calls, diagrams, live socket) with the operator's; a viewer's
 * token reads but cannot create.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TokenProtectedDashboardTest {
  private static final String OPERATOR = "operator-token-0123456789";
  private static final String VIEWER = "viewer-token-0123456789";
  private static ServeCommand.Server server;
  private static Browser browser;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireAvailable();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    server = ServeCommand.start(new ServeConfig(DashboardBrowserTest.exampleFiles(), "127.0.0.1", 0, null,
        BrokerConfig.memory(), StoreConfig.none(), true, ClusterTimings.defaults(),
        new AccessTokens(OPERATOR, VIEWER)), err);
    base = "http://127.0.0.1:" + server.port();
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.closeAll(browser, server);
  }

  private void signIn(String token) {
    browser.driver.get(base + "/dashboard.html");
    browser.js("sessionStorage.clear();");
    browser.driver.navigate().refresh();
    browser.await(d -> browser.find("#auth-dialog").isDisplayed());
    browser.find("#auth-token").sendKeys(token);
    browser.find("#auth-form button[type='submit']").click();
    browser.await(d -> "connected".equals(browser.find("#conn").getDomAttribute("data-status")));
    browser.await(d -> "OrderComponent".equals(new Select(browser.find("#component-select"))
        .getFirstSelectedOption().getText()));
  }

  @Test
  void theOperatorSignsInAndSeesDiagramsAndCreatesInstances() throws Exception {
    signIn(OPERATOR);
    browser.await(d -> Boolean.TRUE.equals(browser.js(
        "const i = document.querySelector(\"img[alt='State machine Order']\"); return !!i && i.complete && i.naturalWidth > 0;")));
    browser.screenshot("auth-01-operator");
    browser.find("#new-instance").click();
    browser.find("#field-orderId").sendKeys("ORD-TOKEN-1");
    browser.find("#field-amount").sendKeys("10");
    browser.find("#create-submit").click();
    browser.awaitText("#detail-state", "Created");
    assertThat(browser.find("#detail-data").getText()).contains("ORD-TOKEN-1");
  }

  @Test
  void aViewerReadsButIsToldItCannotCreate() throws Exception {
    signIn(VIEWER);
    browser.find("#new-instance").click();
    browser.find("#field-orderId").sendKeys("ORD-VIEWER-1");
    browser.find("#field-amount").sendKeys("10");
    browser.find("#create-submit").click();
    browser.await(d -> browser.find("#create-error").getText().contains("may only read"));
    browser.screenshot("auth-02-viewer");
  }
}
