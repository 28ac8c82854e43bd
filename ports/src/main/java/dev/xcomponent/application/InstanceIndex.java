package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.routing.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instances of one partition by machine and state, and by the value of routed properties.
 *
 * <p>Property indexes exist only for (machine, path) pairs that routing asked for; each is built on
 * first use and then kept in step with every creation, data change and disposal, so lookups always
 * reflect current data. Keys follow strict equality: numbers by numeric value (1 and 1.0 alike),
 * strings and booleans by value, never the string "1" for the number 1. Values that cannot be keys
 * (maps, lists) sit in a side set that every lookup also returns; callers re-check the rules.
 */
final class InstanceIndex {
  private static final Object NULL_KEY = new Object();
  private final Map<StateMachine, Map<String, Set<InstanceSlot>>> byState = new IdentityHashMap<>();
  private final Map<StateMachine, Map<String, PropertyIndex>> byProperty = new IdentityHashMap<>();

  void add(InstanceSlot slot) {
    Instance i = slot.instance;
    states(i.machine()).computeIfAbsent(i.state(), k -> new LinkedHashSet<>()).add(slot);
    Map<String, PropertyIndex> props = byProperty.get(i.machine());
    if (props != null) {
      props.forEach((path, idx) -> idx.add(key(i, path), slot));
    }
  }

  void remove(InstanceSlot slot, Instance i) {
    Set<InstanceSlot> set = states(i.machine()).get(i.state());
    if (set != null) {
      set.remove(slot);
    }
    Map<String, PropertyIndex> props = byProperty.get(i.machine());
    if (props != null) {
      props.forEach((path, idx) -> idx.remove(key(i, path), slot));
    }
  }

  /** Updates the indexes after {@code slot} went from {@code before} to {@code after}. */
  void move(InstanceSlot slot, Instance before, Instance after) {
    if (!before.state().equals(after.state())) {
      Map<String, Set<InstanceSlot>> states = states(after.machine());
      Set<InstanceSlot> from = states.get(before.state());
      if (from != null) {
        from.remove(slot);
      }
      states.computeIfAbsent(after.state(), k -> new LinkedHashSet<>()).add(slot);
    }
    if (before.data() != after.data()) {
      Map<String, PropertyIndex> props = byProperty.get(after.machine());
      if (props != null) {
        props.forEach(
            (path, idx) -> {
              Object k0 = key(before, path);
              Object k1 = key(after, path);
              if (!k0.equals(k1)) {
                idx.remove(k0, slot);
                idx.add(k1, slot);
              }
            });
      }
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

  /**
   * Instances of {@code machine} whose value at {@code path} may strictly equal {@code value}: the
   * exact-key bucket plus the unindexable side set. Null when {@code value} cannot be a key.
   */
  Collection<InstanceSlot> candidates(StateMachine machine, String path, Object value) {
    Object k = keyOf(value);
    if (k == null) {
      return null;
    }
    PropertyIndex idx =
        byProperty
            .computeIfAbsent(machine, m -> new HashMap<>())
            .computeIfAbsent(path, p -> build(machine, p));
    return idx.lookup(k);
  }

  private PropertyIndex build(StateMachine machine, String path) {
    PropertyIndex idx = new PropertyIndex();
    for (Set<InstanceSlot> set : states(machine).values()) {
      for (InstanceSlot s : set) {
        idx.add(key(s.instance, path), s);
      }
    }
    return idx;
  }

  private Map<String, Set<InstanceSlot>> states(StateMachine m) {
    return byState.computeIfAbsent(m, k -> new HashMap<>());
  }

  private static Object key(Instance i, String path) {
    Object v = Paths.get(i.data(), path);
    if (v == Paths.MISSING) {
      return PropertyIndex.ABSENT;
    }
    Object k = keyOf(v);
    return k == null ? PropertyIndex.UNINDEXABLE : k;
  }

  /** The index key of a value, or null when the value cannot be one. */
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

  /** Slots by key for one (machine, path). */
  private static final class PropertyIndex {
    static final Object ABSENT = new Object();
    static final Object UNINDEXABLE = new Object();
    private final Map<Object, Set<InstanceSlot>> buckets = new HashMap<>();
    private final Set<InstanceSlot> unindexable = new LinkedHashSet<>();

    void add(Object key, InstanceSlot slot) {
      if (key == ABSENT) {
        return;
      }
      if (key == UNINDEXABLE) {
        unindexable.add(slot);
      } else {
        buckets.computeIfAbsent(key, k -> new LinkedHashSet<>(2)).add(slot);
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
      Set<InstanceSlot> set = buckets.get(key);
      if (set != null && set.remove(slot) && set.isEmpty()) {
        buckets.remove(key);
      }
    }

    Collection<InstanceSlot> lookup(Object key) {
      Set<InstanceSlot> set = buckets.get(key);
      if (unindexable.isEmpty()) {
        return set == null ? List.of() : set;
      }
      List<InstanceSlot> out = new ArrayList<>(unindexable);
      if (set != null) {
        out.addAll(set);
      }
      return out;
    }
  }
}
