package dev.xcomponent.application;

import dev.xcomponent.port.InstanceView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map form of an instance that travels in broker messages ({@code instance} of a state change,
 * the entries of a query response), and the way back to an {@link InstanceView} on the receiving
 * side. The keys are those of the reference's instance objects ({@code id}, {@code machineName},
 * {@code currentState}, {@code context}, {@code pendingTimeouts}) plus ours ({@code status}, {@code
 * publicMember}, times, parent link, entry-point flag). A missing key reads as its empty value.
 */
final class InstanceMessages {
  private InstanceMessages() {}

  static Map<String, Object> of(InstanceView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("machineName", v.machineName());
    m.put("currentState", v.currentState());
    m.put("status", v.status());
    m.put("context", v.context());
    if (v.publicMember() != null) {
      m.put("publicMember", v.publicMember());
    }
    m.put("pendingTimeouts", List.of());
    m.put("createdAt", v.createdAt());
    m.put("updatedAt", v.updatedAt());
    m.put("isEntryPoint", v.entryPoint());
    if (v.parentInstanceId() != null) {
      m.put("parentInstanceId", v.parentInstanceId());
      m.put("parentMachineName", v.parentMachineName());
    }
    return m;
  }

  /** The view of an instance of {@code component} described by {@code m}; null without id or machine. */
  static InstanceView view(String component, Map<?, ?> m) {
    if (!(m.get("id") instanceof String id) || !(m.get("machineName") instanceof String machine)) {
      return null;
    }
    String status = m.get("status") instanceof String s ? s : "active";
    Map<String, Object> context = map(m.get("context"));
    Map<String, Object> publicMember = m.get("publicMember") instanceof Map<?, ?> ? map(m.get("publicMember")) : null;
    return new InstanceView(
        id,
        component,
        machine,
        m.get("currentState") instanceof String s ? s : "",
        status,
        publicMember != null ? publicMember : context,
        publicMember,
        context,
        List.of(),
        number(m.get("createdAt")),
        number(m.get("updatedAt")),
        m.get("parentInstanceId") instanceof String p ? p : null,
        m.get("parentMachineName") instanceof String p ? p : null,
        Boolean.TRUE.equals(m.get("isEntryPoint")),
        !"active".equals(status));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0L;
  }
}
