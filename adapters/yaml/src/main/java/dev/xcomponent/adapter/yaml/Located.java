package dev.xcomponent.adapter.yaml;

import dev.xcomponent.domain.validation.Violation;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;

/** A violation found while parsing, with the parser's position (0-based) when known. */
record Located(Violation violation, Optional<Mark> mark) {
  static Located error(String code, Optional<Mark> mark, String message, String hint) {
    return new Located(Violation.error(code, "", message, hint), mark);
  }

  static Located error(String code, String path, Optional<Mark> mark, String message, String hint) {
    return new Located(Violation.error(code, path, message, hint), mark);
  }

  /** As a problem of {@code file}, with a 1-based line and column (1:1 when unknown). */
  Problem toProblem(String file) {
    int line = mark.map(m -> m.getLine() + 1).orElse(1);
    int column = mark.map(m -> m.getColumn() + 1).orElse(1);
    return new Problem(file, line, column, violation);
  }
}
