package dev.xcomponent.examples.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.examples.testkit.ExampleRuntime;
import dev.xcomponent.port.BroadcastResult;
import dev.xcomponent.port.EventOutcome;
import dev.xcomponent.port.InstanceView;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both component files end to end on the real runtime, in one process over the in-memory broker,
 * with the plugin found by ServiceLoader and every timeout divided by {@link
 * ExampleRuntime#TIME_SCALE}: a trial lasts 300 ms, a paid period 400 ms, a retry waits 200 ms and
 * the gateway has 200 ms to answer.
 */
class SubscriptionFlowTest {
  private static final String SUBSCRIPTIONS = "SubscriptionComponent";
  private static final String BILLING = "BillingComponent";

  private ExampleRuntime rt;

  @BeforeEach
  void start() throws Exception {
    rt = ExampleRuntime.start("subscription-component.yaml", "billing-component.yaml");
  }

  @AfterEach
  void stop() throws Exception {
    rt.close();
  }

  @Test
  void trialBecomesAPaidSubscriptionThatRenewsEachPeriodUntilCancelled() throws Exception {
    String sub = subscribe("SUB-1", "basic", 10, "card_ok");

    InstanceView active = rt.awaitState(sub, "Active");
    InstanceView charge = charges("SUB-1").get(0);
    assertThat(charge.currentState()).isEqualTo("Captured");
    assertThat(charge.finished()).isTrue();
    assertThat(charge.data())
        .containsEntry("amount", 10)
        .containsEntry("attempt", 1)
        .containsEntry("period", 1)
        .containsEntry("customerId", "cust-SUB-1")
        .containsEntry("chargeId", charge.id());
    assertThat(active.data())
        .containsEntry("periodsPaid", 1)
        .containsEntry("attempt", 0)
        .containsEntry("paidAmount", 10)
        .containsEntry("lastChargeId", charge.id());

    // 400 ms later the next period is charged and paid.
    rt.awaitView(sub, v -> "Active".equals(v.currentState()) && count(v, "periodsPaid") >= 2, "a second paid period");
    assertThat(charges("SUB-1")).extracting(v -> v.data().get("period")).startsWith(1, 2);

    cancelWhen(sub, "Active");
    InstanceView cancelled = rt.awaitState(sub, "Cancelled");
    assertThat(cancelled.status()).isEqualTo("completed");
  }

  @Test
  void declinedPaymentsAreRetriedThenTheSubscriptionExpires() throws Exception {
    long start = System.nanoTime();
    String sub = subscribe("SUB-2", "pro", 20, "card_declined");

    InstanceView pastDue = rt.awaitState(sub, "PastDue");
    assertThat(pastDue.data()).containsEntry("attempt", 1).containsEntry("failureReason", "card declined");

    InstanceView expired = rt.awaitState(sub, "Expired");
    // Trial 300 ms, then two retries 200 ms apart.
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(650L, 4_000L);
    assertThat(expired.status()).isEqualTo("completed");
    assertThat(expired.data())
        .containsEntry("attempt", 3)
        .containsEntry("maxAttempts", 3)
        .containsEntry("failureReason", "card declined")
        .doesNotContainKey("periodsPaid");
    List<InstanceView> charges = charges("SUB-2");
    assertThat(charges).extracting(InstanceView::currentState).containsExactly("Declined", "Declined", "Declined");
    assertThat(charges).extracting(v -> v.data().get("attempt")).containsExactly(1, 2, 3);
    assertThat(expired.data()).containsEntry("lastChargeId", charges.get(2).id());
  }

  @Test
  void flakyCardIsPaidOnTheRetry() throws Exception {
    String sub = subscribe("SUB-3", "basic", 10, "card_flaky");

    assertThat(rt.awaitState(sub, "PastDue").data()).containsEntry("failureReason", "insufficient funds");
    InstanceView active = rt.awaitState(sub, "Active");

    assertThat(active.data())
        .containsEntry("periodsPaid", 1)
        .containsEntry("attempt", 0)
        .doesNotContainKey("failureReason");
    assertThat(charges("SUB-3"))
        .extracting(InstanceView::currentState, v -> v.data().get("attempt"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Declined", 1), org.assertj.core.groups.Tuple.tuple("Captured", 2));
  }

  @Test
  void unansweredChargeTimesOutAndANewPaymentMethodRecovers() throws Exception {
    String sub = subscribe("SUB-4", "basic", 10, "card_unreachable");

    InstanceView pastDue = rt.awaitState(sub, "PastDue");
    InstanceView timedOut = charges("SUB-4").get(0);
    assertThat(timedOut.currentState()).isEqualTo("TimedOut");
    assertThat(timedOut.status()).isEqualTo("error");
    // Reported by the cascading rule of TimedOut.
    assertThat(pastDue.data())
        .containsEntry("failureReason", "payment gateway did not answer")
        .containsEntry("lastChargeId", timedOut.id());

    EventOutcome retried = rt.send(sub, "UPDATE_PAYMENT_METHOD", Map.of("paymentMethod", "card_ok"));
    assertThat(retried.currentState()).isEqualTo("PaymentDue");
    InstanceView active = rt.awaitState(sub, "Active");

    assertThat(active.data()).containsEntry("paymentMethod", "card_ok").containsEntry("periodsPaid", 1);
    assertThat(charges("SUB-4").get(1).data()).containsEntry("paymentMethod", "card_ok").containsEntry("attempt", 2);
  }

  @Test
  void paymentOutcomesReachOnlyTheSubscriptionTheyAreFor() throws Exception {
    String declined = subscribe("SUB-A", "basic", 10, "card_declined");
    String paid = subscribe("SUB-B", "basic", 10, "card_ok");

    InstanceView pastDue = rt.awaitState(declined, "PastDue");
    InstanceView active = rt.awaitState(paid, "Active");

    assertThat(pastDue.data()).doesNotContainKeys("paidAmount", "periodsPaid");
    assertThat(pastDue.data().get("lastChargeId")).isEqualTo(charges("SUB-A").get(0).id());
    assertThat(active.data()).doesNotContainKey("failureReason");
    assertThat(active.data().get("lastChargeId")).isEqualTo(charges("SUB-B").get(0).id());
  }

  @Test
  void priceChangeBroadcastReachesOnlyTheSubscriptionsOfThatPlan() throws Exception {
    String pro1 = subscribe("SUB-P1", "pro", 20, "card_ok");
    String pro2 = subscribe("SUB-P2", "pro", 20, "card_ok");
    String basic = subscribe("SUB-B1", "basic", 10, "card_ok");

    BroadcastResult result =
        rt.broadcast(SUBSCRIPTIONS, "Subscription", "PRICE_CHANGE", Map.of("plan", "pro", "newPrice", 25));

    assertThat(result).isEqualTo(new BroadcastResult(2, 2));
    assertThat(rt.view(pro1).data()).containsEntry("price", 25).containsEntry("previousPrice", 20);
    assertThat(rt.view(pro2).data()).containsEntry("price", 25);
    assertThat(rt.view(basic).data()).containsEntry("price", 10).doesNotContainKey("previousPrice");
    // The next charges use the new price.
    rt.awaitState(pro1, "Active");
    rt.awaitState(basic, "Active");
    assertThat(charges("SUB-P1").get(0).data()).containsEntry("amount", 25);
    assertThat(charges("SUB-B1").get(0).data()).containsEntry("amount", 10);
  }

  @Test
  void priceChangesDoNotExtendTheTrial() throws Exception {
    long start = System.nanoTime();
    String sub = subscribe("SUB-T", "pro", 20, "card_ok");
    int price = 20;
    // A price change every 50 ms for up to 3 s: had it restarted the 300 ms trial timer, the trial
    // would not end while they go on.
    while ("Trial".equals(rt.state(sub)) && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3)) {
      rt.broadcast(SUBSCRIPTIONS, "Subscription", "PRICE_CHANGE", Map.of("plan", "pro", "newPrice", ++price));
      Thread.sleep(50);
    }
    rt.awaitState(sub, "PaymentDue", "Active");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
  }

  private String subscribe(String subscriptionId, String plan, int price, String paymentMethod) throws Exception {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("subscriptionId", subscriptionId);
    data.put("customerId", "cust-" + subscriptionId);
    data.put("plan", plan);
    data.put("price", price);
    data.put("paymentMethod", paymentMethod);
    InstanceView created = rt.create(SUBSCRIPTIONS, "Subscription", data);
    assertThat(created.currentState()).isEqualTo("Trial");
    return created.id();
  }

  /** The charges of a subscription, live or finished, in the order they were made. */
  private List<InstanceView> charges(String subscriptionId) throws InterruptedException {
    return ExampleRuntime.await(
        () -> {
          List<InstanceView> found =
              rt.instances(BILLING, "Charge").stream()
                  .filter(v -> subscriptionId.equals(v.data().get("subscriptionId")))
                  .sorted(Comparator.comparingLong(InstanceView::createdAt).thenComparing(v -> count(v, "attempt")))
                  .toList();
          return found.isEmpty() ? Optional.empty() : Optional.of(found);
        },
        () -> "a charge of " + subscriptionId);
  }

  /** Sends CANCEL once the subscription is in {@code state} (a renewal may be under way). */
  private void cancelWhen(String sub, String state) throws Exception {
    ExampleRuntime.await(
        () -> {
          try {
            return state.equals(rt.state(sub)) && rt.send(sub, "CANCEL").transitioned()
                ? Optional.of(true)
                : Optional.empty();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        () -> "cancelling " + sub);
  }

  private static int count(InstanceView v, String key) {
    return v.data().get(key) instanceof Number n ? n.intValue() : 0;
  }
}
