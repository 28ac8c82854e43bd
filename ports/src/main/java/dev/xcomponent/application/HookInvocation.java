package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.HookCall;
import dev.xcomponent.port.HookKind;
import dev.xcomponent.port.Sender;
import java.util.Map;

/** The {@link HookCall} handed to one business handler. */
record HookInvocation(
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
