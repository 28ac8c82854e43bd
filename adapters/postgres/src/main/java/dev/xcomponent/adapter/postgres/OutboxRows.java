package dev.xcomponent.adapter.postgres;

import dev.xcomponent.port.OutboxMessage;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * {@link OutboxMessage}s to the column arrays of the outbox insert ({@link
 * PgStatements#appendWith}), and rows of {@link PgStatements#OUTBOX_PAGE} back to messages.
 */
final class OutboxRows {
  private OutboxRows() {}

  /** Adds the {@value PgStatements#OUTBOX_PARAMS} column arrays of {@code outbox} to {@code tuple}. */
  static Tuple addTo(Tuple tuple, List<OutboxMessage> outbox) {
    int n = outbox.size();
    String[] id = new String[n];
    String[] event = new String[n];
    String[] component = new String[n];
    String[] channel = new String[n];
    String[] message = new String[n];
    for (int i = 0; i < n; i++) {
      OutboxMessage m = outbox.get(i);
      id[i] = m.messageId();
      event[i] = m.eventId();
      component[i] = m.componentName();
      channel[i] = m.channel();
      message[i] = JsonValues.encode(m.message());
    }
    return tuple.addArrayOfString(id).addArrayOfString(event).addArrayOfString(component)
        .addArrayOfString(channel).addArrayOfString(message);
  }

  /** One row of {@link PgStatements#OUTBOX_PAGE}, for {@code component}. */
  static OutboxMessage read(Row r, String component) {
    return new OutboxMessage(r.getString(1), r.getString(2), component, r.getString(3),
        JsonValues.map(r.getValue(4)), r.getLong(0));
  }
}
