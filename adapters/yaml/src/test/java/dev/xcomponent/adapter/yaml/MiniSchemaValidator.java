package dev.xcomponent.adapter.yaml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A minimal JSON Schema (2020-12) validator for tests, covering only the keywords used by
 * docs/component.schema.json: $ref (local), type, enum, const, required, properties,
 * additionalProperties, items, minItems, maxItems, minimum, maximum, pattern, allOf, if/then,
 * oneOf. Annotations (description, default, deprecated) are ignored. An unknown keyword fails, so
 * the schema cannot silently use more than this checks.
 */
final class MiniSchemaValidator {
  private static final List<String> KEYWORDS =
      List.of("$schema", "$id", "$ref", "$defs", "$comment", "title", "description", "default",
          "deprecated", "type", "enum", "const", "required", "properties", "additionalProperties",
          "items", "minItems", "maxItems", "minimum", "maximum", "pattern", "allOf", "if", "then",
          "oneOf");

  private final Map<String, Object> root;

  MiniSchemaValidator(Map<String, Object> root) {
    this.root = root;
  }

  /** The problems of {@code value}, as "path: what" lines; empty when valid. */
  List<String> validate(Object value) {
    List<String> out = new ArrayList<>();
    check(root, value, "$", out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private void check(Map<String, Object> schema, Object value, String path, List<String> out) {
    for (String keyword : schema.keySet()) {
      if (!KEYWORDS.contains(keyword)) {
        throw new IllegalArgumentException("keyword not supported by the test validator: " + keyword);
      }
    }
    if (schema.get("$ref") instanceof String ref) {
      String name = ref.substring("#/$defs/".length());
      check((Map<String, Object>) ((Map<String, Object>) root.get("$defs")).get(name), value, path,
          out);
    }
    Object type = schema.get("type");
    if (type != null) {
      List<Object> types = type instanceof List<?> l ? (List<Object>) l : List.of(type);
      if (types.stream().noneMatch(t -> hasType(value, (String) t))) {
        out.add(path + ": expected " + types + ", got " + value);
        return;
      }
    }
    if (schema.containsKey("enum") && !((List<Object>) schema.get("enum")).contains(value)) {
      out.add(path + ": " + value + " not in " + schema.get("enum"));
    }
    if (schema.containsKey("const") && !schema.get("const").equals(value)) {
      out.add(path + ": not " + schema.get("const"));
    }
    if (value instanceof String s && schema.get("pattern") instanceof String p
        && !Pattern.compile(p).matcher(s).find()) {
      out.add(path + ": \"" + s + "\" does not match " + p);
    }
    if (value instanceof Number n) {
      BigDecimal d = new BigDecimal(n.toString());
      if (schema.get("minimum") instanceof Number min && d.compareTo(new BigDecimal(min.toString())) < 0) {
        out.add(path + ": " + n + " < " + min);
      }
      if (schema.get("maximum") instanceof Number max && d.compareTo(new BigDecimal(max.toString())) > 0) {
        out.add(path + ": " + n + " > " + max);
      }
    }
    if (value instanceof List<?> list) {
      if (schema.get("minItems") instanceof Number min && list.size() < min.intValue()) {
        out.add(path + ": fewer than " + min + " items");
      }
      if (schema.get("maxItems") instanceof Number max && list.size() > max.intValue()) {
        out.add(path + ": more than " + max + " items");
      }
      if (schema.get("items") instanceof Map<?, ?> items) {
        for (int i = 0; i < list.size(); i++) {
          check((Map<String, Object>) items, list.get(i), path + "[" + i + "]", out);
        }
      }
    }
    if (value instanceof Map<?, ?> map) {
      checkObject(schema, (Map<String, Object>) map, path, out);
    }
    if (schema.get("allOf") instanceof List<?> all) {
      all.forEach(s -> check((Map<String, Object>) s, value, path, out));
    }
    if (schema.get("if") instanceof Map<?, ?> cond && schema.get("then") instanceof Map<?, ?> then
        && validAgainst((Map<String, Object>) cond, value)) {
      check((Map<String, Object>) then, value, path, out);
    }
    if (schema.get("oneOf") instanceof List<?> one) {
      long passing = one.stream().filter(s -> validAgainst((Map<String, Object>) s, value)).count();
      if (passing != 1) {
        out.add(path + ": matches " + passing + " oneOf alternatives");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void checkObject(
      Map<String, Object> schema, Map<String, Object> map, String path, List<String> out) {
    if (schema.get("required") instanceof List<?> required) {
      required.stream().filter(k -> !map.containsKey(k))
          .forEach(k -> out.add(path + ": missing " + k));
    }
    Map<String, Object> props =
        (Map<String, Object>) schema.getOrDefault("properties", Map.of());
    for (Map.Entry<String, Object> e : map.entrySet()) {
      String child = path + "." + e.getKey();
      if (props.get(e.getKey()) instanceof Map<?, ?> p) {
        check((Map<String, Object>) p, e.getValue(), child, out);
      } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
        out.add(child + ": not allowed");
      } else if (schema.get("additionalProperties") instanceof Map<?, ?> extra) {
        check((Map<String, Object>) extra, e.getValue(), child, out);
      }
    }
  }

  private boolean validAgainst(Map<String, Object> schema, Object value) {
    List<String> out = new ArrayList<>();
    check(schema, value, "$", out);
    return out.isEmpty();
  }

  private static boolean hasType(Object v, String type) {
    switch (type) {
      case "object":
        return v instanceof Map;
      case "array":
        return v instanceof List;
      case "string":
        return v instanceof String;
      case "boolean":
        return v instanceof Boolean;
      case "number":
        return v instanceof Number;
      case "integer":
        return v instanceof Number n && new BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0;
      case "null":
        return v == null;
      default:
        throw new IllegalArgumentException("unknown type " + type);
    }
  }
}
