package dev.xcomponent.domain.validation;

import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.Transition;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that look beyond one value: keys are known (unknown and removed keys warn); machine and
 * state names are unique; {@code initialState}, {@code from}, {@code to} and {@code entryMachine}
 * name declared things (errors); targets of inter_machine transitions and cascading rules are
 * machines of this component (warnings, as they may be external); each machine can finish
 * (warning).
 */
final class ComponentChecks {
  private static final int MAX_LISTED = 20;

  private ComponentChecks() {}

  /**
   * What a transition or rule can refer to.
   *
   * @param machineWhat description of the machine, for messages
   * @param states names of the machine's states, or null when its state list is unusable
   * @param machines names of every machine of the component
   */
  record Scope(String machineWhat, Set<String> states, Set<String> machines) {}

  /** Warns about every key of {@code node} that is neither known nor removed (REMOVED_KEY). */
  static void unknownKeys(Node node, Set<String> known, Set<String> removed) {
    for (Object k : node.keys()) {
      String key = String.valueOf(k);
      if (known.contains(key)) {
        continue;
      }
      if (removed.contains(key)) {
        node.report()
            .warning(
                ViolationCodes.REMOVED_KEY,
                node.pathOf(key),
                "\"" + key + "\" of " + node.what() + " is no longer supported and is ignored",
                "remove it; route with matchingRules or decide in a triggeredMethod instead");
      } else {
        node.report()
            .warning(
                ViolationCodes.UNKNOWN_KEY,
                node.pathOf(key),
                "Unknown key \"" + key + "\" in " + node.what() + " is ignored",
                "check the spelling; known keys: " + String.join(", ", known));
      }
    }
  }

  /** The names of the machines of a component, read leniently (problems are reported later). */
  static Set<String> machineNames(List<Node> machines) {
    Set<String> names = new LinkedHashSet<>();
    for (Node m : machines) {
      if (m.raw("name") instanceof String s) {
        names.add(s);
      }
    }
    return names;
  }

  /** Reports every machine whose name was already used by an earlier one. */
  static void duplicateMachines(List<Node> machines, Report report) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < machines.size(); i++) {
      if (!(machines.get(i).raw("name") instanceof String name) || name.isBlank()) {
        continue;
      }
      Integer earlier = first.putIfAbsent(name, i);
      if (earlier != null) {
        report.error(
            ViolationCodes.DUPLICATE_MACHINE,
            machines.get(i).pathOf("name"),
            "Duplicate machine name \"" + name + "\": state machines #" + (earlier + 1) + " and #"
                + (i + 1),
            "rename one of them; machine names must be unique within a component");
      }
    }
  }

  /** Reports a state whose name was already used in the machine; returns false then. */
  static boolean uniqueState(
      String name, Node state, Map<String, Integer> seen, int index, String machineWhat) {
    Integer earlier = seen.putIfAbsent(name, index);
    if (earlier == null) {
      return true;
    }
    state
        .report()
        .error(
            ViolationCodes.DUPLICATE_STATE,
            state.pathOf("name"),
            "Duplicate state name \"" + name + "\" in " + machineWhat + ": states #" + (earlier + 1)
                + " and #" + (index + 1),
            "rename one of them or merge them; state names must be unique within a machine");
    return false;
  }

  static void initialState(Node machine, String initial, Set<String> states) {
    if (initial == null || states == null || states.isEmpty() || states.contains(initial)) {
      return;
    }
    machine
        .report()
        .error(
            ViolationCodes.UNKNOWN_INITIAL_STATE,
            machine.pathOf("initialState"),
            "initialState \"" + initial + "\" of " + machine.what() + " does not exist in states",
            "declare a state named \"" + initial + "\" or use one of: " + listing(states));
  }

  /** Checks the {@code from} or {@code to} of a transition. */
  static void stateRef(Node transition, String key, String state, Scope scope) {
    if (state == null || scope.states() == null || scope.states().contains(state)) {
      return;
    }
    transition
        .report()
        .error(
            ViolationCodes.UNKNOWN_STATE,
            transition.pathOf(key),
            Node.capitalize(transition.what()) + ": \"" + key + "\" state \"" + state
                + "\" does not exist",
            "declare a state named \"" + state + "\" in " + scope.machineWhat()
                + " or use one of: " + listing(scope.states()));
  }

  /** Warns when a targetMachine of this component's transitions or rules is not declared. */
  static void targetMachine(Node owner, String target, Scope scope, String usage) {
    if (target == null || scope.machines().contains(target)) {
      return;
    }
    owner
        .report()
        .warning(
            ViolationCodes.UNKNOWN_TARGET_MACHINE,
            owner.pathOf("targetMachine"),
            Node.capitalize(owner.what()) + ": targetMachine \"" + target
                + "\" is not a machine of this component (may be external)",
            usage + "; machines of this component: " + listing(scope.machines()));
  }

  static void entryMachine(Node root, String entry, Set<String> machines) {
    if (entry == null || machines.contains(entry)) {
      return;
    }
    root.report()
        .error(
            ViolationCodes.UNKNOWN_ENTRY_MACHINE,
            root.pathOf("entryMachine"),
            "entryMachine \"" + entry + "\" does not exist in stateMachines",
            "use the name of one of the machines: " + listing(machines));
  }

  /**
   * Warns when no state of the machine is terminal: typed final or error, or with no outgoing
   * transition.
   */
  static void terminalState(Node machine, List<State> states, List<Transition> transitions) {
    if (states.isEmpty()) {
      return;
    }
    Set<String> withExit = new HashSet<>();
    transitions.forEach(t -> withExit.add(t.from()));
    for (State s : states) {
      if (s.isTerminal() || !withExit.contains(s.name())) {
        return;
      }
    }
    machine
        .report()
        .warning(
            ViolationCodes.NO_TERMINAL_STATE,
            machine.pathOf("states"),
            Node.capitalize(machine.what())
                + " has no terminal state: no state is final or error, and every state has an"
                + " outgoing transition",
            "give a state \"type: final\" or \"type: error\", or leave one without outgoing"
                + " transitions");
  }

  /** A short, readable listing of names, cut after {@value #MAX_LISTED}. */
  static String listing(Collection<String> names) {
    if (names.isEmpty()) {
      return "(none)";
    }
    String shown =
        names.stream()
            .limit(MAX_LISTED)
            .map(n -> "\"" + n + "\"")
            .collect(Collectors.joining(", "));
    return names.size() > MAX_LISTED ? shown + ", ... (" + names.size() + " in all)" : shown;
  }
}
