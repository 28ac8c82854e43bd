package dev.xcomponent.application;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The components that run in this process, by name, so that a message from one to another is
 * handed over directly instead of through the broker: the same handling as a broker delivery
 * (deduplication, idempotency keys, dead letters), without the broker's copy and thread hops.
 *
 * <p>Every name is known before any runtime starts, so a message to a component whose runtime is
 * still starting (or restoring) waits for it rather than taking another path. Thread-safe: the
 * table is fixed at construction; each entry's promise completes once.
 */
final class LocalComponents {
  private final Map<String, Promise<ComponentMessaging>> byName = new LinkedHashMap<>();

  LocalComponents(Collection<String> names) {
    for (String n : names) {
      byName.put(n, Promise.promise());
    }
  }

  /** Whether {@code component} runs in this process. */
  boolean has(String component) {
    return component != null && byName.containsKey(component);
  }

  /** The messaging of a component of this process, once its runtime is ready to act on messages. */
  Future<ComponentMessaging> ready(String component) {
    return byName.get(component).future();
  }

  /** Marks a component's runtime ready. */
  void started(String component, ComponentMessaging messaging) {
    byName.get(component).tryComplete(messaging);
  }

  /**
   * The component a command or component message is addressed to ({@code componentName} of
   * create_instance and trigger_event, {@code targetComponent} of the others), or null.
   */
  static String target(String channel, Map<String, Object> message) {
    Object t = switch (channel) {
      case Channels.CREATE_INSTANCE, Channels.TRIGGER_EVENT -> message.get("componentName");
      default -> message.get("targetComponent");
    };
    return t instanceof String s ? s : null;
  }
}
