package dev.xcomponent.application;

import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.port.HandlerRegistry;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports, once at start-up, hook names a component declares but no handler is bound to. */
final class MissingHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(MissingHandlers.class);

  private MissingHandlers() {}

  /** The declared hook names without a handler, sorted. */
  static Set<String> of(Component component, HandlerRegistry handlers) {
    Set<String> missing = new TreeSet<>();
    for (StateMachine m : component.stateMachines()) {
      for (State s : m.states()) {
        check(s.onEntry(), handlers, missing);
        check(s.onExit(), handlers, missing);
      }
      for (Transition t : m.transitions()) {
        check(t.triggeredMethod(), handlers, missing);
      }
    }
    return missing;
  }

  static void warn(Component component, HandlerRegistry handlers) {
    Set<String> missing = of(component, handlers);
    if (!missing.isEmpty()) {
      LOG.warn(
          "component {}: no handler registered for hooks {}; they will do nothing "
              + "(add a plugin with --plugins DIR or register handlers)",
          component.name(),
          missing);
    }
  }

  private static void check(String method, HandlerRegistry handlers, Set<String> missing) {
    if (method != null && handlers.get(method) == null) {
      missing.add(method);
    }
  }
}
