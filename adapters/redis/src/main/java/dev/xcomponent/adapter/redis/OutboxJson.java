package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.OutboxMessage;
import io.vertx.core.json.JsonObject;

/**
 * The value of an outbox message in {@code fsm:outbox:bodies:{component}}: {@code {"eventId",
 * "channel", "message"}}; the message id, component and position live in the keys.
 */
final class OutboxJson {
  private OutboxJson() {}

  static String encode(OutboxMessage m) {
    return new JsonObject().put("eventId", m.eventId()).put("channel", m.channel())
        .put("message", new JsonObject(m.message())).encode();
  }

  static OutboxMessage decode(String messageId, String component, long position, String json) {
    JsonObject o = new JsonObject(json);
    return new OutboxMessage(messageId, o.getString("eventId"), component, o.getString("channel"),
        JsonValues.plainMapOrNull(o.getJsonObject("message")), position);
  }
}
