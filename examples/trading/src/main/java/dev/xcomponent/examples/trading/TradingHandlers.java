package dev.xcomponent.examples.trading;

import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The plugin entry point, found by the runtime through {@code
 * META-INF/services/dev.xcomponent.port.HandlerProvider}: binds every method name used in {@code
 * trading-component.yaml} to its business code.
 */
public final class TradingHandlers implements HandlerProvider {
  /** The onEntry hooks; each only logs the step. */
  static final List<String> LOG_HOOKS =
      List.of("logOrderWorking", "logOrderFilled", "logOrderClosed", "logTradeSettled", "logTradeFailed");

  private final LongSupplier clock;

  /** The provider the runtime instantiates, stamping events and fills with the system clock. */
  public TradingHandlers() {
    this(System::currentTimeMillis);
  }

  /** A provider stamping what it records and sends with {@code clock} (epoch milliseconds). */
  TradingHandlers(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public void register(HandlerRegistry registry) {
    registry.register(RiskCheck.METHOD, new RiskCheck(clock));
    registry.register(OrderHooks.RECORD_FILL, OrderHooks.recordFill(clock));
    registry.register(OrderHooks.APPLY_AMENDMENT, OrderHooks.applyAmendment());
    for (String hook : LOG_HOOKS) {
      registry.register(hook, new DeskLog(hook));
    }
  }
}
