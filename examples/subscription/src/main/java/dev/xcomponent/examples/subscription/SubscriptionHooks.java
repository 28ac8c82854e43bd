package dev.xcomponent.examples.subscription;

import dev.xcomponent.port.HookCall;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** The business code of a Subscription. */
final class SubscriptionHooks {
  static final String REQUEST_CHARGE = "requestCharge";
  static final String START_PERIOD = "startPeriod";
  static final String APPLY_PRICE_CHANGE = "applyPriceChange";
  static final String RECORD_FAILURE = "recordFailure";

  /** The component and machine that take charges. */
  static final String BILLING = "BillingComponent";

  static final String CHARGE = "Charge";

  /** Payment attempts per period when the subscription does not say. */
  static final int DEFAULT_MAX_ATTEMPTS = 3;

  private final LongSupplier clock;

  SubscriptionHooks(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * {@code requestCharge} (on entry of PaymentDue): counts the attempt and creates a Charge for the
   * current price in BillingComponent. The Charge exists once this transition is recorded; its
   * outcome comes back as PAYMENT_SUCCEEDED or PAYMENT_FAILED, routed on the subscriptionId.
   */
  Future<Void> requestCharge(HookCall call) {
    Map<String, Object> data = call.data();
    int attempt = count(data.get("attempt")) + 1;
    data.put("attempt", attempt);
    if (!(data.get("maxAttempts") instanceof Number)) {
      data.put("maxAttempts", DEFAULT_MAX_ATTEMPTS);
    }
    Map<String, Object> charge = new LinkedHashMap<>();
    charge.put("subscriptionId", data.get("subscriptionId"));
    charge.put("customerId", data.get("customerId"));
    charge.put("amount", data.get("price"));
    charge.put("paymentMethod", data.get("paymentMethod"));
    charge.put("attempt", attempt);
    charge.put("period", count(data.get("periodsPaid")) + 1);
    call.sender().createInstanceInComponent(BILLING, CHARGE, charge);
    data.put("chargeRequestedAt", clock.getAsLong());
    return Future.succeededFuture();
  }

  /**
   * {@code startPeriod} (on entry of Active): one more paid period; the attempt count and the last
   * failure are cleared.
   */
  Future<Void> startPeriod(HookCall call) {
    Map<String, Object> data = call.data();
    data.put("periodsPaid", count(data.get("periodsPaid")) + 1);
    data.put("attempt", 0);
    data.put("periodStartedAt", clock.getAsLong());
    data.remove("failureReason");
    return Future.succeededFuture();
  }

  /**
   * {@code applyPriceChange} (PRICE_CHANGE, payload {@code plan} and {@code newPrice}): the price
   * of the next charges. The transition has matching rules, so the payload is not merged by itself.
   */
  Future<Void> applyPriceChange(HookCall call) {
    Object newPrice = call.event().payload().get("newPrice");
    if (!(newPrice instanceof Number n) || !(n.doubleValue() > 0)) {
      return Future.failedFuture("newPrice must be a positive number, not " + newPrice);
    }
    call.data().put("previousPrice", call.data().get("price"));
    call.data().put("price", newPrice);
    return Future.succeededFuture();
  }

  /**
   * {@code recordFailure} (the PAYMENT_FAILED that ends the subscription): keeps the reason and the
   * charge of the last failure, which that transition does not merge by itself (it has rules).
   */
  Future<Void> recordFailure(HookCall call) {
    Map<String, Object> payload = call.event().payload();
    for (String key : new String[] {"failureReason", "lastChargeId"}) {
      if (payload.containsKey(key)) {
        call.data().put(key, payload.get(key));
      }
    }
    return Future.succeededFuture();
  }

  static int count(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
