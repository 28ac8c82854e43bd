package dev.xcomponent.examples.orderpayment;

import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The plugin entry point, found by the runtime through {@code
 * META-INF/services/dev.xcomponent.port.HandlerProvider}: binds the method names used in {@code
 * order-component.yaml} and {@code payment-component.yaml} to their business code.
 */
public final class OrderPaymentHandlers implements HandlerProvider {
  /** The onEntry hooks of both components; each only logs the step. */
  static final List<String> ENTRY_HOOKS =
      List.of(
          "notifyPaymentPending",
          "notifyPaymentReceived",
          "notifyShipped",
          "notifyDelivered",
          "notifyCancelled",
          "logProcessingStarted",
          "notifyPaymentSuccess",
          "notifyPaymentFailure");

  private final LongSupplier clock;

  /** The provider the runtime instantiates, stamping events with the system clock. */
  public OrderPaymentHandlers() {
    this(System::currentTimeMillis);
  }

  /** A provider stamping the events it sends with {@code clock} (epoch milliseconds). */
  OrderPaymentHandlers(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public void register(HandlerRegistry registry) {
    registry.register(PaymentMethodCheck.METHOD, new PaymentMethodCheck(clock));
    for (String hook : ENTRY_HOOKS) {
      registry.register(hook, new StepLogger(hook));
    }
  }
}
