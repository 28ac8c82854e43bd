package dev.xcomponent.adapter.rabbitmq;

import com.rabbitmq.client.ConfirmListener;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The publications of one confirm-mode channel that the broker has not confirmed yet, by
 * publish sequence number. The client calls back on its own thread; a confirm may cover every
 * number up to its tag ({@code multiple}).
 */
final class PendingConfirms implements ConfirmListener {
  private final ConcurrentSkipListMap<Long, Confirmation> waiting = new ConcurrentSkipListMap<>();

  void add(long sequenceNumber, Confirmation confirmation) {
    waiting.put(sequenceNumber, confirmation);
  }

  /** Drops a publication that never reached the wire (its sender fails it). */
  void forget(long sequenceNumber) {
    waiting.remove(sequenceNumber);
  }

  int size() {
    return waiting.size();
  }

  @Override
  public void handleAck(long deliveryTag, boolean multiple) {
    settle(deliveryTag, multiple, null);
  }

  @Override
  public void handleNack(long deliveryTag, boolean multiple) {
    settle(deliveryTag, multiple,
        new IllegalStateException("RabbitMQ refused the message (negative publisher confirm)"));
  }

  /** Fails everything still waiting: the channel is gone, so no confirm will come. */
  void failAll(Throwable cause) {
    Map.Entry<Long, Confirmation> entry;
    while ((entry = waiting.pollFirstEntry()) != null) {
      entry.getValue().fail(cause);
    }
  }

  private void settle(long tag, boolean multiple, Throwable failure) {
    if (!multiple) {
      outcome(waiting.remove(tag), failure);
      return;
    }
    Map.Entry<Long, Confirmation> entry;
    while ((entry = waiting.firstEntry()) != null && entry.getKey() <= tag) {
      if (waiting.remove(entry.getKey(), entry.getValue())) {
        outcome(entry.getValue(), failure);
      }
    }
  }

  private static void outcome(Confirmation confirmation, Throwable failure) {
    if (confirmation == null) {
      return;
    }
    if (failure == null) {
      confirmation.succeed();
    } else {
      confirmation.fail(failure);
    }
  }
}
