package dev.xcomponent.domain.engine;

import dev.xcomponent.domain.model.Values;
import java.util.Map;

/**
 * The two data maps of an instance while a transition is computed.
 *
 * @param publicMember the public member, or null for machines without one
 * @param context the context
 */
public record InstanceData(Map<String, Object> publicMember, Map<String, Object> context) {

  /** The data of an instance image. */
  public static InstanceData of(Instance instance) {
    return new InstanceData(instance.publicMember(), instance.context());
  }

  /** The instance data proper: the public member when there is one, else the context. */
  public Map<String, Object> main() {
    return publicMember != null ? publicMember : context;
  }

  /** A copy whose main map is replaced. */
  public InstanceData withMain(Map<String, Object> main) {
    return publicMember != null
        ? new InstanceData(main, context)
        : new InstanceData(null, main);
  }

  /**
   * Merges {@code payload} into both maps (shallow, payload wins). Rule kept from the reference:
   * this is only done for a non-empty payload on a transition without matching rules.
   */
  public InstanceData merge(Map<String, Object> payload) {
    if (payload.isEmpty()) {
      return this;
    }
    Map<String, Object> ctx = Values.union(context, payload);
    Map<String, Object> pm = publicMember == null ? null : Values.union(publicMember, payload);
    return new InstanceData(pm, ctx);
  }
}
