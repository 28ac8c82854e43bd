package dev.xcomponent.examples.orderpayment;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.HookCall;
import dev.xcomponent.port.HookKind;
import dev.xcomponent.port.Sender;
import java.util.HashMap;
import java.util.Map;

/** Test double of a hook invocation on a Payment instance. */
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

  /** The {@code checkPaymentMethod} call of a {@code PROCESS} event on a payment with {@code data}. */
  static TestHookCall process(Map<String, Object> data, Sender sender) {
    return new TestHookCall(
        HookKind.TRIGGERED,
        PaymentMethodCheck.METHOD,
        "PaymentComponent",
        "Payment",
        "payment-1",
        "Pending",
        Event.of("PROCESS", Map.of(), 1_000L),
        new HashMap<>(data),
        sender);
  }
}
