package dev.xcomponent.adapter.http;

import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.StateType;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.model.TransitionType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws a state machine as a Mermaid {@code stateDiagram-v2}, styled for the dashboard.
 *
 * <p>One arrow per transition, labelled with its event; cross-component transitions read {@code 📡
 * EVENT → TargetComponent}, inter-machine ones {@code 🔗 EVENT → TargetMachine}, and matching rules
 * add {@code 🔑eventProperty=instanceProperty}. Each state gets at most one class, in this order of
 * precedence: the current state ({@code currentState}); a state the current one can no longer reach
 * ({@code inactiveState}); an {@code entry} state ({@code entryState}); an {@code error} state
 * ({@code errorState}); a {@code final} state or one without outgoing transitions ({@code
 * terminalState}). Only the classes in use are defined. Pure: no I/O, no state.
 */
public final class MermaidDiagram {
  private static final Map<String, String> CLASS_DEFS =
      Map.of(
          "currentState", "fill:#2563eb,stroke:#1e3a8a,stroke-width:4px,color:#ffffff",
          "inactiveState",
              "fill:#27272a,stroke:#3f3f46,stroke-width:1px,color:#71717a,stroke-dasharray:3",
          "entryState", "fill:#facc15,stroke:#ca8a04,stroke-width:3px,color:#000000",
          "errorState", "fill:#dc2626,stroke:#991b1b,stroke-width:3px,color:#ffffff",
          "terminalState", "fill:#16a34a,stroke:#166534,stroke-width:3px,color:#ffffff");

  private static final List<String> CLASS_ORDER =
      List.of("currentState", "entryState", "terminalState", "errorState", "inactiveState");

  private MermaidDiagram() {}

  /**
   * One transition as listed next to a diagram.
   *
   * @param index 1-based position in the machine's list (0 stands for the initial arrow)
   * @param from source state
   * @param to target state
   * @param event triggering event
   * @param type transition type in YAML spelling
   * @param targetMachine target machine, or null
   * @param targetComponent target component, or null
   */
  public record TransitionInfo(
      int index,
      String from,
      String to,
      String event,
      String type,
      String targetMachine,
      String targetComponent) {}

  /**
   * The diagram text of {@code machine}; {@code currentState} (nullable) is highlighted and the
   * states it cannot reach are greyed out. A current state the machine does not declare is ignored.
   */
  public static String render(StateMachine machine, String currentState) {
    String current =
        currentState != null && machine.declaresState(currentState) ? currentState : null;
    Map<String, String> ids = MermaidNames.stateIds(machine);
    StringBuilder out = new StringBuilder("stateDiagram-v2\n");
    ids.forEach(
        (name, id) -> {
          if (!id.equals(name)) {
            out.append("    state \"")
                .append(MermaidNames.clean(name).replace('"', '\''))
                .append("\" as ");
            out.append(id).append('\n');
          }
        });
    out.append("    [*] --> ").append(MermaidNames.id(ids, machine.initialState())).append('\n');
    for (Transition t : machine.transitions()) {
      out.append("    ")
          .append(MermaidNames.id(ids, t.from()))
          .append(" --> ")
          .append(MermaidNames.id(ids, t.to()));
      out.append(": ").append(label(t)).append('\n');
    }
    Map<String, String> classes = stateClasses(machine, current);
    if (!classes.isEmpty()) {
      out.append('\n');
      Set<String> used = new HashSet<>(classes.values());
      for (String c : CLASS_ORDER) {
        if (used.contains(c)) {
          out.append("    classDef ").append(c).append(' ').append(CLASS_DEFS.get(c)).append('\n');
        }
      }
      classes.forEach(
          (state, c) ->
              out.append("    class ")
                  .append(MermaidNames.id(ids, state))
                  .append(' ')
                  .append(c)
                  .append('\n'));
    }
    return out.toString();
  }

  /** The states without outgoing transitions, in declaration order. */
  public static List<String> terminalStates(StateMachine machine) {
    List<String> names = new ArrayList<>();
    for (State s : machine.states()) {
      if (machine.outgoing(s.name()).isEmpty()) {
        names.add(s.name());
      }
    }
    return names;
  }

  /** Every transition of {@code machine}, numbered from 1. */
  public static List<TransitionInfo> transitions(StateMachine machine) {
    List<TransitionInfo> list = new ArrayList<>(machine.transitions().size());
    int i = 1;
    for (Transition t : machine.transitions()) {
      list.add(
          new TransitionInfo(
              i++,
              t.from(),
              t.to(),
              t.event(),
              t.type().yamlName(),
              t.targetMachine(),
              t.targetComponent()));
    }
    return list;
  }

  /** The label of a transition arrow. */
  static String label(Transition t) {
    StringBuilder label = new StringBuilder();
    if (t.type() == TransitionType.CROSS_COMPONENT) {
      label.append("📡 ").append(t.event());
      if (t.targetComponent() != null) {
        label.append(" → ").append(t.targetComponent());
      }
    } else if (t.type() == TransitionType.INTER_MACHINE) {
      label.append("🔗 ").append(t.event());
      if (t.targetMachine() != null) {
        label.append(" → ").append(t.targetMachine());
      }
    } else {
      label.append(t.event());
    }
    if (t.hasMatchingRules()) {
      label.append(" 🔑");
      List<String> rules = new ArrayList<>();
      for (MatchingRule r : t.matchingRules()) {
        rules.add(r.eventProperty() + eventSideOperator(r) + r.instanceProperty());
      }
      label.append(String.join(",", rules));
    }
    return MermaidNames.clean(label.toString());
  }

  /** States reachable from {@code start}, itself included. */
  static Set<String> reachableFrom(StateMachine machine, String start) {
    return machine.reachableFrom(start);
  }

  /** The style class of each styled state, for a current state the machine declares (or null). */
  static Map<String, String> stateClasses(StateMachine machine, String current) {
    Set<String> reachable = current == null ? null : reachableFrom(machine, current);
    Map<String, String> classes = new java.util.LinkedHashMap<>();
    for (State s : machine.states()) {
      String c = null;
      if (s.name().equals(current)) {
        c = "currentState";
      } else if (reachable != null && !reachable.contains(s.name())) {
        c = "inactiveState";
      } else if (s.type() == StateType.ENTRY) {
        c = "entryState";
      } else if (s.type() == StateType.ERROR) {
        c = "errorState";
      } else if (s.type() == StateType.FINAL || machine.outgoing(s.name()).isEmpty()) {
        c = "terminalState";
      }
      if (c != null) {
        classes.putIfAbsent(s.name(), c);
      }
    }
    return classes;
  }

  /**
   * The operator read from the event side: {@code instance > event} is {@code event < instance}.
   */
  private static String eventSideOperator(MatchingRule r) {
    return switch (r.operator()) {
      case EQ -> "=";
      case NE -> "!=";
      case GT -> "<";
      case LT -> ">";
      case GE -> "<=";
      case LE -> ">=";
    };
  }
}
