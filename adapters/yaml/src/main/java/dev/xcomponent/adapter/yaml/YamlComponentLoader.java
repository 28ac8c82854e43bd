package dev.xcomponent.adapter.yaml;

import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.validation.ComponentReader;
import dev.xcomponent.domain.validation.ReadResult;
import dev.xcomponent.domain.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Loads a component from a YAML file, safely, and reports every problem with its file, line and
 * column.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>the text is at most {@link YamlLimits#maxBytes()} UTF-8 bytes, checked before parsing (a
 *       file is refused from its size, without being read);
 *   <li>YAML 1.2 with the Core schema; no value is ever turned into a Java object: an explicit tag
 *       other than !!str, !!int, !!float, !!bool, !!null, !!map and !!seq is refused
 *       (TYPE_TAG_REJECTED), and {@code ${NAME}} stays text;
 *   <li>one document per file; its root is a mapping; keys are unique;
 *   <li>at most {@link YamlLimits#maxAliases()} aliases to collections, nesting at most {@link
 *       YamlLimits#maxDepth()} deep, at most {@link YamlLimits#maxNodes()} values once aliases are
 *       expanded;
 *   <li>integers become {@code Long}, floats {@code Double}; an integer beyond 64 bits is an error.
 * </ul>
 *
 * <p>The resulting tree is read by {@link ComponentReader}; each of its violations is placed at the
 * position of its document path, or of the closest enclosing value that exists (a missing {@code
 * initialState} points at its machine). Unknown, removed and deprecated keys point at the key.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class YamlComponentLoader {
  private final YamlLimits limits;

  /** A loader with {@link YamlLimits#DEFAULTS}. */
  public YamlComponentLoader() {
    this(YamlLimits.DEFAULTS);
  }

  public YamlComponentLoader(YamlLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public YamlLimits limits() {
    return limits;
  }

  /** Loads a UTF-8 file; the problems name it by {@code file.toString()}. */
  public LoadResult load(Path file) {
    String name = file.toString();
    if (!Files.exists(file)) {
      return failure(
          name,
          YamlCodes.FILE_NOT_FOUND,
          "File not found: " + file.toAbsolutePath().normalize(),
          "check the path; a relative path is resolved from "
              + Path.of("").toAbsolutePath());
    }
    if (!Files.isRegularFile(file)) {
      return failure(
          name, YamlCodes.FILE_UNREADABLE, "Not a regular file: " + file, "give a .yaml file");
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        return tooLarge(name, size);
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) limits.maxBytes() + 1);
      }
      if (bytes.length > limits.maxBytes()) {
        return tooLarge(name, bytes.length);
      }
    } catch (IOException | SecurityException e) {
      return failure(
          name,
          YamlCodes.FILE_UNREADABLE,
          "Cannot read " + file + ": " + e.getMessage(),
          "check that the file is readable");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return failure(
          name, YamlCodes.FILE_UNREADABLE, "The file is not UTF-8 text", "save it as UTF-8");
    }
    return load(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  /** Loads YAML text; {@code sourceName} names it in the problems. */
  public LoadResult load(String sourceName, String yamlText) {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(yamlText, "yamlText");
    long size = utf8Length(yamlText, limits.maxBytes());
    if (size > limits.maxBytes()) {
      return tooLarge(sourceName, size);
    }
    LoadSettings settings = settings(sourceName);
    List<Located> early = EventScanner.scan(yamlText, settings, limits);
    if (!early.isEmpty()) {
      return result(sourceName, null, early, null);
    }
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(yamlText);
    } catch (YamlEngineException e) {
      return result(
          sourceName,
          null,
          List.of(
              Located.error(
                  YamlCodes.YAML_SYNTAX,
                  Optional.empty(),
                  "YAML syntax error: " + EventScanner.firstLine(e.getMessage()),
                  "check the YAML syntax")),
          null);
    }
    if (root.isEmpty() || (root.get() instanceof ScalarNode s && Tag.NULL.equals(s.getTag()))) {
      return result(sourceName, ComponentReader.read(null), List.of(), null);
    }
    if (!(root.get() instanceof MappingNode)) {
      return result(
          sourceName,
          null,
          List.of(
              Located.error(
                  YamlCodes.ROOT_NOT_MAPPING,
                  root.get().getStartMark(),
                  "The document must be a mapping (name:, stateMachines:, ...), not a "
                      + (root.get() instanceof ScalarNode ? "single value" : "list"),
                  "write the component as \"key: value\" lines at the top level")),
          null);
    }
    TreeBuilder builder = new TreeBuilder(limits, settings.getSchema());
    Object tree;
    try {
      tree = builder.build(root.get());
    } catch (TreeBuilder.Abort abort) {
      return result(sourceName, null, List.of(abort.problem), null);
    }
    @SuppressWarnings("unchecked")
    ReadResult read = ComponentReader.read((Map<String, Object>) tree);
    return result(sourceName, read, builder.found(), builder);
  }

  private LoadSettings settings(String sourceName) {
    return LoadSettings.builder()
        .setLabel(sourceName)
        .setSchema(new CoreSchema())
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(limits.maxAliases())
        .setCodePointLimit((int) limits.maxBytes() + 1)
        .setParseComments(false)
        .setUseMarks(true)
        .build();
  }

  /**
   * Places the reader's violations, merges them with the parse problems and sorts by position.
   */
  private static LoadResult result(
      String source, ReadResult read, List<Located> early, TreeBuilder positions) {
    List<Problem> problems = new ArrayList<>();
    early.forEach(l -> problems.add(l.toProblem(source)));
    if (read != null) {
      Positions at = positions == null ? Positions.NONE : new Positions(positions);
      for (Violation v : read.violations()) {
        problems.add(at.place(source, v));
      }
    }
    problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    boolean errors = problems.stream().anyMatch(Problem::isError);
    Component component = errors || read == null ? null : read.component();
    return new LoadResult(source, component, problems);
  }

  private static LoadResult failure(String source, String code, String message, String hint) {
    Problem p = new Problem(source, 1, 1, Violation.error(code, "", message, hint));
    return new LoadResult(source, null, List.of(p));
  }

  private LoadResult tooLarge(String source, long size) {
    return failure(
        source,
        YamlCodes.SIZE_LIMIT,
        "The document is larger than the limit of " + limits.maxBytes() + " bytes"
            + (size > 0 ? " (" + size + "+ bytes)" : ""),
        "split the component into smaller files, or raise YamlLimits.maxBytes");
  }

  /** UTF-8 length of {@code s}, counting stops just past {@code max}. */
  static long utf8Length(String s, long max) {
    long n = 0;
    for (int i = 0; i < s.length() && n <= max; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
