package dev.xcomponent.adapter.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Turns composed YAML nodes into the JSON-like tree read by the domain, and remembers where each
 * document path starts in the text.
 *
 * <p>Rules: mappings become {@code LinkedHashMap<String, Object>} (keys are the key scalars' text,
 * in document order; a repeated key is an error and the first value is kept); lists become {@code
 * ArrayList}; scalars resolved by the YAML 1.2 Core schema become {@code Long} (integers), {@code
 * Double} (floats, including .inf and .nan), {@code Boolean}, null or {@code String}. Every other
 * scalar stays its text: in particular {@code ${NAME}} is never replaced by an environment
 * variable. An integer beyond 64 bits is an error.
 *
 * <p>Aliases: every use of an alias to a collection shares the one converted value (the tree is
 * read-only), and its expanded size and depth are counted without expanding it, against {@link
 * YamlLimits}; an alias to an enclosing collection is an error. Positions are recorded for the
 * paths of the anchored text only; a path inside a repeated alias is placed at the alias.
 */
final class TreeBuilder {
  /** Stops building: the document is too large or too deep once expanded. */
  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Located problem;

    Abort(Located problem) {
      super(problem.violation().message(), null, false, false);
      this.problem = problem;
    }
  }

  private final YamlLimits limits;
  private final Map<Tag, ConstructNode> constructors;
  private final Map<String, Mark> valueMarks = new HashMap<>();
  private final Map<String, Mark> keyMarks = new HashMap<>();
  private final List<Located> found = new ArrayList<>();
  private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Node, Built> done = new IdentityHashMap<>();
  private long values;

  TreeBuilder(YamlLimits limits, Schema schema) {
    this.limits = limits;
    this.constructors = schema.getSchemaTagConstructors();
  }

  /** Where each path's value starts. */
  Map<String, Mark> valueMarks() {
    return valueMarks;
  }

  /** Where each path's key starts (paths of mapping entries only). */
  Map<String, Mark> keyMarks() {
    return keyMarks;
  }

  /** Problems found while building (duplicate keys, bad scalars...). */
  List<Located> found() {
    return found;
  }

  /** Builds the tree of {@code root}; throws {@link Abort} when a limit is passed. */
  Object build(Node root) {
    return build(root, "", 1).value();
  }

  /** A converted node: its value, its size once expanded, its number of collection levels. */
  private record Built(Object value, long size, int height) {}

  private Built build(Node node, String path, int depth) {
    Optional<Mark> mark = node.getStartMark();
    mark.ifPresent(m -> valueMarks.putIfAbsent(path, m));
    Built again = done.get(node);
    if (again != null) {
      // An alias to a collection already converted: share the value, count its expanded size.
      count(again.size(), path, mark);
      checkDepth(depth + again.height() - 1, path, mark);
      return again;
    }
    count(1, path, mark);
    if (node instanceof ScalarNode scalar) {
      return new Built(scalar(scalar, path), 1, 0);
    }
    checkDepth(depth, path, mark);
    if (!open.add(node)) {
      found.add(
          Located.error(
              YamlCodes.RECURSIVE_ALIAS,
              path,
              mark,
              "An alias refers to a mapping or list that contains it",
              "remove the alias: a component cannot contain itself"));
      return new Built(null, 1, 0);
    }
    try {
      Built built;
      if (node instanceof SequenceNode seq) {
        built = sequence(seq, path, depth);
      } else if (node instanceof MappingNode map) {
        built = mapping(map, path, depth);
      } else {
        built = new Built(null, 1, 0);
      }
      done.put(node, built);
      return built;
    } finally {
      open.remove(node);
    }
  }

  private void count(long size, String path, Optional<Mark> mark) {
    values += size;
    if (values > limits.maxNodes()) {
      throw new Abort(
          Located.error(
              YamlCodes.ALIAS_LIMIT,
              path,
              mark,
              "The document expands to more than " + limits.maxNodes() + " values",
              "write repeated parts out instead of nesting aliases"));
    }
  }

  private void checkDepth(int depth, String path, Optional<Mark> mark) {
    if (depth > limits.maxDepth()) {
      throw new Abort(
          Located.error(
              YamlCodes.DEPTH_LIMIT,
              path,
              mark,
              "Nesting is deeper than " + limits.maxDepth() + " levels once aliases are expanded",
              "flatten the structure or write the aliased parts out"));
    }
  }

  private Built sequence(SequenceNode seq, String path, int depth) {
    List<Object> list = new ArrayList<>(seq.getValue().size());
    long size = 1;
    int height = 0;
    for (Node item : seq.getValue()) {
      Built b = build(item, path + "[" + list.size() + "]", depth + 1);
      list.add(b.value());
      size += b.size();
      height = Math.max(height, b.height());
    }
    return new Built(list, size, height + 1);
  }

  private Built mapping(MappingNode map, String path, int depth) {
    Map<String, Object> out = new LinkedHashMap<>();
    long size = 1;
    int height = 0;
    for (NodeTuple entry : map.getValue()) {
      Node keyNode = entry.getKeyNode();
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        found.add(
            Located.error(
                YamlCodes.NON_SCALAR_KEY,
                path,
                keyNode.getStartMark(),
                "A mapping key is a mapping or a list",
                "use plain text keys"));
        continue;
      }
      String key = keyScalar.getValue();
      String childPath = path.isEmpty() ? key : path + "." + key;
      if (out.containsKey(key)) {
        Mark first = keyMarks.get(childPath);
        found.add(
            Located.error(
                YamlCodes.DUPLICATE_KEY,
                childPath,
                keyNode.getStartMark(),
                "Duplicate key \"" + key + "\""
                    + (first == null ? "" : " (first given at line " + (first.getLine() + 1) + ")"),
                "keep a single \"" + key + ":\" in this mapping; YAML keys must be unique"));
        continue;
      }
      keyNode.getStartMark().ifPresent(m -> keyMarks.putIfAbsent(childPath, m));
      Built b = build(entry.getValueNode(), childPath, depth + 1);
      out.put(key, b.value());
      size += b.size();
      height = Math.max(height, b.height());
    }
    return new Built(out, size, height + 1);
  }

  private Object scalar(ScalarNode node, String path) {
    Tag tag = node.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (!Tag.INT.equals(tag) && !Tag.FLOAT.equals(tag) && !Tag.BOOL.equals(tag)) {
      return node.getValue();
    }
    Object value;
    try {
      value = constructors.get(tag).construct(node);
    } catch (RuntimeException e) {
      value = null;
    }
    if (value == null) {
      found.add(
          Located.error(
              YamlCodes.INVALID_SCALAR,
              path,
              node.getStartMark(),
              "\"" + node.getValue() + "\" is not a valid " + tag.getValue().replace(
                  "tag:yaml.org,2002:", "!!"),
              "fix the value or remove the tag"));
      return null;
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof BigInteger b) {
      if (b.bitLength() < 64) {
        return b.longValue();
      }
      found.add(
          Located.error(
              YamlCodes.INTEGER_TOO_LARGE,
              path,
              node.getStartMark(),
              "Integer " + node.getValue() + " does not fit in 64 bits",
              "use a smaller number, or quote it to keep it as text"));
      return null;
    }
    return value;
  }
}
