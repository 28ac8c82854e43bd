package dev.xcomponent.adapter.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * First pass over the parser's event stream, before any tree is built: finds syntax errors, a
 * second document, nesting deeper than the limit, too many aliases to collections, undefined
 * aliases, mapping keys that are collections and explicit tags outside the standard set. It stops
 * at the first fatal finding but collects every rejected tag. Working on events keeps memory and
 * stack flat whatever the input.
 */
final class EventScanner {
  private static final String STANDARD_PREFIX = "tag:yaml.org,2002:";
  private static final Set<String> ALLOWED_TAGS =
      Stream.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ)
          .map(Tag::getValue)
          .collect(Collectors.toUnmodifiableSet());

  private final YamlLimits limits;
  private final List<Located> found = new ArrayList<>();
  private final Map<String, Boolean> anchorIsCollection = new HashMap<>();
  /** One entry per open collection: {1 for a mapping, 0 for a list; children seen so far}. */
  private final Deque<int[]> open = new ArrayDeque<>();
  private int depth;
  private int documents;
  private int collectionAliases;

  private EventScanner(YamlLimits limits) {
    this.limits = limits;
  }

  /** Every problem found; empty when the document may be composed safely. */
  static List<Located> scan(String text, LoadSettings settings, YamlLimits limits) {
    EventScanner scanner = new EventScanner(limits);
    try {
      for (Event e : new Parse(settings).parseString(text)) {
        if (!scanner.accept(e)) {
          break;
        }
      }
    } catch (MarkedYamlEngineException e) {
      String context = e.getContext() == null ? "" : e.getContext() + ": ";
      String started =
          e.getContextMark()
              .filter(c -> e.getProblemMark().map(p -> p.getLine() != c.getLine()).orElse(true))
              .map(c -> " (the construct started at line " + (c.getLine() + 1) + ")")
              .orElse("");
      Optional<Mark> at = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
      scanner.found.add(syntax(at, context + e.getProblem() + started));
    } catch (YamlEngineException e) {
      scanner.found.add(syntax(Optional.empty(), firstLine(e.getMessage())));
    }
    return scanner.found;
  }

  /** Handles one event; false to stop scanning. */
  private boolean accept(Event e) {
    switch (e.getEventId()) {
      case DocumentStart:
        if (++documents > 1) {
          return fatal(
              YamlCodes.MULTIPLE_DOCUMENTS,
              e,
              "The file holds more than one YAML document (a second one starts here)",
              "keep one component per file: remove the \"---\" separator and what follows, or"
                  + " move it to its own file");
        }
        return true;
      case MappingStart:
      case SequenceStart:
        if (inKeyPosition()) {
          return nonScalarKey(e);
        }
        open.push(new int[] {e.getEventId() == Event.ID.MappingStart ? 1 : 0, 0});
        if (++depth > limits.maxDepth()) {
          return fatal(
              YamlCodes.DEPTH_LIMIT,
              e,
              "Nesting is deeper than " + limits.maxDepth() + " levels",
              "flatten the structure; no component needs this depth");
        }
        checkTag(((CollectionStartEvent) e).getTag(), e);
        remember((NodeEvent) e, true);
        return true;
      case MappingEnd:
      case SequenceEnd:
        depth--;
        open.pop();
        return true;
      case Scalar:
        inKeyPosition();
        checkTag(((ScalarEvent) e).getTag(), e);
        remember((NodeEvent) e, false);
        return true;
      case Alias:
        return alias((AliasEvent) e);
      default:
        return true;
    }
  }

  private boolean alias(AliasEvent e) {
    String name = e.getAlias().getValue();
    Boolean collection = anchorIsCollection.get(name);
    boolean key = inKeyPosition();
    if (key && Boolean.TRUE.equals(collection)) {
      return nonScalarKey(e);
    }
    if (collection == null) {
      return fatal(
          YamlCodes.YAML_SYNTAX,
          e,
          "Alias *" + name + " refers to no anchor defined before it",
          "define \"&" + name + "\" before using \"*" + name + "\", or remove the alias");
    }
    if (collection && ++collectionAliases > limits.maxAliases()) {
      return fatal(
          YamlCodes.ALIAS_LIMIT,
          e,
          "More than " + limits.maxAliases() + " aliases refer to mappings or lists",
          "write the repeated parts out; component files need few or no aliases");
    }
    return true;
  }

  /** Counts a node in its parent; true when that node is a mapping key. */
  private boolean inKeyPosition() {
    int[] parent = open.peek();
    if (parent == null) {
      return false;
    }
    return parent[0] == 1 && parent[1]++ % 2 == 0;
  }

  private boolean nonScalarKey(Event e) {
    return fatal(
        YamlCodes.NON_SCALAR_KEY,
        e,
        "A mapping key is a mapping or a list",
        "use plain text keys");
  }

  private void remember(NodeEvent e, boolean collection) {
    e.getAnchor().ifPresent(a -> anchorIsCollection.put(a.getValue(), collection));
  }

  private void checkTag(Optional<String> tag, Event e) {
    if (tag.isEmpty() || ALLOWED_TAGS.contains(tag.get())) {
      return;
    }
    String shown =
        tag.get().startsWith(STANDARD_PREFIX)
            ? "!!" + tag.get().substring(STANDARD_PREFIX.length())
            : tag.get();
    found.add(
        Located.error(
            YamlCodes.TYPE_TAG_REJECTED,
            e.getStartMark(),
            "Explicit tag " + shown + " is not allowed; no value is ever turned into a Java object",
            "remove the tag: only plain values are accepted (the only tags allowed are !!str,"
                + " !!int, !!float, !!bool, !!null, !!map and !!seq)"));
  }

  private boolean fatal(String code, Event e, String message, String hint) {
    found.add(Located.error(code, e.getStartMark(), message, hint));
    return false;
  }

  private static Located syntax(Optional<Mark> mark, String problem) {
    return Located.error(
        YamlCodes.YAML_SYNTAX,
        mark,
        "YAML syntax error: " + problem,
        "check the indentation, the ':' after each key, closing brackets and quotes near this"
            + " position");
  }

  static String firstLine(String text) {
    if (text == null) {
      return "unreadable input";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
