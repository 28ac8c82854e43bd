package dev.xcomponent.adapter.rabbitmq;

import dev.xcomponent.port.JsonLikeMessages;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Message bodies on the wire: a message is one JSON object, UTF-8, as Vert.x's {@link JsonObject}
 * writes it. Only JSON-like values are accepted, so that what a subscriber decodes equals what was
 * published.
 */
final class MessageCodec {
  private MessageCodec() {}

  /**
   * The body for {@code message}.
   *
   * @throws IllegalArgumentException when the message is not JSON-like, as {@link
   *     JsonLikeMessages#check} says, or cannot be written as JSON
   */
  static byte[] encode(Map<String, Object> message) {
    JsonLikeMessages.check(message);
    try {
      return new JsonObject(message).toBuffer().getBytes();
    } catch (EncodeException e) {
      throw new IllegalArgumentException("message cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The message in {@code body}: plain maps and lists, as Jackson reads them.
   *
   * @throws IllegalArgumentException when the body is not a JSON object
   */
  static Map<String, Object> decode(byte[] body) {
    try {
      return new JsonObject(Buffer.buffer(body)).getMap();
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("message body is not a JSON object (" + body.length + " bytes)", e);
    }
  }
}
