package dev.xcomponent.domain.engine;

import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.StateMachine;
import java.util.Map;

/**
 * Applies recorded events to instances. Pure: replaying the events of an instance from its
 * creation (or from a snapshot) rebuilds exactly the instance the runtime had, without running user
 * code.
 */
public final class Evolver {
  private Evolver() {}

  /** The instance a creation event describes. */
  public static Instance create(Component component, InstanceCreated created) {
    StateMachine machine = component.machine(created.machineName());
    if (machine == null) {
      throw new IllegalArgumentException(
          "Machine " + created.machineName() + " not found in component " + component.name());
    }
    return new Instance(
        created.instanceId(),
        machine,
        created.initialState(),
        created.publicMember(),
        created.context(),
        InstanceStatus.ACTIVE,
        created.timestamp(),
        created.timestamp(),
        created.entryPoint(),
        created.parentId(),
        created.parentMachine(),
        1L,
        created.correlationId());
  }

  /** The instance after a recorded transition. */
  public static Instance apply(Instance instance, TransitionRecorded event) {
    if (!instance.id().equals(event.instanceId())) {
      throw new IllegalArgumentException(
          "event of " + event.instanceId() + " applied to " + instance.id());
    }
    return instance.next(
        event.toState(), event.publicMember(), event.context(), event.status(), event.timestamp());
  }

  /** The instance after replaying {@code events} in order (a fold of {@link #apply}). */
  public static Instance replay(Instance instance, Iterable<TransitionRecorded> events) {
    Instance current = instance;
    for (TransitionRecorded e : events) {
      current = apply(current, e);
    }
    return current;
  }

  /**
   * The creation event of a new instance. With a public member type the initial data becomes the
   * public member and the context starts empty; otherwise the initial data is the context. An
   * instance starts its own flow (its id is the correlation id) unless it was created within one.
   */
  public static InstanceCreated creation(
      StateMachine machine,
      String id,
      Map<String, Object> initialData,
      long now,
      boolean entryPoint,
      String parentId,
      String parentMachine,
      String cause,
      String eventId,
      String correlationId,
      String causationId) {
    Map<String, Object> pm = machine.hasPublicMember() ? initialData : null;
    Map<String, Object> ctx = machine.hasPublicMember() ? Map.of() : initialData;
    return new InstanceCreated(
        id,
        machine.name(),
        machine.initialState(),
        pm,
        ctx,
        now,
        entryPoint,
        parentId,
        parentMachine,
        cause,
        eventId,
        correlationId != null ? correlationId : id,
        causationId);
  }
}
