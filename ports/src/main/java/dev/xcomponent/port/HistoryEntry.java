package dev.xcomponent.port;

import java.util.Map;

/**
 * One recorded event of an instance, as shown by history views.
 *
 * @param id event id
 * @param seq per-instance sequence number
 * @param instanceId instance
 * @param componentName component
 * @param machineName machine
 * @param eventType {@code INSTANCE_CREATED} or the transition's event type
 * @param payload event payload (for creations: cause, parent and initial data)
 * @param fromState state before ({@code ""} for a creation)
 * @param toState state after
 * @param data instance data after the event
 * @param sourceComponent component that sent the event across components, or null
 * @param timestamp epoch ms
 * @param causationId the recorded event whose effect produced this one, or null
 * @param correlationId the business flow the event belongs to, or null when unknown
 */
public record HistoryEntry(
    String id,
    long seq,
    String instanceId,
    String componentName,
    String machineName,
    String eventType,
    Map<String, Object> payload,
    String fromState,
    String toState,
    Map<String, Object> data,
    String sourceComponent,
    long timestamp,
    String causationId,
    String correlationId) {}
