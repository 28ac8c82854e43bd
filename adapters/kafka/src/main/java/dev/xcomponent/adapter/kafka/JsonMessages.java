package dev.xcomponent.adapter.kafka;

import dev.xcomponent.domain.model.Values;
import dev.xcomponent.port.JsonLikeMessages;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The wire form of a message: the UTF-8 JSON text of the map, as Vert.x's {@link JsonObject}
 * writes it, with the message's {@code instanceId} (or {@code data.instanceId}) as record key so
 * that one instance's messages share a partition and keep their order.
 */
final class JsonMessages {
  private JsonMessages() {}

  /**
   * The JSON bytes of {@code message}.
   *
   * @throws IllegalArgumentException when the message is not JSON-like, as {@link
   *     JsonLikeMessages#check} says
   */
  static byte[] encode(Map<String, Object> message) {
    JsonLikeMessages.check(message);
    return new JsonObject(message).toBuffer().getBytes();
  }

  /**
   * The message carried by {@code bytes}, deeply immutable.
   *
   * @throws io.vertx.core.json.DecodeException when the bytes are not a JSON object
   */
  static Map<String, Object> decode(byte[] bytes) {
    if (bytes == null) {
      throw new io.vertx.core.json.DecodeException("the record has no value");
    }
    return Values.freeze(new JsonObject(Buffer.buffer(bytes)).getMap());
  }

  /** The record key: {@code instanceId}, else {@code data.instanceId}, when a string or number; else null. */
  static String key(Map<String, Object> message) {
    String key = scalar(message.get("instanceId"));
    if (key == null && message.get("data") instanceof Map<?, ?> data) {
      key = scalar(data.get("instanceId"));
    }
    return key;
  }

  private static String scalar(Object value) {
    return value instanceof String || value instanceof Number ? value.toString() : null;
  }
}
