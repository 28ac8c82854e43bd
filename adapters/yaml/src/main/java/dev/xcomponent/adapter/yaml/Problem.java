package dev.xcomponent.adapter.yaml;

import dev.xcomponent.domain.validation.Violation;
import java.util.Objects;

/**
 * A violation placed in a file: what is wrong (the {@link Violation}, with its document path,
 * code, message and hint) and where (1-based line and column; 1:1 when the problem concerns the
 * whole file).
 *
 * @param file the source name given to the loader (usually the file path)
 * @param line 1-based line
 * @param column 1-based column
 * @param violation the problem
 */
public record Problem(String file, int line, int column, Violation violation) {
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(violation, "violation");
  }

  public boolean isError() {
    return violation.isError();
  }

  public String code() {
    return violation.code();
  }

  public String message() {
    return violation.message();
  }

  /**
   * One line in the usual compiler form: {@code FILE:LINE:COL: error CODE: message (hint: ...)},
   * with {@code warning} in place of {@code error} for warnings.
   */
  public String format() {
    String text =
        file + ":" + line + ":" + column + ": " + (isError() ? "error" : "warning") + " "
            + violation.code() + ": " + violation.message();
    return violation.hint().isEmpty() ? text : text + " (hint: " + violation.hint() + ")";
  }

  @Override
  public String toString() {
    return format();
  }
}
