package dev.xcomponent.adapter.yaml;

/**
 * Codes of the problems found by {@link YamlComponentLoader} before the component itself is read
 * (all are errors). Problems in the component's content use the codes of {@link
 * dev.xcomponent.domain.validation.ViolationCodes}.
 */
public final class YamlCodes {
  private YamlCodes() {}

  /** The file does not exist. */
  public static final String FILE_NOT_FOUND = "FILE_NOT_FOUND";
  /** The file cannot be read, is not a regular file or is not UTF-8 text. */
  public static final String FILE_UNREADABLE = "FILE_UNREADABLE";
  /** The document is larger than {@link YamlLimits#maxBytes()}. */
  public static final String SIZE_LIMIT = "SIZE_LIMIT";
  /** The text is not well-formed YAML. */
  public static final String YAML_SYNTAX = "YAML_SYNTAX";
  /** The file holds more than one YAML document. */
  public static final String MULTIPLE_DOCUMENTS = "MULTIPLE_DOCUMENTS";
  /** The document is not a mapping. */
  public static final String ROOT_NOT_MAPPING = "ROOT_NOT_MAPPING";
  /** A mapping repeats a key. */
  public static final String DUPLICATE_KEY = "DUPLICATE_KEY";
  /** A value carries an explicit tag other than the standard !!str, !!int, !!float... */
  public static final String TYPE_TAG_REJECTED = "TYPE_TAG_REJECTED";
  /** More aliases to mappings or lists than {@link YamlLimits#maxAliases()}, or too many values. */
  public static final String ALIAS_LIMIT = "ALIAS_LIMIT";
  /** Nesting deeper than {@link YamlLimits#maxDepth()}. */
  public static final String DEPTH_LIMIT = "DEPTH_LIMIT";
  /** An alias refers to a collection that contains it. */
  public static final String RECURSIVE_ALIAS = "RECURSIVE_ALIAS";
  /** A mapping key is itself a mapping or a list. */
  public static final String NON_SCALAR_KEY = "NON_SCALAR_KEY";
  /** A value tagged !!int, !!float or !!bool cannot be read as such. */
  public static final String INVALID_SCALAR = "INVALID_SCALAR";
  /** An integer does not fit in 64 bits. */
  public static final String INTEGER_TOO_LARGE = "INTEGER_TOO_LARGE";
}
