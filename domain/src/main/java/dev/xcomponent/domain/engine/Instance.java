package dev.xcomponent.domain.engine;

import dev.xcomponent.domain.model.StateMachine;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable image of one live instance of a machine.
 *
 * <p>Data model: a machine without a public member keeps its data in {@code context}; a machine
 * with one keeps it in {@code publicMember}, while {@code context} only accumulates merged payload
 * keys. {@link #data()} is the instance data used everywhere (routing, templates, views). Data maps
 * are never modified after they are stored in an instance.
 */
public final class Instance {
  private final String id;
  private final StateMachine machine;
  private final String state;
  private final Map<String, Object> publicMember;
  private final Map<String, Object> context;
  private final InstanceStatus status;
  private final long createdAt;
  private final long updatedAt;
  private final boolean entryPoint;
  private final String parentId;
  private final String parentMachine;
  private final long version;
  private final String correlationId;

  /** Builds an instance image; see the getters for the meaning of each field. */
  public Instance(
      String id,
      StateMachine machine,
      String state,
      Map<String, Object> publicMember,
      Map<String, Object> context,
      InstanceStatus status,
      long createdAt,
      long updatedAt,
      boolean entryPoint,
      String parentId,
      String parentMachine,
      long version,
      String correlationId) {
    this.id = Objects.requireNonNull(id, "id");
    this.machine = Objects.requireNonNull(machine, "machine");
    this.state = Objects.requireNonNull(state, "state");
    this.publicMember = publicMember;
    this.context = Objects.requireNonNull(context, "context");
    this.status = Objects.requireNonNull(status, "status");
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.entryPoint = entryPoint;
    this.parentId = parentId;
    this.parentMachine = parentMachine;
    this.version = version;
    this.correlationId = correlationId;
  }

  public String id() {
    return id;
  }

  public StateMachine machine() {
    return machine;
  }

  /** Name of the current state. */
  public String state() {
    return state;
  }

  /** The public member, or null when the machine has no public member type. */
  public Map<String, Object> publicMember() {
    return publicMember;
  }

  /** The context map (for public-member machines: the merged payload keys only). */
  public Map<String, Object> context() {
    return context;
  }

  /** The instance data: the public member when there is one, else the context. */
  public Map<String, Object> data() {
    return publicMember != null ? publicMember : context;
  }

  public InstanceStatus status() {
    return status;
  }

  public boolean isActive() {
    return status == InstanceStatus.ACTIVE;
  }

  /** Creation time, epoch milliseconds. */
  public long createdAt() {
    return createdAt;
  }

  /** Time of the last transition (or creation), epoch milliseconds. */
  public long updatedAt() {
    return updatedAt;
  }

  /** True for the entry-point instance of a component, which is never disposed. */
  public boolean isEntryPoint() {
    return entryPoint;
  }

  /** Id of the instance whose inter_machine transition created this one, or null. */
  public String parentId() {
    return parentId;
  }

  /** Machine of the parent instance, or null. */
  public String parentMachine() {
    return parentMachine;
  }

  /** Number of events recorded for this instance (creation counts as the first). */
  public long version() {
    return version;
  }

  /** The business flow the instance belongs to (shared by the instances one flow created). */
  public String correlationId() {
    return correlationId;
  }

  /** A copy after a transition to {@code newState} with new data, status and time. */
  public Instance next(
      String newState,
      Map<String, Object> newPublicMember,
      Map<String, Object> newContext,
      InstanceStatus newStatus,
      long at) {
    return new Instance(
        id,
        machine,
        newState,
        newPublicMember,
        newContext,
        newStatus,
        createdAt,
        at,
        entryPoint,
        parentId,
        parentMachine,
        version + 1,
        correlationId);
  }

  /** A copy flagged as the component's entry point. */
  public Instance asEntryPoint() {
    return new Instance(
        id, machine, state, publicMember, context, status, createdAt, updatedAt, true, parentId,
        parentMachine, version, correlationId);
  }

  @Override
  public String toString() {
    return "Instance[" + id + " " + machine.name() + "@" + state + " " + status + "]";
  }
}
