package dev.xcomponent.examples.testkit;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.Sender;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Test double of the {@link Sender} port for a hook under test. Records what the examples' hooks
 * do with it: the events sent to their own instance, at once ({@link #sent()}) or later ({@link
 * #sentLater()}), and the instances created in other components ({@link #created()}). Refuses
 * everything else with an {@link UnsupportedOperationException}, which those hooks never use.
 * Not thread-safe: a hook under test runs on the test's thread.
 */
public final class RecordingSender implements Sender {
  /** One event sent to the hook's own instance after {@code delayMs}. */
  public record Later(Event event, long delayMs) {}

  /** One instance created in another component, with a copy of its initial data. */
  public record Created(String component, String machine, Map<String, Object> data) {}

  private final List<Event> sent = new ArrayList<>();
  private final List<Later> sentLater = new ArrayList<>();
  private final List<Created> created = new ArrayList<>();

  /** The events sent to the hook's own instance with {@link #sendToSelf}, in order. */
  public List<Event> sent() {
    return Collections.unmodifiableList(sent);
  }

  /** The events sent to the hook's own instance with {@link #sendToSelfLater}, in order. */
  public List<Later> sentLater() {
    return Collections.unmodifiableList(sentLater);
  }

  /** The instances created with {@link #createInstanceInComponent}, in order. */
  public List<Created> created() {
    return Collections.unmodifiableList(created);
  }

  /** Forgets everything recorded so far. */
  public void clear() {
    sent.clear();
    sentLater.clear();
    created.clear();
  }

  @Override
  public void sendToSelf(Event event) {
    sent.add(event);
  }

  @Override
  public void sendToSelfLater(Event event, long delayMs) {
    sentLater.add(new Later(event, delayMs));
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

  /** Records the creation and returns {@code created-N}, N counting the creations from 1. */
  @Override
  public String createInstanceInComponent(String componentName, String machine, Map<String, Object> data) {
    created.add(new Created(componentName, machine, Map.copyOf(data)));
    return "created-" + created.size();
  }

  private static UnsupportedOperationException unexpected() {
    return new UnsupportedOperationException("not used by the examples' hooks");
  }
}
