package dev.xcomponent.adapter.redis;

import static dev.xcomponent.adapter.redis.RedisTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.StoreFailure;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** After an append, the documented keys exist with the documented types and contents. */
class RedisKeyLayoutTest extends RedisStoreTestBase {
  private static String id() {
    return UUID.randomUUID().toString();
  }

  private static StoredEvent event(String instance, long seq, long at, String cause, String correlation, String key) {
    return new StoredEvent(id(), instance, seq, "Orders", "Order", seq == 1 ? StoredEvent.INSTANCE_CREATED : "PAY",
        Map.of("amount", 10), seq == 1 ? "" : "Created", "Paid", Map.of("total", 10), null, Map.of("total", 10),
        "active", seq == 1 ? -1 : 0, null, correlation, cause, key, at);
  }

  private static InstanceSnapshot snapshot(String instance, String component, long seq, String status) {
    return new InstanceSnapshot(instance, component, "Order", "S" + seq, status, null, Map.of("total", seq),
        100, 200 + seq, false, "parent-1", "Parent", seq, "corr", "ev-" + seq,
        List.of(new InstanceSnapshot.ArmedTimer(1, 9000)));
  }

  private static Response cmd(Command c, Object... args) throws Exception {
    Request r = Request.cmd(c);
    for (Object a : args) {
      r.arg(a.toString());
    }
    return await(raw.send(r));
  }

  private static String type(String key) throws Exception {
    return cmd(Command.TYPE, key).toString();
  }

  private static List<String[]> withScores(String key) throws Exception {
    List<String[]> out = new ArrayList<>();
    Response r = cmd(Command.ZRANGE, key, 0, -1, "WITHSCORES");
    for (Response pair : r) {
      // RESP3 answers [member, score] pairs
      out.add(new String[] {pair.get(0).toString(), String.valueOf(pair.get(1).toLong())});
    }
    return out;
  }

  @Test
  void anAppendWritesTheDocumentedKeys() throws Exception {
    String instance = id();
    String cause = id();
    String correlation = "flow-" + id();
    String idem = "key-" + id();
    StoredEvent created = event(instance, 1, 5000, null, correlation, null);
    StoredEvent paid = event(instance, 2, 5001, cause, correlation, idem);
    await(store.append(List.of(created, paid), List.of(snapshot(instance, "Orders", 2, "active"))));

    assertThat(type(keys.instanceEvents(instance))).isEqualTo("zset");
    List<String[]> perInstance = withScores(keys.instanceEvents(instance));
    assertThat(perInstance).extracting(p -> p[1]).containsExactly("1", "2");
    assertThat(new JsonObject(perInstance.get(1)[0]).getString("id")).isEqualTo(paid.id());

    assertThat(type(keys.allEvents())).isEqualTo("zset");
    assertThat(cmd(Command.ZSCORE, keys.allEvents(), paid.id()).toLong()).isEqualTo(5001);

    assertThat(type(keys.event(paid.id()))).isEqualTo("string");
    String json = cmd(Command.GET, keys.event(paid.id())).toString();
    assertThat(json).isEqualTo(perInstance.get(1)[0]);
    JsonObject o = new JsonObject(json);
    assertThat(o.getJsonObject("event").getString("type")).isEqualTo("PAY");
    assertThat(o.getString("stateBefore")).isEqualTo("Created");
    assertThat(o.getString("stateAfter")).isEqualTo("Paid");
    assertThat(o.getLong("persistedAt")).isEqualTo(5001);
    assertThat(o.getJsonArray("causedBy").getList()).containsExactly(cause);
    assertThat(o.getJsonObject("publicMemberSnapshot").getInteger("total")).isEqualTo(10);

    assertThat(type(keys.highestSeq(instance))).isEqualTo("string");
    assertThat(cmd(Command.GET, keys.highestSeq(instance)).toString()).isEqualTo("2");
    assertThat(cmd(Command.GET, keys.idempotencyKey(idem)).toString()).isEqualTo(paid.id());
    assertThat(cmd(Command.TTL, keys.idempotencyKey(idem)).toLong()).isEqualTo(-1);

    assertThat(type(keys.causedBy(cause))).isEqualTo("zset");
    assertThat(withScores(keys.causedBy(cause))).singleElement().satisfies(p -> {
      assertThat(p[0]).matches("[0-9]{16}:" + paid.id());
      assertThat(p[1]).isEqualTo("5001");
    });
    List<String[]> flow = withScores(keys.correlation(correlation));
    assertThat(flow).extracting(p -> RedisKeys.eventIdOfOrderedMember(p[0])).containsExactly(created.id(), paid.id());
    assertThat(flow.get(0)[0].compareTo(flow.get(1)[0])).isNegative();

    assertThat(type(keys.snapshot(instance))).isEqualTo("string");
    JsonObject snap = new JsonObject(cmd(Command.GET, keys.snapshot(instance)).toString());
    assertThat(snap.getJsonObject("instance").getString("currentState")).isEqualTo("S2");
    assertThat(snap.getJsonObject("instance").getString("parentInstanceId")).isEqualTo("parent-1");
    assertThat(snap.getLong("seq")).isEqualTo(2);
    assertThat(type(keys.allSnapshots())).isEqualTo("set");
    assertThat(cmd(Command.SISMEMBER, keys.allSnapshots(), instance).toLong()).isEqualTo(1);
    assertThat(type(keys.activeSnapshots("Orders"))).isEqualTo("zset");
    assertThat(cmd(Command.ZSCORE, keys.activeSnapshots("Orders"), instance).toLong()).isZero();
    assertThat(type(keys.writeCounter())).isEqualTo("string");
  }

  @Test
  void aFinishedOrDeletedInstanceLeavesTheActiveSetButKeepsItsNumbers() throws Exception {
    String instance = id();
    await(store.append(List.of(event(instance, 1, 1, null, "c", null)), List.of(snapshot(instance, "Orders", 1, "active"))));
    await(store.save(List.of(snapshot(instance, "Orders", 3, "completed"))));
    assertThat(cmd(Command.ZSCORE, keys.activeSnapshots("Orders"), instance)).isNull();
    assertThat(cmd(Command.SISMEMBER, keys.allSnapshots(), instance).toLong()).isEqualTo(1);
    await(store.delete(instance));
    assertThat(cmd(Command.EXISTS, keys.snapshot(instance)).toLong()).isZero();
    assertThat(cmd(Command.SISMEMBER, keys.allSnapshots(), instance).toLong()).isZero();
    assertThat(cmd(Command.GET, keys.highestSeq(instance)).toString()).isEqualTo("1");
    assertThat(cmd(Command.ZCARD, keys.instanceEvents(instance)).toLong()).isEqualTo(1);
  }

  @Test
  void anOlderSnapshotNeverReplacesANewerOne() throws Exception {
    String instance = id();
    await(store.save(List.of(snapshot(instance, "Orders", 5, "active"))));
    await(store.save(List.of(snapshot(instance, "Orders", 4, "completed"))));
    assertThat(await(store.load(instance)).orElseThrow().seq()).isEqualTo(5);
    assertThat(cmd(Command.ZSCORE, keys.activeSnapshots("Orders"), instance)).isNotNull();
    await(store.save(List.of(snapshot(instance, "Orders", 5, "completed"))));
    assertThat(await(store.load(instance)).orElseThrow().status()).isEqualTo("completed");
  }

  @Test
  void aSnapshotMovingToAnotherComponentLeavesTheOldActiveSet() throws Exception {
    String instance = id();
    await(store.save(List.of(snapshot(instance, "Orders", 1, "active"))));
    await(store.save(List.of(snapshot(instance, "Billing", 2, "active"))));
    assertThat(cmd(Command.ZSCORE, keys.activeSnapshots("Orders"), instance)).isNull();
    assertThat(await(store.activeSnapshots("Billing", null, 10))).extracting(InstanceSnapshot::instanceId).contains(instance);
  }

  @Test
  void theStoreLoadsItsScriptAgainAfterAScriptFlush() throws Exception {
    cmd(Command.SCRIPT, "FLUSH");
    String instance = id();
    await(store.append(List.of(event(instance, 1, 1, null, "c", null)), List.of()));
    assertThat(await(store.events(instance, 0))).hasSize(1);
    await(store.delete(instance));
  }

  @Test
  void idempotencyKeysExpireWhenATimeToLiveIsSet() throws Exception {
    RedisEventStore ttlStore = await(RedisEventStore.connect(vertx,
        RedisTestServer.settings(PREFIX).withIdempotencyKeyTtl(java.time.Duration.ofHours(24))));
    try {
      String key = "key-" + id();
      await(ttlStore.append(List.of(event(id(), 1, 1, null, "c", key)), List.of()));
      assertThat(cmd(Command.PTTL, keys.idempotencyKey(key)).toLong()).isBetween(86_000_000L, 86_400_000L);
    } finally {
      await(ttlStore.close());
    }
  }

  @Test
  void theReservedInstanceIdAndNonJsonValuesAreRejected() throws Exception {
    Throwable reserved = catchThrowable(() -> await(store.append(List.of(event("all", 1, 1, null, "c", null)), List.of())));
    assertThat(reserved).isInstanceOf(StoreFailure.class);
    assertThat(((StoreFailure) reserved).reason()).isEqualTo(StoreFailure.Reason.REJECTED);
    StoredEvent odd = new StoredEvent(id(), id(), 1, "Orders", "Order", "X", Map.of("thread", new Object()), "", "A",
        Map.of(), null, Map.of(), "active", -1, null, "c", null, null, 1);
    Throwable notJson = catchThrowable(() -> await(store.append(List.of(odd), List.of())));
    assertThat(((StoreFailure) notJson).reason()).isEqualTo(StoreFailure.Reason.REJECTED);
    assertThat(await(store.events(odd.instanceId(), 0))).isEmpty();
  }

  @Test
  void aBatchLargerThanOneScriptCallChunkIsWrittenWhole() throws Exception {
    String correlation = "big-" + id();
    List<StoredEvent> batch = new ArrayList<>();
    for (int i = 0; i < 4_500; i++) {
      batch.add(event(id(), 1, 7_000_000 + i, null, correlation, "k-" + id()));
    }
    await(store.append(batch, List.of()));
    assertThat(cmd(Command.ZCARD, keys.correlation(correlation)).toLong()).isEqualTo(4_500);
    assertThat(await(store.byCorrelation(correlation, 10_000))).extracting(StoredEvent::id)
        .containsExactlyElementsOf(batch.stream().map(StoredEvent::id).toList());
    StoredEvent last = batch.get(batch.size() - 1);
    assertThat(cmd(Command.GET, keys.highestSeq(last.instanceId())).toString()).isEqualTo("1");
    assertThat(cmd(Command.GET, keys.idempotencyKey(last.idempotencyKey())).toString()).isEqualTo(last.id());
    Throwable again = catchThrowable(() -> await(store.append(List.of(event(last.instanceId(), 1, 1, null, "c", null)), List.of())));
    assertThat(((StoreFailure) again).reason()).isEqualTo(StoreFailure.Reason.CONFLICT);
  }

  @Test
  void theEventsOfManyInstancesAreReadInOneCall() throws Exception {
    List<StoredEvent> batch = new ArrayList<>();
    Map<String, Long> after = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 500; i++) {
      String instance = id();
      for (int seq = 1; seq <= 3; seq++) {
        batch.add(event(instance, seq, seq, null, "c", null));
      }
      after.put(instance, (long) (i % 4));
    }
    await(store.append(batch, List.of()));
    String unknown = id();
    Map<String, Long> asked = new java.util.LinkedHashMap<>(after);
    asked.put(unknown, 0L);
    Map<String, List<StoredEvent>> found = await(store.eventsAfter(asked));
    assertThat(found.keySet()).containsExactlyElementsOf(asked.keySet());
    after.forEach((instance, seq) -> assertThat(found.get(instance)).extracting(StoredEvent::seq)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(seq + 1, 3).boxed().toList()));
    assertThat(found.get(unknown)).isEmpty();
    assertThat(await(store.eventsAfter(Map.of()))).isEmpty();
  }

  @Test
  void eventsOfABatchOutOfSequenceOrderAreAConflict() throws Exception {
    String instance = id();
    Throwable t = catchThrowable(() -> await(store.append(
        List.of(event(instance, 2, 1, null, "c", null), event(instance, 1, 1, null, "c", null)), List.of())));
    assertThat(((StoreFailure) t).reason()).isEqualTo(StoreFailure.Reason.CONFLICT);
    assertThat(cmd(Command.EXISTS, keys.highestSeq(instance)).toLong()).isZero();
  }
}
