package dev.xcomponent.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The optional configuration file of {@code serve}, {@code runtime} and {@code dashboard}
 * ({@code --config FILE}): a YAML mapping whose keys are the names of the configuration variables
 * ({@code PORT: 3000}, {@code BROKER_URL: amqp://…}) and whose values are scalars. It sits under
 * the environment: a variable set in the environment wins over the file, and a command-line option
 * wins over both. Unknown keys, non-scalar values, aliases and files over {@link #MAX_BYTES} are
 * refused with a message naming the file and the key, so a typo never goes unnoticed.
 */
final class ConfigFile {
  /** Largest configuration file read. */
  static final int MAX_BYTES = 64 * 1024;

  /** Every key the file may set. */
  static final Set<String> KEYS = Set.of(
      "PORT", "HOST", "DATABASE_URL", "REDIS_URL", "BROKER_URL", "SNAPSHOT_INTERVAL", "EVENT_LOOPS", "XCOMPONENT_PLUGINS",
      "HEARTBEAT_INTERVAL_MS", "RUNTIME_TIMEOUT_MS", "COMMAND_TIMEOUT_MS", "API_TOKEN", "API_VIEWER_TOKEN",
      "LOG_FORMAT");

  private ConfigFile() {}

  /**
   * The environment the command sees: {@code env} over the values of {@code file} (null: no file).
   *
   * @throws CliException (exit code 2) when the file cannot be read or holds something not allowed
   */
  static Map<String, String> under(Args args, Map<String, String> env) throws CliException {
    return under(args.value("config").orElse(null), env);
  }

  static Map<String, String> under(String file, Map<String, String> env) throws CliException {
    if (file == null) {
      return env;
    }
    Map<String, String> merged = new HashMap<>(read(Path.of(file)));
    env.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        merged.put(k, v);
      }
    });
    return merged;
  }

  static Map<String, String> read(Path file) throws CliException {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new CliException(2, "--config " + file + " is larger than " + MAX_BYTES + " bytes");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(2, "--config " + file + " cannot be read: " + e.getMessage());
    }
    Object tree;
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(0).setCodePointLimit(MAX_BYTES).build();
      tree = new Load(settings).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new CliException(2, "--config " + file + " is not valid YAML: " + firstLine(e.getMessage()));
    }
    if (tree == null) {
      return Map.of();
    }
    if (!(tree instanceof Map<?, ?> map)) {
      throw new CliException(2, "--config " + file + " must be a mapping of settings, such as 'PORT: 3000'");
    }
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!KEYS.contains(key)) {
        throw new CliException(2, "--config " + file + ": unknown setting '" + key + "'; accepted: "
            + String.join(", ", new TreeSet<>(KEYS)));
      }
      Object value = e.getValue();
      if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
        throw new CliException(2, "--config " + file + ": " + key + " must be a single value, not a list or mapping");
      }
      if (value != null) {
        out.put(key, String.valueOf(value));
      }
    }
    return out;
  }

  private static String firstLine(String message) {
    String m = String.valueOf(message).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
