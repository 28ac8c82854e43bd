package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Values;
import dev.xcomponent.port.Sender;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Messages sent by the hooks of one transition, held until the transition is recorded and then
 * released in order. A failed hook's messages are cut off with {@link #truncate}. The number of
 * messages is bounded: past the limit, sending throws and so fails the hook.
 */
final class Outbound {
  private final List<Action> actions = new ArrayList<>(2);
  private final int limit;

  Outbound(int limit) {
    this.limit = limit;
  }

  /** One buffered message. */
  sealed interface Action {}

  record ToSelf(Event event, long delayMs) implements Action {}

  record ToInstance(String instanceId, Event event) implements Action {}

  record ToComponent(String component, String instanceId, Event event) implements Action {}

  record Broadcast(String machine, Event event, String state, Promise<Integer> result)
      implements Action {}

  record BroadcastToComponent(String component, String machine, Event event, String state)
      implements Action {}

  record Create(String machine, String instanceId, Map<String, Object> data) implements Action {}

  record CreateInComponent(String component, String machine, String instanceId, Map<String, Object> data)
      implements Action {}

  List<Action> actions() {
    return actions;
  }

  int size() {
    return actions.size();
  }

  void truncate(int mark) {
    while (actions.size() > mark) {
      Action a = actions.remove(actions.size() - 1);
      if (a instanceof Broadcast b) {
        b.result().tryFail("the hook that sent this broadcast failed: message discarded");
      }
    }
  }

  /** A sender bound to one hook call; it refuses messages once {@link HookSender#close} ran. */
  HookSender senderFor(String selfId) {
    return new HookSender(selfId);
  }

  /** The {@link Sender} handed to one hook. */
  final class HookSender implements Sender {
    private final String selfId;
    private volatile boolean closed;

    private HookSender(String selfId) {
      this.selfId = selfId;
    }

    void close() {
      closed = true;
    }

    private void add(Action a) {
      if (closed) {
        throw new IllegalStateException(
            "sender used after its hook completed: send before completing the hook's future");
      }
      if (actions.size() >= limit) {
        throw new IllegalStateException(
            "a hook may send at most " + limit + " messages per transition");
      }
      actions.add(a);
    }

    @Override
    public void sendToSelf(Event event) {
      add(new ToSelf(event, 0));
    }

    @Override
    public void sendToSelfLater(Event event, long delayMs) {
      if (delayMs < 0) {
        throw new IllegalArgumentException("delayMs must not be negative");
      }
      add(new ToSelf(event, delayMs));
    }

    @Override
    public void sendTo(String instanceId, Event event) {
      add(new ToInstance(instanceId, event));
    }

    @Override
    public void sendToComponent(String componentName, String instanceId, Event event) {
      add(new ToComponent(componentName, instanceId, event));
    }

    @Override
    public Future<Integer> broadcast(String machine, Event event, String currentState) {
      Promise<Integer> p = Promise.promise();
      add(new Broadcast(machine, event, currentState, p));
      return p.future();
    }

    @Override
    public void broadcastToComponent(
        String componentName, String machine, Event event, String currentState) {
      add(new BroadcastToComponent(componentName, machine, event, currentState));
    }

    @Override
    public String createInstance(String machine, Map<String, Object> data) {
      String id = InstanceIds.next();
      add(new Create(machine, id, Values.freeze(data)));
      return id;
    }

    @Override
    public String createInstanceInComponent(
        String componentName, String machine, Map<String, Object> data) {
      String id = InstanceIds.next();
      add(new CreateInComponent(componentName, machine, id, Values.freeze(data)));
      return id;
    }

    @Override
    public String toString() {
      return "Sender[" + selfId + "]";
    }
  }
}
