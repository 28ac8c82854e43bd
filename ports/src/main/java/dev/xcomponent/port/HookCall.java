package dev.xcomponent.port;

import dev.xcomponent.domain.engine.Event;
import java.util.Map;

/** One invocation of a user hook. */
public interface HookCall {
  /** Which kind of hook runs. */
  HookKind kind();

  /** The method name declared in the YAML. */
  String method();

  String componentName();

  String machineName();

  String instanceId();

  /** The state the hook is about: the left state for exit, the entered state for entry, else the source. */
  String state();

  /** The event that fired the transition. */
  Event event();

  /**
   * A mutable working copy of the instance data (the public member when the machine has one).
   * Changes are recorded with the transition when the hook succeeds and discarded when it fails.
   */
  Map<String, Object> data();

  /** Sends messages, released after the transition is recorded. */
  Sender sender();
}
