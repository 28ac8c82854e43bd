package dev.xcomponent.application;

import dev.xcomponent.domain.model.Component;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.RuntimeEvent;
import dev.xcomponent.port.RuntimeInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the runtimes of this process visible to dashboards over the broker (what the reference
 * calls the RuntimeBroadcaster), with the channels and shapes of SPEC §c.2:
 *
 * <ul>
 *   <li>announces each runtime with its full component definition at start, when a dashboard asks
 *       ({@code fsm:registry:discover}) and before answering a query; heartbeats every {@code
 *       heartbeatMs}; announces its shutdown when stopped;
 *   <li>publishes {@code state_change}, {@code instance_created}, {@code instance_completed} (a
 *       state change into a final or error state) and {@code instance_disposed};
 *   <li>answers {@code fsm:commands:query_instances} with its instances, in pages of {@link
 *       #PAGE} and at most {@code maxInstances} in all (the answer says when it is cut).
 * </ul>
 *
 * Commands ({@code create_instance}, {@code trigger_event}, {@code cross_component_event}) are
 * taken by each runtime's own consumer group, not here. A notification the broker refuses waits
 * in a bounded {@link Relay} and is published again when the broker is back (a dashboard that
 * missed it would otherwise never learn of the instance); a missed heartbeat is not repeated.
 */
public final class RuntimeHost {
  /** Instances per query response message. */
  public static final int PAGE = 500;

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeHost.class);
  private final Vertx vertx;
  private final LocalComponentRegistry registry;
  private final MessageBroker broker;
  private final Settings settings;
  private final List<MessageBroker.Subscription> subscriptions = new ArrayList<>();
  private final Relay relay;
  private long heartbeatTimer = -1;
  private volatile boolean stopped;

  /**
   * How the host presents itself.
   *
   * @param host host name announced
   * @param port HTTP port announced (0: none)
   * @param heartbeatMs interval between heartbeats (≥ 100)
   * @param maxInstances most instances one query response lists
   */
  public record Settings(String host, int port, long heartbeatMs, int maxInstances) {
    public Settings {
      Objects.requireNonNull(host, "host");
      if (heartbeatMs < 100) {
        throw new IllegalArgumentException("heartbeatMs must be at least 100");
      }
      if (maxInstances < 1) {
        throw new IllegalArgumentException("maxInstances must be at least 1");
      }
    }
  }

  private RuntimeHost(Vertx vertx, LocalComponentRegistry registry, MessageBroker broker, Settings settings) {
    this.vertx = vertx;
    this.registry = registry;
    this.broker = broker;
    this.settings = settings;
    this.relay = new Relay(vertx, broker, 100_000);
  }

  /** Starts publishing for every runtime of {@code registry}; completes once announced. */
  public static Future<RuntimeHost> start(
      Vertx vertx, LocalComponentRegistry registry, MessageBroker broker, Settings settings) {
    RuntimeHost host = new RuntimeHost(vertx, registry, broker, settings);
    registry.addListener(host::onRuntimeEvent);
    return Future.all(
            broker.subscribe(Channels.DISCOVER, m -> host.announceAll()).onSuccess(host.subscriptions::add),
            broker.subscribe(Channels.QUERY_INSTANCES, host::answerQuery).onSuccess(host.subscriptions::add))
        .compose(v -> host.announceAll())
        .map(v -> {
          host.heartbeatTimer = vertx.setPeriodic(settings.heartbeatMs(), t -> host.heartbeat());
          return host;
        });
  }

  /** Announces the shutdown of every runtime and stops listening. */
  public Future<Void> stop() {
    if (stopped) {
      return Future.succeededFuture();
    }
    stopped = true;
    vertx.cancelTimer(heartbeatTimer);
    List<Future<?>> all = new ArrayList<>();
    for (RuntimeInfo r : registry.runtimes()) {
      all.add(broker.publish(Channels.SHUTDOWN, signOfLife(r)));
    }
    subscriptions.forEach(s -> all.add(s.cancel()));
    return Future.join(all).mapEmpty();
  }

  private Future<Void> announceAll() {
    List<Future<Void>> all = new ArrayList<>();
    for (RuntimeInfo r : registry.runtimes()) {
      Component c = registry.component(r.componentName()).orElseThrow();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("runtimeId", r.runtimeId());
      m.put("componentName", r.componentName());
      m.put("component", new io.vertx.core.json.JsonObject(ComponentJson.component(c).encode()).getMap());
      m.put("host", settings.host());
      m.put("port", settings.port());
      m.put("heartbeatIntervalMs", settings.heartbeatMs());
      m.put("timestamp", System.currentTimeMillis());
      all.add(broker.publish(Channels.ANNOUNCE, m));
    }
    return Future.all(all).mapEmpty();
  }

  private void heartbeat() {
    for (RuntimeInfo r : registry.runtimes()) {
      broker.publish(Channels.HEARTBEAT, signOfLife(r))
          .onFailure(err -> LOG.debug("heartbeat dropped: {}", err.getMessage()));
    }
  }

  private static Map<String, Object> signOfLife(RuntimeInfo r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runtimeId", r.runtimeId());
    m.put("componentName", r.componentName());
    m.put("timestamp", System.currentTimeMillis());
    return m;
  }

  private void answerQuery(Map<String, Object> query) {
    announceAll().onComplete(v -> {
      for (RuntimeInfo r : registry.runtimes()) {
        List<InstanceView> views =
            registry.listInstances(new InstanceQuery(r.componentName(), null, null, "active", settings.maxInstances()));
        int pages = Math.max(1, (views.size() + PAGE - 1) / PAGE);
        for (int p = 0; p < pages; p++) {
          List<Object> page = new ArrayList<>();
          for (InstanceView view : views.subList(p * PAGE, Math.min(views.size(), (p + 1) * PAGE))) {
            page.add(InstanceMessages.of(view));
          }
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("type", "instances");
          m.put("runtimeId", r.runtimeId());
          m.put("componentName", r.componentName());
          m.put("instances", page);
          m.put("page", p);
          m.put("pages", pages);
          m.put("truncated", views.size() >= settings.maxInstances());
          m.put("timestamp", System.currentTimeMillis());
          publish(Channels.QUERY_RESPONSES, m);
        }
      }
    });
  }

  private void onRuntimeEvent(RuntimeEvent e) {
    if (stopped) {
      return;
    }
    switch (e.type()) {
      case "state_change" -> {
        Map<String, Object> d = e.payload();
        Map<String, Object> instance = InstanceMessages.map(d.get("instance"));
        Map<String, Object> data = new LinkedHashMap<>(d);
        data.put("context", instance.get("context"));
        data.put("pendingTimeouts", List.of());
        notify(Channels.STATE_CHANGE, "state_change", e, data);
        Object type = d.get("stateType");
        if ("final".equals(type) || "error".equals(type)) {
          Map<String, Object> done = new LinkedHashMap<>();
          done.put("instanceId", d.get("instanceId"));
          done.put("machineName", d.get("machineName"));
          done.put("finalState", d.get("newState"));
          done.put("context", instance.get("context"));
          done.put("instance", instance);
          notify(Channels.INSTANCE_COMPLETED, "instance_completed", e, done);
        }
      }
      case "instance_created" -> {
        Map<String, Object> i = e.payload();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("instanceId", i.get("id"));
        data.put("machineName", i.get("machineName"));
        data.put("currentState", i.get("currentState"));
        data.put("context", i.get("context"));
        data.put("instance", i);
        notify(Channels.INSTANCE_CREATED, "instance_created", e, data);
      }
      case "instance_disposed" -> {
        Map<String, Object> i = e.payload();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("instanceId", i.get("id"));
        data.put("machineName", i.get("machineName"));
        data.put("instance", i);
        notify(Channels.INSTANCE_DISPOSED, "instance_disposed", e, data);
      }
      default -> {
        // Hook calls and routing details stay in the runtime's own logs and listeners.
      }
    }
  }

  private void notify(String channel, String type, RuntimeEvent e, Map<String, Object> data) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runtimeId", registry.runtime(e.componentName()).map(ComponentRuntime::runtimeId).orElse(null));
    m.put("componentName", e.componentName());
    m.put("eventType", type);
    m.put("data", data);
    m.put("timestamp", e.timestamp());
    publish(channel, m);
  }

  private void publish(String channel, Map<String, Object> m) {
    relay.send(channel, m).onFailure(e -> LOG.error("{}", e.getMessage()));
  }
}
