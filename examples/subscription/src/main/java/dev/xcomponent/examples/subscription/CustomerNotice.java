package dev.xcomponent.examples.subscription;

import dev.xcomponent.port.BusinessHandler;
import dev.xcomponent.port.HookCall;
import io.vertx.core.Future;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The {@code notifyCustomer} hook (on entry of PastDue, Cancelled and Expired): logs the message a
 * real service would e-mail to the customer, and always succeeds.
 */
final class CustomerNotice implements BusinessHandler {
  /** The method name used in {@code subscription-component.yaml}. */
  static final String METHOD = "notifyCustomer";

  private static final Logger LOG = System.getLogger(CustomerNotice.class.getName());

  @Override
  public Future<Void> handle(HookCall call) {
    LOG.log(Level.INFO, "to {0}: {1}", call.data().get("customerId"), message(call));
    return Future.succeededFuture();
  }

  /** The text of the notice for the state the subscription entered. */
  static String message(HookCall call) {
    Object id = call.data().get("subscriptionId");
    switch (call.state()) {
      case "PastDue":
        return "payment for subscription " + id + " failed (" + call.data().get("failureReason")
            + "), attempt " + call.data().get("attempt") + " of " + call.data().get("maxAttempts")
            + "; we will try again";
      case "Cancelled":
        return "subscription " + id + " is cancelled";
      case "Expired":
        return "subscription " + id + " has ended: the last payment attempt failed ("
            + call.data().get("failureReason") + ")";
      default:
        return "subscription " + id + " is now " + call.state();
    }
  }
}
