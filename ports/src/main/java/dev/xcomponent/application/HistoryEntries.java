package dev.xcomponent.application;

import dev.xcomponent.domain.engine.InstanceCreated;
import dev.xcomponent.domain.engine.InstanceEvent;
import dev.xcomponent.domain.engine.TransitionRecorded;
import dev.xcomponent.port.HistoryEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns recorded instance events into history entries. Ids are {@code <instanceId>:<seq>}. */
final class HistoryEntries {
  static final String INSTANCE_CREATED = "INSTANCE_CREATED";

  private HistoryEntries() {}

  static HistoryEntry of(String component, String machine, InstanceEvent e) {
    if (e instanceof InstanceCreated c) {
      return of(component, c);
    }
    return of(component, machine, (TransitionRecorded) e);
  }

  static HistoryEntry of(String component, InstanceCreated c) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("parentInstanceId", c.parentId());
    payload.put("parentMachineName", c.parentMachine());
    payload.put("triggerEvent", c.cause());
    Map<String, Object> data = c.publicMember() != null ? c.publicMember() : c.context();
    payload.put("initialContext", data);
    return new HistoryEntry(
        c.instanceId() + ":" + c.seq(),
        c.seq(),
        c.instanceId(),
        component,
        c.machineName(),
        INSTANCE_CREATED,
        payload,
        "",
        c.initialState(),
        data,
        null,
        c.timestamp(),
        c.causationId(),
        c.correlationId());
  }

  static HistoryEntry of(String component, String machine, TransitionRecorded r) {
    return new HistoryEntry(
        r.instanceId() + ":" + r.seq(),
        r.seq(),
        r.instanceId(),
        component,
        machine,
        r.event().type(),
        r.event().payload(),
        r.fromState(),
        r.toState(),
        r.publicMember() != null ? r.publicMember() : r.context(),
        r.event().sourceComponent(),
        r.timestamp(),
        r.event().causationId(),
        r.event().correlationId());
  }
}
