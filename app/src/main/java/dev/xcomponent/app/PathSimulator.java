package dev.xcomponent.app;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.engine.Evolver;
import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.engine.TransitionEngine;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a machine through a list of events without running anything: no Vert.x, no user code, no
 * timers, no effects. The walk starts at the initial state with empty data, picks each transition
 * with the engine's own selection rule, and stops at the first final or error state (later events
 * are not consumed). Payloads take part in choosing among several candidates but are not merged
 * into the data, as in the reference's {@code simulatePath}.
 */
public final class PathSimulator {
  private PathSimulator() {}

  /**
   * The outcome of a walk.
   *
   * @param success true when every consumed event fired a transition
   * @param path the states visited, starting with the initial state (partial on failure)
   * @param error why the walk failed, or null
   */
  public record Result(boolean success, List<String> path, String error) {
    public Result {
      path = List.copyOf(path);
    }
  }

  /** Walks {@code machineName} of {@code component} through {@code events}. */
  public static Result simulate(Component component, String machineName, List<Event> events) {
    StateMachine machine = component.machine(machineName);
    if (machine == null) {
      return new Result(false, List.of(), "Machine " + machineName + " not found");
    }
    Instance instance =
        Evolver.create(
            component,
            Evolver.creation(
                machine, "simulation", Map.of(), 0L, false, null, null, "simulation", "simulation:1",
                null, null));
    List<String> path = new ArrayList<>();
    path.add(instance.state());
    for (Event event : events) {
      if (machine.state(instance.state()).isTerminal()) {
        break;
      }
      Transition t = TransitionEngine.select(instance, event);
      if (t == null) {
        return new Result(
            false,
            path,
            "No transition from " + instance.state() + " for event " + event.type());
      }
      instance =
          instance.next(
              t.to(),
              instance.publicMember(),
              instance.context(),
              TransitionEngine.statusOf(machine.state(t.to()).type()),
              0L);
      path.add(instance.state());
    }
    return new Result(true, path, null);
  }
}
