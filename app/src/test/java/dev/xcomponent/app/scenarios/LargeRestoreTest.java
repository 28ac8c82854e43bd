package dev.xcomponent.app.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.adapter.memory.InMemoryEventStore;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.port.InstanceView;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A restore of more instances than one page of the restore holds (1,000): every page comes back,
 * read ahead of the one being restored, with the state, data and timers each instance had;
 * finished instances stay finished.
 */
class LargeRestoreTest {
  private static final String ORDERS =
      """
      name: Big
      entryMachineMode: multiple
      stateMachines:
        - name: Order
          initialState: New
          states: [{name: New}, {name: Validated}, {name: Confirmed}, {name: Done, type: final}]
          transitions:
            - {from: New, to: Validated, event: VALIDATE}
            - {from: Validated, to: Confirmed, event: CONFIRM}
            - {from: Confirmed, to: Done, event: COMPLETE}
            - {from: New, to: Done, event: EXPIRE, type: timeout, timeoutMs: 3600000}
      """;

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final Harness h = new Harness().store(store);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void everyPageOfALargeComponentComesBack() {
    h.settings(RuntimeSettings.defaults().withSnapshotInterval(2)).start(ORDERS);
    // 2,000 unfinished orders: two full pages, so the restore also reads the empty page after them
    Map<String, String> expected = new HashMap<>();
    for (int i = 0; i < 2_100; i++) {
      String id = h.create("Big", "Order", Map.of("Id", i));
      if (i < 100) {
        h.send(id, "VALIDATE", Map.of());
        h.send(id, "CONFIRM", Map.of());
        h.send(id, "COMPLETE", Map.of());
        expected.put(id, null);
      } else if (i % 3 == 0) {
        expected.put(id, "New"); // its timer armed at creation
      } else if (i % 3 == 1) {
        h.send(id, "VALIDATE", Map.of()); // snapshot at the second event: nothing to replay
        expected.put(id, "Validated");
      } else {
        h.send(id, "VALIDATE", Map.of());
        h.send(id, "CONFIRM", Map.of()); // one event replayed after the snapshot
        expected.put(id, "Confirmed");
      }
    }
    h.stop();

    h.start(ORDERS);
    assertRestored(expected);

    // one more: a third page, short
    expected.put(h.create("Big", "Order", Map.of("Id", -1)), "New");
    h.stop();
    h.start(ORDERS);
    assertRestored(expected);
  }

  private void assertRestored(Map<String, String> expected) {
    assertThat(h.instances("Big", "Order")).hasSize((int) expected.values().stream().filter(s -> s != null).count());
    expected.forEach((id, state) -> {
      InstanceView v = h.view(id);
      if (state == null) {
        assertThat(v).as(id).isNull();
        return;
      }
      assertThat(v.currentState()).as(id).isEqualTo(state);
      assertThat(v.data()).as(id).containsKey("Id");
      if (state.equals("New")) {
        assertThat(v.pendingTimeouts()).as(id).singleElement().satisfies(p -> assertThat(p.remainingMs()).isPositive());
      } else {
        assertThat(v.pendingTimeouts()).as(id).isEmpty();
      }
    });
  }
}
