package dev.xcomponent.examples.trading;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.BusinessHandler;
import dev.xcomponent.port.HookCall;
import io.vertx.core.Future;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@code checkRiskLimits} hook of the Order {@code SUBMIT} transition.
 *
 * <p>An order needs a symbol, a side (BUY or SELL, any letter case), a positive limit price and a
 * positive quantity, and its notional (price × quantity) may not exceed {@link #MAX_NOTIONAL}.
 * An accepted order gets its side in upper case, its notional, and the routing field of its side
 * ({@link Limits}); the hook then sends {@code ACCEPT} to the order. Otherwise it sends {@code
 * REJECT} with a {@code reason}. The verdict travels as an event so that it is recorded.
 */
final class RiskCheck implements BusinessHandler {
  /** The method name used in {@code trading-component.yaml}. */
  static final String METHOD = "checkRiskLimits";

  /** The largest notional one order may carry. */
  static final double MAX_NOTIONAL = 1_000_000;

  private final LongSupplier clock;

  RiskCheck(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public Future<Void> handle(HookCall call) {
    Map<String, Object> data = call.data();
    String problem = null;
    String side = Limits.side(data.get("side"));
    Double price = Limits.positive(data.get("limitPrice"));
    Double quantity = Limits.positive(data.get("quantity"));
    if (!(data.get("symbol") instanceof String symbol) || symbol.isBlank()) {
      problem = "missing symbol";
    } else if (side == null) {
      problem = "side must be BUY or SELL, not " + data.get("side");
    } else if (price == null) {
      problem = "limitPrice must be a positive number, not " + data.get("limitPrice");
    } else if (quantity == null) {
      problem = "quantity must be a positive number, not " + data.get("quantity");
    } else if (price * quantity > MAX_NOTIONAL) {
      problem = "notional " + price * quantity + " exceeds the limit of " + MAX_NOTIONAL;
    }
    long now = clock.getAsLong();
    if (problem != null) {
      call.sender().sendToSelf(Event.of("REJECT", Map.of("reason", problem), now));
      return Future.succeededFuture();
    }
    data.put("side", side);
    data.put("notional", price * quantity);
    Limits.apply(data, side, price);
    call.sender().sendToSelf(Event.of("ACCEPT", Map.of(), now));
    return Future.succeededFuture();
  }
}
