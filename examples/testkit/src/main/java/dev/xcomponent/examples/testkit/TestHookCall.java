package dev.xcomponent.examples.testkit;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.HookCall;
import dev.xcomponent.port.HookKind;
import dev.xcomponent.port.Sender;
import java.util.Map;

/**
 * Test double of a hook invocation: the call a handler under test receives, with exactly the
 * values given. Pass a mutable {@code data} map when the handler is expected to change it.
 */
public record TestHookCall(
    HookKind kind,
    String method,
    String componentName,
    String machineName,
    String instanceId,
    String state,
    Event event,
    Map<String, Object> data,
    Sender sender)
    implements HookCall {}
