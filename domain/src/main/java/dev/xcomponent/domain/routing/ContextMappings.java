package dev.xcomponent.domain.routing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the data of an instance created by an inter_machine or cross_component transition. With a
 * mapping, the result holds exactly the mapped keys whose source path exists; without one, it is a
 * copy of the whole source data.
 */
public final class ContextMappings {
  private ContextMappings() {}

  /** Applies {@code mapping} (target key to source path; null for "everything") to {@code source}. */
  public static Map<String, Object> apply(Map<String, String> mapping, Map<String, ?> source) {
    if (mapping == null) {
      return new LinkedHashMap<>(source);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    mapping.forEach(
        (target, path) -> {
          Object v = Paths.get(source, path);
          if (v != Paths.MISSING) {
            out.put(target, v);
          }
        });
    return out;
  }
}
