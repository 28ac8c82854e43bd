package dev.xcomponent.app.observability;

import dev.xcomponent.port.ComponentRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;

/**
 * Gauges of what {@link ComponentRegistry#dependencies()} reports per component: {@code
 * xcomponent_messages_waiting_for_broker} (messages kept until the broker takes them) and {@code
 * xcomponent_dead_letters} (messages given up since start). The registry is asked once per scrape
 * ({@link #refresh}); the components are those it reports when watching starts.
 */
final class DependencyGauges {
  private final ComponentRegistry registry;
  private volatile Map<String, Object> snapshot;

  DependencyGauges(MeterRegistry meters, ComponentRegistry registry) {
    this.registry = registry;
    refresh();
    for (Object key : messaging(snapshot).keySet()) {
      String component = String.valueOf(key);
      Gauge.builder("xcomponent.messages.waiting.for.broker", this, g -> g.value(component, "waitingForBroker"))
          .description("Messages of a component waiting for the broker to take them")
          .tag("component", component)
          .strongReference(true)
          .register(meters);
      Gauge.builder("xcomponent.dead.letters", this, g -> g.value(component, "deadLetters"))
          .description("Messages of a component given up (moved to the dead letters) since start")
          .tag("component", component)
          .strongReference(true)
          .register(meters);
    }
  }

  /** Reads the registry's report again; called before each scrape. */
  void refresh() {
    snapshot = registry.dependencies();
  }

  private double value(String component, String key) {
    Object v = messaging(snapshot).get(component) instanceof Map<?, ?> m ? m.get(key) : null;
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static Map<?, ?> messaging(Map<String, Object> dependencies) {
    return dependencies.get("messaging") instanceof Map<?, ?> m ? m : Map.of();
  }
}
