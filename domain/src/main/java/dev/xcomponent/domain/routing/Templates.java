package dev.xcomponent.domain.routing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Payload templates of cascading rules. A string value that is entirely {@code {{path}}} (inner
 * text trimmed) is replaced by the typed value at that path of the source data; a missing value
 * drops the key. Nested maps are rendered recursively; lists, other values and partial templates
 * such as {@code "id-{{x}}"} are copied as they are.
 */
public final class Templates {
  private Templates() {}

  /** Renders {@code template} against {@code source}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> render(Map<String, ?> template, Map<String, ?> source) {
    Map<String, Object> out = new LinkedHashMap<>();
    template.forEach(
        (key, value) -> {
          Object rendered;
          if (value instanceof String s && isPlaceholder(s)) {
            rendered = Paths.get(source, s.substring(2, s.length() - 2).strip());
          } else if (value instanceof Map<?, ?> m) {
            rendered = render((Map<String, ?>) m, source);
          } else {
            rendered = value;
          }
          if (rendered != Paths.MISSING) {
            out.put(key, rendered);
          }
        });
    return out;
  }

  private static boolean isPlaceholder(String s) {
    return s.length() >= 4 && s.startsWith("{{") && s.endsWith("}}");
  }
}
