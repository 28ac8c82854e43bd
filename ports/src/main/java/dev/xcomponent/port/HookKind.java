package dev.xcomponent.port;

/** Where a user hook is declared: a transition's {@code triggeredMethod}, a state's onEntry/onExit. */
public enum HookKind {
  TRIGGERED("triggered_method"),
  ENTRY("entry_method"),
  EXIT("exit_method");

  private final String eventName;

  HookKind(String eventName) {
    this.eventName = eventName;
  }

  /** The runtime event name reported for this hook, such as {@code entry_method}. */
  public String eventName() {
    return eventName;
  }
}
