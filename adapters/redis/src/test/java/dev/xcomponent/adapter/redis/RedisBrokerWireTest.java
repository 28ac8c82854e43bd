package dev.xcomponent.adapter.redis;

import static dev.xcomponent.adapter.redis.RedisTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.xcomponent.application.Channels;
import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.MessageBroker.Delivery;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the Redis broker puts on the wire and takes from it, seen with a plain Redis client: the
 * reference layout, one SUBSCRIBE per channel, the claim keys, and what the broker does with
 * payloads and group deliveries beyond the shared contract.
 */
class RedisBrokerWireTest {
  private static final String PREFIX = RedisTestServer.newPrefix();
  private static Vertx vertx;
  private static Redis raw;
  private final List<MessageBroker> brokers = new ArrayList<>();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    RedisTestServer.requireRunning(vertx);
    raw = RedisTestServer.rawClient(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    RedisTestServer.deleteAll(vertx, PREFIX);
    await(raw.close());
    await(vertx.close());
  }

  @AfterEach
  void closeBrokers() throws Exception {
    for (MessageBroker b : brokers) {
      await(b.close());
    }
  }

  private MessageBroker broker(RedisBrokerSettings settings) throws Exception {
    MessageBroker b = await(RedisMessageBroker.connect(vertx, settings));
    brokers.add(b);
    return b;
  }

  private MessageBroker broker() throws Exception {
    return broker(RedisTestServer.brokerSettings(PREFIX));
  }

  private static String channel(String kind) {
    return "fsm:" + kind + ":" + UUID.randomUUID();
  }

  private static Response send(Request request) throws Exception {
    return await(raw.send(request));
  }

  private static long subscribers(String channel) throws Exception {
    return send(Request.cmd(Command.PUBSUB).arg("NUMSUB").arg(channel)).get(1).toLong();
  }

  private static void eventually(String what, BooleanSupplier done) throws InterruptedException {
    long end = System.currentTimeMillis() + 10_000;
    while (!done.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("waited too long for: " + what).isLessThan(end);
      Thread.sleep(5);
    }
  }

  @Test
  void aMessageIsTheJsonTextOfTheMapOnTheChannelNamedVerbatim() throws Exception {
    String ch = channel("events:state_change");
    List<Response> pushes = new CopyOnWriteArrayList<>();
    RedisConnection listener = await(raw.connect());
    try {
      listener.handler(pushes::add);
      await(listener.send(Request.cmd(Command.SUBSCRIBE).arg(ch)));
      eventually("the raw subscription", () -> pushes.size() == 1);
      Map<String, Object> sent = new LinkedHashMap<>();
      sent.put("componentName", "Orders");
      sent.put("n", 1);
      sent.put("text", "h\u00e9llo \ud83d\ude00");
      await(broker().publish(ch, sent));
      eventually("the message", () -> pushes.size() == 2);
      Response message = pushes.get(1);
      assertThat(message.get(0).toString()).isEqualTo("message");
      assertThat(message.get(1).toString()).isEqualTo(ch);
      assertThat(message.get(2).toString()).isEqualTo(new JsonObject(sent).encode());
    } finally {
      listener.close();
    }
  }

  @Test
  void jsonFromAnotherPublisherIsDeliveredAndMalformedPayloadsAreDropped() throws Exception {
    String ch = channel("commands:trigger_event");
    List<Map<String, Object>> got = new CopyOnWriteArrayList<>();
    await(broker().subscribe(ch, got::add));
    for (String payload : List.of("not json", "[1,2]", "null", "{\"open\":", "{\"n\":1,\"list\":[true,null,2.5]}")) {
      send(Request.cmd(Command.PUBLISH).arg(ch).arg(payload));
    }
    eventually("the good message", () -> got.size() == 1);
    Thread.sleep(300);
    assertThat(got).hasSize(1);
    assertThat(new JsonObject(got.get(0))).isEqualTo(new JsonObject("{\"n\":1,\"list\":[true,null,2.5]}"));
  }

  @Test
  void aChannelIsSubscribedOnceOnTheWireAndUnsubscribedWhenItsLastListenerLeaves() throws Exception {
    String ch = channel("once");
    MessageBroker b = broker();
    MessageBroker.Subscription s1 = await(b.subscribe(ch, m -> {}));
    MessageBroker.Subscription s2 = await(b.subscribe(ch, m -> {}));
    MessageBroker.Subscription g = await(b.consume("g-" + UUID.randomUUID(), List.of(ch, ch), d -> Future.succeededFuture()));
    assertThat(subscribers(ch)).isEqualTo(1);
    await(s1.cancel());
    await(g.cancel());
    Thread.sleep(100);
    assertThat(subscribers(ch)).isEqualTo(1);
    await(s2.cancel());
    eventually("the unsubscription", () -> {
      try {
        return subscribers(ch) == 0;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    List<Integer> again = new CopyOnWriteArrayList<>();
    await(b.subscribe(ch, m -> again.add(((Number) m.get("n")).intValue())));
    assertThat(subscribers(ch)).isEqualTo(1);
    await(b.publish(ch, Map.of("n", 5)));
    eventually("a message after subscribing again", () -> again.size() == 1);
  }

  @Test
  void theClaimIsAKeyNamingGroupAndMessageIdThatExpires() throws Exception {
    String ch = channel("claims");
    String group = "billing-" + UUID.randomUUID();
    MessageBroker b = broker(RedisTestServer.brokerSettings(PREFIX).withClaimTtl(Duration.ofSeconds(30)));
    List<Delivery> got = new CopyOnWriteArrayList<>();
    await(b.consume(group, List.of(ch), d -> {
      got.add(d);
      return Future.succeededFuture();
    }));
    await(b.publish(ch, Map.of("messageId", "order-42", "n", 1)));
    await(b.publish(ch, Map.of("messageId", "order-42", "n", 2)));
    eventually("the delivery", () -> got.size() == 1);
    String key = PREFIX + ":group:" + group + ":order-42";
    assertThat(send(Request.cmd(Command.GET).arg(key))).isNotNull();
    assertThat(send(Request.cmd(Command.PTTL).arg(key)).toLong()).isBetween(1L, 30_000L);
    Thread.sleep(300);
    assertThat(got).extracting(d -> d.message().get("n")).containsExactly(1);
  }

  @Test
  void aCommandNamingAnotherComponentIsNeitherClaimedNorDelivered() throws Exception {
    String id = UUID.randomUUID().toString();
    String a = "A-" + id;
    String b = "B-" + id;
    Map<String, List<Object>> got = Map.of(a, new CopyOnWriteArrayList<>(), b, new CopyOnWriteArrayList<>());
    MessageBroker broker = broker();
    for (String component : List.of(a, b)) {
      await(broker.consume(Channels.group(component), List.of(Channels.CROSS_COMPONENT_EVENT, Channels.TRIGGER_EVENT), d -> {
        got.get(component).add(d.message().get("n"));
        return Future.succeededFuture();
      }));
    }
    await(broker.publish(Channels.CROSS_COMPONENT_EVENT, Map.of("messageId", "to-a-" + id, "n", 1, "targetComponent", a)));
    await(broker.publish(Channels.TRIGGER_EVENT, Map.of("messageId", "to-all-" + id, "n", 2, "instanceId", "i")));
    eventually("the deliveries", () -> got.get(a).size() == 2 && got.get(b).size() == 1);
    Thread.sleep(300);
    assertThat(got.get(a)).containsExactlyInAnyOrder(1, 2);
    assertThat(got.get(b)).containsExactly(2);
    assertThat(send(Request.cmd(Command.EXISTS).arg(PREFIX + ":group:" + Channels.group(a) + ":to-a-" + id)).toLong()).isEqualTo(1);
    assertThat(send(Request.cmd(Command.EXISTS).arg(PREFIX + ":group:" + Channels.group(b) + ":to-a-" + id)).toLong())
        .as("no claim by the other component").isZero();
  }

  @Test
  void aMessageWithoutMessageIdIsHandledByEveryMemberOfTheGroup() throws Exception {
    String ch = channel("no-id");
    String group = "g-" + UUID.randomUUID();
    List<String> handledBy = new CopyOnWriteArrayList<>();
    await(broker().consume(group, List.of(ch), d -> {
      handledBy.add("a");
      return Future.succeededFuture();
    }));
    await(broker().consume(group, List.of(ch), d -> {
      handledBy.add("b");
      return Future.succeededFuture();
    }));
    await(brokers.get(0).publish(ch, Map.of("n", 1)));
    eventually("both members", () -> handledBy.size() == 2);
    assertThat(handledBy).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void aDeliveryThatKeepsFailingIsDroppedAfterTheLastAttemptAndTheMemberGoesOn() throws Exception {
    String ch = channel("poison");
    MessageBroker b = broker(RedisTestServer.brokerSettings(PREFIX).withMaxDeliveryAttempts(3));
    List<Delivery> got = new CopyOnWriteArrayList<>();
    await(b.consume("g-" + UUID.randomUUID(), List.of(ch), d -> {
      got.add(d);
      return "poison".equals(d.message().get("kind"))
          ? Future.failedFuture(new IllegalStateException("cannot handle"))
          : Future.succeededFuture();
    }));
    await(b.publish(ch, Map.of("messageId", "p-1", "kind", "poison")));
    eventually("three attempts", () -> got.size() == 3);
    Thread.sleep(700);
    assertThat(got).hasSize(3);
    assertThat(got).extracting(Delivery::redelivered).containsExactly(false, true, true);
    await(b.publish(ch, Map.of("messageId", "g-1", "kind", "good")));
    eventually("the next message", () -> got.size() == 4);
    assertThat(got.get(3).redelivered()).isFalse();
  }

  @Test
  void aBusyMemberLeavesWhatItCannotStartToTheOtherMembers() throws Exception {
    String ch = channel("busy");
    String group = "g-" + UUID.randomUUID();
    List<Integer> stuck = new CopyOnWriteArrayList<>();
    MessageBroker busy = broker(RedisTestServer.brokerSettings(PREFIX).withMemberLimits(1, 1));
    await(busy.consume(group, List.of(ch), d -> {
      stuck.add(((Number) d.message().get("n")).intValue());
      return Promise.<Void>promise().future(); // never acknowledged
    }));
    await(busy.publish(ch, Map.of("messageId", "b-1", "n", 1)));
    eventually("the busy member started", () -> stuck.size() == 1);
    List<Integer> free = new CopyOnWriteArrayList<>();
    await(broker().consume(group, List.of(ch), d -> {
      free.add(((Number) d.message().get("n")).intValue());
      return Future.succeededFuture();
    }));
    for (int n = 2; n <= 4; n++) {
      await(busy.publish(ch, Map.of("messageId", "b-" + n, "n", n)));
    }
    eventually("the free member took the rest", () -> free.size() == 3);
    Thread.sleep(300);
    assertThat(free).containsExactlyInAnyOrder(2, 3, 4);
    assertThat(stuck).containsExactly(1);
  }

  @Test
  void handlersRunOnTheContextThatSubscribed() throws Exception {
    String ch = channel("context");
    MessageBroker b = broker();
    Context mine = vertx.getOrCreateContext();
    List<Context> seen = new CopyOnWriteArrayList<>();
    Promise<MessageBroker.Subscription> subscribed = Promise.promise();
    Promise<MessageBroker.Subscription> joined = Promise.promise();
    mine.runOnContext(v -> {
      b.subscribe(ch, m -> seen.add(Vertx.currentContext())).onComplete(subscribed);
      b.consume("g-" + UUID.randomUUID(), List.of(ch), d -> {
        seen.add(Vertx.currentContext());
        return Future.succeededFuture();
      }).onComplete(joined);
    });
    await(subscribed.future());
    await(joined.future());
    await(b.publish(ch, Map.of("messageId", "c-1")));
    eventually("both handlers", () -> seen.size() == 2);
    assertThat(seen).containsOnly(mine);
  }

  @Test
  void messagesTooLargeOrNotJsonLikeAreRefusedBeforeSending() throws Exception {
    String ch = channel("refused");
    MessageBroker b = broker(RedisTestServer.brokerSettings(PREFIX).withMaxMessageBytes(100));
    List<Map<String, Object>> got = new CopyOnWriteArrayList<>();
    await(b.subscribe(ch, got::add));
    Map<String, Object> nan = new HashMap<>();
    nan.put("x", Double.NaN);
    Map<Object, Object> numberKey = new HashMap<>();
    numberKey.put(1, "one");
    Map<String, Object> nested = new HashMap<>();
    nested.put("inner", numberKey);
    for (Map<String, Object> bad : List.of(Map.<String, Object>of("big", "x".repeat(200)), nan, nested)) {
      Throwable t = catchThrowable(() -> await(b.publish(ch, bad)));
      assertThat(t).isInstanceOf(IllegalArgumentException.class);
    }
    await(b.publish(ch, Map.of("ok", true)));
    eventually("the good message", () -> got.size() == 1);
    Thread.sleep(200);
    assertThat(got).containsExactly(Map.of("ok", true));
  }
}
