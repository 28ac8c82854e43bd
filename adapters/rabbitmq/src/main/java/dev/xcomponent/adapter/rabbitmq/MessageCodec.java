package dev.xcomponent.adapter.rabbitmq;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Message bodies on the wire: a message is one JSON object, UTF-8, as Vert.x's {@link JsonObject}
 * writes it. Only JSON-like values are accepted, so that what a subscriber decodes equals what was
 * published.
 */
final class MessageCodec {
  /** Nesting deeper than this is refused. */
  static final int MAX_DEPTH = 100;

  private MessageCodec() {}

  /**
   * The body for {@code message}.
   *
   * @throws IllegalArgumentException naming the first offending path when the message holds
   *     something other than maps with string keys, lists, strings, finite numbers, booleans or
   *     null, or nests deeper than {@link #MAX_DEPTH}
   */
  static byte[] encode(Map<String, Object> message) {
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
    checkObject(message, "$", 0);
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

  private static void checkValue(Object value, String path, int depth) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return;
    }
    if (value instanceof Number number) {
      if ((number instanceof Double d && !Double.isFinite(d)) || (number instanceof Float f && !Float.isFinite(f))) {
        throw new IllegalArgumentException("message value at " + path + " is not a finite number");
      }
      return;
    }
    if (depth >= MAX_DEPTH) {
      throw new IllegalArgumentException("message nests deeper than " + MAX_DEPTH + " levels at " + path);
    }
    if (value instanceof Map<?, ?> map) {
      checkObject(map, path, depth + 1);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        checkValue(list.get(i), path + "[" + i + "]", depth + 1);
      }
    } else {
      throw new IllegalArgumentException(
          "message value at " + path + " is not JSON-like: " + value.getClass().getName());
    }
  }

  private static void checkObject(Map<?, ?> map, String path, int depth) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException("message key at " + path + " is not a string");
      }
      checkValue(entry.getValue(), path + "." + key, depth);
    }
  }
}
