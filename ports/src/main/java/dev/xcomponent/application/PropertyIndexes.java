package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.model.CascadingRule;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.Operator;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.routing.Paths;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Component-wide indexes of instances by the value of routed properties, so a broadcast finds the
 * instances an equality rule can match without asking every partition, and without scanning.
 *
 * <p>Which (machine, path) pairs are indexed: every {@code instanceProperty} of an equality rule
 * of the component's own transitions and intra-component cascading rules, known at start-up, plus
 * any pair a routed message asks for later (built by each partition over its own instances).
 * Partitions keep the indexes in step with every creation, data change and disposal of their
 * instances; readers on any thread get candidates that they must re-check against current data.
 *
 * <p>Keys follow strict equality: numbers by numeric value (1 and 1.0 alike), strings and booleans
 * by value, null as itself; the string "1" never meets the number 1. Instances whose value cannot
 * be a key (a map, a list) are kept aside and returned with every lookup.
 */
final class PropertyIndexes {
  private static final Object NULL_KEY = new Object();
  private static final Object ABSENT = new Object();
  private static final Object UNINDEXABLE = new Object();
  private static final Index[] NONE = new Index[0];

  private final Map<StateMachine, ConcurrentHashMap<String, Index>> byMachine = new IdentityHashMap<>();
  private final Map<StateMachine, Index[]> ready = new ConcurrentHashMap<>();

  /** One index of one (machine, path). */
  static final class Index {
    final String path;
    final ConcurrentHashMap<Object, Set<InstanceSlot>> buckets = new ConcurrentHashMap<>();
    final Set<InstanceSlot> unindexable = ConcurrentHashMap.newKeySet();
    final Set<Partition> built = ConcurrentHashMap.newKeySet();
    volatile boolean complete;

    Index(String path) {
      this.path = path;
    }

    void add(Object key, InstanceSlot slot) {
      if (key == ABSENT) {
        return;
      }
      if (key == UNINDEXABLE) {
        unindexable.add(slot);
      } else {
        buckets.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(slot);
      }
    }

    void remove(Object key, InstanceSlot slot) {
      if (key == ABSENT) {
        return;
      }
      if (key == UNINDEXABLE) {
        unindexable.remove(slot);
        return;
      }
      buckets.computeIfPresent(key, (k, set) -> set.remove(slot) && set.isEmpty() ? null : set);
    }
  }

  PropertyIndexes(Component component) {
    for (StateMachine m : component.stateMachines()) {
      byMachine.put(m, new ConcurrentHashMap<>());
    }
    for (StateMachine m : component.stateMachines()) {
      for (Transition t : m.transitions()) {
        declareStatic(m, t.matchingRules());
      }
      for (State s : m.states()) {
        for (CascadingRule r : s.cascadingRules()) {
          StateMachine target = component.machine(r.targetMachine());
          if (r.targetComponent() == null && target != null) {
            declareStatic(target, r.matchingRules());
          }
        }
      }
    }
  }

  private void declareStatic(StateMachine machine, List<MatchingRule> rules) {
    for (MatchingRule r : rules) {
      if (r.operator() == Operator.EQ) {
        Index idx = byMachine.get(machine).computeIfAbsent(r.instanceProperty(), Index::new);
        idx.complete = true;
      }
    }
    publish(machine);
  }

  private void publish(StateMachine machine) {
    Collection<Index> all = byMachine.get(machine).values();
    ready.put(machine, all.isEmpty() ? NONE : all.toArray(NONE));
  }

  /**
   * The index of (machine, path), declaring it when new. A new index is complete only once every
   * partition added its instances ({@link #buildOn}); until then callers must not rely on it.
   */
  Index index(StateMachine machine, String path) {
    ConcurrentHashMap<String, Index> paths = byMachine.get(machine);
    Index idx = paths.get(path);
    if (idx == null) {
      idx = paths.computeIfAbsent(path, Index::new);
      synchronized (this) {
        publish(machine);
      }
    }
    return idx;
  }

  /** Adds partition {@code p}'s instances to a new index; runs on {@code p}'s context. */
  void buildOn(Partition p, StateMachine machine, Index idx, int partitions) {
    if (!idx.built.add(p)) {
      return;
    }
    for (InstanceSlot slot : p.index().all(machine)) {
      idx.add(key(slot.instance, idx.path), slot);
    }
    if (idx.built.size() == partitions) {
      idx.complete = true;
    }
  }

  // ---- maintenance by the owning partition ---------------------------------------------------

  void add(InstanceSlot slot) {
    Instance i = slot.instance;
    for (Index idx : ready.getOrDefault(i.machine(), NONE)) {
      if (idx.complete || idx.built.contains(slot.partition)) {
        idx.add(key(i, idx.path), slot);
      }
    }
  }

  void remove(InstanceSlot slot, Instance i) {
    for (Index idx : ready.getOrDefault(i.machine(), NONE)) {
      idx.remove(key(i, idx.path), slot);
    }
  }

  void move(InstanceSlot slot, Instance before, Instance after) {
    if (before.data() == after.data()) {
      return;
    }
    for (Index idx : ready.getOrDefault(after.machine(), NONE)) {
      if (!idx.complete && !idx.built.contains(slot.partition)) {
        continue;
      }
      Object k0 = key(before, idx.path);
      Object k1 = key(after, idx.path);
      if (!k0.equals(k1)) {
        idx.remove(k0, slot);
        idx.add(k1, slot);
      }
    }
  }

  // ---- lookups --------------------------------------------------------------------------------

  /**
   * Instances of the index whose value may strictly equal {@code value}, or null when the value
   * cannot be a key. The result is a live view: re-check each instance before using it.
   */
  static Collection<InstanceSlot> lookup(Index idx, Object value) {
    Object k = keyOf(value);
    if (k == null) {
      return null;
    }
    Set<InstanceSlot> bucket = idx.buckets.get(k);
    if (idx.unindexable.isEmpty()) {
      return bucket == null ? Set.of() : bucket;
    }
    java.util.List<InstanceSlot> out = new java.util.ArrayList<>(idx.unindexable);
    if (bucket != null) {
      out.addAll(bucket);
    }
    return out;
  }

  private static Object key(Instance i, String path) {
    Object v = Paths.get(i.data(), path);
    if (v == Paths.MISSING) {
      return ABSENT;
    }
    Object k = keyOf(v);
    return k == null ? UNINDEXABLE : k;
  }

  private static Object keyOf(Object v) {
    if (v == null) {
      return NULL_KEY;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d == 0.0 ? 0.0 : d;
    }
    if (v instanceof String || v instanceof Boolean) {
      return v;
    }
    return null;
  }

  @Override
  public String toString() {
    return "PropertyIndexes" + Arrays.toString(ready.keySet().toArray());
  }
}
