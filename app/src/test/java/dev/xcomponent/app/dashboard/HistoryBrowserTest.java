package dev.xcomponent.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.app.ServeCommand;
import dev.xcomponent.app.ServeConfig;
import dev.xcomponent.app.StoreConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The history views of the dashboard on {@code serve} of the Order/Payment example with an
 * in-memory event store (so the correlated history spans both components): the audit trail of an
 * order, the sequence diagram of its whole flow (Order and Payment), and the history search.
 * Instance data carries markup, which must show as text everywhere. Screenshots land in {@code
 * target/screenshots}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HistoryBrowserTest {
  private static final String ORDER_REF = "<b>ORD-HIST-1</b>";
  private static final String CUSTOMER = "<img src=x onerror=\"window.__xss=1\">";
  private static final String NOTE = "<svg onload=window.__xss=2>";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static ServeCommand.Server server;
  private static Browser browser;
  private static String base;
  private static String orderId;
  private static String paymentId;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireAvailable();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    server = ServeCommand.start(new ServeConfig(DashboardBrowserTest.exampleFiles(), "127.0.0.1", 0, null,
        "memory", new StoreConfig(StoreConfig.Kind.MEMORY, null, 10)), err);
    base = "http://127.0.0.1:" + server.port();
    runAnOrderThroughPayment();
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.closeAll(browser, server);
  }

  /** Creates an order, submits it (which creates its Payment) and drives the payment to Completed. */
  private static void runAnOrderThroughPayment() throws Exception {
    orderId = call("POST", "/api/components/OrderComponent/instances", new JsonObject()
        .put("machineName", "Order")
        .put("context", new JsonObject()
            .put("orderId", ORDER_REF)
            .put("amount", 99.5)
            .put("customerId", CUSTOMER)
            .put("paymentMethod", "visa")))
        .getString("instanceId");
    send(orderId, "SUBMIT", new JsonObject().put("note", NOTE));
    // The Payment is created by a message the SUBMIT transition sends once it is recorded: after
    // the reply to SUBMIT, not before it.
    long created = System.currentTimeMillis() + 10_000;
    while ((paymentId = paymentOf(ORDER_REF)) == null) {
      assertThat(System.currentTimeMillis()).as("the payment created by SUBMIT, in time").isLessThan(created);
      Thread.sleep(20);
    }
    send(paymentId, "PROCESS", null);
    send(paymentId, "VALIDATE", null);
    send(paymentId, "COMPLETE", null);
    // PAYMENT_CONFIRMED reaches the order asynchronously, over the in-memory broker.
    long deadline = System.currentTimeMillis() + 10_000;
    while (!"Paid".equals(call("GET", "/api/instances/" + orderId, null)
        .getJsonObject("instance").getString("currentState"))) {
      assertThat(System.currentTimeMillis()).as("order paid in time").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** The id of the Payment of order {@code orderRef}, or null while there is none. */
  private static String paymentOf(String orderRef) throws Exception {
    JsonArray payments = call("GET", "/api/instances?component=PaymentComponent&machine=Payment", null)
        .getJsonArray("instances");
    for (int i = 0; i < payments.size(); i++) {
      JsonObject p = payments.getJsonObject(i);
      if (orderRef.equals(p.getJsonObject("context").getString("orderId"))) {
        return p.getString("id");
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

  private static void send(String instanceId, String event, JsonObject payload) throws Exception {
    JsonObject body = new JsonObject().put("type", event);
    if (payload != null) {
      body.put("payload", payload);
    }
    JsonObject r = call("POST", "/api/instances/" + instanceId + "/events", body);
    assertThat(r.getString("outcome")).as(event).isEqualTo("transitioned");
  }

  private void openOrder() {
    browser.driver.get("about:blank");
    browser.driver.get(base + "/dashboard.html#component=OrderComponent&instance=" + orderId);
    browser.await(d -> "connected".equals(browser.find("#conn").getDomAttribute("data-status")));
    browser.awaitText("#detail-state", "Paid");
    browser.await(d -> browser.find("#history").getText().contains("PAYMENT_CONFIRMED"));
    browser.await(d -> browser.driver.findElements(By.cssSelector("#flow svg.seq .seq-box")).size() == 7);
  }

  private String text(WebElement e) {
    return String.valueOf(browser.js("return arguments[0].textContent;", e));
  }

  private WebElement trailItem(String eventType) {
    return browser.driver.findElements(By.cssSelector("#history li.trail-item")).stream()
        .filter(li -> li.findElement(By.cssSelector(".event")).getText().equals(eventType))
        .findFirst().orElseThrow(() -> new AssertionError("no " + eventType + " in the audit trail"));
  }

  @Test
  void theAuditTrailAndTheFlowOfAnOrderSpanOrderAndPayment() throws Exception {
    openOrder();

    // The audit trail: newest first, each event with its state change, source, cause and flow.
    List<WebElement> items = browser.driver.findElements(By.cssSelector("#history li.trail-item"));
    assertThat(items).extracting(li -> li.findElement(By.cssSelector(".event")).getText())
        .containsExactly("PAYMENT_CONFIRMED", "SUBMIT", "INSTANCE_CREATED");
    assertThat(items).extracting(li -> li.findElement(By.cssSelector(".source")).getText())
        .containsExactly("← from PaymentComponent", "manual", "manual");
    assertThat(browser.find("#history").getText())
        .contains("→ Created", "Created → PendingPayment", "PendingPayment → Paid", "flow " + orderId.substring(0, 8));
    assertThat(browser.find("#history-note").getText()).contains("3 events", "event store");
    WebElement confirmed = trailItem("PAYMENT_CONFIRMED");
    WebElement cause = confirmed.findElement(By.cssSelector("button.cause"));
    assertThat(cause.getText()).contains("COMPLETE · Payment " + paymentId.substring(0, 8));

    // The payload opens as text: the markup sent with SUBMIT is shown, never parsed.
    WebElement submit = trailItem("SUBMIT");
    submit.findElement(By.cssSelector("details.payload summary")).click();
    browser.await(d -> submit.findElement(By.cssSelector("details.payload pre")).isDisplayed());
    assertThat(submit.findElement(By.cssSelector("details.payload pre")).getText()).contains(NOTE);
    trailItem("INSTANCE_CREATED").findElement(By.cssSelector("details.data summary")).click();
    assertThat(trailItem("INSTANCE_CREATED").findElement(By.cssSelector("details.data pre")).getText())
        .contains(ORDER_REF, CUSTOMER.replace("\"", "\\\""));

    // The flow: a lane per component/machine, arrows between the instances.
    List<WebElement> lanes = browser.driver.findElements(By.cssSelector("#flow .seq-lane"));
    assertThat(lanes).extracting(this::text).hasSize(2)
        .anySatisfy(t -> assertThat(t).contains("Order", "OrderComponent", orderId.substring(0, 8)))
        .anySatisfy(t -> assertThat(t).contains("Payment", "PaymentComponent", paymentId.substring(0, 8)));
    assertThat(text(browser.find("#flow .seq-lane.focus"))).contains("OrderComponent");
    List<WebElement> arrows = browser.driver.findElements(By.cssSelector("#flow .seq-msg.cross"));
    assertThat(arrows).extracting(this::text).contains("INSTANCE_CREATED", "PAYMENT_CONFIRMED");
    assertThat(browser.driver.findElements(By.cssSelector("#flow .seq-box")))
        .extracting(b -> text(b.findElement(By.cssSelector(".seq-event-type"))))
        .containsExactly("INSTANCE_CREATED", "SUBMIT", "INSTANCE_CREATED", "PROCESS", "VALIDATE", "COMPLETE",
            "PAYMENT_CONFIRMED");
    assertThat(text(browser.find("#flow .seq-box.focus.created .seq-move"))).isEqualTo("→ Created");
    assertThat(browser.find("#flow-note").getText()).contains("7 events", "2 instances");
    // Instance data in the diagram is text: the creation box shows the order's markup as is.
    assertThat(browser.driver.findElements(By.cssSelector("#flow .seq-box.created .seq-data")))
        .extracting(this::text).allSatisfy(t -> assertThat(t).contains("orderId: " + ORDER_REF));
    browser.screenshot("history-01-order-trail-and-flow");
    browser.js("arguments[0].scrollIntoView()", browser.find("#flow"));
    browser.screenshot("history-02-order-flow");

    // A cause outside the order's own trail is highlighted in the flow: the payment's COMPLETE.
    browser.js("arguments[0].scrollIntoView({block: 'center'})", cause);
    cause.click();
    String completeId = cause.getDomAttribute("data-cause");
    browser.await(d -> !d.findElements(By.cssSelector("#flow .seq-box.flash[data-event-id='" + completeId + "']")).isEmpty());
    assertThat(text(browser.find("#flow .seq-box.flash .seq-event-type"))).isEqualTo("COMPLETE");
    browser.js("arguments[0].scrollIntoView({block: 'center'})", browser.find("#flow .seq-box.flash"));
    browser.screenshot("history-03-cause-highlighted-in-flow");
    // A box of the order itself highlights its entry in the trail (here with the keyboard).
    WebElement submitBox = browser.driver.findElements(By.cssSelector("#flow .seq-box.focus")).stream()
        .filter(b -> text(b.findElement(By.cssSelector(".seq-event-type"))).equals("SUBMIT"))
        .findFirst().orElseThrow();
    browser.js("arguments[0].focus()", submitBox);
    submitBox.sendKeys(Keys.ENTER);
    browser.await(d -> !d.findElements(By.cssSelector("#history li.trail-item.flash")).isEmpty());
    assertThat(browser.find("#history li.trail-item.flash .event").getText()).isEqualTo("SUBMIT");

    assertNothingInjected();
  }

  @Test
  void theHistorySearchFindsTheOrderByTextAndOpensWhatItFinds() throws Exception {
    openOrder();
    // Keyboard: the tabs follow the arrow keys.
    browser.find("#tab-instances").sendKeys(Keys.ARROW_RIGHT);
    browser.await(d -> "true".equals(browser.find("#tab-history").getDomAttribute("aria-selected")));
    assertThat(browser.find("#pane-history").isDisplayed()).isTrue();
    assertThat(browser.find("#pane-instances").isDisplayed()).isFalse();
    WebElement text = browser.find("#hs-text");
    text.sendKeys("ORD-HIST-1", Keys.ENTER);
    browser.await(d -> d.findElements(By.cssSelector("#hs-results li[data-id]")).size() == 2);
    assertThat(browser.find("#hs-notice").isDisplayed()).isFalse();
    String results = browser.find("#hs-results").getText();
    assertThat(results).contains("Order", "Payment", ORDER_REF);
    browser.screenshot("history-04-search");

    // The finished Payment opens from its result, in its component.
    browser.find("#hs-results li[data-id='" + paymentId + "'] button").click();
    browser.awaitText("#detail-state", "Completed");
    assertThat(browser.find("#detail-id").getText()).isEqualTo(paymentId);
    assertThat(new Select(browser.find("#component-select")).getFirstSelectedOption().getText())
        .isEqualTo("PaymentComponent");
    browser.await(d -> d.findElements(By.cssSelector("#flow .seq-box")).size() == 7);
    assertThat(text(browser.find("#flow .seq-lane.focus"))).contains("PaymentComponent");
    assertThat(trailItem("INSTANCE_CREATED").findElement(By.cssSelector(".source")).getText())
        .isEqualTo("← from OrderComponent");
    browser.screenshot("history-05-payment-opened-from-search");

    // Narrowed to the Order machine, the order alone; Enter on the result opens it.
    new Select(browser.find("#hs-machine")).selectByVisibleText("Order");
    browser.await(d -> d.findElements(By.cssSelector("#hs-results li[data-id]")).size() == 1);
    WebElement order = browser.find("#hs-results li[data-id='" + orderId + "'] button");
    browser.js("arguments[0].focus()", order);
    order.sendKeys(Keys.ENTER);
    browser.awaitText("#detail-state", "Paid");
    assertThat(browser.find("#detail-id").getText()).isEqualTo(orderId);
    assertNothingInjected();
  }

  private void assertNothingInjected() {
    assertThat(browser.js("return typeof window.__xss;")).isEqualTo("undefined");
    assertThat(browser.driver.findElements(By.cssSelector("img[src='x'], svg[onload], script:not([src])")))
        .isEmpty();
    assertThat(browser.js("return [...document.querySelectorAll('b')].some(b => b.textContent === 'ORD-HIST-1');"))
        .isEqualTo(false);
  }
}
