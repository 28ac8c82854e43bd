package dev.xcomponent.adapter.redis;

/**
 * Something local that wants the messages of one or more channels: a fan-out subscriber or a
 * consumer-group member. Called on the broker's owner context, never inside a user handler.
 */
interface ChannelListener {
  /** A message arrived on one of the listener's channels. */
  void onMessage(Incoming message);

  /** Stops deliveries, including those already handed to the listener's context. */
  void deactivate();
}
