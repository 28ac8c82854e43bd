package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.JsonLikeMessages;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The wire form of a message: the JSON text of the map (Vert.x encoding), UTF-8, as the reference
 * implementation puts on its Redis channels. Only JSON-like values pass (see {@link
 * JsonLikeMessages}): strings, finite numbers, booleans, null, lists and maps with string keys,
 * nested at most {@link JsonLikeMessages#MAX_DEPTH} deep.
 */
final class MessageCodec {
  private MessageCodec() {}

  /**
   * The JSON of {@code message}; throws {@link IllegalArgumentException} naming the first offending
   * path, or when the JSON would exceed {@code maxBytes}.
   */
  static Buffer encode(Map<String, Object> message, int maxBytes) {
    JsonLikeMessages.check(message);
    Buffer json;
    try {
      // encode() keeps characters outside the BMP as they are (UTF-8), like JSON.stringify does
      json = Buffer.buffer(new JsonObject(message).encode());
    } catch (EncodeException e) {
      throw new IllegalArgumentException("message cannot be written as JSON: " + e.getMessage(), e);
    }
    if (json.length() > maxBytes) {
      throw new IllegalArgumentException("message is " + json.length() + " bytes of JSON, more than the limit of " + maxBytes);
    }
    return json;
  }

  /** The message whose JSON is {@code payload}; throws {@link IllegalArgumentException} when it is not a JSON object. */
  static Map<String, Object> decode(Buffer payload) {
    Map<String, Object> message;
    try {
      message = JsonValues.plainMapOrNull(new JsonObject(payload));
    } catch (DecodeException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("not a JSON object", e);
    }
    if (message == null) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return message;
  }
}
