package dev.xcomponent.port;

import java.util.List;

/**
 * The events of one business flow, across instances and components, oldest first: what a sequence
 * diagram of the flow is drawn from.
 *
 * @param correlationId the flow
 * @param events its events, oldest first
 * @param fromStore true when read from the event store; without one, only the instance's own
 *     events are known
 */
public record CorrelatedEvents(String correlationId, List<HistoryEntry> events, boolean fromStore) {
  public CorrelatedEvents {
    events = List.copyOf(events);
  }
}
