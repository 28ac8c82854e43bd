package dev.xcomponent.port;

/**
 * Service-provider interface of business-code plugins: a plugin jar lists its implementation in
 * {@code META-INF/services/dev.xcomponent.port.HandlerProvider}, and the runtime calls {@link
 * #register} once at start-up.
 */
public interface HandlerProvider {
  /** Registers this plugin's handlers. */
  void register(HandlerRegistry registry);
}
