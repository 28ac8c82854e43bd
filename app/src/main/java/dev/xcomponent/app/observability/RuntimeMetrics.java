package dev.xcomponent.app.observability;

import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.RuntimeEvent;
import dev.xcomponent.port.RuntimeEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Counts what the runtimes report: {@code xcomponent_transitions_total{component, machine,
 * outcome}} with outcome {@code transitioned} ({@code state_change}), {@code ignored} ({@code
 * event_ignored}: no transition accepted the event) or {@code error} ({@code user_code_error}: a
 * hook failed). With a {@link LiveInstances}, also keeps its counts from {@code instance_created},
 * {@code state_change} and {@code instance_disposed}. Thread-safe and non-blocking, as listeners
 * must be: a counter lookup and an atomic add per event.
 */
final class RuntimeMetrics implements RuntimeEventListener {
  static final String TRANSITIONED = "transitioned";
  static final String IGNORED = "ignored";
  static final String ERROR = "error";

  private final MeterRegistry registry;
  private final Names names;
  private final LiveInstances live;
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
  private volatile Function<String, Optional<InstanceView>> instances = id -> Optional.empty();

  private record Key(String component, String machine, String outcome) {}

  /** Counts transitions; keeps {@code live} (nullable) up to date from the instance events. */
  RuntimeMetrics(MeterRegistry registry, Names names, LiveInstances live) {
    this.registry = registry;
    this.names = names;
    this.live = live;
  }

  /** Where the machine of an instance is looked up ({@code event_ignored} and {@code user_code_error} name none). */
  void lookUpInstancesWith(Function<String, Optional<InstanceView>> finder) {
    this.instances = finder;
  }

  @Override
  public void onEvent(RuntimeEvent event) {
    Map<String, Object> p = event.payload();
    String component = event.componentName();
    switch (event.type()) {
      case "state_change" -> {
        String machine = text(p, "machineName");
        count(component, machine, TRANSITIONED);
        if (live != null) {
          live.add(component, machine, text(p, "previousState"), -1);
          live.add(component, machine, text(p, "newState"), 1);
        }
      }
      case "instance_created" -> {
        if (live != null) {
          live.add(component, text(p, "machineName"), text(p, "currentState"), 1);
        }
      }
      case "instance_disposed" -> {
        if (live != null) {
          live.add(component, text(p, "machineName"), text(p, "currentState"), -1);
        }
      }
      case "event_ignored" -> count(component, machineOf(text(p, "instanceId")), IGNORED);
      case "user_code_error" -> count(component, machineOf(text(p, "instanceId")), ERROR);
      default -> { }
    }
  }

  /** Registers the three outcomes of a machine at zero. */
  void declare(String component, String machine) {
    for (String outcome : new String[] {TRANSITIONED, IGNORED, ERROR}) {
      count(component, machine, outcome, 0);
    }
  }

  private void count(String component, String machine, String outcome) {
    count(component, machine, outcome, 1);
  }

  private void count(String component, String machine, String outcome, double amount) {
    Key key = new Key(component, machine, outcome);
    Counter c = counters.get(key);
    if (c == null) {
      if (!names.known(component, machine, null)) {
        key = new Key(names.known(component) ? component : Names.UNKNOWN, Names.UNKNOWN, outcome);
      }
      c = counters.computeIfAbsent(key, k -> Counter.builder("xcomponent.transitions")
          .description("Events processed by the runtimes, by outcome: transitioned, ignored (no transition"
              + " accepted the event) or error (a hook failed)")
          .tags("component", k.component(), "machine", k.machine(), "outcome", k.outcome())
          .register(registry));
    }
    c.increment(amount);
  }

  private String machineOf(String instanceId) {
    return instanceId == null ? null : instances.apply(instanceId).map(InstanceView::machineName).orElse(null);
  }

  private static String text(Map<String, Object> m, String key) {
    return m != null && m.get(key) instanceof String s ? s : null;
  }
}
