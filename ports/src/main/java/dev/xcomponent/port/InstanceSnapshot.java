package dev.xcomponent.port;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole state of one instance after its event {@code seq}: restoring it and replaying the
 * events after {@code seq} rebuilds the instance.
 *
 * @param instanceId instance id
 * @param componentName owning component
 * @param machineName machine
 * @param state current state
 * @param status {@code active}, {@code completed} or {@code error}
 * @param publicMember public member, or null when the machine has none
 * @param context context map
 * @param createdAt creation time (epoch ms)
 * @param updatedAt time of the last event (epoch ms)
 * @param entryPoint whether it is the component's entry point
 * @param parentId parent instance, or null
 * @param parentMachine parent's machine, or null
 * @param seq sequence number of the last event included
 * @param correlationId correlation id of the instance's flow
 * @param lastEventId id of the event {@code seq}
 * @param timers timers armed after that event, with their due times
 */
public record InstanceSnapshot(
    String instanceId,
    String componentName,
    String machineName,
    String state,
    String status,
    Map<String, Object> publicMember,
    Map<String, Object> context,
    long createdAt,
    long updatedAt,
    boolean entryPoint,
    String parentId,
    String parentMachine,
    long seq,
    String correlationId,
    String lastEventId,
    List<ArmedTimer> timers) {

  public InstanceSnapshot {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(componentName, "componentName");
    Objects.requireNonNull(machineName, "machineName");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(context, "context");
    timers = timers == null ? List.of() : List.copyOf(timers);
  }

  /** True while the instance takes events. */
  public boolean isActive() {
    return "active".equals(status);
  }

  /**
   * A timer armed for a timed transition.
   *
   * @param transitionIndex index of the timeout or auto transition in the machine
   * @param dueAt epoch ms when it fires
   */
  public record ArmedTimer(int transitionIndex, long dueAt) {}
}
