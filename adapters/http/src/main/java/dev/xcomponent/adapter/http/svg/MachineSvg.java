package dev.xcomponent.adapter.http.svg;

import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.StateType;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.model.TransitionType;
import dev.xcomponent.port.PendingTimeout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws one state machine: a start dot pointing at the initial state, one box per state and one
 * arrow per pair of states (events of parallel transitions stacked in its label). Classes: {@code
 * entry}, {@code final}, {@code error} by state type (a state without outgoing transitions counts
 * as final); with a current state, {@code current} on it, {@code unreachable} on the states it can
 * no longer reach, and {@code available} on the arrows leaving it. Timed transitions read {@code
 * ⏱ EVENT · 5s}, cross-component ones {@code EVENT → Component}, inter-machine ones {@code EVENT ⇒
 * Machine}; the current state carries a badge with the time left on its soonest timer.
 */
public final class MachineSvg {
  private static final String START = "start:";
  private static final String STATE = "state:";

  private MachineSvg() {}

  /**
   * The SVG of {@code machine}; {@code currentState} (nullable, ignored when undeclared) is
   * highlighted and {@code timeouts} (nullable) are its pending timers.
   */
  public static String render(
      StateMachine machine, String currentState, List<PendingTimeout> timeouts) {
    String current =
        currentState != null && machine.declaresState(currentState) ? currentState : null;
    Set<String> reachable = current == null ? null : reachable(machine, current);
    Drawing d = new Drawing();
    d.node(START, new Drawing.Node("", "", null, null, false, true, null));
    for (State s : machine.states()) {
      d.node(STATE + s.name(), node(machine, s, current, reachable, timeouts));
    }
    d.edge(new Drawing.Edge(START, STATE + machine.initialState(), "t-regular", "arrow", List.of()));
    for (List<Transition> group : groups(machine)) {
      Transition first = group.get(0);
      String kind = kind(first);
      boolean dim = reachable != null && !reachable.contains(first.from());
      boolean available = first.from().equals(current);
      String classes = kind + (available ? " available" : "") + (dim ? " unreachable" : "");
      String marker = available ? "arrow-available" : marker(kind);
      List<Drawing.Line> lines = new ArrayList<>();
      for (Transition t : group) {
        lines.add(new Drawing.Line(label(t), kind(t)));
      }
      d.edge(new Drawing.Edge(STATE + first.from(), STATE + first.to(), classes, marker, lines));
    }
    return d.render("State machine " + machine.name(), START, "xc-machine");
  }

  private static Drawing.Node node(
      StateMachine machine,
      State s,
      String current,
      Set<String> reachable,
      List<PendingTimeout> timeouts) {
    StringBuilder classes = new StringBuilder();
    boolean terminal =
        s.type() == StateType.FINAL || s.type() == StateType.ERROR || machine.outgoing(s.name()).isEmpty();
    switch (s.type()) {
      case ENTRY -> classes.append("entry");
      case ERROR -> classes.append("error");
      case FINAL -> classes.append("final");
      default -> classes.append(terminal ? "final" : "regular");
    }
    String badge = null;
    if (s.name().equals(current)) {
      classes.append(" current");
      badge = badge(timeouts);
    } else if (reachable != null && !reachable.contains(s.name())) {
      classes.append(" unreachable");
    }
    return new Drawing.Node(
        classes.toString(), s.name(), null, badge, terminal, false, s.name());
  }

  /** {@code ⏱ 12s} for the soonest timer, or null. */
  static String badge(List<PendingTimeout> timeouts) {
    if (timeouts == null || timeouts.isEmpty()) {
      return null;
    }
    long soonest = Long.MAX_VALUE;
    for (PendingTimeout t : timeouts) {
      soonest = Math.min(soonest, t.remainingMs());
    }
    return "⏱ " + duration(soonest);
  }

  static String duration(long ms) {
    long s = (Math.max(0, ms) + 999) / 1000;
    if (s < 120) {
      return s + "s";
    }
    long m = s / 60;
    return m < 120 ? m + "m" : (m / 60) + "h";
  }

  static String label(Transition t) {
    return switch (t.type()) {
      case TIMEOUT, AUTO -> "⏱ " + t.event() + (t.timeoutMs() == null ? "" : " · " + duration(t.timeoutMs()));
      case CROSS_COMPONENT ->
          t.event() + (t.targetComponent() == null ? "" : " → " + t.targetComponent());
      case INTER_MACHINE -> t.event() + (t.targetMachine() == null ? "" : " ⇒ " + t.targetMachine());
      default -> t.event();
    };
  }

  private static String kind(Transition t) {
    TransitionType type = t.type();
    if (type.isTimed()) {
      return "t-timed";
    }
    return switch (type) {
      case CROSS_COMPONENT -> "t-cross";
      case INTER_MACHINE -> "t-inter";
      default -> "t-regular";
    };
  }

  private static String marker(String kind) {
    return switch (kind) {
      case "t-cross" -> "arrow-cross";
      case "t-inter" -> "arrow-inter";
      case "t-timed" -> "arrow-timed";
      default -> "arrow";
    };
  }

  /** Transitions grouped by (from, to), in order of first appearance. */
  static List<List<Transition>> groups(StateMachine machine) {
    Map<String, List<Transition>> groups = new LinkedHashMap<>();
    for (Transition t : machine.transitions()) {
      groups.computeIfAbsent(t.from() + "\u0000" + t.to(), k -> new ArrayList<>()).add(t);
    }
    return new ArrayList<>(groups.values());
  }

  /** States reachable from {@code start}, itself included. */
  static Set<String> reachable(StateMachine machine, String start) {
    return machine.reachableFrom(start);
  }
}
