package dev.xcomponent.domain.validation;

import dev.xcomponent.domain.model.ContextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a machine's {@code contextSchema}: a mapping from field name to field description, used
 * only by the dashboard forms.
 *
 * <p>Rules: every field is a mapping; {@code type} is one of {@link
 * ComponentKeys#CONTEXT_FIELD_TYPES} (another value loads with a warning); {@code required}
 * defaults to false; {@code min}/{@code max} are numbers; each {@code options} entry is either a
 * mapping with {@code value} (required) and {@code label}, or a plain value, which becomes {@code
 * {value: v, label: "v"}}.
 */
final class ContextSchemaReader {
  private ContextSchemaReader() {}

  static Map<String, ContextField> read(Node machine) {
    Node schema = machine.mapping("contextSchema", "the contextSchema of " + machine.what());
    if (schema == null) {
      return Map.of();
    }
    Map<String, ContextField> fields = new LinkedHashMap<>();
    for (Object k : ((Map<?, ?>) machine.raw("contextSchema")).keySet()) {
      String name = String.valueOf(k);
      Node f = schema.child(name, "context field \"" + name + "\" of " + machine.what());
      if (!f.expectMapping()) {
        continue;
      }
      ComponentChecks.unknownKeys(f, ComponentKeys.CONTEXT_FIELD, Set.of());
      String type = f.string("type");
      if (type != null && !ComponentKeys.CONTEXT_FIELD_TYPES.contains(type)) {
        f.report()
            .warning(
                ViolationCodes.UNKNOWN_FIELD_TYPE,
                f.pathOf("type"),
                Node.capitalize(f.what()) + " has an unknown type \"" + type
                    + "\"; the dashboard shows it as a text input",
                "use one of: " + String.join(", ", ComponentKeys.CONTEXT_FIELD_TYPES));
      }
      Boolean required = f.bool("required");
      fields.put(
          name,
          new ContextField(
              type,
              f.string("label"),
              Boolean.TRUE.equals(required),
              f.string("placeholder"),
              f.string("description"),
              options(f),
              f.number("min"),
              f.number("max")));
    }
    return fields;
  }

  private static List<Map<String, Object>> options(Node field) {
    List<Node> nodes =
        field.list(
            "options",
            ComponentKeys.MAX_LIST_ITEMS,
            i -> "option #" + (i + 1) + " of " + field.what());
    if (nodes == null) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>(nodes.size());
    for (Node o : nodes) {
      Map<String, Object> option = new LinkedHashMap<>();
      if (o.isScalar()) {
        option.put("value", o.value());
        option.put("label", String.valueOf(o.value()));
      } else if (o.expectMapping()) {
        ComponentChecks.unknownKeys(o, ComponentKeys.SELECT_OPTION, Set.of());
        Object value = o.raw("value");
        if (value == null) {
          o.requiredString("value");
          continue;
        }
        if (!o.child("value", o.what()).isScalar()) {
          o.wrongType("value", "string", value);
          continue;
        }
        String label = o.string("label");
        option.put("value", value);
        option.put("label", label != null ? label : String.valueOf(value));
      } else {
        continue;
      }
      out.add(option);
    }
    return out;
  }
}
