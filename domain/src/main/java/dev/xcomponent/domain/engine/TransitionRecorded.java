package dev.xcomponent.domain.engine;

import java.util.Map;

/**
 * A transition was executed.
 *
 * @param instanceId instance id
 * @param seq per-instance sequence number
 * @param transitionIndex index of the fired transition in its machine
 * @param event the triggering event
 * @param fromState state before
 * @param toState state after
 * @param publicMember public member after the transition (null without one)
 * @param context context after the transition
 * @param status status after the transition
 * @param timestamp time of the transition
 * @param eventId id of this recorded event
 */
public record TransitionRecorded(
    String instanceId,
    long seq,
    int transitionIndex,
    Event event,
    String fromState,
    String toState,
    Map<String, Object> publicMember,
    Map<String, Object> context,
    InstanceStatus status,
    long timestamp,
    String eventId)
    implements InstanceEvent {}
