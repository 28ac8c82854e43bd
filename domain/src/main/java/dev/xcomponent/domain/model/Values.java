package dev.xcomponent.domain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for JSON-like values: {@code Map<String, Object>}, {@code List<Object>}, strings,
 * numbers, booleans and null.
 */
public final class Values {
  private Values() {}

  /**
   * A deep, order-preserving, unmodifiable copy; null becomes an empty map. Nulls are kept. A map
   * this method made is returned as it is: it is already deeply immutable.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> freeze(Map<String, ?> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    if (map instanceof FrozenMap) {
      return (Map<String, Object>) map;
    }
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    map.forEach((k, v) -> copy.put(k, freezeValue(v)));
    return new FrozenMap(copy);
  }

  /**
   * The union of two frozen maps (entries of {@code top} win), itself frozen. Only the top level
   * is copied: the values are already immutable.
   */
  public static Map<String, Object> union(Map<String, Object> base, Map<String, Object> top) {
    if (top.isEmpty()) {
      return freeze(base);
    }
    Map<String, Object> m = new LinkedHashMap<>(Math.max(4, (base.size() + top.size()) * 2));
    m.putAll(entries(freeze(base)));
    m.putAll(entries(freeze(top)));
    return new FrozenMap(m);
  }

  /** The private map behind a frozen map, for copying without a read-only wrapper per entry. */
  private static Map<String, Object> entries(Map<String, Object> frozen) {
    return frozen instanceof FrozenMap f ? f.inner : frozen;
  }

  /** True when the map is deeply immutable (made by {@link #freeze} or empty). */
  public static boolean isFrozen(Map<String, ?> map) {
    return map instanceof FrozenMap || (Object) map == Map.of();
  }

  /** A read-only view over a private map that nobody else references. */
  private static final class FrozenMap extends java.util.AbstractMap<String, Object> {
    private final Map<String, Object> inner;
    private final Map<String, Object> readOnly;

    FrozenMap(Map<String, Object> inner) {
      this.inner = inner;
      this.readOnly = Collections.unmodifiableMap(inner);
    }

    @Override
    public Object get(Object key) {
      return inner.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return inner.containsKey(key);
    }

    @Override
    public int size() {
      return inner.size();
    }

    @Override
    public java.util.Set<Entry<String, Object>> entrySet() {
      return readOnly.entrySet();
    }

    @Override
    public java.util.Set<String> keySet() {
      return readOnly.keySet();
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super Object> action) {
      inner.forEach(action);
    }
  }

  /** A deep unmodifiable copy of a JSON-like value. */
  @SuppressWarnings("unchecked")
  public static Object freezeValue(Object value) {
    if (value instanceof Map<?, ?> m) {
      return freeze((Map<String, ?>) m);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(v -> copy.add(freezeValue(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** A deep mutable copy of a JSON-like map, safe to hand to user code. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> mutableCopy(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    map.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> m) {
            copy.put(k, mutableCopy((Map<String, ?>) m));
          } else if (v instanceof List<?> l) {
            copy.put(k, new ArrayList<>(l));
          } else {
            copy.put(k, v);
          }
        });
    return copy;
  }
}
