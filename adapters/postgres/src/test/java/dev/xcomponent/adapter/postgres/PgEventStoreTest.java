package dev.xcomponent.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.xcomponent.port.AppendResult;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.StoreFailure;
import dev.xcomponent.port.StoredEvent;
import dev.xcomponent.port.contract.EventStoreContract;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event store contract against the real PostgreSQL server, in the server's default schema,
 * plus what is particular to this store.
 */
class PgEventStoreTest extends EventStoreContract {
  private PgEventStore store;

  @Override
  protected EventStore openStore(Vertx vertx) throws Exception {
    return PgTestDatabase.connect(vertx, PgTestDatabase.settings());
  }

  @BeforeEach
  void openOwn() throws Exception {
    store = PgTestDatabase.connect(vertx, PgTestDatabase.settings());
  }

  @AfterEach
  void closeOwn() throws Exception {
    await(store.close());
  }

  private static StoredEvent event(String instance, long seq, String key) {
    return new StoredEvent(UUID.randomUUID().toString(), instance, seq, "C", "Order", "E" + seq, Map.of("n", seq),
        "S" + (seq - 1), "S" + seq, Map.of("orderId", "O-1"), null, Map.of("orderId", "O-1"), "active", 0, null,
        "corr-" + instance, null, key, 1000 + seq);
  }

  private static InstanceSnapshot snapshot(String instance, long seq, String state) {
    return new InstanceSnapshot(instance, "C", "Order", state, "active", null, Map.of("s", seq), 1, 2, false, null,
        null, seq, "corr", null, List.of());
  }

  @Test
  void aKeyRepeatedInsideOneBatchKeepsTheFirstEvent() throws Exception {
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    String key = "k-" + UUID.randomUUID();
    StoredEvent first = event(a, 1, key);
    StoredEvent repeat = event(b, 1, key);
    AppendResult r = await(store.append(List.of(first, repeat), List.of()));
    assertThat(r.duplicates()).containsExactly(repeat.id());
    assertThat(await(store.events(a, 0))).hasSize(1);
    assertThat(await(store.events(b, 0))).isEmpty();
  }

  @Test
  void aSnapshotNeverReplacesANewerOne() throws Exception {
    String id = UUID.randomUUID().toString();
    await(store.append(List.of(event(id, 1, null)), List.of(snapshot(id, 5, "Five"), snapshot(id, 3, "Three"))));
    assertThat(await(store.load(id)).orElseThrow().state()).isEqualTo("Five");
    await(store.save(List.of(snapshot(id, 4, "Four"))));
    assertThat(await(store.load(id)).orElseThrow().state()).isEqualTo("Five");
    await(store.save(List.of(snapshot(id, 5, "FiveAgain"))));
    assertThat(await(store.load(id)).orElseThrow().state()).isEqualTo("FiveAgain");
  }

  @Test
  void aPublicMemberSnapshotKeepsItsContextApart() throws Exception {
    String id = UUID.randomUUID().toString();
    InstanceSnapshot s = new InstanceSnapshot(id, "C", "Order", "A", "active", Map.of("Id", 7), Map.of("extra", "x"),
        1, 2, true, "parent-1", "Parent", 3, "corr", UUID.randomUUID().toString(),
        List.of(new InstanceSnapshot.ArmedTimer(0, 10), new InstanceSnapshot.ArmedTimer(4, 20)));
    await(store.save(List.of(s)));
    InstanceSnapshot back = await(store.load(id)).orElseThrow();
    assertThat(back).isEqualTo(s);
  }

  @Test
  void dataTheDatabaseCannotHoldIsRejectedAndNothingIsWritten() throws Exception {
    String id = UUID.randomUUID().toString();
    StoredEvent tooLong = new StoredEvent(UUID.randomUUID().toString(), id, 1, "C", "Order", "E".repeat(300),
        Map.of(), "", "S", Map.of(), null, Map.of(), "active", -1, null, "c", null, null, 1);
    assertRejected(tooLong);
    StoredEvent nul = new StoredEvent(UUID.randomUUID().toString(), id, 1, "C", "Order", "E", Map.of(), "", "S",
        Map.of("bad", "a\u0000b"), null, Map.of(), "active", -1, null, "c", null, null, 1);
    assertRejected(nul);
    StoredEvent notJson = new StoredEvent(UUID.randomUUID().toString(), id, 1, "C", "Order", "E", Map.of(), "", "S",
        Map.of("thread", new Object()), null, Map.of(), "active", -1, null, "c", null, null, 1);
    assertRejected(notJson);
    StoredEvent badId = new StoredEvent("not-a-uuid", id, 1, "C", "Order", "E", Map.of(), "", "S",
        Map.of(), null, Map.of(), "active", -1, null, "c", null, null, 1);
    assertRejected(badId);
    assertThat(await(store.events(id, 0))).isEmpty();
  }

  private void assertRejected(StoredEvent e) {
    Throwable t = catchThrowable(() -> await(store.append(List.of(e), List.of())));
    assertThat(t).isInstanceOf(StoreFailure.class);
    assertThat(((StoreFailure) t).reason()).isEqualTo(StoreFailure.Reason.REJECTED);
    assertThat(t.getMessage()).doesNotContain("INSERT").doesNotContain("unnest");
  }

  @Test
  void anIdOfAnotherFormFindsNoCausedEvents() throws Exception {
    assertThat(await(store.causedBy("ev-1"))).isEmpty();
  }
}
