package dev.xcomponent.adapter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.xcomponent.application.Channels;
import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.MessageBroker.Delivery;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What goes over the wire, checked with a plain AMQP client standing in for the reference
 * implementation, plus the limits the contract suite does not reach.
 */
class RabbitMqWireTest {
  private static Vertx vertx;
  private final List<MessageBroker> opened = new ArrayList<>();
  private final List<String> groupQueues = new ArrayList<>();
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private Connection raw;
  private Channel rawChannel;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @BeforeEach
  void openRawClient() throws Exception {
    raw = RabbitServer.rawConnection();
    rawChannel = raw.createChannel();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (MessageBroker broker : opened) {
      broker.close().await(20, TimeUnit.SECONDS);
    }
    Channel cleanup = raw.createChannel();
    for (String queue : groupQueues) {
      cleanup.queueDelete(queue);
    }
    raw.close();
  }

  @Test
  void publishesPersistentJsonOnTheDurableTopicExchangeWithTheReferenceRoutingKey() throws Exception {
    MessageBroker broker = open(RabbitServer.settings());
    String channel = "test:wire:" + id;
    // Re-declaring with the reference's arguments fails (406) unless ours are the same.
    rawChannel.exchangeDeclare("xcomponent.events", "topic", true);
    String queue = rawChannel.queueDeclare().getQueue();
    rawChannel.queueBind(queue, "xcomponent.events", "test.wire." + id);

    Map<String, Object> sent = Map.of("n", 1, "text", "h\u00e9llo", "nested", Map.of("ok", true));
    await(broker.publish(channel, sent));

    GetResponse got = poll(queue);
    assertThat(got.getEnvelope().getExchange()).isEqualTo("xcomponent.events");
    assertThat(got.getEnvelope().getRoutingKey()).isEqualTo("test.wire." + id);
    assertThat(got.getProps().getDeliveryMode()).isEqualTo(2);
    assertThat(got.getProps().getContentType()).isEqualTo("application/json");
    assertThat(got.getProps().getHeaders()).extractingByKey("x-xcomponent-channel").hasToString(channel);
    assertThat(new JsonObject(new String(got.getBody(), StandardCharsets.UTF_8))).isEqualTo(new JsonObject(sent));
  }

  @Test
  void understandsWhatTheReferenceImplementationPublishes() throws Exception {
    MessageBroker broker = open(RabbitServer.settings());
    String channel = "test:reference:" + id;
    String group = group();
    List<Map<String, Object>> fannedOut = new CopyOnWriteArrayList<>();
    List<Delivery> consumed = new CopyOnWriteArrayList<>();
    await(broker.subscribe(channel, fannedOut::add));
    await(broker.consume(group, List.of(channel), d -> {
      consumed.add(d);
      return Future.succeededFuture();
    }));

    // The reference publishes a persistent JSON string, without our channel header.
    rawChannel.basicPublish("xcomponent.events", "test.reference." + id,
        new AMQP.BasicProperties.Builder().deliveryMode(2).contentType("application/json").build(),
        "{\"type\":\"create_instance\",\"n\":7}".getBytes(StandardCharsets.UTF_8));

    eventually("both copies", () -> fannedOut.size() == 1 && consumed.size() == 1);
    assertThat(fannedOut.get(0)).containsEntry("type", "create_instance").containsEntry("n", 7);
    assertThat(consumed.get(0).channel()).isEqualTo(channel);
    assertThat(consumed.get(0).redelivered()).isFalse();
  }

  @Test
  void aCommandNamingOneComponentIsStoredOnlyInThatComponentsQueue() throws Exception {
    MessageBroker broker = open(RabbitServer.settings());
    String a = "A-" + id;
    String b = "B-" + id;
    Map<String, List<String>> got = Map.of(a, new CopyOnWriteArrayList<>(), b, new CopyOnWriteArrayList<>());
    for (String component : List.of(a, b)) {
      groupQueues.add("xcomponent.group." + Channels.group(component));
      await(broker.consume(Channels.group(component), List.of(Channels.CROSS_COMPONENT_EVENT, Channels.TRIGGER_EVENT), d -> {
        got.get(component).add((String) d.message().get("n"));
        return Future.succeededFuture();
      }));
    }
    List<String> fannedOut = new CopyOnWriteArrayList<>();
    await(broker.subscribe(Channels.CROSS_COMPONENT_EVENT, m -> {
      if (id.equals(m.get("test"))) {
        fannedOut.add((String) m.get("n"));
      }
    }));

    await(broker.publish(Channels.CROSS_COMPONENT_EVENT, Map.of("test", id, "n", "to-a", "targetComponent", a)));
    await(broker.publish(Channels.CROSS_COMPONENT_EVENT, Map.of("test", id, "n", "to-b", "targetComponent", b)));
    // a component no runtime ever started: no queue is bound for it, so every group sees it
    await(broker.publish(Channels.CROSS_COMPONENT_EVENT, Map.of("test", id, "n", "to-z", "targetComponent", "Z-" + id)));
    // a trigger_event naming no component is for every group
    await(broker.publish(Channels.TRIGGER_EVENT, Map.of("test", id, "n", "to-all", "instanceId", "i")));
    // the reference implementation publishes without our headers: every group sees it
    rawChannel.basicPublish("xcomponent.events", "fsm.commands.cross_component_event",
        new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
        new JsonObject().put("test", id).put("n", "reference").put("targetComponent", a).encode().getBytes(StandardCharsets.UTF_8));

    eventually("every expected delivery", () -> got.get(a).size() == 4 && got.get(b).size() == 4 && fannedOut.size() == 4);
    Thread.sleep(300);
    assertThat(got.get(a)).containsExactlyInAnyOrder("to-a", "to-z", "to-all", "reference");
    assertThat(got.get(b)).containsExactlyInAnyOrder("to-b", "to-z", "to-all", "reference");
    assertThat(fannedOut).as("fan-out subscribers still see every command")
        .containsExactlyInAnyOrder("to-a", "to-b", "to-z", "reference");
  }

  @Test
  void aGroupQueueBoundByAnEarlierVersionStopsReceivingOtherComponentsCommands() throws Exception {
    String c = "C-" + id;
    String queue = "xcomponent.group." + Channels.group(c);
    groupQueues.add(queue);
    // as earlier versions left it: bound straight to the topic exchange, so it got every command
    rawChannel.exchangeDeclare("xcomponent.events", "topic", true);
    rawChannel.queueDeclare(queue, true, false, false, null);
    rawChannel.queueBind(queue, "xcomponent.events", "fsm.commands.cross_component_event");

    MessageBroker broker = open(RabbitServer.settings());
    List<String> got = new CopyOnWriteArrayList<>();
    await(broker.consume(Channels.group(c), List.of(Channels.CROSS_COMPONENT_EVENT), d -> {
      got.add((String) d.message().get("n"));
      return Future.succeededFuture();
    }));
    String d = "D-" + id;
    groupQueues.add("xcomponent.group." + Channels.group(d));
    await(broker.consume(Channels.group(d), List.of(Channels.CROSS_COMPONENT_EVENT), m -> Future.succeededFuture()));
    await(broker.publish(Channels.CROSS_COMPONENT_EVENT, Map.of("test", id, "n", "to-d", "targetComponent", d)));
    await(broker.publish(Channels.CROSS_COMPONENT_EVENT, Map.of("test", id, "n", "to-c", "targetComponent", c)));

    eventually("the command for C", () -> got.contains("to-c"));
    Thread.sleep(300);
    assertThat(got).containsExactly("to-c");
  }

  @Test
  void queuesAreNamedAndShapedAsInTheReference() throws Exception {
    MessageBroker broker = open(RabbitServer.settings());
    String channel = "test:shape:" + id;
    String group = group();
    MessageBroker.Subscription fanOut = await(broker.subscribe(channel, m -> {}));
    await(broker.consume(group, List.of(channel), d -> Future.succeededFuture()));

    // durable, not exclusive, not auto-delete: re-declaring so succeeds only if that is what it is
    rawChannel.queueDeclare("xcomponent.group." + group, true, false, false, null);
    String listing = RabbitServer.rabbitmqctl("-q", "--no-table-headers", "list_queues", "name", "durable",
        "auto_delete", "exclusive");
    String fanOutRow = listing.lines().filter(l -> l.startsWith("xcomponent.test.shape." + id + "."))
        .findFirst().orElseThrow(() -> new AssertionError("no fan-out queue in\n" + listing));
    assertThat(fanOutRow).matches("xcomponent\\.test\\.shape\\." + id + "\\.[0-9]{13}\\.[0-9a-z]+\\tfalse\\ttrue\\ttrue");

    await(fanOut.cancel());
    eventually("the auto-delete queue is gone", () -> {
      try {
        return RabbitServer.queueNames().stream().noneMatch(q -> q.startsWith("xcomponent.test.shape." + id));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void malformedBodiesAreDroppedAndDeliveryGoesOn() throws Exception {
    MessageBroker broker = open(RabbitServer.settings());
    String channel = "test:malformed:" + id;
    String group = group();
    List<Map<String, Object>> fannedOut = new CopyOnWriteArrayList<>();
    List<Delivery> consumed = new CopyOnWriteArrayList<>();
    await(broker.subscribe(channel, fannedOut::add));
    await(broker.consume(group, List.of(channel), d -> {
      consumed.add(d);
      return Future.succeededFuture();
    }));
    try (LogCapture logs = new LogCapture()) {
      for (String body : List.of("not json", "[1,2]", "")) {
        rawChannel.basicPublish("xcomponent.events", "test.malformed." + id, null, body.getBytes(StandardCharsets.UTF_8));
      }
      await(broker.publish(channel, Map.of("n", 1)));
      eventually("the good message", () -> fannedOut.size() == 1 && consumed.size() == 1);
      Thread.sleep(500);
      assertThat(fannedOut).hasSize(1);
      assertThat(consumed).hasSize(1);
      assertThat(rawChannel.queueDeclarePassive("xcomponent.group." + group).getMessageCount())
          .as("malformed messages are not requeued").isZero();
      assertThat(logs.warnings()).filteredOn(w -> w.contains("malformed")).hasSize(6);
    }
  }

  @Test
  void aMemberHoldsAtMostPrefetchDeliveriesAndCancellingHandsThemBack() throws Exception {
    MessageBroker slow = open(RabbitServer.settings().withPrefetch(3));
    MessageBroker publisher = open(RabbitServer.settings());
    String channel = "test:prefetch:" + id;
    String group = group();
    List<Integer> held = new CopyOnWriteArrayList<>();
    MessageBroker.Subscription member = await(slow.consume(group, List.of(channel), d -> {
      held.add(((Number) d.message().get("n")).intValue());
      return Promise.<Void>promise().future(); // never done
    }));
    for (int i = 0; i < 10; i++) {
      await(publisher.publish(channel, Map.of("n", i)));
    }
    eventually("three held", () -> held.size() == 3);
    Thread.sleep(500);
    assertThat(held).containsExactly(0, 1, 2);

    List<Delivery> taken = new CopyOnWriteArrayList<>();
    await(publisher.consume(group, List.of(channel), d -> {
      taken.add(d);
      return Future.succeededFuture();
    }));
    eventually("the seven others", () -> taken.size() == 7);
    await(member.cancel());
    eventually("all ten", () -> taken.size() == 10);
    assertThat(taken).filteredOn(Delivery::redelivered).extracting(d -> ((Number) d.message().get("n")).intValue())
        .containsExactlyInAnyOrder(0, 1, 2);
    assertThat(held).hasSize(3);
  }

  @Test
  void aGroupWhoseQueueIsDeletedByAnOperatorStartsAgain() throws Exception {
    MessageBroker broker = open(RabbitServer.settings().withReconnectBackoff(
        Duration.ofMillis(50), Duration.ofMillis(200)));
    String channel = "test:deleted:" + id;
    String group = group();
    List<Integer> consumed = new CopyOnWriteArrayList<>();
    await(broker.consume(group, List.of(channel), d -> {
      consumed.add(((Number) d.message().get("n")).intValue());
      return Future.succeededFuture();
    }));
    rawChannel.queueDelete("xcomponent.group." + group);
    eventually("the queue declared again", () -> {
      try (Channel probe = raw.createChannel()) {
        probe.queueDeclarePassive("xcomponent.group." + group);
        return true;
      } catch (Exception e) {
        return false;
      }
    });
    await(broker.publish(channel, Map.of("n", 1)));
    eventually("delivered again", () -> consumed.contains(1));
  }

  @Test
  void publishingBeyondTheUnconfirmedBoundFailsAtOnce() throws Exception {
    MessageBroker broker = open(RabbitServer.settings().withMaxUnconfirmed(1));
    String channel = "test:bound:" + id;
    // Back-to-back calls outrun the broker's confirms, so some find the single slot taken.
    List<Future<Void>> burst = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      burst.add(broker.publish(channel, Map.of("n", i)));
    }
    Future.join(burst).otherwiseEmpty().await(30, TimeUnit.SECONDS);
    assertThat(burst).allSatisfy(f -> assertThat(f.isComplete()).isTrue());
    assertThat(burst).filteredOn(Future::failed)
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.cause()).hasMessageContaining("already wait for RabbitMQ's confirm"));
    assertThat(burst).filteredOn(Future::succeeded).isNotEmpty();
    await(broker.publish(channel, Map.of("n", "after")));
  }

  @Test
  void namesTopicBindingsWouldMisreadAreRefused() throws Exception {
    MessageBroker broker = open(RabbitServer.settings());
    assertThatThrownBy(() -> await(broker.publish("fsm:#", Map.of()))).hasMessageContaining("wildcards");
    assertThatThrownBy(() -> await(broker.subscribe("fsm:*", m -> {}))).hasMessageContaining("wildcards");
    assertThatThrownBy(() -> await(broker.consume(group(), List.of("ok:" + id, "#"), d -> Future.succeededFuture())))
        .hasMessageContaining("wildcards");
  }

  @Test
  void aWrongUrlOrPasswordFailsOpeningWithoutSayingThePassword() throws Exception {
    RabbitMqSettings s = RabbitServer.settings();
    RabbitMqSettings wrong = new RabbitMqSettings(s.tls(), s.host(), s.port(), s.virtualHost(), s.user(),
        "wrong-s3cret", s.prefetch(), s.heartbeatSeconds(), s.connectTimeout(), s.publishTimeout(),
        s.redeliveryDelay(), s.reconnectInitialDelay(), s.reconnectMaxDelay(), s.maxUnconfirmed(),
        s.connectionName());
    assertThatThrownBy(() -> await(RabbitMqMessageBroker.open(vertx, wrong)))
        .hasMessageContaining("cannot connect to RabbitMQ at " + wrong.describe())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    assertThatThrownBy(() -> await(RabbitMqMessageBroker.open(vertx, "amqp://guest:s3cret@127.0.0.1:1")))
        .hasMessageContaining("cannot connect to RabbitMQ at amqp://guest:***@127.0.0.1:1/")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    assertThatThrownBy(() -> await(RabbitMqMessageBroker.open(vertx, "kafka://h")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amqp://");
  }

  private String group() {
    String group = "wire-" + UUID.randomUUID().toString().substring(0, 8);
    groupQueues.add("xcomponent.group." + group);
    return group;
  }

  private GetResponse poll(String queue) throws Exception {
    long end = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < end) {
      GetResponse response = rawChannel.basicGet(queue, true);
      if (response != null) {
        return response;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("nothing arrived in " + queue);
  }

  private MessageBroker open(RabbitMqSettings settings) throws Exception {
    MessageBroker broker = await(RabbitMqMessageBroker.open(vertx, settings));
    opened.add(broker);
    return broker;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(30, TimeUnit.SECONDS);
  }

  private static void eventually(String what, BooleanSupplier done) throws InterruptedException {
    long end = System.currentTimeMillis() + 15_000;
    while (!done.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("waited too long for: " + what).isLessThan(end);
      Thread.sleep(10);
    }
  }
}
