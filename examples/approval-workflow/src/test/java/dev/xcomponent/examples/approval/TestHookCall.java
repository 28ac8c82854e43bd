package dev.xcomponent.examples.approval;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.HookCall;
import dev.xcomponent.port.HookKind;
import dev.xcomponent.port.Sender;
import java.util.HashMap;
import java.util.Map;

/** Test double of a hook invocation on an ApprovalRequest instance. */
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

  /** A triggered-method call of {@code method} for {@code event} on a request holding {@code data}. */
  static TestHookCall triggered(String method, String state, Event event, Map<String, Object> data, Sender sender) {
    return new TestHookCall(
        HookKind.TRIGGERED, method, "ApprovalComponent", "ApprovalRequest", "request-1", state, event, new HashMap<>(data), sender);
  }
}
