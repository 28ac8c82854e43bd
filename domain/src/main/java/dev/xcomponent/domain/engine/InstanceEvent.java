package dev.xcomponent.domain.engine;

/**
 * A fact recorded about an instance: its creation or one executed transition. The recorded data is
 * the data after user code ran, so replaying events never runs user code again.
 */
public sealed interface InstanceEvent permits InstanceCreated, TransitionRecorded {
  /** The instance the event belongs to. */
  String instanceId();

  /** Per-instance sequence number, starting at 1 for the creation. */
  long seq();

  /** Epoch milliseconds of the fact. */
  long timestamp();
}
