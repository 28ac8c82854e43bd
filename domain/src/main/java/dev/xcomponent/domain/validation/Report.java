package dev.xcomponent.domain.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one read, in the order they are found. */
final class Report {
  private final List<Violation> violations = new ArrayList<>();
  private boolean errors;

  void error(String code, String path, String message, String hint) {
    violations.add(Violation.error(code, path, message, hint));
    errors = true;
  }

  void warning(String code, String path, String message, String hint) {
    violations.add(Violation.warning(code, path, message, hint));
  }

  boolean hasErrors() {
    return errors;
  }

  List<Violation> violations() {
    return violations;
  }
}
