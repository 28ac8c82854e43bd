package dev.xcomponent.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xcomponent.application.Channels;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class InMemoryMessageBrokerDeliveryTest {
  private static final String CHANNEL = "fsm:events:state_change";

  private InMemoryMessageBroker broker;

  @BeforeEach
  void setUp(Vertx vertx) {
    broker = new InMemoryMessageBroker(vertx);
  }

  @Test
  void aCommandNamingAComponentThatHasAGroupGoesToThatGroupOnly() throws Exception {
    Map<String, List<Object>> got = Map.of("A", new CopyOnWriteArrayList<>(), "B", new CopyOnWriteArrayList<>());
    for (String component : List.of("A", "B")) {
      broker.consume(Channels.group(component), List.of(Channels.CROSS_COMPONENT_EVENT, Channels.TRIGGER_EVENT), d -> {
        got.get(component).add(d.message().get("n"));
        return Future.succeededFuture();
      }).await(5, TimeUnit.SECONDS);
    }
    broker.publish(Channels.CROSS_COMPONENT_EVENT, Map.of("n", "to-a", "targetComponent", "A")).await(5, TimeUnit.SECONDS);
    // no group for Z: every group sees it, as it would on a broker
    broker.publish(Channels.CROSS_COMPONENT_EVENT, Map.of("n", "to-z", "targetComponent", "Z")).await(5, TimeUnit.SECONDS);
    broker.publish(Channels.TRIGGER_EVENT, Map.of("n", "to-all", "instanceId", "i")).await(5, TimeUnit.SECONDS);
    long end = System.currentTimeMillis() + 5_000;
    while ((got.get("A").size() < 3 || got.get("B").size() < 2) && System.currentTimeMillis() < end) {
      Thread.sleep(5);
    }
    Thread.sleep(200);
    assertThat(got.get("A")).containsExactlyInAnyOrder("to-a", "to-z", "to-all");
    assertThat(got.get("B")).containsExactlyInAnyOrder("to-z", "to-all");
  }

  @Test
  void deliversOnTheContextThatSubscribed(Vertx vertx, VertxTestContext test) throws Exception {
    Context context = vertx.getOrCreateContext();
    Contexts.on(
        context,
        () ->
            broker.subscribe(
                CHANNEL,
                message ->
                    test.verify(
                        () -> {
                          assertThat(Vertx.currentContext()).isSameAs(context);
                          assertThat(message).containsEntry("n", 1);
                          test.completeNow();
                        })));

    broker.publish(CHANNEL, Map.of("n", 1)).onFailure(test::failNow);
  }

  @Test
  void subscriberOffVertxThreadsGetsAnEventLoopContext(VertxTestContext test) throws Exception {
    broker
        .subscribe(
            CHANNEL,
            message ->
                test.verify(
                    () -> {
                      assertThat(Vertx.currentContext()).isNotNull();
                      assertThat(Context.isOnEventLoopThread()).isTrue();
                      test.completeNow();
                    }))
        .await(5, TimeUnit.SECONDS);

    broker.publish(CHANNEL, Map.of()).onFailure(test::failNow);
  }

  @Test
  void publishReturnsBeforeTheHandlerRuns(Vertx vertx, VertxTestContext test) throws Exception {
    Context context = vertx.getOrCreateContext();
    AtomicBoolean returned = new AtomicBoolean();
    Contexts.on(
        context,
        () ->
            broker.subscribe(
                CHANNEL,
                message ->
                    test.verify(
                        () -> {
                          assertThat(returned).isTrue();
                          test.completeNow();
                        })));

    context.runOnContext(
        v -> {
          broker.publish(CHANNEL, Map.of()).onFailure(test::failNow);
          returned.set(true);
        });
  }

  @Test
  void publishingFromAHandlerNeverReentersIt(VertxTestContext test) throws Exception {
    List<String> steps = Collections.synchronizedList(new ArrayList<>());
    broker
        .subscribe(
            CHANNEL,
            message -> {
              int n = ((Number) message.get("n")).intValue();
              steps.add("received " + n);
              if (n == 1) {
                broker.publish(CHANNEL, Map.of("n", 2)).onFailure(test::failNow);
                steps.add("published 2");
              } else {
                test.verify(
                    () -> {
                      assertThat(steps).containsExactly("received 1", "published 2", "received 2");
                      test.completeNow();
                    });
              }
            })
        .await(5, TimeUnit.SECONDS);

    broker.publish(CHANNEL, Map.of("n", 1)).onFailure(test::failNow);
  }

  @Test
  void keepsThePublishingOrderOfOneThread(VertxTestContext test) throws Exception {
    int count = 1000;
    List<Integer> received = Collections.synchronizedList(new ArrayList<>());
    broker
        .subscribe(
            CHANNEL,
            message -> {
              received.add(((Number) message.get("seq")).intValue());
              if (received.size() == count) {
                test.verify(
                    () -> {
                      for (int i = 0; i < count; i++) {
                        assertThat(received.get(i)).isEqualTo(i);
                      }
                      test.completeNow();
                    });
              }
            })
        .await(5, TimeUnit.SECONDS);

    for (int i = 0; i < count; i++) {
      broker.publish(CHANNEL, Map.of("seq", i)).onFailure(test::failNow);
    }
  }

  @Test
  void fansOutToEverySubscriberOnItsOwnContext(Vertx vertx, VertxTestContext test)
      throws Exception {
    Checkpoint delivered = test.checkpoint(2);
    for (int i = 0; i < 2; i++) {
      Context context = vertx.getOrCreateContext();
      Contexts.on(
          context,
          () ->
              broker.subscribe(
                  CHANNEL,
                  message ->
                      test.verify(
                          () -> {
                            assertThat(Vertx.currentContext()).isSameAs(context);
                            assertThat(message).containsEntry("orderId", "o-1");
                            delivered.flag();
                          })));
    }

    broker.publish(CHANNEL, Map.of("orderId", "o-1")).onFailure(test::failNow);
  }

  @Test
  void deliversFrozenCopiesThePublisherCannotChange(Vertx vertx, VertxTestContext test)
      throws Exception {
    Context context = vertx.getOrCreateContext();
    Checkpoint delivered = test.checkpoint(2);
    Contexts.on(
        context,
        () ->
            broker.subscribe(
                CHANNEL,
                message ->
                    test.verify(
                        () -> {
                          Map<?, ?> nested = (Map<?, ?>) message.get("nested");
                          assertThatThrownBy(() -> message.put("x", 1))
                              .isInstanceOf(UnsupportedOperationException.class);
                          assertThatThrownBy(() -> ((List<?>) message.get("items")).clear())
                              .isInstanceOf(UnsupportedOperationException.class);
                          assertThatThrownBy(nested::clear)
                              .isInstanceOf(UnsupportedOperationException.class);
                          delivered.flag();
                        })));
    Contexts.on(
        context,
        () ->
            broker.subscribe(
                CHANNEL,
                message ->
                    test.verify(
                        () -> {
                          assertThat(message)
                              .containsEntry("status", "new")
                              .containsEntry("items", List.of("a"))
                              .containsEntry("nested", Map.of("k", "v"));
                          delivered.flag();
                        })));

    Map<String, Object> nested = new HashMap<>(Map.of("k", "v"));
    List<Object> items = new ArrayList<>(List.of("a"));
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("status", "new");
    message.put("items", items);
    message.put("nested", nested);
    context.runOnContext(
        v -> {
          broker.publish(CHANNEL, message).onFailure(test::failNow);
          // Both deliveries are still queued on this context: change everything the publisher owns.
          message.put("status", "changed");
          items.add("b");
          nested.put("k", "changed");
        });
  }

  @Test
  void aFailingHandlerStillReceivesLaterMessages(VertxTestContext test) throws Exception {
    broker
        .subscribe(
            CHANNEL,
            message -> {
              if (message.containsKey("boom")) {
                throw new IllegalStateException("handler failure (expected by the test)");
              }
              test.completeNow();
            })
        .await(5, TimeUnit.SECONDS);

    broker.publish(CHANNEL, Map.of("boom", true)).onFailure(test::failNow);
    broker.publish(CHANNEL, Map.of("ok", true)).onFailure(test::failNow);
  }
}
