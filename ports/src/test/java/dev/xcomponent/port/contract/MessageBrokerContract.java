package dev.xcomponent.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.MessageBroker.Delivery;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MessageBroker} passes against its real server. An adapter's test
 * extends this class and opens clients of its broker; each test uses fresh channel and group names,
 * so nothing needs cleaning between tests. A test that opens a second client (a second process, in
 * effect) calls {@link #openBroker} again.
 */
public abstract class MessageBrokerContract {
  protected static Vertx vertx;
  private final List<MessageBroker> opened = new ArrayList<>();
  private MessageBroker broker;

  /** Opens a new client of the broker under test (connected when the future completes). */
  protected abstract Future<MessageBroker> openBroker(Vertx vertx);

  /** How long to wait for something that must arrive; brokers with slow rebalancing raise it. */
  protected long patienceMillis() {
    return 15_000;
  }

  /** How long to watch for something that must not arrive. */
  protected long quietMillis() {
    return 700;
  }

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @BeforeEach
  void open() throws Exception {
    broker = client();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (MessageBroker b : opened) {
      b.close().await(20, TimeUnit.SECONDS);
    }
  }

  /** A new client, closed after the test. */
  protected MessageBroker client() throws Exception {
    MessageBroker b = openBroker(vertx).await(60, TimeUnit.SECONDS);
    opened.add(b);
    return b;
  }

  protected static <T> T await(Future<T> f) throws Exception {
    return f.await(60, TimeUnit.SECONDS);
  }

  protected static String channel(String kind) {
    return "test:" + kind + ":" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected static String group() {
    return "group-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected static Map<String, Object> message(int n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", n);
    m.put("messageId", "m-" + n);
    return m;
  }

  protected void eventually(String what, BooleanSupplier done) throws InterruptedException {
    long end = System.currentTimeMillis() + patienceMillis();
    while (!done.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("waited too long for: " + what).isLessThan(end);
      Thread.sleep(10);
    }
  }

  private static int n(Map<String, Object> m) {
    return ((Number) m.get("n")).intValue();
  }

  // ---- fan-out ---------------------------------------------------------------------------------

  @Test
  void everySubscriberReceivesEveryMessageInPublicationOrder() throws Exception {
    String ch = channel("fanout");
    List<Integer> first = new CopyOnWriteArrayList<>();
    List<Integer> second = new CopyOnWriteArrayList<>();
    await(broker.subscribe(ch, m -> first.add(n(m))));
    await(client().subscribe(ch, m -> second.add(n(m))));
    for (int i = 0; i < 50; i++) {
      await(broker.publish(ch, message(i)));
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      expected.add(i);
    }
    eventually("both subscribers got 50", () -> first.size() == 50 && second.size() == 50);
    assertThat(first).containsExactlyElementsOf(expected);
    assertThat(second).containsExactlyElementsOf(expected);
  }

  @Test
  void aMessageKeepsItsJsonContent() throws Exception {
    String ch = channel("json");
    List<Map<String, Object>> got = new CopyOnWriteArrayList<>();
    await(broker.subscribe(ch, got::add));
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("list", List.of(1, "two", true, 2.5));
    nested.put("none", null);
    Map<String, Object> sent = new LinkedHashMap<>();
    sent.put("text", "h\u00e9llo \u2603 \ud83d\ude00 \"quoted\" 'x'");
    sent.put("big", 9_007_199_254_740_991L);
    sent.put("negative", -42);
    sent.put("decimal", 99.95);
    sent.put("flag", false);
    sent.put("nested", nested);
    sent.put("empty", Map.of());
    await(broker.publish(ch, sent));
    eventually("the message", () -> got.size() == 1);
    assertThat(new JsonObject(got.get(0))).isEqualTo(new JsonObject(sent));
  }

  @Test
  void handlersRunOnAVertxContextAndAThrowingHandlerLosesOnlyThatMessage() throws Exception {
    String ch = channel("ctx");
    List<Integer> got = new CopyOnWriteArrayList<>();
    List<Boolean> onContext = new CopyOnWriteArrayList<>();
    await(broker.subscribe(ch, m -> {
      onContext.add(Vertx.currentContext() != null);
      if (n(m) == 1) {
        throw new IllegalStateException("handler bug");
      }
      got.add(n(m));
    }));
    for (int i = 0; i < 3; i++) {
      await(broker.publish(ch, message(i)));
    }
    eventually("messages 0 and 2", () -> got.size() == 2);
    assertThat(got).containsExactly(0, 2);
    assertThat(onContext).containsOnly(true);
  }

  @Test
  void aCancelledSubscriptionReceivesNothingMore() throws Exception {
    String ch = channel("cancel");
    List<Integer> cancelled = new CopyOnWriteArrayList<>();
    List<Integer> kept = new CopyOnWriteArrayList<>();
    MessageBroker.Subscription s = await(broker.subscribe(ch, m -> cancelled.add(n(m))));
    await(broker.subscribe(ch, m -> kept.add(n(m))));
    await(broker.publish(ch, message(1)));
    eventually("first message to both", () -> cancelled.size() == 1 && kept.size() == 1);
    await(s.cancel());
    await(broker.publish(ch, message(2)));
    eventually("second message to the kept one", () -> kept.size() == 2);
    Thread.sleep(quietMillis());
    assertThat(cancelled).containsExactly(1);
  }

  @Test
  void publishingWhereNobodyListensSucceedsAndIsNotDeliveredToLaterSubscribers() throws Exception {
    String ch = channel("nobody");
    await(broker.publish(ch, message(1)));
    List<Integer> got = new CopyOnWriteArrayList<>();
    await(broker.subscribe(ch, m -> got.add(n(m))));
    await(broker.publish(ch, message(2)));
    eventually("the later message", () -> got.contains(2));
    Thread.sleep(quietMillis());
    assertThat(got).containsExactly(2);
  }

  @Test
  void badArgumentsFailWithoutSending() throws Exception {
    String ch = channel("bad");
    assertThat(failed(broker.publish(" ", message(1)))).isTrue();
    assertThat(failed(broker.publish(ch, null))).isTrue();
    Map<String, Object> notJson = new HashMap<>();
    notJson.put("thread", new Object());
    assertThat(failed(broker.publish(ch, notJson))).isTrue();
    assertThat(failed(broker.subscribe("", m -> {}))).isTrue();
    assertThat(failed(broker.consume("", List.of(ch), d -> Future.succeededFuture()))).isTrue();
    assertThat(failed(broker.consume(group(), List.of(), d -> Future.succeededFuture()))).isTrue();
  }

  @Test
  void aClosedClientRefusesWorkAndSaysSo() throws Exception {
    MessageBroker b = client();
    assertThat(b.state()).isEqualTo(MessageBroker.BrokerState.UP);
    assertThat(b.describe()).isNotBlank().doesNotContain("password").doesNotContain("secret");
    await(b.close());
    await(b.close());
    assertThat(b.state()).isEqualTo(MessageBroker.BrokerState.CLOSED);
    assertThat(failed(b.publish(channel("closed"), message(1)))).isTrue();
    assertThat(failed(b.subscribe(channel("closed"), m -> {}))).isTrue();
  }

  // ---- consumer groups -----------------------------------------------------------------------

  @Test
  void membersOfOneGroupShareTheMessagesEachDeliveredOnce() throws Exception {
    String ch = channel("group");
    String g = group();
    Map<Integer, AtomicInteger> seen = new ConcurrentHashMap<>();
    List<String> members = new CopyOnWriteArrayList<>();
    await(broker.consume(g, List.of(ch), d -> {
      seen.computeIfAbsent(n(d.message()), k -> new AtomicInteger()).incrementAndGet();
      members.add("a");
      return Future.succeededFuture();
    }));
    await(client().consume(g, List.of(ch), d -> {
      seen.computeIfAbsent(n(d.message()), k -> new AtomicInteger()).incrementAndGet();
      members.add("b");
      return Future.succeededFuture();
    }));
    for (int i = 0; i < 40; i++) {
      await(broker.publish(ch, message(i)));
    }
    eventually("40 distinct messages", () -> seen.size() == 40);
    Thread.sleep(quietMillis());
    assertThat(seen.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    assertThat(seen.keySet()).hasSize(40);
  }

  @Test
  void everyGroupGetsItsOwnCopyAndAGroupMayListenToSeveralChannels() throws Exception {
    String ch1 = channel("multi");
    String ch2 = channel("multi");
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    await(broker.consume(group(), List.of(ch1, ch2), d -> {
      first.add(d.channel() + "#" + n(d.message()));
      return Future.succeededFuture();
    }));
    await(client().consume(group(), List.of(ch1), d -> {
      second.add(d.channel() + "#" + n(d.message()));
      return Future.succeededFuture();
    }));
    await(broker.publish(ch1, message(1)));
    await(broker.publish(ch2, message(2)));
    eventually("both copies", () -> first.size() == 2 && second.size() == 1);
    Thread.sleep(quietMillis());
    assertThat(first).containsExactlyInAnyOrder(ch1 + "#1", ch2 + "#2");
    assertThat(second).containsExactly(ch1 + "#1");
  }

  @Test
  void aFailedDeliveryIsDeliveredAgainMarkedAsRedelivered() throws Exception {
    String ch = channel("retry");
    List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    await(broker.consume(group(), List.of(ch), d -> {
      deliveries.add(d);
      return deliveries.size() == 1
          ? Future.failedFuture(new IllegalStateException("not yet"))
          : Future.succeededFuture();
    }));
    await(broker.publish(ch, message(7)));
    eventually("a second delivery", () -> deliveries.size() >= 2);
    Thread.sleep(quietMillis());
    assertThat(deliveries).hasSize(2);
    assertThat(deliveries).extracting(d -> n(d.message())).containsExactly(7, 7);
    assertThat(deliveries.get(0).redelivered()).isFalse();
    assertThat(deliveries.get(1).redelivered()).isTrue();
  }

  @Test
  void aHandlerThatThrowsIsTreatedAsAFailedDelivery() throws Exception {
    String ch = channel("throws");
    AtomicInteger calls = new AtomicInteger();
    await(broker.consume(group(), List.of(ch), d -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("handler bug");
      }
      return Future.succeededFuture();
    }));
    await(broker.publish(ch, message(1)));
    eventually("a second call", () -> calls.get() >= 2);
    Thread.sleep(quietMillis());
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void whatAMemberLeavesUnacknowledgedGoesToAnotherMember() throws Exception {
    String ch = channel("handover");
    String g = group();
    MessageBroker leaving = client();
    List<Integer> started = new CopyOnWriteArrayList<>();
    MessageBroker.Subscription s = await(leaving.consume(g, List.of(ch), d -> {
      started.add(n(d.message()));
      return Promise.<Void>promise().future(); // never acknowledged
    }));
    await(broker.publish(ch, message(3)));
    eventually("the first member started", () -> started.size() == 1);
    if (!broker.keepsMessagesForAbsentConsumers()) {
      // At-most-once transports hand out a message once; nothing comes back.
      await(s.cancel());
      return;
    }
    List<Delivery> taken = new CopyOnWriteArrayList<>();
    await(broker.consume(g, List.of(ch), d -> {
      taken.add(d);
      return Future.succeededFuture();
    }));
    await(s.cancel());
    await(leaving.close());
    eventually("the other member got it", () -> taken.size() == 1);
    assertThat(n(taken.get(0).message())).isEqualTo(3);
    assertThat(taken.get(0).redelivered()).isTrue();
  }

  @Test
  void aGroupKeepsWhatIsPublishedWhileNoMemberRunsWhenTheBrokerIsDurable() throws Exception {
    String ch = channel("durable");
    String g = group();
    MessageBroker first = client();
    List<Integer> got = new CopyOnWriteArrayList<>();
    MessageBroker.Subscription s = await(first.consume(g, List.of(ch), d -> {
      got.add(n(d.message()));
      return Future.succeededFuture();
    }));
    await(broker.publish(ch, message(1)));
    eventually("the first message", () -> got.size() == 1);
    await(s.cancel());
    await(first.close());
    for (int i = 2; i <= 4; i++) {
      await(broker.publish(ch, message(i)));
    }
    List<Integer> later = Collections.synchronizedList(new ArrayList<>());
    await(client().consume(g, List.of(ch), d -> {
      later.add(n(d.message()));
      return Future.succeededFuture();
    }));
    await(broker.publish(ch, message(5)));
    if (broker.keepsMessagesForAbsentConsumers()) {
      eventually("the kept messages and the new one", () -> later.size() == 4);
      assertThat(later).containsExactly(2, 3, 4, 5);
    } else {
      eventually("the new message", () -> later.contains(5));
      Thread.sleep(quietMillis());
      assertThat(later).containsExactly(5);
    }
  }

  @Test
  void aCancelledMemberReceivesNothingMore() throws Exception {
    String ch = channel("leave");
    String g = group();
    List<Integer> got = new CopyOnWriteArrayList<>();
    MessageBroker.Subscription s = await(broker.consume(g, List.of(ch), d -> {
      got.add(n(d.message()));
      return Future.succeededFuture();
    }));
    await(broker.publish(ch, message(1)));
    eventually("the first message", () -> got.size() == 1);
    await(s.cancel());
    await(broker.publish(ch, message(2)));
    Thread.sleep(quietMillis());
    assertThat(got).containsExactly(1);
  }

  private static boolean failed(Future<?> f) {
    try {
      f.await(20, TimeUnit.SECONDS);
      return false;
    } catch (Exception e) {
      return true;
    }
  }
}
