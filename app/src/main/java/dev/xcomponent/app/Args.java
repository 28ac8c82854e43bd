package dev.xcomponent.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed arguments of one command: options and positional arguments.
 *
 * <p>Accepted forms: {@code --name value}, {@code --name=value}, a short alias such as {@code -p
 * value}, boolean flags such as {@code --strict}, and {@code --} to end options (everything after
 * it is positional). A lone {@code -} is positional. An option given twice keeps its last value.
 * Anything else that starts with {@code -} is an unknown option.
 */
public final class Args {
  private final Map<String, String> values;
  private final Set<String> flags;
  private final List<String> positionals;

  private Args(Map<String, String> values, Set<String> flags, List<String> positionals) {
    this.values = values;
    this.flags = flags;
    this.positionals = positionals;
  }

  /**
   * What a command accepts.
   *
   * @param valued long names (without dashes) of options that take a value
   * @param flags long names of boolean options
   * @param aliases short forms ({@code "p"}) to long names ({@code "port"})
   */
  public record Spec(Set<String> valued, Set<String> flags, Map<String, String> aliases) {
    public Spec {
      valued = Set.copyOf(valued);
      flags = Set.copyOf(flags);
      aliases = Map.copyOf(aliases);
    }
  }

  /** Parses {@code tokens} against {@code spec}; fails on unknown options and missing values. */
  public static Args parse(List<String> tokens, Spec spec) throws UsageException {
    Map<String, String> values = new HashMap<>();
    Set<String> flags = new HashSet<>();
    List<String> positionals = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (optionsEnded || !token.startsWith("-") || token.equals("-")) {
        positionals.add(token);
        continue;
      }
      if (token.equals("--")) {
        optionsEnded = true;
        continue;
      }
      String name;
      String inline = null;
      if (token.startsWith("--")) {
        int eq = token.indexOf('=');
        name = eq < 0 ? token.substring(2) : token.substring(2, eq);
        inline = eq < 0 ? null : token.substring(eq + 1);
      } else {
        name = spec.aliases().get(token.substring(1));
        if (name == null) {
          throw new UsageException("unknown option " + token);
        }
      }
      if (spec.flags().contains(name)) {
        if (inline != null) {
          throw new UsageException("option --" + name + " takes no value");
        }
        flags.add(name);
      } else if (spec.valued().contains(name)) {
        if (inline == null) {
          if (i + 1 >= tokens.size()) {
            throw new UsageException("option --" + name + " needs a value");
          }
          inline = tokens.get(++i);
        }
        values.put(name, inline);
      } else {
        throw new UsageException("unknown option " + token);
      }
    }
    return new Args(values, flags, positionals);
  }

  /** The value of a valued option, if given. */
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** True when the flag was given. */
  public boolean flag(String name) {
    return flags.contains(name);
  }

  /** The positional arguments, in order. */
  public List<String> positionals() {
    return List.copyOf(positionals);
  }

  /** The value of a required option; fails naming it when absent. */
  public String require(String name) throws UsageException {
    String v = values.get(name);
    if (v == null) {
      throw new UsageException("option --" + name + " is required");
    }
    return v;
  }

  /** True when {@code tokens} asks for help before any {@code --}. */
  public static boolean wantsHelp(List<String> tokens) {
    for (String t : tokens) {
      if (t.equals("--")) {
        return false;
      }
      if (t.equals("--help") || t.equals("-h")) {
        return true;
      }
    }
    return false;
  }
}
