package dev.xcomponent.application;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the last {@code capacity} messages acted on, to recognise a redelivered message. The
 * oldest id is forgotten first; the bound keeps memory flat whatever the traffic. Thread-safe.
 */
final class RecentIds {
  private final Map<String, Boolean> ids;

  RecentIds(int capacity) {
    this.ids = new LinkedHashMap<>(256, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized boolean contains(String id) {
    return ids.containsKey(id);
  }

  synchronized void add(String id) {
    ids.put(id, Boolean.TRUE);
  }
}
