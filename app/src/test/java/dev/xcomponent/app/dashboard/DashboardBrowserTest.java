package dev.xcomponent.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.app.ServeCommand;
import dev.xcomponent.app.ServeConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser, on {@code serve} of the Order/Payment example (without its
 * plugin: its hooks only log, and the payment's steps are fired here by hand instead of by its
 * business code). Screenshots land in {@code target/screenshots}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DashboardBrowserTest {
  private static ServeCommand.Server server;
  private static Browser browser;
  private static String base;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Browser.requireAvailable();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    server = ServeCommand.start(new ServeConfig(exampleFiles(), "127.0.0.1", 0, null, "memory"), err);
    base = "http://127.0.0.1:" + server.port();
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.closeAll(browser, server);
  }

  static List<Path> exampleFiles() {
    Path dir = Path.of("../examples/order-payment");
    return List.of(dir.resolve("order-component.yaml"), dir.resolve("payment-component.yaml"));
  }

  /** The Payment instance of order {@code orderRef}, or null while there is none. */
  private static JsonObject paymentOf(String orderRef) throws Exception {
    JsonArray payments = call("GET", "/api/instances?component=PaymentComponent&machine=Payment", null)
        .getJsonArray("instances");
    for (int i = 0; i < payments.size(); i++) {
      if (orderRef.equals(payments.getJsonObject(i).getJsonObject("context").getString("orderId"))) {
        return payments.getJsonObject(i);
      }
    }
    return null;
  }

  private static JsonObject call(String method, String path, JsonObject body) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path));
    if (body != null) {
      r.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
    }
    HttpResponse<String> response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    return new JsonObject(response.body());
  }

  private static void send(String instanceId, String event) throws Exception {
    JsonObject r =
        call("POST", "/api/instances/" + instanceId + "/events", new JsonObject().put("type", event));
    assertThat(r.getString("outcome")).as(event).isEqualTo("transitioned");
  }

  private void openDashboard(String hash) {
    browser.driver.get(base + "/dashboard.html" + hash);
    browser.await(d -> "connected".equals(browser.find("#conn").getDomAttribute("data-status")));
  }

  @Test
  void anOrderIsCreatedSubmittedAndFollowedLiveAcrossComponents() throws Exception {
    openDashboard("");
    browser.await(d -> "OrderComponent".equals(new Select(browser.find("#component-select"))
        .getFirstSelectedOption().getText()));
    browser.await(d -> browser.find("img[alt='State machine Order']").isDisplayed());
    browser.screenshot("01-overview");

    browser.find("#new-instance").click();
    browser.await(d -> browser.find("#create-dialog").isDisplayed());
    browser.find("#create-submit").click();
    browser.awaitText("#create-error", "Order ID is required");
    browser.find("#field-orderId").sendKeys("ORD-UI-1");
    browser.find("#field-amount").sendKeys("99.5");
    browser.find("#field-customerId").sendKeys("C-42");
    browser.find("#field-paymentMethod").sendKeys("visa");
    browser.screenshot("02-create-form");
    browser.find("#create-submit").click();

    browser.await(d -> browser.find("#detail").isDisplayed());
    browser.awaitText("#detail-state", "Created");
    String orderId = browser.find("#detail-id").getText();
    assertThat(browser.find("#detail-data").getText()).contains("\"orderId\": \"ORD-UI-1\"", "99.5");
    browser.js("window.__sameDocument = 42;");

    // SUBMIT is cross_component to PaymentComponent.Payment: a form of the Payment's
    // contextSchema, prefilled from the order through the transition's contextMapping.
    browser.find("#actions button[data-event='SUBMIT']").click();
    browser.await(d -> browser.find("#event-dialog").isDisplayed());
    assertThat(browser.find("#event-title").getText()).isEqualTo("SUBMIT → PaymentComponent.Payment");
    assertThat(browser.driver.findElements(By.cssSelector("#event-fields input")))
        .extracting(e -> e.getDomAttribute("name"))
        .containsExactly("orderId", "amount", "paymentMethod");
    assertThat(browser.find("#event-field-orderId").getDomProperty("value")).isEqualTo("ORD-UI-1");
    assertThat(browser.find("#event-field-amount").getDomProperty("value")).isEqualTo("99.5");
    assertThat(browser.find("#event-field-amount").getDomAttribute("type")).isEqualTo("number");
    assertThat(browser.find("#event-fields").getText()).contains("Order ID *", "Amount *", "Payment Method");
    browser.find("#event-field-paymentMethod").clear();
    browser.find("#event-field-paymentMethod").sendKeys("mastercard");
    browser.screenshot("03a-cross-component-form");
    browser.find("#event-submit").click();
    browser.awaitText("#detail-state", "PendingPayment");
    browser.await(d -> "PendingPayment".equals(browser.find("#detail-diagram").getDomAttribute("data-state")));
    browser.await(d -> diagramLoaded());
    browser.screenshot("03-order-submitted");

    // The Payment appears in the other component (created by a message SUBMIT sends once it is
    // recorded, so possibly a moment after the order changed state); its steps are driven from
    // outside the page.
    JsonObject payment;
    long created = System.currentTimeMillis() + 10_000;
    while ((payment = paymentOf("ORD-UI-1")) == null) {
      assertThat(System.currentTimeMillis()).as("the payment created by SUBMIT, in time").isLessThan(created);
      Thread.sleep(20);
    }
    String paymentId = payment.getString("id");
    // The form's values were the payload: the edited method reached the Payment.
    assertThat(payment.getJsonObject("context").getString("paymentMethod")).isEqualTo("mastercard");
    assertThat(payment.getJsonObject("context").getDouble("amount")).isEqualTo(99.5);
    send(paymentId, "PROCESS");
    send(paymentId, "VALIDATE");
    send(paymentId, "COMPLETE");

    // The order moves to Paid in the open page without a reload, through /ws.
    browser.awaitText("#detail-state", "Paid");
    browser.await(d -> "Paid".equals(browser.find("#detail-diagram").getDomAttribute("data-state")));
    browser.await(d -> diagramLoaded());
    assertThat(browser.js("return window.__sameDocument;")).isEqualTo(42L);
    browser.await(d -> browser.find("#blotter").getText().contains("PendingPayment → Paid"));
    browser.await(d -> browser.find("#history").getText().contains("PAYMENT_CONFIRMED"));
    String history = browser.find("#history").getText();
    assertThat(history).contains("INSTANCE_CREATED", "SUBMIT", "Created → PendingPayment",
        "PendingPayment → Paid", "← from PaymentComponent");
    browser.await(d -> browser.find("#instance-list li.selected").getText().contains("Paid"));
    browser.screenshot("04-order-paid-live-with-history");

    // The finished Payment is listed as finished in its component.
    new Select(browser.find("#component-select")).selectByVisibleText("PaymentComponent");
    browser.await(d -> browser.find("#instance-list").getText().contains("Completed"));
    assertThat(browser.find("#instance-list li.finished").getText()).contains("FINISHED");
    browser.await(d -> browser.find("[data-chips='Payment']").getText().contains("Completed\n1"));
    browser.screenshot("05-payment-component");
    assertThat(browser.js("return window.__sameDocument;")).isEqualTo(42L);
    assertThat(orderId).isNotBlank();
  }

  @Test
  void markupInInstanceDataIsShownAsTextAndNeverRuns() throws Exception {
    String img = "<img src=x onerror=\"window.__xss=1\">";
    String script = "</script><script>window.__xss=2</script>";
    JsonObject created =
        call(
            "POST",
            "/api/components/OrderComponent/instances",
            new JsonObject()
                .put("machineName", "Order")
                .put(
                    "context",
                    new JsonObject()
                        .put("orderId", img)
                        .put("customerId", script)
                        .put("amount", 1)
                        .put("note", "\u202Egnp.exe 😀")));
    String id = created.getString("instanceId");
    openDashboard("#component=OrderComponent&instance=" + id);
    browser.awaitText("#detail-state", "Created");
    browser.await(d -> browser.find("#detail-data").getText().contains("window.__xss=2"));
    // shown as JSON text: quotes escaped, markup as is
    assertThat(browser.find("#detail-data").getText())
        .contains(img.replace("\"", "\\\""), script);
    browser.await(d -> browser.find("#instance-list").getText().contains(img));
    browser.find("#payload").clear();
    browser.find("#payload").sendKeys("{\"reason\": \"<svg onload=window.__xss=3>\"}");
    browser.find("#actions button[data-event='CANCEL']").click();
    browser.awaitText("#detail-state", "Cancelled");
    browser.await(d -> browser.find("#history").getText().contains("CANCEL"));
    browser.screenshot("06-injection-shown-as-text");

    assertThat(browser.js("return typeof window.__xss;")).isEqualTo("undefined");
    assertThat(browser.driver.findElements(By.cssSelector("img[src='x'], svg[onload], script:not([src])")))
        .isEmpty();
    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/dashboard.html")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'");
    assertThat(Files.exists(Browser.SCREENSHOTS.resolve("06-injection-shown-as-text.png"))).isTrue();
  }

  @Test
  void theHistorySearchTellsWhyItFindsNothingWithoutAnEventStore() throws Exception {
    openDashboard("");
    browser.find("#tab-history").click();
    assertThat(browser.find("#new-instance").isDisplayed()).isFalse();
    browser.await(d -> browser.find("#hs-notice").isDisplayed() && !browser.find("#hs-notice").getText().isBlank());
    assertThat(browser.driver.findElements(By.cssSelector("#hs-results li[data-id]"))).isEmpty();
    browser.screenshot("07-history-search-without-store");
    browser.find("#tab-instances").click();
    assertThat(browser.find("#instance-list").isDisplayed()).isTrue();
  }

  private boolean diagramLoaded() {
    return Boolean.TRUE.equals(
        browser.js(
            "const i = document.getElementById('detail-diagram');"
                + " return i.complete && i.naturalWidth > 0;"));
  }
}
