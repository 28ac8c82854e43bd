package dev.xcomponent.domain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A state machine: states, transitions between them, and the shape of its instances' data.
 *
 * <p>With a {@code publicMemberType}, the initial data of an instance becomes its public member,
 * and the public member is the instance data everywhere (routing, templates, child data,
 * persistence, views).
 *
 * <p>Lookups used on every event (candidates by state and event, timed transitions by state) are
 * computed once here, so the engine never scans the transition list.
 */
public final class StateMachine {
  private final String name;
  private final String initialState;
  private final List<State> states;
  private final List<Transition> transitions;
  private final String publicMemberType;
  private final ParentLink parentLink;
  private final Map<String, ContextField> contextSchema;
  private final String description;
  private final Map<String, Object> metadata;

  private final Map<String, State> statesByName;
  private final Map<String, Map<String, List<Transition>>> candidates;
  private final Map<String, List<Transition>> timedByState;
  private final Map<String, List<Transition>> outgoing;

  /** Builds a machine; lists and maps are copied. */
  public StateMachine(
      String name,
      String initialState,
      List<State> states,
      List<Transition> transitions,
      String publicMemberType,
      ParentLink parentLink,
      Map<String, ContextField> contextSchema,
      String description,
      Map<String, Object> metadata) {
    this.name = Objects.requireNonNull(name, "name");
    this.initialState = Objects.requireNonNull(initialState, "initialState");
    this.states = List.copyOf(states);
    this.transitions = List.copyOf(transitions);
    this.publicMemberType = publicMemberType;
    this.parentLink = parentLink == null ? new ParentLink(false, null) : parentLink;
    this.contextSchema =
        contextSchema == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(contextSchema));
    this.description = description;
    this.metadata = Values.freeze(metadata);

    Map<String, State> byName = new HashMap<>();
    for (State s : this.states) {
      byName.putIfAbsent(s.name(), s);
    }
    this.statesByName = Collections.unmodifiableMap(byName);

    Map<String, Map<String, List<Transition>>> cands = new HashMap<>();
    Map<String, List<Transition>> timed = new HashMap<>();
    Map<String, List<Transition>> out = new HashMap<>();
    for (Transition t : this.transitions) {
      cands
          .computeIfAbsent(t.from(), k -> new HashMap<>())
          .computeIfAbsent(t.event(), k -> new ArrayList<>(1))
          .add(t);
      out.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(t);
      if (t.type().isTimed()) {
        timed.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(t);
      }
    }
    Map<String, Map<String, List<Transition>>> frozen = new HashMap<>();
    cands.forEach(
        (state, byEvent) -> {
          Map<String, List<Transition>> m = new HashMap<>();
          byEvent.forEach((ev, list) -> m.put(ev, List.copyOf(list)));
          frozen.put(state, Collections.unmodifiableMap(m));
        });
    this.candidates = Collections.unmodifiableMap(frozen);
    timed.replaceAll((k, v) -> List.copyOf(v));
    this.timedByState = Collections.unmodifiableMap(timed);
    out.replaceAll((k, v) -> List.copyOf(v));
    this.outgoing = Collections.unmodifiableMap(out);
  }

  public String name() {
    return name;
  }

  public String initialState() {
    return initialState;
  }

  public List<State> states() {
    return states;
  }

  public List<Transition> transitions() {
    return transitions;
  }

  /** The public member type label, or null when instances use a plain context. */
  public String publicMemberType() {
    return publicMemberType;
  }

  /** True when instances keep their data in a public member. */
  public boolean hasPublicMember() {
    return publicMemberType != null;
  }

  public ParentLink parentLink() {
    return parentLink;
  }

  public Map<String, ContextField> contextSchema() {
    return contextSchema;
  }

  public String description() {
    return description;
  }

  public Map<String, Object> metadata() {
    return metadata;
  }

  /**
   * The state with this name. A name the machine does not declare is treated as a regular state
   * with no hooks (the validator reports such names; the runtime tolerates them).
   */
  public State state(String stateName) {
    State s = statesByName.get(stateName);
    return s != null ? s : State.regular(stateName);
  }

  /** True when the machine declares a state with this name. */
  public boolean declaresState(String stateName) {
    return statesByName.containsKey(stateName);
  }

  /** The transitions leaving {@code state} on {@code eventType}, in YAML order; never null. */
  public List<Transition> candidates(String state, String eventType) {
    Map<String, List<Transition>> byEvent = candidates.get(state);
    if (byEvent == null) {
      return List.of();
    }
    List<Transition> list = byEvent.get(eventType);
    return list == null ? List.of() : list;
  }

  /** The timeout and auto transitions leaving {@code state}, in YAML order. */
  public List<Transition> timedTransitions(String state) {
    return timedByState.getOrDefault(state, List.of());
  }

  /** Every transition leaving {@code state}, in YAML order. */
  public List<Transition> outgoing(String state) {
    return outgoing.getOrDefault(state, List.of());
  }

  /** The states reachable from {@code start} by following transitions, {@code start} included. */
  public java.util.Set<String> reachableFrom(String start) {
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
    seen.add(start);
    queue.add(start);
    while (!queue.isEmpty()) {
      for (Transition t : outgoing(queue.poll())) {
        if (seen.add(t.to())) {
          queue.add(t.to());
        }
      }
    }
    return seen;
  }

  /** True when some transition of this machine is fired by {@code eventType}. */
  public boolean handlesEvent(String eventType) {
    for (Transition t : transitions) {
      if (t.event().equals(eventType)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "StateMachine[" + name + "]";
  }
}
