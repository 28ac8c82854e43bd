package dev.xcomponent.application;

/**
 * Broker channel names, as in the reference layout (SPEC §c.2), so runtimes and dashboards written
 * against either implementation interoperate.
 */
public final class Channels {
  public static final String CREATE_INSTANCE = "fsm:commands:create_instance";
  public static final String CROSS_COMPONENT_EVENT = "fsm:commands:cross_component_event";
  public static final String TRIGGER_EVENT = "fsm:commands:trigger_event";

  private Channels() {}

  /** The channel of component-addressed messages (cascades and broadcasts). */
  public static String component(String name) {
    return "xcomponent:" + name;
  }
}
