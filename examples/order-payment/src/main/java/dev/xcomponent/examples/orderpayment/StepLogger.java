package dev.xcomponent.examples.orderpayment;

import dev.xcomponent.port.BusinessHandler;
import dev.xcomponent.port.HookCall;
import io.vertx.core.Future;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * An onEntry hook that records a step of an order or a payment in the log and always succeeds. A
 * real shop would send an e-mail or update another system here.
 */
final class StepLogger implements BusinessHandler {
  private static final Logger LOG = System.getLogger(StepLogger.class.getName());

  private final String hook;

  StepLogger(String hook) {
    this.hook = hook;
  }

  @Override
  public Future<Void> handle(HookCall call) {
    LOG.log(
        Level.INFO,
        "{0}: component={1} instance={2} state={3} orderId={4}",
        hook,
        call.componentName(),
        call.instanceId(),
        call.state(),
        call.data().get("orderId"));
    return Future.succeededFuture();
  }
}
