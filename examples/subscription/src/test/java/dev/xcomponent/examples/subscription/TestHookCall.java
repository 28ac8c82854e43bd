package dev.xcomponent.examples.subscription;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.HookCall;
import dev.xcomponent.port.HookKind;
import dev.xcomponent.port.Sender;
import java.util.HashMap;
import java.util.Map;

/** Test double of a hook invocation. */
record TestHookCall(
    HookKind kind,
    String method,
    String componentName,
    String machineName,
    String instanceId,
    String state,
    Event event,
    Map<String, Object> data,
    Sender sender)
    implements HookCall {

  /** A call of {@code method} on a Subscription in {@code state} holding {@code data}. */
  static TestHookCall subscription(
      HookKind kind, String method, String state, Event event, Map<String, Object> data, Sender sender) {
    return new TestHookCall(
        kind, method, "SubscriptionComponent", "Subscription", "sub-1", state, event, new HashMap<>(data), sender);
  }

  /** The {@code chargeCard} call of a new Charge holding {@code data}. */
  static TestHookCall charge(Map<String, Object> data, Sender sender) {
    return new TestHookCall(
        HookKind.TRIGGERED, PaymentGateway.METHOD, "BillingComponent", "Charge", "charge-1", "Created",
        Event.of("CHARGE", Map.of("reason", "auto-transition"), 1L), new HashMap<>(data), sender);
  }
}
