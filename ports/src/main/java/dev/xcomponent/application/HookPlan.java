package dev.xcomponent.application;

import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.port.BusinessHandler;
import dev.xcomponent.port.HandlerRegistry;

/**
 * The hooks of one transition, resolved once at start-up: the declared method names (reported as
 * runtime events) and the handlers bound to them (null when none is registered: a no-op).
 */
record HookPlan(
    String exitMethod,
    BusinessHandler exit,
    String triggeredMethod,
    BusinessHandler triggered,
    String entryMethod,
    BusinessHandler entry) {

  static HookPlan of(StateMachine machine, Transition t, HandlerRegistry handlers) {
    String exitMethod = machine.state(t.from()).onExit();
    String entryMethod = machine.state(t.to()).onEntry();
    String triggeredMethod = t.triggeredMethod();
    return new HookPlan(
        exitMethod,
        exitMethod == null ? null : handlers.get(exitMethod),
        triggeredMethod,
        triggeredMethod == null ? null : handlers.get(triggeredMethod),
        entryMethod,
        entryMethod == null ? null : handlers.get(entryMethod));
  }

  /** True when at least one declared hook has a handler, so user code must run. */
  boolean runsCode() {
    return exit != null || triggered != null || entry != null;
  }

  /** True when at least one hook is declared (bound or not), so hook events are reported. */
  boolean declaresHooks() {
    return exitMethod != null || triggeredMethod != null || entryMethod != null;
  }
}
