package dev.xcomponent.domain.validation;

import dev.xcomponent.domain.model.ContextField;
import dev.xcomponent.domain.model.ParentLink;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.Transition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one entry of {@code stateMachines}. Rules: {@code name}, {@code initialState}, a non-empty
 * {@code states} list and a {@code transitions} list (possibly {@code []}) are required; state
 * names are unique; {@code initialState} must be one of them; a machine without a terminal state
 * loads with a warning.
 */
final class MachineReader {
  private MachineReader() {}

  /** Reads a machine; null when it cannot be built (the problems are reported). */
  static StateMachine read(Node node, int index, Set<String> machineNames) {
    Node m = node.describedAs("state machine #" + (index + 1));
    if (!m.expectMapping()) {
      return null;
    }
    ComponentChecks.unknownKeys(m, ComponentKeys.STATE_MACHINE, Set.of());
    String name = m.requiredString("name");
    if (name != null) {
      m = m.describedAs("machine \"" + name + "\"");
    }
    String initial = m.requiredString("initialState");

    List<State> states = new ArrayList<>();
    Set<String> stateNames = readStates(m, machineNames, states);
    ComponentChecks.initialState(m, initial, stateNames);

    ComponentChecks.Scope scope = new ComponentChecks.Scope(m.what(), stateNames, machineNames);
    List<Transition> transitions = readTransitions(m, scope);

    String publicMemberType = m.string("publicMemberType");
    ParentLink parentLink = readParentLink(m);
    Map<String, ContextField> contextSchema = ContextSchemaReader.read(m);
    String description = m.string("description");
    Map<String, Object> metadata = m.opaque("metadata");
    ComponentChecks.terminalState(m, states, transitions);

    if (name == null || initial == null) {
      return null;
    }
    return new StateMachine(
        name,
        initial,
        states,
        transitions,
        publicMemberType,
        parentLink,
        contextSchema,
        description,
        metadata);
  }

  /**
   * Reads the states into {@code out}; returns their names, or null when the list is missing,
   * empty or not a list (then references to states are not checked, to avoid noise).
   */
  private static Set<String> readStates(Node m, Set<String> machineNames, List<State> out) {
    if (!m.has("states")) {
      noStates(m, " is missing required field \"states\"");
      return null;
    }
    List<Node> nodes =
        m.list("states", ComponentKeys.MAX_STATES, j -> "state #" + (j + 1) + " of " + m.what());
    if (nodes == null) {
      return null;
    }
    if (nodes.isEmpty()) {
      noStates(m, " must have at least one state");
      return null;
    }
    Map<String, Integer> seen = new HashMap<>();
    Set<String> names = new LinkedHashSet<>();
    for (int j = 0; j < nodes.size(); j++) {
      State s = StateReader.read(nodes.get(j), m.what(), machineNames);
      if (s != null && ComponentChecks.uniqueState(s.name(), nodes.get(j), seen, j, m.what())) {
        out.add(s);
        names.add(s.name());
      }
    }
    return names;
  }

  private static void noStates(Node m, String problem) {
    m.report()
        .error(
            ViolationCodes.NO_STATES,
            m.pathOf("states"),
            Node.capitalize(m.what()) + problem,
            "add a \"states:\" list with at least one \"- name: ...\" entry");
  }

  private static List<Transition> readTransitions(Node m, ComponentChecks.Scope scope) {
    if (!m.has("transitions")) {
      m.report()
          .error(
              ViolationCodes.MISSING_FIELD,
              m.pathOf("transitions"),
              Node.capitalize(m.what()) + " is missing required field \"transitions\"",
              "add \"transitions: []\" when the machine has no transitions");
      return List.of();
    }
    List<Node> nodes =
        m.list(
            "transitions",
            ComponentKeys.MAX_TRANSITIONS,
            i -> "transition #" + (i + 1) + " of " + m.what());
    if (nodes == null) {
      return List.of();
    }
    List<Transition> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      Transition t = TransitionReader.read(nodes.get(i), i, scope);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private static ParentLink readParentLink(Node m) {
    Node link = m.mapping("parentLink", "the parentLink of " + m.what());
    if (link == null) {
      return null;
    }
    ComponentChecks.unknownKeys(link, ComponentKeys.PARENT_LINK, Set.of());
    Boolean enabled = link.bool("enabled");
    String event = link.string("onStateChange");
    if (Boolean.TRUE.equals(enabled) && (event == null || event.isBlank())) {
      link.report()
          .warning(
              ViolationCodes.INCOMPLETE_PARENT_LINK,
              link.path(),
              Node.capitalize(link.what()) + " is enabled but has no onStateChange event,"
                  + " so the parent is never notified",
              "add \"onStateChange: <EVENT>\" naming the event sent to the parent");
    }
    return new ParentLink(Boolean.TRUE.equals(enabled), event);
  }
}
