package dev.xcomponent.domain.engine;

import java.util.Map;

/**
 * An instance was created.
 *
 * @param instanceId new instance id
 * @param machineName its machine
 * @param initialState the machine's initial state
 * @param publicMember initial public member, or null for machines without one
 * @param context initial context
 * @param timestamp creation time
 * @param entryPoint whether it is the component's entry point
 * @param parentId creating instance (inter_machine), or null
 * @param parentMachine machine of the creating instance, or null
 * @param cause why it was created, such as {@code manual create} or {@code inter_machine
 *     transition}
 * @param eventId id of this creation event
 * @param correlationId the flow the instance belongs to
 * @param causationId the recorded event whose effect created it, or null
 */
public record InstanceCreated(
    String instanceId,
    String machineName,
    String initialState,
    Map<String, Object> publicMember,
    Map<String, Object> context,
    long timestamp,
    boolean entryPoint,
    String parentId,
    String parentMachine,
    String cause,
    String eventId,
    String correlationId,
    String causationId)
    implements InstanceEvent {
  @Override
  public long seq() {
    return 1L;
  }
}
