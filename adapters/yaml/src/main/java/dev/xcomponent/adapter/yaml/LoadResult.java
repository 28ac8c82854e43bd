package dev.xcomponent.adapter.yaml;

import dev.xcomponent.domain.model.Component;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of loading one YAML component file.
 *
 * <p>Rule: {@code component} is null if and only if at least one problem is an error. Problems
 * are sorted by line, then column.
 *
 * @param sourceName the file path or name given to the loader
 * @param component the component, or null when an error was found
 * @param problems every problem found, errors and warnings (never null)
 */
public record LoadResult(String sourceName, Component component, List<Problem> problems) {
  public LoadResult {
    problems = List.copyOf(problems);
    boolean errors = problems.stream().anyMatch(Problem::isError);
    if (errors == (component != null)) {
      throw new IllegalArgumentException("component must be null exactly when there are errors");
    }
  }

  /** Same as {@link #component()}: the component, or null when an error was found. */
  public Component componentOrNull() {
    return component;
  }

  public boolean hasErrors() {
    return component == null;
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** Every problem formatted with {@link Problem#format()}, one per line. */
  public String format() {
    return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
  }
}
