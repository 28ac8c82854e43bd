package dev.xcomponent.domain.model;

import java.util.List;
import java.util.Map;

/**
 * One field of a machine's {@code contextSchema}: drives the create-instance form of the
 * dashboard. The runtime does not validate instance data against it.
 *
 * @param type {@code string}, {@code text}, {@code number}, {@code boolean} or {@code select}
 * @param label display label, or null
 * @param required whether the form requires a value
 * @param placeholder form placeholder, or null
 * @param description help text, or null
 * @param options choices of a {@code select}, each with {@code value} and {@code label}
 * @param min lower bound shown by the form, or null
 * @param max upper bound shown by the form, or null
 */
public record ContextField(
    String type,
    String label,
    boolean required,
    String placeholder,
    String description,
    List<Map<String, Object>> options,
    Number min,
    Number max) {
  public ContextField {
    options = options == null ? List.of() : List.copyOf(options);
  }
}
