package dev.xcomponent.adapter.kafka;

import dev.xcomponent.port.MessageBroker.BrokerState;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether the cluster answers, for {@code state()}: every {@code interval} it asks the
 * cluster to describe itself, and the request fails after the same interval. A failed probe turns
 * the state to {@link BrokerState#RECONNECTING}, a successful one back to {@link BrokerState#UP};
 * the Kafka clients reconnect by themselves meanwhile. Only one probe runs at a time.
 */
final class HealthProbe {
  private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);

  private final Vertx vertx;
  private final Admin admin;
  private final Duration interval;
  private final String target;
  private final AtomicReference<BrokerState> state = new AtomicReference<>(BrokerState.UP);
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile long timer = -1;

  HealthProbe(Vertx vertx, Admin admin, Duration interval, String target) {
    this.vertx = vertx;
    this.admin = admin;
    this.interval = interval;
    this.target = target;
  }

  /** Starts probing; the client is taken as connected until a probe says otherwise. */
  void start() {
    timer = vertx.setPeriodic(interval.toMillis(), id -> probe());
  }

  BrokerState state() {
    return state.get();
  }

  /** Stops probing for good: the state is {@link BrokerState#CLOSED} from now on. */
  void stop() {
    state.set(BrokerState.CLOSED);
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void probe() {
    if (!probing.compareAndSet(false, true)) {
      return;
    }
    try {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(ClientProperties.millis(interval)))
          .clusterId()
          .whenComplete((id, error) -> {
            probing.set(false);
            update(error == null ? BrokerState.UP : BrokerState.RECONNECTING, error);
          });
    } catch (RuntimeException e) {
      probing.set(false);
      update(BrokerState.RECONNECTING, e);
    }
  }

  private void update(BrokerState next, Throwable error) {
    BrokerState before = state.get();
    if (before == BrokerState.CLOSED || before == next || !state.compareAndSet(before, next)) {
      return;
    }
    if (next == BrokerState.UP) {
      LOG.info("Kafka at {} answers again", target);
    } else {
      LOG.warn("Kafka at {} does not answer ({}); the clients keep reconnecting", target,
          error == null ? "no reply" : TopicRegistry.unwrap(error).toString());
    }
  }
}
