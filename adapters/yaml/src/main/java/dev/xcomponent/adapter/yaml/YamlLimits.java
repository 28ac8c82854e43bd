package dev.xcomponent.adapter.yaml;

/**
 * Bounds applied to every YAML document before and while it is parsed, so that a hostile file
 * cannot exhaust memory or stack.
 *
 * @param maxBytes largest accepted document, in UTF-8 bytes (checked before parsing; a file is
 *     refused from its size without being read)
 * @param maxAliases most aliases ({@code *name}) that refer to a mapping or a list
 * @param maxDepth deepest nesting of mappings and lists, aliases expanded
 * @param maxNodes most values in the document once aliases are expanded
 */
public record YamlLimits(long maxBytes, int maxAliases, int maxDepth, int maxNodes) {
  /** 1 MiB, 50 aliases, depth 50, one million values. */
  public static final YamlLimits DEFAULTS = new YamlLimits(1L << 20, 50, 50, 1_000_000);

  public YamlLimits {
    if (maxBytes <= 0 || maxBytes >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxBytes must be between 1 and 2^31 - 2: " + maxBytes);
    }
    if (maxAliases < 0 || maxDepth < 1 || maxNodes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** The default limits. */
  public static YamlLimits defaults() {
    return DEFAULTS;
  }

  /** These limits with another document size bound. */
  public YamlLimits withMaxBytes(long bytes) {
    return new YamlLimits(bytes, maxAliases, maxDepth, maxNodes);
  }
}
