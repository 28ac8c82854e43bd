package dev.xcomponent.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * How a broker message's id becomes what makes acting on it idempotent, durably: the idempotency
 * key its trigger is recorded under, or the id of the instance it creates. The same message always
 * yields the same key, so a copy delivered again (broker redelivery, a sender re-sending its
 * outbox after a restart) is recognised by the store even after the receiver restarted.
 */
final class MessageKeys {
  /**
   * One MD5 digest per thread, reset by each {@code digest} call. {@code UUID.nameUUIDFromBytes}
   * looks one up in the security providers on every call, which cost more than the hash itself.
   */
  private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no MD5, which every Java platform must provide", e);
    }
  });

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

  /**
   * The name-based (version 3) UUID of {@code text}: the same value as {@code
   * UUID.nameUUIDFromBytes} of its UTF-8 bytes, which ids stored by earlier versions were made with.
   */
  static String uuid(String text) {
    byte[] hash = MD5.get().digest(text.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x30); // version 3
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
    ByteBuffer bits = ByteBuffer.wrap(hash); // big-endian, as UUID reads its 16 bytes
    return new UUID(bits.getLong(), bits.getLong()).toString();
  }
}
