package dev.xcomponent.adapter.yaml;

import dev.xcomponent.domain.validation.Violation;
import dev.xcomponent.domain.validation.ViolationCodes;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Finds the text position of a document path such as {@code stateMachines[0].transitions[3].to}.
 * When the path does not exist in the text (a missing field), the closest enclosing path that
 * exists is used. Violations about a key itself (unknown, removed, deprecated) point at the key,
 * the others at the value.
 */
final class Positions {
  static final Positions NONE = new Positions(Map.of(), Map.of());

  private static final Set<String> KEY_CODES =
      Set.of(ViolationCodes.UNKNOWN_KEY, ViolationCodes.REMOVED_KEY, ViolationCodes.DEPRECATED_KEY);

  private final Map<String, Mark> values;
  private final Map<String, Mark> keys;

  Positions(TreeBuilder built) {
    this(built.valueMarks(), built.keyMarks());
  }

  private Positions(Map<String, Mark> values, Map<String, Mark> keys) {
    this.values = values;
    this.keys = keys;
  }

  Problem place(String file, Violation v) {
    return new Located(v, find(v.path(), KEY_CODES.contains(v.code()))).toProblem(file);
  }

  Optional<Mark> find(String path, boolean preferKey) {
    if (preferKey && keys.containsKey(path)) {
      return Optional.of(keys.get(path));
    }
    String p = path;
    while (true) {
      Mark m = values.get(p);
      if (m != null) {
        return Optional.of(m);
      }
      if (p.isEmpty()) {
        return Optional.empty();
      }
      p = parent(p);
    }
  }

  /** {@code a.b[2].c} → {@code a.b[2]} → {@code a.b} → {@code a} → the root. */
  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
