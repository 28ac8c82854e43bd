package dev.xcomponent.examples.orderpayment;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.BusinessHandler;
import dev.xcomponent.port.HookCall;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The {@code checkPaymentMethod} hook of the Payment {@code PROCESS} transition.
 *
 * <p>Cards the shop accepts (visa, mastercard, cb, in any letter case) are validated half a second
 * later, standing in for a call to a payment provider; any other method, or none, rejects the
 * payment at once with a reason naming it.
 */
final class PaymentMethodCheck implements BusinessHandler {
  /** The method name used in {@code payment-component.yaml}. */
  static final String METHOD = "checkPaymentMethod";

  /** Simulated time a payment provider takes to accept a card. */
  static final long VALIDATION_DELAY_MS = 500;

  private static final Set<String> ACCEPTED = Set.of("visa", "mastercard", "cb");

  private final LongSupplier clock;

  PaymentMethodCheck(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public Future<Void> handle(HookCall call) {
    Object method = call.data().get("paymentMethod");
    long now = clock.getAsLong();
    if (method instanceof String name && ACCEPTED.contains(name.toLowerCase(Locale.ROOT))) {
      call.sender().sendToSelfLater(Event.of("VALIDATE", Map.of(), now), VALIDATION_DELAY_MS);
    } else {
      String shown = method == null || "".equals(method) ? "none" : String.valueOf(method);
      call.sender()
          .sendToSelf(
              Event.of("REJECT", Map.of("reason", "Unsupported payment method: " + shown), now));
    }
    return Future.succeededFuture();
  }
}
