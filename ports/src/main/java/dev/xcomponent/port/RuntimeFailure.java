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

  public static RuntimeFailure machineNotFound(String name) {
    return new RuntimeFailure(ErrorCode.MACHINE_NOT_FOUND, "Machine " + name + " not found");
  }
}
