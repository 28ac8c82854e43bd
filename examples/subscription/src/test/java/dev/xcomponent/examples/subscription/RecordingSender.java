package dev.xcomponent.examples.subscription;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.Sender;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test double of the {@link Sender} port: records the events a hook sends to its own instance and
 * the instances it creates in other components, and refuses everything else, which these hooks
 * never use.
 */
final class RecordingSender implements Sender {
  /** One creation in another component. */
  record Created(String component, String machine, Map<String, Object> data) {}

  final List<Event> sent = new ArrayList<>();
  final List<Created> created = new ArrayList<>();

  @Override
  public void sendToSelf(Event event) {
    sent.add(event);
  }

  @Override
  public void sendToSelfLater(Event event, long delayMs) {
    throw unexpected();
  }

  @Override
  public void sendTo(String instanceId, Event event) {
    throw unexpected();
  }

  @Override
  public void sendToComponent(String componentName, String instanceId, Event event) {
    throw unexpected();
  }

  @Override
  public Future<Integer> broadcast(String machine, Event event, String currentState) {
    throw unexpected();
  }

  @Override
  public void broadcastToComponent(String componentName, String machine, Event event, String currentState) {
    throw unexpected();
  }

  @Override
  public String createInstance(String machine, Map<String, Object> data) {
    throw unexpected();
  }

  @Override
  public String createInstanceInComponent(String componentName, String machine, Map<String, Object> data) {
    created.add(new Created(componentName, machine, Map.copyOf(data)));
    return "created-" + created.size();
  }

  private static UnsupportedOperationException unexpected() {
    return new UnsupportedOperationException("not used by these hooks");
  }
}
