package dev.xcomponent.application;

import dev.xcomponent.domain.engine.InstanceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code limit} recorded events of one instance, oldest first. It keeps the domain's
 * event records themselves (converted to views only when read), in an array that starts small and
 * grows up to the limit, so an idle instance pays for little more than its creation record.
 * Written by the owning partition, read by views on other threads: both under the ring's own lock,
 * never contended on the hot path.
 */
final class HistoryRing {
  private final int limit;
  private InstanceEvent[] buf = new InstanceEvent[1];
  private int head;
  private int size;

  HistoryRing(int limit) {
    this.limit = limit;
  }

  synchronized void add(InstanceEvent event) {
    if (size == buf.length && buf.length < limit) {
      InstanceEvent[] bigger = new InstanceEvent[Math.min(limit, buf.length * 2)];
      for (int i = 0; i < size; i++) {
        bigger[i] = buf[(head + i) % buf.length];
      }
      buf = bigger;
      head = 0;
    }
    if (size < buf.length) {
      buf[(head + size) % buf.length] = event;
      size++;
    } else {
      buf[head] = event;
      head = (head + 1) % buf.length;
    }
  }

  synchronized List<InstanceEvent> snapshot() {
    List<InstanceEvent> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(buf[(head + i) % buf.length]);
    }
    return out;
  }
}
