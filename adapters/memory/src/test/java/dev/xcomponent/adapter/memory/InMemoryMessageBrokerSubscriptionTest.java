package dev.xcomponent.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.MessageBroker.Subscription;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Subscription life cycle, the legacy component-name rule, limits and refusals. Where a test needs
 * to prove that something was <em>not</em> delivered, every subscriber shares one context and a
 * later sentinel message closes the test: deliveries on one context run in the order they were
 * scheduled, so anything wrongly delivered would have arrived before the sentinel.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class InMemoryMessageBrokerSubscriptionTest {
  private static final String CHANNEL = "fsm:commands:cross_component_event";

  private InMemoryMessageBroker broker;

  @BeforeEach
  void setUp(Vertx vertx) {
    broker = new InMemoryMessageBroker(vertx);
  }

  @Test
  void cancelStopsOnlyThatSubscriber(Vertx vertx, VertxTestContext test) throws Exception {
    Context context = vertx.getOrCreateContext();
    List<Map<String, Object>> cancelled = Collections.synchronizedList(new ArrayList<>());
    Subscription first = Contexts.on(context, () -> broker.subscribe(CHANNEL, cancelled::add));
    Contexts.on(
        context,
        () ->
            broker.subscribe(
                CHANNEL,
                message ->
                    test.verify(
                        () -> {
                          assertThat(cancelled).isEmpty();
                          test.completeNow();
                        })));

    first.cancel().await(5, TimeUnit.SECONDS);
    broker.publish(CHANNEL, Map.of("n", 1)).onFailure(test::failNow);
  }

  @Test
  void cancelDropsMessagesNotYetDelivered(Vertx vertx, VertxTestContext test) throws Exception {
    Context context = vertx.getOrCreateContext();
    List<Map<String, Object>> cancelled = Collections.synchronizedList(new ArrayList<>());
    Subscription first = Contexts.on(context, () -> broker.subscribe(CHANNEL, cancelled::add));
    Contexts.on(
        context,
        () ->
            broker.subscribe(
                "fsm:test:sentinel",
                message ->
                    test.verify(
                        () -> {
                          assertThat(cancelled).isEmpty();
                          test.completeNow();
                        })));

    context.runOnContext(
        v -> {
          broker.publish(CHANNEL, Map.of("n", 1)).onFailure(test::failNow);
          first.cancel().onFailure(test::failNow);
          broker.publish("fsm:test:sentinel", Map.of()).onFailure(test::failNow);
        });
  }

  @Test
  void cancellingTwiceIsHarmless(VertxTestContext test) throws Exception {
    Subscription subscription = broker.subscribe(CHANNEL, m -> {}).await(5, TimeUnit.SECONDS);
    subscription
        .cancel()
        .compose(v -> subscription.cancel())
        .compose(v -> broker.publish(CHANNEL, Map.of()))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void messageForAChannelNobodyListensToGoesToItsTargetComponent(VertxTestContext test)
      throws Exception {
    broker
        .subscribe(
            "PaymentComponent",
            message ->
                test.verify(
                    () -> {
                      assertThat(message)
                          .containsEntry("targetComponent", "PaymentComponent")
                          .containsEntry("event", Map.of("type", "PAYMENT_CONFIRMED"));
                      test.completeNow();
                    }))
        .await(5, TimeUnit.SECONDS);

    broker
        .publish(
            CHANNEL,
            Map.of(
                "targetComponent", "PaymentComponent", "event", Map.of("type", "PAYMENT_CONFIRMED")))
        .onFailure(test::failNow);
  }

  @Test
  void channelSubscribersTakePrecedenceOverTheComponentName(Vertx vertx, VertxTestContext test)
      throws Exception {
    Context context = vertx.getOrCreateContext();
    List<Map<String, Object>> onChannel = Collections.synchronizedList(new ArrayList<>());
    List<Map<String, Object>> onComponent = Collections.synchronizedList(new ArrayList<>());
    Contexts.on(context, () -> broker.subscribe(CHANNEL, onChannel::add));
    Contexts.on(
        context,
        () ->
            broker.subscribe(
                "OrderComponent",
                message -> {
                  onComponent.add(message);
                  test.verify(
                      () -> {
                        assertThat(onChannel).hasSize(1);
                        assertThat(onComponent).containsExactly(Map.of("sentinel", true));
                        test.completeNow();
                      });
                }));

    broker.publish(CHANNEL, Map.of("targetComponent", "OrderComponent")).onFailure(test::failNow);
    broker.publish("OrderComponent", Map.of("sentinel", true)).onFailure(test::failNow);
  }

  @Test
  void publishingWithoutSubscriberSucceeds(VertxTestContext test) {
    broker
        .publish("fsm:events:instance_created", Map.of("targetComponent", "Nobody"))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void aClosedBrokerRefusesPublicationsAndSubscriptions(VertxTestContext test) {
    broker
        .close()
        .compose(v -> broker.publish(CHANNEL, Map.of()))
        .onComplete(
            test.failing(
                error -> {
                  test.verify(() -> assertThat(error).hasMessageContaining("broker closed"));
                  broker
                      .subscribe(CHANNEL, m -> {})
                      .onComplete(
                          test.failing(
                              again ->
                                  test.verify(
                                      () -> {
                                        assertThat(again).hasMessageContaining("broker closed");
                                        test.completeNow();
                                      })));
                }));
  }

  @Test
  void closeStopsExistingSubscriptions(Vertx vertx, VertxTestContext test) throws Exception {
    Context context = vertx.getOrCreateContext();
    Contexts.on(
        context,
        () -> broker.subscribe(CHANNEL, m -> test.failNow("delivered after close")));

    context.runOnContext(
        v -> {
          broker.publish(CHANNEL, Map.of()).onFailure(test::failNow);
          broker.close().onFailure(test::failNow);
          // Runs after the (dropped) delivery scheduled above.
          context.runOnContext(w -> test.completeNow());
        });
  }

  @Test
  void refusesSubscribersBeyondTheChannelLimit(Vertx vertx, VertxTestContext test) {
    InMemoryMessageBroker small = new InMemoryMessageBroker(vertx, 2);
    Future<Subscription> first = small.subscribe(CHANNEL, m -> {});
    small
        .subscribe(CHANNEL, m -> {})
        .compose(s -> small.subscribe(CHANNEL, m -> {}))
        .onComplete(
            test.failing(
                error -> {
                  test.verify(
                      () ->
                          assertThat(error)
                              .isInstanceOf(IllegalStateException.class)
                              .hasMessageContaining("too many subscribers")
                              .hasMessageContaining(CHANNEL));
                  small
                      .subscribe("fsm:other:channel", m -> {})
                      .compose(s -> first)
                      .compose(Subscription::cancel)
                      .compose(v -> small.subscribe(CHANNEL, m -> {}))
                      .onComplete(test.succeedingThenComplete());
                }));
  }

  @Test
  void refusesMessagesThatAreNotJsonLike(VertxTestContext test) {
    Map<String, Object> message = new HashMap<>();
    message.put("payload", Map.of("when", new Object()));
    broker
        .publish(CHANNEL, message)
        .onComplete(
            test.failing(
                error ->
                    test.verify(
                        () -> {
                          assertThat(error)
                              .isInstanceOf(IllegalArgumentException.class)
                              .hasMessageContaining("$.payload.when");
                          test.completeNow();
                        })));
  }

  @Test
  void refusesBlankChannelsAndNullMessages(VertxTestContext test) {
    broker
        .publish(" ", Map.of())
        .onComplete(
            test.failing(
                blank ->
                    broker
                        .publish(CHANNEL, null)
                        .onComplete(
                            test.failing(
                                nullMessage ->
                                    broker
                                        .subscribe("", m -> {})
                                        .onComplete(test.failingThenComplete())))));
  }

  @Test
  void describesItselfAsMemory() {
    assertThat(broker.describe()).isEqualTo("memory");
  }
}
