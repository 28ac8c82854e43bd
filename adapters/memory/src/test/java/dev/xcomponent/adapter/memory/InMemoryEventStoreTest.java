package dev.xcomponent.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.StoredEvent;
import dev.xcomponent.port.contract.EventStoreContract;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryEventStoreTest extends EventStoreContract {
  @Override
  protected EventStore openStore(Vertx vertx) {
    return new InMemoryEventStore();
  }

  @Test
  void theOldestEventsAreForgottenBeyondTheBoundButTheirNumbersStayTaken() throws Exception {
    InMemoryEventStore store = new InMemoryEventStore(3);
    String id = UUID.randomUUID().toString();
    for (int seq = 1; seq <= 5; seq++) {
      StoredEvent e = new StoredEvent(UUID.randomUUID().toString(), id, seq, "C", "M", "E", Map.of(), "", "S",
          Map.of(), null, Map.of(), "active", 0, null, "c", null, null, seq);
      await(store.append(List.of(e), List.of()));
    }
    assertThat(await(store.events(id, 0))).extracting(StoredEvent::seq).containsExactly(3L, 4L, 5L);
    StoredEvent again = new StoredEvent(UUID.randomUUID().toString(), id, 1, "C", "M", "E", Map.of(), "", "S",
        Map.of(), null, Map.of(), "active", 0, null, "c", null, null, 9);
    assertThat(store.append(List.of(again), List.of()).failed()).isTrue();
  }
}
