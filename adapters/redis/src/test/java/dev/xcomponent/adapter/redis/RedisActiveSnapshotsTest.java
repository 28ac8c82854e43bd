package dev.xcomponent.adapter.redis;

import static dev.xcomponent.adapter.redis.RedisTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.InstanceSnapshot;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A page of active snapshots is full whenever the index holds enough active instances after the
 * cursor, even when some it lists have finished or gone by the time their snapshots are read: a
 * restore stops at the first page that is not full.
 */
class RedisActiveSnapshotsTest extends RedisStoreTestBase {
  private static InstanceSnapshot snapshot(String instance) {
    return new InstanceSnapshot(instance, "Paging", "Order", "Open", "active", null, Map.of("n", 1), 100, 200, false,
        null, null, 1, "corr", "ev-" + instance, List.of());
  }

  @Test
  void instancesGoneBetweenTheIndexAndTheirSnapshotsDoNotShortenAPage() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add("paging-" + i);
    }
    await(store.save(ids.stream().map(RedisActiveSnapshotsTest::snapshot).toList()));
    // two of the first instances still indexed, their snapshots gone (deleted meanwhile)
    await(raw.send(Request.cmd(Command.DEL).arg(keys.snapshot(ids.get(0))).arg(keys.snapshot(ids.get(2)))));

    List<InstanceSnapshot> first = await(store.activeSnapshots("Paging", null, 3));
    assertThat(first).extracting(InstanceSnapshot::instanceId).containsExactly("paging-1", "paging-3", "paging-4");
    List<InstanceSnapshot> rest = await(store.activeSnapshots("Paging", "paging-4", 3));
    assertThat(rest).extracting(InstanceSnapshot::instanceId).containsExactly("paging-5");
    assertThat(await(store.activeSnapshots("Paging", "paging-5", 3))).isEmpty();
  }
}
