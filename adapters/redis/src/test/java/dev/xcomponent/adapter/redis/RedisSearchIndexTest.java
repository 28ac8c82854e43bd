package dev.xcomponent.adapter.redis;

import static dev.xcomponent.adapter.redis.RedisTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.SnapshotSearch;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The search indexes of the Redis store: their keys, their upkeep and the bound of a text search. */
class RedisSearchIndexTest extends RedisStoreTestBase {
  private static String id() {
    return UUID.randomUUID().toString();
  }

  private static InstanceSnapshot snapshot(String id, String component, String machine, String state, long seq,
      long updatedAt, Map<String, Object> data) {
    return new InstanceSnapshot(id, component, machine, state, "active", null, data, 1, updatedAt, false, null, null,
        seq, "corr", null, List.of());
  }

  private static Response cmd(Command c, Object... args) throws Exception {
    Request r = Request.cmd(c);
    for (Object a : args) {
      r.arg(a.toString());
    }
    return await(raw.send(r));
  }

  private static List<String> search(RedisEventStore s, String component, String machine, String state, String text)
      throws Exception {
    return await(s.search(new SnapshotSearch(component, machine, state, text, 500))).stream()
        .map(InstanceSnapshot::instanceId).toList();
  }

  /** The two indexes of (component, machine, state): its own and that of all snapshots. */
  private static List<String> indexKeys(String component, String machine, String state) {
    return List.of(keys.snapshotSearch(component, machine, state), keys.snapshotSearch(null, null, null));
  }

  private static boolean registered(String component, String machine, String state) throws Exception {
    String name = RedisKeys.segment(component) + ":" + RedisKeys.segment(machine) + ":" + RedisKeys.segment(state);
    return cmd(Command.SISMEMBER, keys.snapshotSearchNames(), name).toLong() == 1;
  }

  @Test
  void aSnapshotIsInTheIndexOfItsNamesScoredByItsUpdateTimeAndMovesWithItsState() throws Exception {
    String instance = id();
    String other = id();
    String component = "Orders-" + id();
    await(store.save(List.of(snapshot(instance, component, "Order", "Created", 1, 7_000, Map.of("Who", "Zoë")),
        snapshot(other, component, "Order", "Created", 1, 6_000, Map.of()))));
    for (String key : indexKeys(component, "Order", "Created")) {
      assertThat(cmd(Command.ZSCORE, key, instance).toLong()).as(key).isEqualTo(7_000);
    }
    assertThat(keys.snapshotSearch(component, "Order", "Created"))
        .isEqualTo(PREFIX + ":snapshots:by:" + component + ":Order:Created");
    assertThat(keys.snapshotSearch(null, null, null)).isEqualTo(PREFIX + ":snapshots:by:*:*:*");
    assertThat(registered(component, "Order", "Created")).isTrue();
    assertThat(cmd(Command.HGET, keys.snapshotText(), instance).toString())
        .isEqualTo(instance + "\n{\"who\":\"zoë\"}");

    await(store.save(List.of(snapshot(instance, component, "Order", "Paid", 2, 8_000, Map.of()))));
    assertThat(cmd(Command.ZSCORE, keys.snapshotSearch(component, "Order", "Created"), instance)).isNull();
    for (String key : indexKeys(component, "Order", "Paid")) {
      assertThat(cmd(Command.ZSCORE, key, instance).toLong()).as(key).isEqualTo(8_000);
    }
    assertThat(registered(component, "Order", "Paid")).isTrue();
    assertThat(registered(component, "Order", "Created")).as("still holds another instance").isTrue();
    await(store.save(List.of(snapshot(other, component, "Order", "Paid", 2, 8_001, Map.of()))));
    assertThat(registered(component, "Order", "Created")).as("an empty index leaves the registry").isFalse();

    await(store.delete(instance));
    await(store.delete(other));
    for (String key : indexKeys(component, "Order", "Paid")) {
      assertThat(cmd(Command.ZSCORE, key, instance)).as(key).isNull();
    }
    assertThat(registered(component, "Order", "Paid")).isFalse();
    assertThat(cmd(Command.HEXISTS, keys.snapshotText(), instance).toLong()).isZero();
  }

  @Test
  void aSearchWithSomeNamesMergesTheMatchingIndexesNewestFirst() throws Exception {
    String machine = "Merge-" + id();
    List<String> expected = new ArrayList<>();
    List<InstanceSnapshot> list = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String instance = id();
      // 3 components x 4 states, interleaved in time; equal times in pairs to check the tie order
      list.add(snapshot(instance, "C" + (i % 3), machine, "S" + (i % 4), 1, 50_000 + i / 2, Map.of("n", i)));
    }
    await(store.save(list));
    list.sort(java.util.Comparator.comparingLong(InstanceSnapshot::updatedAt)
        .thenComparing(InstanceSnapshot::instanceId).reversed());
    list.forEach(x -> expected.add(x.instanceId()));
    assertThat(await(store.search(new SnapshotSearch(null, machine, null, null, 500))))
        .extracting(InstanceSnapshot::instanceId).containsExactlyElementsOf(expected);
    assertThat(await(store.search(new SnapshotSearch(null, machine, "S1", null, 50))))
        .extracting(InstanceSnapshot::instanceId)
        .containsExactlyElementsOf(list.stream().filter(x -> x.state().equals("S1")).limit(50)
            .map(InstanceSnapshot::instanceId).toList());
    assertThat(await(store.search(new SnapshotSearch(null, machine, null, "\"n\":7", 500))))
        .extracting(InstanceSnapshot::instanceId)
        .containsExactlyElementsOf(list.stream().filter(x -> x.context().get("n").toString().startsWith("7"))
            .map(InstanceSnapshot::instanceId).toList());
  }

  @Test
  void namesHoldingColonsStarsOrPercentSignsKeepTheirOwnIndexes() throws Exception {
    String tag = id().substring(0, 8);
    String a = id();
    String b = id();
    String star = id();
    String percent = id();
    await(store.save(List.of(
        snapshot(a, "a:" + tag, "b", "S", 1, 1, Map.of()),
        snapshot(b, "a", "b:" + tag, "S", 1, 2, Map.of()),
        snapshot(star, "*" + tag, "*", "*", 1, 3, Map.of()),
        snapshot(percent, "%2A" + tag, "%3A", "S", 1, 4, Map.of()))));
    assertThat(keys.snapshotSearch("a:" + tag, "b", "S")).endsWith(":by:a%3A" + tag + ":b:S");
    assertThat(search(store, "a:" + tag, null, null, null)).containsExactly(a);
    assertThat(search(store, "a:" + tag, "b", "S", null)).containsExactly(a);
    assertThat(search(store, "a", "b:" + tag, null, null)).containsExactly(b);
    assertThat(search(store, "*" + tag, "*", "*", null)).containsExactly(star);
    assertThat(search(store, "*" + tag, null, null, null)).containsExactly(star);
    assertThat(search(store, "%2A" + tag, null, null, null)).containsExactly(percent);
    assertThat(search(store, "%2A" + tag, "%3A", null, null)).containsExactly(percent);
  }

  @Test
  void aTextSearchWalksAtMostItsBudgetOfIndexEntries() throws Exception {
    String component = "Budget-" + id();
    String oldest = id();
    List<InstanceSnapshot> list = new ArrayList<>();
    list.add(snapshot(oldest, component, "M", "S", 1, 100, Map.of("needle", "rare-value")));
    for (int i = 1; i <= 2_500; i++) {
      list.add(snapshot(id(), component, "M", "S", 1, 100 + i, Map.of("n", i)));
    }
    await(store.save(list));
    RedisEventStore bounded = await(RedisEventStore.connect(vertx, RedisTestServer.settings(PREFIX))).searchBudget(2_000);
    try {
      assertThat(search(bounded, component, null, null, "RARE-value")).as("past the budget").isEmpty();
      assertThat(search(bounded, component, null, null, null)).as("no text: no budget").hasSize(500);
      assertThat(search(store, component, null, null, "RARE-value")).containsExactly(oldest);
      assertThat(search(store, component, "M", "S", "rare")).containsExactly(oldest);
    } finally {
      await(bounded.close());
    }
  }

  @Test
  void aTextSearchResumesItsMergeAcrossScriptCalls() throws Exception {
    String component = "Resume-" + id();
    List<InstanceSnapshot> list = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2_600; i++) {
      String instance = id();
      list.add(snapshot(instance, component, "M" + (i % 2), "S" + (i % 5), 1, 200_000 + i,
          Map.of("tag", i % 500 == 7 ? "needle" : "hay")));
      if (i % 500 == 7) {
        expected.add(0, instance);
      }
    }
    await(store.save(list));
    assertThat(RedisEventStore.SEARCH_STEP).isLessThan(list.size());
    assertThat(search(store, component, null, null, "NEEDLE")).containsExactlyElementsOf(expected);
    assertThat(search(store, component, "M1", null, "needle")).containsExactlyElementsOf(
        expected.stream().filter(x -> list.stream().anyMatch(y -> y.instanceId().equals(x) && y.machineName().equals("M1")))
            .toList());
  }

  @Test
  void snapshotsWrittenBeforeTheIndexesExistedAreIndexedAtTheNextStart() throws Exception {
    String legacy = RedisTestServer.newPrefix();
    RedisEventStore writer = await(RedisEventStore.connect(vertx, RedisTestServer.settings(legacy)));
    String instance = id();
    String component = "Old-" + id();
    await(writer.save(List.of(snapshot(instance, component, "Order", "Shipped", 3, 42, Map.of("orderId", "O-17")))));
    await(writer.close());
    RedisKeys old = new RedisKeys(legacy);
    // what an older version left: the snapshot and its set membership, no search entries
    for (String key : indexKeys(component, "Order", "Shipped")) {
      cmd(Command.DEL, key.replace(PREFIX + ":", legacy + ":"));
    }
    cmd(Command.DEL, old.snapshotText());
    cmd(Command.DEL, old.snapshotsIndexed());
    try {
      RedisEventStore upgraded = await(RedisEventStore.connect(vertx, RedisTestServer.settings(legacy)));
      try {
        long deadline = System.currentTimeMillis() + 10_000;
        while (cmd(Command.GET, old.snapshotsIndexed()) == null && System.currentTimeMillis() < deadline) {
          Thread.sleep(20);
        }
        assertThat(search(upgraded, component, "Order", "Shipped", "o-17")).containsExactly(instance);
        assertThat(await(upgraded.load(instance)).orElseThrow().seq()).isEqualTo(3);
      } finally {
        await(upgraded.close());
      }
    } finally {
      RedisTestServer.deleteAll(vertx, legacy);
    }
  }
}
