package dev.xcomponent.adapter.postgres;

import dev.xcomponent.port.StoredEvent;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;

/**
 * {@link StoredEvent}s to the column arrays of {@link PgStatements#INSERT_EVENTS}, and rows of
 * {@link PgStatements#EVENT_COLUMNS} back to events.
 */
final class EventRows {
  private EventRows() {}

  /** Adds the {@value PgStatements#EVENT_PARAMS} column arrays of {@code events} to {@code tuple}. */
  static Tuple addTo(Tuple tuple, List<StoredEvent> events) {
    int n = events.size();
    String[] id = new String[n];
    String[] instance = new String[n];
    Long[] seq = new Long[n];
    String[] machine = new String[n];
    String[] component = new String[n];
    String[] type = new String[n];
    String[] payload = new String[n];
    String[] from = new String[n];
    String[] to = new String[n];
    String[] data = new String[n];
    String[] publicMember = new String[n];
    String[] rawContext = new String[n];
    String[] status = new String[n];
    Integer[] transition = new Integer[n];
    String[] source = new String[n];
    String[] correlation = new String[n];
    String[] causation = new String[n];
    String[] key = new String[n];
    Long[] at = new Long[n];
    for (int i = 0; i < n; i++) {
      StoredEvent e = events.get(i);
      id[i] = e.id();
      instance[i] = e.instanceId();
      seq[i] = e.seq();
      machine[i] = e.machineName();
      component[i] = e.componentName();
      type[i] = e.eventType();
      payload[i] = JsonValues.encode(e.payload());
      from[i] = e.fromState();
      to[i] = e.toState();
      data[i] = JsonValues.encode(e.data());
      publicMember[i] = e.publicMember() == null ? null
          : e.publicMember().equals(e.data()) ? data[i] : JsonValues.encode(e.publicMember());
      rawContext[i] = e.context().equals(e.data()) ? null : JsonValues.encode(e.context());
      status[i] = e.status();
      transition[i] = e.transitionIndex();
      source[i] = e.sourceComponent();
      correlation[i] = e.correlationId();
      causation[i] = e.causationId();
      key[i] = e.idempotencyKey();
      at[i] = e.timestamp();
    }
    return tuple.addArrayOfString(id).addArrayOfString(instance).addArrayOfLong(seq).addArrayOfString(machine)
        .addArrayOfString(component).addArrayOfString(type).addArrayOfString(payload).addArrayOfString(from)
        .addArrayOfString(to).addArrayOfString(data).addArrayOfString(publicMember).addArrayOfString(rawContext)
        .addArrayOfString(status).addArrayOfInteger(transition).addArrayOfString(source)
        .addArrayOfString(correlation).addArrayOfString(causation).addArrayOfString(key).addArrayOfLong(at);
  }

  /** An event from a row of {@link PgStatements#EVENT_COLUMNS} (JSONB columns as text). */
  static StoredEvent read(Row r) {
    String dataText = r.getString(9);
    Map<String, Object> data = JsonValues.mapFromText(dataText);
    boolean hasPublicMember = Boolean.TRUE.equals(r.getBoolean(10));
    Map<String, Object> publicMember =
        hasPublicMember ? JsonValues.mapFromText(r.getString(11), dataText, data) : null;
    Map<String, Object> raw = JsonValues.mapFromText(r.getString(12));
    return new StoredEvent(
        r.getString(0), r.getString(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
        JsonValues.mapFromText(r.getString(6)), r.getString(7), r.getString(8),
        data, publicMember, raw == null ? data : raw,
        r.getString(13), r.getInteger(14), r.getString(15), r.getString(16), r.getString(17), r.getString(18),
        r.getLong(19));
  }
}
