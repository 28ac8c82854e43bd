package dev.xcomponent.port;

import java.util.Map;
import java.util.Objects;

/**
 * A message for another component produced by a recorded event (transactional outbox): a store
 * writes it in the same atomic append as its event, and keeps it until the runtime reports that
 * the broker took it. A runtime that stops before that sends it again when it starts; receivers
 * recognise the copy by its {@code messageId}.
 *
 * @param messageId unique id of the message, derived from its event so that it never changes
 * @param eventId the event whose transition produced the message; when that event is skipped as a
 *     duplicate of an idempotency key, the message is not written either
 * @param componentName the component whose runtime relays it (the sender)
 * @param channel broker channel to publish on
 * @param message the message body (JSON-like; carries {@code messageId})
 * @param position order of the message in its component's outbox, assigned by the store (ignored
 *     on append)
 */
public record OutboxMessage(
    String messageId,
    String eventId,
    String componentName,
    String channel,
    Map<String, Object> message,
    long position) {

  public OutboxMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(componentName, "componentName");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(message, "message");
  }

  /** A message to append (its position comes from the store). */
  public static OutboxMessage of(String eventId, String componentName, String channel, Map<String, Object> message) {
    Object id = message.get("messageId");
    if (!(id instanceof String s)) {
      throw new IllegalArgumentException("an outbox message needs a messageId");
    }
    return new OutboxMessage(s, eventId, componentName, channel, message, 0);
  }
}
