package dev.xcomponent.application;

import dev.xcomponent.port.RuntimeEvent;
import dev.xcomponent.port.RuntimeEventListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans runtime events out to listeners. Payloads are built only when someone listens, so an
 * unobserved runtime pays nothing for them. A listener that throws is logged and skipped.
 */
final class RuntimeEvents {
  private static final Logger LOG = LoggerFactory.getLogger(RuntimeEvents.class);
  private final List<RuntimeEventListener> listeners = new CopyOnWriteArrayList<>();

  void add(RuntimeEventListener listener) {
    listeners.add(listener);
  }

  boolean active() {
    return !listeners.isEmpty();
  }

  void emit(String type, String component, long now, Supplier<Map<String, Object>> payload) {
    if (listeners.isEmpty()) {
      return;
    }
    RuntimeEvent event = new RuntimeEvent(type, component, payload.get(), now);
    for (RuntimeEventListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("runtime event listener failed on {}", type, e);
      }
    }
  }
}
