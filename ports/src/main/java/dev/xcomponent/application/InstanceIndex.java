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

/**
 * The instances of one partition by machine and state. Confined to the partition's context.
 * Property values are indexed component-wide by {@link PropertyIndexes}.
 */
final class InstanceIndex {
  private final Map<StateMachine, Map<String, Set<InstanceSlot>>> byState = new IdentityHashMap<>();

  void add(InstanceSlot slot) {
    Instance i = slot.instance;
    states(i.machine()).computeIfAbsent(i.state(), k -> new LinkedHashSet<>()).add(slot);
  }

  void remove(InstanceSlot slot, Instance i) {
    Set<InstanceSlot> set = states(i.machine()).get(i.state());
    if (set != null) {
      set.remove(slot);
    }
  }

  /** Updates the index after {@code slot} went from {@code before} to {@code after}. */
  void move(InstanceSlot slot, Instance before, Instance after) {
    if (!before.state().equals(after.state())) {
      Map<String, Set<InstanceSlot>> states = states(after.machine());
      Set<InstanceSlot> from = states.get(before.state());
      if (from != null) {
        from.remove(slot);
      }
      states.computeIfAbsent(after.state(), k -> new LinkedHashSet<>()).add(slot);
    }
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
    return byState.computeIfAbsent(m, k -> new HashMap<>());
  }
}
