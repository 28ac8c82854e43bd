package dev.xcomponent.port;

import io.vertx.core.Future;

/**
 * Business code bound to a hook name ({@code triggeredMethod}, {@code onEntry}, {@code onExit}).
 *
 * <p>The handler runs on an event loop: it must not block. It completes the returned future when
 * done; throwing, failing the future or not completing it within the hook time limit is a user-code
 * error, handled by the component's hook error policy.
 */
@FunctionalInterface
public interface BusinessHandler {
  /** Runs the hook. */
  Future<Void> handle(HookCall call);
}
