package dev.xcomponent.adapter.kafka;

import dev.xcomponent.domain.model.Values;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The wire form of a message: the UTF-8 JSON text of the map, as Vert.x's {@link JsonObject}
 * writes it, with the message's {@code instanceId} (or {@code data.instanceId}) as record key so
 * that one instance's messages share a partition and keep their order.
 */
final class JsonMessages {
  /** Nesting deeper than this is refused, as a JSON codec would refuse it. */
  static final int MAX_DEPTH = 100;

  private JsonMessages() {}

  /**
   * The JSON bytes of {@code message}.
   *
   * @throws IllegalArgumentException naming the first offending path when the message holds
   *     something other than maps with string keys, lists, strings, finite numbers, booleans or null
   */
  static byte[] encode(Map<String, Object> message) {
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
    checkMap(message, "$", 0);
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

  private static void checkValue(Object value, String path, int depth) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return;
    }
    if (value instanceof Number n) {
      if ((n instanceof Double d && !Double.isFinite(d)) || (n instanceof Float f && !Float.isFinite(f))) {
        throw new IllegalArgumentException("message value at " + path + " is not a finite number: " + n);
      }
      return;
    }
    if (depth >= MAX_DEPTH) {
      throw new IllegalArgumentException("message nested deeper than " + MAX_DEPTH + " at " + path);
    }
    if (value instanceof Map<?, ?> map) {
      checkMap(map, path, depth + 1);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        checkValue(list.get(i), path + "[" + i + "]", depth + 1);
      }
    } else {
      throw new IllegalArgumentException(
          "message value at " + path + " is not JSON-like: " + value.getClass().getName());
    }
  }

  private static void checkMap(Map<?, ?> map, String path, int depth) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException("message key at " + path + " is not a string");
      }
      checkValue(entry.getValue(), path + "." + key, depth);
    }
  }
}
