package dev.xcomponent.application;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A small read-only map in insertion order: the payload of a runtime event. Keys and values sit in
 * one array, instead of a hash table plus an entry object per key as in a {@code LinkedHashMap}.
 * A cross-component round trip builds about a dozen of these, and they were a third of the bytes
 * it allocated.
 *
 * <p>Rules: keys are non-null strings, each present once ({@link #with} of a key already present
 * replaces its value in place); values may be null. Lookups compare the keys one by one, which at a
 * dozen keys is as fast as hashing. The map is filled by its builder, {@link Reports}, before it
 * is handed out; from then on nothing changes it, and every {@link Map} mutator throws.
 */
final class Payload extends AbstractMap<String, Object> {
  private Object[] keysAndValues;
  private int size;

  private Payload(int expected) {
    keysAndValues = new Object[Math.max(1, expected) * 2];
  }

  /** A payload holding {@code keysAndValues} (key, value, key, value…), with room for {@code expected} keys. */
  static Payload of(int expected, Object... keysAndValues) {
    Payload p = new Payload(Math.max(expected, keysAndValues.length / 2));
    for (int i = 0; i < keysAndValues.length; i += 2) {
      p.with((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return p;
  }

  /** Adds or replaces {@code key}; only while the payload is being built. */
  Payload with(String key, Object value) {
    Objects.requireNonNull(key, "key");
    int at = indexOf(key);
    if (at >= 0) {
      keysAndValues[at + 1] = value;
      return this;
    }
    if (size * 2 == keysAndValues.length) {
      keysAndValues = Arrays.copyOf(keysAndValues, keysAndValues.length * 2);
    }
    keysAndValues[size * 2] = key;
    keysAndValues[size * 2 + 1] = value;
    size++;
    return this;
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size * 2; i += 2) {
      if (keysAndValues[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Object get(Object key) {
    int at = key == null ? -1 : indexOf(key);
    return at < 0 ? null : keysAndValues[at + 1];
  }

  @Override
  public boolean containsKey(Object key) {
    return key != null && indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < size * 2; i += 2) {
      action.accept((String) keysAndValues[i], keysAndValues[i + 1]);
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int at = next++ * 2;
            return new SimpleImmutableEntry<>((String) keysAndValues[at], keysAndValues[at + 1]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
