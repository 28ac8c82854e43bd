package dev.xcomponent.domain.engine;

import dev.xcomponent.domain.model.CascadingRule;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.NotifyParent;
import dev.xcomponent.domain.model.Operator;
import dev.xcomponent.domain.model.ParentLink;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.StateType;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.model.TransitionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compact builders of definitions for engine tests. */
final class Defs {
  private Defs() {}

  static State state(String name) {
    return State.regular(name);
  }

  static State state(String name, StateType type) {
    return new State(name, type, null, null, List.of(), null, Map.of());
  }

  static State cascading(String name, CascadingRule... rules) {
    return new State(name, StateType.REGULAR, null, null, List.of(rules), null, Map.of());
  }

  static MatchingRule rule(String eventProp, String instanceProp) {
    return new MatchingRule(eventProp, instanceProp, Operator.EQ);
  }

  static MatchingRule rule(String eventProp, String instanceProp, Operator op) {
    return new MatchingRule(eventProp, instanceProp, op);
  }

  /** A transition builder; {@link #build(int)} fixes its index. */
  static T t(String from, String event, String to) {
    return new T(from, event, to);
  }

  static final class T {
    final String from;
    final String event;
    final String to;
    TransitionType type = TransitionType.REGULAR;
    Long timeoutMs;
    boolean reset = true;
    String targetMachine;
    String targetComponent;
    String targetEvent;
    Map<String, String> mapping;
    List<MatchingRule> rules = List.of();
    NotifyParent notify;

    T(String from, String event, String to) {
      this.from = from;
      this.event = event;
      this.to = to;
    }

    T type(TransitionType type) {
      this.type = type;
      return this;
    }

    T timeout(long ms) {
      this.timeoutMs = ms;
      return this;
    }

    T noReset() {
      this.reset = false;
      return this;
    }

    T target(String machine) {
      this.targetMachine = machine;
      return this;
    }

    T component(String component, String event) {
      this.targetComponent = component;
      this.targetEvent = event;
      return this;
    }

    T mapping(Map<String, String> m) {
      this.mapping = m;
      return this;
    }

    T rules(MatchingRule... r) {
      this.rules = List.of(r);
      return this;
    }

    T notify(NotifyParent n) {
      this.notify = n;
      return this;
    }

    Transition build(int index) {
      return new Transition(index, from, to, event, type, timeoutMs, reset, targetMachine,
          targetComponent, targetEvent, null, mapping, null, rules, notify, null, Map.of());
    }
  }

  static StateMachine machine(String name, String initial, List<State> states, T... transitions) {
    return machine(name, initial, null, null, states, transitions);
  }

  static StateMachine machine(
      String name, String initial, String publicMemberType, ParentLink link, List<State> states, T... transitions) {
    List<Transition> list = new ArrayList<>();
    for (int i = 0; i < transitions.length; i++) {
      list.add(transitions[i].build(i));
    }
    return new StateMachine(name, initial, states, list, publicMemberType, link, Map.of(), null, Map.of());
  }

  static Component component(String name, StateMachine... machines) {
    return new Component(name, "1.0.0", null, List.of(machines), null, null, null, null, null, Map.of(), Map.of());
  }

  static Instance instance(Component c, String machine, Map<String, Object> data) {
    return instance(c, machine, data, null);
  }

  static Instance instance(Component c, String machine, Map<String, Object> data, String parentId) {
    StateMachine m = c.machine(machine);
    return Evolver.create(c, Evolver.creation(m, "id-" + machine, dev.xcomponent.domain.model.Values.freeze(data), 1000L, false,
        parentId, parentId == null ? null : "Parent", "test", "ev-create-" + machine, null, null));
  }

  static Event ev(String type, Map<String, Object> payload) {
    return Event.of(type, payload, 2000L);
  }

  /** Select, merge and complete without user code. */
  static Transitioned fire(Component c, Instance i, Event e) {
    Transition t = TransitionEngine.select(i, e);
    if (t == null) {
      return null;
    }
    InstanceData d = TransitionEngine.mergePayload(InstanceData.of(i), t, e);
    return TransitionEngine.complete(c.name(), i, t, e, d, e.timestamp(), "ev-" + i.id() + "-" + i.version());
  }
}
