package dev.xcomponent.port;

import java.util.Objects;

/**
 * An expected failure of a runtime operation, carrying a stable {@link ErrorCode}. Created without
 * a stack trace: these are answers, not bugs.
 */
public final class RuntimeFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public RuntimeFailure(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  public static RuntimeFailure instanceNotFound(String id) {
    return new RuntimeFailure(ErrorCode.INSTANCE_NOT_FOUND, "Instance " + id + " not found");
  }

  public static RuntimeFailure componentNotFound(String name) {
    return new RuntimeFailure(ErrorCode.COMPONENT_NOT_FOUND, "Component " + name + " not found");
  }

  /** The message of {@link #noEventStore()}. */
  public static final String NO_EVENT_STORE =
      "No event store configured (set DATABASE_URL or REDIS_URL to keep and search the history)";

  /** An operation that reads the event store, asked of a process that has none. */
  public static RuntimeFailure noEventStore() {
    return new RuntimeFailure(ErrorCode.UNAVAILABLE, NO_EVENT_STORE);
  }

  /** Whether {@code t} is the failure of {@link #noEventStore()}. */
  public static boolean isNoEventStore(Throwable t) {
    return t instanceof RuntimeFailure f && f.code == ErrorCode.UNAVAILABLE && NO_EVENT_STORE.equals(f.getMessage());
  }

  public static RuntimeFailure machineNotFound(String name) {
    return new RuntimeFailure(ErrorCode.MACHINE_NOT_FOUND, "Machine " + name + " not found");
  }
}
