package dev.xcomponent.examples.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.examples.testkit.RecordingSender;
import dev.xcomponent.examples.testkit.TestHookCall;
import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.HookKind;
import dev.xcomponent.port.Sender;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SubscriptionHandlersTest {
  private static final Pattern HOOK =
      Pattern.compile("^\\s*(?:onEntry|onExit|triggeredMethod):\\s*(\\w+)\\s*$", Pattern.MULTILINE);

  private final HandlerRegistry registry = new HandlerRegistry();
  private final RecordingSender sender = new RecordingSender();

  SubscriptionHandlersTest() {
    new SubscriptionHandlers(() -> 7L).register(registry);
  }

  @Test
  void serviceLoaderFindsTheProvider() {
    List<HandlerProvider> providers =
        ServiceLoader.load(HandlerProvider.class).stream().map(ServiceLoader.Provider::get).toList();

    assertThat(providers).hasExactlyElementsOfTypes(SubscriptionHandlers.class);
  }

  @Test
  void registersExactlyTheMethodsTheTwoComponentFilesName() throws IOException {
    Set<String> named = new TreeSet<>();
    for (String file : List.of("subscription-component.yaml", "billing-component.yaml")) {
      Matcher m = HOOK.matcher(Files.readString(Path.of(file)));
      while (m.find()) {
        named.add(m.group(1));
      }
    }

    assertThat(registry.methods()).containsExactlyInAnyOrderElementsOf(named);
  }

  @Test
  void requestChargeCountsTheAttemptAndCreatesAChargeInBilling() {
    Map<String, Object> sub =
        Map.of("subscriptionId", "S-1", "customerId", "c", "price", 12, "paymentMethod", "card_ok", "periodsPaid", 2);
    TestHookCall call = entry(SubscriptionHooks.REQUEST_CHARGE, "PaymentDue", "RENEWAL_DUE", sub);

    assertThat(run(call).succeeded()).isTrue();

    assertThat(call.data()).containsEntry("attempt", 1).containsEntry("maxAttempts", 3).containsEntry("chargeRequestedAt", 7L);
    assertThat(sender.created())
        .containsExactly(
            new RecordingSender.Created(
                "BillingComponent", "Charge",
                Map.of("subscriptionId", "S-1", "customerId", "c", "amount", 12, "paymentMethod", "card_ok", "attempt", 1, "period", 3)));
  }

  @Test
  void startPeriodCountsThePeriodAndClearsTheFailure() {
    TestHookCall call =
        entry(SubscriptionHooks.START_PERIOD, "Active", "PAYMENT_SUCCEEDED",
            Map.of("attempt", 2, "failureReason", "card declined", "periodsPaid", 1));

    run(call);

    assertThat(call.data()).containsEntry("periodsPaid", 2).containsEntry("attempt", 0).doesNotContainKey("failureReason");
  }

  @Test
  void priceChangeNeedsAPositiveNewPrice() {
    TestHookCall ok =
        subscription(
            HookKind.TRIGGERED, SubscriptionHooks.APPLY_PRICE_CHANGE, "Active",
            Event.of("PRICE_CHANGE", Map.of("plan", "pro", "newPrice", 30), 1L), Map.of("price", 20), sender);
    assertThat(run(ok).succeeded()).isTrue();
    assertThat(ok.data()).containsEntry("price", 30).containsEntry("previousPrice", 20);

    TestHookCall bad =
        subscription(
            HookKind.TRIGGERED, SubscriptionHooks.APPLY_PRICE_CHANGE, "Active",
            Event.of("PRICE_CHANGE", Map.of("plan", "pro"), 1L), Map.of("price", 20), sender);
    assertThat(run(bad).cause()).hasMessage("newPrice must be a positive number, not null");
  }

  @Test
  void gatewayAnswersAccordingToThePaymentMethod() {
    assertThat(gateway("card_ok", 1)).isEqualTo(Map.of("CAPTURED", Map.of()));
    assertThat(gateway("card_declined", 1)).isEqualTo(Map.of("DECLINED", Map.of("reason", "card declined")));
    assertThat(gateway("card_flaky", 1)).isEqualTo(Map.of("DECLINED", Map.of("reason", "insufficient funds")));
    assertThat(gateway("card_flaky", 2)).isEqualTo(Map.of("CAPTURED", Map.of()));
    assertThat(gateway("card_unreachable", 1)).isEmpty();
    assertThat(gateway("iou", 1)).isEqualTo(Map.of("DECLINED", Map.of("reason", "unknown payment method: iou")));
  }

  @Test
  void notifyCustomerSucceedsForEveryState() {
    for (String state : List.of("PastDue", "Cancelled", "Expired")) {
      TestHookCall call =
          entry(CustomerNotice.METHOD, state, "CANCEL", Map.of("subscriptionId", "S-1", "customerId", "c"));
      assertThat(run(call).succeeded()).as(state).isTrue();
      assertThat(CustomerNotice.message(call)).as(state).contains("S-1");
    }
    assertThat(sender.sent()).isEmpty();
    assertThat(sender.sentLater()).isEmpty();
  }

  /** What the gateway sends to the charge, as type to payload. */
  private Map<String, Object> gateway(String method, int attempt) {
    sender.clear();
    TestHookCall call = charge(Map.of("paymentMethod", method, "attempt", attempt), sender);
    assertThat(run(call).succeeded()).isTrue();
    assertThat(call.data()).containsEntry("chargeId", "charge-1");
    Map<String, Object> out = new HashMap<>();
    sender.sent().forEach(e -> out.put(e.type(), e.payload()));
    return out;
  }

  private TestHookCall entry(String method, String state, String event, Map<String, Object> data) {
    return subscription(HookKind.ENTRY, method, state, Event.of(event, Map.of(), 1L), data, sender);
  }

  private Future<Void> run(TestHookCall call) {
    return registry.get(call.method()).handle(call);
  }

  /** A call of {@code method} on a Subscription in {@code state} holding {@code data}. */
  private static TestHookCall subscription(
      HookKind kind, String method, String state, Event event, Map<String, Object> data, Sender sender) {
    return new TestHookCall(
        kind, method, "SubscriptionComponent", "Subscription", "sub-1", state, event, new HashMap<>(data), sender);
  }

  /** The {@code chargeCard} call of a new Charge holding {@code data}. */
  private static TestHookCall charge(Map<String, Object> data, Sender sender) {
    return new TestHookCall(
        HookKind.TRIGGERED, PaymentGateway.METHOD, "BillingComponent", "Charge", "charge-1", "Created",
        Event.of("CHARGE", Map.of("reason", "auto-transition"), 1L), new HashMap<>(data), sender);
  }
}
