package dev.xcomponent.examples.subscription;

import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import java.util.function.LongSupplier;

/**
 * The plugin entry point, found by the runtime through {@code
 * META-INF/services/dev.xcomponent.port.HandlerProvider}: binds every method name used in {@code
 * subscription-component.yaml} and {@code billing-component.yaml} to its business code.
 */
public final class SubscriptionHandlers implements HandlerProvider {
  private final LongSupplier clock;

  /** The provider the runtime instantiates, stamping records and events with the system clock. */
  public SubscriptionHandlers() {
    this(System::currentTimeMillis);
  }

  /** A provider stamping what it records and sends with {@code clock} (epoch milliseconds). */
  SubscriptionHandlers(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public void register(HandlerRegistry registry) {
    SubscriptionHooks hooks = new SubscriptionHooks(clock);
    registry.register(SubscriptionHooks.REQUEST_CHARGE, hooks::requestCharge);
    registry.register(SubscriptionHooks.START_PERIOD, hooks::startPeriod);
    registry.register(SubscriptionHooks.APPLY_PRICE_CHANGE, hooks::applyPriceChange);
    registry.register(SubscriptionHooks.RECORD_FAILURE, hooks::recordFailure);
    registry.register(CustomerNotice.METHOD, new CustomerNotice());
    registry.register(PaymentGateway.METHOD, new PaymentGateway(clock));
  }
}
