package dev.xcomponent.examples.approval;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.Sender;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test double of the {@link Sender} port: records what a hook sends to its own instance and
 * refuses everything else, which the trading hooks never use.
 */
final class RecordingSender implements Sender {
  final List<Event> sent = new ArrayList<>();

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
    throw unexpected();
  }

  private static UnsupportedOperationException unexpected() {
    return new UnsupportedOperationException("not used by the approval hooks");
  }
}
