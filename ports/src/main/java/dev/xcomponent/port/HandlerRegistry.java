package dev.xcomponent.port;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business handlers by method name. Embedding applications register handlers directly; plugins do
 * so through a {@link HandlerProvider}. Registering a name twice replaces the first handler.
 */
public final class HandlerRegistry {
  private final Map<String, BusinessHandler> handlers = new ConcurrentHashMap<>();

  /** Binds {@code method} to {@code handler}. */
  public HandlerRegistry register(String method, BusinessHandler handler) {
    handlers.put(method, handler);
    return this;
  }

  /** The handler bound to {@code method}. */
  public Optional<BusinessHandler> find(String method) {
    return Optional.ofNullable(handlers.get(method));
  }

  /** The handler bound to {@code method}, or null. */
  public BusinessHandler get(String method) {
    return handlers.get(method);
  }

  /** Every bound method name. */
  public Set<String> methods() {
    return Set.copyOf(handlers.keySet());
  }
}
