package dev.xcomponent.adapter.redis;

import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * One message received on a channel. It is decoded once on arrival (so a malformed one is refused
 * before anybody sees it); each further {@link #message()} decodes it again, so that every
 * recipient and every attempt gets a map of its own that no other handler can change.
 */
final class Incoming {
  private final String channel;
  private final Buffer payload;
  private Map<String, Object> first;

  private Incoming(String channel, Buffer payload, Map<String, Object> first) {
    this.channel = channel;
    this.payload = payload;
    this.first = first;
  }

  /** Throws {@link IllegalArgumentException} when {@code payload} is not a JSON object. */
  static Incoming decode(String channel, Buffer payload) {
    return new Incoming(channel, payload, MessageCodec.decode(payload));
  }

  String channel() {
    return channel;
  }

  /** A map of the message that belongs to the caller. */
  Map<String, Object> message() {
    Map<String, Object> m = first;
    if (m != null) {
      first = null;
      return m;
    }
    return MessageCodec.decode(payload);
  }
}
