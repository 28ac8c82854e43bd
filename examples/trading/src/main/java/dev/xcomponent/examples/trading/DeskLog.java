package dev.xcomponent.examples.trading;

import dev.xcomponent.port.BusinessHandler;
import dev.xcomponent.port.HookCall;
import io.vertx.core.Future;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * An onEntry hook that writes one line per step of an order or a trade to the runtime's log and
 * always succeeds. A real desk would update a blotter or notify the trader here.
 */
final class DeskLog implements BusinessHandler {
  private static final Logger LOG = System.getLogger(DeskLog.class.getName());

  private final String hook;

  DeskLog(String hook) {
    this.hook = hook;
  }

  @Override
  public Future<Void> handle(HookCall call) {
    LOG.log(
        Level.INFO,
        "{0}: {1} {2} order={3} symbol={4} state={5}",
        hook,
        call.machineName(),
        call.instanceId(),
        call.data().get("orderId"),
        call.data().get("symbol"),
        call.state());
    return Future.succeededFuture();
  }
}
