package dev.xcomponent.domain.validation;

import java.util.Objects;

/**
 * One problem found in a component definition.
 *
 * @param severity error (the component is refused) or warning (it loads)
 * @param code stable identifier such as {@code UNKNOWN_STATE}
 * @param path location in the document, such as {@code stateMachines[0].transitions[3].to}
 * @param message what is wrong
 * @param hint how to fix it
 */
public record Violation(Severity severity, String code, String path, String message, String hint) {
  /** How serious a violation is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Violation {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  public static Violation error(String code, String path, String message, String hint) {
    return new Violation(Severity.ERROR, code, path, message, hint);
  }

  public static Violation warning(String code, String path, String message, String hint) {
    return new Violation(Severity.WARNING, code, path, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
