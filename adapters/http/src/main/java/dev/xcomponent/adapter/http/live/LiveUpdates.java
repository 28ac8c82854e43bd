package dev.xcomponent.adapter.http.live;

import dev.xcomponent.adapter.http.Json;
import dev.xcomponent.port.ComponentRegistry;
import dev.xcomponent.port.RuntimeEvent;
import dev.xcomponent.port.RuntimeEventListener;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-wide hub of the dashboard's live updates: listens to the runtimes once, turns the
 * events a dashboard shows into JSON messages {@code {type, componentName, data, timestamp}} and
 * publishes them on the local event bus at {@link #ADDRESS}, where each HTTP verticle fans them
 * out to its own sockets.
 *
 * <p>Forwarded: {@code state_change} (and {@code timeout_triggered} when a timer fired it), {@code
 * instance_created}, {@code instance_disposed} (and {@code instance_completed} when the instance
 * finished), and {@code user_code_error} as {@code instance_error}. Each message is encoded once,
 * whatever the number of clients, and nothing is built while no socket is open.
 *
 * <p>There is one hub per Vert.x instance and registry: {@link #shared} finds it in the Vert.x
 * shared data, so every verticle of a process uses the same one without any static state. It also
 * keeps the count of open sockets behind the process-wide cap.
 */
public final class LiveUpdates implements RuntimeEventListener, Shareable {
  /** The local event-bus address the messages are published on (a JSON string each). */
  public static final String ADDRESS = "xc.dashboard.updates";

  private static final String HUBS = "xc.dashboard.hubs";

  private final Vertx vertx;
  private final AtomicInteger sockets = new AtomicInteger();
  private final DeliveryOptions localOnly = new DeliveryOptions().setLocalOnly(true);

  private LiveUpdates(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * The hub of {@code registry} on {@code vertx}, created and registered as a listener by the
   * first caller; later callers get the same one.
   */
  public static LiveUpdates shared(Vertx vertx, ComponentRegistry registry) {
    LocalMap<Key, LiveUpdates> hubs = vertx.sharedData().getLocalMap(HUBS);
    LiveUpdates created = new LiveUpdates(vertx);
    LiveUpdates existing = hubs.putIfAbsent(new Key(registry), created);
    if (existing != null) {
      return existing;
    }
    registry.addListener(created);
    return created;
  }

  /** Counts one more socket unless {@code max} are already open; false when refused. */
  boolean tryOpen(int max) {
    while (true) {
      int n = sockets.get();
      if (n >= max) {
        return false;
      }
      if (sockets.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Counts one socket less. */
  void closed() {
    sockets.decrementAndGet();
  }

  /** The sockets open in the process. */
  public int openSockets() {
    return sockets.get();
  }

  @Override
  public void onEvent(RuntimeEvent event) {
    if (sockets.get() == 0) {
      return;
    }
    switch (event.type()) {
      case "state_change" -> {
        publish("state_change", event);
        if (firedByTimer(event.payload())) {
          publish("timeout_triggered", event);
        }
      }
      case "instance_created" -> publish("instance_created", event);
      case "instance_disposed" -> {
        publish("instance_disposed", event);
        Object status = event.payload() == null ? null : event.payload().get("status");
        if (status != null && !"active".equals(status)) {
          publish("instance_completed", event);
        }
      }
      case "user_code_error" -> publish("instance_error", event);
      case "runtime_connected", "runtime_disconnected" -> publish(event.type(), event);
      default -> {
        // Other runtime events are not shown live.
      }
    }
  }

  /** The message a client receives for {@code event}, published as {@code type}. */
  static JsonObject message(String type, RuntimeEvent event) {
    JsonObject data = Json.toJsonObject(event.payload());
    if (data == null) {
      data = new JsonObject();
    }
    data.put("componentName", event.componentName());
    return envelope(type, event.componentName(), data, event.timestamp());
  }

  /** {@code {type, componentName, data, timestamp}}. */
  static JsonObject envelope(String type, String component, JsonObject data, long timestamp) {
    return new JsonObject()
        .put("type", type)
        .put("componentName", component)
        .put("data", data)
        .put("timestamp", timestamp);
  }

  private void publish(String type, RuntimeEvent event) {
    try {
      vertx.eventBus().publish(ADDRESS, message(type, event).encode(), localOnly);
    } catch (RuntimeException closing) {
      // Vert.x is shutting down: nobody is left to tell.
    }
  }

  private static boolean firedByTimer(Map<String, Object> payload) {
    if (payload != null && payload.get("event") instanceof Map<?, ?> e
        && e.get("payload") instanceof Map<?, ?> p) {
      Object reason = p.get("reason");
      return "timeout".equals(reason) || "auto-transition".equals(reason);
    }
    return false;
  }

  /** Identity of a registry as a shared-data key. */
  private record Key(ComponentRegistry registry) implements Shareable {
    Key {
      Objects.requireNonNull(registry, "registry");
    }
  }
}
