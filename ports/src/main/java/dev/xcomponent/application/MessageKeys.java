package dev.xcomponent.application;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How a broker message's id becomes what makes acting on it idempotent, durably: the idempotency
 * key its trigger is recorded under, or the id of the instance it creates. The same message always
 * yields the same key, so a copy delivered again (broker redelivery, a sender re-sending its
 * outbox after a restart) is recognised by the store even after the receiver restarted.
 */
final class MessageKeys {
  private MessageKeys() {}

  /** The key of a trigger_event addressed to one instance. */
  static String trigger(String messageId) {
    return "msg:" + messageId;
  }

  /**
   * The key of one target's delivery of a message that may reach several instances (a
   * cross-component event, cascade or broadcast): one key per (message, target).
   */
  static String delivery(String messageId, String instanceId) {
    return "msg:" + uuid("delivery:" + messageId + "\n" + instanceId);
  }

  /**
   * The id of the {@code rank}-th message (1 first) a transition sends, derived from its event id:
   * the same transition always names its messages alike.
   */
  static String outgoing(String eventId, int rank) {
    return uuid("outbox:" + eventId + ":" + rank);
  }

  /** The id of the instance a create_instance message without an instance id creates. */
  static String createdInstance(String messageId) {
    return uuid("create:" + messageId);
  }

  /** The name-based (version 3) UUID of {@code text}. */
  static String uuid(String text) {
    return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
