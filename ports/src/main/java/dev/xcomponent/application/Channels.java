package dev.xcomponent.application;

import java.util.List;
import java.util.Map;

/**
 * Broker channel names, as in the reference layout (SPEC §c.2), so runtimes and dashboards written
 * against either implementation interoperate.
 */
public final class Channels {
  public static final String CREATE_INSTANCE = "fsm:commands:create_instance";
  public static final String CROSS_COMPONENT_EVENT = "fsm:commands:cross_component_event";
  public static final String TRIGGER_EVENT = "fsm:commands:trigger_event";
  public static final String QUERY_INSTANCES = "fsm:commands:query_instances";
  public static final String QUERY_RESPONSES = "fsm:responses:query";
  /** Our addition: what became of a command carrying a {@code messageId}. */
  public static final String COMMAND_RESULTS = "fsm:responses:command";

  public static final String ANNOUNCE = "fsm:registry:announce";
  public static final String HEARTBEAT = "fsm:registry:heartbeat";
  public static final String SHUTDOWN = "fsm:registry:shutdown";
  public static final String DISCOVER = "fsm:registry:discover";

  public static final String STATE_CHANGE = "fsm:events:state_change";
  public static final String INSTANCE_CREATED = "fsm:events:instance_created";
  public static final String INSTANCE_COMPLETED = "fsm:events:instance_completed";
  public static final String TIMEOUT_TRIGGERED = "fsm:events:timeout_triggered";
  /** Our addition: an instance disposed of by a runtime. */
  public static final String INSTANCE_DISPOSED = "fsm:events:instance_disposed";

  /**
   * The command channels whose messages name the one component they are for: {@code componentName}
   * in create_instance and trigger_event, {@code targetComponent} in cross_component_event.
   */
  public static final List<String> ADDRESSED = List.of(CREATE_INSTANCE, CROSS_COMPONENT_EVENT, TRIGGER_EVENT);

  private Channels() {}

  /**
   * The consumer group {@code message} on {@code channel} is addressed to: the {@link #group} of
   * the component it names, or null when it names none (a trigger_event without {@code
   * componentName}, any message of another channel), in which case every group consuming the
   * channel must see it. A group's members ignore messages addressed to another component, so a
   * broker may leave those out of the group's deliveries.
   */
  public static String addressee(String channel, Map<String, ?> message) {
    String field = switch (channel) {
      case CREATE_INSTANCE, TRIGGER_EVENT -> "componentName";
      case CROSS_COMPONENT_EVENT -> "targetComponent";
      default -> null;
    };
    Object component = field == null ? null : message.get(field);
    return component instanceof String name && !name.isBlank() ? group(name) : null;
  }

  /** The channel of component-addressed messages (cascades and broadcasts). */
  public static String component(String name) {
    return "xcomponent:" + name;
  }

  /** The consumer group through which a component's runtimes take their commands. */
  public static String group(String component) {
    return "component." + component;
  }

  /** Where a component's runtime puts the messages it gave up on. */
  public static String deadLetter(String component) {
    return "fsm:deadletter:" + component;
  }
}
