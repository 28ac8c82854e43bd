package dev.xcomponent.examples.subscription;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.BusinessHandler;
import dev.xcomponent.port.HookCall;
import io.vertx.core.Future;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@code chargeCard} hook of a Charge: a simulated payment gateway, driven by the payment
 * method, so every path of the example can be tried by hand.
 *
 * <ul>
 *   <li>{@code card_ok}: CAPTURED;
 *   <li>{@code card_declined}: DECLINED with the reason {@code card declined};
 *   <li>{@code card_flaky}: DECLINED ({@code insufficient funds}) on the first attempt of a period,
 *       CAPTURED on the next ones;
 *   <li>{@code card_unreachable}: no answer, so the charge times out;
 *   <li>anything else: DECLINED with the reason {@code unknown payment method: ...}.
 * </ul>
 *
 * <p>The charge's own instance id becomes its {@code chargeId}, which the subscription keeps as
 * {@code lastChargeId}.
 */
final class PaymentGateway implements BusinessHandler {
  /** The method name used in {@code billing-component.yaml}. */
  static final String METHOD = "chargeCard";

  private final LongSupplier clock;

  PaymentGateway(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public Future<Void> handle(HookCall call) {
    Map<String, Object> data = call.data();
    data.put("chargeId", call.instanceId());
    Object method = data.get("paymentMethod");
    long now = clock.getAsLong();
    if ("card_ok".equals(method)) {
      call.sender().sendToSelf(Event.of("CAPTURED", Map.of(), now));
    } else if ("card_flaky".equals(method)) {
      if (SubscriptionHooks.count(data.get("attempt")) <= 1) {
        call.sender().sendToSelf(Event.of("DECLINED", Map.of("reason", "insufficient funds"), now));
      } else {
        call.sender().sendToSelf(Event.of("CAPTURED", Map.of(), now));
      }
    } else if ("card_declined".equals(method)) {
      call.sender().sendToSelf(Event.of("DECLINED", Map.of("reason", "card declined"), now));
    } else if (!"card_unreachable".equals(method)) {
      call.sender().sendToSelf(Event.of("DECLINED", Map.of("reason", "unknown payment method: " + method), now));
    }
    return Future.succeededFuture();
  }
}
