package dev.xcomponent.port;

/**
 * Receives runtime events. Called on the runtime's event loops, possibly from several threads at
 * once: implementations must be thread-safe and must not block.
 */
@FunctionalInterface
public interface RuntimeEventListener {
  void onEvent(RuntimeEvent event);
}
