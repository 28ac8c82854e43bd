package dev.xcomponent.port;

import io.vertx.core.Future;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Publish/subscribe between component runtimes and dashboards. Messages are JSON-like maps; channel
 * names follow the reference layout ({@code fsm:commands:create_instance}, {@code
 * xcomponent:<Component>}, …).
 */
public interface MessageBroker {
  /** Publishes {@code message} on {@code channel}; fails when the broker cannot take it. */
  Future<Void> publish(String channel, Map<String, Object> message);

  /**
   * Delivers every later message of {@code channel} to {@code handler}, on the context that
   * subscribed.
   */
  Future<Subscription> subscribe(String channel, Consumer<Map<String, Object>> handler);

  /** A short description for logs and {@code /health}, without secrets (e.g. {@code memory}). */
  String describe();

  /** Releases connections. */
  Future<Void> close();

  /** An active subscription. */
  interface Subscription {
    /** Stops delivery. */
    Future<Void> cancel();
  }
}
