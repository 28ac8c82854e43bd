package dev.xcomponent.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.app.ServeCommand;
import dev.xcomponent.app.ServeConfig;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The instance list a page at a time ("Load more" follows the server's cursor) and the form of a
 * cross_component transition, in a real browser on {@code serve} of the Order/Payment example with
 * more Orders than one page holds. Screenshots land in {@code target/screenshots}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InstancePagingBrowserTest {
  private static final int ORDERS = 130;
  /** The orders created here and the component's entry-point instance, created at start. */
  private static final int LISTED = ORDERS + 1;

  private static ServeCommand.Server server;
  private static Browser browser;
  private static String base;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<String> created = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Browser.requireAvailable();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    server = ServeCommand.start(
        new ServeConfig(DashboardBrowserTest.exampleFiles(), "127.0.0.1", 0, null, "memory"), err);
    base = "http://127.0.0.1:" + server.port();
    for (int i = 0; i < ORDERS; i++) {
      created.add(createOrder("ORD-" + i, i + 1));
    }
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.closeAll(browser, server);
  }

  private static String createOrder(String orderId, double amount) throws Exception {
    JsonObject body = new JsonObject().put("machineName", "Order").put("context",
        new JsonObject().put("orderId", orderId).put("amount", amount).put("customerId", "C-1").put("paymentMethod", "visa"));
    HttpResponse<String> r = HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/api/components/OrderComponent/instances"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new JsonObject(r.body()).getString("instanceId");
  }

  @SuppressWarnings("unchecked")
  private List<String> listedIds() {
    return (List<String>) browser.js(
        "return [...document.querySelectorAll('#instance-list li[data-id]')].map((li) => li.dataset.id);");
  }

  private String foot() {
    return browser.find("#list-foot").getText().trim();
  }

  @Test
  void theListLoadsAPageAtATimeAndACrossComponentButtonOpensTheTargetsForm() throws Exception {
    browser.driver.get(base + "/dashboard.html#component=OrderComponent");
    browser.await(d -> "connected".equals(browser.find("#conn").getDomAttribute("data-status")));

    // The first page: the 100 newest, and a way to the rest.
    browser.await(d -> listedIds().size() == 100);
    assertThat(foot()).isEqualTo("100 shown · more to load");
    assertThat(browser.find("#load-more").isDisplayed()).isTrue();
    assertThat(browser.find("#load-more").getText()).isEqualTo("Load 100 more");
    assertThat(listedIds().get(0)).as("newest first").isEqualTo(created.get(ORDERS - 1));
    browser.screenshot("10-instance-list-first-page");

    browser.find("#load-more").click();
    browser.await(d -> listedIds().size() == LISTED);
    assertThat(new HashSet<>(listedIds())).as("each once").hasSize(LISTED).containsAll(created);
    assertThat(listedIds().get(ORDERS - 1)).as("oldest order last, before the entry point").isEqualTo(created.get(0));
    assertThat(foot()).isEqualTo(LISTED + " shown");
    assertThat(browser.find("#load-more").isDisplayed()).isFalse();

    // The text filter works on what is loaded, and says so.
    browser.find("#filter-text").sendKeys("ORD-12");
    browser.await(d -> listedIds().size() == 11); // ORD-12, ORD-120 … ORD-129
    assertThat(foot()).isEqualTo("11 shown · the text filter applies to the " + LISTED + " loaded");
    assertThat(browser.find("#filter-text").getDomAttribute("placeholder")).startsWith("Filter loaded instances");
    browser.screenshot("11-instance-list-text-filter");
    browser.find("#filter-text").clear();
    browser.js("document.getElementById('filter-text').dispatchEvent(new Event('input'))");
    browser.await(d -> listedIds().size() == LISTED);

    // A live refresh keeps the pages loaded: one more order is listed first, nothing is lost.
    String late = createOrder("ORD-LATE", 5);
    browser.await(d -> listedIds().size() == LISTED + 1 && listedIds().get(0).equals(late));
    assertThat(browser.find("#load-more").isDisplayed()).isFalse();

    // Another page size starts again from the first page.
    new Select(browser.find("#filter-limit")).selectByValue("50");
    browser.await(d -> listedIds().size() == 50);
    assertThat(foot()).isEqualTo("50 shown · more to load");
    assertThat(browser.find("#load-more").getText()).isEqualTo("Load 50 more");
    browser.find("#load-more").click();
    browser.await(d -> listedIds().size() == 100);

    // An order from the second page: SUBMIT (cross_component to PaymentComponent.Payment) opens a
    // form with the Payment's contextSchema, prefilled from the order.
    String seventieth = created.get(70); // 61st newest: on the second page of 50
    browser.find("#instance-list li[data-id='" + seventieth + "'] button").click();
    browser.awaitText("#detail-id", seventieth);
    browser.await(d -> !d.findElements(By.cssSelector("#actions button[data-event='SUBMIT']")).isEmpty());
    assertThat(browser.find("#actions button[data-event='SUBMIT']").getText()).contains("→ PaymentComponent");
    browser.find("#actions button[data-event='SUBMIT']").click();
    browser.await(d -> browser.find("#event-dialog").isDisplayed());
    assertThat(browser.driver.findElements(By.cssSelector("#event-fields [name]")))
        .extracting(e -> e.getDomAttribute("name"))
        .containsExactly("orderId", "amount", "paymentMethod");
    assertThat(browser.find("#event-field-orderId").getDomProperty("value")).isEqualTo("ORD-70");
    assertThat(browser.find("#event-field-amount").getDomProperty("value")).isEqualTo("71");
    browser.screenshot("12-cross-component-form");

    // Required fields are checked like in the create form; Cancel sends nothing.
    browser.find("#event-field-orderId").clear();
    browser.find("#event-submit").click();
    browser.awaitText("#event-error", "Order ID is required");
    browser.find("#event-cancel").click();
    browser.await(d -> !browser.find("#event-dialog").isDisplayed());
    assertThat(browser.find("#detail-state").getText()).isEqualTo("Created");

    // Plain events still take the JSON payload editor: CANCEL goes at once.
    browser.find("#actions button[data-event='CANCEL']").click();
    browser.awaitText("#detail-state", "Cancelled");
    assertThat(browser.find("#event-dialog").isDisplayed()).isFalse();
  }
}
