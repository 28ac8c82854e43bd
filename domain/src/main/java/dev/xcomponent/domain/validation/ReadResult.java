package dev.xcomponent.domain.validation;

import dev.xcomponent.domain.model.Component;
import java.util.List;

/**
 * The outcome of reading one component document.
 *
 * <p>Rule: {@code component} is null if and only if at least one violation is an error. Warnings
 * never prevent loading. Violations are listed in the order they were found, which follows the
 * document.
 *
 * @param component the component, or null when an error was found
 * @param violations every problem found, errors and warnings (never null)
 */
public record ReadResult(Component component, List<Violation> violations) {
  public ReadResult {
    violations = List.copyOf(violations);
    boolean errors = violations.stream().anyMatch(Violation::isError);
    if (errors && component != null) {
      throw new IllegalArgumentException("a component cannot come with errors");
    }
    if (!errors && component == null) {
      throw new IllegalArgumentException("a null component needs at least one error");
    }
  }

  /** Same as {@link #component()}: the component, or null when an error was found. */
  public Component componentOrNull() {
    return component;
  }

  /** True when at least one violation is an error. */
  public boolean hasErrors() {
    return component == null;
  }

  /** The errors, in order. */
  public List<Violation> errors() {
    return violations.stream().filter(Violation::isError).toList();
  }

  /** The warnings, in order. */
  public List<Violation> warnings() {
    return violations.stream().filter(v -> !v.isError()).toList();
  }
}
