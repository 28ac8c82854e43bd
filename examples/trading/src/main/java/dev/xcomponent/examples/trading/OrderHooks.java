package dev.xcomponent.examples.trading;

import dev.xcomponent.port.BusinessHandler;
import io.vertx.core.Future;
import java.util.function.LongSupplier;

/** The hooks of a working order: a fill and an amendment of its limit. */
final class OrderHooks {
  /** Method name of the fill hook. */
  static final String RECORD_FILL = "recordFill";

  /** Method name of the amendment hook. */
  static final String APPLY_AMENDMENT = "applyAmendment";

  private OrderHooks() {}

  /**
   * {@code recordFill}: keeps the execution price and time on the order. The fill transitions have
   * matching rules, so the price event's payload is not merged into the order by itself.
   */
  static BusinessHandler recordFill(LongSupplier clock) {
    return call -> {
      call.data().put("executionPrice", call.event().payload().get("price"));
      call.data().put("filledAt", clock.getAsLong());
      return Future.succeededFuture();
    };
  }

  /**
   * {@code applyAmendment}: a new {@code limitPrice} from the payload, with the routing field of the
   * order's side updated with it. An invalid price fails the hook; the component aborts on hook
   * errors, so the order stays as it was and the caller gets the error.
   */
  static BusinessHandler applyAmendment() {
    return call -> {
      Object requested = call.event().payload().get("limitPrice");
      Double limit = Limits.positive(requested);
      if (limit == null) {
        return Future.failedFuture("limitPrice must be a positive number, not " + requested);
      }
      String side = Limits.side(call.data().get("side"));
      if (side == null) {
        return Future.failedFuture("the order has no valid side");
      }
      Limits.apply(call.data(), side, limit);
      Double quantity = Limits.positive(call.data().get("quantity"));
      if (quantity != null) {
        call.data().put("notional", limit * quantity);
      }
      return Future.succeededFuture();
    };
  }
}
