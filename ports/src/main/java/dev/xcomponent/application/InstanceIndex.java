package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.model.StateMachine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The instances of one partition by machine and state. Confined to the partition's context.
 * Property values are indexed component-wide by {@link PropertyIndexes}.
 *
 * <p>The index of a machine is built the first time routing needs it (a broadcast or cascade that
 * no property index can answer) from the partition's own instances, and kept in step from then
 * on. Machines nobody routes to by state pay nothing for it on their transitions.
 */
final class InstanceIndex {
  private final Map<StateMachine, Map<String, Set<InstanceSlot>>> byState = new IdentityHashMap<>();
  private final Supplier<Iterable<InstanceSlot>> own;

  /** {@code own} lists this partition's live instances, for building an index on demand. */
  InstanceIndex(Supplier<Iterable<InstanceSlot>> own) {
    this.own = own;
  }

  void add(InstanceSlot slot) {
    Instance i = slot.instance;
    Map<String, Set<InstanceSlot>> states = byState.get(i.machine());
    if (states != null) {
      states.computeIfAbsent(i.state(), k -> new LinkedHashSet<>()).add(slot);
    }
  }

  void remove(InstanceSlot slot, Instance i) {
    Map<String, Set<InstanceSlot>> states = byState.get(i.machine());
    if (states != null) {
      Set<InstanceSlot> set = states.get(i.state());
      if (set != null) {
        set.remove(slot);
      }
    }
  }

  /** Updates the index after {@code slot} went from {@code before} to {@code after}. */
  void move(InstanceSlot slot, Instance before, Instance after) {
    if (before.state().equals(after.state())) {
      return;
    }
    Map<String, Set<InstanceSlot>> states = byState.get(after.machine());
    if (states == null) {
      return;
    }
    Set<InstanceSlot> from = states.get(before.state());
    if (from != null) {
      from.remove(slot);
    }
    states.computeIfAbsent(after.state(), k -> new LinkedHashSet<>()).add(slot);
  }

  /** Instances of {@code machine} in {@code state} (live view: copy before changing instances). */
  Collection<InstanceSlot> inState(StateMachine machine, String state) {
    Set<InstanceSlot> set = states(machine).get(state);
    return set == null ? List.of() : set;
  }

  /** Every instance of {@code machine} in this partition, as a new list. */
  List<InstanceSlot> all(StateMachine machine) {
    List<InstanceSlot> out = new ArrayList<>();
    states(machine).values().forEach(out::addAll);
    return out;
  }

  private Map<String, Set<InstanceSlot>> states(StateMachine m) {
    Map<String, Set<InstanceSlot>> states = byState.get(m);
    if (states == null) {
      states = new HashMap<>();
      for (InstanceSlot slot : own.get()) {
        Instance i = slot.instance;
        if (i.machine() == m && !slot.removed) {
          states.computeIfAbsent(i.state(), k -> new LinkedHashSet<>()).add(slot);
        }
      }
      byState.put(m, states);
    }
    return states;
  }
}
