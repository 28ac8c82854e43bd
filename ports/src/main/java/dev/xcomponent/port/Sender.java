package dev.xcomponent.port;

import dev.xcomponent.domain.engine.Event;
import io.vertx.core.Future;
import java.util.Map;

/**
 * What business code may send while a hook runs, bound to the instance the hook runs for.
 *
 * <p>Everything sent is buffered and released only once the transition is recorded, in the order
 * it was sent; if the hook fails, what it sent is discarded. Ids of created instances are known at
 * once but the instances exist only after the release. A hook must therefore never wait for a
 * future returned here before completing its own future.
 */
public interface Sender {
  /** Sends {@code event} to the hook's own instance after the transition. */
  void sendToSelf(Event event);

  /** Sends {@code event} to the hook's own instance {@code delayMs} milliseconds after release. */
  void sendToSelfLater(Event event, long delayMs);

  /** Sends {@code event} to another instance of the same component. */
  void sendTo(String instanceId, Event event);

  /** Sends {@code event} to an instance of another component, through the message broker. */
  void sendToComponent(String componentName, String instanceId, Event event);

  /**
   * Broadcasts {@code event} to the instances of {@code machine} in this component, optionally
   * only those in {@code currentState} (null or {@code *} for any).
   *
   * @return the number of instances that transitioned, once the broadcast ran
   */
  Future<Integer> broadcast(String machine, Event event, String currentState);

  /** Broadcasts {@code event} to the instances of {@code machine} in another component. */
  void broadcastToComponent(String componentName, String machine, Event event, String currentState);

  /**
   * Creates an instance of {@code machine} in this component with {@code data}.
   *
   * @return the new instance's id
   */
  String createInstance(String machine, Map<String, Object> data);

  /**
   * Creates an instance of {@code machine} in another component with {@code data}.
   *
   * @return the new instance's id
   */
  String createInstanceInComponent(String componentName, String machine, Map<String, Object> data);
}
