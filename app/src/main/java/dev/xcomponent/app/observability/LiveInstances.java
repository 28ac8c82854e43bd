package dev.xcomponent.app.observability;

import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.port.InstanceView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gauge {@code xcomponent_instances_live{component, machine, state}}: unfinished instances per
 * state. Counts are either kept up to date from runtime events ({@link #add}: O(1) per event,
 * nothing to do on a scrape) or recounted from a listing ({@link #recount}, for registries whose
 * instances appear without events, such as a dashboard's view of remote runtimes). Only the states
 * that {@link Names} knows become labels, so the series stay bounded by the YAML.
 */
final class LiveInstances {
  private final MeterRegistry registry;
  private final Names names;
  private final Map<Key, AtomicLong> counts = new ConcurrentHashMap<>();

  private record Key(String component, String machine, String state) {}

  LiveInstances(MeterRegistry registry, Names names) {
    this.registry = registry;
    this.names = names;
  }

  /** Registers a zero gauge for every state of {@code component}, so scrapes show them all. */
  void declare(Component component) {
    for (StateMachine m : component.stateMachines()) {
      for (State s : m.states()) {
        counter(new Key(component.name(), m.name(), s.name()));
      }
    }
  }

  /** Adds {@code delta} instances to a state; ignored for names the components do not declare. */
  void add(String component, String machine, String state, long delta) {
    if (state == null) {
      return;
    }
    Key key = new Key(component, machine, state);
    AtomicLong count = counts.get(key);
    if (count == null) {
      if (!names.known(component, machine, state)) {
        return;
      }
      count = counter(key);
    }
    count.addAndGet(delta);
  }

  /** Replaces every count with the unfinished instances of {@code listing}. */
  void recount(Collection<InstanceView> listing) {
    Map<Key, Long> fresh = new HashMap<>();
    for (InstanceView v : listing) {
      if (!v.finished()) {
        fresh.merge(new Key(v.componentName(), v.machineName(), v.currentState()), 1L, Long::sum);
      }
    }
    counts.forEach((key, count) -> count.set(fresh.getOrDefault(key, 0L)));
    fresh.forEach((key, n) -> {
      if (!counts.containsKey(key) && names.known(key.component(), key.machine(), key.state())) {
        counter(key).set(n);
      }
    });
  }

  private AtomicLong counter(Key key) {
    return counts.computeIfAbsent(key, k -> {
      AtomicLong count = new AtomicLong();
      Gauge.builder("xcomponent.instances.live", count, c -> Math.max(0, c.get()))
          .description("Unfinished instances by component, machine and current state")
          .tags("component", k.component(), "machine", k.machine(), "state", k.state())
          .strongReference(true)
          .register(registry);
      return count;
    });
  }
}
